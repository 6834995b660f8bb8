"""The demo page web server: what it serves, what it refuses, and where it tells the widget to connect."""

from __future__ import annotations

import socket
from dataclasses import replace
from pathlib import Path
from typing import Iterator

import pytest
import requests

from bot.settings import Settings
from bot.tools.webserver import FONT_IMPORT, WebError, WebServer, load_bundle, resolve_static, socket_url
from tests.support import free_port

FAKE_BUNDLE = b"window.WebChat = {};"


@pytest.fixture
def settings() -> Settings:
    return Settings(host="127.0.0.1", web_port=free_port(), rasa_port=5123, public_host="localhost")


@pytest.fixture
def server(settings: Settings) -> Iterator[WebServer]:
    running = WebServer(settings, bundle=FAKE_BUNDLE).start()
    yield running
    running.stop()


def url(settings: Settings, path: str) -> str:
    return f"http://127.0.0.1:{settings.web_port}{path}"


def test_demo_page_is_served_with_a_strict_policy(server: WebServer, settings: Settings) -> None:
    """/ is the demo school page, with the widget snippet and a CSP that only allows our servers."""
    reply = requests.get(url(settings, "/"), timeout=10)
    assert reply.status_code == 200
    assert reply.headers["Content-Type"].startswith("text/html")
    assert '<script src="/careerbot/widget.js"' in reply.text
    policy = reply.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "connect-src 'self' http://127.0.0.1:5123 ws://127.0.0.1:5123" in policy
    assert reply.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/careerbot/widget.js", "/careerbot/widget.css", "/school.css"])
def test_widget_files_are_served(server: WebServer, settings: Settings, path: str) -> None:
    """The loader, its styles and the page's styles come from bot/web/."""
    reply = requests.get(url(settings, path), timeout=10)
    assert reply.status_code == 200 and reply.content


def test_webchat_bundle_is_served_from_our_server(server: WebServer, settings: Settings) -> None:
    """/careerbot/webchat.js is the rasa-webchat bundle the server loaded (never a CDN)."""
    reply = requests.get(url(settings, "/careerbot/webchat.js"), timeout=10)
    assert reply.status_code == 200
    assert reply.content == FAKE_BUNDLE
    assert reply.headers["Content-Type"].startswith("text/javascript")


def test_config_names_the_rasa_port_on_the_page_host(server: WebServer, settings: Settings) -> None:
    """config.js tells the widget the socket URL: the host the page came from, on the Rasa port."""
    reply = requests.get(url(settings, "/careerbot/config.js"), timeout=10)
    assert reply.status_code == 200
    assert '"socketUrl": "http://127.0.0.1:5123"' in reply.text
    assert '"socketPath": "/socket.io/"' in reply.text


@pytest.mark.parametrize(
    "path",
    ["/../bot/settings.py", "/%2e%2e/bot/settings.py", "/careerbot/../../settings.py", "/.gitignore", "/nope.html",
     "/careerbot/%00.js"],
    ids=["dotdot", "encoded-dotdot", "nested-dotdot", "dotfile", "missing", "nul"],
)
def test_nothing_outside_the_web_folder(server: WebServer, settings: Settings, path: str) -> None:
    """Paths outside bot/web/, dot-files and missing files are 404s."""
    with socket.create_connection(("127.0.0.1", settings.web_port), timeout=10) as raw:
        raw.sendall(f"GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n".encode())
        answer = raw.recv(4096).decode("latin-1")
    assert answer.startswith("HTTP/1.0 404")


def test_other_methods_are_refused(server: WebServer, settings: Settings) -> None:
    """Only the counselor page takes forms: a POST elsewhere gets 405 without echoing anything back."""
    reply = requests.post(url(settings, "/"), data=b"<script>", timeout=10)
    assert reply.status_code == 405
    assert "<script>" not in reply.text


@pytest.mark.parametrize(
    "host, expected",
    [
        ("school.example:8000", "http://school.example:5123"),
        ("127.0.0.1:8000", "http://127.0.0.1:5123"),
        ("[::1]:8000", "http://[::1]:5123"),
        ("evil.example\"><script>", "http://localhost:5123"),
        (None, "http://localhost:5123"),
    ],
)
def test_socket_url_from_host_header(settings: Settings, host: str, expected: str) -> None:
    """The page's host is used when it is a plain host name; anything odd falls back to CAREERBOT_PUBLIC_HOST."""
    assert socket_url(settings, host) == expected


def test_socket_url_setting_wins(settings: Settings) -> None:
    """CAREERBOT_SOCKET_URL (e.g. behind a reverse proxy) overrides the computed URL."""
    assert socket_url(replace(settings, socket_url="https://bot.school.example/"), "x:1") == "https://bot.school.example"


def test_bundle_loses_its_google_fonts_import(tmp_path: Path) -> None:
    """The bundle is served without its fonts.googleapis.com import (no third-party request from students)."""
    bundle = tmp_path / "index.js"
    bundle.write_text(f"a=[{FONT_IMPORT}, 'rest'];", encoding="utf-8")
    served = load_bundle(bundle).decode("utf-8")
    assert "googleapis" not in served and "'rest'" in served


def test_missing_bundle_says_to_run_npm_ci(tmp_path: Path) -> None:
    """Without node_modules the server refuses to start and says how to install the widget."""
    with pytest.raises(WebError, match="npm ci"):
        load_bundle(tmp_path / "missing.js")


def test_port_in_use_is_a_clear_error(settings: Settings) -> None:
    """A busy web port stops the launch with a message naming the port and the setting."""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", settings.web_port))
        busy.listen()
        with pytest.raises(WebError, match=f"port {settings.web_port}.*CAREERBOT_WEB_PORT"):
            WebServer(settings, bundle=FAKE_BUNDLE).start()


def test_stop_frees_the_port(settings: Settings) -> None:
    """After stop() the port can be bound again (make run can be restarted at once)."""
    WebServer(settings, bundle=FAKE_BUNDLE).start().stop()
    with socket.socket() as again:
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", settings.web_port))


def test_resolve_static_finds_index_of_folder() -> None:
    """/ maps to index.html."""
    found = resolve_static("/")
    assert found is not None and found.name == "index.html"


def test_widget_files_are_cached_with_an_etag() -> None:
    """webchat.js (715 KB) and the loader are cached an hour, then revalidated: a matching ETag gets 304."""
    from bot.tools.webserver import WebServer

    server = WebServer(Settings(), bundle=b"console.log('webchat');")
    status, headers, body = server.respond("/careerbot/webchat.js", "localhost:8000")
    assert status == 200 and body and headers["Cache-Control"] == "public, max-age=3600" and headers["ETag"]
    again = server.respond("/careerbot/webchat.js", "localhost:8000", if_none_match=headers["ETag"])
    assert again[0] == 304 and again[2] == b""
    stale = server.respond("/careerbot/webchat.js", "localhost:8000", if_none_match='"old"')
    assert stale[0] == 200
    assert server.respond("/careerbot/config.js", "localhost:8000")[1]["Cache-Control"] == "no-cache"


def test_behind_the_proxy_the_socket_is_where_the_widget_came_from() -> None:
    """With X-Forwarded-Proto (the reverse proxy), the widget connects to the proxy's own address (wss)."""
    from bot.tools.webserver import socket_url

    settings = Settings()
    assert socket_url(settings, "bot.district.example", "https") == "https://bot.district.example"
    assert socket_url(settings, "127.0.0.1:8443", "https") == "https://127.0.0.1:8443"
    assert socket_url(settings, "bot.example", None).endswith(f":{settings.rasa_port}")
    assert socket_url(settings, "evil host/", "https").startswith("http://")
