"""Start the action server, the Rasa server and the demo web page together, and stop them together.

``python -m bot run`` (what ``make run`` calls): validate the knowledge files,
train if the inputs changed, serve the demo school page with the chat widget
(``bot.tools.webserver``, in this process), start both servers with the settings from
the environment, wait until they answer, print how to chat, and on Ctrl-C stop
everything cleanly. A stopped action server is restarted (students get a short
apology meanwhile); if the Rasa server stops, everything stops. Conversations
idle longer than the retention period are purged at start and once a day.
"""

from __future__ import annotations

import logging
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

from bot.counselor.app import PASSWORD_ENV as COUNSELOR_PASSWORD_ENV
from bot.knowledge.check import check_everything
from bot.paths import CREDENTIALS_FILE, ENDPOINTS_FILE, ROOT
from bot.settings import Settings
from bot.tools.botprocess import READY_LINE
from bot.tools.training import ensure_model, rasa_env
from bot.tools.webserver import WebError, WebServer

SCALE_ENDPOINTS = ROOT / "deploy" / "endpoints.scale.yml"


class LaunchError(Exception):
    """The bot could not start; the message says why."""


def check_settings(settings: Settings) -> None:
    """Refuse unsafe combinations before anything starts."""
    if settings.enable_api and not settings.api_token:
        raise LaunchError("CAREERBOT_ENABLE_API=true needs CAREERBOT_API_TOKEN (the API must not be open).")


def check_knowledge() -> None:
    """Refuse to start on an invalid knowledge file (the message names each file and field)."""
    report = check_everything()
    if not report.ok:
        raise LaunchError("\n".join(report.problems))


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
    env.update(settings.endpoint_env())
    if settings.profile == "scale":
        # Several Rasa servers must share the Slack channel's memory of answered events too.
        env.setdefault("CAREERBOT_REDIS_URL", settings.redis_url)
    env.update(
        {
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
    web: Optional[WebServer] = None
    _commands: Dict[str, List[str]] = field(default_factory=dict)
    _log_dir: Optional[Path] = None

    def commands(self, model: Path) -> Dict[str, List[str]]:
        """The command line of each server (the Rasa server loads only this local model file)."""
        settings = self.settings
        endpoints = SCALE_ENDPOINTS if settings.profile == "scale" else ENDPOINTS_FILE
        python = sys.executable
        commands: Dict[str, List[str]] = {
            # bot.tools.quiet runs rasa_sdk's command line with third-party deprecation warnings filtered.
            "action server": [python, "-m", "bot.tools.quiet", "rasa_sdk", "--actions", "actions",
                              "--port", str(settings.action_port)],
            "rasa server": [
                # bot.tools.rasa_run: `rasa run` reading the API token from the environment (never the command line).
                python, "-m", "bot.tools.rasa_run",
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
            commands["rasa server"].append("--enable-api")
        return commands

    def start(self, model: Path, log_dir: Optional[Path] = None, names: Optional[List[str]] = None) -> None:
        """Serve the demo page, then start the action server and the Rasa server (or only those named)."""
        if names is None:
            try:
                self.web = WebServer(self.settings).start()
            except WebError as error:
                raise LaunchError(str(error)) from None
        self._commands = self.commands(model)
        self._log_dir = log_dir
        for name in self._commands:
            if names is None or name in names:
                self._spawn(name)

    def _spawn(self, name: str) -> None:
        env = server_env(self.settings)
        if name == "action server":
            # The body limit is for students' requests to Rasa. Rasa sends the action server the whole
            # conversation, which outgrows 64 KB after a few dozen turns: keep Sanic's default there.
            env.pop("SANIC_REQUEST_MAX_SIZE", None)
            # Only the Rasa server on this machine calls it: never listen on other interfaces.
            env["SANIC_HOST"] = self.settings.action_host
        out = None
        if self._log_dir is not None:
            self._log_dir.mkdir(parents=True, exist_ok=True)
            out = (self._log_dir / f"{name.replace(' ', '-')}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            self._commands[name], cwd=ROOT, env=env, stdout=out,
            stderr=subprocess.STDOUT if out else None, start_new_session=True,
        )

    def restart(self, name: str) -> None:
        """Start one server again (after it stopped) with the same command."""
        self._spawn(name)

    def wait_ready(self, timeout: float = 180.0) -> float:
        """Block until both servers answer; return the seconds it took."""
        started = time.monotonic()
        checks = {
            "action server": f"http://localhost:{self.settings.action_port}/health",
            "rasa server": f"http://localhost:{self.settings.rasa_port}/webhooks/rest/",
        }
        pending = {name: url for name, url in checks.items() if name in self.processes}
        while pending:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise LaunchError(
                        f"The {name} stopped while starting (exit code {process.returncode}); see its log above."
                    )
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
        """Stop both servers (SIGTERM, then SIGKILL after a grace period) and the web page."""
        if self.web is not None:
            self.web.stop()
            self.web = None
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


PURGE_INTERVAL_SECONDS = 24 * 3600
RESTART_LIMIT = 5
RESTART_WINDOW_SECONDS = 300.0


def purge_expired(settings: Settings) -> None:
    """Delete conversations idle longer than the retention period (at start and daily); never fatal."""
    from bot.retention import RetentionError, purge

    try:
        result = purge(settings.tracker_store_url, settings.retention_days)
    except RetentionError as error:
        print(f"WARNING: retention purge skipped: {error}", file=sys.stderr, flush=True)
        return
    if result.conversations:
        print(f">> retention: deleted {result.conversations} conversation(s) idle for more than "
              f"{settings.retention_days} days", flush=True)


@dataclass
class Supervisor:
    """Keeps the stack up: a server that stops (action server or Rasa server) is started again.

    While the action server is down, Rasa keeps running and the channel guard
    answers each turn with a short apology; while the Rasa server is down (it loads
    the model again, a few seconds), requests fail and the widget reconnects by
    itself. More than RESTART_LIMIT restarts of one server within
    RESTART_WINDOW_SECONDS stops the bot.
    """

    stack: Stack
    backoff_seconds: float = 1.0
    restarts: Dict[str, List[float]] = field(default_factory=dict)  # server -> when it was restarted
    restart_at: Dict[str, float] = field(default_factory=dict)  # server -> when its restart is due

    def check(self) -> None:
        """Look at both servers once; raise LaunchError if the bot must stop."""
        dead = self.stack.dead()
        if dead is None:
            return
        code = self.stack.processes[dead].returncode
        now = time.monotonic()
        if dead not in self.restart_at:
            recent = [t for t in self.restarts.get(dead, []) if now - t < RESTART_WINDOW_SECONDS]
            self.restarts[dead] = recent
            if len(recent) >= RESTART_LIMIT:
                raise LaunchError(f"The {dead} keeps stopping ({len(recent)} restarts in "
                                  f"{RESTART_WINDOW_SECONDS:.0f} s); stopping the bot.")
            delay = self.backoff_seconds * 2 ** len(recent)  # 1, 2, 4, 8, 16 s
            self.restart_at[dead] = now + delay
            what = ("Students get a short apology until it is back." if dead == "action server"
                    else "Students' messages fail until it is back; the web widget reconnects by itself.")
            print(f"WARNING: the {dead} stopped (exit code {code}); restarting it in {delay:.0f} s. {what}",
                  file=sys.stderr, flush=True)
        if now >= self.restart_at[dead]:
            self.restarts.setdefault(dead, []).append(now)
            del self.restart_at[dead]
            self.stack.restart(dead)


def banner(settings: Settings, seconds: float) -> str:
    """What to print once the bot is up."""
    lines = [
        "",
        f"{READY_LINE} (started in {seconds:.0f} s).",
        f"  Web page:  {settings.web_url}   (demo school page with the chat widget)",
        f"  REST:      POST {settings.rest_url}",
        f"             curl -s -X POST {settings.rest_url} -H 'Content-Type: application/json' \\",
        "                  -d '{\"sender\": \"student-1\", \"message\": \"how much do they make?\"}'",
        "  Terminal:  make chat   (in another terminal)",
        (f"  Counselor: {settings.web_url}/counselor   (sign in with CAREERBOT_COUNSELOR_PASSWORD)"
         if os.environ.get(COUNSELOR_PASSWORD_ENV) else
         "  Counselor page: off (set CAREERBOT_COUNSELOR_PASSWORD to turn it on; docs/counselors.md)"),
        f"  Conversations are stored in the {settings.tracker_store_label},",
        f"  and deleted {settings.retention_days} days after their last message (python -m bot purge).",
        "Press Ctrl-C to stop the servers and the web page.",
        "",
    ]
    return "\n".join(lines)


def private_var_dir(settings: Settings) -> None:
    """Make ``var/`` (conversations, logs, the session secret) readable by the bot's user only.

    The folder becomes 0700 and the tracker store 0600; the umask makes everything the servers
    create from now on (they inherit it) private too.
    """
    os.umask(0o077)
    settings.var_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    settings.var_dir.chmod(0o700)
    if settings.tracker_db.exists():
        settings.tracker_db.chmod(0o600)


def bot_logging(settings: Settings) -> None:
    """Show this process's own log lines (the web server's, the counselor page's sign-ins) on stderr."""
    logger = logging.getLogger("bot")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
    level = logging.getLevelName(settings.log_level)
    logger.setLevel(level if isinstance(level, int) else logging.INFO)


def run(settings: Settings, train: bool = True) -> int:
    """Validate, train if needed, start both servers and wait for Ctrl-C."""
    bot_logging(settings)
    try:
        check_settings(settings)
        check_knowledge()
        model = ensure_model() if train else None
        if model is None:
            from bot.tools.training import current_model

            model = current_model()
            if model is None:
                raise LaunchError("No trained model for the current data: run without --no-train.")
        private_var_dir(settings)
        stack = Stack(settings)
        stopping = {"now": False}

        def _stop(signum: int, frame: object) -> None:
            stopping["now"] = True

        signal.signal(signal.SIGINT, _stop)
        signal.signal(signal.SIGTERM, _stop)
        purge_expired(settings)
        stack.start(model)
        try:
            seconds = stack.wait_ready()
            print(banner(settings, seconds), flush=True)
            supervisor = Supervisor(stack)
            next_purge = time.monotonic() + PURGE_INTERVAL_SECONDS
            while not stopping["now"]:
                supervisor.check()
                if time.monotonic() >= next_purge:
                    purge_expired(settings)
                    next_purge = time.monotonic() + PURGE_INTERVAL_SECONDS
                time.sleep(0.5)
            print("\nStopping…", flush=True)
        finally:
            stack.stop()
        print("Stopped.", flush=True)
        return 0
    except LaunchError as error:
        print(f"ERROR: {error}", file=sys.stderr, flush=True)
        return 2
