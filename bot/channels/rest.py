"""REST channel (``/webhooks/rest/webhook``) with clear errors for bad requests.

Stock Rasa answers an empty body with 500, shares one conversation between all
clients that omit ``sender``, and logs message text on errors. This channel
returns 400 with a reason for malformed requests, requires a ``sender``, applies
the shared guards (message limits, apology instead of silence), and logs no text.
Oversized bodies are refused with 413 by Sanic (REQUEST_MAX_SIZE, set by the launcher).

REST is for integrations and tests, never for students' browsers: it answers only
this machine (and nothing that came through a proxy) unless ``CAREERBOT_REST_TOKEN``
is set, and then only requests carrying it (``Authorization: Bearer <token>``).
A conversation id of another channel (``slack-...``, ``web-...``) is refused: those
conversations are reachable only through their own channel (bot/channels/conversation_ids.py).
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import re
from typing import Any, Dict, Optional, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import settings as settings_module
from bot.channels.conversation_ids import rest_id_problem
from bot.channels.guard import OnNewMessage, handle_message, has_unsafe_characters
from bot.channels.readiness import readiness

logger = logging.getLogger(__name__)

MAX_SENDER_LENGTH = 128


def _error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status)


_PROXY_HEADERS = ("forwarded", "x-forwarded-for", "x-real-ip", "x-forwarded-host")


def is_local(ip: str, headers: Dict[str, str]) -> bool:
    """True for a request from this machine that did not come through a proxy."""
    if any(name in headers for name in _PROXY_HEADERS):
        return False
    try:
        return ipaddress.ip_address(ip.split("%")[0]).is_loopback
    except ValueError:
        return False


def access_problem(ip: str, headers: Dict[str, str], token: Optional[str]) -> Optional[Tuple[int, str]]:
    """Why this REST request is refused, as (status, reason), or None when it may go on."""
    if token:
        given = headers.get("authorization", "")
        expected = f"Bearer {token}"
        if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
            return 401, "This REST channel needs its token: send 'Authorization: Bearer <CAREERBOT_REST_TOKEN>'."
        return None
    if not is_local(ip, headers):
        return 403, ("This REST channel answers only requests from the bot's own machine. Set "
                     "CAREERBOT_REST_TOKEN to let an integration on another machine use it with that token.")
    return None


def parse_body(raw: bytes) -> Tuple[Optional[Dict[str, Any]], Optional[str]]:
    """Parse and check a webhook body: (payload, None) or (None, reason for a 400)."""
    if not raw:
        return None, "The request body is empty. Send JSON like {\"sender\": \"student-1\", \"message\": \"hi\"}."
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "The request body is not valid UTF-8 text."
    try:
        payload = json.loads(text)
    except ValueError:
        return None, "The request body is not valid JSON."
    except RecursionError:
        return None, "The request body is JSON nested too deeply."
    if not isinstance(payload, dict):
        return None, "The request body must be a JSON object with 'sender' and 'message'."
    sender = payload.get("sender")
    if not isinstance(sender, str) or not sender.strip():
        return None, "'sender' is required: a conversation id string, one per student."
    if len(sender) > MAX_SENDER_LENGTH:
        return None, f"'sender' must be at most {MAX_SENDER_LENGTH} characters."
    if has_unsafe_characters(sender):
        return None, "'sender' must not contain control characters or invalid Unicode (lone surrogates)."
    another_channel = rest_id_problem(sender)
    if another_channel:
        return None, another_channel
    if "message" not in payload:
        return None, "'message' is required: the student's text."
    if not isinstance(payload["message"], str):
        return None, "'message' must be a string."
    if re.search("[\ud800-\udfff]", payload["message"]):
        return None, "'message' is not valid Unicode text (it has a lone surrogate escape such as \\ud800)."
    metadata = payload.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        return None, "'metadata' must be a JSON object if given."
    return payload, None


class SafeRestInput(RestInput):
    """Rasa's REST channel with request validation and the shared guards."""

    @classmethod
    def name(cls) -> str:
        """Keeps the standard URL: /webhooks/rest/webhook."""
        return "rest"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """Health (the server is up), readiness (it can answer: bot/channels/readiness.py) and the webhook."""
        webhook = Blueprint("careerbot_rest", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/ready", methods=["GET"])
        async def ready(request: Request) -> HTTPResponse:
            ok, status = await readiness(settings_module.load())
            return response.json({"status": "ready" if ok else "not ready", "checks": status},
                                 status=200 if ok else 503)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            headers = {name.lower(): value for name, value in request.headers.items()}
            refused = access_problem(request.ip, headers, settings_module.load().rest_token)
            if refused:
                return _error(*refused)
            payload, problem = parse_body(request.body)
            if payload is None:
                return _error(400, problem or "Bad request.")
            collector = CollectingOutputChannel()
            message = UserMessage(
                payload["message"],
                collector,
                payload["sender"],
                input_channel=self.name(),
                metadata=payload.get("metadata"),
            )
            await handle_message(on_new_message, message)
            return response.json(collector.messages)

        return webhook
