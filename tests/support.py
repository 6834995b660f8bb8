"""Helpers for tests that run the real servers: ports, the bot process, a REST client."""

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

READY_BANNER = "Career bot is ready"
FIGURES = ("107,560", "15,300", "2 percent")


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class BotProcess:
    """``python -m bot run`` on private ports with its own data folder."""

    var_dir: Path
    env_overrides: Dict[str, str] = field(default_factory=dict)
    rasa_port: int = field(default_factory=free_port)
    action_port: int = field(default_factory=free_port)
    web_port: int = field(default_factory=free_port)
    process: Optional[subprocess.Popen] = None
    # Like the widget on a career's web page (data-career): REST messages carry this career as metadata.
    page_career: Optional[str] = None
    _banners_before: int = field(default=0, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def rest_url(self) -> str:
        return f"{self.url}/webhooks/rest/webhook"

    @property
    def log_path(self) -> Path:
        return self.var_dir / "bot-test.log"

    def env(self) -> Dict[str, str]:
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

    def start(self, timeout: float = 300) -> BotProcess:
        self.var_dir.mkdir(parents=True, exist_ok=True)
        # A restart on the same var dir appends to the same log: wait for a banner of this run.
        self._banners_before = self.log().count(READY_BANNER)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--no-train"], cwd=ROOT, env=self.env(),
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"bot exited with {self.process.returncode}:\n{self.log()}")
            if self.log().count(READY_BANNER) > self._banners_before:
                return
            time.sleep(0.5)
        raise RuntimeError(f"bot not ready after {timeout} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def stop(self) -> int:
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            return self.process.wait()

    def say(self, sender: str, message: Any, **extra: Any) -> List[Dict[str, Any]]:
        """Send one REST message; return the bot's messages (asserting HTTP 200)."""
        if self.page_career and "metadata" not in extra:
            extra["metadata"] = {"career": self.page_career}
        reply = requests.post(self.rest_url, json={"sender": sender, "message": message, **extra}, timeout=60)
        assert reply.status_code == 200, reply.text
        return reply.json()


def text_of(messages: List[Dict[str, Any]]) -> str:
    """All bot text of a reply, joined."""
    return "\n".join(str(m.get("text") or "") for m in messages)


def buttons_of(messages: List[Dict[str, Any]]) -> List[str]:
    """Titles of the buttons offered in a reply."""
    return [b["title"] for m in messages for b in (m.get("buttons") or [])]
