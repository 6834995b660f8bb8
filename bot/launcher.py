"""Start the action server and the Rasa server together, and stop them together.

``python -m bot run`` (what ``make run`` calls): validate the knowledge files,
train if the inputs changed, start both servers with the settings from the
environment, wait until they answer, print how to chat, and on Ctrl-C stop
both cleanly. If either server dies, the other is stopped too.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from bot.career.loader import KnowledgeError, load_all
from bot.paths import CREDENTIALS_FILE, ENDPOINTS_FILE, ROOT
from bot.settings import Settings
from bot.training import ensure_model, rasa_env

SCALE_ENDPOINTS = ROOT / "deploy" / "endpoints.scale.yml"


class LaunchError(Exception):
    """The bot could not start; the message says why."""


def check_knowledge() -> None:
    """Refuse to start on an invalid knowledge file (message names file and field)."""
    try:
        load_all()
    except KnowledgeError as error:
        raise LaunchError(str(error)) from None


def effective_credentials(settings: Settings) -> Path:
    """credentials.yml minus channels whose secrets are not set (e.g. Slack without tokens)."""
    with CREDENTIALS_FILE.open(encoding="utf-8") as handle:
        channels: Dict[str, object] = yaml.safe_load(handle) or {}
    if not (os.environ.get("SLACK_BOT_TOKEN") and os.environ.get("SLACK_SIGNING_SECRET")):
        channels = {name: conf for name, conf in channels.items() if "slack" not in name.lower()}
    target = settings.var_dir / "run" / "credentials.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(channels, sort_keys=False), encoding="utf-8")
    return target


def server_env(settings: Settings) -> Dict[str, str]:
    """Environment for both servers: settings the YAML files refer to, limits, no telemetry."""
    env = rasa_env()
    env.update(
        {
            "CAREERBOT_ACTION_PORT": str(settings.action_port),
            "CAREERBOT_RASA_PORT": str(settings.rasa_port),
            "CAREERBOT_VAR_DIR": str(settings.var_dir),
            "SANIC_REQUEST_MAX_SIZE": str(settings.max_request_bytes),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
        }
    )
    return env


@dataclass
class Stack:
    """The running servers."""

    settings: Settings
    processes: Dict[str, subprocess.Popen] = field(default_factory=dict)

    def start(self, model: Path, log_dir: Optional[Path] = None) -> None:
        """Start the action server, then the Rasa server."""
        settings = self.settings
        env = server_env(settings)
        endpoints = SCALE_ENDPOINTS if settings.profile == "scale" else ENDPOINTS_FILE
        python = sys.executable
        commands: Dict[str, List[str]] = {
            "action server": [python, "-m", "rasa_sdk", "--actions", "actions", "--port", str(settings.action_port)],
            "rasa server": [
                python, "-m", "rasa", "run",
                "--model", str(model.resolve()),
                "--endpoints", str(endpoints),
                "--credentials", str(effective_credentials(settings)),
                "--interface", settings.host,
                "--port", str(settings.rasa_port),
            ],
        }
        if settings.log_level == "DEBUG":
            commands["rasa server"].append("--debug")
        elif settings.log_level in {"WARNING", "ERROR"}:
            commands["rasa server"].append("--quiet")
        if settings.enable_api:
            if not settings.api_token:
                raise LaunchError("CAREERBOT_ENABLE_API=true needs CAREERBOT_API_TOKEN (the API must not be open).")
            commands["rasa server"] += ["--enable-api", "--auth-token", settings.api_token]
        # The request limit protects the public REST channel only: the action server receives the whole
        # tracker with every call, which outgrows 64 KB after about twenty turns.
        envs = {"rasa server": env, "action server": {k: v for k, v in env.items() if k != "SANIC_REQUEST_MAX_SIZE"}}
        for name, command in commands.items():
            out = None
            if log_dir is not None:
                log_dir.mkdir(parents=True, exist_ok=True)
                out = (log_dir / f"{name.replace(' ', '-')}.log").open("ab")
            self.processes[name] = subprocess.Popen(
                command, cwd=ROOT, env=envs[name], stdout=out, stderr=subprocess.STDOUT if out else None,
                start_new_session=True,
            )

    def wait_ready(self, timeout: float = 180.0) -> float:
        """Block until both servers answer; return the seconds it took."""
        started = time.monotonic()
        checks = {
            "action server": f"http://localhost:{self.settings.action_port}/health",
            "rasa server": f"http://localhost:{self.settings.rasa_port}/webhooks/rest/",
        }
        pending = dict(checks)
        while pending:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise LaunchError(f"The {name} stopped while starting (exit code {process.returncode}); see its log above.")
            for name, url in list(pending.items()):
                try:
                    with urllib.request.urlopen(url, timeout=2) as reply:
                        if reply.status == 200:
                            del pending[name]
                except (urllib.error.URLError, ConnectionError, OSError):
                    pass
            if time.monotonic() - started > timeout:
                raise LaunchError(f"Timed out after {timeout:.0f} s waiting for: {', '.join(pending)}")
            if pending:
                time.sleep(0.3)
        return time.monotonic() - started

    def dead(self) -> Optional[str]:
        """The name of a server that has stopped, if any."""
        for name, process in self.processes.items():
            if process.poll() is not None:
                return name
        return None

    def stop(self, timeout: float = 15.0) -> None:
        """Stop both servers: SIGTERM, then SIGKILL after a grace period."""
        for process in self.processes.values():
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + timeout
        for process in self.processes.values():
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                process.wait()


def banner(settings: Settings, seconds: float) -> str:
    """What to print once the bot is up."""
    lines = [
        "",
        f"Career bot is ready (started in {seconds:.0f} s).",
        f"  REST:      POST {settings.rest_url}",
        f"             curl -s -X POST {settings.rest_url} -H 'Content-Type: application/json' \\",
        "                  -d '{\"sender\": \"student-1\", \"message\": \"how much do they make?\"}'",
        "  Terminal:  make chat   (in another terminal)",
        f"  Conversations are stored in {settings.tracker_db if settings.profile == 'embedded' else 'PostgreSQL (scale profile)'}",
        "Press Ctrl-C to stop both servers.",
        "",
    ]
    return "\n".join(lines)


def run(settings: Settings, train: bool = True) -> int:
    """Validate, train if needed, start both servers and wait for Ctrl-C."""
    try:
        check_knowledge()
        model = ensure_model() if train else None
        if model is None:
            from bot.training import current_model

            model = current_model()
            if model is None:
                raise LaunchError("No trained model for the current data: run without --no-train.")
        settings.var_dir.mkdir(parents=True, exist_ok=True)
        stack = Stack(settings)
        stopping = {"now": False}

        def _stop(signum: int, frame: object) -> None:
            stopping["now"] = True

        signal.signal(signal.SIGINT, _stop)
        signal.signal(signal.SIGTERM, _stop)
        stack.start(model)
        try:
            seconds = stack.wait_ready()
            print(banner(settings, seconds), flush=True)
            while not stopping["now"]:
                dead = stack.dead()
                if dead:
                    raise LaunchError(f"The {dead} stopped unexpectedly; stopping the other one.")
                time.sleep(0.5)
            print("\nStopping…", flush=True)
        finally:
            stack.stop()
        print("Stopped.", flush=True)
        return 0
    except LaunchError as error:
        print(f"ERROR: {error}", file=sys.stderr, flush=True)
        return 2
