"""What the counselor page shows for a period, computed from rows of the conversation store (pure functions).

The rows come from ``bot/counselor/store.py``: every student message (conversation
id and time) and every turn record (what the bot made of a message: see
bot/interpret/record.py). Nothing here touches a database, so the counting is
tested on its own.
"""

from __future__ import annotations

import bisect
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Callable, Dict, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Set, Tuple

from bot.channels.conversation_ids import channel_label

SECONDS_PER_DAY = 86400
# Every time zone's offset (and its daylight saving change) is a whole number of quarter hours, so a local day
# holds whole quarter hours: the store counts messages per conversation and quarter hour, and each of those
# counts falls on one day.
QUARTER_HOUR = 900

# Turns the bot couldn't answer, and how the page names the reason.
UNANSWERED: Mapping[str, str] = {
    "fallback": "not understood",
    "not_known": "no fact in the career's file",
    "unknown_career": "career not in the bot yet",
    "out_of_scope": "not about careers",
    "other_language": "not in English",
}

# Kinds of turn, as the page names them.
KIND_LABELS: Mapping[str, str] = {
    "answer": "career questions answered",
    "compare": "careers compared",
    "browse": "careers browsed",
    "plan": "plan questions",
    "not_known": "facts the bot doesn't have",
    "unknown_career": "careers not in the bot",
    "which_career": "asked which career",
    "no_more": "nothing more to say",
    "small_talk": "greetings and small talk",
    "out_of_scope": "not about careers",
    "fallback": "not understood",
    "counselor": "asked for a counselor",
    "handoff": "passed on to a counselor",
    "handoff_declined": "handoff declined",
    "crisis": "crisis messages",
    "boundary": "personal questions refused",
    "restart": "started over",
    "worry": "worries shared",
    "glossary": "words explained",
    "explain": "figures explained",
    "other_language": "not in English",
}


def topic_label(topic: str) -> str:
    """``pay_factors`` -> ``pay factors``; ``duty_workers`` -> ``duties: workers``."""
    if topic.startswith("duty_"):
        return "duties: " + topic[len("duty_"):].replace("_", " ")
    return topic.replace("_", " ")


@dataclass(frozen=True)
class Period:
    """The days shown, first and last included, in the server's local time."""

    first: date
    last: date

    @property
    def start(self) -> float:
        """Seconds since the epoch at the first day's local midnight."""
        return time.mktime(datetime.combine(self.first, datetime.min.time()).timetuple())

    @property
    def end(self) -> float:
        """Seconds since the epoch at the local midnight after the last day."""
        return time.mktime(datetime.combine(self.last + timedelta(days=1), datetime.min.time()).timetuple())

    def days(self) -> List[date]:
        """Every day of the period."""
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    @classmethod
    def choose(cls, first: Optional[str], last: Optional[str], retention_days: int,
               today: Optional[date] = None) -> Period:
        """The period asked for (ISO dates), kept inside the retention period; default the last 7 days."""
        today = today or date.today()
        oldest = today - timedelta(days=retention_days)
        end = _parse_day(last) or today
        begin = _parse_day(first) or end - timedelta(days=6)
        end = min(max(end, oldest), today)
        begin = min(max(begin, oldest), end)
        return cls(begin, end)


def _parse_day(text: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(text.strip()) if text else None
    except ValueError:
        return None


class Message(NamedTuple):
    """A conversation's student messages in one quarter hour: conversation, a time in it, how many."""

    conversation_id: str
    timestamp: float
    messages: int = 1


class TurnRecord(NamedTuple):
    """A turn record (bot/interpret/record.py) with where and when it was made (a tuple: thousands are read)."""

    conversation_id: str
    event_id: int
    timestamp: float
    kind: str
    topics: Tuple[str, ...] = ()
    careers: Tuple[str, ...] = ()
    others: Tuple[str, ...] = ()
    plan: Optional[str] = None

    @classmethod
    def from_value(cls, conversation_id: str, event_id: int, timestamp: float, value: object) -> Optional[TurnRecord]:
        """From the slot's stored value; None for a value that isn't a record."""
        if not isinstance(value, dict) or not isinstance(value.get("kind"), str):
            return None

        plan = value.get("plan")
        return cls(conversation_id, event_id, timestamp, value["kind"], _strings(value.get("topics")),
                   _strings(value.get("careers")), _strings(value.get("others")),
                   plan if isinstance(plan, str) else None)


def _strings(items: object) -> Tuple[str, ...]:
    """A stored list of names as a tuple (anything but non-empty strings dropped)."""
    if not items or not isinstance(items, list):
        return ()
    if all(type(item) is str and item for item in items):
        return tuple(items)
    return tuple(item for item in items if isinstance(item, str) and item)


@dataclass(frozen=True)
class Unanswered:
    """A message the bot couldn't answer."""

    conversation_id: str
    timestamp: float
    text: str
    reason: str


@dataclass(frozen=True)
class CareerCount:
    """How often a career was asked about."""

    name: str
    known: bool
    conversations: int
    messages: int


@dataclass
class Overview:
    """Everything the page shows for a period."""

    period: Period
    conversations: int = 0
    messages: int = 0
    days: List[Tuple[date, int, int]] = field(default_factory=list)  # day, conversations, messages
    channels: List[Tuple[str, int, int]] = field(default_factory=list)  # channel, conversations, messages
    topics: List[Tuple[str, int]] = field(default_factory=list)
    kinds: List[Tuple[str, int]] = field(default_factory=list)
    careers: List[CareerCount] = field(default_factory=list)
    unanswered: List[Unanswered] = field(default_factory=list)  # the newest (at most ``max_unanswered``)
    unanswered_count: int = 0  # all of the period's
    plans_started: int = 0
    plans_finished: int = 0

    @property
    def careers_not_known(self) -> List[CareerCount]:
        """Careers students asked about that the bot has no file for, most asked first (what to add next)."""
        return [career for career in self.careers if not career.known]


def _local_day(timestamp: float) -> date:
    return date.fromtimestamp(timestamp)


def _relabelled(counts: Mapping[str, int], label: Callable[[str], str]) -> Counter:
    """Counts by stored name as counts by the page's label (two names with one label add up)."""
    result: Counter = Counter()
    for name, count in counts.items():
        result[label(name)] += count
    return result


def _ranked(counts: Mapping[str, int]) -> List[Tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def overview(period: Period, messages: Iterable[Message], records: Iterable[TurnRecord],
             texts: Mapping[int, Tuple[str, float]], career_names: Mapping[str, str],
             previous_user_event: Mapping[int, int], max_unanswered: Optional[int] = None) -> Overview:
    """Count a period's messages and turn records.

    ``career_names`` maps the bot's career ids to their titles; ``previous_user_event``
    maps a record's event id to the id of the student message it answers, and
    ``texts`` that message's id to its (masked) text and time. Every record counts; the list of unanswered
    messages holds the newest ``max_unanswered``.
    """
    result = Overview(period)
    per_day_messages: Counter = Counter()
    per_day_conversations: Dict[date, Set[str]] = defaultdict(set)
    channel_messages: Counter = Counter()
    channel_conversations: Dict[str, Set[str]] = defaultdict(set)
    conversations: Set[str] = set()
    labels: Dict[str, str] = {}  # conversation id -> channel
    days: Dict[int, date] = {}  # quarter hour -> local day
    for conversation_id, timestamp, count in messages:
        quarter = int(timestamp // QUARTER_HOUR)
        day = days.get(quarter)
        if day is None:
            day = days[quarter] = _local_day(timestamp)
        channel = labels.get(conversation_id)
        if channel is None:
            channel = labels[conversation_id] = channel_label(conversation_id)
            conversations.add(conversation_id)
            channel_conversations[channel].add(conversation_id)
        per_day_messages[day] += count
        per_day_conversations[day].add(conversation_id)
        channel_messages[channel] += count
    result.conversations = len(conversations)
    result.messages = sum(per_day_messages.values())
    result.days = [(day, len(per_day_conversations.get(day, ())), per_day_messages.get(day, 0))
                   for day in period.days()]
    result.channels = sorted(((name, len(channel_conversations[name]), count)
                              for name, count in channel_messages.items()), key=lambda row: (-row[2], row[0]))

    topics: Counter = Counter()  # counted by their stored names, labelled once at the end
    kinds: Counter = Counter()
    career_messages: Counter = Counter()  # (career id or other name, known)
    career_conversations: Dict[Tuple[str, bool], Set[str]] = defaultdict(set)
    unanswered_records: List[TurnRecord] = []
    for record in records:
        kinds[record.kind] += 1
        for topic in record.topics:
            topics[topic] += 1
        for career in record.careers:
            career_messages[career, True] += 1
            career_conversations[career, True].add(record.conversation_id)
        for other in record.others:
            career_messages[other, False] += 1
            career_conversations[other, False].add(record.conversation_id)
        if record.plan == "started":
            result.plans_started += 1
        elif record.plan == "finished":
            result.plans_finished += 1
        if record.kind in UNANSWERED:
            unanswered_records.append(record)
    result.topics = _ranked(_relabelled(topics, topic_label))
    result.kinds = _ranked(_relabelled(kinds, lambda kind: KIND_LABELS.get(kind, kind.replace("_", " "))))
    named_messages: Counter = Counter()
    named_conversations: Dict[Tuple[str, bool], Set[str]] = defaultdict(set)
    for (name, known), count in career_messages.items():
        key = (career_names.get(name, name) if known else name, known)
        named_messages[key] += count
        named_conversations[key] |= career_conversations[name, known]
    result.careers = sorted(
        (CareerCount(name, known, len(named_conversations[(name, known)]), count)
         for (name, known), count in named_messages.items()),
        key=lambda c: (-c.conversations, -c.messages, c.name))
    result.unanswered_count = len(unanswered_records)
    newest = newest_unanswered(unanswered_records, max_unanswered)
    for record in newest:
        said = texts.get(previous_user_event.get(record.event_id, -1))
        text, when = said if said else ("", record.timestamp)
        result.unanswered.append(Unanswered(record.conversation_id, when, text, UNANSWERED[record.kind]))
    return result


def newest_unanswered(records: Iterable[TurnRecord], limit: Optional[int] = None) -> List[TurnRecord]:
    """The records of unanswered messages, newest first (the first ``limit``): the ones the page lists."""
    found = sorted((r for r in records if r.kind in UNANSWERED), key=lambda r: -r.timestamp)
    return found if limit is None else found[:limit]


def pair_with_messages(records: Sequence[TurnRecord], user_events: Sequence[Tuple[str, int]]) -> Dict[int, int]:
    """For each record, the id of the last student message before it in the same conversation.

    ``user_events`` are (conversation id, event id) pairs of student messages.
    """
    by_conversation: Dict[str, List[int]] = defaultdict(list)
    for conversation_id, event_id in user_events:
        by_conversation[conversation_id].append(event_id)
    for ids in by_conversation.values():
        ids.sort()
    paired: Dict[int, int] = {}
    for record in records:
        ids = by_conversation.get(record.conversation_id, [])
        index = bisect.bisect_left(ids, record.event_id)
        if index:
            paired[record.event_id] = ids[index - 1]
    return paired
