"""Noticing that a message isn't English (knowledge/vocabulary/languages.yml): the bot answers in English for now.

A message counts as another language when at least two of its words are that
language's common words (or have its own accented letters) and they outnumber its
other English words, when it is written mostly in a script other than Latin, or
with Vietnamese letters. Plain functions, no Rasa.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Optional, Pattern, Tuple

import yaml

from bot.paths import VOCABULARY_DIR
from bot.safety.text import english_words, without_accents

LANGUAGES_FILE = VOCABULARY_DIR / "languages.yml"
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Scripts a student may write in, by the first word of their Unicode letter names.
_SCRIPTS = {"CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko", "ARABIC": "ar", "CYRILLIC": "ru",
            "DEVANAGARI": "hi", "HEBREW": "he", "THAI": "th", "GREEK": "el"}


# Vietnamese is written in Latin letters with marks no other language uses (ơ, ư, đ, and vowels with a dot below or
# a hook above: U+1EA0-U+1EF9).
_VIETNAMESE = re.compile(r"[ơưđƠƯĐ\u1ea0-\u1ef9]")


@lru_cache(maxsize=4)
def _read(path: Path, _stamp: int) -> Dict:
    with path.open(encoding="utf-8") as handle:
        return (yaml.safe_load(handle) or {}).get("languages") or {}


@lru_cache(maxsize=4)
def _languages(path: Path, _stamp: int) -> Tuple[Tuple[str, FrozenSet[str], str], ...]:
    return tuple((str(code), frozenset(str(w).lower() for w in entry.get("words") or ()),
                  str(entry.get("letters") or "")) for code, entry in _read(path, _stamp).items())


@lru_cache(maxsize=4)
def _topic_phrases(path: Path, _stamp: int) -> Dict[str, Tuple[Tuple[str, Pattern[str]], ...]]:
    found: Dict[str, Tuple[Tuple[str, Pattern[str]], ...]] = {}
    for code, entry in _read(path, _stamp).items():
        found[str(code)] = tuple(
            (str(topic), re.compile(r"\b(?:" + "|".join(re.escape(str(p)) for p in phrases) + r")\b"))
            for topic, phrases in (entry.get("topics") or {}).items() if phrases)
    return found


def language_topics(text: str, code: str, path: Path = LANGUAGES_FILE) -> Tuple[str, ...]:
    """The answer topics a message in language ``code`` asks about, in the order of the file's topics."""
    plain = without_accents(text.lower())
    return tuple(topic for topic, pattern in _topic_phrases(path, path.stat().st_mtime_ns).get(code, ())
                 if pattern.search(plain))


def languages(path: Path = LANGUAGES_FILE) -> Tuple[Tuple[str, FrozenSet[str], str], ...]:
    """(language code, its common words, its own accented letters); re-read when the file changes."""
    return _languages(path, path.stat().st_mtime_ns)


def _script(text: str) -> Optional[str]:
    """The language of a non-Latin script that most of the message's letters are written in."""
    counts: Dict[str, int] = {}
    letters = 0
    for char in text:
        if not char.isalpha():
            continue
        letters += 1
        name = unicodedata.name(char, "").split(" ")[0]
        if name in _SCRIPTS:
            counts[_SCRIPTS[name]] = counts.get(_SCRIPTS[name], 0) + 1
    if not counts or not letters:
        return None
    code, count = max(counts.items(), key=lambda item: item[1])
    return code if count * 2 > letters else None


@lru_cache(maxsize=4)
def _asking_patterns(path: Path, _stamp: int) -> Tuple[Tuple[str, Pattern[str]], ...]:
    found = []
    for code, entry in _read(path, _stamp).items():
        names = [str(entry.get("name") or "")] + [str(n) for n in entry.get("names") or ()]
        said = "|".join(re.escape(without_accents(n.lower())) for n in names if n)
        if said:
            found.append((str(code), re.compile(
                r"^(?:(?:hey|hi|yo|ok|okay|so|um|pls|please) )*"
                r"(?:(?:can|could|do|will|would) (?:you|u|ya) (?:please |pls )?(?:speak|talk|answer|reply|respond|"
                r"write|text|understand|say (?:it|that)|explain(?: it| that)?|habla|do)(?: to me| with me| me)?"
                r"(?: in)? (?:" + said + r")\b"
                r"|(?:speak|talk|answer|reply|respond|write|text|say it|explain(?: it)?)(?: to me| me)? in (?:" + said +
                r")\b|(?:in )?(?:" + said + r") (?:please|pls|plz)\b"
                r"|(?:hablas|habla|hablan|parles|parlez|falas|fala|sprichst|sprechen sie|nagsasalita ka ng) (?:" +
                said + r")\b)")))
    return tuple(found)


def asked_language(text: str, path: Path = LANGUAGES_FILE) -> Optional[str]:
    """The language a message asks the bot to use ("can you answer in spanish?", "hablas español?"), or None.

    Only a request to the bot: "do nurses need to speak spanish" asks about the job, not for another language.
    """
    plain = " ".join(re.findall(r"[a-z']+", without_accents(text.lower())))
    return next((code for code, pattern in _asking_patterns(path, path.stat().st_mtime_ns)
                 if pattern.search(plain)), None)


def language_of(text: str, path: Path = LANGUAGES_FILE) -> Optional[str]:
    """The code of the language a message is written in ("es", "fr", ...), or None for English (or unsure)."""
    script = _script(text)
    if script:
        return script
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 2:
        return None
    if len(_VIETNAMESE.findall(text)) >= 2:
        return "vi"
    if "¿" in text or "¡" in text:  # only Spanish opens a question or an exclamation with these
        return "es"
    english = english_words()
    best: Optional[Tuple[int, str]] = None
    for code, common, letters in languages(path):
        # A word of the list that is English too ("do", "me", "hay", "para") is neither's evidence; a word with the
        # language's own accented letters ("raíces", "psicólogos") counts for it.
        hits = sum(1 for w in words if w not in english and (w in common or (letters and any(c in letters for c in w))))
        english_count = len({w for w in words if w in english and len(w) > 2 and w not in common})  # a title said twice
        if hits >= 2 and hits > english_count and (best is None or hits > best[0]):
            best = (hits, code)
    return best[1] if best else None
