"""The shipped reverse proxy (deploy/nginx/careerbot.conf) in Debian's nginx, with a self-signed certificate.

A school page on a second HTTPS origin carries the one-line snippet pointing at the
proxy; in Debian's Chromium the widget loads through the proxy and chats over wss
with only the documented settings (CAREERBOT_ALLOWED_ORIGINS, CAREERBOT_HOST).
Through the proxy, the REST channel, Rasa's HTTP API and the demo page are 404.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest
import requests
from playwright.sync_api import Browser, expect

from bot.paths import ROOT
from tests.e2e.test_widget_browser import BUTTONS, INPUT, LAUNCHER, WAIT_MS, bot_says, debian_chromium
from tests.support import BotProcess, free_port

# The test's certificate is self-signed: requests skips verification on purpose.
pytestmark = [pytest.mark.e2e, pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")]

CONFIG = ROOT / "deploy" / "nginx" / "careerbot.conf"
ARTIFACTS = ROOT / "artifacts" / "proxy"


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        pytest.fail("nginx is missing: run `make test` (it installs Debian's nginx) or "
                    "`scripts/install-system-packages.sh nginx`.")
    return found


def self_signed(folder: Path) -> Tuple[Path, Path]:
    """A certificate for 127.0.0.1 (openssl), as a district would make one for a test server."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


def render(config: str, proxy_port: int, bot: BotProcess, cert: Path, key: Path) -> str:
    """The shipped file with this test's ports and certificate (and without the port-80 redirect server)."""
    config = re.sub(r"server \{\s*listen 80;.*?\n\}\n", "", config, count=1, flags=re.S)
    config = config.replace("listen [::]:443 ssl;", "")
    config = config.replace("listen 443 ssl;", f"listen 127.0.0.1:{proxy_port} ssl;")
    config = config.replace("127.0.0.1:8000", f"127.0.0.1:{bot.web_port}")
    config = config.replace("127.0.0.1:5005", f"127.0.0.1:{bot.rasa_port}")
    config = config.replace("/etc/ssl/certs/careerbot.pem", str(cert))
    return config.replace("/etc/ssl/private/careerbot.key", str(key))


def wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not start:\n{log.read_text() if log.exists() else ''}") from None
            time.sleep(0.1)


class SchoolSite:
    """The district's own site on a second HTTPS origin, with the snippet pointing at the proxy."""

    def __init__(self, port: int, proxy: str, cert: Path, key: Path) -> None:
        page = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>District</title></head>'
                f'<body><main><h1>Lincoln District careers</h1></main>'
                f'<script src="{proxy}/careerbot/widget.js" defer></script></body></html>').encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


COUNSELOR_PASSWORD = "proxy-" + uuid.uuid4().hex


@pytest.fixture(scope="module")
def proxied(model, tmp_path_factory) -> Iterator[Tuple[str, str, BotProcess]]:
    """(proxy URL, school site URL, bot): the bot on 127.0.0.1 behind nginx, the site on its own origin."""
    folder = tmp_path_factory.mktemp("proxy")
    cert, key = self_signed(folder)
    proxy_port, site_port = free_port(), free_port()
    proxy, site = f"https://127.0.0.1:{proxy_port}", f"https://127.0.0.1:{site_port}"
    bot = BotProcess(folder / "var", env_overrides={"CAREERBOT_HOST": "127.0.0.1",
                                                    "CAREERBOT_ALLOWED_ORIGINS": site,
                                                    "CAREERBOT_COUNSELOR_PASSWORD": COUNSELOR_PASSWORD}).start()
    (folder / "careerbot.conf").write_text(render(CONFIG.read_text(), proxy_port, bot, cert, key))
    temp = folder / "temp"
    temp.mkdir()
    (folder / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")  # workers read the test's temp folder
        + f"worker_processes 1;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log {folder}/access.log;\n  client_body_temp_path {temp}/body;\n"
        f"  proxy_temp_path {temp}/proxy;\n  fastcgi_temp_path {temp}/fastcgi;\n  uwsgi_temp_path {temp}/uwsgi;\n"
        f"  scgi_temp_path {temp}/scgi;\n  include {folder}/careerbot.conf;\n}}\n")
    nginx = subprocess.Popen([nginx_binary(), "-p", str(folder), "-c", str(folder / "nginx.conf"),
                              "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    school = None
    try:
        wait_for_port(proxy_port, nginx, folder / "error.log")
        school = SchoolSite(site_port, proxy, cert, key)
        yield proxy, site, bot
    finally:
        if school:
            school.stop()
        nginx.terminate()
        nginx.wait(10)
        bot.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with debian_chromium() as launched:
        yield launched


def test_widget_on_an_https_site_chats_over_wss(proxied: Tuple[str, str, BotProcess], browser: Browser) -> None:
    """The school's HTTPS page loads the widget through the proxy and chats over wss (no mixed content)."""
    proxy, site, _ = proxied
    context = browser.new_context(ignore_https_errors=True)  # the test's self-signed certificate
    try:
        page = context.new_page()
        sockets: List[str] = []
        page.on("websocket", lambda ws: sockets.append(ws.url))
        blocked: List[str] = []
        page.on("console", lambda message: blocked.append(message.text) if "Mixed Content" in message.text else None)
        page.goto(site)
        expect(page.locator(LAUNCHER)).to_be_visible(timeout=WAIT_MS)
        page.locator(LAUNCHER).click()
        expect(page.locator(BUTTONS).first).to_be_visible(timeout=WAIT_MS)
        page.locator(INPUT).fill("how much do nurses make?")
        page.locator(INPUT).press("Enter")
        bot_says(page, "$81,220")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "https-site.png"))
        assert any(url.startswith(f"wss://127.0.0.1:{proxy.rsplit(':', 1)[1]}/socket.io/") for url in sockets), sockets
        assert not blocked, blocked
    finally:
        context.close()


@pytest.mark.parametrize("method, path", [
    ("POST", "/webhooks/rest/webhook"), ("GET", "/webhooks/rest/"), ("GET", "/webhooks/rest/ready"),
    ("GET", "/"), ("GET", "/version"), ("POST", "/model/parse"), ("GET", "/conversations/someone/tracker"),
    ("GET", "/index.html"), ("GET", "/webhooks/socketio/"),
])
def test_only_the_widget_socket_and_slack_go_through(proxied: Tuple[str, str, BotProcess], method: str,
                                                     path: str) -> None:
    """REST, Rasa's HTTP API and the demo page are 404 through the proxy, whatever the body."""
    proxy, _, _ = proxied
    reply = requests.request(method, proxy + path, json={"sender": "x", "message": "hi", "text": "hi"}, verify=False,
                             timeout=30)
    assert reply.status_code == 404, (path, reply.status_code, reply.text[:200])


def test_counselor_page_through_the_proxy(proxied: Tuple[str, str, BotProcess]) -> None:
    """The counselor page goes through, over HTTPS: its cookie is Secure, and wrong passwords count per browser
    address (the proxy's X-Forwarded-For), not for everyone behind the proxy."""
    proxy, _, bot = proxied
    refused = requests.get(proxy + "/counselor", allow_redirects=False, verify=False, timeout=30)
    assert refused.status_code == 303 and refused.headers["Location"] == "/counselor/login"
    session = requests.Session()
    signed = session.post(proxy + "/counselor/login", data={"password": COUNSELOR_PASSWORD}, allow_redirects=False,
                          verify=False, timeout=30)
    assert signed.status_code == 303
    cookie = signed.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    page = session.get(proxy + "/counselor", verify=False, timeout=30)
    assert page.status_code == 200 and "What students ask" in page.text
    assert "counselor page: signed in from 127.0.0.1" in bot.log()


def test_the_widget_script_is_compressed_and_cacheable(proxied: Tuple[str, str, BotProcess]) -> None:
    """webchat.js comes gzipped through the proxy, with Cache-Control and an ETag from the bot."""
    proxy, _, _ = proxied
    reply = requests.get(proxy + "/careerbot/webchat.js", headers={"Accept-Encoding": "gzip"}, verify=False,
                         timeout=30)
    assert reply.status_code == 200
    assert reply.headers.get("Content-Encoding") == "gzip"
    assert reply.headers.get("ETag") and "max-age" in reply.headers.get("Cache-Control", "")


def test_plain_http_is_not_served(proxied: Tuple[str, str, BotProcess]) -> None:
    """The proxy's port speaks only HTTPS: a plain HTTP request gets nginx's 400, never the widget."""
    proxy, _, _ = proxied
    reply = requests.get(proxy.replace("https://", "http://") + "/careerbot/widget.js", timeout=10)
    assert reply.status_code == 400 and "careerbot" not in reply.text.lower()
