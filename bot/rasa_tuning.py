"""Speed-ups for the Rasa server process, found by profiling `make bench` (see bench/README.md).

``install()`` is called once when the REST channel is set up (inside the Rasa
server). Neither change alters what the bot answers:

1. **Action-server replies are validated with a compiled schema.** Rasa checks
   every reply of the action server with ``jsonschema.validate(reply, schema)``,
   which first re-validates the *schema itself* against the JSON-Schema
   meta-schema. With jsonschema 4.17 that was about 40% of the Rasa server's
   CPU per turn. Here the validator is built once; each reply is still checked
   against Rasa's own schema and an invalid reply raises the same error.
2. **SQLite tracker store: pooled connections, WAL mode, ``synchronous=NORMAL``.**
   SQLAlchemy 1.4 opens and closes a new SQLite connection for every session
   (``NullPool``), and SQLite's defaults (rollback journal, ``synchronous=FULL``)
   fsync the disk on every commit; Rasa reads and commits the tracker every
   turn. With a connection pool and WAL a commit is an append to the log; a
   crash of the bot loses nothing, a power cut may lose the last turns
   (acceptable for chat history). Other databases (PostgreSQL) are untouched.
"""

from __future__ import annotations

import logging
import sqlite3
from functools import lru_cache
from typing import Any, Callable, Dict

logger = logging.getLogger(__name__)

_installed = False


@lru_cache(maxsize=1)
def _action_reply_validator() -> Any:
    """A validator for Rasa's action-server reply schema, built (and the schema checked) once."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: Any, result: Dict[str, Any]) -> bool:
    """Same contract as ``RemoteAction._validate_action_result``, with the compiled validator."""
    from jsonschema import ValidationError
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    error = best_match(_action_reply_validator().iter_errors(result))
    if error is None:
        return True
    if not isinstance(error, ValidationError):  # pragma: no cover - best_match returns ValidationErrors
        raise error
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the Action "
        f"endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    """WAL journal and normal sync for every new SQLite connection (other databases untouched)."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()


def is_sqlite_file(url: Any) -> bool:
    """True for an SQLAlchemy URL of an SQLite database file (not in-memory)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:")


def _engine_kwargs_with_pool(original: Callable[[Any], Dict[str, Any]]) -> Callable[[Any], Dict[str, Any]]:
    """Wrap Rasa's ``create_engine_kwargs``: SQLite files get a connection pool (kept open between turns)."""

    def engine_kwargs(url: Any) -> Dict[str, Any]:
        kwargs = dict(original(url))
        if is_sqlite_file(url):
            from sqlalchemy.pool import QueuePool

            kwargs.setdefault("poolclass", QueuePool)
            # Rasa's tracker store runs on the event loop's thread; the pool may hand a connection
            # to whichever thread asks, so sqlite3's same-thread check is lifted.
            kwargs.setdefault("connect_args", {}).setdefault("check_same_thread", False)
        return kwargs

    return engine_kwargs


def install() -> None:
    """Apply both speed-ups (idempotent)."""
    global _installed
    if _installed:
        return
    import rasa.core.tracker_store as tracker_store
    from rasa.core.actions.action import RemoteAction
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
    tracker_store.create_engine_kwargs = _engine_kwargs_with_pool(tracker_store.create_engine_kwargs)
    event.listen(Engine, "connect", _sqlite_pragmas)
    _installed = True
    logger.debug("Rasa tuning installed: compiled action-reply schema, SQLite WAL")
