"""Reading and writing Rasa's SQL tracker store (table ``events``) in tests, SQLite or PostgreSQL."""

from __future__ import annotations

import json
import time
from typing import Any, Dict, List, Optional

import sqlalchemy as sa

DAY = 86400.0


def sql_store(url: str) -> Any:
    """Rasa's own SQLTrackerStore for a SQLAlchemy URL (so tests write the real schema)."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    if url.startswith("sqlite:///"):
        return SQLTrackerStore(Domain.empty(), dialect="sqlite", db=url[len("sqlite:///") :])
    return SQLTrackerStore(Domain.empty(), host=url)


async def save_conversation(
    store: Any, sender: str, turns: List[str], last_at: float, first_at: Optional[float] = None
) -> None:
    """Store a conversation of user turns (each answered by action_listen), timed first_at..last_at."""
    from rasa.shared.core.events import ActionExecuted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    first_at = last_at if first_at is None else first_at
    events = []
    for index, text in enumerate(turns):
        at = first_at + (last_at - first_at) * (index / max(1, len(turns) - 1))
        events.append(UserUttered(text, intent={"name": "greet", "confidence": 1.0}, timestamp=at))
        events.append(ActionExecuted("action_listen", timestamp=at))
    await store.save(DialogueStateTracker.from_events(sender, events))


def events_of(url: str, sender: str) -> List[Dict[str, Any]]:
    """A conversation's stored events in order, as rows with the event's JSON decoded under ``data``."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT id, type_name, intent_name, action_name, timestamp, data FROM events "
                        "WHERE sender_id = :sender ORDER BY id"),
                {"sender": sender},
            ).mappings().all()
    finally:
        engine.dispose()
    return [{**dict(row), "data": json.loads(row["data"])} for row in rows]


def senders(url: str) -> List[str]:
    """All conversation ids in the store."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return sorted(r[0] for r in connection.execute(sa.text("SELECT DISTINCT sender_id FROM events")))
    finally:
        engine.dispose()


def user_texts(events: List[Dict[str, Any]]) -> List[str]:
    """The student's messages in a conversation, in order."""
    return [e["data"].get("text") for e in events if e["type_name"] == "user"]


def now() -> float:
    return time.time()
