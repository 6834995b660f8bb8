"""The benchmark's held-out questions (bench/questions.yml): loading and checking replies.

A question set is a list of items (one question or a short conversation);
each turn may say which facts its reply must contain and must not contain.
This module only reads the file and judges reply texts; sending them is
bench/accuracy.py's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

import yaml

QUESTIONS_FILE = Path(__file__).resolve().parent / "questions.yml"
# Issue 19's held-out set: honest answers (no false "Yes", premises, figures explained, worries, words, languages).
HONEST_FILE = Path(__file__).resolve().parent / "honest-answers.yml"
# Earlier held-out sets whose results were read while improving the bot: development sets now.
DEV_QUESTIONS_FILES = tuple(sorted(Path(__file__).resolve().parent.glob("dev-questions*.yml")))
# Earlier held-out honest-answers sets (issue 19), read and fixed against since: replayed with the others.
DEV_HONEST_FILES = tuple(sorted(Path(__file__).resolve().parent.glob("dev-honest-answers*.yml")))
# Careers added with the importer after the held-out set was written, and kept out of the training data.
UNSEEN_CAREERS = (
    "heavy-and-tractor-trailer-truck-drivers", "electrical-and-electronics-engineers",
    "real-estate-brokers-and-sales-agents", "environmental-scientists-and-specialists",
    "barbers-hairstylists-and-cosmetologists",
)

# One expectation: the reply must contain at least one of these strings.
Alternatives = Tuple[str, ...]


@dataclass(frozen=True)
class Turn:
    """One student message and what the reply must / must not contain."""

    say: str
    contains: Tuple[Alternatives, ...] = ()
    not_contains: Tuple[Alternatives, ...] = ()
    not_start: Alternatives = ()  # the reply must not start with any of these ("Yes" for a fact no file states)

    def problems(self, reply: str) -> List[str]:
        """Why ``reply`` fails this turn's checks (empty list: it passes)."""
        text = f" {normalize_reply(reply)} "  # padded: a check may mark a word's start or end with a space
        found: List[str] = []
        starts = [o for o in self.not_start if text[1:].startswith(normalize_reply(o))]
        if starts:
            found.append(f"must not start with {' | '.join(starts)!r}")
        for options in self.contains:
            if not any(normalize_check(o) in text for o in options):
                found.append(f"missing {' | '.join(options)!r}")
        for options in self.not_contains:
            hits = [o for o in options if normalize_check(o) in text]
            if hits:
                found.append(f"must not contain {' | '.join(hits)!r}")
        return found


@dataclass(frozen=True)
class Item:
    """A question or short conversation, judged as a whole."""

    id: str
    topic: str
    turns: Tuple[Turn, ...]
    career: Optional[str] = None  # the career this item's chat starts in (as on a career's page); else the set's


@dataclass(frozen=True)
class LoadQuestion:
    """A question for the latency benchmark and a string its reply should contain."""

    say: str
    contains: str = ""


@dataclass(frozen=True)
class QuestionSet:
    """Everything in questions.yml."""

    items: Tuple[Item, ...]
    load: Tuple[LoadQuestion, ...] = ()
    baseline_load: Tuple[LoadQuestion, ...] = ()
    facts: Dict[str, Alternatives] = field(default_factory=dict)
    career: Optional[str] = None  # the career every item's chat starts in (set 1-9: industrial production managers)

    def messages(self) -> Iterator[str]:
        """Every student message of the accuracy set (not the load lists, which may be trained phrases)."""
        for item in self.items:
            for turn in item.turns:
                yield turn.say


class QuestionFileError(ValueError):
    """questions.yml is malformed; the message names the item."""


def normalize_reply(text: str) -> str:
    """Lower case, straight apostrophes, single spaces (for substring checks)."""
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").lower().split())


def normalize_check(option: str) -> str:
    """A check string like a reply, keeping a space written at its start or end: "nannie " is a word's end."""
    core = normalize_reply(option)
    return (" " if option[:1].isspace() else "") + core + (" " if option[-1:].isspace() else "")


def normalize_message(text: str) -> str:
    """Reduce a message to lower-case words (for overlap checks against training data)."""
    return " ".join(re.sub(r"[^\w']+", " ", text.replace("\u2019", "'").lower()).replace("'", "").split())


def _expand(entry: Any, facts: Dict[str, Alternatives], where: str) -> Alternatives:
    """One check entry (string, @fact or list of them) as a tuple of alternatives."""
    options: List[str] = []
    for value in entry if isinstance(entry, list) else [entry]:
        if not isinstance(value, str) or not value:
            raise QuestionFileError(f"{where}: checks must be non-empty strings, got {value!r}")
        if value.startswith("@"):
            if value[1:] not in facts:
                raise QuestionFileError(f"{where}: unknown fact {value!r}")
            options += facts[value[1:]]
        else:
            options.append(value)
    return tuple(options)


def _turn(raw: Dict[str, Any], facts: Dict[str, Alternatives], where: str) -> Turn:
    say = raw.get("say")
    if not isinstance(say, str) or not say.strip():
        raise QuestionFileError(f"{where}: 'say' must be a non-empty string")
    return Turn(
        say=say,
        contains=tuple(_expand(e, facts, where) for e in raw.get("contains") or []),
        not_contains=tuple(_expand(e, facts, where) for e in raw.get("not") or []),
        not_start=tuple(str(x) for x in raw.get("not_start") or []),
    )


def _load_questions(raw: Optional[Sequence[Dict[str, Any]]]) -> Tuple[LoadQuestion, ...]:
    return tuple(LoadQuestion(str(q["say"]), str(q.get("contains") or "")) for q in raw or [])


def load(path: Path = QUESTIONS_FILE) -> QuestionSet:
    """Read and check questions.yml."""
    with Path(path).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    facts: Dict[str, Alternatives] = {}
    for name, value in (data.get("facts") or {}).items():
        facts[str(name)] = tuple(value) if isinstance(value, list) else (str(value),)
    items: List[Item] = []
    seen = set()
    for index, raw in enumerate(data.get("items") or []):
        item_id = str(raw.get("id") or f"#{index}")
        where = f"{path}: item {item_id}"
        if item_id in seen:
            raise QuestionFileError(f"{where}: duplicate id")
        seen.add(item_id)
        topic = raw.get("topic") or raw.get("class")  # the honest-answers set names a class of answer
        if not topic:
            raise QuestionFileError(f"{where}: 'topic' (or 'class') is required")
        raw_turns = raw.get("turns") or [raw]
        turns = tuple(_turn(t, facts, where) for t in raw_turns)
        if not any(t.contains or t.not_contains or t.not_start for t in turns):
            raise QuestionFileError(f"{where}: no checks (nothing to judge)")
        items.append(Item(item_id, str(topic), turns, str(raw["career"]) if raw.get("career") else None))
    return QuestionSet(
        items=tuple(items),
        load=_load_questions(data.get("load")),
        baseline_load=_load_questions(data.get("baseline_load")),
        facts=facts,
        career=str(data["career"]) if data.get("career") else None,
    )
