"""The Rasa speed-ups in bot/rasa_tuning.py keep Rasa's behaviour (fast checks, no model)."""

from __future__ import annotations

import contextlib
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
        {"events": [{"event": "slot", "name": "career", "value": "chefs"}, {"event": "action", "name": "x"}]},
        {"events": [{"event": "user", "text": "hi", "parse_data": {"intent": {"name": "x", "confidence": "high"}}}]},
        {"events": [{"event": "slot", "timestamp": "yesterday"}]},
        {"events": [{"event": "bot", "text": "hi", "data": {"buttons": [{"title": "A", "payload": "/a"}]}}]},
        {"events": [{"event": "bot", "text": 3}]},
        {"events": [{"event": "no_such_event"}]},
        {"events": [{"event": "followup", "name": "action_respond"}, {"event": "reset_slots"}]},
        {"responses": [{"text": "hi", "buttons": [{"title": "A", "payload": "/a"}], "custom": {"k": 1}}]},
        {"responses": [{"text": 5}]},
        {"events": None},
        {"events": [{"event": "slot", "metadata": "not an object"}]},
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


def test_the_fast_check_passes_exactly_the_replies_jsonschema_passes() -> None:
    """Every kind of event Rasa knows, valid and broken, alone and mixed: the same verdict as jsonschema."""
    from fastjsonschema import JsonSchemaException
    from jsonschema import Draft202012Validator
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    kinds = [k["properties"]["event"]["const"] for k in schema["properties"]["events"]["items"]["oneOf"]]
    events: List[Dict[str, Any]] = []
    for kind in kinds:
        events += [{"event": kind}, {"event": kind, "timestamp": 1.5, "name": "x", "value": None},
                   {"event": kind, "name": 3}, {"event": kind, "text": None, "metadata": {}},
                   {"event": kind, "entities": [{"entity": "career", "value": "chefs"}]},
                   {"event": kind, "entities": "chefs"}, {"event": kind, "timestamp": "noon"}]
    samples: List[Any] = [{"events": [event]} for event in events]
    samples += [{"events": events[i:i + 5], "responses": [{"text": "hi"}]} for i in range(0, len(events), 5)]
    samples += [{"events": [{"event": "nope"}]}, {"events": [{}]}, {"events": [1]}, [], "text", {"responses": [1]}]
    reference = Draft202012Validator(schema)
    passed = 0
    for sample in samples:
        try:
            rasa_tuning._fast_reply_check()(sample)
            fast = True
        except JsonSchemaException:
            fast = False
        assert fast == reference.is_valid(sample), sample
        passed += fast
    assert 50 < passed < len(samples) - 50


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
        assert kwargs == {"pool_size": 3, "hide_parameters": True}
    assert kwargs["hide_parameters"] is True, "no SQL parameters (ids, message text) in error messages"


def test_sqlite_connections_switch_to_wal(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "t.db")
    rasa_tuning._sqlite_pragmas(connection, None)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    connection.close()


@contextlib.contextmanager
def tuning_installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """install() for a block; Rasa's originals are put back afterwards (other tests see stock Rasa)."""
    import rasa.core.tracker_store as tracker_store
    from rasa.core.actions.action import RemoteAction
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
    from rasa.shared.core.events import Event
    from rasa.shared.nlu.training_data.message import Message
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    patched = [
        (RemoteAction, "_validate_action_result"), (Message, "_combine_features"),
        (LogisticRegressionClassifier, "load"), (LogisticRegressionClassifier, "_create_X"),
        (Event, "resolve_by_type"), (DaskGraphRunner, "run"),
        (tracker_store.SQLTrackerStore, "_retrieve"), (tracker_store.SQLTrackerStore, "_additional_events"),
        (tracker_store.SQLTrackerStore, "save"),
    ]
    for owner, name in patched:
        monkeypatch.setattr(owner, name, owner.__dict__[name])
    monkeypatch.setattr(tracker_store, "create_engine_kwargs", tracker_store.create_engine_kwargs)
    monkeypatch.setattr(rasa_tuning, "_installed", False)
    rasa_tuning.install()
    rasa_tuning.install()  # idempotent: wraps nothing twice
    try:
        yield
    finally:
        event.remove(Engine, "connect", rasa_tuning._sqlite_pragmas)
        monkeypatch.undo()


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """install() for one test."""
    with tuning_installed(monkeypatch):
        yield


def test_install_replaces_the_slow_rasa_functions(installed: None) -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier

    assert RemoteAction._validate_action_result is rasa_tuning.validate_action_result
    assert LogisticRegressionClassifier._create_X is rasa_tuning.create_x


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


def test_install_replaces_the_graph_runner_and_sql_queries(installed: None) -> None:
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.engine.runner.dask import DaskGraphRunner

    assert DaskGraphRunner.run is rasa_tuning.run_graph
    assert SQLTrackerStore._retrieve is rasa_tuning.retrieve_latest_session
    assert SQLTrackerStore.save is rasa_tuning.save_new_events


def _tracker_events(domain: Any) -> List[Any]:
    """Two conversation sessions: the latest starts with session_started."""
    from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered

    first = [ActionExecuted("action_session_start", timestamp=1.0), SessionStarted(timestamp=1.0),
             ActionExecuted("action_listen", timestamp=1.0),
             UserUttered("hi", {"name": "greet"}, timestamp=2.0), SlotSet("topic", "pay", timestamp=3.0)]
    second = [ActionExecuted("action_session_start", timestamp=10.0), SessionStarted(timestamp=10.0),
              SlotSet("topic", "pay", timestamp=10.0), ActionExecuted("action_listen", timestamp=10.0),
              UserUttered("and the outlook?", {"name": "ask_outlook"}, timestamp=11.0)]
    return [*first, *second]


async def _save_and_read(tmp_path: Path, name: str) -> Dict[str, Any]:
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.from_yaml("version: '3.1'\nslots:\n  topic:\n    type: text\n    mappings: [{type: custom}]\n")
    store = SQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / f"{name}.db"))
    events = _tracker_events(domain)
    tracker = DialogueStateTracker.from_events("student-1", events[:3], domain.slots)
    await store.save(tracker)
    for event in [*events[3:], ActionExecuted("utter_outlook", timestamp=12.0)]:
        tracker = await store.retrieve("student-1")  # as every turn does: read, update, save
        assert tracker is not None
        tracker.update(event)
        await store.save(tracker)
        await store.save(tracker)  # nothing new: nothing written
    latest = await store.retrieve("student-1")
    full = await store.retrieve_full_tracker("student-1")
    assert latest is not None and full is not None
    with sqlite3.connect(tmp_path / f"{name}.db") as db:
        rows = db.execute("SELECT sender_id, type_name, timestamp, intent_name, action_name, data FROM events "
                          "ORDER BY id").fetchall()
    return {
        "latest": [e.as_dict() for e in latest.events], "full": [e.as_dict() for e in full.events],
        "slot": latest.get_slot("topic"), "rows": rows, "missing": await store.retrieve("nobody"),
    }


async def test_tuned_sql_tracker_store_reads_and_writes_what_rasas_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same rows in the database, same latest session and full history, with and without install()."""
    stock = await _save_and_read(tmp_path, "stock")
    with tuning_installed(monkeypatch):
        tuned = await _save_and_read(tmp_path, "tuned")
    assert tuned == stock
    assert stock["latest"][0]["name"] == "action_session_start" and stock["latest"][-1]["name"] == "utter_outlook"
    assert len(stock["latest"]) < len(stock["full"])
    assert len(stock["rows"]) >= len(stock["full"]) > 0 and stock["missing"] is None


def test_event_types_resolve_as_in_rasa(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasa.shared.utils.common
    from rasa.shared.core.events import Event, UserUttered

    original = Event.resolve_by_type
    names = sorted({cls.type_name for cls in rasa.shared.utils.common.all_subclasses(Event)})
    assert len(names) > 15
    expected = {name: original(name) for name in names}
    with tuning_installed(monkeypatch):
        assert {name: Event.resolve_by_type(name) for name in names} == expected
        assert Event.resolve_by_type("no_such_event", UserUttered) is UserUttered
        assert Event.resolve_by_type("topic") is None
        with pytest.raises(ValueError, match="Unknown event name 'no_such_event'"):
            Event.resolve_by_type("no_such_event")


class _Node:
    def __init__(self, needs: Dict[str, str]) -> None:
        self.needs = needs


class _Schema:
    def __init__(self, nodes: Dict[str, Dict[str, str]], targets: List[str]) -> None:
        self.nodes = {name: _Node(needs) for name, needs in nodes.items()}
        self.target_names = targets

    def _all_dependencies_schema(self, targets: List[str]) -> List[str]:
        from rasa.engine.graph import GraphSchema

        return GraphSchema._all_dependencies_schema(self, targets)  # type: ignore[arg-type]

    def minimal_graph_schema(self, targets: List[str]) -> Any:

        needed = self._all_dependencies_schema(targets)
        return _Schema({name: node.needs for name, node in self.nodes.items() if name in needed}, targets)


class _Calls:
    """A graph node that records its call and returns (name, inputs)."""

    def __init__(self, name: str, log: List[str]) -> None:
        self.name, self.log = name, log

    def __call__(self, *inputs: Any) -> Any:
        self.log.append(self.name)
        return (self.name, inputs)


def _runner(nodes: Dict[str, Dict[str, str]], targets: List[str]) -> Any:
    from rasa.engine.runner.dask import DaskGraphRunner

    runner = DaskGraphRunner.__new__(DaskGraphRunner)
    runner._graph_schema = _Schema(nodes, targets)
    runner.log = []
    runner._execution_context = None
    runner._instantiated_nodes = {name: _Calls(name, runner.log) for name in nodes}
    return runner


def test_graph_runs_give_what_dask_gives() -> None:
    """Diamond-shaped graph with an input placeholder and an unconnected node: same outputs, each node once."""
    from rasa.engine.runner.dask import DaskGraphRunner

    nodes = {
        "tokens": {"message": "__message__"},
        "words": {"messages": "tokens"},
        "chars": {"messages": "tokens"},
        "classifier": {"a": "words", "b": "chars"},
        "unused": {"x": "tokens"},
        "needs_missing": {"y": "nothing_provides_this"},
    }
    for targets in (["classifier"], ["classifier", "words"], ["needs_missing"]):
        stock, tuned = _runner(nodes, ["classifier"]), _runner(nodes, ["classifier"])
        inputs = {"__message__": ["a message"]}
        expected = DaskGraphRunner.run(stock, inputs, targets)
        assert rasa_tuning.run_graph(tuned, inputs, targets) == expected
        assert rasa_tuning.run_graph(tuned, inputs, targets) == expected  # the cached plan
        assert sorted(tuned.log) == sorted(stock.log * 2)
        assert "unused" not in tuned.log


def test_a_graph_input_named_like_a_node_value_is_refused() -> None:
    from rasa.engine.exceptions import GraphRunError

    runner = _runner({"tokens": {"message": "__message__"}}, ["tokens"])
    with pytest.raises(GraphRunError, match="clashes with a node name"):
        rasa_tuning.run_graph(runner, {"__message__": "tokens"}, None)


def test_logistic_regression_predicts_the_same_with_column_major_weights() -> None:
    import numpy as np
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    features = sp.random(60, 500, density=0.05, format="csr", random_state=1)
    labels = rng.integers(0, 4, 60)
    clf = LogisticRegression(max_iter=200).fit(features, labels)

    class Component:
        pass

    component = Component()
    component.clf = clf  # type: ignore[attr-defined]
    before = clf.predict_proba(features)
    rasa_tuning.column_major_weights(component)
    assert clf.coef_.flags["F_CONTIGUOUS"]
    assert np.array_equal(clf.predict_proba(features), before)


def test_install_refuses_another_rasa_version(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """On a Rasa version the patches were not written for, nothing is patched and the log says why."""
    import rasa
    from rasa.core.actions.action import RemoteAction

    original = RemoteAction.__dict__["_validate_action_result"]
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    monkeypatch.setattr(rasa_tuning, "_installed", False)
    with caplog.at_level("WARNING", logger="bot.rasa_tuning"):
        assert rasa_tuning.install() is False
    assert RemoteAction.__dict__["_validate_action_result"] is original
    assert "3.7.0" in caplog.text and rasa_tuning.PINNED_RASA in caplog.text


def test_features_are_joined_as_rasa_joins_them() -> None:
    """Same matrix (values, shape, dtype), type, attribute and origin as Rasa's deepcopy + hstack."""
    import numpy as np
    import scipy.sparse as sp
    from rasa.shared.nlu.training_data.features import Features
    from rasa.shared.nlu.training_data.message import Message

    rng = np.random.default_rng(7)

    def coo(rows: int, width: int, count: int, dtype: Any = np.float32) -> Any:
        return sp.coo_matrix((rng.random(count).astype(dtype),
                              (rng.integers(0, rows, count), rng.integers(0, width, count))), shape=(rows, width))

    original = rasa_tuning._ORIGINAL_COMBINE_FEATURES or Message.__dict__["_combine_features"].__func__
    assert original is not rasa_tuning.combine_features
    for rows, kind in ((1, "sentence"), (9, "sequence")):
        features = [Features(coo(rows, width, count, dtype), kind, "text", origin) for width, count, dtype, origin in
                    ((120, 3, np.float32, "regex"), (300, 25, np.float64, "lexical"), (34_618, 12, np.float32, "words"),
                     (15_264, 0, np.float32, "chars"))]
        expected = original(features, ["all"])
        got = rasa_tuning.combine_features(features, ["all"])
        assert got.features.shape == expected.features.shape
        assert got.features.dtype == expected.features.dtype
        assert (got.features.toarray() == expected.features.toarray()).all()
        assert (got.type, got.attribute, got.origin) == (expected.type, expected.attribute, ["all"])
        assert [f.origin for f in features] == ["regex", "lexical", "words", "chars"], "inputs left as they were"


def test_other_features_are_joined_by_rasa(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np
    import scipy.sparse as sp
    from rasa.shared.nlu.training_data.features import Features

    calls: List[int] = []
    monkeypatch.setattr(rasa_tuning, "_ORIGINAL_COMBINE_FEATURES", lambda features, _: calls.append(len(features)))
    one = [Features(sp.coo_matrix(np.ones((1, 3))), "sentence", "text", "a")]
    rasa_tuning.combine_features(one, [])
    rasa_tuning.combine_features([*one, Features(sp.csr_matrix(np.ones((1, 2))), "sentence", "text", "b")], [])
    rasa_tuning.combine_features([*one, Features(sp.coo_matrix(np.ones((2, 2))), "sentence", "text", "b")], [])
    assert calls == [1, 2, 2]
