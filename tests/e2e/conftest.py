"""One trained model and one running bot (Rasa + action server) for the e2e tests."""

from __future__ import annotations

import uuid
from typing import Iterator, List

import pytest

from tests.e2e.socket_support import ChatSocket
from tests.support import BotProcess

IPM = "industrial-production-manager"


@pytest.fixture(scope="session")
def bot(model, tmp_path_factory) -> Iterator[BotProcess]:
    """Both servers running on private ports with a private tracker store.

    REST messages are sent as from industrial production managers' web page (metadata ``career``),
    so "how much do they make?" is about them; tests of other careers name theirs.
    """
    process = BotProcess(tmp_path_factory.mktemp("bot-var"), page_career=IPM).start()
    yield process
    process.stop()


@pytest.fixture
def sender() -> str:
    """A fresh conversation id per test."""
    return f"test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def sockets(bot: BotProcess) -> Iterator[List[ChatSocket]]:
    """Sockets opened by a test, closed after it."""
    opened: List[ChatSocket] = []
    yield opened
    for chat in opened:
        chat.close()
