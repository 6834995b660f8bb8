"""Retention on the scale profile's PostgreSQL store: the same checks as on SQLite, plus the purge command."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest

from bot.paths import ROOT
from tests.retention_cases import check_forget_deletes_one_conversation, check_purge_deletes_only_idle_conversations
from tests.services import PostgresServer
from tests.stores import DAY, now, save_conversation, senders, sql_store


@pytest.fixture
def pg_url(postgres: PostgresServer) -> str:
    return postgres.create_database(f"retention_{uuid.uuid4().hex[:8]}")


async def test_purge_deletes_only_idle_conversations(pg_url: str) -> None:
    await check_purge_deletes_only_idle_conversations(pg_url)


async def test_forget_deletes_one_conversation(pg_url: str) -> None:
    await check_forget_deletes_one_conversation(pg_url)


async def test_purge_command_on_the_scale_profile(postgres: PostgresServer, pg_url: str) -> None:
    """`python -m bot purge` with CAREERBOT_PROFILE=scale deletes from PostgreSQL, using CAREERBOT_RETENTION_DAYS."""
    store = sql_store(pg_url)
    await save_conversation(store, "idle", ["hi"], last_at=now() - 31 * DAY)
    await save_conversation(store, "active", ["hi"], last_at=now())
    database = pg_url.rsplit("/", 1)[1]
    env = {**os.environ, "CAREERBOT_PROFILE": "scale", **postgres.env(database)}
    result = subprocess.run([sys.executable, "-m", "bot", "purge"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Deleted 1 conversation(s)" in result.stdout and "PostgreSQL" in result.stdout
    assert senders(pg_url) == ["active"]


def test_unreachable_database_is_a_clear_error(postgres: PostgresServer) -> None:
    """A wrong host/port: purge exits non-zero with a message, no traceback."""
    env = {**os.environ, "CAREERBOT_PROFILE": "scale", **postgres.env("careerbot"), "CAREERBOT_DB_PORT": "1"}
    result = subprocess.run([sys.executable, "-m", "bot", "purge"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "Cannot open the conversation store" in result.stderr and "Traceback" not in result.stderr
