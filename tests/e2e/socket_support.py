"""A socket.io client that talks to the bot the way rasa-webchat does (session_request, user_uttered)."""

from __future__ import annotations

import queue
import time
from typing import Any, Callable, Dict, List, Optional

import socketio

Message = Dict[str, Any]

WAIT_SECONDS = 60.0


def page_origin(bot: Any) -> str:
    """The demo page's origin (allowed by default), for a socket opened as from the bot's own page."""
    return f"http://127.0.0.1:{bot.web_port}"


def text_of(messages: List[Message]) -> str:
    """All bot text received, joined."""
    return "\n".join(str(m.get("text") or "") for m in messages)


def buttons_of(messages: List[Message]) -> List[Dict[str, Any]]:
    """The quick replies (buttons) received."""
    return [reply for m in messages for reply in (m.get("quick_replies") or [])]


class ChatSocket:
    """One browser tab's socket: connect, confirm a session, send messages, collect bot messages."""

    def __init__(self, url: str, origin: Optional[str], transport: str = "websocket") -> None:
        self.url = url
        self.origin = origin
        self.transport = transport
        # websocket-client sends its own Origin (the server's URL) unless told which one to send.
        extra = {"origin": origin} if origin else {}
        self.client = socketio.Client(reconnection=False, websocket_extra_options=extra)
        self.received: queue.Queue[Message] = queue.Queue()
        self.confirmed: queue.Queue[str] = queue.Queue()
        self.client.on("bot_uttered", self._on_bot)
        self.client.on("session_confirm", self._on_confirm)
        self.session_id: Optional[str] = None

    def _on_bot(self, data: Message) -> None:
        self.received.put(data)

    def _on_confirm(self, session_id: str) -> None:
        self.confirmed.put(session_id)

    def connect(self) -> ChatSocket:
        """Open the socket (websocket by default, or HTTP long-polling) sending our Origin header."""
        headers = {"Origin": self.origin} if self.origin and self.transport == "polling" else {}
        self.client.connect(
            self.url, transports=[self.transport], headers=headers, socketio_path="/socket.io", wait_timeout=30
        )
        return self

    def start_session(self, session_id: Optional[str] = None) -> str:
        """Ask for a session (a stored one to continue, or None for a new one); return the confirmed id."""
        self.client.emit("session_request", {"session_id": session_id})
        self.session_id = self.confirmed.get(timeout=WAIT_SECONDS)
        return self.session_id

    def send(self, message: Any, session_id: Optional[str] = None, **extra: Any) -> None:
        """Emit one user_uttered event, as the widget does."""
        payload = {"message": message, "session_id": session_id or self.session_id, **extra}
        self.client.emit("user_uttered", payload)

    def emit_raw(self, event: str, data: Any) -> None:
        """Emit any event with any payload (for malformed-input tests)."""
        self.client.emit(event, data)

    def wait_for(self, done: Callable[[List[Message]], bool], timeout: float = WAIT_SECONDS) -> List[Message]:
        """Collect bot messages until ``done(messages)`` holds; fail with what arrived if it never does."""
        messages: List[Message] = []
        deadline = time.monotonic() + timeout
        while not done(messages):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"expected bot reply did not arrive; got {messages!r}")
            try:
                messages.append(self.received.get(timeout=min(remaining, 1.0)))
            except queue.Empty:
                continue
        return messages

    def ask(self, message: Any, expect: str) -> List[Message]:
        """Send a message and wait for a reply containing ``expect``."""
        self.send(message)
        return self.wait_for(lambda messages: expect in text_of(messages))

    def any_reply(self, message: Any) -> List[Message]:
        """Send a message and wait for the first bot message."""
        self.send(message)
        return self.wait_for(lambda messages: len(messages) >= 1)

    def close(self) -> None:
        """Disconnect (without waiting for a pending long-poll to time out)."""
        if self.client.connected:
            if self.transport == "polling":
                self.client.eio.disconnect(abort=True)
            else:
                self.client.disconnect()
