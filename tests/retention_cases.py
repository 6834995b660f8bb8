"""Retention checks shared by the SQLite (tests/unit) and PostgreSQL (tests/scale) test modules."""

from __future__ import annotations

from bot.retention import count_conversations, expired_conversations, forget, purge
from tests.stores import DAY, events_of, now, save_conversation, senders, sql_store


async def check_purge_deletes_only_idle_conversations(url: str) -> None:
    """Conversations whose LAST event is older than the period go; recent or recently resumed ones stay."""
    store = sql_store(url)
    t = now()
    await save_conversation(store, "old", ["hi", "pay?"], last_at=t - 45 * DAY, first_at=t - 46 * DAY)
    await save_conversation(store, "just-expired", ["hi"], last_at=t - 30 * DAY - 60)
    await save_conversation(store, "resumed", ["hi", "back again"], last_at=t - 2 * DAY, first_at=t - 90 * DAY)
    await save_conversation(store, "fresh", ["hi"], last_at=t - 60)
    await save_conversation(store, "almost", ["hi"], last_at=t - 29 * DAY)
    assert sorted(expired_conversations(url, 30)) == ["just-expired", "old"]

    result = purge(url, 30)

    assert result.conversations == 2
    assert result.events == 6  # old: 2 turns x 2 events, just-expired: 1 x 2
    assert senders(url) == ["almost", "fresh", "resumed"]
    assert len(events_of(url, "resumed")) == 4, "a resumed conversation is kept whole, including its old turns"
    assert purge(url, 30).conversations == 0, "purging twice deletes nothing more"
    # Rasa reads a purged conversation as a new, empty one.
    tracker = await store.retrieve("old")
    assert tracker is None or not [e for e in tracker.events if e.type_name == "user"]


async def check_forget_deletes_one_conversation(url: str) -> None:
    """`forget` removes every event of one conversation and nothing else."""
    store = sql_store(url)
    t = now()
    await save_conversation(store, "student-a", ["hi", "pay?", "thanks"], last_at=t)
    await save_conversation(store, "student-b", ["hi"], last_at=t)
    assert count_conversations(url) == 2

    assert forget(url, "student-a") == 6
    assert senders(url) == ["student-b"]
    assert forget(url, "student-a") == 0
    assert forget(url, "nobody") == 0
    assert len(events_of(url, "student-b")) == 2

