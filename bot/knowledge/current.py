"""The knowledge in use by a running bot: careers, their catalog of names, and general facts.

Re-read when a file changes (the store checks modification times on each
turn), so a counselor's new or edited career file is answered from at once;
the names the NLU components look for follow within a second (names_catalog).
"""

from __future__ import annotations

import time
from typing import Dict, Optional, Tuple

from bot.interpret.rules import Knowledge
from bot.knowledge.catalog import OCCUPATIONS_FILE, Catalog, load_occupations
from bot.knowledge.loader import KnowledgeError, default_store, load_general
from bot.knowledge.models import Career, GeneralFacts
from bot.paths import GENERAL_FILE

_cached: Optional[Tuple[int, int, Knowledge]] = None
_general: Optional[Tuple[float, Optional[GeneralFacts]]] = None
# How long the names' catalog may go unchecked. Checking stats every career file (about 1 ms for 300 files); the
# NLU components ask for the names several times per message, so they check at most this often: a new or edited
# file's names are heard within a second. Answers (current_knowledge) check on every turn.
NAMES_RECHECK_SECONDS = 1.0
_names_checked: Optional[Tuple[float, Catalog]] = None


def _stamp() -> int:
    return OCCUPATIONS_FILE.stat().st_mtime_ns if OCCUPATIONS_FILE.exists() else 0


def knowledge_for(careers: Dict[str, Career]) -> Knowledge:
    """Knowledge (with its catalog of names) for a set of careers."""
    return Knowledge(careers, Catalog.build(careers, load_occupations()))


def current_knowledge() -> Knowledge:
    """The careers of knowledge/careers/ and their catalog (rebuilt when a file changes)."""
    global _cached
    careers = default_store().careers()
    stamp = _stamp()
    if _cached is None or _cached[0] != id(careers) or _cached[1] != stamp:
        _cached = (id(careers), stamp, knowledge_for(careers))
    return _cached[2]


def names_catalog() -> Catalog:
    """The catalog of career names, for reading messages (checked for changed files at most once a second)."""
    global _names_checked
    now = time.monotonic()
    if _names_checked is None or now - _names_checked[0] >= NAMES_RECHECK_SECONDS:
        _names_checked = (now, current_knowledge().catalog)
    return _names_checked[1]


def general_facts() -> Optional[GeneralFacts]:
    """knowledge/general.yml (None if the file is missing or invalid: answers then leave that context out)."""
    global _general
    stamp = GENERAL_FILE.stat().st_mtime if GENERAL_FILE.exists() else -1.0
    if _general is None or _general[0] != stamp:
        try:
            _general = (stamp, load_general() if stamp >= 0 else None)
        except KnowledgeError:
            _general = (stamp, None)
    return _general[1]
