"""Speed-ups for the Rasa server process, found by profiling `make bench` (see bench/README.md).

The shares and times below are what the profiles showed when each change was made
(bench/README.md has the profiles); today's figures are in bench/results.md.

``install()`` is called once, from the Rasa server's start-up (``bot/tools/rasa_run.py``,
before the model is loaded), and only on the Rasa version the patches were written
for (``PINNED_RASA``): on any other version it logs why and leaves Rasa as it is
(the bot still runs, unpatched). None of the changes alters what the bot answers
(tests/unit/test_rasa_tuning.py compares predictions with and without):

1. **Action-server replies are validated with a compiled schema.** Rasa checks
   every reply of the action server with ``jsonschema.validate(reply, schema)``,
   which first re-validates the *schema itself* against the JSON-Schema
   meta-schema. With jsonschema 4.17 that was about 40% of the Rasa server's
   CPU per turn. Here the validator is built once; each reply is still checked
   against Rasa's own schema and an invalid reply raises the same error. A
   reply is first checked by the same schema compiled to Python code
   (fastjsonschema), each event only against its own kind (``_fast_reply_check``):
   0.013 ms instead of 1.4 ms for a reply of five events (compiled as it is, with
   every kind tried for every event, it took 1.45 ms). Only a reply it rejects goes
   through jsonschema, whose verdict and error message are Rasa's.
2. **SQLite tracker store: pooled connections, WAL mode, ``synchronous=NORMAL``.**
   SQLAlchemy 1.4 opens and closes a new SQLite connection for every session
   (``NullPool``), and SQLite's defaults (rollback journal, ``synchronous=FULL``)
   fsync the disk on every commit; Rasa reads and commits the tracker every
   turn. With a connection pool and WAL a commit is an append to the log; a
   crash of the bot loses nothing, a power cut may lose the last turns
   (acceptable for chat history). Other databases (PostgreSQL) are untouched.
3. **Logistic regression predicts without copying its weights.** scikit-learn
   computes ``X @ coef_.T``; with ``coef_`` stored row-major, SciPy copies the
   transposed weight matrix (classes × 22,000 features) on every message. The
   loaded weights are stored column-major instead (same values), so the product
   reads them in place: about 2.3 ms less per message. Its input row is built
   from the sparse sentence features directly when there are no dense ones
   (Rasa stacks them with an empty dense matrix through ``scipy.sparse.bmat``).
4. **Event types are looked up in a dictionary.** Rasa finds an event's class by
   walking every subclass of ``Event`` for each event it deserialises (every
   event of the session, every turn).
5. **Graph runs without dask's scheduler.** Each NLU parse and each action
   prediction runs Rasa's graph through ``dask.get``, which recomputes the
   needed sub-graph (recursively, without memo) and a schedule on every call.
   The order of nodes for each set of targets is now computed once and the
   nodes are called in that order (a valid topological order, as dask's).
6. **The SQL tracker store's two per-turn queries are plain SQL.** Rasa reads
   the latest session's events and, when saving, counts them, through ORM
   queries whose cache keys SQLAlchemy recomputes every time (about 8% of the
   server's CPU). The same queries are sent as prepared text (same filter,
   same order), for SQLite and PostgreSQL alike, and new events are written with
   one multi-row ``INSERT`` instead of the ORM's unit of work (same columns).
7. **Featurizers' sparse features are joined without a deep copy and ``hstack``.**
   Rasa joins the four featurizers' matrices of a message (``Message._combine_features``)
   by deep-copying the first and calling ``scipy.sparse.hstack`` for each other one:
   0.76 ms per message, 5% of the server's CPU per turn, and the same for every
   training example. The same matrix (same values, shape, dtype) is built from the
   COO parts directly: 0.07 ms. Other kinds of features take Rasa's way.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from functools import lru_cache
from typing import Any, Callable, Dict, List, Optional, Tuple

logger = logging.getLogger(__name__)

PINNED_RASA = "3.6.21"  # the version these patches copy and replace internals of (requirements.txt)
_installed = False


def supported(version: str) -> bool:
    """True if the patches were written for this Rasa version."""
    return version == PINNED_RASA


@lru_cache(maxsize=1)
def _action_reply_validator() -> Any:
    """Build a validator for Rasa's action-server reply schema once (checking the schema once)."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@lru_cache(maxsize=1)
def _fast_reply_check() -> Callable[[Any], None]:
    """Rasa's reply schema compiled to Python code by fastjsonschema: raises JsonSchemaException if invalid.

    The schema's ``oneOf`` over the ~23 kinds of event is the costly part (every kind is tried
    for every event, and each failed try raises an exception). Each kind fixes ``event`` to one
    value (``const``), so an event can only pass the kinds with its own value: the event is checked
    against those (exactly one must pass, as ``oneOf`` says) and the rest of the schema without
    the ``oneOf``. Kinds without such a value would be tried for every event.
    """
    import copy

    import fastjsonschema
    from rasa.core.actions.action import RemoteAction

    schema = copy.deepcopy(RemoteAction.action_response_format_spec())
    items = schema.get("properties", {}).get("events", {}).get("items", {})
    kinds = items.pop("oneOf", None)
    if not isinstance(kinds, list):
        return fastjsonschema.compile(RemoteAction.action_response_format_spec())  # type: ignore[no-any-return]
    rest = fastjsonschema.compile(schema)
    by_value: Dict[Any, List[Callable[[Any], Any]]] = {}
    always: List[Callable[[Any], Any]] = []
    for kind in kinds:
        value = kind.get("properties", {}).get("event", {}) if isinstance(kind, dict) else {}
        check = fastjsonschema.compile(kind)
        if isinstance(value, dict) and "const" in value and isinstance(value["const"], str):
            by_value.setdefault(value["const"], []).append(check)
        else:
            always.append(check)

    def passes(check: Callable[[Any], Any], event: Any) -> bool:
        try:
            check(event)
            return True
        except fastjsonschema.JsonSchemaException:
            return False

    def validate(result: Any) -> None:
        rest(result)
        for event in result.get("events") or []:  # a list of objects with a string "event": checked by rest
            if sum(passes(check, event) for check in [*by_value.get(event["event"], ()), *always]) != 1:
                raise fastjsonschema.JsonSchemaException("not exactly one kind of event")

    return validate


def validate_action_result(self: Any, result: Dict[str, Any]) -> bool:
    """Validate an action-server reply like ``RemoteAction._validate_action_result`` (compiled schema).

    A reply the compiled check accepts is valid; any other reply is validated by jsonschema as Rasa
    does, so an invalid one raises exactly Rasa's error (and jsonschema has the last word).
    """
    from fastjsonschema import JsonSchemaException
    from jsonschema import ValidationError
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    try:
        _fast_reply_check()(result)
        return True
    except JsonSchemaException:
        pass
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
    """Tell whether an SQLAlchemy URL points to an SQLite database file (not in-memory)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:")


def _engine_kwargs_with_pool(original: Callable[[Any], Dict[str, Any]]) -> Callable[[Any], Dict[str, Any]]:
    """Wrap Rasa's ``create_engine_kwargs``: SQLite files get a connection pool (kept open between turns).

    And no database error carries its SQL parameters (conversation ids, message text) into the logs.
    """

    def engine_kwargs(url: Any) -> Dict[str, Any]:
        kwargs = dict(original(url))
        kwargs["hide_parameters"] = True  # SQLAlchemy: "[SQL parameters hidden due to hide_parameters=True]"
        if is_sqlite_file(url):
            from sqlalchemy.pool import QueuePool

            kwargs.setdefault("poolclass", QueuePool)
            # Rasa's tracker store runs on the event loop's thread; the pool may hand a connection
            # to whichever thread asks, so sqlite3's same-thread check is lifted.
            kwargs.setdefault("connect_args", {}).setdefault("check_same_thread", False)
        return kwargs

    return engine_kwargs


def _hiding_parameters(init: Callable[..., None]) -> Callable[..., None]:
    """Wrap ``SQLTrackerStore.__init__``: its engine never puts SQL parameters in an error's text."""

    def wrapped(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        self.engine.hide_parameters = True

    return wrapped


def column_major_weights(component: Any) -> Any:
    """Store a loaded logistic-regression classifier's weights column-major (item 3); values unchanged."""
    import numpy as np

    clf = getattr(component, "clf", None)
    if clf is not None and getattr(clf, "coef_", None) is not None:
        clf.coef_ = np.asfortranarray(clf.coef_)
    return component


def _load_with_column_major_weights(original: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap ``LogisticRegressionClassifier.load`` (a bound classmethod) with ``column_major_weights``."""

    def load(cls: Any, *args: Any, **kwargs: Any) -> Any:
        return column_major_weights(original(*args, **kwargs))

    return load


def create_x(self: Any, messages: List[Any]) -> Any:
    """``LogisticRegressionClassifier._create_X`` without stacking sparse features with an empty dense matrix."""
    from rasa.shared.nlu.constants import TEXT
    from scipy.sparse import csr_matrix, vstack

    rows = []
    for message in messages:
        sparse = message.get_sparse_features(attribute=TEXT)[1]
        dense = message.get_dense_features(attribute=TEXT)[1]
        if sparse is None or dense is not None:
            return _ORIGINAL_CREATE_X(self, messages)
        rows.append(csr_matrix(sparse.features))
    return rows[0] if len(rows) == 1 else vstack(rows, format="csr")


_ORIGINAL_CREATE_X: Any = None


@lru_cache(maxsize=1)
def _event_types() -> Dict[str, Any]:
    """Event type name → class, first match in Rasa's own search order."""
    import rasa.shared.utils.common
    from rasa.shared.core.events import Event

    types: Dict[str, Any] = {}
    for cls in rasa.shared.utils.common.all_subclasses(Event):
        types.setdefault(cls.type_name, cls)
    return types


def _cached_resolve_by_type(original: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap ``Event.resolve_by_type`` with a dictionary lookup (item 6); unknown names go to Rasa."""

    def resolve_by_type(type_name: str, default: Optional[Any] = None) -> Optional[Any]:
        cls = _event_types().get(type_name)
        if cls is None:
            _event_types.cache_clear()  # an Event subclass defined after the first lookup
            cls = _event_types().get(type_name)
        return cls if cls is not None else original(type_name, default)

    return resolve_by_type


Plan = Tuple[Tuple[str, Tuple[str, ...]], ...]


def graph_plan(schema: Any, targets: Tuple[str, ...]) -> Plan:
    """The nodes needed for ``targets``, dependencies first, each once, with the names each node needs."""
    order: List[Tuple[str, Tuple[str, ...]]] = []
    done: set = set()

    def visit(name: str) -> None:
        if name in done or name not in schema.nodes:
            return
        done.add(name)
        needs = tuple(schema.nodes[name].needs.values())
        for need in needs:
            visit(need)
        order.append((name, needs))

    for target in targets:
        visit(target)
    return tuple(order)


def run_graph(
    self: Any, inputs: Optional[Dict[str, Any]] = None, targets: Optional[List[str]] = None
) -> Dict[str, Any]:
    """``DaskGraphRunner.run`` without dask (item 7): same inputs, outputs and errors.

    Like dask, a name no node or input provides is passed on as the bare name
    (Rasa's ``GraphNode`` then warns). Inputs named like a node fall back to
    dask, which replaces that node's task.
    """
    from rasa.engine.exceptions import GraphRunError

    run_targets = tuple(targets if targets else self._graph_schema.target_names)
    plans: Dict[Tuple[str, ...], Plan] = self.__dict__.setdefault("_careerbot_plans", {})
    plan = plans.get(run_targets)
    if plan is None:
        plan = plans[run_targets] = graph_plan(self._graph_schema, run_targets)
    node_names = {name for name, _ in plan}
    inputs = inputs or {}
    if any(name in node_names for name in inputs):
        return _ORIGINAL_GRAPH_RUN(self, inputs, list(run_targets))
    results: Dict[str, Any] = {}
    for input_name, value in inputs.items():
        if isinstance(value, str) and value in node_names:
            raise GraphRunError(
                f"Input value '{value}' clashes with a node name. Make sure that none of the input names "
                f"passed to the `run` method are the same as node names in the graph schema."
            )
        results[input_name] = (input_name, value)
    try:
        for name, needs in plan:
            results[name] = self._instantiated_nodes[name](*[results.get(need, need) for need in needs])
    except RuntimeError as error:
        raise GraphRunError("Error running runner.") from error
    return dict(results[target] for target in run_targets)


_ORIGINAL_GRAPH_RUN: Any = None


@lru_cache(maxsize=8)
def _session_event_queries(table: str) -> Tuple[Any, Any]:
    """Text queries for the latest session's events of one sender, and their count (item 8).

    The same filter as Rasa's ``SQLTrackerStore._event_query``: events at or after the
    latest ``session_started`` event, or all events if there is none; ordered by id.
    """
    import sqlalchemy as sa

    latest_session = (
        f"FROM {table} AS e, (SELECT max(timestamp) AS session_start FROM {table} "
        "WHERE sender_id = :sender_id AND type_name = :session_started) AS s "
        "WHERE e.sender_id = :sender_id AND (e.timestamp >= s.session_start OR s.session_start IS NULL)"
    )
    return (
        sa.text(f"SELECT e.data {latest_session} ORDER BY e.id"),
        sa.text(f"SELECT count(*) {latest_session}"),
    )


def _query_params(sender_id: str) -> Dict[str, str]:
    from rasa.shared.core.events import SessionStarted

    return {"sender_id": sender_id, "session_started": SessionStarted.type_name}


async def retrieve_latest_session(self: Any, sender_id: str, fetch_events_from_all_sessions: bool) -> Any:
    """``SQLTrackerStore._retrieve`` with the latest-session query as plain SQL (item 8)."""
    if fetch_events_from_all_sessions:
        return await _ORIGINAL_SQL_RETRIEVE(self, sender_id, fetch_events_from_all_sessions)
    from rasa.shared.core.trackers import DialogueStateTracker

    events_query, _ = _session_event_queries(self.SQLEvent.__tablename__)
    with self.session_scope() as session:
        rows = session.execute(events_query, _query_params(sender_id)).fetchall()
    events = [json.loads(data) for (data,) in rows]
    if self.domain and events:
        return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
    return None


_ORIGINAL_SQL_RETRIEVE: Any = None


def additional_events(self: Any, session: Any, tracker: Any) -> Any:
    """``SQLTrackerStore._additional_events``: the tracker's events not stored yet, counted in plain SQL."""
    import itertools

    _, count_query = _session_event_queries(self.SQLEvent.__tablename__)
    stored = session.execute(count_query, _query_params(tracker.sender_id)).scalar() or 0
    return itertools.islice(tracker.events, stored, len(tracker.events))


def event_row(tracker: Any, event: Any) -> Dict[str, Any]:
    """The ``events`` table row Rasa's ``SQLTrackerStore.save`` writes for one event."""
    from rasa.shared.nlu.constants import INTENT_NAME_KEY

    data = event.as_dict()
    return {
        "sender_id": tracker.sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


async def save_new_events(self: Any, tracker: Any) -> None:
    """``SQLTrackerStore.save``: the new events in one ``INSERT`` (item 8), in the tracker's order."""
    await self.stream_events(tracker)
    with self.session_scope() as session:
        rows = [event_row(tracker, event) for event in self._additional_events(session, tracker)]
        if rows:
            session.execute(self.SQLEvent.__table__.insert(), rows)
        session.commit()


def combine_features(features: List[Any], featurizers: List[str]) -> Any:
    """``Message._combine_features``: the featurizers' COO matrices side by side, built from their parts."""
    import numpy as np
    from rasa.shared.nlu.training_data.features import Features
    from scipy.sparse import coo_matrix, isspmatrix_coo

    matrices = [f.features for f in features]
    if len(matrices) < 2 or not all(isspmatrix_coo(m) and m.shape[0] == matrices[0].shape[0] for m in matrices):
        return _ORIGINAL_COMBINE_FEATURES(features, featurizers)
    columns = []
    width = 0
    for matrix in matrices:
        columns.append(matrix.col + width)
        width += matrix.shape[1]
    joined = coo_matrix(
        (np.concatenate([m.data for m in matrices]),
         (np.concatenate([m.row for m in matrices]), np.concatenate(columns))),
        shape=(matrices[0].shape[0], width),
    )
    return Features(joined, features[0].type, features[0].attribute, featurizers)


_ORIGINAL_COMBINE_FEATURES: Any = None


def install_for_training() -> None:
    """The speed-ups that also help ``rasa train``: items 3 and 7 (idempotent).

    Training builds one row per training example the same way, so the same changes
    shorten a from-scratch training (profiled with py-spy; see bench/README.md).
    """
    global _ORIGINAL_CREATE_X, _ORIGINAL_COMBINE_FEATURES
    import rasa
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
    from rasa.shared.nlu.training_data.message import Message

    if _ORIGINAL_CREATE_X is None and supported(rasa.__version__):
        _ORIGINAL_CREATE_X = LogisticRegressionClassifier._create_X
        LogisticRegressionClassifier._create_X = create_x  # type: ignore[method-assign]
        _ORIGINAL_COMBINE_FEATURES = Message._combine_features
        Message._combine_features = staticmethod(combine_features)  # type: ignore[method-assign,assignment]


def install() -> bool:
    """Apply the speed-ups (idempotent); False, with a logged reason, on an unsupported Rasa version."""
    global _installed, _ORIGINAL_GRAPH_RUN, _ORIGINAL_SQL_RETRIEVE
    if _installed:
        return True
    import rasa

    if not supported(rasa.__version__):
        logger.warning("Rasa %s is installed, but bot/rasa_tuning.py was written for Rasa %s: the speed-ups are "
                       "not installed and the bot runs on stock Rasa (slower, same answers).",
                       rasa.__version__, PINNED_RASA)
        return False
    import rasa.core.tracker_store as tracker_store
    from rasa.core.actions.action import RemoteAction
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
    from rasa.shared.core.events import Event
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
    tracker_store.create_engine_kwargs = _engine_kwargs_with_pool(tracker_store.create_engine_kwargs)
    # Rasa makes a second engine without those kwargs when it creates the database (login_db): hide the
    # SQL parameters (conversation ids, message text) of every tracker store engine once it is made.
    tracker_store.SQLTrackerStore.__init__ = _hiding_parameters(  # type: ignore[method-assign]
        tracker_store.SQLTrackerStore.__init__)
    event.listen(Engine, "connect", _sqlite_pragmas)
    LogisticRegressionClassifier.load = classmethod(  # type: ignore[method-assign,assignment]
        _load_with_column_major_weights(LogisticRegressionClassifier.load)
    )
    install_for_training()
    Event.resolve_by_type = staticmethod(_cached_resolve_by_type(Event.resolve_by_type))  # type: ignore[method-assign]
    _ORIGINAL_GRAPH_RUN = DaskGraphRunner.run
    DaskGraphRunner.run = run_graph  # type: ignore[method-assign]
    _ORIGINAL_SQL_RETRIEVE = tracker_store.SQLTrackerStore._retrieve
    tracker_store.SQLTrackerStore._retrieve = retrieve_latest_session  # type: ignore[method-assign]
    tracker_store.SQLTrackerStore._additional_events = additional_events  # type: ignore[method-assign]
    tracker_store.SQLTrackerStore.save = save_new_events  # type: ignore[method-assign]
    _installed = True
    logger.debug("Rasa tuning installed (see the module docstring for the list)")
    return True
