"""Pathway actions with the real domain, trackers and a dispatcher."""

from __future__ import annotations

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.pathway import ActionAskPathwayStage, ActionPathwayPlan, ValidatePathwayForm
from tests.conftest import entity, make_tracker, texts

FORM = {"name": "pathway_form"}


def _slots(**values):
    return {"requested_slot": values.pop("requested", None), "pathway_failed_tries": values.pop("failed", 0.0), **values}


async def test_answer_fills_slot_and_requests_next(domain, dispatcher: CollectingDispatcher) -> None:
    """'high school' fills the stage and asks about interest next."""
    tracker = make_tracker("i'm in high school", "inform", slots=_slots(requested="pathway_stage"), active_loop=FORM)
    events = await ValidatePathwayForm().run(dispatcher, tracker, domain)
    assert SlotSet("pathway_stage", "high_school") in events
    assert events[-1] == SlotSet("requested_slot", "pathway_interest")
    assert dispatcher.messages == []


async def test_button_payload_fills_slot(domain, dispatcher: CollectingDispatcher) -> None:
    """A button click (entity payload) is taken as the answer."""
    tracker = make_tracker(
        '/inform{"pathway_stage": "college"}', "inform", [entity("pathway_stage", "college")],
        slots=_slots(requested="pathway_stage"), active_loop=FORM,
    )
    events = await ValidatePathwayForm().run(dispatcher, tracker, domain)
    assert SlotSet("pathway_stage", "college") in events
    assert events[-1] == SlotSet("requested_slot", "pathway_major")


async def test_digression_is_answered_and_question_repeated(domain, dispatcher: CollectingDispatcher) -> None:
    """'wait, how much do they make?' gets the pay answer; the same question is asked again."""
    tracker = make_tracker("wait, how much do they make?", "ask_pay", slots=_slots(requested="pathway_stage"), active_loop=FORM)
    events = await ValidatePathwayForm().run(dispatcher, tracker, domain)
    assert "$107,560" in texts(dispatcher)
    assert events[-1] == SlotSet("requested_slot", "pathway_stage")
    assert SlotSet("pathway_failed_tries", 0.0) in events


async def test_stop_rejects_so_the_stop_rule_runs(domain, dispatcher: CollectingDispatcher) -> None:
    """'never mind' returns no events: Rasa rejects the form and the stop rule takes over."""
    tracker = make_tracker("never mind", "stop", slots=_slots(requested="pathway_stage"), active_loop=FORM)
    assert await ValidatePathwayForm().run(dispatcher, tracker, domain) == []


async def test_unclear_answers_are_counted_then_the_flow_ends(domain, dispatcher: CollectingDispatcher) -> None:
    """Each unclear answer counts; the third ends the flow instead of looping."""
    action = ValidatePathwayForm()
    first = await action.run(dispatcher, make_tracker("pizza", "nlu_fallback", slots=_slots(requested="pathway_stage"), active_loop=FORM), domain)
    assert SlotSet("pathway_failed_tries", 1.0) in first and first[-1] == SlotSet("requested_slot", "pathway_stage")
    third = await action.run(
        dispatcher, make_tracker("pizza", "nlu_fallback", slots=_slots(requested="pathway_stage", failed=2.0), active_loop=FORM), domain
    )
    assert SlotSet("pathway_exit", "gave_up") in third
    assert third[-1] == SlotSet("requested_slot", None)


async def test_ask_action_offers_buttons_and_explains_after_two_failures(domain) -> None:
    """The question comes with option buttons; after two failures the bot explains and offers to stop."""
    fresh = CollectingDispatcher()
    await ActionAskPathwayStage().run(fresh, make_tracker(slots=_slots()), domain)
    assert [b["title"] for b in fresh.messages[0]["buttons"]][:2] == ["Middle school", "High school"]
    struggling = CollectingDispatcher()
    await ActionAskPathwayStage().run(struggling, make_tracker(slots=_slots(failed=2.0)), domain)
    assert "I need to know where you are today" in struggling.messages[0]["text"]
    assert struggling.messages[-1]["response"] == "utter_pathway_offer_stop"


async def test_plan_action_builds_the_plan_from_answers(domain, dispatcher: CollectingDispatcher) -> None:
    """The plan names the student's answers and the steps that fit them."""
    slots = _slots(pathway_stage="production_worker", pathway_degree="no", pathway_experience="many")
    events = await ActionPathwayPlan().run(dispatcher, make_tracker(slots=slots), domain)
    plan = texts(dispatcher)
    assert "Working in production or manufacturing" in plan
    assert "company-sponsored" in plan and "first-line supervisor" in plan
    assert dispatcher.messages[-1]["response"] == "utter_pathway_plan_outro"
    assert SlotSet("pathway_failed_tries", 0.0) in events


async def test_plan_action_after_giving_up(domain, dispatcher: CollectingDispatcher) -> None:
    """After too many unclear answers the bot says how to come back, not a half plan."""
    await ActionPathwayPlan().run(dispatcher, make_tracker(slots=_slots(pathway_exit="gave_up")), domain)
    assert dispatcher.messages[0]["response"] == "utter_pathway_gave_up"


async def test_many_other_questions_pause_the_flow(domain, dispatcher: CollectingDispatcher) -> None:
    """The third other question in a row is answered and the flow pauses instead of nagging."""
    slots = _slots(requested="pathway_stage", pathway_digressions=2.0)
    tracker = make_tracker("what skills do they need?", "ask_skills", slots=slots, active_loop=FORM)
    events = await ValidatePathwayForm().run(dispatcher, tracker, domain)
    assert "Four skills" in texts(dispatcher)
    assert SlotSet("pathway_exit", "paused") in events and events[-1] == SlotSet("requested_slot", None)
    paused = CollectingDispatcher()
    await ActionPathwayPlan().run(paused, make_tracker(slots=_slots(pathway_exit="paused", pathway_stage="college")), domain)
    assert paused.messages[0]["response"] == "utter_pathway_paused"


async def test_thanks_mid_flow_gets_a_reply(domain, dispatcher: CollectingDispatcher) -> None:
    """'thanks' in the middle of the flow gets 'you're welcome', then the question again."""
    tracker = make_tracker("thanks!", "thank", slots=_slots(requested="pathway_stage"), active_loop=FORM)
    events = await ValidatePathwayForm().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["response"] == "utter_thank"
    assert events[-1] == SlotSet("requested_slot", "pathway_stage")


async def test_wanting_the_career_and_asking_where_to_start_gets_the_way_in_first(
    domain, career, dispatcher: CollectingDispatcher
) -> None:
    """"I'm 15 and want to be one. Where do I start?": the how-to-become answer, then the first question."""
    from bot.career import answers

    tracker = make_tracker(
        "I'm 15 and want to be an industrial production manager. Where do I start?", "want_career",
        [entity("career", "industrial production manager")], slots=_slots(), active_loop=FORM,
    )
    events = await ValidatePathwayForm().run(dispatcher, tracker, domain)
    assert texts(dispatcher) == answers.answer(career, "how_to_become").text
    assert events[-1] == SlotSet("requested_slot", "pathway_stage")


async def test_wanting_the_career_without_a_question_goes_straight_to_the_questions(
    domain, dispatcher: CollectingDispatcher
) -> None:
    for text in ("i want to be an ipm", "can you make me a plan to become one?", "i want to play in the nba how do i get there"):
        dispatcher.messages.clear()
        tracker = make_tracker(text, "want_career", slots=_slots(), active_loop=FORM)
        events = await ValidatePathwayForm().run(dispatcher, tracker, domain)
        assert dispatcher.messages == [], text
        assert events[-1] == SlotSet("requested_slot", "pathway_stage")
