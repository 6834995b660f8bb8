"""Readiness (bot/channels/readiness.py) on the scale profile: not ready while PostgreSQL is down."""

from __future__ import annotations

import time
import uuid
from typing import Dict

import requests

from tests.services import PostgresServer, RedisServer
from tests.support import BotProcess


def _ready(bot: BotProcess) -> requests.Response:
    return requests.get(f"{bot.url}/webhooks/rest/ready", timeout=30)


def test_readiness_fails_while_postgresql_is_down(model, tmp_path, redis_server: RedisServer) -> None:
    """Ready with PostgreSQL, Redis and the action server up; 503 naming the tracker store once PostgreSQL
    stops, while the health check still says the server is up (so a load balancer must use readiness)."""
    postgres = PostgresServer().start()
    env: Dict[str, str] = {"CAREERBOT_PROFILE": "scale", **postgres.env(f"careerbot_{uuid.uuid4().hex[:8]}"),
                           **redis_server.env()}
    bot = BotProcess(tmp_path / "var", env_overrides=env).start()
    try:
        reply = _ready(bot)
        assert reply.status_code == 200, reply.text
        assert reply.json()["checks"] == {"tracker_store": "ok", "lock_store": "ok", "action_server": "ok"}

        postgres.stop()
        deadline = time.monotonic() + 30
        while _ready(bot).status_code == 200 and time.monotonic() < deadline:
            time.sleep(0.5)
        reply = _ready(bot)
        assert reply.status_code == 503
        assert reply.json()["checks"]["tracker_store"] == "failed"
        assert reply.json()["checks"]["lock_store"] == "ok"
        assert "127.0.0.1" not in reply.text and "postgres" not in reply.text.lower()
        assert requests.get(f"{bot.url}/webhooks/rest/", timeout=30).status_code == 200
    finally:
        bot.stop()
        postgres.stop()
