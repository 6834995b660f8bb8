"""Load: 50 students talking at once, 20 turns each: no errors, and every turn is in the tracker store."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import List, Tuple

import pytest
import requests

from bot.channels.guard import reply_text
from tests.stores import events_of, user_texts
from tests.support import BotProcess, text_of

pytestmark = pytest.mark.e2e

STUDENTS = 50
SCRIPT = [
    "hi", "what do they do?", "tell me more", "how much do they make?", "tell me more",
    "what skills do they need?", "what's the job outlook?", "how many openings?", "do i need a degree?",
    "make me a plan", "high school", "business and people",
    "what should i do next?", "where do they work?", "will robots replace them?",
    "how much does a software engineer make?", "thanks", "what can i ask?", "are you a bot?", "bye",
]
assert len(SCRIPT) == 20


def _student(bot: BotProcess, sender: str) -> List[Tuple[int, str]]:
    """Run one student's 20 turns; return the problems (turn number, what went wrong)."""
    problems: List[Tuple[int, str]] = []
    apology = reply_text("utter_technical_problem")
    with requests.Session() as session:
        for turn, text in enumerate(SCRIPT):
            try:
                reply = session.post(bot.rest_url, json={"sender": sender, "message": text}, timeout=300)
            except requests.RequestException as error:
                problems.append((turn, type(error).__name__))
                continue
            if reply.status_code != 200:
                problems.append((turn, f"HTTP {reply.status_code}"))
            elif not reply.json() or text_of(reply.json()) == apology:
                problems.append((turn, f"no answer: {reply.text[:80]}"))
    return problems


def test_fifty_concurrent_students_lose_nothing(bot: BotProcess) -> None:
    run = uuid.uuid4().hex[:8]
    senders = [f"load-{run}-{n}" for n in range(STUDENTS)]
    with ThreadPoolExecutor(max_workers=STUDENTS) as pool:
        results = dict(zip(senders, pool.map(lambda s: _student(bot, s), senders), strict=True))
    errors = {sender: problems for sender, problems in results.items() if problems}
    assert not errors, errors

    url = f"sqlite:///{bot.var_dir / 'tracker.db'}"
    for sender in senders:
        events = events_of(url, sender)
        assert user_texts(events) == SCRIPT, f"{sender}: turns lost, duplicated or out of order"
        assert sum(1 for e in events if e["type_name"] == "bot") >= len(SCRIPT), f"{sender}: replies missing"


def test_long_conversation_keeps_getting_answers(bot: BotProcess, sender: str) -> None:
    """Rasa sends the whole conversation to the action server each turn; a long one (60 turns) must still work."""
    apology = reply_text("utter_technical_problem")
    for turn in range(60):
        reply = text_of(bot.say(sender, SCRIPT[turn % len(SCRIPT)]))
        assert reply and reply != apology, f"turn {turn}: {reply!r}"
