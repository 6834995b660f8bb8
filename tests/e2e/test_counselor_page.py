"""The counselor page in a real browser (Debian's Chromium, Playwright) against a real bot with seeded chats.

The bot runs with its own empty store; the chats below are sent through its real
channels (REST, the terminal's id, the web widget's socket) before the tests, so
every number the page shows is known. Screenshots: ``artifacts/counselor/``.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from typing import Iterator, List

import pytest
import requests
from playwright.sync_api import Browser, BrowserContext, Page, expect

from bot.conversations.format import parse_text
from bot.paths import ROOT
from tests.counselor_seed import CHATS, HANDOFF, NOT_IN_BOT, REST, TERMINAL, TEST_CHAT, UNANSWERED, seed
from tests.e2e.socket_support import ChatSocket, page_origin
from tests.e2e.test_widget_browser import DESKTOP, PHONE, debian_chromium
from tests.support import BotProcess, stored_student_messages

pytestmark = pytest.mark.e2e

PASSWORD = "counselor-" + uuid.uuid4().hex[:8]
ARTIFACTS = ROOT / "artifacts" / "counselor"

WEB_MESSAGES = ["what is the job outlook for civil engineers?"]  # one more chat, through the widget's socket


@pytest.fixture(scope="module")
def counselor_bot(model, tmp_path_factory) -> Iterator[BotProcess]:
    """A bot with the counselor page on (a password), its own store, and the chats above sent to it."""
    var_dir = tmp_path_factory.mktemp("counselor-var")
    saved = tmp_path_factory.mktemp("saved-tests")
    process = BotProcess(var_dir, env_overrides={"CAREERBOT_COUNSELOR_PASSWORD": PASSWORD,
                                                 "CAREERBOT_SAVED_TESTS_DIR": str(saved)}).start()
    try:
        seed(process)
        chat = ChatSocket(process.url, page_origin(process)).connect()
        web_id = chat.start_session()
        for message in WEB_MESSAGES:
            chat.any_reply(message)
        stored_student_messages(var_dir, web_id, at_least=len(WEB_MESSAGES))
        chat.close()
        process.web_id = web_id  # type: ignore[attr-defined]
        process.saved_dir = saved  # type: ignore[attr-defined]
        yield process
    finally:
        process.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, as in test_widget_browser.py (module-scoped for the same reason)."""
    with debian_chromium() as launched:
        yield launched


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    fresh = browser.new_context(viewport=DESKTOP)
    yield fresh
    fresh.close()


def base(bot: BotProcess) -> str:
    return f"http://127.0.0.1:{bot.web_port}"


def sign_in(page: Page, bot: BotProcess, password: str = PASSWORD) -> None:
    """Sign in with the keyboard only: the password field has focus; Enter submits."""
    page.goto(f"{base(bot)}/counselor")
    expect(page.get_by_role("heading", name="Counselor sign-in")).to_be_visible()
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def table_rows(page: Page, caption: str) -> List[List[str]]:
    """The cells of the table with this caption, row by row."""
    table = page.locator("table", has=page.locator("caption", has_text=caption))
    return [[cell.strip() for cell in row.locator("td").all_inner_texts()] for row in table.locator("tbody tr").all()]


def card(page: Page, label: str) -> int:
    return int(page.locator(".card", has_text=label).locator("strong").inner_text())


def test_everything_is_refused_without_signing_in(counselor_bot: BotProcess) -> None:
    url = base(counselor_bot)
    page = requests.get(f"{url}/counselor", allow_redirects=False, timeout=10)
    assert page.status_code == 303 and page.headers["Location"] == "/counselor/login"
    for path in ["/counselor/days.csv", "/counselor/unanswered.csv"]:
        assert requests.get(url + path, timeout=10).status_code == 401
    forget = requests.post(f"{url}/counselor/conversation/forget", data={"id": REST}, timeout=10)
    assert forget.status_code == 401
    assert stored_student_messages(counselor_bot.var_dir, REST) == len(CHATS[REST])
    forged = requests.get(f"{url}/counselor", cookies={"careerbot_counselor": "made-up"}, allow_redirects=False,
                          timeout=10)
    assert forged.status_code == 303
    login = requests.get(f"{url}/counselor/login", timeout=10)
    assert login.status_code == 200 and "no-store" in login.headers["Cache-Control"]
    assert "astronaut" not in login.text


def test_wrong_password_is_refused_and_logged_without_the_password(context: BrowserContext,
                                                                    counselor_bot: BotProcess) -> None:
    page = context.new_page()
    sign_in(page, counselor_bot, password="not-the-password")
    expect(page.get_by_role("alert")).to_have_text("That password is not right.")
    assert "not-the-password" not in counselor_bot.log()
    assert "counselor page: wrong password from 127.0.0.1" in counselor_bot.log()


def test_the_page_counts_exactly_what_was_seeded(context: BrowserContext, counselor_bot: BotProcess) -> None:
    page = context.new_page()
    sign_in(page, counselor_bot)
    expect(page.get_by_role("heading", name="What students ask")).to_be_visible()
    assert "counselor page: signed in from 127.0.0.1" in counselor_bot.log() and PASSWORD not in counselor_bot.log()
    messages = sum(len(m) for m in CHATS.values()) + len(WEB_MESSAGES)
    assert card(page, "conversations") == len(CHATS) + 1
    assert card(page, "student messages") == messages
    assert sorted(row[1] for row in table_rows(page, "Newest first")) == sorted(UNANSWERED)
    assert card(page, "messages not answered") == len(UNANSWERED)
    assert card(page, "handoffs and crisis flags waiting") == 1
    days = table_rows(page, "Per day")
    assert sum(int(row[2]) for row in days) == messages and sum(int(row[1]) for row in days) == len(CHATS) + 1
    assert table_rows(page, "Careers not in the bot") == NOT_IN_BOT
    known = {row[0]: row[1:] for row in table_rows(page, "Careers in the bot")}
    assert known["registered nurse"] == ["1", "1"] and known["civil engineer"] == ["1", "1"]
    topics = {row[0]: int(row[1]) for row in table_rows(page, "Career questions by topic")}
    assert topics["pay"] == 1 and topics["outlook"] == 1
    channels = {row[0]: row[1:] for row in table_rows(page, "Where students chatted")}
    assert channels == {"terminal": ["1", "3"], "REST": ["2", "4"], "web page": ["1", "1"]}
    assert TEST_CHAT not in page.content()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "desktop.png"), full_page=True)


def test_csv_downloads_hold_the_same_rows(context: BrowserContext, counselor_bot: BotProcess) -> None:
    page = context.new_page()
    sign_in(page, counselor_bot)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download all careers asked about (CSV)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert text[0] == "career,in_bot,conversations,messages"
    assert text[1] == "astronaut,no,2,2"  # most asked first
    assert "zookeeper,no,1,1" in text and "registered nurse,yes,1,1" in text


def test_handoff_waits_until_marked_seen(context: BrowserContext, counselor_bot: BotProcess) -> None:
    page = context.new_page()
    sign_in(page, counselor_bot)
    waiting = page.locator("#waiting")
    expect(waiting).to_contain_text("Handoff: student asked for a counselor")
    expect(waiting).to_contain_text(HANDOFF)
    waiting.get_by_role("button", name="Mark").click()
    expect(page.locator("#waiting")).to_contain_text("Nothing waiting.")
    assert card(page, "handoffs and crisis flags waiting") == 0


def test_save_a_conversation_as_a_test(context: BrowserContext, counselor_bot: BotProcess) -> None:
    page = context.new_page()
    sign_in(page, counselor_bot)
    page.get_by_role("link", name=TERMINAL).first.click()
    expect(page.get_by_role("heading", name=f"Conversation {TERMINAL}")).to_be_visible()
    expect(page.locator(".chat")).to_contain_text("how much do astronauts make?")
    page.get_by_role("link", name="Save as test").click()
    expect(page.get_by_role("heading", name="Save as test")).to_be_visible()
    page.get_by_role("button", name="Save as test").click()
    expect(page.get_by_role("status")).to_contain_text("Saved as")
    saved = list(Path(counselor_bot.saved_dir).glob("saved-*.yml"))  # type: ignore[attr-defined]
    assert len(saved) == 1
    suite = parse_text(saved[0].read_text(encoding="utf-8"), saved[0])
    said = [turn.student for conversation in suite.conversations for turn in conversation.turns]
    assert said == CHATS[TERMINAL]


def test_forget_a_conversation(context: BrowserContext, counselor_bot: BotProcess) -> None:
    page = context.new_page()
    sign_in(page, counselor_bot)
    page.goto(f"{base(counselor_bot)}/counselor/conversation?id={REST}")
    page.get_by_role("link", name="Forget this conversation").click()
    page.get_by_role("link", name="Cancel").click()  # cancelling keeps it
    assert stored_student_messages(counselor_bot.var_dir, REST) == len(CHATS[REST])
    page.get_by_role("link", name="Forget this conversation").click()
    page.get_by_role("button", name="Forget it").click()
    expect(page.get_by_role("status")).to_contain_text("deleted from the store")
    with sqlite3.connect(counselor_bot.var_dir / "tracker.db") as db:
        assert db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (REST,)).fetchone()[0] == 0
    page.goto(f"{base(counselor_bot)}/counselor")
    assert REST not in page.content()
    assert ["astronaut", "1", "1"] in table_rows(page, "Careers not in the bot")


def test_phone_width_and_sign_out(browser: Browser, counselor_bot: BotProcess) -> None:
    phone = browser.new_context(viewport=PHONE, is_mobile=True)
    try:
        page = phone.new_page()
        sign_in(page, counselor_bot)
        expect(page.get_by_role("heading", name="What students ask")).to_be_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page is {overflow}px wider than the phone"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "phone.png"), full_page=True)
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("heading", name="Counselor sign-in")).to_be_visible()
        page.goto(f"{base(counselor_bot)}/counselor")
        expect(page.get_by_role("heading", name="Counselor sign-in")).to_be_visible()
    finally:
        phone.close()
