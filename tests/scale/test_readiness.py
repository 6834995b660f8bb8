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

        # A turn while the database is down: its errors are logged without the conversation id or the text.
        sender, marker = f"pgdown-{uuid.uuid4().hex[:10]}", f"zq{uuid.uuid4().hex[:10]}"
        requests.post(bot.rest_url, json={"sender": sender, "message": f"how much do nurses make {marker}"},
                      timeout=60)
        time.sleep(1)
        log = bot.log()
        assert "Error" in log or "error" in log, "the database error should be logged"
        assert sender not in log and marker not in log
    finally:
        bot.stop()
        postgres.stop()
