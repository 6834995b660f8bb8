"""Each custom action, run with the real domain, a tracker and a dispatcher."""

from __future__ import annotations

from typing import Any, Dict

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import TopicAction
from actions.context import ActionTellMore
from actions.scope import ActionAnswerUnknownDetail, ActionOtherCareer
from actions.skills import ActionAnswerSkills
from bot.career import answers
from tests.conftest import entity, make_tracker, texts


def _topic_actions() -> Dict[str, TopicAction]:
    import actions.education
    import actions.job
    import actions.outlook
    import actions.pay  # noqa: F401 - registers the subclasses

    found: Dict[str, TopicAction] = {}
    stack = list(TopicAction.__subclasses__())
    while stack:
        cls = stack.pop()
        stack += cls.__subclasses__()
        action = cls()
        found[action.topic] = action
    return found


def test_every_topic_has_an_action_in_the_domain(domain: Dict[str, Any]) -> None:
    """Every answer topic has an action, and every action is declared in domain.yml."""
    topic_actions = _topic_actions()
    assert set(topic_actions) == set(answers.TOPICS)
    for action in topic_actions.values():
        assert action.name() in domain["actions"]
    for extra in (ActionTellMore(), ActionOtherCareer(), ActionAnswerUnknownDetail()):
        assert extra.name() in domain["actions"]


@pytest.mark.parametrize("topic", sorted(answers.TOPICS))
async def test_topic_action_answers_and_remembers_topic(topic: str, domain, career, dispatcher: CollectingDispatcher) -> None:
    """The action sends the knowledge answer and records the topic for follow-ups."""
    action = _topic_actions()[topic]
    events = await action.run(dispatcher, make_tracker("question", f"ask_{topic}"), domain)
    assert texts(dispatcher) == answers.answer(career, topic).text
    assert events == [SlotSet("last_topic", topic)]


async def test_pay_for_another_career_gives_no_figures(domain, dispatcher: CollectingDispatcher) -> None:
    """'How much do nurses make?' misread as ask_pay still gets the honest other-career reply."""
    action = _topic_actions()["pay"]
    tracker = make_tracker("how much do nurses make", "ask_pay", [entity("occupation", "nurses")])
    events = await action.run(dispatcher, tracker, domain)
    assert events == []
    assert dispatcher.messages[0]["response"] == "utter_other_career"
    assert dispatcher.messages[0]["occupation"] == "nurses"
    assert "107" not in texts(dispatcher)


async def test_our_career_named_with_another_is_answered(domain, dispatcher: CollectingDispatcher) -> None:
    """Naming our career (and another) answers about ours."""
    action = _topic_actions()["pay"]
    tracker = make_tracker(
        "do production managers make more than teachers", "ask_pay",
        [entity("career", "production managers"), entity("occupation", "teachers")],
    )
    await action.run(dispatcher, tracker, domain)
    assert "$107,560" in texts(dispatcher)


async def test_other_career_action(domain, dispatcher: CollectingDispatcher) -> None:
    """The other-career reply names the career asked about and ours."""
    tracker = make_tracker("what does a software engineer do", "ask_other_career", [entity("occupation", "software engineer")])
    await ActionOtherCareer().run(dispatcher, tracker, domain)
    message = dispatcher.messages[0]
    assert message["response"] == "utter_other_career"
    assert message["occupation"] == "software engineer"
    assert message["known_careers"] == "industrial production managers"


async def test_other_career_action_without_entity(domain, dispatcher: CollectingDispatcher) -> None:
    """Without a recognised job title the reply still works."""
    await ActionOtherCareer().run(dispatcher, make_tracker("what do zookeepers do", "ask_other_career"), domain)
    assert dispatcher.messages[0]["occupation"] == "that career"


async def test_unknown_detail_says_it_does_not_know(domain, dispatcher: CollectingDispatcher) -> None:
    """A question the knowledge file doesn't cover gets 'I don't know', never a guess."""
    await ActionAnswerUnknownDetail().run(dispatcher, make_tracker("do they work weekends", "ask_unknown_detail"), domain)
    assert dispatcher.messages[0]["response"] == "utter_unknown_detail"
    assert dispatcher.messages[0]["career_plural"] == "industrial production managers"


@pytest.mark.parametrize("text, expected", [("is leadership important", "Yes, leadership skills matter"), ("what skills do i need", "Four skills")])
async def test_skills_action_one_or_all(text: str, expected: str, domain, dispatcher: CollectingDispatcher) -> None:
    """One named skill, or all four."""
    events = await ActionAnswerSkills().run(dispatcher, make_tracker(text, "ask_skills"), domain)
    assert expected in texts(dispatcher)
    assert events == [SlotSet("last_topic", "skills")]


async def test_tell_more_continues_from_last_topic(domain, career, dispatcher: CollectingDispatcher) -> None:
    """After pay, 'tell me more' explains what pay depends on."""
    tracker = make_tracker("tell me more", "tell_more", slots={"last_topic": "pay"})
    events = await ActionTellMore().run(dispatcher, tracker, domain)
    assert texts(dispatcher) == answers.pay_factors(career).text
    assert events == [SlotSet("last_topic", "pay_factors")]


async def test_tell_more_without_context_offers_topics(domain, dispatcher: CollectingDispatcher) -> None:
    """'Tell me more' as a first message offers the topics instead of guessing."""
    events = await ActionTellMore().run(dispatcher, make_tracker("tell me more", "tell_more"), domain)
    assert dispatcher.messages[0]["response"] == "utter_no_more"
    assert events == []


def test_responses_used_by_actions_exist(domain) -> None:
    """Every response an action refers to is defined in domain.yml."""
    for name in ("utter_other_career", "utter_unknown_detail", "utter_no_more", "utter_empty_message", "utter_message_too_long", "utter_technical_problem"):
        assert name in domain["responses"]
