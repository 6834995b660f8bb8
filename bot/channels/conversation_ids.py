"""Conversation ids bound to their channel: no student's conversation can be reached from another channel.

Each channel keeps its conversations under its own prefix, and only that channel
may use it:

- Slack: ``slack-<member id>``, made by the Slack channel from requests that carry
  Slack's signature (bot/channels/slack.py);
- the web widget: ``web-<random>-<signature>``, made by the server for one socket
  and signed with the server's secret, so no one can make one up; the id is known
  only to the tab it was given to, which resumes its conversation after a page
  reload by presenting it again; one socket holds a conversation at a time
  (bot/channels/socketio.py);
- REST: any other id; REST is for integrations and tests (localhost, or a token:
  bot/channels/rest.py), and an id with another channel's prefix is refused.

The secret is ``CAREERBOT_SESSION_SECRET`` when set (needed when several servers
share one tracker store), else a random one created once in ``var/session-secret``
(readable by the bot's user only).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Optional

from bot import settings as settings_module

SLACK_PREFIX = "slack-"
WEB_PREFIX = "web-"
TERMINAL_PREFIX = "terminal-"  # `make chat` (over REST)
RESERVED_PREFIXES = (SLACK_PREFIX, WEB_PREFIX)
SECRET_FILE_NAME = "session-secret"

_WEB_ID = re.compile(r"^web-([0-9a-f]{32})-([0-9a-f]{32})$")


def channel_of(conversation_id: str) -> str:
    """Which channel a conversation id belongs to: "slack", "socketio" or "rest"."""
    lowered = conversation_id.lower()
    if lowered.startswith(SLACK_PREFIX):
        return "slack"
    if lowered.startswith(WEB_PREFIX):
        return "socketio"
    return "rest"


# How people name each channel (the counselor page, `make export-test --list`); terminal chats use REST.
CHANNEL_LABELS = {"slack": "Slack", "socketio": "web page", "rest": "REST"}


def channel_label(conversation_id: str) -> str:
    """Where a conversation happened, for people: web page, Slack, terminal or REST."""
    if conversation_id.lower().startswith(TERMINAL_PREFIX):
        return "terminal"
    return CHANNEL_LABELS[channel_of(conversation_id)]


def rest_id_problem(sender: str) -> Optional[str]:
    """Why REST may not use this conversation id (another channel's), or None."""
    channel = channel_of(sender.strip())
    if channel == "rest":
        return None
    name = "Slack" if channel == "slack" else "web widget"
    return (f"'sender' {sender[:20]!r}... belongs to the {name} channel: its conversations can only be reached "
            f"through that channel. Use an id without the prefixes {', '.join(RESERVED_PREFIXES)}.")


def _secret_from(var_dir: Path) -> bytes:
    path = var_dir / SECRET_FILE_NAME
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        pass
    var_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    value = secrets.token_hex(32)
    # Created readable by the bot's user only; O_EXCL: two servers starting together keep one secret.
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(value + "\n")
    return bytes.fromhex(value)


@lru_cache(maxsize=4)
def _secret(configured: str, var_dir: str) -> bytes:
    if configured:
        return hashlib.sha256(configured.encode("utf-8")).digest()
    return _secret_from(Path(var_dir))


def secret() -> bytes:
    """The server's secret for signing widget conversation ids (see the module docstring)."""
    settings = settings_module.load()
    return _secret(os.environ.get("CAREERBOT_SESSION_SECRET", ""), str(settings.var_dir))


def _signature(random_part: str, key: bytes) -> str:
    return hmac.new(key, f"{WEB_PREFIX}{random_part}".encode("ascii"), hashlib.sha256).hexdigest()[:32]


def new_web_id(key: Optional[bytes] = None) -> str:
    """A new widget conversation id: random, and signed by this server."""
    random_part = secrets.token_hex(16)
    return f"{WEB_PREFIX}{random_part}-{_signature(random_part, key or secret())}"


def is_web_id(value: object, key: Optional[bytes] = None) -> bool:
    """True if ``value`` is a widget conversation id this server (or one sharing its secret) made."""
    if not isinstance(value, str):
        return False
    match = _WEB_ID.match(value)
    if not match:
        return False
    return hmac.compare_digest(match.group(2), _signature(match.group(1), key or secret()))
