"""Test helpers for the Slack channel: a fake Slack Web API on loopback and signed Slack requests.

No machine here reaches Slack, and the Rasa server runs in another process, so
the bot's replies are captured by a small HTTP server that answers
``chat.postMessage`` the way Slack does (``SLACK_API_URL`` points the bot at it).
Incoming requests are built and signed exactly as Slack signs them.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import shutil
import subprocess
import threading
import time
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional

import requests

from tests.support import free_port

SIGNING_SECRET = "test-signing-secret-0123456789abcdef"
BOT_TOKEN = "xoxb-test-token"
BOT_USER = "UCAREERBOT"
TEAM = "TSCHOOL"
_counter = itertools.count(1)


@dataclass
class Post:
    """One message the bot posted through the fake Slack Web API."""

    method: str
    authorization: str
    body: Dict[str, Any]

    @property
    def channel(self) -> str:
        return str(self.body.get("channel"))

    @property
    def thread_ts(self) -> Optional[str]:
        return self.body.get("thread_ts")

    @property
    def text(self) -> str:
        """What the student reads: the section blocks' text (or the fallback text)."""
        sections = [b["text"]["text"] for b in self.body.get("blocks") or [] if b.get("type") == "section"]
        return "\n".join(sections) if sections else str(self.body.get("text") or "")

    @property
    def buttons(self) -> List[Dict[str, Any]]:
        """The Slack button elements of the message's actions blocks."""
        return [
            element
            for block in self.body.get("blocks") or []
            if block.get("type") == "actions"
            for element in block.get("elements", [])
            if element.get("type") == "button"
        ]

    def button(self, title: str) -> Dict[str, Any]:
        for element in self.buttons:
            if element["text"]["text"] == title:
                return element
        raise AssertionError(f"no button {title!r} in {[b['text']['text'] for b in self.buttons]}")


@dataclass
class FakeSlackApi:
    """A Slack Web API on 127.0.0.1 that records every call and answers ``{"ok": true}``."""

    port: int = field(default_factory=free_port)
    posts: List[Post] = field(default_factory=list)
    refuse: Dict[str, str] = field(default_factory=dict)  # channel -> Slack error code to answer with
    _server: Optional[ThreadingHTTPServer] = None
    _changed: threading.Condition = field(default_factory=threading.Condition)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def start(self) -> FakeSlackApi:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if (self.headers.get("Content-Type") or "").startswith("application/json"):
                    body = json.loads(raw or b"{}")
                else:
                    body = {k: v[0] for k, v in urllib.parse.parse_qs(raw.decode()).items()}
                method = self.path.rsplit("/", 1)[-1]
                with api._changed:
                    api.posts.append(Post(method, self.headers.get("Authorization", ""), body))
                    api._changed.notify_all()
                error = api.refuse.get(str(body.get("channel")))
                if error:
                    answer = json.dumps({"ok": False, "error": error}).encode()
                else:
                    ok = {"ok": True, "channel": body.get("channel"), "ts": f"{time.time():.6f}"}
                    answer = json.dumps(ok).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def messages(self, where: Callable[[Post], bool] = lambda post: True) -> List[Post]:
        with self._changed:
            return [post for post in self.posts if post.method == "chat.postMessage" and where(post)]

    def wait_for(self, where: Callable[[Post], bool], count: int = 1, timeout: float = 90) -> List[Post]:
        """Block until ``count`` posted messages match ``where``; return them (fails after ``timeout``)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [p for p in self.posts if p.method == "chat.postMessage" and where(p)]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [(p.channel, p.thread_ts, p.text[:60]) for p in self.posts]
                    raise AssertionError(f"expected {count} matching Slack post(s); got {seen}")
                self._changed.wait(remaining)


def new_id(prefix: str) -> str:
    """A unique Slack-looking id (user, channel, event)."""
    return f"{prefix}{next(_counter):04d}{int(time.time() * 1000) % 10**8:08d}"


def new_ts() -> str:
    """A unique Slack message timestamp."""
    return f"{time.time():.6f}{next(_counter) % 10}"


def signature(body: bytes, timestamp: str, secret: str = SIGNING_SECRET) -> str:
    """Slack's request signature: v0= HMAC-SHA256(secret, 'v0:{timestamp}:{body}')."""
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    return f"v0={digest}"


def send(
    url: str,
    body: bytes,
    content_type: str,
    *,
    timestamp: Optional[int] = None,
    secret: str = SIGNING_SECRET,
    signed: bool = True,
    headers: Optional[Dict[str, str]] = None,
) -> requests.Response:
    """POST a request to the Slack webhook, signed like Slack signs it (unless ``signed=False``)."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    all_headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp}
    if signed:
        all_headers["X-Slack-Signature"] = signature(body, stamp, secret)
    all_headers.update(headers or {})
    return requests.post(url, data=body, headers=all_headers, timeout=30)


def event_body(
    user: Optional[str],
    text: str,
    *,
    channel: str,
    event_type: str = "message",
    channel_type: str = "im",
    event_id: Optional[str] = None,
    ts: Optional[str] = None,
    **event_fields: Any,
) -> bytes:
    """An Events API ``event_callback`` body, as Slack sends it."""
    ts = ts or new_ts()
    event = {"type": event_type, "text": text, "channel": channel, "channel_type": channel_type, "ts": ts,
             "event_ts": ts, **event_fields}
    if user is not None:
        event["user"] = user
    payload = {
        "token": "unused-verification-token",
        "team_id": TEAM,
        "api_app_id": "ACAREERBOT",
        "event": event,
        "type": "event_callback",
        "event_id": event_id or new_id("Ev"),
        "event_time": int(time.time()),
        "authorizations": [{"enterprise_id": None, "team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
    }
    return json.dumps(payload).encode()


def click_body(user: str, channel: str, button: Dict[str, Any], message_ts: Optional[str] = None) -> bytes:
    """An interactivity ``block_actions`` body (form-encoded ``payload=``) for a clicked button."""
    message_ts = message_ts or new_ts()
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": "student", "team_id": TEAM},
        "api_app_id": "ACAREERBOT",
        "team": {"id": TEAM},
        "container": {"type": "message", "message_ts": message_ts, "channel_id": channel, "is_ephemeral": False},
        "channel": {"id": channel, "name": "directmessage"},
        "message": {"type": "message", "ts": message_ts, "bot_id": "BCAREERBOT", "user": BOT_USER},
        "trigger_id": "1.2.3",
        "response_url": "https://hooks.slack.invalid/actions/unused",
        "actions": [
            {
                "type": "button",
                "action_id": button.get("action_id", "careerbot_button_0"),
                "block_id": "careerbot_buttons_0",
                "text": button.get("text", {"type": "plain_text", "text": "?"}),
                "value": button["value"],
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    return urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """An ephemeral redis-server (Debian package ``redis-server``) on a free port; yields its URL."""
    import pytest
    import redis

    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is not installed: run `scripts/install-system-packages.sh redis-server`")
    port = free_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                assert process.poll() is None and time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(10)
