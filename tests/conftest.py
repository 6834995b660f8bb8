"""Shared fixtures: the real domain and knowledge file, trackers, dispatchers."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.knowledge.loader import load_career
from bot.knowledge.models import Career
from bot.paths import DOMAIN_FILE, KNOWLEDGE_DIR, ROOT

CAREER_FILE = KNOWLEDGE_DIR / "careers" / "industrial-production-manager.yml"


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    """The real domain.yml as a dict (what the action server passes to actions)."""
    with DOMAIN_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="session")
def career() -> Career:
    """The real industrial production manager knowledge."""
    return load_career(CAREER_FILE)


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A writable copy of the knowledge folder; returns its ``careers/`` folder (the career files)."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    return target / "careers"


@pytest.fixture(scope="session")
def model() -> Path:
    """The trained model for the current data (trained once, cached by fingerprint)."""
    from bot.tools.training import ensure_model

    return ensure_model()


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    """Collects what an action sends."""
    return CollectingDispatcher()


def make_tracker(
    text: str = "",
    intent: str = "",
    entities: Optional[List[Dict[str, Any]]] = None,
    slots: Optional[Dict[str, Any]] = None,
    sender: str = "test-student",
    active_loop: Optional[Dict[str, Any]] = None,
) -> Tracker:
    """A tracker whose latest user message is ``text`` classified as ``intent``."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities or []}
    return Tracker(
        sender_id=sender,
        slots=slots or {},
        latest_message=latest,
        events=[],
        paused=False,
        followup_action=None,
        active_loop=active_loop or {},
        latest_action_name="action_listen",
    )


def entity(kind: str, value: str) -> Dict[str, Any]:
    """An entity as SpacyEntityExtractor reports it."""
    return {"entity": kind, "value": value, "start": 0, "end": len(value), "extractor": "SpacyEntityExtractor"}


def texts(dispatcher: CollectingDispatcher) -> str:
    """Everything the action said, joined (for substring assertions)."""
    return "\n".join(str(m.get("text") or "") for m in dispatcher.messages)


__all__ = ["ROOT", "make_tracker", "entity", "texts"]
