"""The demo school page and its chat widget in a real browser (Debian's Chromium driven by Playwright).

Screenshots (desktop and phone width) are saved in ``artifacts/widget/`` (git-ignored).
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, List
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect, sync_playwright

from bot.paths import ROOT
from tests.support import BotProcess

pytestmark = pytest.mark.e2e

CHROMIUM = Path(os.environ.get("CAREERBOT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
]
ARTIFACTS = ROOT / "artifacts" / "widget"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
WAIT_MS = 60_000

LAUNCHER = ".rw-launcher"
INPUT = ".rw-new-message"
SEND = ".rw-send"
BOT_TEXT = ".rw-from-response .rw-message-text"
USER_TEXT = ".rw-from-client .rw-message-text"
BUTTONS = ".rw-replies .rw-reply"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium (installed by `make test`; Playwright's own browser download is never used).

    Module-scoped on purpose: Playwright's sync API runs an event loop in this thread while it is open,
    which would break the async tests (pytest-asyncio) of every module after this one.
    """
    with debian_chromium() as launched:
        yield launched


@contextmanager
def debian_chromium() -> Iterator[Browser]:
    """Debian's Chromium under Playwright (every browser test's ``browser`` fixture starts it this way)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium) or "
                    "`scripts/install-system-packages.sh chromium`.")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(autouse=True)
def bot_log_on_failure(request: pytest.FixtureRequest, bot: BotProcess) -> Iterator[None]:
    """If a test fails, print what the bot logged during it (pytest shows it with the failure)."""
    start, failed_before = len(bot.log()), request.session.testsfailed
    yield
    if request.session.testsfailed > failed_before:
        print(f"--- bot log during {request.node.name} ---\n{bot.log()[start:][-6000:]}")


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile (own sessionStorage) per test, desktop size."""
    fresh = browser.new_context(viewport=DESKTOP)
    yield fresh
    fresh.close()


# The demo career page: its snippet has data-career="industrial-production-manager", so the chat starts there.
CAREER_PAGE = "careers/industrial-production-manager.html"


def demo_url(bot: BotProcess, path: str = "") -> str:
    return f"http://127.0.0.1:{bot.web_port}/{path}"


def open_demo_page(context: BrowserContext, bot: BotProcess, path: str = "") -> Page:
    """Open a demo page and wait until the widget's launcher shows (it appears once the socket connects)."""
    page = context.new_page()
    page.goto(demo_url(bot, path))
    expect(page.locator(LAUNCHER)).to_be_visible(timeout=WAIT_MS)
    return page


def open_chat(page: Page) -> None:
    """Open the chat and wait for the welcome message's topic buttons."""
    page.locator(LAUNCHER).click()
    expect(page.locator(BUTTONS).first).to_be_visible(timeout=WAIT_MS)


def bot_says(page: Page, text: str) -> Locator:
    """The bot message containing ``text`` (waits for it)."""
    message = page.locator(BOT_TEXT, has_text=text).last
    expect(message).to_be_visible(timeout=WAIT_MS)
    return message


def ask(page: Page, question: str) -> None:
    """Type a question and press Enter, as a student does."""
    page.locator(INPUT).fill(question)
    page.locator(INPUT).press("Enter")


def screenshot(page: Page, name: str) -> Path:
    """Save a screenshot in artifacts/widget/ once the bot has finished "typing"."""
    expect(page.locator(".rw-dot")).to_have_count(0, timeout=WAIT_MS)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def test_page_and_widget_come_only_from_our_servers(context: BrowserContext, bot: BotProcess) -> None:
    """Every request the page makes goes to our web server or our Rasa server: no CDN, no web fonts."""
    requested: List[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = open_demo_page(context, bot)
    open_chat(page)
    ours = {f"127.0.0.1:{bot.web_port}", f"127.0.0.1:{bot.rasa_port}"}
    elsewhere = [url for url in requested if urlsplit(url).scheme in {"http", "https", "ws", "wss"}
                 and urlsplit(url).netloc not in ours]
    assert elsewhere == []
    assert any(url.endswith("/careerbot/webchat.js") for url in requested)
    assert any(f":{bot.rasa_port}/socket.io/" in url for url in requested)


def test_a_page_view_loads_the_widget_only_when_the_chat_is_opened(context: BrowserContext, bot: BotProcess) -> None:
    """Before the student opens the chat: no webchat.js (715 KB) and no socket; after: both, and the chat works."""
    requested: List[str] = []
    sockets: List[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = open_demo_page(context, bot)
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.wait_for_timeout(1500)  # time the widget would have taken to load and connect
    assert not any(url.endswith("/careerbot/webchat.js") for url in requested)
    assert not any("/socket.io/" in url for url in requested) and sockets == []
    open_chat(page)
    assert any(url.endswith("/careerbot/webchat.js") for url in requested)
    assert any("/socket.io/" in url for url in requested)
    ask(page, "how much do nurses make?")
    bot_says(page, "$81,220")


def test_banner_prints_the_demo_page_address(bot: BotProcess) -> None:
    """`make run` (python -m bot run) prints where the demo page is."""
    assert f"Web page:  http://localhost:{bot.web_port}" in bot.log()


def test_student_asks_a_question_and_clicks_a_button(context: BrowserContext, bot: BotProcess) -> None:
    """Desktop: welcome with topic buttons, a typed question gets the pay figure, a button gets the outlook."""
    page = open_demo_page(context, bot, CAREER_PAGE)
    screenshot(page, "desktop-closed")
    open_chat(page)
    bot_says(page, "career guide")
    titles = page.locator(BUTTONS).all_inner_texts()
    assert {"Pay", "Job outlook", "Skills"} <= set(titles)
    screenshot(page, "desktop-welcome")

    ask(page, "how much do they make?")
    expect(page.locator(USER_TEXT).last).to_have_text("how much do they make?")
    bot_says(page, "$107,560")

    ask(page, "what can I ask?")
    expect(page.locator(BUTTONS, has_text="Job outlook")).to_be_visible(timeout=WAIT_MS)
    page.locator(BUTTONS, has_text="Job outlook").click()
    bot_says(page, "2 percent")
    screenshot(page, "desktop-conversation")


def test_pathway_flow_by_buttons_reaches_the_plan(context: BrowserContext, bot: BotProcess) -> None:
    """The education pathway in the widget: its questions come with buttons, and clicking them ends in the plan."""
    page = open_demo_page(context, bot, CAREER_PAGE)
    open_chat(page)
    ask(page, "make me a plan")
    bot_says(page, "Where are you now?")
    high_school = page.locator(BUTTONS, has_text="High school")
    expect(high_school).to_be_visible(timeout=WAIT_MS)
    screenshot(page, "desktop-pathway-question")
    high_school.click()
    bot_says(page, "Which side sounds more like you?")
    business = page.locator(BUTTONS, has_text="Business / people side")
    expect(business).to_be_visible(timeout=WAIT_MS)
    business.click()
    bot_says(page, "step-by-step plan")
    plan = bot_says(page, "business administration").inner_text()
    assert re.search(r"\n2\. ", plan), f"the plan's steps should start on their own lines: {plan!r}"
    expect(page.locator(USER_TEXT, has_text="High school")).to_be_visible()  # the clicked choices show as the student's
    screenshot(page, "desktop-pathway-plan")


def test_user_text_is_shown_as_text_never_html(context: BrowserContext, bot: BotProcess) -> None:
    """Markup typed by a student appears literally in its bubble and creates no elements."""
    page = open_demo_page(context, bot)
    open_chat(page)
    typed = '<b>bold</b> <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>'
    ask(page, typed)
    bubble = page.locator(USER_TEXT).last
    expect(bubble).to_have_text(typed)
    assert bubble.locator("b, img, script").count() == 0
    expect(page.locator(BOT_TEXT).nth(1)).to_be_visible(timeout=WAIT_MS)  # the bot answered it
    assert page.evaluate("() => window.__pwned") is None


def test_widget_works_by_keyboard_and_is_labelled(context: BrowserContext, bot: BotProcess) -> None:
    """Tab reaches the launcher, Enter opens the chat with the input focused, buttons work with Enter, Esc closes."""
    page = open_demo_page(context, bot, CAREER_PAGE)
    launcher = page.locator(LAUNCHER)
    expect(launcher).to_have_attribute("aria-label", re.compile("Open the career chat"))
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('rw-launcher')"):
            break
    else:
        pytest.fail("Tab never reached the chat launcher")
    page.keyboard.press("Enter")
    expect(page.locator(BUTTONS).first).to_be_visible(timeout=WAIT_MS)
    expect(launcher).to_have_attribute("aria-label", re.compile("Close the career chat"))
    expect(launcher).to_have_attribute("aria-expanded", "true")
    expect(page.locator(INPUT)).to_be_focused()
    expect(page.locator(INPUT)).to_have_attribute("aria-label", re.compile(r"\w"))
    expect(page.locator(SEND)).to_have_attribute("aria-label", "Send")
    expect(page.locator(".rw-messages-container")).to_have_attribute("role", "log")

    page.keyboard.type("what skills do they need?")
    page.keyboard.press("Enter")
    bot_says(page, "Leadership")

    page.keyboard.type("what can I ask?")
    page.keyboard.press("Enter")
    pay = page.locator(BUTTONS, has_text="Pay")
    expect(pay).to_have_attribute("role", "button", timeout=WAIT_MS)
    expect(pay).to_have_attribute("tabindex", "0")
    pay.focus()
    page.keyboard.press("Enter")
    bot_says(page, "$107,560")

    page.keyboard.press("Escape")
    expect(page.locator(INPUT)).to_be_hidden()
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")


def test_a_counselor_sees_the_id_of_the_chat_they_are_in(context: BrowserContext, bot: BotProcess) -> None:
    """Typing "/chatid" in the widget shows this chat's id (the one the page keeps), to save it as a test."""
    page = open_demo_page(context, bot)
    open_chat(page)
    ask(page, "/chatid")
    shown = bot_says(page, "This chat's id is").inner_text()
    session = page.evaluate("() => JSON.parse(sessionStorage.getItem('chat_session')).session_id")
    assert session and session.startswith("web-") and f"make export-test ID={session}" in shown


def test_conversation_lives_in_session_storage_and_survives_reload(context: BrowserContext, bot: BotProcess) -> None:
    """The widget keeps its session in sessionStorage (not localStorage); a reload continues the conversation."""
    page = open_demo_page(context, bot, CAREER_PAGE)
    open_chat(page)
    ask(page, "how much do they make?")
    bot_says(page, "$107,560")
    storage: Dict[str, Any] = page.evaluate(
        "() => ({session: sessionStorage.getItem('chat_session'), local: localStorage.getItem('chat_session')})"
    )
    assert storage["session"] and '"session_id"' in storage["session"]
    assert storage["local"] is None

    page.reload()
    expect(page.locator(LAUNCHER)).to_be_visible(timeout=WAIT_MS)
    bot_says(page, "$107,560")  # the history is still shown
    ask(page, "tell me more")
    bot_says(page, "geographic location")  # and the server continued the same conversation

    first_session = page.evaluate("() => JSON.parse(sessionStorage.getItem('chat_session')).session_id")
    other_tab = context.new_page()  # sessionStorage belongs to one tab: a new tab starts a new conversation
    other_tab.goto(demo_url(bot, CAREER_PAGE))
    expect(other_tab.locator(LAUNCHER)).to_be_visible(timeout=WAIT_MS)
    other_tab.locator(LAUNCHER).click()
    expect(other_tab.locator(BUTTONS).first).to_be_visible(timeout=WAIT_MS)
    other_session = other_tab.evaluate("() => JSON.parse(sessionStorage.getItem('chat_session')).session_id")
    assert other_session and other_session != first_session
    assert other_tab.locator(BOT_TEXT, has_text="107,560").count() == 0


def test_phone_width(browser: Browser, bot: BotProcess) -> None:
    """At 390 px the page doesn't scroll sideways, the open chat fits the screen, and a question is answered."""
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    try:
        page = open_demo_page(phone, bot, CAREER_PAGE)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
        screenshot(page, "phone-closed")
        page.locator(LAUNCHER).tap()
        expect(page.locator(BUTTONS).first).to_be_visible(timeout=WAIT_MS)
        box = page.locator(".rw-conversation-container").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        ask(page, "how do I become one?")
        bot_says(page, "bachelor")
        expect(page.locator(INPUT)).to_be_in_viewport()
        screenshot(page, "phone-conversation")
    finally:
        phone.close()
