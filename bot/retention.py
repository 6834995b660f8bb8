"""Delete stored conversations: those idle longer than the retention period, or one by id.

Works on Rasa's SQL tracker store (table ``events``: one row per event with
``sender_id`` = conversation id and ``timestamp`` = seconds since the epoch), so
the same code serves the embedded profile (SQLite) and the scale profile
(PostgreSQL). Handoffs and crisis flags (bot/safety/handoffs.py) go with them.
``python -m bot purge`` and ``python -m bot forget ID`` call it; the
launcher purges at start and once a day while the bot runs.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List, Optional

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from bot.safety import handoffs

SECONDS_PER_DAY = 86400
BATCH = 500

_metadata = sa.MetaData()
EVENTS = sa.Table(
    "events",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255)),
    sa.Column("type_name", sa.String(255)),
    sa.Column("timestamp", sa.Float),
    sa.Column("action_name", sa.String(255)),  # a slot event's slot name (Rasa's SQLTrackerStore)
    sa.Column("data", sa.Text),
)


class RetentionError(Exception):
    """The tracker store could not be read or changed; the message says why."""


@dataclass(frozen=True)
class PurgeResult:
    """What a purge deleted."""

    conversations: int
    events: int
    cutoff: float
    handoffs: int = 0


def _engine(url: str) -> Optional[Engine]:
    """An engine for the store, or None when an SQLite file does not exist yet (nothing stored)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if not database or not Path(database).exists():
            return None
    connect_args = {"connect_timeout": 10} if parsed.get_backend_name() == "postgresql" else {}
    return sa.create_engine(url, future=True, connect_args=connect_args)


def db_error_reason(error: Exception) -> str:
    """First line of the database's own error (SQLAlchemy's text would add statement parameters)."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return f"{type(original).__name__}: {lines[0] if lines else ''}".rstrip(": ")


def _has_events_table(engine: Engine) -> bool:
    return sa.inspect(engine).has_table("events")


def _chunks(items: List[str]) -> Iterator[List[str]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def _open(url: str) -> Optional[Engine]:
    """An engine whose store has an events table, or None when nothing was ever stored."""
    try:
        engine = _engine(url)
        if engine is None:
            return None
        if not _has_events_table(engine):
            engine.dispose()
            return None
        return engine
    except sa.exc.SQLAlchemyError as error:
        raise RetentionError(f"Cannot open the conversation store: {db_error_reason(error)}") from None


def expired_conversations(url: str, days: int, now: Optional[float] = None) -> List[str]:
    """Ids of conversations whose last event is more than ``days`` days old."""
    engine = _open(url)
    if engine is None:
        return []
    cutoff = (time.time() if now is None else now) - days * SECONDS_PER_DAY
    try:
        with engine.connect() as connection:
            query = (
                sa.select(EVENTS.c.sender_id)
                .group_by(EVENTS.c.sender_id)
                .having(sa.func.max(EVENTS.c.timestamp) < cutoff)
            )
            return [row[0] for row in connection.execute(query)]
    except sa.exc.SQLAlchemyError as error:
        raise RetentionError(f"Reading the conversation store failed: {db_error_reason(error)}") from None
    finally:
        engine.dispose()


def purge(url: str, days: int, now: Optional[float] = None) -> PurgeResult:
    """Delete every conversation whose last event is more than ``days`` days old."""
    if days < 1:
        raise RetentionError("The retention period must be at least 1 day.")
    cutoff = (time.time() if now is None else now) - days * SECONDS_PER_DAY
    engine = _open(url)
    try:
        old_handoffs = handoffs.delete_before(url, cutoff)
    except handoffs.HandoffStoreError as error:
        if engine is not None:
            engine.dispose()
        raise RetentionError(str(error)) from None
    if engine is None:
        return PurgeResult(0, 0, cutoff, old_handoffs)
    conversations = events = 0
    try:
        with engine.begin() as connection:
            latest = (
                sa.select(EVENTS.c.sender_id)
                .group_by(EVENTS.c.sender_id)
                .having(sa.func.max(EVENTS.c.timestamp) < cutoff)
            )
            expired = [row[0] for row in connection.execute(latest)]
            for chunk in _chunks(expired):
                # Re-check the age inside the delete: a student who came back meanwhile keeps the conversation.
                still_idle = (
                    sa.select(EVENTS.c.sender_id)
                    .where(EVENTS.c.sender_id.in_(chunk))
                    .group_by(EVENTS.c.sender_id)
                    .having(sa.func.max(EVENTS.c.timestamp) < cutoff)
                )
                ids = [row[0] for row in connection.execute(still_idle)]
                if ids:
                    result = connection.execute(sa.delete(EVENTS).where(EVENTS.c.sender_id.in_(ids)))
                    conversations += len(ids)
                    events += int(result.rowcount or 0)
    except sa.exc.SQLAlchemyError as error:
        raise RetentionError(f"Purge failed: {db_error_reason(error)}") from None
    finally:
        engine.dispose()
    return PurgeResult(conversations, events, cutoff, old_handoffs)


def forget(url: str, conversation_id: str) -> int:
    """Delete one conversation by id, with its handoffs; return how many events were deleted (0: none stored)."""
    engine = _open(url)
    try:
        handoffs.delete_conversation(url, conversation_id)
    except handoffs.HandoffStoreError as error:
        if engine is not None:
            engine.dispose()
        raise RetentionError(str(error)) from None
    if engine is None:
        return 0
    try:
        with engine.begin() as connection:
            result = connection.execute(sa.delete(EVENTS).where(EVENTS.c.sender_id == conversation_id))
            return int(result.rowcount or 0)
    except sa.exc.SQLAlchemyError as error:
        raise RetentionError(f"Deleting the conversation failed: {db_error_reason(error)}") from None
    finally:
        engine.dispose()


def count_conversations(url: str) -> int:
    """How many conversations are stored."""
    engine = _open(url)
    if engine is None:
        return 0
    try:
        with engine.connect() as connection:
            query = sa.select(sa.func.count(sa.distinct(EVENTS.c.sender_id)))
            return int(connection.execute(query).scalar() or 0)
    except sa.exc.SQLAlchemyError as error:
        raise RetentionError(f"Reading the conversation store failed: {db_error_reason(error)}") from None
    finally:
        engine.dispose()
