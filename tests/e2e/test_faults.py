"""Faults: the action server dies or hangs, the knowledge file is broken (at start or while running)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator, List

import pytest
import requests

from bot.channels.guard import reply_text
from bot.paths import KNOWLEDGE_DIR, ROOT
from bot.settings import load
from bot.tools.launcher import Stack
from tests.processes import alive, child_pid, kill_and_wait
from tests.support import BotProcess, free_port, text_of

pytestmark = pytest.mark.e2e

APOLOGY = reply_text("utter_technical_problem")
CAREER_FILE = "careers/industrial-production-manager.yml"


def test_action_server_down_gets_quick_apology_then_answers_resume(tmp_path: Path) -> None:
    """Killing the action server of a running bot: an apology within 2 s, then answers again, same Rasa process."""
    bot = BotProcess(tmp_path / "var", page_career="industrial-production-manager").start()
    try:
        assert bot.process is not None
        assert "$107,560" in text_of(bot.say("before", "how much do they make?"))
        rasa_pid = child_pid(bot.process.pid, "bot.tools.rasa_run")
        action_pid = child_pid(bot.process.pid, "rasa_sdk")
        assert rasa_pid and action_pid, "launcher children not found"

        kill_and_wait(action_pid)
        started = time.monotonic()
        reply = requests.post(bot.rest_url, json={"sender": "during", "message": "how much do they make?"}, timeout=30)
        elapsed = time.monotonic() - started
        assert reply.status_code == 200
        assert text_of(reply.json()) == APOLOGY
        assert elapsed < 2.0, f"the apology took {elapsed:.1f} s (the issue asks for under 2 s)"

        # The launcher restarts the action server; answers come back without restarting Rasa.
        deadline = time.monotonic() + 180
        answer = ""
        while time.monotonic() < deadline:
            answer = text_of(bot.say("after", "how much do they make?"))
            if "$107,560" in answer:
                break
            assert answer == APOLOGY, answer
            time.sleep(1)
        assert "$107,560" in answer, "answers did not resume after the action server came back"
        assert alive(rasa_pid) and child_pid(bot.process.pid, "bot.tools.rasa_run") == rasa_pid, "Rasa was restarted"
        new_action_pid = child_pid(bot.process.pid, "rasa_sdk")
        assert new_action_pid and new_action_pid != action_pid
        assert "restarting it" in bot.log()
    finally:
        bot.stop()


def test_rasa_server_that_dies_is_restarted_and_the_conversation_continues(tmp_path: Path) -> None:
    """Killing the Rasa server of a running bot: the launcher starts it again (same action server), and the
    student's conversation goes on where it was ('tell me more' follows the pay answer)."""
    bot = BotProcess(tmp_path / "var", page_career="industrial-production-manager").start()
    try:
        assert bot.process is not None
        assert "$107,560" in text_of(bot.say("student", "how much do they make?"))
        rasa_pid = child_pid(bot.process.pid, "bot.tools.rasa_run")
        action_pid = child_pid(bot.process.pid, "rasa_sdk")
        assert rasa_pid and action_pid, "launcher children not found"

        kill_and_wait(rasa_pid)
        deadline = time.monotonic() + 180
        answer = ""
        while time.monotonic() < deadline:
            try:
                answer = text_of(bot.say("student", "tell me more"))
                break
            except (requests.RequestException, AssertionError):
                time.sleep(1)
        assert "geographic location" in answer, f"the conversation did not continue: {answer!r}"
        new_rasa_pid = child_pid(bot.process.pid, "bot.tools.rasa_run")
        assert new_rasa_pid and new_rasa_pid != rasa_pid
        assert child_pid(bot.process.pid, "rasa_sdk") == action_pid, "the action server kept running"
        assert "the rasa server stopped" in bot.log() and bot.process.poll() is None
    finally:
        bot.stop()


class HungActionServer:
    """Accepts connections and reads requests, but never answers (a stuck action server)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.accepted = 0
        self._socket = socket.socket()
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", self.port))
        self._socket.listen(64)
        self._held: List[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            self.accepted += 1
            self._held.append(connection)

    def close(self) -> None:
        self._socket.close()
        for connection in self._held:
            connection.close()


@pytest.fixture
def hung_action_server() -> Iterator[HungActionServer]:
    server = HungActionServer()
    yield server
    server.close()


def test_hung_action_server_is_capped_by_action_timeout(
    model: Path, tmp_path: Path, hung_action_server: HungActionServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An action server that never answers: after CAREERBOT_ACTION_TIMEOUT the student gets the apology.

    Rasa's own default would keep the student waiting 5 minutes; the request below gives up long before that.
    """
    monkeypatch.setenv("CAREERBOT_ACTION_TIMEOUT", "2")
    monkeypatch.setenv("CAREERBOT_RASA_PORT", str(free_port()))
    monkeypatch.setenv("CAREERBOT_ACTION_PORT", str(hung_action_server.port))
    monkeypatch.setenv("CAREERBOT_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("CAREERBOT_HOST", "127.0.0.1")
    settings = load()
    stack = Stack(settings)
    stack.start(model, log_dir=tmp_path / "logs", names=["rasa server"])
    try:
        stack.wait_ready(timeout=300)
        reply = requests.post(settings.rest_url, json={"sender": "hung", "message": "how much do they make?"},
                              timeout=120)
        assert reply.status_code == 200
        assert text_of(reply.json()) == APOLOGY
        assert hung_action_server.accepted >= 1, "Rasa never reached the hung action server"
        # Rasa still answers what needs no action server (small talk comes from domain responses).
        assert text_of(requests.post(settings.rest_url, json={"sender": "hung", "message": "are you a bot?"},
                                     timeout=120).json())
    finally:
        stack.stop()


def _broken_copy(tmp_path: Path) -> Path:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, knowledge)
    path = knowledge / CAREER_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("annual: 107560", "annual: lots"), encoding="utf-8")
    return knowledge


def test_invalid_knowledge_file_refuses_to_start(tmp_path: Path) -> None:
    """`python -m bot run` on an invalid knowledge file exits non-zero naming the file and the field."""
    knowledge = _broken_copy(tmp_path)
    env = {**os.environ, "CAREERBOT_KNOWLEDGE_DIR": str(knowledge), "CAREERBOT_VAR_DIR": str(tmp_path / "var"),
           "CAREERBOT_RASA_PORT": str(free_port()), "CAREERBOT_ACTION_PORT": str(free_port())}
    result = subprocess.run([sys.executable, "-m", "bot", "run", "--no-train"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert str(knowledge / CAREER_FILE) in result.stderr, result.stderr
    assert "pay.median.annual" in result.stderr, result.stderr
    assert "Career bot is ready" not in result.stdout


def _set_pay(path: Path, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    updated = re.sub(r"(pay:\n  median:\n    who: [^\n]+\n    annual: )\S+", rf"\g<1>{value}", text)
    assert updated != text or f"annual: {value}" in text
    path.write_text(updated, encoding="utf-8")
    # A later mtime even on file systems with coarse timestamps.
    stamp = time.time() + 1
    os.utime(path, (stamp, stamp))


def test_running_bot_reloads_valid_edit_and_keeps_last_good_data(tmp_path: Path) -> None:
    """Editing a running bot's knowledge: a valid change shows at once; an invalid one keeps the last good figure."""
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, knowledge)
    path = knowledge / CAREER_FILE
    bot = BotProcess(tmp_path / "var", env_overrides={"CAREERBOT_KNOWLEDGE_DIR": str(knowledge)},
                     page_career="industrial-production-manager").start()
    try:
        assert "$107,560" in text_of(bot.say("reload", "how much do they make?"))

        _set_pay(path, "111111")
        assert "$111,111" in text_of(bot.say("reload", "how much do they make?"))

        _set_pay(path, "lots")
        kept = text_of(bot.say("reload", "how much do they make?"))
        assert "$111,111" in kept, kept
        assert "Knowledge reload failed" in bot.log() and "pay.median.annual" in bot.log()
        other = text_of(bot.say("reload-2", "what's the salary?"))
        assert "$111,111" in other, "other students get the last good data too"
    finally:
        bot.stop()
