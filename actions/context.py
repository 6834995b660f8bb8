"""Follow-ups that depend on what was said before ("tell me more")."""

from __future__ import annotations

from typing import List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, act_on, answer_pay_follow_up, answer_topic, second_look
from bot.career.answers import more_topic


class ActionTellMore(Action):
    """'Tell me more' continues from the last topic answered (pay → what pay depends on)."""

    def name(self) -> str:
        """Action name."""
        return "action_tell_more"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Answer the topic that follows the last one, or offer topics.

        "ok and what about education?" also reads as "more", so a message that
        names a topic (bot/career/backoff.py) gets that topic instead, and "what about
        in texas?" after the pay is pay the file doesn't have.
        """
        decision = second_look(tracker)
        if decision:
            return act_on(dispatcher, tracker, decision)
        if answer_pay_follow_up(dispatcher, tracker):
            return []
        topic = more_topic(tracker.get_slot("last_topic"))
        if topic is None:
            dispatcher.utter_message(response="utter_no_more")
            return []
        return answer_topic(dispatcher, tracker, topic)
