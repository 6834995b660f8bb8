"""The education pathway form: validation, the questions, and the final plan.

All decisions live in bot.career.pathway (plain functions); these actions only
read the tracker, call them, and turn the result into messages and slot events.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from actions.base import DomainDict, answer_question, answer_topic, current_career, entity_values
from bot.career import backoff, pathway
from bot.career.models import Pathways

FORM = "pathway_form"
FAILED_TRIES = "pathway_failed_tries"
DIGRESSIONS = "pathway_digressions"
EXIT = "pathway_exit"  # why the flow ended early: "gave_up" (unclear answers) or "paused" (other questions)
MAX_FAILED_TRIES = 3  # after the third unclear answer in a row the flow stops instead of looping
MAX_DIGRESSIONS = 3  # after the third other question in a row the flow pauses (answers are kept)


def _pathways() -> Pathways:
    return current_career().pathways


def _answers(tracker: Tracker) -> Dict[str, str]:
    return pathway.answers_from_slots(_pathways(), tracker.current_slot_values())


def _turn(tracker: Tracker) -> pathway.Turn:
    message = tracker.latest_message or {}
    prefix = pathway.SLOT_PREFIX
    entities = {
        str(e["entity"])[len(prefix):]: str(e.get("value"))
        for e in message.get("entities", [])
        if str(e.get("entity", "")).startswith(prefix)
    }
    # The career's own name ("production manager") is not an answer ("production").
    text = pathway.without_phrases(str(message.get("text") or ""), current_career().career.aliases)
    return pathway.Turn(text, str((message.get("intent") or {}).get("name") or ""), entities)


def _start_words() -> List[str]:
    """Words of a question about getting into the career (the how_to_become topic's vocabulary)."""
    entry = next((t for t in backoff.load_vocabulary().topics if t.topic == "how_to_become"), None)
    return [*entry.phrases, *entry.words] if entry else []


def _names_this_career(tracker: Tracker) -> bool:
    """The message names our career or points at it ("one", "this job"), not the NBA."""
    has = backoff.phrase_finder(str(tracker.latest_message.get("text") or ""))
    pointers = ("one", "this job", "this career", "that job", "that career")
    return bool(entity_values(tracker, "career")) or any(has(p) for p in pointers)


def _requested(tracker: Tracker) -> Optional[str]:
    slot = tracker.get_slot("requested_slot")
    prefix = pathway.SLOT_PREFIX
    return slot[len(prefix):] if isinstance(slot, str) and slot.startswith(prefix) else None


class ValidatePathwayForm(FormValidationAction):
    """Reads each message of the pathway flow and decides what happens next.

    An answer (typed or a button) fills its slot, and a corrected starting point
    ("actually I'm in college") replaces answers that no longer apply; a question
    ("wait, how much do they make?") is answered and the flow asks again;
    stop/goodbye/restart return nothing so Rasa's rules take over; an unclear
    answer counts as a failed try, and the third in a row ends the flow; the third
    other question in a row pauses it (answers are kept for "make my plan").
    """

    def name(self) -> str:
        """Rasa calls ``validate_<form name>``."""
        return f"validate_{FORM}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Interpret the latest message and return slot events (empty = reject)."""
        flow = _pathways()
        before = _answers(tracker)
        requested = _requested(tracker)
        turn = _turn(tracker)
        meaning = pathway.interpret(flow, requested, turn, before)
        if meaning.kind == "leave":
            return []
        events: List[EventType] = []
        if (
            requested is None
            and turn.intent == "want_career"
            and _names_this_career(tracker)
            and pathway.asks_how_to_start(turn.text, _start_words())
        ):
            # "I'm 15 and want to be one. Where do I start?": the usual way in, then the questions.
            events += answer_topic(dispatcher, tracker, "how_to_become")
        if meaning.kind == "digression":
            events += answer_question(dispatcher, tracker, turn.intent)
        failed = int(tracker.get_slot(FAILED_TRIES) or 0)
        failed = 0 if meaning.kind == "answer" else failed + 1 if meaning.kind == "invalid" else failed
        digressions = int(tracker.get_slot(DIGRESSIONS) or 0)
        digressions = digressions + 1 if meaning.kind == "digression" else 0
        # Always set the counts: besides counting, they tell Rasa the form handled this turn.
        events += [SlotSet(FAILED_TRIES, float(failed)), SlotSet(DIGRESSIONS, float(digressions))]
        if failed >= MAX_FAILED_TRIES:
            return events + [SlotSet(EXIT, "gave_up"), SlotSet("requested_slot", None)]
        if digressions >= MAX_DIGRESSIONS:
            return events + [SlotSet(EXIT, "paused"), SlotSet("requested_slot", None)]
        after = pathway.apply(flow, before, meaning.updates)
        events += [SlotSet(slot, value) for slot, value in pathway.slot_updates(flow, before, after).items()]
        following = pathway.next_question(flow, after)
        events.append(SlotSet("requested_slot", pathway.slot_name(following) if following else None))
        return events


class AskPathwayQuestion(Action, ABC):
    """Asks one pathway question with its options as buttons (typed answers work too).

    After one unclear answer it says it didn't catch that; after two it explains
    what it needs and offers to stop.
    """

    @property
    @abstractmethod
    def question(self) -> str:
        """Key of the question in the knowledge file's ``pathways.questions``."""

    def name(self) -> str:
        """Rasa forms call ``action_ask_<slot>``."""
        return f"action_ask_{pathway.slot_name(self.question)}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Ask the question (with a retry note or an explanation after failed tries)."""
        question = _pathways().questions[self.question]
        failed = int(tracker.get_slot(FAILED_TRIES) or 0)
        if failed == 1:
            dispatcher.utter_message(response="utter_pathway_not_understood")
        elif failed >= 2:
            dispatcher.utter_message(text=question.help)
        dispatcher.utter_message(text=question.ask, buttons=pathway.option_buttons(question, self.question))
        if failed >= 2:
            dispatcher.utter_message(response="utter_pathway_offer_stop")
        return []


class ActionAskPathwayStage(AskPathwayQuestion):
    """Asks where the student is now."""

    question = "stage"


class ActionAskPathwayInterest(AskPathwayQuestion):
    """Asks school students whether they lean technical or business."""

    question = "interest"


class ActionAskPathwayMajor(AskPathwayQuestion):
    """College students: their major."""

    question = "major"


class ActionAskPathwayDegree(AskPathwayQuestion):
    """Asks workers and career changers whether they have a bachelor's degree."""

    question = "degree"


class ActionAskPathwayExperience(AskPathwayQuestion):
    """Production workers: years on the floor."""

    question = "experience"


class ActionPathwayPlan(Action):
    """Sends the personal plan once the pathway form is complete (or says it stopped)."""

    def name(self) -> str:
        """Action name."""
        return "action_pathway_plan"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Build the plan from the knowledge file and the student's answers."""
        reset: List[EventType] = [SlotSet(FAILED_TRIES, 0.0), SlotSet(DIGRESSIONS, 0.0), SlotSet(EXIT, None)]
        ended = tracker.get_slot(EXIT)
        if ended in {"gave_up", "paused"}:
            dispatcher.utter_message(response=f"utter_pathway_{ended}")
            return reset
        flow = _pathways()
        answers = _answers(tracker)
        if pathway.next_question(flow, answers) is not None or not pathway.build_plan(flow, answers):
            dispatcher.utter_message(response="utter_pathway_stopped")
            return reset
        dispatcher.utter_message(text=pathway.render_plan(flow, answers))
        dispatcher.utter_message(response="utter_pathway_plan_outro")
        return reset + [SlotSet("last_topic", "how_to_become")]


