"""Conversation ids bound to their channel (bot/channels/conversation_ids.py) and REST access."""

from __future__ import annotations

import json

import pytest

from bot.channels import conversation_ids as ids
from bot.channels.rest import access_problem, is_local, parse_body

KEY = b"k" * 32


def test_widget_ids_are_signed_by_the_server() -> None:
    """A new id verifies with the key that made it, not with another, and not once altered."""
    made = ids.new_web_id(KEY)
    assert made.startswith("web-") and ids.is_web_id(made, KEY)
    assert not ids.is_web_id(made, b"x" * 32)
    altered = made[:-1] + ("0" if made[-1] != "0" else "1")
    assert not ids.is_web_id(altered, KEY)
    assert ids.new_web_id(KEY) != made


@pytest.mark.parametrize("value", [None, 42, "", "web-", "student-1", "slack-U123", "web-abc-def"])
def test_anything_else_is_not_a_widget_id(value: object) -> None:
    assert not ids.is_web_id(value, KEY)


@pytest.mark.parametrize("conversation, channel", [
    ("slack-U123", "slack"), ("SLACK-u1", "slack"), ("web-0a-1b", "socketio"), ("student-1", "rest"),
    ("webster", "rest"),
])
def test_each_id_belongs_to_one_channel(conversation: str, channel: str) -> None:
    assert ids.channel_of(conversation) == channel


@pytest.mark.parametrize("sender", ["slack-U123", "web-0123", " Slack-U1"])
def test_rest_refuses_another_channels_conversation(sender: str) -> None:
    """A REST body naming a Slack or widget conversation gets a 400 reason."""
    payload, problem = parse_body(json.dumps({"sender": sender, "message": "hi"}).encode())
    assert payload is None and problem and "channel" in problem


@pytest.mark.parametrize("ip, headers, local", [
    ("127.0.0.1", {}, True), ("::1", {}, True), ("10.0.0.5", {}, False), ("203.0.113.9", {}, False),
    ("127.0.0.1", {"x-forwarded-for": "203.0.113.9"}, False), ("127.0.0.1", {"forwarded": "for=1.2.3.4"}, False),
    ("not an ip", {}, False),
])
def test_only_this_machine_is_local(ip: str, headers: dict, local: bool) -> None:
    """A request a proxy forwarded is never local, even from 127.0.0.1."""
    assert is_local(ip, headers) is local


def test_rest_access_without_and_with_a_token() -> None:
    """No token: this machine only (403 otherwise). A token: exactly it, from anywhere (401 otherwise)."""
    assert access_problem("127.0.0.1", {}, None) is None
    assert access_problem("10.0.0.5", {}, None)[0] == 403
    assert access_problem("127.0.0.1", {}, "t0k")[0] == 401
    assert access_problem("10.0.0.5", {"authorization": "Bearer nope"}, "t0k")[0] == 401
    assert access_problem("10.0.0.5", {"authorization": "Bearer t0k"}, "t0k") is None


def test_the_secret_file_is_private_and_kept(tmp_path) -> None:
    """Made once, readable by its owner only, and the same on the next start."""
    first = ids._secret_from(tmp_path)
    path = tmp_path / ids.SECRET_FILE_NAME
    assert path.stat().st_mode & 0o077 == 0
    assert ids._secret_from(tmp_path) == first
