"""The counselor page on the scale profile: the same seeded chats give the same numbers from PostgreSQL."""

from __future__ import annotations

import csv
import io
import uuid
from typing import Dict, Iterator, List

import pytest

from tests.counselor_seed import CHATS, HANDOFF, NOT_IN_BOT, REST, TEST_CHAT, UNANSWERED, seed, signed_in
from tests.services import PostgresServer, RedisServer
from tests.stores import senders
from tests.support import BotProcess

pytestmark = pytest.mark.e2e

PASSWORD = "counselor-" + uuid.uuid4().hex[:8]


@pytest.fixture(scope="module")
def pg_counselor_bot(model, tmp_path_factory, postgres: PostgresServer,
                     redis_server: RedisServer) -> Iterator[BotProcess]:
    """A scale-profile bot on a database of its own (so every number is the seed's), with the page on."""
    database = f"counselor_{uuid.uuid4().hex[:8]}"
    env = {"CAREERBOT_PROFILE": "scale", "CAREERBOT_COUNSELOR_PASSWORD": PASSWORD, **postgres.env(database),
           **redis_server.env()}
    bot = BotProcess(tmp_path_factory.mktemp("counselor-pg"), env_overrides=env).start()
    try:
        seed(bot)
        bot.pg_url = postgres.url(database)  # type: ignore[attr-defined]
        yield bot
    finally:
        bot.stop()


def table(bot: BotProcess, name: str) -> List[Dict[str, str]]:
    session = signed_in(bot, PASSWORD)
    reply = session.get(f"http://127.0.0.1:{bot.web_port}/counselor/{name}.csv", timeout=30)
    assert reply.status_code == 200, reply.text
    return list(csv.DictReader(io.StringIO(reply.text)))


def test_counts_from_postgresql(pg_counselor_bot: BotProcess) -> None:
    assert TEST_CHAT in senders(pg_counselor_bot.pg_url)  # type: ignore[attr-defined]  # stored, but not counted
    days = table(pg_counselor_bot, "days")
    assert sum(int(row["student_messages"]) for row in days) == sum(len(m) for m in CHATS.values())
    assert sum(int(row["conversations"]) for row in days) == len(CHATS)
    assert sorted(row["message"] for row in table(pg_counselor_bot, "unanswered")) == sorted(UNANSWERED)
    careers = [[row["career"], row["conversations"], row["messages"]]
               for row in table(pg_counselor_bot, "careers") if row["in_bot"] == "no"]
    assert careers == NOT_IN_BOT
    channels = {row["channel"]: (row["conversations"], row["student_messages"])
                for row in table(pg_counselor_bot, "channels")}
    assert channels == {"terminal": ("1", "3"), "REST": ("2", "4")}
    waiting = table(pg_counselor_bot, "waiting")
    assert [(row["kind"], row["conversation_id"]) for row in waiting] == [("handoff", HANDOFF)]


def test_forget_from_postgresql(pg_counselor_bot: BotProcess) -> None:
    session = signed_in(pg_counselor_bot, PASSWORD)
    page = session.get(f"http://127.0.0.1:{pg_counselor_bot.web_port}/counselor", timeout=30).text
    token = page.split('name="token" value="', 1)[1].split('"', 1)[0]
    reply = session.post(f"http://127.0.0.1:{pg_counselor_bot.web_port}/counselor/conversation/forget",
                         data={"id": REST, "token": token}, timeout=30)
    assert reply.status_code == 200 and "deleted from the store" in reply.text
    assert REST not in senders(pg_counselor_bot.pg_url)  # type: ignore[attr-defined]
    without_token = session.post(f"http://127.0.0.1:{pg_counselor_bot.web_port}/counselor/conversation/forget",
                                 data={"id": HANDOFF}, timeout=30)
    assert without_token.status_code == 403 and HANDOFF in senders(pg_counselor_bot.pg_url)  # type: ignore[attr-defined]
