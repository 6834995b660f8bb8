"""The second look at unsure messages (bot/career/backoff.py) and the actions that use it."""

from __future__ import annotations

from typing import List, Optional, Tuple

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import ActionTellMore
from actions.scope import ActionFallback, ActionOutOfScope
from bot.career import answers, backoff
from tests.conftest import entity, make_tracker, texts

Ranking = List[Tuple[str, float]]
VOCABULARY = backoff.load_vocabulary()
TOPICS = list(answers.TOPICS)


def decide(text: str, intent: str = "nlu_fallback", ranking: Optional[Ranking] = None, ours: bool = False,
           other: Optional[str] = None) -> Optional[backoff.Decision]:
    ranking = ranking if ranking is not None else [("nlu_fallback", 0.5)]
    return backoff.decide(text, intent, ranking, ours, other, VOCABULARY, TOPICS)


def ranked(*names: str) -> Ranking:
    """A fallback ranking: nlu_fallback first, then these intents with falling scores."""
    return [("nlu_fallback", 0.5)] + [(name, 0.45 - 0.1 * i) for i, name in enumerate(names)]


def test_every_vocabulary_topic_is_an_answer_topic() -> None:
    assert VOCABULARY.topics and VOCABULARY.references
    assert {entry.topic for entry in VOCABULARY.topics} <= set(answers.TOPICS)


def test_topics_with_figures_have_no_phrases() -> None:
    """A single word must never be enough to send a figure to an unsure message."""
    for entry in VOCABULARY.topics:
        if entry.topic in {"pay", "openings", "outlook"}:
            assert entry.phrases == (), entry.topic


@pytest.mark.parametrize(
    "text, ranking, expected",
    [
        # an unambiguous phrase decides on its own
        ("is time management a big deal in this job", ranked("ask_summary", "ask_skills"), "skills"),
        ("whats the career ladder for this job", ranked("ask_summary", "ask_outlook"), "how_to_become"),
        # a hint word needs the classifier's agreement and a reference to a job
        ("where do they do that", ranked("ask_summary", "ask_duty_workers", "ask_work_environment"), "work_environment"),
        ("is the number of these jobs going up or down", ranked("ask_outlook", "ask_duty_reports"), "outlook"),
    ],
)
def test_unsure_message_with_topic_words_gets_the_topic(text: str, ranking: Ranking, expected: str) -> None:
    assert decide(text, ranking=ranking) == backoff.Decision("topic", expected)


@pytest.mark.parametrize(
    "text, ranking",
    [
        ("where do eggs come from", ranked("ask_summary", "ask_work_environment")),  # no reference to a job
        ("where do they do that", ranked("ask_summary", "ask_duty_workers", "ask_products")),  # classifier disagrees
        ("how do i pay my phone bill", ranked("ask_pay_factors", "ask_duties", "ask_summary")),  # pay not ranked
        ("jkdfs kdjf skdjf", ranked("ask_summary")),
    ],
)
def test_unsure_message_without_enough_evidence_keeps_the_fallback(text: str, ranking: Ranking) -> None:
    assert decide(text, ranking=ranking) is None


def test_off_topic_is_only_reconsidered_when_it_names_our_career() -> None:
    ranking: Ranking = [("out_of_scope", 0.73), ("ask_unknown_detail", 0.09), ("ask_pay", 0.06)]
    text = "ok so my dad wants to know how much production managers earn"
    assert decide(text, "out_of_scope", ranking, ours=True) == backoff.Decision("topic", "pay")
    assert decide("how much money do i earn", "out_of_scope", ranking) is None


def test_our_career_just_under_the_threshold_gets_the_best_intent() -> None:
    ranking: Ranking = [("nlu_fallback", 0.5), ("ask_duties", 0.49), ("ask_summary", 0.15)]
    assert decide("what do production managers do at work", ranking=ranking, ours=True) == backoff.Decision(
        "topic", "duties"
    )
    low: Ranking = [("nlu_fallback", 0.5), ("ask_duties", 0.3)]
    assert decide("production managers hmm", ranking=low, ours=True) is None


def test_other_occupation_with_a_topic_word_is_another_career() -> None:
    assert decide("carpenter pay?", other="carpenter") == backoff.Decision("other_career", "carpenter")
    assert decide("plumbers make good money rite", other="plumbers") == backoff.Decision("other_career", "plumbers")
    # just mentioning someone is not a question about their career
    assert decide("my teacher is so annoying", "out_of_scope", [("out_of_scope", 0.9)], other="teacher") is None


def test_more_naming_a_topic_switches_topic() -> None:
    ranking: Ranking = [("tell_more", 0.51), ("ask_education", 0.43)]
    assert decide("ok and what about education", "tell_more", ranking) == backoff.Decision("topic", "education")
    assert decide("tell me more", "tell_more", [("tell_more", 0.99)]) is None


def test_mentions_matches_whole_words_only() -> None:
    assert backoff.mentions("Is it a 9-to-5 job?", "job")
    assert not backoff.mentions("jobless in america", "job")
    assert backoff.mentions("what's the CAREER LADDER", "career ladder")


# --- The actions ------------------------------------------------------------------------


def fallback_tracker(text: str, ranking: Ranking, entities=None, slots=None, intent: str = "nlu_fallback"):
    tracker = make_tracker(text, intent, entities, slots)
    tracker.latest_message["intent_ranking"] = [{"name": n, "confidence": c} for n, c in ranking]
    return tracker


async def test_fallback_action_answers_the_topic_it_found(domain, career, dispatcher: CollectingDispatcher) -> None:
    tracker = fallback_tracker("is time management a big deal in this job", ranked("ask_summary", "ask_skills"))
    events = await ActionFallback().run(dispatcher, tracker, domain)
    assert texts(dispatcher) == answers.answer(career, "skills", "time management").text
    assert events == [SlotSet("last_topic", "skills")]


async def test_fallback_action_keeps_the_fallback_reply(domain, dispatcher: CollectingDispatcher) -> None:
    await ActionFallback().run(dispatcher, fallback_tracker("jkdfs kdjf", ranked("affirm")), domain)
    assert dispatcher.messages[0]["response"] == "utter_fallback"


async def test_out_of_scope_action_keeps_the_scope_reply(domain, dispatcher: CollectingDispatcher) -> None:
    tracker = fallback_tracker("whats the weather", [("out_of_scope", 0.95)], intent="out_of_scope")
    await ActionOutOfScope().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["response"] == "utter_out_of_scope"


async def test_fallback_for_another_career_gives_no_figures(domain, dispatcher: CollectingDispatcher) -> None:
    tracker = fallback_tracker("carpenter pay?", ranked("ask_pay"), [entity("occupation", "carpenter")])
    await ActionFallback().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["response"] == "utter_other_career"
    assert dispatcher.messages[0]["occupation"] == "carpenter"


@pytest.mark.parametrize("action", [ActionFallback(), ActionTellMore()])
async def test_place_follow_up_after_pay_is_unknown_pay(action, domain, dispatcher: CollectingDispatcher) -> None:
    """ "and in ohio?" right after the pay: the file's average is national, so the bot says it doesn't know."""
    tracker = fallback_tracker("and in ohio?", ranked("inform"), slots={"last_topic": "pay"})
    await action.run(dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_unknown_detail"]


async def test_place_follow_up_after_another_topic_keeps_the_fallback(domain, dispatcher: CollectingDispatcher) -> None:
    tracker = fallback_tracker("and in ohio?", ranked("inform"), slots={"last_topic": "outlook"})
    await ActionFallback().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["response"] == "utter_fallback"


async def test_tell_more_naming_a_topic_answers_it(domain, career, dispatcher: CollectingDispatcher) -> None:
    tracker = fallback_tracker(
        "ok and what about education", [("tell_more", 0.51), ("ask_education", 0.43)], intent="tell_more",
        slots={"last_topic": "duties"},
    )
    await ActionTellMore().run(dispatcher, tracker, domain)
    assert texts(dispatcher).startswith(answers.answer(career, "education").text)


def test_the_actions_are_in_the_domain(domain) -> None:
    assert {"action_fallback", "action_out_of_scope"} <= set(domain["actions"])


async def test_after_the_skills_list_a_named_skill_gets_that_skill(domain, career, dispatcher) -> None:
    """"Which one is about deadlines?" right after the skills: the time-management skill, not the schedule duty."""
    from actions.job import ActionAnswerDutySchedule

    tracker = make_tracker("which one is about deadlines", "ask_duty_schedule", slots={"last_topic": "skills"})
    await ActionAnswerDutySchedule().run(dispatcher, tracker, domain)
    assert "production deadlines" in texts(dispatcher)
    dispatcher.messages.clear()
    await ActionAnswerDutySchedule().run(dispatcher, make_tracker("who handles deadlines", "ask_duty_schedule"), domain)
    # Without the list just before, it is the schedule duty (and the skill the question names).
    assert texts(dispatcher).startswith(answers.answer(career, "duty_schedule").text)


async def test_other_career_without_a_job_title_takes_the_second_look(domain, career, dispatcher) -> None:
    """"And which one is about being a leader?" after the skills is about our career, not another one."""
    from actions.scope import ActionOtherCareer

    tracker = fallback_tracker(
        "and which one is about being a leader", [("ask_other_career", 0.6), ("ask_skills", 0.2)],
        intent="ask_other_career", slots={"last_topic": "skills"},
    )
    await ActionOtherCareer().run(dispatcher, tracker, domain)
    assert "motivate and direct" in texts(dispatcher)


async def test_other_career_with_only_a_hint_word_stays_another_career(domain, dispatcher) -> None:
    """Without a job title, a hint word is not enough to answer about our career."""
    from actions.scope import ActionOtherCareer

    tracker = fallback_tracker(
        "i wanna be a production assistant on movie sets how do i start",
        [("ask_other_career", 0.6), ("ask_how_to_become", 0.2)], intent="ask_other_career",
    )
    await ActionOtherCareer().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["response"] == "utter_other_career"


def test_two_best_intents_of_one_family_get_the_general_answer() -> None:
    """Sure about the topic, unsure about the detail: the family's general answer covers both guesses."""
    ranking: Ranking = [("nlu_fallback", 0.5), ("ask_openings", 0.39), ("ask_outlook", 0.38), ("ask_pay", 0.09)]
    assert decide("is it easy to find a job as one", ranking=ranking) == backoff.Decision("topic", "outlook")
    duties: Ranking = [("nlu_fallback", 0.5), ("ask_duty_machines", 0.4), ("ask_duty_workers", 0.37)]
    text = "does a production manager manage people or machines or both"
    assert decide(text, ranking=duties, ours=True) == backoff.Decision("topic", "duties")
    what: Ranking = [("nlu_fallback", 0.5), ("ask_duties", 0.33), ("ask_summary", 0.31)]
    assert decide("so what do they do", ranking=what) == backoff.Decision("topic", "summary")


def test_family_rule_needs_the_family_a_reference_and_enough_confidence() -> None:
    mixed: Ranking = [("nlu_fallback", 0.5), ("ask_openings", 0.39), ("ask_pay", 0.38)]
    assert decide("is it easy to find a job as one", ranking=mixed) is None
    weak: Ranking = [("nlu_fallback", 0.5), ("ask_openings", 0.29), ("ask_outlook", 0.28)]
    assert decide("is it easy to find a job as one", ranking=weak) is None
    family: Ranking = [("nlu_fallback", 0.5), ("ask_openings", 0.39), ("ask_outlook", 0.38)]
    assert decide("easy to find???", ranking=family) is None


def test_pointing_back_at_the_last_answer_gets_its_topic_again() -> None:
    """ "when is that number from?" after the pay: the pay answer again (it carries the date)."""
    assert backoff.back_reference("when is that number from", "pay", VOCABULARY) == backoff.Decision("topic", "pay")
    assert backoff.back_reference("ok but whats the actual number", "openings", VOCABULARY) == backoff.Decision(
        "topic", "openings"
    )
    assert backoff.back_reference("when is that number from", None, VOCABULARY) is None
    assert backoff.back_reference("what's the weather", "pay", VOCABULARY) is None


async def test_out_of_scope_pointing_back_answers_the_last_topic(domain, career, dispatcher) -> None:
    tracker = fallback_tracker(
        "when is that number from", [("out_of_scope", 0.8)], intent="out_of_scope", slots={"last_topic": "pay"}
    )
    await ActionOutOfScope().run(dispatcher, tracker, domain)
    assert texts(dispatcher) == answers.answer(career, "pay").text


async def test_place_only_follow_up_after_pay_read_as_another_topic_is_unknown_pay(domain, dispatcher) -> None:
    """ "in new york?" right after the pay may be classified as the work environment: still the unknown pay."""
    from actions.job import ActionAnswerWorkEnvironment

    tracker = make_tracker("in new york?", "ask_work_environment", slots={"last_topic": "pay"})
    await ActionAnswerWorkEnvironment().run(dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_unknown_detail"]
    dispatcher.messages.clear()
    tracker = make_tracker("where do they work in new york", "ask_work_environment", slots={"last_topic": "pay"})
    await ActionAnswerWorkEnvironment().run(dispatcher, tracker, domain)
    assert "nearby office" in texts(dispatcher)


def test_what_about_a_topic_refers_to_the_conversation() -> None:
    """ "ok and what about education" just under the threshold: the education answer, not "I didn't get that"."""
    ranking: Ranking = [("ask_education", 0.49), ("tell_more", 0.39)]
    assert decide("ok and what about education", ranking=ranking) == backoff.Decision("topic", "education")
