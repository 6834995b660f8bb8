"""The counselor page's requests: sign-in, the page, CSV, the conversation viewer, Save as test, Forget.

``bot/tools/webserver.py`` hands every ``/counselor`` request here. Without a valid
session, pages redirect to the sign-in form and everything else gets 401. Each
sign-in (and each wrong password) is logged with the address, never the password.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from pathlib import Path
from typing import Callable, Dict, Mapping, Optional, Tuple
from urllib.parse import parse_qs, urlencode

from bot import retention
from bot.conversations.export import ExportError, latest_session, write_test
from bot.conversations.format import DEFAULT_DIR, display_path, slug
from bot.conversations.runner import TEST_SENDER_PREFIX
from bot.counselor import pages
from bot.counselor.auth import COOKIE, Gate, Session, valid_form
from bot.counselor.stats import Period
from bot.counselor.store import ConversationStore, StoreError
from bot.settings import Settings

logger = logging.getLogger(__name__)

PASSWORD_ENV = "CAREERBOT_COUNSELOR_PASSWORD"
SESSION_MINUTES_ENV = "CAREERBOT_COUNSELOR_SESSION_MINUTES"
TESTS_DIR_ENV = "CAREERBOT_SAVED_TESTS_DIR"
MAX_FORM_BYTES = 16 * 1024
HTML = "text/html; charset=utf-8"
HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                                "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
}


@dataclass(frozen=True)
class Request:
    """What the page needs from an HTTP request."""

    method: str
    path: str
    query: Mapping[str, str] = field(default_factory=dict)
    form: Mapping[str, str] = field(default_factory=dict)
    cookie: Optional[str] = None
    address: str = ""
    https: bool = False


Response = Tuple[int, Dict[str, str], bytes]


def parse_form(body: bytes) -> Dict[str, str]:
    """An urlencoded form's fields (the first value of each)."""
    return {key: values[0] for key, values in parse_qs(body.decode("utf-8", "replace")).items()}


def session_cookie(header: Optional[str]) -> Optional[str]:
    """The session token from a Cookie header."""
    if not header:
        return None
    try:
        cookie = SimpleCookie(header)
    except CookieError:
        return None
    morsel = cookie.get(COOKIE)
    return morsel.value if morsel else None


class CounselorPage:
    """The page, for one bot server (its settings decide the store, the retention and the password)."""

    def __init__(self, settings: Settings, password: Optional[str] = None,
                 career_names: Optional[Callable[[], Dict[str, str]]] = None,
                 tests_dir: Optional[Path] = None) -> None:
        password = password if password is not None else os.environ.get(PASSWORD_ENV, "")
        minutes = _minutes(os.environ.get(SESSION_MINUTES_ENV))
        self.gate: Optional[Gate] = Gate(password, idle_seconds=minutes * 60) if password else None
        self.settings = settings
        self.store = ConversationStore(settings.tracker_store_url, settings.retention_days)
        self.career_names = career_names or _career_names
        self.tests_dir = tests_dir or Path(os.environ.get(TESTS_DIR_ENV) or DEFAULT_DIR)

    @property
    def enabled(self) -> bool:
        """False when no password is set (the page is off)."""
        return self.gate is not None

    def handle(self, request: Request) -> Response:
        """Answer one request under /counselor."""
        if self.gate is None:
            return _text(404, "The counselor page is off: the server has no CAREERBOT_COUNSELOR_PASSWORD.\n")
        path = request.path.rstrip("/") or "/counselor"
        if path == "/counselor/login":
            return self._login(request)
        session = self.gate.session(request.cookie)
        if session is None:
            if request.method == "GET" and not path.endswith(".csv"):
                return 303, {**HEADERS, "Location": "/counselor/login"}, b""
            return _text(401, "Sign in first: /counselor/login\n")
        if request.method == "POST" and not valid_form(session, request.form.get("token")):
            return _text(403, "This form has expired. Go back, reload the page and try again.\n")
        try:
            return self._route(path, request, session)
        except StoreError as error:
            logger.error("counselor page: %s", error)
            return _html(503, pages.message("The conversation store can't be read", str(error), session.csrf))

    def _route(self, path: str, request: Request, session: Session) -> Response:
        method = request.method
        if path == "/counselor" and method == "GET":
            period = self._period(request)
            overview = self.store.overview(period, self.career_names())
            return _html(200, pages.dashboard(overview, self.store.conversations(period), self.store.waiting(),
                                              session.csrf, self.settings.retention_days))
        if path.endswith(".csv") and path.startswith("/counselor/") and method == "GET":
            name = path[len("/counselor/"):-len(".csv")]
            if name not in pages.csv_names():
                return _text(404, "No such table.\n")
            period = self._period(request)
            if name in pages.OVERVIEW_TABLES:  # read only what the table needs
                body = pages.overview_csv(name, self.store.overview(period, self.career_names()))
            elif name == "conversations":
                body = pages.conversations_csv(self.store.conversations(period))
            else:
                body = pages.waiting_csv(self.store.waiting())
            filename = f"careerbot-{name}-{period.first}-to-{period.last}.csv"
            return 200, {**HEADERS, "Content-Type": "text/csv; charset=utf-8",
                         "Content-Disposition": f'attachment; filename="{filename}"'}, body
        if path == "/counselor/logout" and method == "POST":
            self.gate.sign_out(session.token) if self.gate else None
            return 303, {**HEADERS, "Location": "/counselor/login", "Set-Cookie": self._cookie("", 0, request)}, b""
        if path == "/counselor/waiting/seen" and method == "POST":
            record = request.form.get("id", "")
            if record.isdigit():
                self.store.mark_seen(int(record))
            return 303, {**HEADERS, "Location": "/counselor#waiting"}, b""
        conversation_id = (request.query if method == "GET" else request.form).get("id", "").strip()
        if path == "/counselor/conversation" and method == "GET":
            return _html(200, pages.conversation(conversation_id, self.store.lines(conversation_id), session.csrf))
        if path in {"/counselor/conversation/save", "/counselor/conversation/forget"}:
            action = path.rsplit("/", 1)[1]
            if not conversation_id or conversation_id.startswith(TEST_SENDER_PREFIX):
                return _html(404, pages.message("No such conversation", "Choose a conversation from the list.",
                                                session.csrf))
            if method == "GET":
                return _html(200, pages.confirm(action, conversation_id, session.csrf))
            if method == "POST":
                return self._save(conversation_id, session) if action == "save" else \
                    self._forget(conversation_id, session)
        return _text(404 if method == "GET" else 405, "Not found.\n")

    def _period(self, request: Request) -> Period:
        return Period.choose(request.query.get("from"), request.query.get("to"), self.settings.retention_days)

    def _login(self, request: Request) -> Response:
        assert self.gate is not None
        if request.method == "GET":
            if self.gate.session(request.cookie):
                return 303, {**HEADERS, "Location": "/counselor"}, b""
            return _html(200, pages.login())
        if request.method != "POST":
            return _text(405, "Not allowed.\n")
        wait = self.gate.wait_seconds(request.address)
        if wait > 0:
            logger.warning("counselor page: sign-in refused from %s (too many wrong passwords)", request.address)
            minutes = max(1, round(wait / 60))
            return _html(429, pages.login(f"Too many wrong passwords. Try again in {minutes} minute(s)."),
                         {"Retry-After": str(int(wait) + 1)})
        session = self.gate.sign_in(request.address, request.form.get("password", ""))
        if session is None:
            logger.warning("counselor page: wrong password from %s", request.address)
            return _html(401, pages.login("That password is not right."))
        logger.info("counselor page: signed in from %s", request.address)
        return 303, {**HEADERS, "Location": "/counselor",
                     "Set-Cookie": self._cookie(session.token, int(self.gate.idle_seconds), request)}, b""

    def _cookie(self, token: str, max_age: int, request: Request) -> str:
        secure = "; Secure" if request.https else ""
        return f"{COOKIE}={token}; Path=/counselor; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}"

    def _save(self, conversation_id: str, session: Session) -> Response:
        events = latest_session(self.store.events(conversation_id))
        target = self.tests_dir / f"saved-{slug(conversation_id)}.yml"
        number = 2
        while target.exists():  # saved before (the chat may have gone on): a new file beside the old one
            target, number = self.tests_dir / f"saved-{slug(conversation_id)}-{number}.yml", number + 1
        back = f"/counselor/conversation?{urlencode({'id': conversation_id})}"
        try:
            written = write_test(conversation_id, events, out=target)
        except ExportError as error:
            return _html(409, pages.message("Not saved", str(error), session.csrf, back))
        logger.info("counselor page: a conversation was saved as a test (%s)", display_path(written))
        return _html(200, pages.message("Saved as test", f"Saved as {display_path(written)}. Edit it to keep the "
                                        "checks that matter; `make test-conversations` runs it.", session.csrf, back))

    def _forget(self, conversation_id: str, session: Session) -> Response:
        try:
            deleted = retention.forget(self.settings.tracker_store_url, conversation_id)
        except retention.RetentionError as error:
            raise StoreError(str(error)) from None
        logger.info("counselor page: a conversation was forgotten (%d events)", deleted)
        text = "The conversation was deleted from the store." if deleted else "No such conversation was stored."
        return _html(200, pages.message("Forgotten", text, session.csrf))


def _minutes(text: Optional[str]) -> int:
    try:
        return max(1, int(text or "30"))
    except ValueError:
        return 30


def _career_names() -> Dict[str, str]:
    from bot.knowledge.loader import default_store

    try:
        return {cid: career.career.title for cid, career in default_store().careers().items()}
    except Exception:  # noqa: BLE001 - the page still counts careers by id when a knowledge file is broken
        logger.warning("counselor page: the knowledge files could not be read; careers are shown by id")
        return {}


def _html(status: int, body: str, extra: Optional[Dict[str, str]] = None) -> Response:
    return status, {**HEADERS, "Content-Type": HTML, **(extra or {})}, body.encode("utf-8")


def _text(status: int, body: str) -> Response:
    return status, {**HEADERS, "Content-Type": "text/plain; charset=utf-8"}, body.encode("utf-8")
