"""A small static web server for the demo school page and the chat widget's files.

``make run`` starts it next to the Rasa server (see ``bot.tools.launcher``), on
``CAREERBOT_WEB_PORT`` (default 8000). It serves:

- ``/``: the demo school page, ``bot/web/index.html``, and the other files in ``bot/web/``
  (``/careerbot/widget.js`` is the loader a school pastes into its pages);
- ``/careerbot/webchat.js``: rasa-webchat's bundle from ``node_modules`` (installed by
  ``npm ci`` from the lock file), with its Google Fonts import removed so a student's
  browser talks to no third party;
- ``/careerbot/config.js``: where the widget's socket is (the Rasa server's port on the host
  the page was loaded from, or ``CAREERBOT_SOCKET_URL``), so no page hard-codes it;
- ``/counselor``: the counselor page, behind a password (``bot/counselor/``).

Requests are logged without their query strings and only at debug level.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mimetypes
import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, Optional, Tuple
from urllib.parse import parse_qsl, unquote, urlsplit

from bot.counselor.app import MAX_FORM_BYTES as MAX_COUNSELOR_FORM
from bot.counselor.app import CounselorPage, Request, parse_form, session_cookie
from bot.paths import ROOT, WEB_DIR
from bot.settings import Settings

logger = logging.getLogger(__name__)

WEBCHAT_BUNDLE = ROOT / "node_modules" / "rasa-webchat" / "lib" / "index.js"
FONT_IMPORT = '"@import url(https://fonts.googleapis.com/css?family=Inter:400,500,700&display=swap);"'
HOSTNAME = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]{1,253})$")
HOST_WITH_PORT = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]{1,253})(:\d{1,5})?$")
# Browsers keep the widget's files an hour, then ask again with the ETag (a 304 costs a few bytes).
CACHED = "public, max-age=3600"
CACHED_PATHS = ("/careerbot/webchat.js", "/careerbot/widget.js", "/careerbot/widget.css")
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
}


class WebError(Exception):
    """The web server cannot start; the message says why and what to do."""


def load_bundle(path: Path = WEBCHAT_BUNDLE) -> bytes:
    """Read rasa-webchat's bundle, minus its third-party font imports (the page falls back to sans-serif)."""
    if not path.is_file():
        raise WebError(
            f"The chat widget is not installed ({path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} "
            "is missing). Run `make run` (it runs `npm ci`) or `npm ci` in the project folder."
        )
    return path.read_text(encoding="utf-8").replace(FONT_IMPORT, '""').encode("utf-8")


def socket_url(settings: Settings, host_header: Optional[str], forwarded_proto: Optional[str] = None) -> str:
    """Return the URL the widget connects to.

    ``CAREERBOT_SOCKET_URL`` if set; behind the reverse proxy (which says so with ``X-Forwarded-Proto``,
    deploy/nginx/careerbot.conf) the address the widget itself came from, where the proxy also serves
    ``/socket.io/`` (https -> wss, no mixed content); else the page's host on the Rasa port.
    """
    if settings.socket_url:
        return settings.socket_url.rstrip("/")
    proto = (forwarded_proto or "").split(",")[0].strip().lower()
    host = (host_header or "").strip()
    if proto in {"http", "https"} and host and HOST_WITH_PORT.match(host):
        return f"{proto}://{host}"
    hostname = settings.public_host
    if host_header:
        candidate = host_header.strip()
        candidate = candidate[: candidate.index("]") + 1] if candidate.startswith("[") and "]" in candidate else (
            candidate.rsplit(":", 1)[0] if candidate.count(":") == 1 else candidate
        )
        if HOSTNAME.match(candidate):
            hostname = candidate
    return f"http://{hostname}:{settings.rasa_port}"


def content_security_policy(socket: str) -> str:
    """Build the demo page's policy: scripts only from us, connections only to us and the bot's socket."""
    ws = re.sub(r"^http", "ws", socket)
    return (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        f"font-src 'self' data:; connect-src 'self' {socket} {ws}; frame-ancestors 'self'; base-uri 'none'; "
        "form-action 'self'"
    )


def etag_of(body: bytes) -> str:
    """A strong ETag for a response body (its content hash)."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def resolve_static(url_path: str, root: Path = WEB_DIR) -> Optional[Path]:
    """Find the file under ``root`` for a URL path, or None (no dot-files, nothing outside ``root``)."""
    parts = [part for part in unquote(url_path).split("/") if part]
    if any(part.startswith(".") or "\\" in part or "\x00" in part for part in parts):
        return None
    target = root.joinpath(*parts) if parts else root
    if target.is_dir():
        target = target / "index.html"
    try:
        target = target.resolve()
    except (OSError, RuntimeError):
        return None
    if not target.is_relative_to(root.resolve()) or not target.is_file():
        return None
    return target


class WebServer:
    """The demo page server, running in a background thread of the launcher."""

    def __init__(self, settings: Settings, bundle: Optional[bytes] = None, web_dir: Path = WEB_DIR) -> None:
        self.settings = settings
        self.web_dir = web_dir
        self.bundle = bundle if bundle is not None else load_bundle()
        self.bundle_etag = etag_of(self.bundle)  # 715 KB: hashed once, not on every page view
        self.counselor = CounselorPage(settings)
        self.httpd: Optional[ThreadingHTTPServer] = None
        self.thread: Optional[threading.Thread] = None

    def start(self) -> WebServer:
        """Bind the port and serve in a daemon thread."""
        handler = _make_handler(self)
        try:
            self.httpd = ThreadingHTTPServer((self.settings.host, self.settings.web_port), handler)
        except OSError as error:
            raise WebError(
                f"Cannot serve the web page on port {self.settings.web_port} ({error.strerror}). "
                "Is another program using it? Choose another port with CAREERBOT_WEB_PORT."
            ) from None
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="careerbot-web", daemon=True)
        self.thread.start()
        if self.counselor.enabled:
            logger.info("Counselor page: %s/counselor (password from CAREERBOT_COUNSELOR_PASSWORD)",
                        self.settings.web_url)
        else:
            logger.info("Counselor page: off (set CAREERBOT_COUNSELOR_PASSWORD to turn it on)")
        return self

    def stop(self) -> None:
        """Stop serving and close the port."""
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None
        if self.thread is not None:
            self.thread.join(5)
            self.thread = None

    def respond(self, url_path: str, host_header: Optional[str], forwarded_proto: Optional[str] = None,
                if_none_match: Optional[str] = None) -> Tuple[int, Dict[str, str], bytes]:
        """Return status, headers and body for a GET of ``url_path`` (304 when the browser's copy is current)."""
        status, headers, body = self._respond(url_path, host_header, forwarded_proto)
        if status == 200 and url_path in CACHED_PATHS:
            etag = self.bundle_etag if body is self.bundle else etag_of(body)
            headers = {**headers, "Cache-Control": CACHED, "ETag": etag}
            if if_none_match and etag in [tag.strip() for tag in if_none_match.split(",")]:
                return 304, headers, b""
        return status, headers, body

    def _respond(self, url_path: str, host_header: Optional[str],
                 forwarded_proto: Optional[str]) -> Tuple[int, Dict[str, str], bytes]:
        headers = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-cache"}
        if url_path == "/careerbot/webchat.js":
            return 200, {**headers, "Content-Type": TYPES[".js"]}, self.bundle
        if url_path == "/careerbot/config.js":
            config = {"socketUrl": socket_url(self.settings, host_header, forwarded_proto), "socketPath": "/socket.io/"}
            body = f"window.CareerBotConfig = {json.dumps(config)};\n".encode()
            return 200, {**headers, "Content-Type": TYPES[".js"]}, body
        target = resolve_static(url_path, self.web_dir)
        if target is None:
            return 404, {**headers, "Content-Type": TYPES[".txt"]}, b"Not found.\n"
        content_type = TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        headers["Content-Type"] = content_type
        if target.suffix == ".html":
            headers["Content-Security-Policy"] = content_security_policy(
                socket_url(self.settings, host_header, forwarded_proto))
        return 200, headers, target.read_bytes()


def is_counselor_path(path: str) -> bool:
    """True for the counselor page's paths."""
    return path == "/counselor" or path.startswith("/counselor/")


def client_address(peer: str, forwarded_for: Optional[str]) -> str:
    """The browser's address: behind the local reverse proxy, the address the proxy saw (last in the header)."""
    if peer in {"127.0.0.1", "::1"} and forwarded_for:
        return forwarded_for.split(",")[-1].strip() or peer
    return peer


def _make_handler(server: WebServer) -> type:
    class Handler(BaseHTTPRequestHandler):
        server_version = "careerbot-web"
        sys_version = ""

        def _counselor(self, path: str, query: str, with_body: bool = True) -> None:
            form = {}
            if self.command == "POST":
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_COUNSELOR_FORM:
                    self.send_error(413)
                    return
                form = parse_form(self.rfile.read(length)) if length > 0 else {}
            request = Request(
                method="GET" if self.command == "HEAD" else self.command, path=path, query=dict(parse_qsl(query)),
                form=form, cookie=session_cookie(self.headers.get("Cookie")),
                address=client_address(self.client_address[0], self.headers.get("X-Forwarded-For")),
                https=(self.headers.get("X-Forwarded-Proto") or "").lower().startswith("https"),
            )
            status, headers, body = server.counselor.handle(request)
            self._send(status, headers, body, with_body)

        def _send(self, status: int, headers: Dict[str, str], body: bytes, with_body: bool) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def _serve(self, with_body: bool) -> None:
            url = urlsplit(self.path)
            path = url.path
            if is_counselor_path(path):
                self._counselor(path, url.query, with_body)
                return
            headers_in = self.headers
            status, headers, body = server.respond(path, headers_in.get("Host"), headers_in.get("X-Forwarded-Proto"),
                                                   headers_in.get("If-None-Match"))
            self._send(status, headers, body, with_body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self._serve(with_body=True)

        def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
            self._serve(with_body=False)

        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            url = urlsplit(self.path)
            if is_counselor_path(url.path):
                self._counselor(url.path, url.query)
            else:
                self.send_error(405)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
            logger.debug("web: %s %s", getattr(self, "command", ""), urlsplit(getattr(self, "path", "")).path)

        def send_error(self, code: int, message: Optional[str] = None, explain: Optional[str] = None) -> None:
            """Plain errors (unsupported methods, bad requests) without echoing the request."""
            self.send_response(code)
            body = f"{HTTPStatus(code).phrase}.\n".encode()
            self.send_header("Content-Type", TYPES[".txt"])
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            if getattr(self, "command", None) != "HEAD":
                self.wfile.write(body)

    return Handler
