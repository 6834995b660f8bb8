"""Reading the conversation store for the counselor page (Rasa's ``events`` table, SQLite or PostgreSQL).

Student messages are ``user`` events; what the bot made of each is the
``turn_record`` slot event after it (bot/interpret/record.py; Rasa stores a slot
event's name in the ``action_name`` column). Conversations run by the counselors'
own tests (``convtest-`` ids) are left out. Nothing older than the retention
period is read. Saving a chat as a test and forgetting one use the same code as
``make export-test`` and ``make forget``.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from bot.channels.conversation_ids import channel_label
from bot.conversations.runner import TEST_SENDER_PREFIX
from bot.counselor import stats
from bot.interpret.record import SLOT as RECORD_SLOT
from bot.retention import EVENTS, SECONDS_PER_DAY, db_error_reason
from bot.safety import handoffs

MAX_UNANSWERED = 500
MAX_CONVERSATIONS = 100

# The page lists events by kind and time; Rasa's table has an index on the conversation id only. This index holds
# every column those lists read, so they are read from the index alone. It replaces an earlier, narrower one.
PAGE_INDEX = sa.Index("careerbot_events_page", EVENTS.c.type_name, EVENTS.c.timestamp, EVENTS.c.action_name,
                      EVENTS.c.sender_id, EVENTS.c.id)
OLD_INDEX = sa.Index("careerbot_events_kind_time", EVENTS.c.type_name, EVENTS.c.timestamp)


def _quarter_hour(dialect: str) -> Any:
    """An event's quarter hour since the epoch, a whole number (SQLite has no floor; its cast drops the fraction)."""
    quarters = EVENTS.c.timestamp / stats.QUARTER_HOUR
    return sa.cast(quarters, sa.Integer) if dialect == "sqlite" else sa.func.floor(quarters)


class StoreError(Exception):
    """The conversation store could not be read or changed; the message says why (no message text)."""


@dataclass(frozen=True)
class Conversation:
    """A conversation in the list: id, channel, last active, student messages, the first one (masked)."""

    conversation_id: str
    channel: str
    last_active: float
    messages: int
    first_message: str


@dataclass(frozen=True)
class Line:
    """One line of a conversation as the viewer shows it."""

    timestamp: float
    speaker: str  # "student" or "bot"
    text: str
    buttons: Tuple[str, ...] = ()


def _text_of(data: Optional[str]) -> Tuple[str, Dict[str, Any]]:
    try:
        event = json.loads(data or "{}")
    except ValueError:
        return "", {}
    return str(event.get("text") or ""), event if isinstance(event, dict) else {}


class ConversationStore:
    """The tracker store the bot uses, read for the counselor page."""

    def __init__(self, url: str, retention_days: int) -> None:
        self.url = url
        self.retention_days = retention_days
        self._engine: Optional[Engine] = None
        self._indexed = False
        self._lock = threading.Lock()
        # Turn records already read, by event id, with the event's time: a reload reads only the new ones. The
        # events of the period are listed each time, so a forgotten conversation or an expired turn is never
        # shown from here, and an event id reused after a deletion is read again (its time differs).
        self._records: Dict[int, Tuple[float, Optional[stats.TurnRecord]]] = {}

    def _open(self) -> Optional[Engine]:
        """The engine, or None while nothing has been stored yet (no SQLite file, no events table)."""
        with self._lock:
            if self._engine is None:
                parsed = make_url(self.url)
                if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").exists():
                    return None
                connect_args = {"connect_timeout": 10} if parsed.get_backend_name() == "postgresql" else {}
                self._engine = sa.create_engine(self.url, future=True, pool_pre_ping=True, connect_args=connect_args)
            engine = self._engine
            if not self._indexed:
                if not sa.inspect(engine).has_table("events"):
                    return None
                PAGE_INDEX.create(engine, checkfirst=True)
                OLD_INDEX.drop(engine, checkfirst=True)
                self._indexed = True
        return engine

    def cutoff(self, now: Optional[float] = None) -> float:
        """Nothing before this time is shown (the retention period)."""
        return (now or time.time()) - self.retention_days * SECONDS_PER_DAY

    def _not_tests(self) -> Any:
        return sa.not_(EVENTS.c.sender_id.like(f"{TEST_SENDER_PREFIX}%"))

    def overview(self, period: stats.Period, career_names: Dict[str, str]) -> stats.Overview:
        """Count the period's messages and turns (see ``stats.overview``)."""
        try:
            engine = self._open()
            if engine is None:
                return stats.overview(period, [], [], {}, career_names, {})
            start, end = max(period.start, self.cutoff()), period.end
            in_period = sa.and_(EVENTS.c.timestamp >= start, EVENTS.c.timestamp < end, self._not_tests())
            with engine.connect() as connection:
                quarter = _quarter_hour(engine.dialect.name)
                messages = [stats.Message(sender, float(number) * stats.QUARTER_HOUR, count)
                            for sender, number, count in connection.execute(
                                sa.select(EVENTS.c.sender_id, quarter, sa.func.count())
                                .where(EVENTS.c.type_name == "user", in_period)
                                .group_by(EVENTS.c.sender_id, quarter))]
                records = self._turn_records(connection, in_period)
                listed = stats.newest_unanswered(records, MAX_UNANSWERED)
                paired, texts = self._said_before(connection, listed, start)
            return stats.overview(period, messages, records, texts, career_names, paired, MAX_UNANSWERED)
        except sa.exc.SQLAlchemyError as error:
            raise StoreError(f"Reading the conversation store failed: {db_error_reason(error)}") from None

    def _turn_records(self, connection: Any, in_period: Any) -> List[stats.TurnRecord]:
        """The period's turn records: the events listed, the ones not read before read and parsed."""
        keys = connection.execute(sa.select(EVENTS.c.id, EVENTS.c.timestamp).where(
            EVENTS.c.type_name == "slot", EVENTS.c.action_name == RECORD_SLOT, in_period)).all()
        with self._lock:
            known = self._records
            wanted = sorted(event_id for event_id, at in keys if known.get(event_id, (None,))[0] != at)
        read: Dict[int, Tuple[float, Optional[stats.TurnRecord]]] = {}
        for chunk in range(0, len(wanted), 500):
            for event_id, sender, at, data in connection.execute(
                    sa.select(EVENTS.c.id, EVENTS.c.sender_id, EVENTS.c.timestamp, EVENTS.c.data).where(
                        EVENTS.c.id.in_(wanted[chunk:chunk + 500]))):
                read[event_id] = (at, stats.TurnRecord.from_value(sender, event_id, at, _text_of(data)[1].get("value")))
        with self._lock:
            known.update(read)
            oldest = self.cutoff()
            for event_id in [event_id for event_id, (at, _) in known.items() if at < oldest]:
                del known[event_id]  # past the retention period: never shown again
            found = [known.get(event_id, (None, None))[1] for event_id, _ in keys]
        return [record for record in found if record is not None]

    def _said_before(self, connection: Any, records: Sequence[stats.TurnRecord],
                     start: float) -> Tuple[Dict[int, int], Dict[int, Tuple[str, float]]]:
        """The student message each record answers, and those messages' texts."""
        if not records:
            return {}, {}
        senders = sorted({r.conversation_id for r in records})
        user_events: List[Tuple[str, int]] = []
        for chunk in range(0, len(senders), 500):
            user_events += [(row.sender_id, row.id) for row in connection.execute(
                sa.select(EVENTS.c.sender_id, EVENTS.c.id).where(
                    EVENTS.c.type_name == "user", EVENTS.c.sender_id.in_(senders[chunk:chunk + 500]),
                    EVENTS.c.timestamp >= start - SECONDS_PER_DAY))]
        paired = stats.pair_with_messages(records, user_events)
        wanted = sorted(set(paired.values()))
        texts: Dict[int, Tuple[str, float]] = {}
        for chunk in range(0, len(wanted), 500):
            for row in connection.execute(sa.select(EVENTS.c.id, EVENTS.c.timestamp, EVENTS.c.data).where(
                    EVENTS.c.id.in_(wanted[chunk:chunk + 500]))):
                texts[row.id] = (_text_of(row.data)[0], row.timestamp)
        return paired, texts

    def conversations(self, period: stats.Period, limit: int = MAX_CONVERSATIONS) -> List[Conversation]:
        """The period's conversations, most recently active first, with their first student message."""
        try:
            engine = self._open()
            if engine is None:
                return []
            start = max(period.start, self.cutoff())
            query = (sa.select(EVENTS.c.sender_id, sa.func.count().label("messages"),
                               sa.func.min(EVENTS.c.id).label("first_id"),
                               sa.func.max(EVENTS.c.timestamp).label("last_active"))
                     .where(EVENTS.c.type_name == "user", EVENTS.c.timestamp >= start,
                            EVENTS.c.timestamp < period.end, self._not_tests())
                     .group_by(EVENTS.c.sender_id)
                     .order_by(sa.desc("last_active")).limit(limit))
            with engine.connect() as connection:
                rows = list(connection.execute(query))
                firsts = {row.id: _text_of(row.data)[0] for row in connection.execute(
                    sa.select(EVENTS.c.id, EVENTS.c.data).where(EVENTS.c.id.in_([r.first_id for r in rows])))} \
                    if rows else {}
            return [Conversation(row.sender_id, channel_label(row.sender_id), row.last_active, row.messages,
                                 firsts.get(row.first_id, "")) for row in rows]
        except sa.exc.SQLAlchemyError as error:
            raise StoreError(f"Reading the conversation store failed: {db_error_reason(error)}") from None

    def events(self, conversation_id: str) -> List[Dict[str, Any]]:
        """A conversation's stored events (as Rasa's dicts), oldest first, within the retention period."""
        try:
            engine = self._open()
            if engine is None:
                return []
            with engine.connect() as connection:
                rows = connection.execute(sa.select(EVENTS.c.data).where(
                    EVENTS.c.sender_id == conversation_id, EVENTS.c.timestamp >= self.cutoff()).order_by(EVENTS.c.id))
                return [event for event in (_text_of(row.data)[1] for row in rows) if event]
        except sa.exc.SQLAlchemyError as error:
            raise StoreError(f"Reading the conversation failed: {db_error_reason(error)}") from None

    def lines(self, conversation_id: str) -> List[Line]:
        """What the student and the bot said, in order."""
        lines: List[Line] = []
        for event in self.events(conversation_id):
            kind = event.get("event")
            if kind == "user":
                lines.append(Line(float(event.get("timestamp") or 0), "student", str(event.get("text") or "")))
            elif kind == "bot" and (event.get("text") or (event.get("data") or {}).get("buttons")):
                buttons = tuple(str(b.get("title", "")) for b in (event.get("data") or {}).get("buttons") or [])
                lines.append(Line(float(event.get("timestamp") or 0), "bot", str(event.get("text") or ""), buttons))
        return lines

    def turn_records(self, conversation_id: str) -> List[Dict[str, Any]]:
        """What the bot made of each of the conversation's messages (its turn records), oldest first."""
        try:
            engine = self._open()
            if engine is None:
                return []
            with engine.connect() as connection:
                rows = connection.execute(
                    sa.select(EVENTS.c.data).where(EVENTS.c.sender_id == conversation_id, EVENTS.c.type_name == "slot",
                                                   EVENTS.c.action_name == RECORD_SLOT).order_by(EVENTS.c.id)).all()
        except sa.exc.SQLAlchemyError as error:
            raise StoreError(f"Reading the conversation failed: {db_error_reason(error)}") from None
        values = [_text_of(row.data)[1].get("value") for row in rows]
        return [value for value in values if isinstance(value, dict)]

    def waiting(self) -> List[handoffs.Record]:
        """Handoffs and crisis flags no counselor has marked as seen, oldest first, within the retention period."""
        try:
            cutoff = self.cutoff()
            return [r for r in handoffs.list_records(self.url) if r.created_at >= cutoff]
        except handoffs.HandoffStoreError as error:
            raise StoreError(str(error)) from None

    def mark_seen(self, record_id: int) -> bool:
        """Mark a handoff or crisis flag as seen."""
        try:
            return handoffs.mark_seen(self.url, record_id)
        except handoffs.HandoffStoreError as error:
            raise StoreError(str(error)) from None
