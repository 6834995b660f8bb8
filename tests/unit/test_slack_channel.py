"""The Slack channel's pieces: start-up configuration, event filtering, dedupe, text and blocks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rasa.core.run import create_http_input_channels

from bot.channels.rest import SafeRestInput
from bot.channels.slack import (
    BUTTONS_PER_BLOCK,
    SECTION_TEXT_LIMIT,
    RecentEvents,
    SchoolSlackBot,
    SchoolSlackInput,
    button_blocks,
    clean_text,
    click_keys,
    ignore_reason,
    is_direct_message_channel,
    message_keys,
    signature_is_valid,
    slack_escape,
    text_blocks,
)
from bot.channels.socketio import SafeSocketIOInput
from bot.settings import Settings
from bot.tools.launcher import effective_credentials
from tests.slack_support import BOT_USER, click_body, event_body, signature


def _payload(**event_fields) -> dict:
    user = event_fields.pop("user", "USTUDENT")
    text = event_fields.pop("text", "how much do they make?")
    return json.loads(event_body(user, text, channel="D1", **event_fields))


# --------------------------------------------------------------------------- start-up


def _channels(tmp_path: Path) -> list:
    """The input channels Rasa creates from the credentials file the launcher renders."""
    return create_http_input_channels(None, str(effective_credentials(Settings(var_dir=tmp_path))))


def test_without_slack_secrets_the_bot_starts_without_slack(tmp_path: Path, monkeypatch) -> None:
    """No SLACK_* variables: Rasa gets only the REST channel (and no error about unset variables)."""
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)
    assert [type(channel) for channel in _channels(tmp_path)] == [SafeRestInput, SafeSocketIOInput]


def test_one_slack_secret_alone_does_not_enable_slack(tmp_path: Path, monkeypatch) -> None:
    """Only the token set: still no Slack (Rasa's Slack connector refuses to run without a signing secret)."""
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "")
    assert [type(channel) for channel in _channels(tmp_path)] == [SafeRestInput, SafeSocketIOInput]


def test_with_slack_secrets_the_slack_channel_gets_them_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    """Both variables set: our Slack channel is created with them; the rendered file holds no secret."""
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-from-env")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "secret-from-env")
    monkeypatch.delenv("SLACK_API_URL", raising=False)
    monkeypatch.delenv("CAREERBOT_REDIS_URL", raising=False)
    channels = _channels(tmp_path)
    slack = [channel for channel in channels if isinstance(channel, SchoolSlackInput)]
    assert len(slack) == 1 and len(channels) == 3
    assert slack[0].slack_token == "xoxb-from-env"
    assert slack[0].slack_signing_secret == "secret-from-env"
    assert slack[0].conversation_granularity == "sender"
    assert slack[0].api_url == "https://slack.com/api/"
    rendered = (tmp_path / "run" / "credentials.yml").read_text()
    assert "xoxb-from-env" not in rendered and "secret-from-env" not in rendered


def test_slack_api_url_comes_from_the_environment(monkeypatch) -> None:
    """SLACK_API_URL redirects the Web API calls (tests use a fake Slack on loopback)."""
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api/")
    channel = SchoolSlackInput("xoxb-1", slack_signing_secret="s")
    output = channel.get_output_channel("D1")
    assert isinstance(output, SchoolSlackBot)
    assert output.client.base_url == "http://127.0.0.1:9/api/"


# --------------------------------------------------------------------------- which events are answered


def test_student_message_is_answered() -> None:
    assert ignore_reason(_payload()) is None


@pytest.mark.parametrize(
    "fields, reason",
    [
        ({"bot_id": "B1"}, "message from a bot"),
        ({"bot_profile": {"name": "x"}}, "message from a bot"),
        ({"subtype": "bot_message", "user": None}, "message from a bot"),
        ({"user": BOT_USER}, "message from this bot"),
        ({"subtype": "channel_join", "text": "<@U1> has joined the channel"}, "system message"),
        ({"subtype": "message_changed"}, "system message"),
        ({"subtype": "message_deleted"}, "system message"),
        ({"user": None}, "no sender"),
        ({"event_type": "reaction_added"}, "not a message"),
    ],
)
def test_bot_and_system_messages_are_ignored(fields: dict, reason: str) -> None:
    assert ignore_reason(_payload(**fields)) == reason


def test_thread_broadcast_and_file_share_are_still_students_talking() -> None:
    assert ignore_reason(_payload(subtype="thread_broadcast")) is None
    assert ignore_reason(_payload(subtype="file_share")) is None


def test_dm_channels_are_recognised() -> None:
    assert is_direct_message_channel("D123")
    assert is_direct_message_channel("X", "im")
    assert not is_direct_message_channel("C123", "channel")


# --------------------------------------------------------------------------- dedupe


async def test_same_event_is_new_only_once() -> None:
    recent = RecentEvents()
    payload = _payload()
    assert await recent.first_time(message_keys(payload))
    assert not await recent.first_time(message_keys(payload))


async def test_mention_delivered_twice_is_one_message() -> None:
    """An @mention arrives as app_mention and as message (two event ids, same channel + ts): answer once."""
    recent = RecentEvents()
    as_message = _payload(ts="1700000000.000100")
    as_mention = _payload(ts="1700000000.000100", event_type="app_mention")
    assert as_message["event_id"] != as_mention["event_id"]
    assert await recent.first_time(message_keys(as_message))
    assert not await recent.first_time(message_keys(as_mention))


async def test_seen_events_expire_after_the_ttl(monkeypatch) -> None:
    clock = {"now": 1000.0}
    monkeypatch.setattr("bot.channels.slack.time.monotonic", lambda: clock["now"])
    recent = RecentEvents(ttl=60)
    assert await recent.first_time(["event:E1"])
    clock["now"] += 59
    assert not await recent.first_time(["event:E1"])
    clock["now"] += 61
    assert await recent.first_time(["event:E1"])


async def test_memory_of_seen_events_is_bounded() -> None:
    recent = RecentEvents(max_entries=100)
    for number in range(1000):
        assert await recent.first_time([f"event:{number}"])
    assert len(recent) == 100
    assert not await recent.first_time(["event:999"])  # the newest are kept
    assert await recent.first_time(["event:0"])  # the oldest were forgotten


# --------------------------------------------------------------------------- text in and out


@pytest.mark.parametrize(
    "raw, mention, expected",
    [
        (f"<@{BOT_USER}> how much do they make?", True, "how much do they make?"),
        ("<@UOTHERID> how much do they make?", True, "how much do they make?"),
        ("is it &lt;2 years &amp; fun?", False, "is it <2 years & fun?"),
        ("see <https://example.org|example.org> pay", False, "see example.org pay"),
        (f"<@{BOT_USER}>", True, ""),
    ],
)
def test_clean_text_gives_the_students_words(raw: str, mention: bool, expected: str) -> None:
    assert clean_text(raw, [BOT_USER], mention) == expected


@pytest.mark.parametrize(
    "change",
    [
        {"timestamp": "yesterday"},
        {"timestamp": str(1_700_000_000 - 301)},
        {"timestamp": str(1_700_000_000 + 301)},
        {"signature": ""},
        {"signature": "v1=abc"},
        {"secret": "another-apps-secret"},
        {"body": b'{"type": "event_callback", "x": 2}'},
    ],
)
def test_signature_check_refuses_anything_slack_did_not_sign_just_now(change: dict) -> None:
    secret, now, body = "s3cret", 1_700_000_000, b'{"type": "event_callback", "x": 1}'
    good = {"secret": secret, "timestamp": str(now - 299), "body": body}
    good["signature"] = signature(body, good["timestamp"], secret)
    assert signature_is_valid(good["secret"], good["timestamp"], good["body"], good["signature"], now=now)
    bad = {**good, **change}
    assert not signature_is_valid(bad["secret"], bad["timestamp"], bad["body"], bad["signature"], now=now)


def test_reply_text_is_escaped_for_slack() -> None:
    """Nothing in a reply can become an @channel ping or a link: &, < and > are escaped."""
    assert slack_escape("<!channel> & <http://x|y>") == "&lt;!channel&gt; &amp; &lt;http://x|y&gt;"


def test_long_text_is_split_into_sections_within_slacks_limit() -> None:
    text = "\n".join(f"line {n} " + "x" * 90 for n in range(100))
    blocks = text_blocks(text)
    assert len(blocks) > 1
    assert all(len(block["text"]["text"]) <= SECTION_TEXT_LIMIT for block in blocks)
    assert "\n".join(block["text"]["text"] for block in blocks) == text


def test_every_button_becomes_a_slack_button() -> None:
    buttons = [{"title": f"Topic {n}", "payload": f"/ask_{n}"} for n in range(30)]
    blocks = button_blocks(buttons)
    elements = [element for block in blocks for element in block["elements"]]
    assert [element["value"] for element in elements] == [f"/ask_{n}" for n in range(30)]
    assert all(len(block["elements"]) <= BUTTONS_PER_BLOCK for block in blocks)
    assert len({element["action_id"] for element in elements}) == 30


def _click_payload(user: str, value: str, message_ts: str) -> dict:
    from urllib.parse import parse_qs

    body = click_body(user, "D1", {"value": value}, message_ts)
    return dict(json.loads(parse_qs(body.decode())["payload"][0]))


def test_click_keys_tell_a_double_click_from_a_new_click() -> None:
    """Same student, message and button → same key; another button, message or student → another key."""
    first = click_keys(_click_payload("U1", "/ask_pay", "100.1"))
    assert first == click_keys(_click_payload("U1", "/ask_pay", "100.1"))
    assert first != click_keys(_click_payload("U1", "/ask_skills", "100.1"))
    assert first != click_keys(_click_payload("U1", "/ask_pay", "200.2"))
    assert first != click_keys(_click_payload("U2", "/ask_pay", "100.1"))
    assert click_keys({"actions": [{"value": "/ask_pay"}]}) == []  # nothing to tell clicks apart: never deduped
