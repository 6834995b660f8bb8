"""The scale-out profile for real: PostgreSQL + Redis from Debian's packages, two bots (Rasa + action server)."""

from __future__ import annotations

import uuid
from typing import Dict, Iterator, Tuple

import pytest

from tests.services import PostgresServer, RedisServer
from tests.support import BotProcess

IPM = "industrial-production-manager"  # messages are sent as from its web page


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def scale_env(postgres: PostgresServer, redis_server: RedisServer) -> Dict[str, str]:
    """CAREERBOT_PROFILE=scale pointing at the test's PostgreSQL (a database Rasa creates) and Redis."""
    database = f"careerbot_{uuid.uuid4().hex[:8]}"
    # Every server of the scale profile shares one secret for the widget's signed conversation ids.
    return {"CAREERBOT_PROFILE": "scale", "CAREERBOT_SESSION_SECRET": uuid.uuid4().hex, **postgres.env(database),
            **redis_server.env()}


@pytest.fixture(scope="session")
def scale_db_url(postgres: PostgresServer, scale_env: Dict[str, str]) -> str:
    return postgres.url(scale_env["CAREERBOT_DB_NAME"])


@pytest.fixture(scope="session")
def two_servers(model, tmp_path_factory, scale_env: Dict[str, str]) -> Iterator[Tuple[BotProcess, BotProcess]]:
    """Two Rasa servers (each with its action server) on different ports, sharing PostgreSQL and Redis.

    Started one after the other: the first creates the database and its tables.
    """
    first = BotProcess(tmp_path_factory.mktemp("scale-a"), env_overrides=dict(scale_env), page_career=IPM).start()
    try:
        second = BotProcess(tmp_path_factory.mktemp("scale-b"), env_overrides=dict(scale_env),
                            page_career=IPM).start()
    except BaseException:
        first.stop()
        raise
    yield first, second
    second.stop()
    first.stop()
