"""Real REST conversations with both servers running: the facts students get."""

from __future__ import annotations

import re

import pytest

from tests.support import FIGURES, BotProcess, buttons_of, text_of

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    "question, facts",
    [
        ("how much do industrial production managers make?", ["$107,560", "May 2022", "Bureau of Labor Statistics"]),
        ("salary?", ["$107,560"]),
        ("is this job growing?", ["2 percent", "2022", "2032", "Bureau of Labor Statistics"]),
        ("how many job openings are there each year?", ["15,300"]),
        ("do i need a degree?", ["bachelor's degree"]),
        ("what should i major in?", ["business administration", "industrial engineering"]),
        ("do i need an MBA?", ["Master of Business Administration", "large plants"]),
        ("what skills do they need?", ["Interpersonal", "Leadership", "Problem-solving", "Time-management"]),
        ("where do they work?", ["production area", "office", "helmet"]),
        ("what does an industrial production manager do?", ["oversee the daily operations"]),
        ("what career cluster is it in?", ["Manufacturing"]),
        ("can a factory worker become a manager without a degree?", ["production workers", "first-line supervisor"]),
        ("will robots take their jobs?", ["productivity"]),
        ("what affects their pay?", ["experience", "geographic location"]),
    ],
)
def test_topic_answers_contain_facts(bot: BotProcess, sender: str, question: str, facts) -> None:
    """Each topic, asked the way a student would, gets its facts."""
    reply = text_of(bot.say(sender, question))
    for fact in facts:
        assert fact in reply, f"{question!r} → {reply!r}"


def test_openings_follow_up_after_outlook(bot: BotProcess, sender: str) -> None:
    """'and how many openings?' after outlook gives the openings figure."""
    assert "2 percent" in text_of(bot.say(sender, "what's the job outlook?"))
    assert "15,300" in text_of(bot.say(sender, "and how many openings?"))


def test_tell_me_more_uses_context(bot: BotProcess, sender: str) -> None:
    """'tell me more' after pay explains what pay depends on."""
    bot.say(sender, "how much do they make")
    more = text_of(bot.say(sender, "tell me more"))
    assert "geographic location" in more


@pytest.mark.parametrize(
    "question, expected",
    [
        ("how much do nurses make?", "$81,220"),
        ("what does a software engineer do?", "design computer applications"),
        ("how do i become a teacher?", "don't have information about teachers"),
        ("what's the job outlook for electricians?", "don't have information about electricians"),
    ],
)
def test_other_careers_never_get_our_figures(bot: BotProcess, sender: str, question: str, expected: str) -> None:
    """Even on industrial production managers' page, another career gets its own facts or an honest "I don't have"."""
    reply = text_of(bot.say(sender, question))
    assert expected in reply
    for figure in FIGURES:
        assert figure not in reply


@pytest.mark.parametrize("question", ["what's the weather tomorrow?", "tell me a joke", "how do i reset my password"])
def test_off_topic_gets_polite_redirect(bot: BotProcess, sender: str, question: str) -> None:
    """Off-topic chat gets a redirect with topic buttons, and no figures."""
    messages = bot.say(sender, question)
    reply = text_of(messages)
    assert not any(figure in reply for figure in FIGURES)
    assert re.search(r"can't help|didn't quite get", reply), reply
    assert "Pay" in buttons_of(messages)


def test_help_offers_topic_buttons(bot: BotProcess, sender: str) -> None:
    """'what can I ask?' lists topics as buttons that work."""
    messages = bot.say(sender, "what can i ask?")
    titles = buttons_of(messages)
    assert {"Pay", "Job outlook", "Skills", "Education"} <= set(titles)
    payload = next(b["payload"] for m in messages for b in m.get("buttons", []) if b["title"] == "Pay")
    assert "$107,560" in text_of(bot.say(sender, payload))


def test_greeting_and_bot_challenge(bot: BotProcess, sender: str) -> None:
    """A greeting introduces the bot with buttons; it admits being a bot."""
    greeting = bot.say(sender, "hi")
    assert "industrial production manager" in text_of(greeting)
    assert buttons_of(greeting)
    assert "I'm a bot" in text_of(bot.say(sender, "are you a real person?"))


def test_unknown_detail_is_not_guessed(bot: BotProcess, sender: str) -> None:
    """A question the knowledge file can't answer gets 'I don't know'."""
    reply = text_of(bot.say(sender, "do they get health insurance?"))
    assert "don't know" in reply
    assert not any(figure in reply for figure in FIGURES)


def test_conversations_are_separate(bot: BotProcess) -> None:
    """Two students' follow-ups don't mix: 'tell me more' follows each one's own topic."""
    bot.say("student-a-sep", "how much do they make?")
    bot.say("student-b-sep", "is the job growing?")
    assert "geographic location" in text_of(bot.say("student-a-sep", "tell me more"))
    assert "15,300" in text_of(bot.say("student-b-sep", "tell me more"))
