"""A whole bot (``python -m bot run``) as a child process: for the tests and the counselors' conversation runs.

One launcher for everything that starts a private bot: free ports, its own data
folder (so test chats never mix with a school's conversations), waiting for the
launcher's ready banner (``READY_LINE``), a REST client, and a clean stop.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

import requests

from bot.paths import ROOT

READY_LINE = "Career bot is ready"  # the first words of the launcher's banner (bot/tools/launcher.py)


class BotStartError(RuntimeError):
    """The bot stopped while starting, or was not ready in time (the message has the log's end)."""


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class BotProcess:
    """``python -m bot run`` on private ports with its own data folder (``var_dir``)."""

    var_dir: Path
    env_overrides: Dict[str, str] = field(default_factory=dict)
    rasa_port: int = field(default_factory=free_port)
    action_port: int = field(default_factory=free_port)
    web_port: int = field(default_factory=free_port)
    train: bool = False  # train first if the data changed (otherwise the model must exist)
    log_name: str = "bot.log"
    process: Optional[subprocess.Popen] = None
    # Like the widget on a career's web page (data-career): REST messages carry this career as metadata.
    page_career: Optional[str] = None
    _banners_before: int = field(default=0, repr=False)

    @property
    def url(self) -> str:
        """The Rasa server's base URL."""
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def rest_url(self) -> str:
        """The REST channel's webhook."""
        return f"{self.url}/webhooks/rest/webhook"

    @property
    def rest_headers(self) -> Dict[str, str]:
        """The REST token header, when this bot's environment sets one."""
        token = self.env().get("CAREERBOT_REST_TOKEN", "").strip()
        return {"Authorization": f"Bearer {token}"} if token else {}

    @property
    def log_path(self) -> Path:
        """Where the launcher's and both servers' output goes."""
        return self.var_dir / self.log_name

    def env(self) -> Dict[str, str]:
        """The environment: this process's, with the private ports and data folder, then the overrides."""
        env = dict(os.environ)
        env.update(
            {
                "CAREERBOT_RASA_PORT": str(self.rasa_port),
                "CAREERBOT_ACTION_PORT": str(self.action_port),
                "CAREERBOT_WEB_PORT": str(self.web_port),
                "CAREERBOT_VAR_DIR": str(self.var_dir),
                "CAREERBOT_HOST": "127.0.0.1",
            }
        )
        env.update(self.env_overrides)
        return env

    def start(self, timeout: float = 300, attempts: int = 3) -> BotProcess:
        """Start the bot and wait for its ready banner; BotStartError if it stops or is not ready in time.

        A port picked free can be taken by another process before the server binds it (another test's client
        connection): then the bot stops with "address already in use", and it is started again on new ports.
        """
        for attempt in range(1, attempts + 1):
            try:
                return self._start_once(timeout)
            except BotStartError as error:
                if attempt == attempts or "address already in use" not in str(error):
                    raise
                self.rasa_port, self.action_port, self.web_port = free_port(), free_port(), free_port()
        raise AssertionError("unreachable")  # pragma: no cover

    def _start_once(self, timeout: float) -> BotProcess:
        self.var_dir.mkdir(parents=True, exist_ok=True)
        # A restart on the same data folder appends to the same log: wait for a banner of this run.
        self._banners_before = self.log().count(READY_LINE)
        command = [sys.executable, "-m", "bot", "run"] + ([] if self.train else ["--no-train"])
        # The bot's output holds no message text, but is the bot's log all the same: owner-only, like var/.
        with os.fdopen(os.open(self.log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600), "ab") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=self.env(), stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout: float = 300) -> None:
        """Block until this run's ready banner is in the log."""
        deadline = time.monotonic() + timeout
        while self.log().count(READY_LINE) <= self._banners_before:
            assert self.process is not None
            if self.process.poll() is not None:
                raise BotStartError(f"The bot stopped while starting (exit code {self.process.returncode}):\n"
                                    f"{self.log_tail()}")
            if time.monotonic() > deadline:
                self.stop()
                raise BotStartError(f"The bot was not ready after {timeout:.0f} s:\n{self.log_tail()}")
            time.sleep(0.5)

    def log(self) -> str:
        """Everything the bot printed so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def log_tail(self, lines: int = 40) -> str:
        """The log's last lines (for error messages)."""
        return "\n".join(self.log().splitlines()[-lines:])

    def stop(self) -> int:
        """Ctrl-C the launcher (it stops both servers); kill the group if it hangs. Returns the exit code."""
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            return self.process.wait()

    def say(self, sender: str, message: Any, **extra: Any) -> List[Dict[str, Any]]:
        """Send one REST message; return the bot's messages (an HTTP error status raises)."""
        if self.page_career and "metadata" not in extra:
            extra["metadata"] = {"career": self.page_career}
        reply = requests.post(self.rest_url, json={"sender": sender, "message": message, **extra},
                              headers=self.rest_headers, timeout=60)
        if reply.status_code != 200:
            raise AssertionError(f"HTTP {reply.status_code}: {reply.text}")
        return reply.json()
