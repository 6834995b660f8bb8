"""Find and stop the servers a launcher started (Linux /proc; no psutil needed)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Dict, Optional


def children(parent: int) -> Dict[int, str]:
    """Direct child processes of ``parent``: pid -> command line."""
    found: Dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
            if ppid == parent:
                found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError):
            continue
    return found


def child_pid(parent: int, marker: str) -> Optional[int]:
    """The child whose command line contains ``marker`` (e.g. "rasa_sdk" or "bot.tools.rasa_run")."""
    for pid, command in children(parent).items():
        if marker in command:
            return pid
    return None


def alive(pid: int) -> bool:
    """True while the process exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return state[state.rindex(")") + 2] != "Z"


def kill_and_wait(pid: int, timeout: float = 30) -> None:
    """SIGKILL a process and wait until it is gone (or a zombie awaiting its parent)."""
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + timeout
    while alive(pid):
        if time.monotonic() > deadline:
            raise AssertionError(f"process {pid} still alive after SIGKILL")
        time.sleep(0.02)
