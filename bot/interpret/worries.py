"""Worries students share that are not a crisis: which kind a message shows (knowledge/vocabulary/worry-words.yml).

A worry gets a kind acknowledgement and the counselor's contact, with the answer
to the career question the message also asks. Crisis messages never get here:
the crisis rule runs first. Plain functions, no Rasa.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional, Tuple

import yaml

from bot.interpret.words import phrase_finder_through
from bot.paths import VOCABULARY_DIR

WORRY_WORDS_FILE = VOCABULARY_DIR / "worry-words.yml"


@lru_cache(maxsize=4)
def _worries(path: Path, _stamp: int) -> Tuple[Tuple[str, Tuple[str, ...]], ...]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    found = (data.get("worries") or {}).items()
    return tuple((str(kind), tuple(str(p) for p in phrases or ())) for kind, phrases in found)


def worries(path: Path = WORRY_WORDS_FILE) -> Tuple[Tuple[str, Tuple[str, ...]], ...]:
    """(kind, phrases) in the file's order; re-read when the file changes."""
    return _worries(path, path.stat().st_mtime_ns)


# Words that make a feeling stronger without changing it: "i get really nervous" is "i get nervous".
_INTENSIFIERS = re.compile(r"\b(?:really|so|super|very|kinda|kind of|pretty|totally|lowkey|highkey|lowk|deadass|"
                           r"honestly|literally|just|rly|sooo+|soo)\s+", re.IGNORECASE)


def worry_in(text: str, path: Path = WORRY_WORDS_FILE) -> Optional[str]:
    """The kind of worry a message shares (``grades``, ``college``, ...), or None (intensifiers read through)."""
    has = phrase_finder_through(text.replace("'", "").replace("\u2019", ""), _INTENSIFIERS)
    for kind, phrases in worries(path):
        if any(has(p) for p in phrases):
            return kind
    return None
