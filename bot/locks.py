"""A Redis lock store whose ticket operations are atomic, for several Rasa servers.

Rasa 3.6's ``RedisLockStore`` changes a conversation's ticket lock with a plain
GET followed by a SET. When one student's messages reach two Rasa servers at the
same moment, both can read "no lock", both write "ticket 0", and both process a
turn at once; the SQL tracker store then saves only the events it thinks are new,
so one of the turns is lost (measured in tests/scale: 8 of 10 turns stored).
Rasa's fix (a "concurrent" Redis lock store) is not in Rasa Open Source.

This subclass performs every read-modify-write of a lock inside a Redis
transaction (WATCH/MULTI/EXEC, retried when another server changed the lock
meanwhile), so tickets are unique and handed out in order across servers. It
keeps Rasa's data format and key names. Used by deploy/endpoints.scale.yml as
``type: bot.locks.AtomicRedisLockStore``.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Callable, Optional, Tuple, TypeVar

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

T = TypeVar("T")
# What a change does to the stored lock: write it back, delete it, or leave Redis untouched.
SAVE, DELETE, KEEP = "save", "delete", "keep"
Change = Callable[[Optional[TicketLock]], Tuple[str, Optional[TicketLock], T]]


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore with atomic ticket operations (see the module docstring)."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        """Create from an endpoints.yml section (how Rasa builds custom lock stores) or keyword arguments."""
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)

    def _transact(self, conversation_id: str, change: Change[T]) -> T:
        """Apply ``change`` to the stored lock atomically, retrying if another server got there first."""
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(raw)) if raw else None
                    action, updated, result = change(lock)
                    pipe.multi()
                    if action == SAVE and updated is not None:
                        pipe.set(key, updated.dumps())
                    elif action == DELETE:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """Issue the next ticket for the conversation (creating its lock if needed)."""

        def change(lock: Optional[TicketLock]) -> Tuple[str, Optional[TicketLock], int]:
            lock = lock or TicketLock(conversation_id)
            return SAVE, lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._transact(conversation_id, change)
        except redis.RedisError as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        """Drop expired tickets."""

        def change(lock: Optional[TicketLock]) -> Tuple[str, Optional[TicketLock], None]:
            if lock is None:
                return KEEP, None, None
            lock.remove_expired_tickets()
            return SAVE, lock, None

        self._transact(conversation_id, change)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        """Remove a served ticket."""

        def change(lock: Optional[TicketLock]) -> Tuple[str, Optional[TicketLock], None]:
            if lock is None:
                return KEEP, None, None
            lock.remove_ticket_for(ticket_number)
            return SAVE, lock, None

        self._transact(conversation_id, change)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Remove a served ticket, and the lock itself if nobody else holds a ticket (one transaction)."""

        def change(lock: Optional[TicketLock]) -> Tuple[str, Optional[TicketLock], None]:
            if lock is None:
                return KEEP, None, None
            lock.remove_ticket_for(ticket_number)
            if lock.is_someone_waiting():
                return SAVE, lock, None
            return DELETE, None, None

        self._transact(conversation_id, change)
