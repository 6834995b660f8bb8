"""Play conversation tests against the real bot over REST and check every reply.

Each conversation runs in a fresh chat (its own sender id). Turns are played in
order; the checks of a turn are all evaluated, and the first turn with a failed
check ends the conversation (later turns would only fail because of it).
Every turn also checks that the bot answered at all and did not answer with its
technical-problem apology, so a broken action server can't pass a test.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Optional, Protocol, Sequence

import requests
import yaml

from bot import settings
from bot.conversations import meaning
from bot.conversations.format import Conversation, ConversationFile, Turn, normalize
from bot.paths import DOMAIN_FILE

Message = Dict[str, Any]
TEST_SENDER_PREFIX = "convtest-"


class Chat(Protocol):
    """Something that sends one student message and returns the bot's messages."""

    def __call__(
        self, sender: str, message: str, metadata: Optional[Dict[str, Any]] = None
    ) -> List[Message]:  # pragma: no cover - protocol
        ...


class ChatError(Exception):
    """The bot could not be reached or refused the message."""


def rest_chat(url: str, timeout: float = 60) -> Chat:
    """Make a ``Chat`` over the REST channel at ``url`` (the webhook URL)."""

    def send(sender: str, message: str, metadata: Optional[Dict[str, Any]] = None) -> List[Message]:
        body: Dict[str, Any] = {"sender": sender, "message": message}
        if metadata:
            body["metadata"] = metadata
        try:
            reply = requests.post(url, json=body, headers=settings.load().rest_headers(), timeout=timeout)
        except requests.RequestException as error:
            raise ChatError(f"could not reach the bot at {url} ({error.__class__.__name__})") from None
        if reply.status_code != 200:
            raise ChatError(f"the bot refused the message (HTTP {reply.status_code}: {reply.text[:200]})")
        data = reply.json()
        if not isinstance(data, list):
            raise ChatError(f"unexpected reply from the bot: {str(data)[:200]}")
        return data

    return send


def technical_problem_text() -> Optional[str]:
    """Return the apology the channel sends when the bot produced no reply (from domain.yml), if any."""
    with DOMAIN_FILE.open(encoding="utf-8") as handle:
        domain = yaml.safe_load(handle) or {}
    variants = (domain.get("responses") or {}).get("utter_technical_problem") or []
    return str(variants[0]["text"]) if variants and variants[0].get("text") else None


@dataclass(frozen=True)
class Button:
    """A button the bot offered."""

    title: str
    payload: str


@dataclass
class TurnResult:
    """What happened in one turn: what was sent, what the bot said, which checks failed."""

    turn: Turn
    sent: Optional[str] = None
    texts: List[str] = field(default_factory=list)
    buttons: List[Button] = field(default_factory=list)
    passed_checks: List[str] = field(default_factory=list)
    problems: List[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def reply_text(self) -> str:
        return "\n".join(self.texts)


@dataclass
class ConversationResult:
    """The outcome of one conversation."""

    conversation: Conversation
    sender: str
    turns: List[TurnResult] = field(default_factory=list)
    error: Optional[str] = None
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return self.error is None and all(t.passed for t in self.turns) and len(self.turns) == len(
            self.conversation.turns
        )

    @property
    def failed_turn(self) -> Optional[TurnResult]:
        return next((t for t in self.turns if not t.passed), None)

    @property
    def turns_not_run(self) -> int:
        return len(self.conversation.turns) - len(self.turns)


@dataclass
class RunResult:
    """All conversations of a run."""

    results: List[ConversationResult]
    bot_url: str
    started: float
    seconds: float
    files: int
    broken: List[str] = field(default_factory=list)  # problems of files that could not be read (they failed)

    @property
    def failed(self) -> List[ConversationResult]:
        return [r for r in self.results if not r.passed]

    @property
    def passed(self) -> bool:
        return bool(self.results) and not self.failed and not self.broken


def _quote(text: str) -> str:
    return f'"{text}"'


def check_meaning(turn: Turn, result: TurnResult, record: Optional[Mapping[str, object]]) -> None:
    """The checks of what the reply means: its kind, and no other career's figure."""
    if turn.reply_kind is not None:
        problem = meaning.check_kind(turn.reply_kind, record)
        if problem:
            result.problems.append(problem)
        else:
            result.passed_checks.append(f"is a reply of the kind {_quote(turn.reply_kind)}")
    if turn.own_figures_only:
        from bot.conversations.export import all_figures_in  # export reads this module's test-id prefix

        foreign = meaning.figure_index().foreign(all_figures_in(result.reply_text), meaning.careers_of(record))
        if foreign:
            result.problems.append("Expected no other career's figures, but the reply has "
                                   + ", ".join(f"{figure} (a figure of {who})" for figure, who in foreign) + ".")
        else:
            result.passed_checks.append("has no other career's figures")


def check_reply(turn: Turn, result: TurnResult, technical_problem: Optional[str]) -> None:
    """Evaluate a turn's checks on the reply in ``result`` (fills passed_checks and problems)."""
    reply = normalize(result.reply_text)
    if not reply and not result.buttons:
        result.problems.append("The bot sent no reply at all.")
    elif technical_problem and normalize(technical_problem) in reply:
        result.problems.append(
            "The bot answered with its technical-problem apology: part of the bot failed on this message "
            "(the developers can see why in the bot's log)."
        )
    for phrase in turn.must_mention:
        if normalize(phrase) in reply:
            result.passed_checks.append(f"mentions {_quote(phrase)}")
        else:
            result.problems.append(f"Expected the reply to mention {_quote(phrase)}, but it doesn't.")
    for phrase in turn.must_not_mention:
        if normalize(phrase) in reply:
            result.problems.append(f"Expected the reply NOT to mention {_quote(phrase)}, but it does.")
        else:
            result.passed_checks.append(f"does not mention {_quote(phrase)}")
    offered = {normalize(b.title) for b in result.buttons}
    for title in turn.must_offer_buttons:
        if normalize(title) in offered:
            result.passed_checks.append(f"offers the button {_quote(title)}")
        else:
            result.problems.append(f"Expected a button {_quote(title)}; {_offered(result.buttons)}.")


def _offered(buttons: Sequence[Button]) -> str:
    if not buttons:
        return "the bot offered no buttons"
    return "the bot offered: " + ", ".join(_quote(b.title) for b in buttons)


def _buttons(messages: Sequence[Message]) -> List[Button]:
    return [
        Button(str(b.get("title", "")), str(b.get("payload", "")))
        for m in messages
        for b in (m.get("buttons") or [])
    ]


def run_conversation(
    conversation: Conversation, chat: Chat, technical_problem: Optional[str] = None,
    records: Optional[meaning.RecordReader] = None,
) -> ConversationResult:
    """Play one conversation in a fresh chat and check each reply (``records``: the bot's turn records)."""
    sender = f"{TEST_SENDER_PREFIX}{uuid.uuid4().hex[:12]}"
    result = ConversationResult(conversation, sender)
    started = time.monotonic()
    previous_buttons: List[Button] = []
    for turn in conversation.turns:
        turn_result = TurnResult(turn)
        result.turns.append(turn_result)
        if turn.click is not None:
            button = next((b for b in previous_buttons if normalize(b.title) == normalize(turn.click)), None)
            if button is None:
                first = turn is conversation.turns[0]
                where = "a reply (this is the first turn)" if first else "the bot's previous reply"
                turn_result.problems.append(
                    f"There is no button {_quote(turn.click)} to click in {where}; "
                    f"{_offered(previous_buttons)}."
                )
                break
            message = button.payload
        else:
            message = turn.student or ""
        turn_result.sent = message
        try:
            # Like the widget on a career's web page: the chat starts in that career.
            messages = chat(sender, message, {"career": conversation.career} if conversation.career else None)
        except ChatError as error:
            result.error = f"Turn on line {turn.line}: {error}"
            turn_result.problems.append(f"No reply: {error}.")
            break
        turn_result.texts = [str(m["text"]) for m in messages if m.get("text")]
        turn_result.buttons = _buttons(messages)
        check_reply(turn, turn_result, technical_problem)
        if turn.reply_kind is not None or turn.own_figures_only:
            number = conversation.turns.index(turn) + 1
            record = meaning.wait_for_record(records, sender, number) if records is not None else None
            check_meaning(turn, turn_result, record)
        previous_buttons = turn_result.buttons
        if not turn_result.passed:
            break
    result.seconds = time.monotonic() - started
    return result


def run_files(
    files: Sequence[ConversationFile],
    chat: Chat,
    bot_url: str,
    title_filter: Optional[str] = None,
    progress: Optional[Callable[[ConversationResult], None]] = None,
    records: Optional[meaning.RecordReader] = None,
) -> RunResult:
    """Run every conversation of ``files`` (optionally only titles containing ``title_filter``)."""
    started_wall = time.time()
    started = time.monotonic()
    technical_problem = technical_problem_text()
    results: List[ConversationResult] = []
    for conversation_file in files:
        for conversation in conversation_file.conversations:
            if title_filter and normalize(title_filter) not in normalize(conversation.title):
                continue
            result = run_conversation(conversation, chat, technical_problem, records)
            results.append(result)
            if progress is not None:
                progress(result)
    return RunResult(results, bot_url, started_wall, time.monotonic() - started, len(files))
