"""The bot a conversation run talks to: the one already running, or a private one started for the run.

A private bot is ``python -m bot run`` (trains first if the data changed) on
free ports with its own temporary data folder, so a run never mixes its test
chats into the school's conversations; it is stopped when the run ends.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import requests

from bot.paths import ROOT
from bot.settings import Settings

READY_LINE = "Career bot is ready"


class BotUnavailableError(Exception):
    """No bot to talk to: the message says why and where to look."""


@dataclass(frozen=True)
class BotEndpoint:
    """Where the REST channel is, and whether this run started the bot."""

    rest_url: str
    started_here: bool
    var_dir: Optional[Path] = None


def free_port() -> int:
    """Return a TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rest_url(base_url: str) -> str:
    """Return the REST webhook URL for a Rasa server's base URL (or the webhook URL itself)."""
    base = base_url.rstrip("/")
    return base if base.endswith("/webhooks/rest/webhook") else f"{base}/webhooks/rest/webhook"


def answers(url: str) -> bool:
    """Whether a REST channel answers at ``url`` (the webhook URL)."""
    try:
        return requests.get(url.rsplit("/", 1)[0] + "/", timeout=2).ok
    except requests.RequestException:
        return False


@dataclass
class PrivateBot:
    """``python -m bot run`` on free ports with a temporary data folder."""

    var_dir: Path
    rasa_port: int
    process: Optional[subprocess.Popen] = None

    @property
    def rest_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/webhook"

    @property
    def log_path(self) -> Path:
        return self.var_dir / "bot.log"

    def env(self) -> Dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "CAREERBOT_RASA_PORT": str(self.rasa_port),
                "CAREERBOT_ACTION_PORT": str(free_port()),
                "CAREERBOT_WEB_PORT": str(free_port()),
                "CAREERBOT_VAR_DIR": str(self.var_dir),
                "CAREERBOT_HOST": "127.0.0.1",
            }
        )
        return env

    def start(self, timeout: float = 900) -> None:
        """Start the bot and wait for its ready banner (training first can take minutes)."""
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"], cwd=ROOT, env=self.env(),
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while READY_LINE not in self.log():
            if self.process.poll() is not None:
                raise BotUnavailableError(f"The bot stopped while starting (exit code {self.process.returncode}):\n"
                                     f"{self.log_tail()}")
            if time.monotonic() > deadline:
                self.stop()
                raise BotUnavailableError(f"The bot was not ready after {timeout:.0f} s:\n{self.log_tail()}")
            time.sleep(0.5)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log().splitlines()[-lines:])

    def stop(self) -> None:
        """Ctrl-C the launcher (it stops both servers); kill the group if it hangs."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


@contextmanager
def bot_for_run(settings: Settings, url: Optional[str] = None, own: bool = False,
                log: Optional[List[str]] = None) -> Iterator[BotEndpoint]:
    """Yield the bot to test.

    ``url`` given: that bot (it must be running). Otherwise the bot running at
    the configured port, unless ``own`` is set or none is running: then a
    private bot is started and stopped again when the block ends.
    """
    say = log.append if log is not None else (lambda line: print(line, flush=True))
    if url:
        target = rest_url(url)
        if not answers(target):
            raise BotUnavailableError(f"No bot answers at {target}.")
        yield BotEndpoint(target, started_here=False)
        return
    if not own and answers(settings.rest_url):
        say(f"Using the bot already running at {settings.rest_url}.")
        yield BotEndpoint(settings.rest_url, started_here=False)
        return
    var_dir = Path(tempfile.mkdtemp(prefix="careerbot-conversations-"))
    bot = PrivateBot(var_dir=var_dir, rasa_port=free_port())
    say("Starting a private bot for this run (about half a minute; longer if it must train first)…")
    try:
        bot.start()
        yield BotEndpoint(bot.rest_url, started_here=True, var_dir=var_dir)
    finally:
        bot.stop()
        shutil.rmtree(var_dir, ignore_errors=True)
