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

from bot.interpret.words import PhraseIndex
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


@lru_cache(maxsize=4)
def _worry_index(path: Path, _stamp: int) -> Tuple[PhraseIndex, Tuple[str, ...]]:
    """All the worry phrases in one index, and each phrase's kind (re-built when the file changes)."""
    table = _worries(path, _stamp)
    kinds = tuple(kind for kind, phrases in table for _ in phrases)
    return PhraseIndex([phrase for _, phrases in table for phrase in phrases]), kinds


# Words that make a feeling stronger without changing it: "i get really nervous" is "i get nervous".
_INTENSIFIERS = re.compile(r"\b(?:really|so|super|very|kinda|kind of|pretty|totally|lowkey|highkey|lowk|deadass|"
                           r"honestly|literally|just|rly|sooo+|soo)\s+", re.IGNORECASE)


def worry_in(text: str, path: Path = WORRY_WORDS_FILE) -> Optional[str]:
    """The kind of worry a message shares (``grades``, ``college``, ...), or None (intensifiers read through).

    The first kind in the file's order with a phrase in the message.
    """
    plain = text.replace("'", "").replace("\u2019", "")
    index, kinds = _worry_index(path, path.stat().st_mtime_ns)
    found = index.indices(plain) + index.indices(_INTENSIFIERS.sub(" ", plain))
    return kinds[min(found)] if found else None
