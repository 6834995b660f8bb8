"""Embedded profile: conversations survive a restart of both servers (SQLite in the var folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.stores import events_of, user_texts
from tests.support import BotProcess, text_of

pytestmark = pytest.mark.e2e


def test_pathway_and_follow_up_continue_after_restart(tmp_path: Path) -> None:
    """Start the pathway and ask about pay; stop both servers; on restart the flow and 'tell me more' continue."""
    var_dir = tmp_path / "var"
    first = BotProcess(var_dir, page_career="industrial-production-manager").start()
    try:
        assert "Where are you now?" in text_of(first.say("path", "make me a plan"))
        assert "Which side sounds more like you?" in text_of(first.say("path", "I'm in high school"))
        assert "$107,560" in text_of(first.say("topic", "how much do they make?"))
    finally:
        assert first.stop() == 0
    assert (var_dir / "tracker.db").exists()

    # same data folder, new processes (and ports)
    second = BotProcess(var_dir, page_career="industrial-production-manager").start()
    try:
        plan = text_of(second.say("path", "the technical side"))
        assert "step-by-step plan" in plan, plan
        assert "High school" in plan and "industrial engineering" in plan.lower()
        more = text_of(second.say("topic", "tell me more"))
        assert "Pay depends on factors such as" in more, more
        assert "Ask me about a topic first" not in more
    finally:
        second.stop()

    url = f"sqlite:///{var_dir / 'tracker.db'}"
    assert user_texts(events_of(url, "path")) == [
        "make me a plan", "I'm in high school", "the technical side",
    ]
