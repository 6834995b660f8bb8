"""Speed-ups for the Rasa server process, found by profiling `make bench` (see bench/README.md).

``install()`` is called once when the REST channel is set up (inside the Rasa
server, before the model is loaded). None of the changes alters what the bot
answers (tests/unit/test_rasa_tuning.py compares predictions with and without):

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
3. **The spaCy pipeline is loaded once.** Rasa's predict graph has two SpacyNLP
   nodes (the provider and the message processor) and each loads the same
   pipeline from disk; the second load now reuses the first.
4. **DIET's weights are built without tracing a training graph.** To load a
   TensorFlow model Rasa first trains it for one step on one example (only to
   create weights of the right shapes, which are then overwritten from the
   model file). That step ran as a traced ``tf.function``, i.e. Keras built the
   whole training graph with gradients: about two thirds of model loading. It
   now runs eagerly; the prediction graph is still traced at load time as before.
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
    """Build a validator for Rasa's action-server reply schema once (checking the schema once)."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: Any, result: Dict[str, Any]) -> bool:
    """Validate an action-server reply like ``RemoteAction._validate_action_result`` (compiled schema)."""
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
    """Tell whether an SQLAlchemy URL points to an SQLite database file (not in-memory)."""
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


def _cached_spacy_loader(original: Callable[[str], Any]) -> Callable[[str], Any]:
    """Wrap ``SpacyNLP.load_model`` so each pipeline path is loaded from disk only once per process."""
    loaded: Dict[str, Any] = {}

    def load_model(spacy_model_name: str) -> Any:
        if spacy_model_name not in loaded:
            loaded[spacy_model_name] = original(spacy_model_name)
        return loaded[spacy_model_name]

    return load_model


def load_rasa_model(
    cls: Any,
    model_file_name: str,
    model_data_example: Any,
    predict_data_example: Any = None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> Any:
    """``RasaModel.load`` with the weight-building step run eagerly (see item 4 above).

    Identical to Rasa 3.6.21's implementation except that the one-example ``fit``
    runs with ``run_eagerly=True`` and the configured setting is restored before
    the warm-up prediction (which traces the prediction graph as before).
    """
    import tensorflow as tf
    from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
    from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator

    model = cls(*args, **kwargs)
    learning_rate = kwargs.get("config", {}).get(LEARNING_RATE, 0.001)
    run_eagerly = kwargs.get("config", {}).get(RUN_EAGERLY)
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate), run_eagerly=True)
    model.fit(RasaBatchDataGenerator(model_data_example, batch_size=1), verbose=False)
    model.load_weights(model_file_name)
    model._run_eagerly = run_eagerly  # what compile(run_eagerly=...) would have set
    if not finetune_mode and predict_data_example:
        model.run_inference(predict_data_example)
    return model


def install() -> None:
    """Apply the speed-ups (idempotent)."""
    global _installed
    if _installed:
        return
    import rasa.core.tracker_store as tracker_store
    from rasa.core.actions.action import RemoteAction
    from rasa.nlu.utils.spacy_utils import SpacyNLP
    from rasa.utils.tensorflow.models import RasaModel
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
    tracker_store.create_engine_kwargs = _engine_kwargs_with_pool(tracker_store.create_engine_kwargs)
    event.listen(Engine, "connect", _sqlite_pragmas)
    SpacyNLP.load_model = staticmethod(_cached_spacy_loader(SpacyNLP.load_model))  # type: ignore[method-assign]
    RasaModel.load = classmethod(load_rasa_model)  # type: ignore[method-assign,assignment]
    _installed = True
    logger.debug("Rasa tuning installed: compiled action-reply schema, SQLite WAL")
