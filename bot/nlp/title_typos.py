"""Misspelled job titles of other careers ("plumer pay", "acountant salary").

The spaCy entity ruler (bot/nlp/build_spacy.py) only matches exact titles, so a
misspelled one slipped through and the bot could answer with this career's
figures. This module finds a word that is *not* a word the bot knows (from its
training data, knowledge and vocabulary files) and is one or two letters away
from a one-word title of another career. Known words are never taken for
titles, so "factor" is not read as "actor" and "manger" (a typo of our own
"manager") is not a job title.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Optional

from bot.nlp.build_spacy import other_occupations, plural_forms
from bot.paths import DATA_DIR, KNOWLEDGE_DIR, ROOT

MIN_LENGTH = 5
SIMILARITY = 0.85
WORD = re.compile(r"[a-z]+")


def _words_in(path: Path) -> FrozenSet[str]:
    return frozenset(WORD.findall(path.read_text(encoding="utf-8").lower()))


@lru_cache(maxsize=1)
def known_words() -> FrozenSet[str]:
    """Every word in the training data, knowledge files and domain (a misspelling is none of these)."""
    words: set = set()
    for path in [*sorted(DATA_DIR.rglob("*.yml")), *sorted(KNOWLEDGE_DIR.rglob("*.yml")), ROOT / "domain.yml"]:
        if path.exists():
            words |= _words_in(path)
    return frozenset(words)


@lru_cache(maxsize=1)
def one_word_titles() -> Dict[str, str]:
    """Every one-word title of another career and its plural, to the title: {"plumbers": "plumber", ...}."""
    return {form: title for title in other_occupations() if " " not in title for form in plural_forms(title)}


def misspelled_title(text: str) -> Optional[str]:
    """The title of another career a misspelled word stands for, or None."""
    known = known_words()
    titles = one_word_titles()
    for word in WORD.findall(text.lower()):
        if len(word) < MIN_LENGTH or word in known:
            continue
        close = difflib.get_close_matches(word, list(titles), n=1, cutoff=SIMILARITY)
        if close:
            return titles[close[0]]
    return None
