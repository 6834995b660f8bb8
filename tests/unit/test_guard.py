"""Channel guard helpers: text cleaning shared by every channel, and REST body checks for invalid Unicode."""

from __future__ import annotations

import pytest

from bot.channels.guard import clean_text, has_unsafe_characters
from bot.channels.rest import parse_body


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        ("pay\u0000?", "pay?"),
        ("a\u0007b\u001bc\u007f", "abc"),
        ("broken \ud800 half", "broken  half"),
        ("keep\ttabs\nand lines", "keep\ttabs\nand lines"),
        ("كم راتب مدير الإنتاج؟", "كم راتب مدير الإنتاج؟"),
        ("\u202eRTL override stays", "\u202eRTL override stays"),
        ("emoji 💰", "emoji 💰"),
    ],
)
def test_clean_text_drops_only_control_characters_and_lone_surrogates(raw: str, cleaned: str) -> None:
    assert clean_text(raw) == cleaned
    assert has_unsafe_characters(raw) == (raw != cleaned)


@pytest.mark.parametrize(
    "body, reason",
    [
        (b'{"sender": "x", "message": "\\ud800"}', "lone surrogate"),
        (b'{"sender": "x", "message": "ok \\udfff ok"}', "lone surrogate"),
        (b'{"sender": "a\\u0000b", "message": "hi"}', "control characters"),
        (b'{"sender": "\\ud83d", "message": "hi"}', "control characters or invalid Unicode"),
    ],
)
def test_invalid_unicode_in_json_escapes_is_refused(body: bytes, reason: str) -> None:
    payload, problem = parse_body(body)
    assert payload is None and problem is not None and reason in problem


def test_valid_escaped_emoji_pair_is_accepted() -> None:
    payload, problem = parse_body(b'{"sender": "x", "message": "\\ud83d\\udcb0 pay?"}')
    assert problem is None and payload is not None and payload["message"] == "💰 pay?"


def test_deeply_nested_json_is_a_clear_400_not_a_crash() -> None:
    """A 60 KB body of nested brackets (under the size limit) overflows Python's JSON parser: refuse it clearly."""
    body = b'{"sender": "x", "message": "hi", "metadata": {"a": ' + b"[" * 30000 + b"]" * 30000 + b"}}"
    payload, problem = parse_body(body)
    assert payload is None and problem is not None and "nested too deeply" in problem



@pytest.mark.parametrize("text, command", [
    ("/chatid", True), (" /ChatID ", True), ("chat id?", True), ("What's my chat id", True),
    ("what is a chat id used for in nursing", False), ("/ask_pay", False), ("", False), (None, False),
])
def test_the_chat_id_command_word(text, command: bool) -> None:
    """Only the command word itself shows the chat's id; a question that mentions it is a question."""
    from bot.channels.guard import is_chat_id_command

    assert is_chat_id_command(text) is command
