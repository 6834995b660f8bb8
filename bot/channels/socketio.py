"""Socket.IO channel for the website chat widget (``rasa-webchat``), with our fixes.

Rasa 3.6's own ``SocketIOInput`` has three problems for a school website:

- it calls ``sio.enter_room`` without ``await`` (a coroutine since python-socketio
  5.10), so with session persistence the browser never joins its room and every
  bot reply is silently lost;
- it accepts every origin (``cors_allowed_origins=[]`` means "no check" in
  python-engineio), so any web page could embed the bot;
- it trusts whatever ``session_id`` each message carries, crashes on malformed
  events and bypasses our shared guards (limits, apology, private logs).

``SafeSocketIOInput`` keeps Rasa's event names, URL (``/socket.io``) and message
format, and fixes those: rooms are joined properly, only the origins in
``CAREERBOT_ALLOWED_ORIGINS`` may connect, each socket is bound to the session it
was confirmed, and every message goes through ``bot.channels.guard``. Session ids
are made and signed by the server (bot/channels/conversation_ids.py): a socket
may resume only an id this server made (a tab reconnecting after a reload), one
socket at a time (an earlier one is disconnected); any other requested id gets a
new session. Its output
keeps the bot's line breaks, which rasa-webchat's Markdown rendering would
otherwise turn into spaces (a plan's numbered steps would run together).
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any, Callable, Dict, List, Optional, Union

import rasa.core.channels.channel
from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot import settings as settings_module
from bot.channels.conversation_ids import WEB_PREFIX, is_web_id, new_web_id, secret
from bot.channels.guard import OnNewMessage, handle_message

logger = logging.getLogger(__name__)

SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")

Origins = Union[List[str], Callable[[str], bool]]


def engine_origins(allowed: List[str]) -> Origins:
    """Turn our allowed-origins setting into python-engineio's ``cors_allowed_origins``.

    An empty list means "no check" to engineio, so an empty setting becomes a
    check that refuses every cross-origin page instead. ``*`` allows any origin.
    """
    cleaned = [origin.rstrip("/") for origin in allowed if origin.strip()]
    if not cleaned:
        return lambda origin: False
    return cleaned


def valid_session_id(value: Any) -> Optional[str]:
    """Return the session id if it is a safe token (letters, digits, ``-``/``_``, up to 128), else None."""
    if isinstance(value, str) and SESSION_ID.match(value):
        return value
    return None


def hard_line_breaks(text: str) -> str:
    """Make each single newline a Markdown hard break (two spaces + newline), so the widget shows it."""
    return re.sub(r"[ \t]*\n", "  \n", text)


class WidgetOutput(SocketIOOutput):
    """Rasa's socket.io output with the bot's line breaks kept in the widget."""

    async def _send_message(self, socket_id: str, response: Any) -> None:
        if isinstance(response, dict) and isinstance(response.get("text"), str):
            response = {**response, "text": hard_line_breaks(response["text"])}
        await super()._send_message(socket_id, response)


def parse_metadata(value: Any) -> Dict[str, Any]:
    """Return the widget's ``customData`` (a JSON object, or a string holding one); drop anything else."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}


class SafeSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel with awaited rooms, an origin check and the shared guards."""

    @classmethod
    def name(cls) -> str:
        """Keep Rasa's name, so the health URL stays /webhooks/socketio/."""
        return "socketio"

    sessions: Dict[str, str]
    """Socket id -> the session id it was confirmed (messages are filed under that one)."""

    def get_output_channel(self) -> Optional[OutputChannel]:
        """Return the output for messages the server pushes outside a turn (e.g. reminders)."""
        return WidgetOutput(self.sio, self.bot_message_evt) if self.sio is not None else None

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """Create the socket.io server (attached at ``socketio_path``) and a health route."""
        settings = settings_module.load()
        self.sessions = {}
        secret()  # made (var/session-secret) at start-up, not on a student's first message
        sio = AsyncServer(
            async_mode="sanic",
            cors_allowed_origins=engine_origins(settings.allowed_origins),
            logger=False,
            engineio_logger=False,
        )
        self.sio = sio
        blueprint = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        namespace = self.namespace

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: str, environ: Dict[str, Any], auth: Optional[Dict[str, Any]] = None) -> bool:
            if not self.jwt_key:
                return True
            token = auth.get("token") if isinstance(auth, dict) else None
            payload = (
                rasa.core.channels.channel.decode_bearer_token(token, self.jwt_key, self.jwt_algorithm)
                if token
                else None
            )
            return bool(payload)

        @sio.on("disconnect", namespace=namespace)
        async def disconnect(sid: str, *args: Any) -> None:
            self.sessions.pop(sid, None)

        async def confirm_session(sid: str, requested: Any) -> str:
            """Bind the socket to a session and confirm it.

            The requested one if this server made it (a tab reconnecting after a reload), else a new one.
            One socket at a time holds a session: an earlier socket still holding it is disconnected.
            """
            session_id = requested if is_web_id(requested) else new_web_id()
            for other, held in list(self.sessions.items()):
                if other != sid and held == session_id:
                    self.sessions.pop(other, None)
                    if self.session_persistence:
                        await sio.leave_room(other, session_id, namespace=namespace)
                    await sio.disconnect(other, namespace=namespace)
            previous = self.sessions.get(sid)
            if previous and previous != session_id and self.session_persistence:
                await sio.leave_room(sid, previous, namespace=namespace)
            self.sessions[sid] = session_id
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=namespace)
            return session_id

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: str, data: Any = None) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            await confirm_session(sid, requested)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def user_message(sid: str, data: Any = None) -> None:
            payload: Dict[str, Any] = data if isinstance(data, dict) else {}
            if self.session_persistence:
                session_id = self.sessions.get(sid)
                if session_id is None:
                    # A client that skipped session_request: adopt its session id (or make one).
                    session_id = await confirm_session(sid, payload.get("session_id"))
                sender_id = session_id
            else:
                sender_id = f"{WEB_PREFIX}{sid}"  # the socket's own id, under the widget's prefix
            text = payload.get("message")
            message = UserMessage(
                text if isinstance(text, str) else None,
                WidgetOutput(sio, self.bot_message_evt),
                sender_id,
                input_channel=self.name(),
                metadata=parse_metadata(payload.get(self.metadata_key)),
            )
            await handle_message(on_new_message, message)

        return blueprint
