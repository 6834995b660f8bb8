"""Checks shared by every input channel: message limits, no-silence, private logs."""

from __future__ import annotations

import asyncio
import logging
import re
from functools import lru_cache
from typing import Any, Awaitable, Callable, Dict, Optional

import yaml
from rasa.core.channels.channel import OutputChannel, UserMessage

from bot import settings as settings_module
from bot.paths import DOMAIN_FILE
from bot.safety import crisis, personal_details

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


@lru_cache(maxsize=1)
def response_texts() -> Dict[str, str]:
    """First text of each response in domain.yml (the channel's own replies live there too)."""
    with DOMAIN_FILE.open(encoding="utf-8") as handle:
        domain = yaml.safe_load(handle)
    return {name: variants[0]["text"] for name, variants in domain.get("responses", {}).items() if variants}


def reply_text(name: str, **values: Any) -> str:
    """A domain response's text with ``{placeholders}`` filled in."""
    return response_texts()[name].format(**values)


# C0 control characters except tab/newline/carriage return, DEL, and lone UTF-16 surrogates (which JSON
# escapes like "\ud800" produce): they mean nothing to NLU, PostgreSQL refuses NUL in a conversation id,
# and a lone surrogate cannot be encoded as UTF-8 (logs, files, databases).
_UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def has_unsafe_characters(text: str) -> bool:
    """True if the text has control characters or lone surrogates (see clean_text)."""
    return bool(_UNSAFE_CHARACTERS.search(text))


def clean_text(text: Optional[str]) -> Optional[str]:
    """The message without control characters and lone surrogates (every channel's text passes here)."""
    return _UNSAFE_CHARACTERS.sub("", text) if text else text


def limit_reply(text: Optional[str], max_length: int) -> Optional[str]:
    """A friendly reply for an empty or too-long message, or None if the message is fine."""
    if text is None or not text.strip():
        return reply_text("utter_empty_message")
    if len(text) > max_length:
        return reply_text("utter_message_too_long", max_length=f"{max_length:,}")
    return None


class CountingOutputChannel(OutputChannel):
    """Wraps an output channel and counts what the bot sends through it."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.sent = 0

    @classmethod
    def name(cls) -> str:  # pragma: no cover - replaced per instance below
        return "counting"

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.inner, attribute)

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        """Forward a bot message and count it."""
        self.sent += 1
        await self.inner.send_response(recipient_id, message)


_turn_slots: Optional[asyncio.Semaphore] = None


def _slots(limit: int) -> asyncio.Semaphore:
    """The process-wide limit on turns processed at once (created inside the server's event loop)."""
    global _turn_slots
    if _turn_slots is None:
        _turn_slots = asyncio.Semaphore(limit)
    return _turn_slots


def mask_personal_details(message: UserMessage) -> bool:
    """Replace personal details in the message before Rasa sees (and stores) it; True if any were found.

    Button payloads ("/inform{...}") are left alone. What was masked (the kinds,
    never the values) is kept in the message metadata under ``careerbot``.
    """
    if not message.text or message.text.startswith("/"):
        return False
    masked = personal_details.mask(message.text)
    if not masked.changed:
        return False
    message.text = masked.text
    metadata = dict(message.metadata or {})
    metadata["careerbot"] = {**dict(metadata.get("careerbot") or {}), "masked": list(masked.kinds)}
    message.metadata = metadata
    return True


CHAT_ID_COMMANDS = frozenset({"/chatid", "/chat_id", "/chat-id", "/id", "chat id", "chat id?", "my chat id",
                              "what is my chat id", "whats my chat id"})


def is_chat_id_command(text: Optional[str]) -> bool:
    """The command word a counselor types to see the id of the chat they are in ("/chatid")."""
    return bool(text) and " ".join(str(text).lower().replace("'", "").split()) in CHAT_ID_COMMANDS


async def handle_message(on_new_message: OnNewMessage, message: UserMessage) -> None:
    """Run one student turn with the shared guards.

    - Control characters and lone surrogates are removed from the text first.
    - Empty/whitespace or longer than the limit, or the command word "/chatid" (a counselor asking for this
      chat's id): answered here, never parsed or stored.
    - Personal details (phone, email, street address, an introduced name) are
      masked before Rasa sees the message, so nothing stores them; the student
      gets a short reminder first (not after a crisis message: that reply comes alone).
    - The turn ended without any bot reply (action server down, internal
      error): the student gets an apology instead of silence.
    - At most CAREERBOT_MAX_CONCURRENT_TURNS turns run inside Rasa at once; the others wait their turn
      first. Rasa does NLU and prediction on its one event loop, so with dozens of turns interleaved
      every action server reply waits behind them and runs into the action timeout; queueing turns
      instead keeps throughput the same and each turn quick once it starts.
    - Exceptions are logged without the message text.
    """
    settings = settings_module.load()
    output = message.output_channel
    message.text = clean_text(message.text)
    canned = limit_reply(message.text, settings.max_message_length)
    if canned is None and is_chat_id_command(message.text):
        canned = reply_text("utter_chat_id", conversation_id=message.sender_id)  # answered here, not stored
    if canned is not None:
        await output.send_text_message(message.sender_id, canned)
        return
    if mask_personal_details(message) and not crisis.detect(message.text or "").found:
        await output.send_text_message(message.sender_id, reply_text("utter_personal_details_reminder"))
    counting = CountingOutputChannel(output)
    counting.name = output.name  # type: ignore[method-assign]
    message.output_channel = counting
    try:
        async with _slots(settings.max_concurrent_turns):
            await on_new_message(message)
    except Exception as error:  # noqa: BLE001 - any failure must still answer the student
        logger.error("Turn failed (%s). Message text not logged.", type(error).__name__)
    if counting.sent == 0:
        logger.warning("The turn produced no reply (is the action server up?); sending an apology.")
        await output.send_text_message(message.sender_id, reply_text("utter_technical_problem"))


def cap_action_timeout() -> None:
    """Limit how long Rasa waits for the action server (Rasa's default is 5 minutes).

    With a hung action server the student would otherwise wait minutes for the
    apology; the cap comes from CAREERBOT_ACTION_TIMEOUT (seconds).
    """
    import rasa.core.actions.action as rasa_action

    rasa_action.DEFAULT_REQUEST_TIMEOUT = settings_module.load().action_timeout_seconds  # type: ignore[attr-defined]
