"""Student safety replies: the crisis reply, a real counselor, handoffs, a calm boundary.

Called by the one action (actions/respond.py) when the interpreter decides a
turn is about safety. Glue only: the detector (bot/safety/crisis.py), the
school's contacts (bot/safety/school.py, values in bot/safety/replies.py), the
handoff store and the counselors' Slack notice (bot/safety/handoffs.py,
notify.py). Replies are the ``utter_*`` responses of domain.yml.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, Tuple

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import settings as settings_module
from bot.interpret.decision import BOUNDARY, COUNSELOR, CRISIS, HANDOFF, HANDOFF_DECLINED
from bot.safety import crisis, handoffs, notify, replies, school

logger = logging.getLogger(__name__)

KINDS = frozenset({CRISIS, COUNSELOR, HANDOFF, HANDOFF_DECLINED, BOUNDARY})


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


# The reply of each safety kind that sends the office's contact (a crisis and a done handoff have their own).
OFFICE_RESPONSES = {
    COUNSELOR: "utter_counselor", HANDOFF_DECLINED: "utter_handoff_declined", BOUNDARY: "utter_boundary",
}


def crisis_response(text: str, settings: school.SchoolSettings) -> Tuple[str, Dict[str, Any], crisis.Signal]:
    """The crisis reply for a message: its response name, values, and what the detector found.

    The detector sure: the full reply; a possible crisis (or the classifier only): the same resources, gently.
    """
    signal = crisis.detect(text)
    response = "utter_crisis" if signal.level == crisis.CRISIS else "utter_crisis_concern"
    return response, replies.crisis_values(settings, signal), signal


async def reply(kind: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Send the safety reply of one kind, and record what counselors must see."""
    settings = school.current()
    office = replies.office_values(settings)
    if kind == CRISIS:
        response, values, signal = crisis_response(tracker.latest_message.get("text") or "", settings)
        dispatcher.utter_message(response=response, **values)
        if settings.crisis.flag_for_counselors:
            record = _record(tracker, handoffs.CRISIS, settings)
            record.danger_now = signal.danger_now
            await _store_and_notify(record, settings)
    elif kind == HANDOFF:
        record = _record(tracker, handoffs.HANDOFF, settings)
        if await _store_and_notify(record, settings):
            dispatcher.utter_message(response="utter_handoff_done", code=record.code, **office)
        else:
            dispatcher.utter_message(response="utter_handoff_failed", **office)
    else:
        dispatcher.utter_message(response=OFFICE_RESPONSES[kind], **office)
