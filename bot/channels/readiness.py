"""Readiness: whether this server can answer students right now (``GET /webhooks/rest/ready``).

The health check (``GET /webhooks/rest/``) says the Rasa server is up. Readiness
also checks what a turn needs: the tracker store (SQLite file or PostgreSQL),
the lock store (Redis, scale profile) and the action server. A load balancer or
Kubernetes sends students only to a ready server. The answer names each check
and whether it passed, never an address, a password or an error's text.
"""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Callable, Dict, List, Tuple

from bot.settings import Settings

TIMEOUT_SECONDS = 3.0
Check = Tuple[str, Callable[[], None]]


def _tracker_store(settings: Settings) -> None:
    if settings.profile == "scale":
        import sqlalchemy as sa

        engine = sa.create_engine(settings.tracker_store_url, connect_args={"connect_timeout": int(TIMEOUT_SECONDS)},
                                  poolclass=sa.pool.NullPool)
        try:
            with engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
        finally:
            engine.dispose()
        return
    with sqlite3.connect(f"file:{settings.tracker_db}?mode=rw", uri=True, timeout=TIMEOUT_SECONDS) as db:
        db.execute("SELECT 1").fetchone()


def _lock_store(settings: Settings) -> None:
    import redis

    redis.Redis.from_url(settings.redis_url, socket_timeout=TIMEOUT_SECONDS,
                         socket_connect_timeout=TIMEOUT_SECONDS).ping()


def _action_server(settings: Settings) -> None:
    import urllib.request

    url = f"http://127.0.0.1:{settings.action_port}/health"
    with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as reply:  # noqa: S310 - our own local server
        if reply.status != 200:
            raise RuntimeError("not healthy")


def checks(settings: Settings) -> List[Check]:
    """The checks this profile needs, by name."""
    found: List[Check] = [("tracker_store", lambda: _tracker_store(settings))]
    if settings.profile == "scale":
        found.append(("lock_store", lambda: _lock_store(settings)))
    found.append(("action_server", lambda: _action_server(settings)))
    return found


async def readiness(settings: Settings) -> Tuple[bool, Dict[str, str]]:
    """Run every check (in threads, at once): (all passed, {check: "ok" | "failed"})."""

    async def run(check: Callable[[], None]) -> str:
        try:
            await asyncio.wait_for(asyncio.to_thread(check), TIMEOUT_SECONDS + 1)
            return "ok"
        except Exception:  # noqa: BLE001 - any failure means not ready; its text may hold addresses
            return "failed"

    named = checks(settings)
    results = await asyncio.gather(*(run(check) for _, check in named))
    status = {name: result for (name, _), result in zip(named, results, strict=True)}
    return all(result == "ok" for result in results), status
