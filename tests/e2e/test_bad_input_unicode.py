"""More bad input over REST: invalid Unicode inside JSON escapes, control characters, bidi text, deep nesting.

Each gets a clear 400 or a normal answer, replies are always JSON (never HTML), and the server keeps answering.
"""

from __future__ import annotations

import pytest
import requests

from tests.support import BotProcess, text_of

pytestmark = pytest.mark.e2e


def _post(bot: BotProcess, body: bytes) -> requests.Response:
    return requests.post(bot.rest_url, data=body, headers={"Content-Type": "application/json"}, timeout=60)


def _still_answers(bot: BotProcess) -> None:
    assert "$107,560" in text_of(bot.say("after-bad-unicode", "how much do they make?"))


@pytest.mark.parametrize(
    "body, reason",
    [
        (b'{"sender": "x", "message": "pay \\ud800?"}', "lone surrogate"),
        (b'{"sender": "x", "message": "\\udfff"}', "lone surrogate"),
        (b'{"sender": "a\\u0000b", "message": "hi"}', "control characters"),
        (b'{"sender": "' + b"s" * 129 + b'", "message": "hi"}', "at most 128"),
        (b'{"sender": "x", "message": "hi", "metadata": {"a": ' + b"[" * 30000 + b"]" * 30000 + b"}}",
         "nested too deeply"),
        (b'{"sender": "x", "message": "hi", "metadata": "not an object"}', "metadata"),
    ],
    ids=["lone-high-surrogate", "lone-low-surrogate", "nul-in-sender", "long-sender", "deep-nesting",
         "metadata-string"],
)
def test_invalid_requests_get_a_clear_400(bot: BotProcess, body: bytes, reason: str) -> None:
    reply = _post(bot, body)
    assert reply.status_code == 400
    assert reply.headers["Content-Type"].startswith("application/json")
    assert reason in reply.json()["error"]
    _still_answers(bot)


@pytest.mark.parametrize(
    "message",
    [
        "how much do they\u0000 make?",               # NUL inside the text
        "how much do they make?\u0007\u001b[31m",      # bell and a terminal escape sequence
        "\u202ehow much do they make?\u202c",          # right-to-left override around the question
        "how\u200b much\u200b do\u200b they make?",    # zero-width spaces
        "💰 how much do they make? 💰",
    ],
    ids=["nul", "terminal-escape", "rtl-override", "zero-width", "emoji-around"],
)
def test_odd_characters_around_a_real_question_still_get_the_answer(bot: BotProcess, sender: str, message: str) -> None:
    reply = text_of(bot.say(sender, message))
    assert "$107,560" in reply, reply
    assert "\u0000" not in reply and "\u001b" not in reply


@pytest.mark.parametrize("message", ["שלום, כמה מרוויחים?", "مرحبا \u202e<b>", "<img src=x onerror=alert(1)>"],
                         ids=["hebrew-rtl", "arabic-with-override", "html-img"])
def test_rtl_and_html_get_a_plain_json_reply(bot: BotProcess, sender: str, message: str) -> None:
    """Never silence, never our input echoed back as markup, always JSON."""
    reply = requests.post(bot.rest_url, json={"sender": sender, "message": message}, timeout=60)
    assert reply.status_code == 200 and reply.headers["Content-Type"].startswith("application/json")
    assert reply.json() and "<img" not in text_of(reply.json()) and "<b>" not in text_of(reply.json())
    _still_answers(bot)
