"""Security: Rasa's HTTP API off by default, token-protected when on; telemetry off; the token stays private."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from bot.paths import ROOT
from tests.processes import child_pid
from tests.support import BotProcess, free_port, text_of

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    "method, path",
    [("GET", "/conversations/{sender}/tracker"), ("GET", "/status"), ("POST", "/model/parse"),
     ("POST", "/conversations/{sender}/messages"), ("PUT", "/model")],
)
def test_http_api_is_off_by_default(bot: BotProcess, sender: str, method: str, path: str) -> None:
    """With default settings nobody can read conversations or control the model over HTTP."""
    bot.say(sender, "hello")
    reply = requests.request(method, bot.url + path.format(sender=sender), json={"text": "hi"}, timeout=30)
    assert reply.status_code == 404, (reply.status_code, reply.text[:200])


def test_launcher_refuses_api_without_token(tmp_path: Path) -> None:
    """CAREERBOT_ENABLE_API=true without CAREERBOT_API_TOKEN stops with a clear message, before starting anything."""
    env = {**os.environ, "CAREERBOT_ENABLE_API": "true", "CAREERBOT_VAR_DIR": str(tmp_path),
           "CAREERBOT_RASA_PORT": str(free_port()), "CAREERBOT_ACTION_PORT": str(free_port())}
    env.pop("CAREERBOT_API_TOKEN", None)
    result = subprocess.run([sys.executable, "-m", "bot", "run", "--no-train"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "CAREERBOT_API_TOKEN" in result.stderr
    assert "Career bot is ready" not in result.stdout


def test_enabled_api_requires_the_token(tmp_path: Path) -> None:
    """With the API on: no token or a wrong one → 401/403; the right token → 200. Token off the command line."""
    token = secrets.token_urlsafe(24)
    bot = BotProcess(tmp_path / "var", env_overrides={"CAREERBOT_ENABLE_API": "true", "CAREERBOT_API_TOKEN": token},
                     page_career="industrial-production-manager")
    bot.start()
    try:
        assert "$107,560" in text_of(bot.say("api-student", "how much do they make?"))
        tracker = f"{bot.url}/conversations/api-student/tracker"

        assert requests.get(tracker, timeout=30).status_code in {401, 403}
        assert requests.get(tracker, params={"token": "wrong"}, timeout=30).status_code in {401, 403}
        allowed = requests.get(tracker, params={"token": token}, timeout=30)
        assert allowed.status_code == 200
        assert any(e.get("text") == "how much do they make?" for e in allowed.json()["events"])

        assert bot.process is not None
        rasa_pid = child_pid(bot.process.pid, "bot.tools.rasa_run")
        assert rasa_pid is not None
        for pid in (bot.process.pid, rasa_pid):
            assert token.encode() not in Path(f"/proc/{pid}/cmdline").read_bytes(), "the token is visible in ps"
        assert token not in bot.log()
    finally:
        bot.stop()


def test_rasa_runs_with_telemetry_off(bot: BotProcess) -> None:
    """The running Rasa server's environment has RASA_TELEMETRY_ENABLED=false, so Rasa sends nothing home."""
    assert bot.process is not None
    rasa_pid = child_pid(bot.process.pid, "bot.tools.rasa_run")
    assert rasa_pid is not None
    environment = Path(f"/proc/{rasa_pid}/environ").read_bytes().split(b"\0")
    assert b"RASA_TELEMETRY_ENABLED=false" in environment
