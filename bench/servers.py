"""Start the bots under test, time their start-up and read their memory.

Our bot is started the way ``make run`` starts it (``python -m bot run``: the
launcher checks the knowledge, finds the trained model and starts the action
server and the Rasa server); the stock bot with plain ``rasa run``. Start-up
is the time from launching the command until the first REST answer that
contains the expected text. Memory is the peak resident set size (VmHWM in
/proc/<pid>/status) of each server process and its children.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from bench.load import client_session, send
from bench.questions import normalize_reply
from bot.paths import ROOT


def free_port() -> int:
    """Find a TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def quiet_env(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """Environment for Rasa processes: no telemetry, quiet TensorFlow, our settings only when given."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")}
    env.update({"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONWARNINGS": "ignore"})
    env.update(extra or {})
    return env


# --- /proc -------------------------------------------------------------------------------


def children(pid: int) -> List[int]:
    """Direct child processes of ``pid``."""
    found: List[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # Field 4 (ppid) comes after the command name in parentheses, which may contain spaces.
        fields = stat[stat.rfind(")") + 2 :].split()
        if len(fields) > 1 and int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def descendants(pid: int) -> List[int]:
    """``pid`` and every process below it."""
    result, pending = [], [pid]
    while pending:
        current = pending.pop()
        result.append(current)
        pending += children(current)
    return result


def command_line(pid: int) -> str:
    """Read the command line of a process ('' if it is gone)."""
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
    except OSError:
        return ""


def peak_rss_mb(pid: int) -> float:
    """VmHWM (peak resident set size) of a process and all its children, in MB (0 if gone)."""
    total_kb = 0
    for member in descendants(pid):
        try:
            for line in (Path("/proc") / str(member) / "status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue
    return total_kb / 1024.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for member in descendants(pid):
        try:
            stat = (Path("/proc") / str(member) / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


# --- Running a bot ------------------------------------------------------------------------


@dataclass
class RunningBot:
    """A bot process group under test."""

    name: str
    process: subprocess.Popen
    rasa_port: int
    log_path: Path
    startup_seconds: float = 0.0
    startup_cpu_seconds: float = 0.0  # CPU used by the launched process and its children until the first answer
    roles: Dict[str, str] = field(default_factory=dict)  # role → substring of its command line

    @property
    def rest_url(self) -> str:
        """The REST webhook."""
        return f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/webhook"

    def server_pids(self) -> Dict[str, int]:
        """Map each role ("rasa server", "action server") to the pid of its process."""
        found: Dict[str, int] = {}
        for pid in descendants(self.process.pid):
            line = command_line(pid)
            for role, marker in self.roles.items():
                if role not in found and marker in line:
                    found[role] = pid
        return found

    def memory_mb(self) -> Dict[str, float]:
        """Map each role to the peak RSS (MB) of that server and its children."""
        return {role: peak_rss_mb(pid) for role, pid in self.server_pids().items()}

    def cpu(self) -> Dict[str, float]:
        """Map each role to the CPU seconds its server used so far."""
        return {role: cpu_seconds(pid) for role, pid in self.server_pids().items()}

    def log(self) -> str:
        """Return the last part of what the bot printed."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-4000:] if self.log_path.exists() else ""

    def stop(self, timeout: float = 30.0) -> None:
        """SIGINT/SIGTERM the process group, SIGKILL after a grace period."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGINT if self.name == "ours" else signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait()


async def _first_answer(bot: RunningBot, message: str, expect: str, started: float, timeout: float) -> float:
    """Poll the webhook until a reply contains ``expect``; return seconds since ``started``."""
    sender = f"bench-startup-{uuid.uuid4().hex[:8]}"
    async with client_session(1, timeout=30) as session:
        while True:
            if bot.process.poll() is not None:
                raise RuntimeError(f"{bot.name} bot exited with {bot.process.returncode} while starting:\n{bot.log()}")
            reply = await send(session, bot.rest_url, sender, message)
            if reply.messages and normalize_reply(expect) in normalize_reply(reply.text):
                return time.perf_counter() - started
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"{bot.name} bot gave no answer after {timeout:.0f} s:\n{bot.log()}")
            await asyncio.sleep(0.2)


def launch(
    name: str,
    command: Sequence[str],
    cwd: Path,
    env: Dict[str, str],
    rasa_port: int,
    log_path: Path,
    probe: str,
    expect: str,
    roles: Dict[str, str],
    timeout: float = 600.0,
) -> RunningBot:
    """Start a bot and wait for its first real answer (the start-up time)."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(command), cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    bot = RunningBot(name, process, rasa_port, log_path, roles=roles)
    try:
        bot.startup_seconds = asyncio.run(_first_answer(bot, probe, expect, started, timeout))
        bot.startup_cpu_seconds = cpu_seconds(process.pid)
    except BaseException:
        bot.stop()
        raise
    return bot


def launch_ours(
    out_dir: Path, probe: str, expect: str, extra_env: Optional[Dict[str, str]] = None, name: str = "ours"
) -> RunningBot:
    """``python -m bot run`` (what ``make run`` runs) on private ports with a fresh tracker store."""
    rasa_port, action_port = free_port(), free_port()
    var_dir = out_dir / f"var-{uuid.uuid4().hex[:6]}"
    env = quiet_env(
        {
            "CAREERBOT_RASA_PORT": str(rasa_port),
            "CAREERBOT_ACTION_PORT": str(action_port),
            "CAREERBOT_WEB_PORT": str(free_port()),
            "CAREERBOT_VAR_DIR": str(var_dir),
            "CAREERBOT_HOST": "127.0.0.1",
            **(extra_env or {}),
        }
    )
    return launch(
        name,
        [sys.executable, "-m", "bot", "run"],
        ROOT,
        env,
        rasa_port,
        out_dir / f"{name}-server.log",
        probe,
        expect,
        roles={"rasa server": " -m bot.tools.rasa_run", "action server": " rasa_sdk --actions"},
    )


def launch_stock(project: Path, model: Path, out_dir: Path, probe: str, expect: str) -> RunningBot:
    """Start the stock bot: ``rasa run`` with the project's own credentials (REST) and endpoints."""
    rasa_port = free_port()
    command = [
        sys.executable, "-m", "rasa", "run",
        "--model", str(model.resolve()),
        "--credentials", str(project / "credentials.yml"),
        "--endpoints", str(project / "endpoints.yml"),
        "--interface", "127.0.0.1",
        "--port", str(rasa_port),
    ]
    return launch(
        "stock", command, project, quiet_env(), rasa_port, out_dir / "stock-server.log", probe, expect,
        roles={"rasa server": " -m rasa run"},
    )
