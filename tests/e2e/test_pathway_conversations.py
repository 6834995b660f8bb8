"""The education pathway over REST: every starting point, digression, stop, correction, memory."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

from tests.support import BotProcess, buttons_of, text_of

pytestmark = pytest.mark.e2e


def click(bot: BotProcess, sender: str, messages: List[Dict[str, Any]], title: str) -> List[Dict[str, Any]]:
    """Press the button with this title in the last reply."""
    for message in messages:
        for button in message.get("buttons") or []:
            if button["title"] == title:
                return bot.say(sender, button["payload"])
    raise AssertionError(f"no button {title!r} in {buttons_of(messages)}")


@pytest.mark.parametrize(
    "answers, plan_facts",
    [
        (["I'm in 7th grade", "the technical side"], ["Industrial Engineering", "bachelor's degree in industrial engineering", "first-line supervisor"]),
        (["high school", "business and people"], ["business administration", "first-line supervisor", "MBA"]),
        (["I'm a college student", "history"], ["any field", "Management and Leadership", "first-line supervisor"]),
        (["college", "industrial engineering"], ["industrial engineering", "Management and Leadership"]),
        (["I work on the assembly line at a plant", "no", "about 10 years"], ["company-sponsored classes", "first-line supervisor"]),
        (["I work in manufacturing", "yes I have a bachelor's", "3 years"], ["first-line supervisor", "graduate degree in industrial management"]),
        (["I work in retail and want to change careers", "no degree"], ["bachelor's degree", "management classes", "production"]),
    ],
    ids=["middle-school", "high-school", "college-other", "college-engineering", "worker-no-degree", "worker-degree", "career-changer"],
)
def test_each_starting_point_typed_answers_get_a_plan(bot: BotProcess, sender: str, answers: List[str], plan_facts: List[str]) -> None:
    """Typed answers only (as in Slack or a terminal) lead to a plan with the right facts."""
    first = bot.say(sender, "I want to become an industrial production manager, what should I do?")
    assert "Where are you now?" in text_of(first)
    reply: List[Dict[str, Any]] = first
    for answer in answers:
        reply = bot.say(sender, answer)
    plan = text_of(reply)
    assert "step-by-step plan" in plan, plan
    for fact in plan_facts:
        assert fact in plan, f"missing {fact!r} in {plan!r}"
    assert "Why:" in plan


def test_buttons_lead_to_the_plan(bot: BotProcess, sender: str) -> None:
    """The same flow works by clicking buttons (as in the web widget)."""
    first = bot.say(sender, "make me a plan")
    assert "High school" in buttons_of(first)
    second = click(bot, sender, first, "High school")
    assert "Which side sounds more like you?" in text_of(second)
    plan = text_of(click(bot, sender, second, "Business / people side"))
    assert "business administration" in plan and "High school" in plan


def test_how_to_become_answers_then_starts_the_flow(bot: BotProcess, sender: str) -> None:
    """'How do I become one?' gets the facts and then the first question."""
    reply = text_of(bot.say(sender, "how do i become an industrial production manager?"))
    assert "bachelor's degree" in reply and "first-line supervisor" in reply
    assert "Where are you now?" in reply


def test_digression_is_answered_then_flow_resumes(bot: BotProcess, sender: str) -> None:
    """'wait, how much do they make?' mid-flow gets the pay answer and the same question again."""
    bot.say(sender, "i want to become a production manager")
    bot.say(sender, "high school")
    reply = text_of(bot.say(sender, "wait, how much do they make?"))
    assert "$107,560" in reply
    assert "Which side sounds more like you?" in reply
    assert "industrial engineering" in text_of(bot.say(sender, "engineering"))


@pytest.mark.parametrize("stop", ["stop", "never mind", "forget it"])
def test_stop_leaves_cleanly_and_says_how_to_come_back(bot: BotProcess, sender: str, stop: str) -> None:
    """Stopping ends the flow, says how to return, and the bot answers normally afterwards."""
    bot.say(sender, "i want to become one")
    reply = text_of(bot.say(sender, stop))
    assert "make my plan" in reply
    assert "$107,560" in text_of(bot.say(sender, "how much do they make?"))


def test_invalid_answers_reasked_then_explained_then_stopped(bot: BotProcess, sender: str) -> None:
    """Unclear answers: re-asked with buttons, then explained with a Stop offer, then the flow ends."""
    bot.say(sender, "i want to become a production manager")
    first = bot.say(sender, "purple elephant")
    assert "didn't catch that" in text_of(first) and "High school" in buttons_of(first)
    second = bot.say(sender, "blorp zzz")
    assert "I need to know where you are today" in text_of(second)
    assert "Stop" in buttons_of(second)
    third = text_of(bot.say(sender, "qwerty uiop"))
    assert "stop the plan here" in third
    assert "$107,560" in text_of(bot.say(sender, "how much do they make?"))


def test_correction_changes_answer_and_plan(bot: BotProcess, sender: str) -> None:
    """'actually I'm in college' after the plan asks for the major and gives a college plan."""
    bot.say(sender, "i want to become a production manager")
    bot.say(sender, "high school")
    assert "High school" in text_of(bot.say(sender, "technical"))
    reply = text_of(bot.say(sender, "actually i'm in college"))
    assert "major" in reply
    plan = text_of(bot.say(sender, "business"))
    assert "College student" in plan and "business administration" in plan


def test_correction_mid_flow(bot: BotProcess, sender: str) -> None:
    """A correction while another question is open switches the follow-up question."""
    bot.say(sender, "make me a plan")
    bot.say(sender, "middle school")
    reply = text_of(bot.say(sender, "wait, actually i'm in college"))
    assert "major" in reply


def test_memory_and_start_over(bot: BotProcess, sender: str) -> None:
    """'What should I do next?' reuses the answers; 'start over' clears them."""
    bot.say(sender, "i want to become a production manager")
    bot.say(sender, "college")
    bot.say(sender, "engineering")
    bot.say(sender, "what skills do they need?")
    again = text_of(bot.say(sender, "what should i do next?"))
    assert "College student" in again and "Where are you now?" not in again
    cleared = text_of(bot.say(sender, "start over"))
    assert "cleared your answers" in cleared
    assert "Where are you now?" in text_of(bot.say(sender, "what should i do next?"))


def test_education_answer_offers_the_plan_button(bot: BotProcess, sender: str) -> None:
    """After an education answer the plan is offered as a button, and the button starts it."""
    reply = bot.say(sender, "do i need a degree?")
    assert "Make my step-by-step plan" in buttons_of(reply)
    assert "Where are you now?" in text_of(click(bot, sender, reply, "Make my step-by-step plan"))


def test_two_students_do_not_share_a_pathway(bot: BotProcess) -> None:
    """Answers are per conversation."""
    bot.say("path-a", "i want to become a production manager")
    bot.say("path-b", "i want to become a production manager")
    bot.say("path-a", "high school")
    assert "Where are you now?" in text_of(bot.say("path-b", "what should i do next?"))
