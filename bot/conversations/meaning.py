"""Checks of what a reply means, not how it is worded: its kind, and that it has no other career's figure.

- ``reply kind: don't know`` compares with what the bot itself made of the message:
  the turn record it stores for every message (bot/interpret/record.py), read from
  the bot's conversation store.
- ``no other career's figures: yes`` looks up every figure of the reply among the
  figures of all careers' answers: one that only other careers have is a leak.
Rewording a sentence of a knowledge file changes neither; changing a figure or
its source makes the figure checks of a saved test fail.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Dict, FrozenSet, List, Mapping, Optional, Sequence, Set, Tuple

from bot.conversations.format import REPLY_KINDS

# The turn records of a conversation id, oldest first (empty: none stored, or the store is not reachable).
RecordReader = Callable[[str], Sequence[Mapping[str, object]]]
KIND_NAMES = {internal: words for words, internal in REPLY_KINDS.items()}


def kind_words(kind: str) -> str:
    """The counselor's words for the bot's name of a kind of reply ("not_known" -> "don't know")."""
    return KIND_NAMES.get(kind, kind.replace("_", " "))


@dataclass(frozen=True)
class FigureIndex:
    """Which careers each figure of the bot's answers belongs to ("$81,220" -> registered nurses)."""

    owners: Mapping[str, FrozenSet[str]]
    titles: Mapping[str, str]

    def foreign(self, figures: Sequence[str], careers: Sequence[str]) -> List[Tuple[str, str]]:
        """The figures that belong only to careers other than ``careers``: (figure, one owner's title)."""
        found = []
        for figure in figures:
            owners = self.owners.get(figure)
            if owners and not owners & set(careers):
                found.append((figure, self.titles.get(sorted(owners)[0], sorted(owners)[0])))
        return found


@lru_cache(maxsize=1)
def figure_index() -> FigureIndex:
    """Every figure of every career's topic answers, with the careers it belongs to."""
    from bot.answers.facts import answer
    from bot.conversations.export import all_figures_in
    from bot.knowledge.loader import default_store
    from bot.knowledge.topics import TOPICS

    owners: Dict[str, Set[str]] = {}
    titles: Dict[str, str] = {}
    for career_id, career in default_store().careers().items():
        titles[career_id] = career.career.plural
        for topic in TOPICS:
            text = answer(career, topic)
            for figure in all_figures_in(text or "") if text else []:
                owners.setdefault(figure, set()).add(career_id)
    shared = {f for f, o in owners.items() if len(o) * 2 >= len(titles)}  # in most careers' answers: general
    return FigureIndex({f: frozenset(o) for f, o in owners.items() if f not in shared}, titles)


def wait_for_record(read: RecordReader, sender: str, turn_number: int,
                    timeout: float = 5.0) -> Optional[Mapping[str, object]]:
    """The turn record of the conversation's ``turn_number``-th message (1-based), waiting briefly for the store."""
    deadline = time.monotonic() + timeout
    while True:
        records = read(sender)
        if len(records) >= turn_number:
            return records[turn_number - 1]
        if time.monotonic() > deadline:
            return None
        time.sleep(0.1)


def check_kind(expected: str, record: Optional[Mapping[str, object]]) -> Optional[str]:
    """A problem if the reply is not of the expected kind (None: it is)."""
    if record is None:
        return (f"Expected a reply of the kind \"{expected}\", but the kind can't be checked: the bot's "
                "conversation store can't be read from here (run the tests against a bot on this machine).")
    actual = str(record.get("kind") or "")
    if REPLY_KINDS[expected] == actual:
        return None
    return f"Expected a reply of the kind \"{expected}\", but the bot's reply was of the kind \"{kind_words(actual)}\"."


def careers_of(record: Optional[Mapping[str, object]]) -> Tuple[str, ...]:
    """The careers a reply is about (its turn record's careers)."""
    careers = record.get("careers") if record else None
    return tuple(str(c) for c in careers) if isinstance(careers, list) else ()
