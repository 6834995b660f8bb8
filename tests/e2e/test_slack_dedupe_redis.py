"""Slack retry dedupe shared through a real Redis, as several Rasa servers (scale-out profile) would share it."""

from __future__ import annotations

import logging
from typing import Iterator

import pytest
import redis

from bot.channels.slack import DEDUPE_TTL_SECONDS, RecentEvents, RedisRecentEvents, make_recent_events
from tests.slack_support import redis_server
from tests.support import free_port

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory) -> Iterator[str]:
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


async def test_event_seen_by_one_server_is_a_duplicate_on_another(redis_url: str) -> None:
    """Server A answers an event; Slack's retry lands on server B, which must not answer it again."""
    server_a, server_b = RedisRecentEvents(redis_url), RedisRecentEvents(redis_url)
    keys = ["event:EvSHARED1", "message:D1:1700000000.000100"]
    assert await server_a.first_time(keys)
    assert not await server_b.first_time(keys)
    assert not await server_b.first_time(["message:D1:1700000000.000100"])  # same message, other event id
    assert await server_b.first_time(["event:EvOTHER", "message:D1:1700000000.000200"])


async def test_seen_events_expire_in_redis(redis_url: str) -> None:
    """Keys carry the dedupe TTL, so Redis doesn't fill up."""
    assert await RedisRecentEvents(redis_url).first_time(["event:EvTTL"])
    ttl = redis.Redis.from_url(redis_url).ttl("careerbot:slack:seen:event:EvTTL")
    assert 0 < ttl <= DEDUPE_TTL_SECONDS


async def test_redis_down_falls_back_to_this_servers_memory(caplog) -> None:
    """With Redis unreachable a new event is still answered (once): never silence, at worst a duplicate."""
    recent = RedisRecentEvents(f"redis://127.0.0.1:{free_port()}/0")
    with caplog.at_level(logging.WARNING, logger="bot.channels.slack"):
        assert await recent.first_time(["event:EvDOWN"])
        assert not await recent.first_time(["event:EvDOWN"])
    assert "Redis unavailable" in caplog.text


def test_redis_is_used_only_when_configured(redis_url: str, monkeypatch) -> None:
    monkeypatch.setenv("CAREERBOT_REDIS_URL", redis_url)
    assert isinstance(make_recent_events(), RedisRecentEvents)
    monkeypatch.setenv("CAREERBOT_REDIS_URL", "")
    recent = make_recent_events()
    assert type(recent) is RecentEvents
