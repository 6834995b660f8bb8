"""Counselor sign-in: one password from the environment, sessions that expire, wrong passwords slowed down.

- The password is ``CAREERBOT_COUNSELOR_PASSWORD``; without it the page is off.
- A session is a random token in an HttpOnly, SameSite=Strict cookie, kept in
  this process's memory: it ends after ``CAREERBOT_COUNSELOR_SESSION_MINUTES``
  without a request (default 30), after 12 hours in any case, on sign-out, and
  when the server restarts.
- Every wrong password waits a second before the answer; after five wrong ones
  in a row from one address, that address must wait (twice as long after each
  further one, up to 15 minutes) before it may try again.
- Forms carry a per-session token, so another site cannot post to the page.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, Optional

COOKIE = "careerbot_counselor"
MAX_SESSION_SECONDS = 12 * 3600
WRONG_PASSWORD_DELAY = 1.0
FREE_TRIES = 5
FIRST_LOCKOUT = 30.0
MAX_LOCKOUT = 15 * 60.0


@dataclass
class Session:
    """A signed-in counselor's session."""

    token: str
    csrf: str
    created: float
    last_seen: float


@dataclass
class _Failures:
    count: int = 0
    locked_until: float = 0.0


@dataclass
class Gate:
    """Checks passwords and keeps sessions."""

    password: str
    idle_seconds: float = 30 * 60
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _sessions: Dict[str, Session] = field(default_factory=dict)
    _failures: Dict[str, _Failures] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait_seconds(self, address: str) -> float:
        """How long ``address`` must wait before it may try a password (0: now)."""
        with self._lock:
            failures = self._failures.get(address)
            return max(0.0, failures.locked_until - self.clock()) if failures else 0.0

    def sign_in(self, address: str, password: str) -> Optional[Session]:
        """A new session for the right password; None (after a delay) for a wrong one or while locked out."""
        if self.wait_seconds(address) > 0:
            return None
        if hmac.compare_digest(password.encode("utf-8"), self.password.encode("utf-8")):
            now = self.clock()
            session = Session(secrets.token_urlsafe(32), secrets.token_urlsafe(24), now, now)
            with self._lock:
                self._failures.pop(address, None)
                self._forget_expired(now)
                self._sessions[session.token] = session
            return session
        with self._lock:
            failures = self._failures.setdefault(address, _Failures())
            failures.count += 1
            if failures.count >= FREE_TRIES:
                lockout = min(MAX_LOCKOUT, FIRST_LOCKOUT * 2 ** (failures.count - FREE_TRIES))
                failures.locked_until = self.clock() + lockout
        self.sleep(WRONG_PASSWORD_DELAY)
        return None

    def session(self, token: Optional[str]) -> Optional[Session]:
        """The live session for a cookie's token (its idle time starts again), or None."""
        if not token:
            return None
        now = self.clock()
        with self._lock:
            session = self._sessions.get(token)
            if session is None:
                return None
            if now - session.last_seen > self.idle_seconds or now - session.created > MAX_SESSION_SECONDS:
                del self._sessions[token]
                return None
            session.last_seen = now
            return session

    def sign_out(self, token: Optional[str]) -> None:
        """End a session."""
        with self._lock:
            self._sessions.pop(token or "", None)

    def _forget_expired(self, now: float) -> None:
        for token, session in list(self._sessions.items()):
            if now - session.last_seen > self.idle_seconds or now - session.created > MAX_SESSION_SECONDS:
                del self._sessions[token]


def valid_form(session: Session, token: Optional[str]) -> bool:
    """True when a posted form carries this session's form token."""
    return bool(token) and hmac.compare_digest(session.csrf.encode(), str(token).encode())
