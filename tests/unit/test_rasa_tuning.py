"""The Rasa speed-ups in bot/rasa_tuning.py keep Rasa's behaviour (fast checks, no model)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest
from jsonschema import ValidationError

from bot import rasa_tuning


def test_a_valid_action_reply_passes_the_compiled_validator() -> None:
    reply = {
        "events": [{"event": "slot", "timestamp": None, "name": "last_topic", "value": "pay"}],
        "responses": [{"text": "The average pay ...", "buttons": [{"title": "Pay", "payload": "/ask_pay"}]}],
    }
    assert rasa_tuning.validate_action_result(None, reply) is True


def test_an_invalid_action_reply_raises_rasas_error() -> None:
    """Same exception type and the same hint as Rasa's own validation."""
    with pytest.raises(ValidationError, match="is not of type 'array'.*Failed to validate Action server response"):
        rasa_tuning.validate_action_result(None, {"events": "not a list"})


def test_the_compiled_validator_agrees_with_jsonschema_validate() -> None:
    from jsonschema import validate
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    samples: List[Dict[str, Any]] = [
        {},
        {"events": []},
        {"events": [{"event": "slot"}], "responses": [{"text": "hi"}]},
        {"events": [{"no_event_key": 1}]},
        {"responses": "text"},
        {"events": [{"event": 3}]},
    ]
    for sample in samples:
        try:
            validate(sample, schema)
            expected = None
        except ValidationError as error:
            expected = error.message
        try:
            rasa_tuning.validate_action_result(None, sample)
            got = None
        except ValidationError as error:
            got = error.message.split(". Failed to validate")[0]
        assert got == expected, sample


@pytest.mark.parametrize(
    ("url", "pooled"),
    [
        ("sqlite:////tmp/x/tracker.db", True),
        ("sqlite:///relative.db", True),
        ("sqlite://", False),
        ("sqlite:///:memory:", False),
        ("postgresql://postgres@127.0.0.1:5432/postgres", False),
    ],
)
def test_only_sqlite_files_get_a_connection_pool(url: str, pooled: bool) -> None:
    from sqlalchemy.pool import QueuePool

    kwargs = rasa_tuning._engine_kwargs_with_pool(lambda _: {"pool_size": 3} if "postgres" in url else {})(url)
    assert (kwargs.get("poolclass") is QueuePool) is pooled
    if "postgres" in url:
        assert kwargs == {"pool_size": 3}


def test_sqlite_connections_switch_to_wal(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "t.db")
    rasa_tuning._sqlite_pragmas(connection, None)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    connection.close()


def test_a_spacy_pipeline_is_loaded_once_per_path() -> None:
    calls: List[str] = []

    def load(name: str) -> object:
        calls.append(name)
        return object()

    cached = rasa_tuning._cached_spacy_loader(load)
    assert cached("build/a") is cached("build/a")
    assert cached("build/b") is not cached("build/a")
    assert calls == ["build/a", "build/b"]


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """install() for one test; Rasa's originals are put back afterwards (other tests see stock Rasa)."""
    import rasa.core.tracker_store as tracker_store
    from rasa.core.actions.action import RemoteAction
    from rasa.nlu.utils.spacy_utils import SpacyNLP
    from rasa.utils.tensorflow.models import RasaModel
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    for owner, name in [(RemoteAction, "_validate_action_result"), (SpacyNLP, "load_model"), (RasaModel, "load")]:
        monkeypatch.setattr(owner, name, owner.__dict__[name])
    monkeypatch.setattr(tracker_store, "create_engine_kwargs", tracker_store.create_engine_kwargs)
    monkeypatch.setattr(rasa_tuning, "_installed", False)
    rasa_tuning.install()
    rasa_tuning.install()  # idempotent: wraps nothing twice
    yield
    event.remove(Engine, "connect", rasa_tuning._sqlite_pragmas)


def test_install_replaces_the_slow_rasa_functions(installed: None) -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.utils.tensorflow.models import RasaModel

    assert RemoteAction._validate_action_result is rasa_tuning.validate_action_result
    assert RasaModel.__dict__["load"].__func__ is rasa_tuning.load_rasa_model


async def test_the_sql_tracker_store_works_after_install(installed: None, tmp_path: Path) -> None:
    """Rasa's SQLTrackerStore on an SQLite file, tuned: trackers round-trip, the file is in WAL mode."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.from_yaml("version: '3.1'\nslots:\n  topic:\n    type: text\n    mappings: [{type: custom}]\n")
    store = SQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    tracker = DialogueStateTracker.from_events(
        "student-1", [ActionExecuted("action_listen"), UserUttered("hi"), SlotSet("topic", "pay")], domain.slots
    )
    await store.save(tracker)
    tracker.update(UserUttered("and more"))
    await store.save(tracker)
    again = await store.retrieve("student-1")
    assert again is not None
    assert [e.as_dict()["event"] for e in again.events] == [e.as_dict()["event"] for e in tracker.events]
    assert again.get_slot("topic") == "pay"
    with sqlite3.connect(tmp_path / "tracker.db") as check:
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
