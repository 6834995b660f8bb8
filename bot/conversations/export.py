"""Save a real chat as a conversation test (``python -m bot export-test CONVERSATION_ID``).

The chat is read from the tracker store configured in ``endpoints.yml`` (or the
scale profile's endpoints file) through Rasa's tracker store API, so it works
with SQLite and PostgreSQL alike. Each student message becomes a turn (a button
click becomes ``click:`` with the button's title), and each bot reply becomes
checks: its figures, one or two distinctive phrases, and its buttons. The
counselor then edits the file: keep what matters, drop what doesn't.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

import yaml
from yaml.nodes import ScalarNode

from bot.channels.conversation_ids import channel_label
from bot.conversations.format import DEFAULT_DIR, display_path, normalize, parse_text, slug
from bot.conversations.meaning import kind_words
from bot.conversations.runner import TEST_SENDER_PREFIX
from bot.paths import DOMAIN_FILE, ENDPOINTS_FILE
from bot.settings import Settings


class ExportError(Exception):
    """The chat could not be exported; the message says why."""


@dataclass
class ChatTurn:
    """One student message and the bot's reply as stored."""

    text: str
    click: Optional[str] = None
    replies: List[str] = field(default_factory=list)
    buttons: List[Dict[str, str]] = field(default_factory=list)
    kind: Optional[str] = None  # what the bot made of the message (its turn record), when stored

    @property
    def reply_text(self) -> str:
        return "\n".join(self.replies)


def turns_from_events(events: Iterable[Dict[str, Any]]) -> List[ChatTurn]:
    """Group a tracker's events (as dicts) into student/bot turns, from the last restart on.

    A student message equal to the payload of a button in the previous reply is
    recorded as a click on that button's title.
    """
    turns: List[ChatTurn] = []
    for event in events:
        kind = event.get("event")
        if kind == "restart":
            turns = []
        elif kind == "user":
            text = str(event.get("text") or "")
            previous = turns[-1].buttons if turns else []
            title = next((b.get("title") for b in previous if b.get("payload") == text and b.get("title")), None)
            turns.append(ChatTurn(text=text, click=title))
        elif kind == "slot" and event.get("name") == "turn_record" and turns:
            value = event.get("value")
            if isinstance(value, dict) and isinstance(value.get("kind"), str):
                turns[-1].kind = value["kind"]
        elif kind == "bot" and turns:
            if event.get("text"):
                turns[-1].replies.append(str(event["text"]))
            data = event.get("data") or {}
            for button in data.get("buttons") or []:
                title, payload = str(button.get("title", "")), str(button.get("payload", ""))
                turns[-1].buttons.append({"title": title, "payload": payload})
    return turns


# --- Choosing checks from a reply -------------------------------------------------------

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_FIGURES = [
    re.compile(r"\$\d{1,3}(?:,\d{3})+(?:\.\d+)?|\$\d+(?:\.\d+)?"),
    re.compile(r"\b\d+(?:\.\d+)?(?: percent|%)"),
    re.compile(r"(?<![$\d,])\b\d{1,3}(?:,\d{3})+\b"),
    re.compile(rf"\b(?:{_MONTHS}) \d{{4}}\b"),
    re.compile(r"\b(?:19|20)\d{2}\b"),
]
MAX_FIGURES = 3

STOPWORDS = frozenset(
    """a about above after again all also am an and any are as at be because been before being both but by can
    could did do does doing don't each even every few for from further had has have having he her here him his
    how i i'm if in into is isn't it it's its just let like many may me might more most much must my no nor not
    of off on once one only or other our out over own same she should so some such than that that's the their
    them then there these they they're this those through to too under until up us very want was we were what
    when where which while who whom why will with would you you'd your yours yes ask also well get got way
    here's there's what's let's i'd i'll you're you'll""".split()
)
_SEGMENT_SPLIT = re.compile(r"[.!?;:()\[\]\n•\"“”]+|,\s|\s[-–—]\s|→")
_WORD_STRIP = "'\"“”‘’,.;:!?()"


def figures_in(text: str) -> List[str]:
    """Find money, percentages, large numbers and dates in ``text`` (at most three, most telling first).

    Bare years count only when there is no other figure ("from 2022 to 2032" says less than "2 percent").
    """
    found: List[str] = []
    for pattern in _FIGURES:
        if pattern is _FIGURES[-1] and found:
            break
        for match in pattern.finditer(text):
            value = match.group(0)
            if not any(value in other for other in found):
                found.append(value)
    return found[:MAX_FIGURES]


def all_figures_in(text: str) -> List[str]:
    """Every money amount, percentage and large count in ``text`` (not dates): what a career's figures are."""
    found: List[str] = []
    for pattern in _FIGURES[:3]:
        for match in pattern.finditer(text):
            value = match.group(0).replace("%", " percent").replace("  ", " ")
            if value not in found and not any(value in other for other in found):
                found.append(value)
    return found


@dataclass(frozen=True)
class _Candidate:
    phrase: str
    content: int
    size: int
    position: int
    segment: int
    at_start: bool


def generic_words(corpus: Sequence[str], share: float = 0.3) -> frozenset:
    """Find words in at least ``share`` of the bot's replies ("industrial"): they tell nothing apart."""
    counts: Dict[str, int] = {}
    for doc in corpus:
        for word in set(re.findall(r"[a-z']+", normalize(doc))):
            counts[word] = counts.get(word, 0) + 1
    return frozenset(word for word, count in counts.items() if count >= max(2, share * len(corpus)))


def _windows(text: str, generic: frozenset) -> List[_Candidate]:
    """List candidate phrases: 2–5 consecutive words in one clause, not starting or ending on a small word."""
    candidates: List[_Candidate] = []
    haystack = normalize(text)
    position = 0
    small = STOPWORDS | generic
    for segment_index, segment in enumerate(_SEGMENT_SPLIT.split(text)):
        words = [w.strip(_WORD_STRIP) for w in segment.split()]
        words = [w for w in words if w]
        for start in range(len(words)):
            for size in range(2, 6):
                chunk = words[start:start + size]
                if len(chunk) < size:
                    break
                if chunk[0].lower() in small or chunk[-1].lower() in small:
                    continue
                if not all(re.fullmatch(r"[\w$'’,.%-]+", w) for w in chunk):
                    continue
                phrase = " ".join(chunk)
                if normalize(phrase) not in haystack:
                    continue
                content = sum(1 for w in chunk if w.lower() not in small and len(w) > 2)
                candidates.append(_Candidate(phrase, content, size, position + start, segment_index, start == 0))
        position += len(words)
    return candidates


def distinctive_phrases(text: str, corpus: Sequence[str], count: int = 1, avoid: Sequence[str] = ()) -> List[str]:
    """Pick short phrases of ``text`` that appear in as few of the bot's other replies (``corpus``) as possible.

    Phrases containing anything in ``avoid`` (figures already checked) are skipped.
    """
    documents = [normalize(doc) for doc in corpus]

    def frequency(phrase: str) -> int:
        key = normalize(phrase)
        return sum(1 for doc in documents if key in doc)

    scored = sorted(
        _windows(text, generic_words(corpus)),
        key=lambda c: (
            frequency(c.phrase), -min(c.content, 2), not c.at_start, -min(c.content, 3), abs(c.size - 3), c.position
        ),
    )
    chosen: List[str] = []
    segments = set()
    for candidate in scored:
        key = normalize(candidate.phrase)
        if candidate.content < 2 or candidate.segment in segments:
            continue
        if any(normalize(a) in key for a in avoid) or re.search(r"\d", key) and avoid:
            continue
        if any(key in normalize(other) or normalize(other) in key for other in chosen):
            continue
        chosen.append(candidate.phrase)
        segments.add(candidate.segment)
        if len(chosen) == count:
            break
    return chosen


def reference_replies() -> List[str]:
    """Collect what the bot can say: every knowledge answer and domain response (to judge distinctiveness)."""
    replies: List[str] = []
    with DOMAIN_FILE.open(encoding="utf-8") as handle:
        domain = yaml.safe_load(handle) or {}
    for variants in (domain.get("responses") or {}).values():
        replies += [str(v.get("text")) for v in variants or [] if v.get("text")]
    try:
        from bot.answers.facts import answer
        from bot.knowledge.loader import default_store
        from bot.knowledge.topics import TOPICS

        for career in default_store().careers().values():
            for topic in TOPICS:
                text = answer(career, topic)
                if text is not None:
                    replies.append(text)
    except Exception:  # noqa: BLE001 - an invalid knowledge file only makes the phrases less distinctive
        pass
    return replies


# Kinds of reply that are about careers: a saved test checks they carry no other career's figure.
_ABOUT_CAREERS = frozenset({"answer", "not_known", "unknown_career", "compare", "explain", "browse", "plan"})


@lru_cache(maxsize=1)
def source_labels() -> Tuple[str, ...]:
    """Every source as the answers name it, longest first ("..., Occupational Outlook Handbook (2022-32 edition)")."""
    from bot.answers.facts import source_label
    from bot.knowledge.loader import default_store

    labels = {source_label(career, key) for career in default_store().careers().values() for key in career.sources}
    return tuple(sorted(labels, key=len, reverse=True))


def checks_for(turn: ChatTurn, corpus: Sequence[str]) -> Dict[str, Any]:
    """Pick the checks for an exported turn from what the bot's reply means.

    Each figure with its date and source, the kind of reply (when the bot stored what it made of the message),
    no other career's figures, and the buttons: so rewording a sentence keeps the test passing and changing a
    figure or its source makes it fail. Wording is checked (one or two distinctive phrases) only when the kind
    of reply is not known.
    """
    text = turn.reply_text
    figures = figures_in(text)
    checks: Dict[str, Any] = {}
    mention = list(figures)
    if figures:
        mention += [label for label in source_labels() if label in text][:1]
    if turn.kind is None:
        words = len(text.split())
        mention += distinctive_phrases(text, corpus, count=1 if figures or words < 30 else 2, avoid=figures)
    if mention:
        checks["must mention"] = mention
    if turn.kind is not None:
        checks["reply kind"] = kind_words(turn.kind)
        if turn.kind in _ABOUT_CAREERS:
            checks["no other career's figures"] = "yes"
    if turn.buttons:
        checks["must offer buttons"] = [b["title"] for b in turn.buttons if b.get("title")]
    return checks


# --- Writing the file ------------------------------------------------------------------------


def _scalar(text: str) -> str:
    """Write ``text`` as a YAML value: plain when the loader reads it back unchanged, else double-quoted."""
    if text == text.strip() and "\n" not in text and not text.startswith(("[", "{", "-", "?", "!", "&", "*", "|", ">")):
        try:
            node = yaml.compose(f"k: {text}", Loader=yaml.SafeLoader)
            value = node.value[0][1] if node is not None else None
            if isinstance(value, ScalarNode) and value.value == text and value.style is None:
                return text
        except yaml.YAMLError:
            pass
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def page_career(events: Iterable[Dict[str, Any]]) -> Optional[str]:
    """The career the chat started in (the web page's ``data-career``, sent as message metadata), if any."""
    for event in events:
        if event.get("event") == "user":
            metadata = event.get("metadata") or {}
            career = metadata.get("career") if isinstance(metadata, dict) else None
            return str(career) if isinstance(career, str) and career else None
    return None


def render_test(
    conversation_id: str, turns: Sequence[ChatTurn], title: str, corpus: Sequence[str], career: Optional[str] = None
) -> str:
    """Write the conversation test file for a chat, with comments showing the full replies."""
    today = time.strftime("%Y-%m-%d")
    lines = [
        f"# Saved from chat {conversation_id} on {today} by `python -m bot export-test`.",
        "# The checks below were picked from what the bot actually said (shown in the comments).",
        "# Edit them: keep the facts that matter, remove the rest, add 'must not mention:' where useful.",
        *([f"career: {_scalar(career)}  # the chat started on this career's page"] if career else []),
        "conversations:",
        f"  - title: {_scalar(title)}",
        f"    comment: {_scalar(f'Saved from a real chat ({today}); say here why this conversation matters.')}",
        "    turns:",
    ]
    for turn in turns:
        if turn.click is not None:
            lines.append(f"      - click: {_scalar(turn.click)}")
        else:
            lines.append(f"      - student: {_scalar(turn.text)}")
        reply = turn.reply_text
        if reply:
            for reply_line in reply.splitlines():
                lines.append(f"        # bot: {reply_line}".rstrip())
        else:
            lines.append("        # the bot sent no reply to this message")
        for key, values in checks_for(turn, corpus).items():
            if isinstance(values, str):
                lines.append(f"        {key}: {_scalar(values)}")
                continue
            lines.append(f"        {key}:")
            lines += [f"          - {_scalar(value)}" for value in values]
    return "\n".join(lines) + "\n"


# --- Reading the tracker store ------------------------------------------------------------


def endpoints_file(settings: Settings) -> Path:
    """Return the endpoints file the bot runs with for this profile."""
    from bot.tools.launcher import SCALE_ENDPOINTS

    return SCALE_ENDPOINTS if settings.profile == "scale" else ENDPOINTS_FILE


def tracker_store(settings: Settings) -> Any:
    """Open Rasa's tracker store as the bot is configured to use it (endpoints file of the profile)."""
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    return _tracker_store(settings)


@contextmanager
def quiet_warnings() -> Iterator[None]:
    """Hide Rasa's and SQLAlchemy's deprecation warnings (they mean nothing to a counselor).

    Rasa installs its own warning filters while loading, so the display itself is switched off.
    """
    shown = warnings.showwarning
    warnings.showwarning = lambda *args, **kwargs: None
    try:
        yield
    finally:
        warnings.showwarning = shown


def _tracker_store(settings: Settings) -> Any:
    for key, value in {
        "CAREERBOT_VAR_DIR": str(settings.var_dir),
        "CAREERBOT_ACTION_PORT": str(settings.action_port),
        "CAREERBOT_RASA_PORT": str(settings.rasa_port),
    }.items():
        os.environ.setdefault(key, value)
    from rasa.core.tracker_store import TrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.utils.endpoints import read_endpoint_config

    endpoints = endpoints_file(settings)
    if not endpoints.exists():
        raise ExportError(f"{display_path(endpoints)} is missing: it says where conversations are stored.")
    config = read_endpoint_config(str(endpoints), "tracker_store")
    if config is None:
        raise ExportError(f"{display_path(endpoints)} has no tracker_store: conversations are not stored anywhere.")
    kwargs = config.kwargs or {}
    if str(config.type).lower() in {"sql", "sqltrackerstore"} and kwargs.get("dialect") == "sqlite":
        database = Path(str(kwargs.get("db", "")))
        if not database.exists():
            raise ExportError(f"No conversations are stored yet: {database} does not exist "
                              "(set CAREERBOT_VAR_DIR if the bot keeps its data elsewhere).")
    return TrackerStore.create(config, Domain.load(str(DOMAIN_FILE)))


def load_events(conversation_id: str, settings: Settings) -> List[Dict[str, Any]]:
    """Read the events of a conversation's latest session through Rasa's tracker store API."""
    store = tracker_store(settings)
    tracker = asyncio.run(store.retrieve(conversation_id))
    if tracker is None or not any(e.as_dict().get("event") == "user" for e in tracker.events):
        raise ExportError(f'No conversation with the id "{conversation_id}" is stored '
                          f"(the id is shown when a terminal chat ends; `--list` shows recent ones).")
    return [event.as_dict() for event in tracker.events]


def recent_conversations(settings: Settings, limit: int = 20, find: Optional[str] = None) -> List[str]:
    """List recent chats, newest first: id, last active, channel, student messages and the first one.

    Messages are as stored (personal details masked). ``find`` keeps the chats where a message contains it.
    """
    store = tracker_store(settings)
    wanted = normalize(find) if find else None

    async def collect() -> List[tuple]:
        rows = []
        for key in await store.keys():
            if str(key).startswith(TEST_SENDER_PREFIX):
                continue
            tracker = await store.retrieve(key)
            if tracker is None:
                continue
            events = [e.as_dict() for e in tracker.events]
            said = [str(e.get("text") or "") for e in events if e.get("event") == "user"]
            said = [text for text in said if text and not text.startswith("/")] or said
            if not said or (wanted and not any(wanted in normalize(text) for text in said)):
                continue
            stamp = max(float(e.get("timestamp") or 0) for e in events)
            rows.append((stamp, key, len(said), channel_label(str(key)), said[0]))
        return sorted(rows, reverse=True)[:limit]

    def shorten(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= 60 else text[:57] + "..."

    return [
        f"{key}  {time.strftime('%Y-%m-%d %H:%M', time.localtime(stamp))}  {channel}  {count} message(s)  "
        f"first: \"{shorten(first)}\""
        for stamp, key, count, channel, first in asyncio.run(collect())
    ]


def export_test(
    conversation_id: str,
    settings: Settings,
    out: Optional[Path] = None,
    title: Optional[str] = None,
    force: bool = False,
) -> Path:
    """Write the conversation test file for a stored chat; return its path."""
    return write_test(conversation_id, load_events(conversation_id, settings), out, title, force)


def latest_session(events: Sequence[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The events from the last session start on (what Rasa's tracker store gives for a conversation)."""
    starts = [index for index, event in enumerate(events) if event.get("event") == "session_started"]
    start = max(0, starts[-1] - 1) if starts else 0  # with the action_session_start before it
    return list(events[start:])


def write_test(
    conversation_id: str,
    events: Sequence[Dict[str, Any]],
    out: Optional[Path] = None,
    title: Optional[str] = None,
    force: bool = False,
) -> Path:
    """Write the conversation test file for a chat's events (its latest session); return its path.

    The counselor page calls this with the events it read from the store.
    """
    turns = turns_from_events(events)
    if not turns:
        raise ExportError(f'The conversation "{conversation_id}" has no student messages to export.')
    target = out or DEFAULT_DIR / f"saved-{slug(conversation_id)}.yml"
    if target.exists() and not force:
        raise ExportError(f"{display_path(target)} already exists; choose another --out or add --force.")
    first = turns[0].click or turns[0].text
    text = render_test(conversation_id, turns, title or f"Saved chat: {first[:60]}", reference_replies(),
                       page_career(events))
    parse_text(text, target)  # the file we write must load; a failure here is a bug in this module
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
