"""Skills: all of them, or the one the student asked about."""

from __future__ import annotations

from typing import List

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, TopicAction, current_career, other_occupation, send, utter_other_career
from bot.career import answers


class ActionAnswerSkills(TopicAction):
    """All four skills, or one skill when the message names it ("is leadership important?")."""

    topic = "skills"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Answer with one skill if named, else all skills."""
        career = current_career()
        occupation = other_occupation(tracker)
        if occupation:
            utter_other_career(dispatcher, career, occupation)
            return []
        skill_id = answers.find_skill(career, tracker.latest_message.get("text") or "")
        send(dispatcher, answers.one_skill(career, skill_id) if skill_id else answers.skills(career))
        return [SlotSet("last_topic", self.topic)]
