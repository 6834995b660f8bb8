"""Logs never contain what students typed (default log level), in normal turns, errors and bad requests."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import requests

from tests.processes import child_pid, kill_and_wait
from tests.support import BotProcess

pytestmark = pytest.mark.e2e


def test_message_text_never_reaches_the_logs(tmp_path: Path) -> None:
    """A unique marker typed in every kind of turn appears in neither server's log, nor does the conversation id."""
    marker = f"zq{uuid.uuid4().hex[:10]}"
    sender = f"private-{uuid.uuid4().hex[:10]}"
    bot = BotProcess(tmp_path / "var", page_career="industrial-production-manager").start()
    try:
        messages = [
            f"how much do they make {marker}",
            f"what does a {marker} engineer earn?",          # another career: the occupation entity
            f"I want to become an industrial production manager {marker}",
            f"I'm in high school {marker}",                   # pathway answers: form validation
            f"{marker} {marker}",                              # gibberish mid-form
            "stop",
            f"tell me a joke about {marker}",                 # out of scope
            f"{marker}\u0000\u202e<script>{marker}</script>",  # control/RTL/HTML
            f"{marker} " * 300,                                # over the length limit
        ]
        for message in messages:
            assert bot.say(sender, message), "every turn gets a reply"
        for body in ({"sender": sender, "message": 42, "note": marker}, {"message": marker},
                     {"sender": sender, "message": marker, "metadata": marker}):
            assert requests.post(bot.rest_url, json=body, timeout=30).status_code == 400
        requests.post(bot.rest_url, data=f'{{"sender": "x", "message": "{marker}\\ud800"}}',
                      headers={"Content-Type": "application/json"}, timeout=30)

        # The error path: the action server is down, Rasa logs the failure and the student gets an apology.
        assert bot.process is not None
        action_pid = child_pid(bot.process.pid, "rasa_sdk")
        assert action_pid is not None
        kill_and_wait(action_pid)
        assert bot.say(sender, f"what skills do they need {marker}")
    finally:
        bot.stop()
    log = bot.log()
    assert "Failed to run custom action" in log or "Encountered an exception" in log, "the error path was not taken"
    assert "Rasa server is up and running" in log, "the log capture is not working"
    assert marker not in log.lower()
    assert sender not in log, "conversation ids (for Slack: the member id) stay out of the logs too"
