"""The launcher's supervisor: a stopped server (action or Rasa) is restarted with backoff; a crash loop ends
the bot."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Dict, List

import pytest

from bot.settings import load
from bot.tools.launcher import RESTART_LIMIT, LaunchError, Stack, Supervisor


def _stack(tmp_path: Path, commands: Dict[str, List[str]]) -> Stack:
    from dataclasses import replace

    stack = Stack(replace(load(), var_dir=tmp_path))
    stack._commands = commands
    stack._log_dir = tmp_path / "logs"
    for name in commands:
        stack._spawn(name)
    return stack


def _wait_dead(stack: Stack, name: str) -> None:
    deadline = time.monotonic() + 30
    while stack.processes[name].poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.01)


SLEEP = [sys.executable, "-c", "import time; time.sleep(60)"]
CRASH = [sys.executable, "-c", "raise SystemExit(3)"]


@pytest.mark.parametrize("dead, alive", [("action server", "rasa server"), ("rasa server", "action server")])
def test_a_stopped_server_is_restarted(tmp_path: Path, dead: str, alive: str) -> None:
    """Either server that stops is started again; the other keeps running."""
    stack = _stack(tmp_path, {dead: CRASH, alive: SLEEP})
    try:
        supervisor = Supervisor(stack, backoff_seconds=0.01)
        first = stack.processes[dead]
        _wait_dead(stack, dead)
        deadline = time.monotonic() + 10
        while stack.processes[dead] is first:
            supervisor.check()
            assert time.monotonic() < deadline, "not restarted"
            time.sleep(0.005)
        assert len(supervisor.restarts[dead]) == 1
        assert stack.processes[alive].poll() is None, f"the {alive} keeps running"
    finally:
        stack.stop(timeout=5)


def test_crash_loop_stops_the_bot(tmp_path: Path) -> None:
    stack = _stack(tmp_path, {"action server": CRASH, "rasa server": SLEEP})
    try:
        supervisor = Supervisor(stack, backoff_seconds=0.001)
        with pytest.raises(LaunchError, match="keeps stopping"):
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                supervisor.check()
                time.sleep(0.005)
        assert len(supervisor.restarts["action server"]) == RESTART_LIMIT
    finally:
        stack.stop(timeout=5)
