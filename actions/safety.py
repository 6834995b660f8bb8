"""Student safety: the crisis reply, a real counselor, handoffs, and a calm boundary.

Thin glue: the detector (bot/safety/crisis.py), the school's contacts
(bot/safety/school.py, reply values in bot/safety/replies.py), the handoff
store and Slack notice (bot/safety/handoffs.py, notify.py). Replies are the
``utter_*`` responses of domain.yml.
"""

from __future__ import annotations

import logging
from typing import List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict
from bot import settings as settings_module
from bot.safety import crisis, handoffs, notify, replies, school

logger = logging.getLogger(__name__)


async def _store_and_notify(record: handoffs.Record, settings: school.SchoolSettings) -> bool:
    """Save a record for counselors and post it to their Slack channel; False if it could not be saved."""
    try:
        handoffs.save(settings_module.load().tracker_store_url, record)
    except handoffs.HandoffStoreError as error:
        logger.error("%s", error)
        return False
    await notify.post_to_counselors(record, settings.counselor_slack_channel())
    return True


def _record(tracker: Tracker, kind: str, settings: school.SchoolSettings) -> handoffs.Record:
    return handoffs.build_record(
        tracker.events, tracker.current_slot_values(), tracker.sender_id, kind, settings.handoff.last_messages
    )


class ActionCrisis(Action):
    """A student in crisis: the crisis lines, 911 and the counselor, at once; flagged for counselors."""

    def name(self) -> str:
        """Action name."""
        return "action_crisis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Send the caring reply (gentler when the detector is unsure) and flag the conversation."""
        settings = school.current()
        signal = crisis.detect(tracker.latest_message.get("text") or "")
        # The detector sure, or only the classifier / a possible crisis: the same resources, said more gently.
        response = "utter_crisis" if signal.level == crisis.CRISIS else "utter_crisis_concern"
        dispatcher.utter_message(response=response, **replies.crisis_values(settings, signal))
        if settings.crisis.flag_for_counselors:
            record = _record(tracker, handoffs.CRISIS, settings)
            record.danger_now = signal.danger_now
            await _store_and_notify(record, settings)
        return [SlotSet("crisis_flagged", True)]


class ActionCounselor(Action):
    """"Can I talk to a counselor?": the office's contact and an offer to pass the conversation on."""

    def name(self) -> str:
        """Action name."""
        return "action_counselor"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Give the contact; nothing is passed on until the student says yes."""
        dispatcher.utter_message(response="utter_counselor", **replies.office_values(school.current()))
        return []


class ActionHandoff(Action):
    """The student said yes: record the handoff, tell the counselors, give the student the code."""

    def name(self) -> str:
        """Action name."""
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Store the handoff record and reply with its short code."""
        settings = school.current()
        record = _record(tracker, handoffs.HANDOFF, settings)
        values = replies.office_values(settings)
        if await _store_and_notify(record, settings):
            dispatcher.utter_message(response="utter_handoff_done", code=record.code, **values)
            return [SlotSet("handoff_code", record.code)]
        dispatcher.utter_message(response="utter_handoff_failed", **values)
        return []


class ActionHandoffDeclined(Action):
    """The student said no to passing the conversation on."""

    def name(self) -> str:
        """Action name."""
        return "action_handoff_declined"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Confirm nothing was shared and give the contact again."""
        dispatcher.utter_message(response="utter_handoff_declined", **replies.office_values(school.current()))
        return []


class ActionBoundary(Action):
    """Insults, sexual content or bullying aimed at the bot: a calm boundary; the chat goes on."""

    def name(self) -> str:
        """Action name."""
        return "action_boundary"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Set the boundary and point back to careers (and the counselor, if something is wrong)."""
        dispatcher.utter_message(response="utter_boundary", **replies.office_values(school.current()))
        return []
