"""Checks shared by every input channel: message limits, no-silence, private logs."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Awaitable, Callable, Dict, Optional

import yaml
from rasa.core.channels.channel import OutputChannel, UserMessage

from bot import settings as settings_module
from bot.paths import DOMAIN_FILE

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


@lru_cache(maxsize=1)
def _responses() -> Dict[str, str]:
    """First text of each response in domain.yml (the channel's own replies live there too)."""
    with DOMAIN_FILE.open(encoding="utf-8") as handle:
        domain = yaml.safe_load(handle)
    return {name: variants[0]["text"] for name, variants in domain.get("responses", {}).items() if variants}


def reply_text(name: str, **values: Any) -> str:
    """A domain response's text with ``{placeholders}`` filled in."""
    return _responses()[name].format(**values)


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


async def handle_message(on_new_message: OnNewMessage, message: UserMessage) -> None:
    """Run one student turn with the shared guards.

    - Empty/whitespace or longer than the limit: answered here, never parsed.
    - The turn ended without any bot reply (action server down, internal
      error): the student gets an apology instead of silence.
    - Exceptions are logged without the message text.
    """
    settings = settings_module.load()
    output = message.output_channel
    canned = limit_reply(message.text, settings.max_message_length)
    if canned is not None:
        await output.send_text_message(message.sender_id, canned)
        return
    counting = CountingOutputChannel(output)
    counting.name = output.name  # type: ignore[method-assign]
    message.output_channel = counting
    try:
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
