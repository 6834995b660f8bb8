"""Bad input over REST: a clear reply or a clear 4xx, and the server keeps answering."""

from __future__ import annotations

import pytest
import requests

from tests.support import BotProcess, text_of

pytestmark = pytest.mark.e2e


def _still_answers(bot: BotProcess) -> None:
    assert "$107,560" in text_of(bot.say("after-bad-input", "how much do they make?"))


@pytest.mark.parametrize("message", ["", "   ", "\n\t "])
def test_empty_message_gets_friendly_reply(bot: BotProcess, sender: str, message: str) -> None:
    """Empty or whitespace-only messages get a hint, not silence."""
    assert "empty" in text_of(bot.say(sender, message))
    _still_answers(bot)


def test_very_long_message_gets_limit_reply(bot: BotProcess, sender: str) -> None:
    """10,000 characters: a friendly reply naming the limit."""
    reply = text_of(bot.say(sender, "pay " * 2500))
    assert "too long" in reply and "1,000" in reply
    _still_answers(bot)


@pytest.mark.parametrize(
    "message",
    ["💰💰💰?", "¿Cuánto gana un gerente de producción?", "كم راتب مدير الإنتاج؟", "工资是多少", "<script>alert('x')</script>", "<b>pay</b>?"],
    ids=["emoji", "spanish", "arabic-rtl", "chinese", "script", "html"],
)
def test_unusual_text_gets_a_reply(bot: BotProcess, sender: str, message: str) -> None:
    """Emoji, other languages, right-to-left text and HTML each get some reply, never our input echoed back."""
    messages = bot.say(sender, message)
    assert messages, "the bot must not stay silent"
    assert "<script>" not in text_of(messages)
    _still_answers(bot)


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"{not json", "not valid JSON"),
        (b"", "empty"),
        (b"[1, 2]", "JSON object"),
        (b'{"message": "hi"}', "sender"),
        (b'{"sender": "x"}', "message"),
        (b'{"sender": "x", "message": 42}', "must be a string"),
        (b'{"sender": "", "message": "hi"}', "sender"),
        (b'{"sender": "x", "message": "\xff\xfe"}', "UTF-8"),
    ],
    ids=["malformed", "empty-body", "array", "no-sender", "no-message", "message-not-string", "empty-sender", "invalid-utf8"],
)
def test_malformed_requests_get_clear_400(bot: BotProcess, body: bytes, reason: str) -> None:
    """Malformed requests are refused with 400 and a reason."""
    reply = requests.post(bot.rest_url, data=body, headers={"Content-Type": "application/json"}, timeout=30)
    assert reply.status_code == 400
    assert reason in reply.json()["error"]
    _still_answers(bot)


def test_one_megabyte_body_is_refused_with_413(bot: BotProcess) -> None:
    """A 1 MB request body is refused before it reaches NLU."""
    body = b'{"sender": "big", "message": "' + b"a" * (1024 * 1024) + b'"}'
    reply = requests.post(bot.rest_url, data=body, headers={"Content-Type": "application/json"}, timeout=30)
    assert reply.status_code == 413
    _still_answers(bot)
