"""Chats seeded into a fresh store for the counselor page's tests, and what the page must count from them.

Used by tests/e2e/test_counselor_page.py (SQLite, in a browser) and
tests/scale/test_counselor_postgres.py (PostgreSQL), so both check the same numbers.
"""

from __future__ import annotations

import uuid
from typing import Dict, List

import requests

from tests.support import BotProcess

RUN = uuid.uuid4().hex[:6]
TERMINAL = f"terminal-seed{RUN}"
REST = f"rest-seed-{RUN}"
HANDOFF = f"rest-handoff-{RUN}"
CHATS: Dict[str, List[str]] = {
    TERMINAL: ["how much do registered nurses make?", "how much do astronauts make?", "what do zookeepers do?"],
    REST: ["what does an astronaut do all day?", "asdfgh qwerty zxcvb"],
    HANDOFF: ["can I talk to a counselor?", "yes"],
}
TEST_CHAT = f"convtest-seed-{RUN}"  # a counselor's own conversation test: never counted
TEST_CHAT_MESSAGE = "how much do astronauts make?"
# The messages the bot can't answer: careers it doesn't have, and gibberish.
UNANSWERED = {"how much do astronauts make?", "what do zookeepers do?", "what does an astronaut do all day?",
              "asdfgh qwerty zxcvb"}
# Careers it doesn't have, most asked first: career, conversations, messages.
NOT_IN_BOT = [["astronaut", "2", "2"], ["zookeeper", "1", "1"]]


def seed(bot: BotProcess) -> None:
    """Send the chats through the bot's REST channel (a terminal chat uses it too)."""
    for sender, messages in CHATS.items():
        for message in messages:
            bot.say(sender, message)
    bot.say(TEST_CHAT, TEST_CHAT_MESSAGE)


def signed_in(bot: BotProcess, password: str) -> requests.Session:
    """An HTTP session signed in to the bot's counselor page."""
    session = requests.Session()
    reply = session.post(f"http://127.0.0.1:{bot.web_port}/counselor/login", data={"password": password},
                         allow_redirects=False, timeout=10)
    assert reply.status_code == 303, reply.text
    return session
