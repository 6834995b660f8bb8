"""The scale profile's Redis lock store really excludes: two servers never run one conversation's turns at once."""

from __future__ import annotations

import asyncio
import threading
from contextlib import asynccontextmanager
from typing import AsyncIterator, List, Type

import redis
from rasa.core.lock_store import RedisLockStore

from bot.locks import AtomicRedisLockStore
from tests.services import RedisServer

ROUNDS = 40


def _hammer(store_class: Type[RedisLockStore], port: int, conversation: str, counter: str, errors: List[str]) -> None:
    """One 'server': ROUNDS turns, each a non-atomic read-increment-write of a counter under the lock."""
    store = store_class(host="127.0.0.1", port=port, db=1, key_prefix="careerbot")
    red = redis.Redis(port=port, db=1)

    async def turns() -> None:
        for _ in range(ROUNDS):
            async with store.lock(conversation, wait_time_in_seconds=0.005):
                value = int(red.get(counter) or 0)
                await asyncio.sleep(0.002)  # a turn takes time; another server must not get in meanwhile
                red.set(counter, value + 1)

    try:
        asyncio.run(turns())
    except Exception as error:  # noqa: BLE001 - reported by the test
        errors.append(f"{type(error).__name__}: {error}")


def _run(store_class: Type[RedisLockStore], server: RedisServer, servers: int = 3) -> int:
    conversation, counter = f"student-{store_class.__name__}", f"counter-{store_class.__name__}"
    redis.Redis(port=server.port, db=1).delete(counter)
    errors: List[str] = []
    threads = [threading.Thread(target=_hammer, args=(store_class, server.port, conversation, counter, errors))
               for _ in range(servers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    return int(redis.Redis(port=server.port, db=1).get(counter) or 0)


def test_atomic_lock_store_serialises_turns_across_servers(redis_server: RedisServer) -> None:
    """Three 'servers' x 40 turns of one conversation: every increment survives, so no two turns overlapped."""
    assert _run(AtomicRedisLockStore, redis_server) == 3 * ROUNDS
    assert not redis.Redis(port=redis_server.port, db=1).keys("careerbot:lock:*"), "locks are cleaned up"


def test_scale_endpoints_use_the_atomic_lock_store() -> None:
    import yaml

    from bot.tools.launcher import SCALE_ENDPOINTS

    with SCALE_ENDPOINTS.open(encoding="utf-8") as handle:
        assert yaml.safe_load(handle)["lock_store"]["type"] == "bot.locks.AtomicRedisLockStore"


class _NoLockStore(RedisLockStore):
    """A lock store that excludes nobody: the control showing the counter test can fail."""

    @asynccontextmanager
    async def lock(
        self, conversation_id: str, lock_lifetime: float = 60, wait_time_in_seconds: float = 1
    ) -> AsyncIterator[None]:
        yield None


def test_the_counter_detects_overlapping_turns(redis_server: RedisServer) -> None:
    """Without a lock the same run loses increments, so the test above would catch a lock store that fails."""
    assert _run(_NoLockStore, redis_server) < 3 * ROUNDS
