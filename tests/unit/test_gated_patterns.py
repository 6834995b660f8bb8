"""Gated patterns and phrase indexes find exactly what searching every pattern or phrase finds."""

from __future__ import annotations

import glob
import re
from functools import lru_cache
from typing import List

import pytest
import yaml

from bot.interpret import words, worries
from bot.paths import ROOT
from bot.safety import crisis
from bot.safety.gated import LiteralScanner, compile_gated, compile_groups, gate
from bot.safety.text import normalise


@lru_cache(maxsize=1)
def _development_messages() -> List[str]:
    """Every message of the development safety sets (crises, look-alikes, personal details)."""
    texts: List[str] = []
    for path in sorted(glob.glob(str(ROOT / "bench" / "safety" / "dev-*.yml"))):
        with open(path, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        texts += [str(m["text"]) for m in data.get("messages") or []]
    assert len(texts) > 10_000
    return texts


@pytest.mark.parametrize(
    ("source", "needs"),
    [
        (r"\b(took|swallowed|drank) (pills|stuff)\b", {"pills", "stuff"}),  # the longer texts
        (r"\bkill (my ?self|myself)\b", {"kill "}),
        (r"\bself ?harm(ing|ed)?\b", {"self"}),
        (r"\b(i|me) (hate|hated) my life\b", {" my life"}),
        (r"\bwant to (die|be dead)\b", {"want to "}),
        (r"(?i)\bdie\b", None),  # case-insensitive: no gate
        (r"\b(a|i) \w+\b", None),  # only one-letter texts: no useful gate
        (r"\b(\w+ ){0,2}(die|dead)\b", {"ie", "ead"}),  # the parser takes the shared "d" out of the group
        (r"\b(cut|cutting)+ me\b", {"cut"}),  # "cut" (the group's shared start), as long as " me"
        (r"\b(cut|cutting|)me\b", {"me"}),  # an empty alternative: the group needs nothing
    ],
)
def test_the_gate_is_read_off_the_pattern(source: str, needs: object) -> None:
    assert gate(re.compile(source)) == needs


def test_a_match_always_contains_a_text_of_the_gate() -> None:
    table = crisis.phrases()
    lists = [*table.crisis.values(), table.concern, table.topic, table.not_crisis]
    found = 0
    for text in _development_messages()[::25]:
        normal = normalise(text)
        for patterns in lists:
            for pattern in patterns.patterns:
                if pattern.needs is not None and pattern.pattern.search(normal):
                    found += 1
                    assert any(needed in normal for needed in pattern.needs), (pattern.pattern.pattern, normal)
    assert found > 150


def test_gated_lists_find_what_searching_every_pattern_finds() -> None:
    """On a fifth of the development messages (about 3,000): the same yes/no per list, the same text after the
    hyperbole is removed."""
    table = crisis.phrases()
    lists = {**{f"crisis:{k}": v for k, v in table.crisis.items()}, "concern": table.concern, "topic": table.topic,
             "topic_personal": table.topic_personal, "danger_now": table.danger_now}
    caught = 0
    for text in _development_messages()[::5]:
        normal = normalise(text)
        for name, patterns in lists.items():
            expected = any(p.pattern.search(normal) for p in patterns.patterns)
            assert patterns.any(normal) == expected, (name, text)
            caught += expected
        removed = normal
        for pattern in table.not_crisis.patterns:
            removed = pattern.pattern.sub(" ", removed)
        assert table.not_crisis.sub_each(" ", normal) == removed, text
    assert caught > 1_000


def test_a_later_pattern_reads_the_text_an_earlier_one_changed() -> None:
    groups = compile_groups({"subs": [r"\bvery ", r"\bso tired\b", r"\bnot tired\b"]})
    assert groups["subs"].sub_each("", "i am so very tired") == "i am "
    assert groups["subs"].sub_each("", "not very tired") == ""


def test_the_scanner_reports_each_text_found() -> None:
    scanner = LiteralScanner(["pills", "took", "rope"])
    assert scanner("i took the pills") == {"pills", "took"}
    assert scanner("nothing here") == frozenset()
    assert compile_gated(r"\brope\b").needs == {"rope"}


def _phrases_by_search(text: str, phrases: tuple) -> List[str]:
    has = words.phrase_finder(text)
    return [p for p in phrases if has(p)]


def test_the_phrase_index_finds_what_phrase_finder_finds() -> None:
    """Worry words, pay words and cluster words, on every development message and some made-up ones."""
    vocabularies = [phrases for _, phrases in worries.worries()]
    pay = words.pay_words()
    vocabularies += [pay.places, pay.costs, *[w for _, w in pay.levels], *[w for _, w in pay.kinds]]
    vocabularies += [(c.lower(), *w) for c, w in words.cluster_words().items()]
    vocabularies.append(("IT", "it jobs", "wat", "what they do", "tech"))
    texts = _development_messages()[::3] + ["wat do IT people do", "what do they do in IT?", "afford it", "", "  "]
    hits = 0
    for phrases in vocabularies:
        index = words.PhraseIndex(phrases)
        for text in texts:
            expected = _phrases_by_search(text, phrases)
            assert index.found(text) == expected, (phrases[:3], text)
            hits += bool(expected)
    assert hits > 1_000


def test_worries_keep_the_order_of_the_file() -> None:
    """The first kind in the file with a phrase in the message, intensifiers read through."""
    table = worries.worries()
    for text in _development_messages()[::5]:
        plain = text.replace("'", "").replace("\u2019", "")
        calm = worries._INTENSIFIERS.sub(" ", plain)
        has, has_calm = words.phrase_finder(plain), words.phrase_finder(calm)
        expected = next((kind for kind, phrases in table if any(has(p) or has_calm(p) for p in phrases)), None)
        assert worries.worry_in(text) == expected, text
