"""One trained model and one running bot (Rasa + action server) for the e2e tests."""

from __future__ import annotations

import uuid
from typing import Iterator

import pytest

from tests.support import BotProcess


@pytest.fixture(scope="session")
def bot(model, tmp_path_factory) -> Iterator[BotProcess]:
    """Both servers running on private ports with a private tracker store."""
    process = BotProcess(tmp_path_factory.mktemp("bot-var")).start()
    yield process
    process.stop()


@pytest.fixture
def sender() -> str:
    """A fresh conversation id per test."""
    return f"test-{uuid.uuid4().hex[:12]}"
