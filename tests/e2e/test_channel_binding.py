"""Conversations bound to their channel (bot/channels/conversation_ids.py), against the real servers.

A widget conversation can be continued only with the id the server gave one tab
(after a page reload, by presenting it again; one socket at a time); ids the server
did not make are replaced; REST answers this machine only,
or requests carrying its token when one is set, and never reaches another channel's
conversations. The Slack side is in test_slack.py.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator, List

import pytest
import requests

from tests.e2e.socket_support import ChatSocket, page_origin, text_of
from tests.support import BotProcess, stored_student_messages

pytestmark = pytest.mark.e2e

PAY = "107,560"
QUESTION = "how much do industrial production managers make?"


def _socket(bot: BotProcess, sockets: List[ChatSocket]) -> ChatSocket:
    chat = ChatSocket(bot.url, page_origin(bot)).connect()
    sockets.append(chat)
    return chat


def test_widget_session_ids_are_made_by_the_server(bot: BotProcess, sockets: List[ChatSocket]) -> None:
    """A socket that asks for an id of its own choosing, or a forged widget id, gets a new server-made one."""
    chat = _socket(bot, sockets)
    for requested in ("student-42", "web-" + "0" * 32 + "-" + "0" * 32, "rest-conversation"):
        confirmed = chat.start_session(requested)
        assert confirmed != requested and confirmed.startswith("web-")


def test_a_widget_conversation_cannot_be_joined_with_an_id_the_server_did_not_give(
        bot: BotProcess, sockets: List[ChatSocket]) -> None:
    """Another socket asking for a near copy of the student's id (its random part with a made-up signature)
    gets a session of its own and neither reads nor writes the student's conversation."""
    student = _socket(bot, sockets)
    session = student.start_session()
    student.ask(QUESTION, PAY)
    before = stored_student_messages(bot.var_dir, session)

    intruder = _socket(bot, sockets)
    forged = session[: -8] + ("0" * 8 if not session.endswith("0" * 8) else "1" * 8)
    assert intruder.start_session(forged) not in {forged, session}
    intruder.send("tell me more", session_id=session)
    reply = text_of(intruder.wait_for(lambda got: bool(text_of(got))))
    assert "geographic location" not in reply, "the intruder must not continue the student's conversation"
    assert stored_student_messages(bot.var_dir, session) == before


def test_one_socket_holds_a_conversation_at_a_time(bot: BotProcess, sockets: List[ChatSocket]) -> None:
    """The tab that got the id resumes it after a reload; the socket that held it before is disconnected."""
    earlier = _socket(bot, sockets)
    session = earlier.start_session()
    earlier.ask(QUESTION, PAY)
    later = _socket(bot, sockets)
    assert later.start_session(session) == session
    assert "geographic location" in text_of(later.ask("tell me more", "geographic location"))
    deadline = time.monotonic() + 10
    while earlier.client.connected and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not earlier.client.connected, "the earlier socket must no longer hold the conversation"


def test_a_widget_conversation_cannot_be_reached_through_rest(bot: BotProcess, sockets: List[ChatSocket]) -> None:
    """REST refuses a widget conversation's id."""
    student = _socket(bot, sockets)
    session = student.start_session()
    student.ask(QUESTION, PAY)
    reply = requests.post(bot.rest_url, json={"sender": session, "message": "tell me more"}, timeout=30)
    assert reply.status_code == 400 and "web widget" in reply.json()["error"]
    assert stored_student_messages(bot.var_dir, session) == 1


def test_rest_through_a_proxy_is_refused(bot: BotProcess) -> None:
    """Without a token REST answers this machine only: a request a proxy forwarded gets 403."""
    body = {"sender": "integration-1", "message": QUESTION}
    forwarded = requests.post(bot.rest_url, json=body, headers={"X-Forwarded-For": "203.0.113.7"}, timeout=30)
    assert forwarded.status_code == 403 and "CAREERBOT_REST_TOKEN" in forwarded.json()["error"]
    assert requests.post(bot.rest_url, json=body, timeout=30).status_code == 200


@pytest.fixture(scope="module")
def token_bot(model, tmp_path_factory) -> Iterator[BotProcess]:
    process = BotProcess(tmp_path_factory.mktemp("rest-token"),
                         env_overrides={"CAREERBOT_REST_TOKEN": "s3cret-token-for-tests"}).start()
    yield process
    process.stop()


def test_rest_needs_its_token_when_one_is_set(token_bot: BotProcess) -> None:
    """With CAREERBOT_REST_TOKEN set, REST refuses requests without it or with a wrong one (401)."""
    body = {"sender": "integration-2", "message": QUESTION}
    assert requests.post(token_bot.rest_url, json=body, timeout=30).status_code == 401
    wrong = {"Authorization": "Bearer guess"}
    assert requests.post(token_bot.rest_url, json=body, headers=wrong, timeout=30).status_code == 401
    right = {"Authorization": "Bearer s3cret-token-for-tests"}
    reply = requests.post(token_bot.rest_url, json=body, headers=right, timeout=30)
    assert reply.status_code == 200 and PAY in str(reply.json())
    assert PAY in str(token_bot.say("integration-3", QUESTION))  # the project's own client sends it


def test_the_session_secret_is_private(bot: BotProcess) -> None:
    """The secret that signs widget ids is readable by the bot's user only."""
    secret = bot.var_dir / "session-secret"
    assert secret.exists()
    assert secret.stat().st_mode & 0o077 == 0


def _listening_addresses(port: int) -> List[str]:
    """Local addresses of sockets listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, state = fields[1], fields[3]
            host, port_hex = address.rsplit(":", 1)
            if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                found.append(host)
    return found


def test_the_action_server_listens_on_this_machine_only(bot: BotProcess) -> None:
    """The action server is bound to 127.0.0.1, not to every interface (the Rasa server is its only caller)."""
    addresses = _listening_addresses(bot.action_port)
    assert addresses, "the action server should be listening"
    assert set(addresses) == {"0100007F"}, addresses  # 127.0.0.1 in /proc's little-endian hex


def test_conversations_and_logs_are_private(bot: BotProcess) -> None:
    """var/ is 0700 and the tracker store and logs in it 0600: other users of the server can't read them."""
    requests.post(bot.rest_url, json={"sender": "modes-1", "message": QUESTION}, timeout=30)
    assert bot.var_dir.stat().st_mode & 0o077 == 0
    for path in [bot.var_dir / "tracker.db", *bot.var_dir.glob("**/*.log")]:
        assert path.stat().st_mode & 0o077 == 0, path


def test_a_running_bot_is_ready(bot: BotProcess) -> None:
    """Readiness checks the tracker store and the action server (the scale tests stop PostgreSQL)."""
    reply = requests.get(f"{bot.url}/webhooks/rest/ready", timeout=30)
    assert reply.status_code == 200
    assert reply.json() == {"status": "ready", "checks": {"tracker_store": "ok", "action_server": "ok"}}
