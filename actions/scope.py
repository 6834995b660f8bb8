"""Questions outside what the knowledge file covers: other careers, unknown details."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.base import (
    DomainDict,
    act_on,
    answer_pay_follow_up,
    current_career,
    entity_values,
    second_look,
    utter_other_career,
)


class ActionOtherCareer(Action):
    """Honest reply to a question about another career: no figures of ours."""

    def name(self) -> str:
        """Action name."""
        return "action_other_career"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Say the bot only knows its own careers so far.

        Without a job title in the message, the classifier's guess is checked
        first: "and which one is about being a leader?" after the skills, or
        "does it have to be a specific major?", are about our career.
        """
        career = current_career()
        named = entity_values(tracker, "occupation")
        if not named:
            decision = second_look(tracker)
            if decision:
                return act_on(dispatcher, tracker, decision)
        utter_other_career(dispatcher, career, named[0] if named else "that career")
        return []


class ActionAnswerUnknownDetail(Action):
    """A question about this career that the knowledge file doesn't answer."""

    def name(self) -> str:
        """Action name."""
        return "action_answer_unknown_detail"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Say the bot doesn't know rather than guess."""
        career = current_career()
        occupation = entity_values(tracker, "occupation")
        if occupation and not entity_values(tracker, "career"):
            utter_other_career(dispatcher, career, occupation[0])
        else:
            dispatcher.utter_message(response="utter_unknown_detail", career_plural=career.career.plural)
        return []


class _SecondLook(Action, ABC):
    """Before the fallback or off-topic reply, take a second look (bot/career/backoff.py)."""

    @property
    @abstractmethod
    def response(self) -> str:
        """The reply when the second look finds nothing."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Answer the topic or other career the words point to, else send the usual reply.

        Right after a pay answer, a short "and in ohio?" is a pay question the file can't answer.
        """
        decision = second_look(tracker)
        if decision:
            return act_on(dispatcher, tracker, decision)
        if not answer_pay_follow_up(dispatcher, tracker):
            dispatcher.utter_message(response=self.response)
        return []


class ActionFallback(_SecondLook):
    """NLU wasn't sure: second look, else "Sorry, I didn't quite get that"."""

    response = "utter_fallback"  # type: ignore[assignment]

    def name(self) -> str:
        """Action name."""
        return "action_fallback"


class ActionOutOfScope(_SecondLook):
    """NLU called it off-topic: second look if it names our career, else the scope message."""

    response = "utter_out_of_scope"  # type: ignore[assignment]

    def name(self) -> str:
        """Action name."""
        return "action_out_of_scope"
