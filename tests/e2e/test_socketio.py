"""The widget's socket.io channel against the real servers: sessions, origins, metadata, bad input."""

from __future__ import annotations

import json
import sqlite3
from typing import List

import pytest
import requests
import socketio

from tests.e2e.socket_support import ChatSocket, Message, buttons_of, page_origin, text_of
from tests.support import BotProcess

pytestmark = pytest.mark.e2e

FOREIGN_ORIGIN = "http://evil.example"


@pytest.fixture
def chat(bot: BotProcess, sockets: List[ChatSocket]) -> ChatSocket:
    """A connected socket from the demo page's origin with a new session."""
    socket = ChatSocket(bot.url, page_origin(bot)).connect()
    sockets.append(socket)
    socket.start_session()
    return socket


def test_greet_payload_gets_welcome_with_topic_buttons(chat: ChatSocket) -> None:
    """The widget's initPayload '/greet' gets the welcome message with topic buttons as quick replies."""
    chat.send("/greet")
    messages = chat.wait_for(lambda got: bool(buttons_of(got)))
    titles = [button["title"] for button in buttons_of(messages)]
    assert "Pay" in titles and "Job outlook" in titles
    assert all(button["payload"].startswith("/") for button in buttons_of(messages))


def test_button_payload_answers(chat: ChatSocket) -> None:
    """Clicking a topic button sends its payload; '/ask_pay' on a career's page answers with its pay figure."""
    chat.send("/ask_pay", customData={"language": "en", "career": "industrial-production-manager"})
    assert "$107,560" in text_of(chat.wait_for(lambda got: "107,560" in text_of(got)))


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_reconnecting_with_same_session_continues_conversation(
    bot: BotProcess, sockets: List[ChatSocket], transport: str
) -> None:
    """A new socket that asks for the stored session id continues the same conversation ('tell me more')."""
    first = ChatSocket(bot.url, page_origin(bot), transport=transport).connect()
    sockets.append(first)
    session_id = first.start_session()
    first.ask("how much do industrial production managers make?", "107,560")
    first.close()

    second = ChatSocket(bot.url, page_origin(bot), transport=transport).connect()
    sockets.append(second)
    assert second.start_session(session_id) == session_id
    assert "geographic location" in text_of(second.ask("tell me more", "geographic location"))


def test_new_session_does_not_continue_another(bot: BotProcess, sockets: List[ChatSocket]) -> None:
    """Without the stored id a socket gets a new session: 'tell me more' has no earlier topic to follow."""
    first = ChatSocket(bot.url, page_origin(bot)).connect()
    sockets.append(first)
    first.start_session()
    first.ask("how much do industrial production managers make?", "107,560")

    other = ChatSocket(bot.url, page_origin(bot)).connect()
    sockets.append(other)
    assert other.start_session() != first.session_id
    reply = text_of(other.any_reply("tell me more"))
    assert "geographic location" not in reply


def test_messages_are_filed_under_the_confirmed_session(bot: BotProcess, sockets: List[ChatSocket]) -> None:
    """A socket can't write into another session by putting its id in a message: replies stay with the sender."""
    victim = ChatSocket(bot.url, page_origin(bot)).connect()
    sockets.append(victim)
    victim_session = victim.start_session()
    attacker = ChatSocket(bot.url, page_origin(bot)).connect()
    sockets.append(attacker)
    attacker.start_session()

    attacker.send("how much do industrial production managers make?", session_id=victim_session)
    assert "107,560" in text_of(attacker.wait_for(lambda got: "107,560" in text_of(got)))
    # Had the message gone into the victim's conversation, the victim would have received the pay
    # answer, and its 'tell me more' would continue with what pay depends on.
    reply = text_of(victim.any_reply("tell me more"))
    assert "107,560" not in reply and "geographic location" not in reply


def test_custom_data_reaches_the_tracker(bot: BotProcess, chat: ChatSocket) -> None:
    """The widget's customData (metadata_key: customData) is stored as the user message's metadata."""
    question = "how much do industrial production managers make?"
    chat.send(question, customData={"language": "en", "page": "careers"})
    chat.wait_for(lambda got: "107,560" in text_of(got))
    with sqlite3.connect(bot.var_dir / "tracker.db") as db:
        rows = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user'", (chat.session_id,)
        ).fetchall()
    metadata = [json.loads(row[0]).get("metadata") or {} for row in rows]
    assert any(m.get("page") == "careers" and m.get("language") == "en" for m in metadata)
    assert all(json.loads(row[0]).get("input_channel") == "socketio" for row in rows)


# --- origins -------------------------------------------------------------------------------------


def test_foreign_origin_is_refused_at_the_engine(bot: BotProcess) -> None:
    """An Engine.IO handshake from another site's page gets 400 'not an accepted origin'."""
    reply = requests.get(
        f"{bot.url}/socket.io/", params={"EIO": "4", "transport": "polling"},
        headers={"Origin": FOREIGN_ORIGIN}, timeout=30,
    )
    assert reply.status_code == 400
    assert "not an accepted origin" in reply.text
    assert "Access-Control-Allow-Origin" not in reply.headers


def test_demo_page_origin_is_accepted_with_cors_header(bot: BotProcess) -> None:
    """The demo page's origin gets the handshake and a CORS header naming exactly that origin."""
    reply = requests.get(
        f"{bot.url}/socket.io/", params={"EIO": "4", "transport": "polling"},
        headers={"Origin": page_origin(bot)}, timeout=30,
    )
    assert reply.status_code == 200
    assert reply.text.startswith("0{") and '"sid"' in reply.text
    assert reply.headers.get("Access-Control-Allow-Origin") == page_origin(bot)


@pytest.mark.parametrize("transport", ["polling", "websocket"])
def test_socketio_client_from_foreign_origin_cannot_connect(bot: BotProcess, transport: str) -> None:
    """python-socketio's client with another site's Origin is refused (ConnectionError) on either transport."""
    foreign = ChatSocket(bot.url, FOREIGN_ORIGIN, transport=transport)
    with pytest.raises(socketio.exceptions.ConnectionError):
        foreign.connect()
    assert not foreign.client.connected


# --- bad input -----------------------------------------------------------------------------------


def _still_answers(chat: ChatSocket) -> None:
    assert "$107,560" in text_of(chat.ask("how much do industrial production managers make?", "107,560"))


@pytest.mark.parametrize("message", ["", "   ", "\n\t "], ids=["empty", "spaces", "whitespace"])
def test_empty_message_gets_friendly_reply(chat: ChatSocket, message: str) -> None:
    """Empty or whitespace-only messages get a hint, not silence; the socket keeps working."""
    assert "empty" in text_of(chat.any_reply(message))
    _still_answers(chat)


@pytest.mark.parametrize("length", [1_001, 10_000, 100_000])
def test_long_messages_get_limit_reply(chat: ChatSocket, length: int) -> None:
    """Over 1,000 characters (up to 100,000 over the websocket): a friendly reply naming the limit."""
    reply = text_of(chat.any_reply(("pay " * (length // 4 + 1))[:length]))
    assert "too long" in reply and "1,000" in reply
    _still_answers(chat)


def test_message_text_is_not_logged(bot: BotProcess, chat: ChatSocket) -> None:
    """What a student types over the widget's channel never appears in the bot's log."""
    assert chat.any_reply("zebrafish-7319 salary?")  # answered (whatever NLU makes of it)
    assert chat.any_reply("x" * 2000 + " zebrafish-7319")  # refused as too long
    assert "zebrafish-7319" not in bot.log()


@pytest.mark.parametrize(
    "message",
    ["💰💰💰?", "<script>alert('x')</script>", "<img src=x onerror=alert(1)> pay?", "كم راتب مدير الإنتاج؟"],
    ids=["emoji", "script", "html", "arabic-rtl"],
)
def test_unusual_text_gets_a_reply(chat: ChatSocket, message: str) -> None:
    """Emoji, HTML/script and right-to-left text each get a reply that never echoes markup back."""
    first: List[Message] = chat.any_reply(message)
    assert text_of(first).strip(), "the bot must not stay silent"
    after = chat.ask("how much do industrial production managers make?", "107,560")
    everything = text_of(first + after)
    assert "<script" not in everything and "<img" not in everything and "onerror" not in everything


@pytest.mark.parametrize(
    "payload",
    [{"message": 42}, {"message": None}, {"message": ["pay"]}, {}],
    ids=["number", "null", "list", "no-message"],
)
def test_message_that_is_not_text_gets_friendly_reply(chat: ChatSocket, payload: dict) -> None:
    """A user_uttered event without a text message gets the empty-message hint instead of an error."""
    chat.emit_raw("user_uttered", {**payload, "session_id": chat.session_id})
    assert "empty" in text_of(chat.wait_for(lambda got: len(got) >= 1))
    _still_answers(chat)


@pytest.mark.parametrize("custom_data", ["{not json", "[1, 2]", 7], ids=["broken-json", "json-array", "number"])
def test_malformed_custom_data_is_ignored(chat: ChatSocket, custom_data: object) -> None:
    """customData that isn't a JSON object is dropped; the question is still answered."""
    chat.send("how much do industrial production managers make?", customData=custom_data)
    assert "107,560" in text_of(chat.wait_for(lambda got: "107,560" in text_of(got)))


@pytest.mark.parametrize("data", ["hello", 12, None, ["a"]], ids=["string", "number", "null", "list"])
def test_malformed_events_keep_the_socket_working(chat: ChatSocket, data: object) -> None:
    """Malformed session_request/user_uttered payloads neither crash the server nor the socket."""
    chat.emit_raw("session_request", data)
    chat.confirmed.get(timeout=60)  # a malformed request still gets a (new) session
    chat.start_session(chat.session_id)  # back to the test's session
    chat.emit_raw("user_uttered", data)
    chat.wait_for(lambda got: len(got) >= 1)  # the empty-message hint
    _still_answers(chat)


@pytest.mark.parametrize(
    "session_id",
    ["../../etc/passwd", "x" * 500, "<script>", ""],
    ids=["path", "too-long", "markup", "empty"],
)
def test_unsafe_session_id_is_replaced(bot: BotProcess, sockets: List[ChatSocket], session_id: str) -> None:
    """A session id that isn't a short safe token is replaced by a fresh one (and the socket works)."""
    chat = ChatSocket(bot.url, page_origin(bot)).connect()
    sockets.append(chat)
    confirmed = chat.start_session(session_id)
    assert confirmed != session_id and confirmed.startswith("web-") and confirmed.replace("-", "").isalnum()
    _still_answers(chat)
