"""Handoffs and crisis flags for counselors: what they hold, and where they are kept.

A record is made when a student says yes to passing the conversation on
(``handoff``) and, if the school's settings say so, for every crisis message
(``crisis``). It holds the careers and topics the student asked about, their
pathway answers, their last messages (already masked by the channel guard) and a
short code the student can give the counselor. It never holds a name or
contact details: the bot never asks for them.

Records live in the table ``careerbot_handoffs`` of the conversation store
(SQLite ``var/tracker.db`` or the scale profile's PostgreSQL), so they follow the
same retention: ``make purge`` deletes them with the conversations and ``make
forget`` with their conversation. ``make handoffs`` lists them; the counselor
page reads the same table.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, Iterable, List, Optional

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

HANDOFF = "handoff"
CRISIS = "crisis"
CODE_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679"  # no 0/O, 1/I/L, 2/Z, 5/S, 8/B: easy to read aloud
CODE_LENGTH = 6

_metadata = sa.MetaData()
HANDOFFS = sa.Table(
    "careerbot_handoffs",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(16), nullable=False, index=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("channel", sa.String(64), nullable=False, default=""),
    sa.Column("created_at", sa.Float, nullable=False, index=True),
    sa.Column("seen_at", sa.Float, nullable=True),
    sa.Column("record", sa.Text, nullable=False),
)

# Intents that ask about a topic: ask_<topic>.
_NOT_TOPICS = {"ask_unknown_detail", "ask_counselor"}


class HandoffStoreError(Exception):
    """The handoff store could not be read or written; the message says why (no data in it)."""


@dataclass
class Record:
    """One handoff or crisis flag, as counselors see it."""

    code: str
    conversation_id: str
    kind: str
    channel: str = ""
    created_at: float = field(default_factory=time.time)
    careers: List[str] = field(default_factory=list)
    topics: List[str] = field(default_factory=list)
    pathway: Dict[str, str] = field(default_factory=dict)
    last_messages: List[str] = field(default_factory=list)
    danger_now: bool = False
    seen_at: Optional[float] = None
    id: Optional[int] = None

    def details(self) -> Dict[str, Any]:
        """What goes into the ``record`` column (everything but the indexed columns)."""
        data = asdict(self)
        for column in ("id", "code", "conversation_id", "kind", "channel", "created_at", "seen_at"):
            data.pop(column)
        return data


def new_code() -> str:
    """A short random code like ``K7P-4QX`` that a student can read out to a counselor."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:3]}-{raw[3:]}"


def _unique(items: Iterable[str]) -> List[str]:
    seen: List[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return seen


def build_record(
    events: List[Dict[str, Any]],
    slots: Dict[str, Any],
    conversation_id: str,
    kind: str,
    last_messages: int,
    pathway_slot_prefix: str = "pathway_",
) -> Record:
    """A record from a conversation's events and slots (what a rasa_sdk tracker holds).

    Topics come from the ``ask_<topic>`` intents the student used and the topics
    the bot answered; careers from ``career`` entities and the ``career`` slot;
    the pathway from the filled ``pathway_*`` answer slots; the last messages are
    the student's own texts (button clicks left out), as stored: already masked.
    """
    user_events = [e for e in events if e.get("event") == "user"]
    intents = [str(((e.get("parse_data") or {}).get("intent") or {}).get("name") or "") for e in user_events]
    answered = [str(e.get("value")) for e in events if e.get("event") == "slot" and e.get("name") == "last_topic"]
    topics = _unique(
        [i[len("ask_"):] for i in intents if i.startswith("ask_") and i not in _NOT_TOPICS] + answered
    )
    careers = _unique(
        [str(ent.get("value")) for e in user_events for ent in (e.get("parse_data") or {}).get("entities") or []
         if ent.get("entity") == "career"]
        + [str(e.get("value")) for e in events if e.get("event") == "slot" and e.get("name") == "career"]
        + ([str(slots["career"])] if slots.get("career") else [])
    )
    pathway = {
        name[len(pathway_slot_prefix):]: str(value)
        for name, value in sorted(slots.items())
        if name.startswith(pathway_slot_prefix) and isinstance(value, str) and value
        and name not in {"pathway_exit"}
    }
    typed = [str(e.get("text") or "") for e in user_events if not str(e.get("text") or "").startswith("/")]
    channel = next((str(e.get("input_channel") or "") for e in reversed(user_events)), "")
    return Record(
        code=new_code(),
        conversation_id=conversation_id,
        kind=kind,
        channel=channel,
        careers=careers,
        topics=topics,
        pathway=pathway,
        last_messages=typed[-last_messages:] if last_messages else [],
    )


_engines: Dict[str, Engine] = {}
_engines_lock = threading.Lock()


def _engine(url: str) -> Engine:
    """One engine per store URL in this process, with the table created on first use."""
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            connect_args = {"connect_timeout": 10} if make_url(url).get_backend_name() == "postgresql" else {}
            engine = sa.create_engine(url, future=True, connect_args=connect_args, pool_pre_ping=True)
            _metadata.create_all(engine, checkfirst=True)
            _engines[url] = engine
        return engine


def _reason(error: Exception) -> str:
    """The database's own first line of error, without SQL parameters (they may hold message text)."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return f"{type(original).__name__}: {lines[0] if lines else ''}".rstrip(": ")


def save(url: str, record: Record) -> Record:
    """Store a record; returns it with its id."""
    try:
        with _engine(url).begin() as connection:
            result = connection.execute(
                sa.insert(HANDOFFS).values(
                    code=record.code,
                    conversation_id=record.conversation_id,
                    kind=record.kind,
                    channel=record.channel,
                    created_at=record.created_at,
                    seen_at=record.seen_at,
                    record=json.dumps(record.details()),
                )
            )
            record.id = int(result.inserted_primary_key[0])
    except sa.exc.SQLAlchemyError as error:
        raise HandoffStoreError(f"Saving the handoff failed: {_reason(error)}") from None
    return record


def _from_row(row: Any) -> Record:
    details = json.loads(row.record)
    return Record(
        id=row.id, code=row.code, conversation_id=row.conversation_id, kind=row.kind, channel=row.channel,
        created_at=row.created_at, seen_at=row.seen_at, **details,
    )


def _has_table(url: str) -> bool:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        from pathlib import Path

        if not parsed.database or not Path(parsed.database).exists():
            return False
    return True


def list_records(url: str, include_seen: bool = False, kind: Optional[str] = None) -> List[Record]:
    """Records, oldest first; by default only those no counselor has marked as seen."""
    if not _has_table(url):
        return []
    query = sa.select(HANDOFFS).order_by(HANDOFFS.c.created_at, HANDOFFS.c.id)
    if not include_seen:
        query = query.where(HANDOFFS.c.seen_at.is_(None))
    if kind:
        query = query.where(HANDOFFS.c.kind == kind)
    try:
        with _engine(url).connect() as connection:
            return [_from_row(row) for row in connection.execute(query)]
    except sa.exc.SQLAlchemyError as error:
        raise HandoffStoreError(f"Reading the handoffs failed: {_reason(error)}") from None


def mark_seen(url: str, record_id: int, when: Optional[float] = None) -> bool:
    """Mark one record as seen by a counselor; False if there is no such record."""
    try:
        with _engine(url).begin() as connection:
            result = connection.execute(
                sa.update(HANDOFFS).where(HANDOFFS.c.id == record_id).values(seen_at=when or time.time())
            )
            return bool(result.rowcount)
    except sa.exc.SQLAlchemyError as error:
        raise HandoffStoreError(f"Updating the handoff failed: {_reason(error)}") from None


def delete_before(url: str, cutoff: float) -> int:
    """Delete records made before ``cutoff`` (seconds since the epoch): the retention period."""
    if not _has_table(url):
        return 0
    try:
        with _engine(url).begin() as connection:
            return int(connection.execute(sa.delete(HANDOFFS).where(HANDOFFS.c.created_at < cutoff)).rowcount or 0)
    except sa.exc.SQLAlchemyError as error:
        raise HandoffStoreError(f"Deleting old handoffs failed: {_reason(error)}") from None


def delete_conversation(url: str, conversation_id: str) -> int:
    """Delete the records of one conversation (with ``make forget``)."""
    if not _has_table(url):
        return 0
    try:
        with _engine(url).begin() as connection:
            query = sa.delete(HANDOFFS).where(HANDOFFS.c.conversation_id == conversation_id)
            return int(connection.execute(query).rowcount or 0)
    except sa.exc.SQLAlchemyError as error:
        raise HandoffStoreError(f"Deleting the conversation's handoffs failed: {_reason(error)}") from None
