"""The one action: every student message is answered here.

Reads the message and the conversation state, asks the interpreter what the
turn means (bot/interpret/rules.py), turns the decision into messages
(bot/answers/render.py, or the safety replies of actions/safety.py), sends
them, and stores the new state in slots and what the turn was about for the
counselor page (bot/interpret/record.py). No decisions are made here.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import safety
from bot.answers.render import Context, Message, render
from bot.interpret.inputs import Parse, State
from bot.interpret.record import SLOT as RECORD_SLOT
from bot.interpret.record import turn_record
from bot.interpret.rules import decide
from bot.interpret.transitions import next_state
from bot.knowledge.current import current_knowledge, general_facts
from bot.safety import replies, school

DomainDict = Dict[str, Any]


def send(dispatcher: CollectingDispatcher, message: Message) -> None:
    """Send one rendered message."""
    if message.response:
        dispatcher.utter_message(response=message.response, **dict(message.values))
    else:
        dispatcher.utter_message(text=message.text, buttons=[b.as_dict() for b in message.buttons])


class ActionRespond(Action):
    """Answers every turn: crisis, counselor, small talk, careers, comparisons, browsing, the plan questions."""

    def name(self) -> str:
        """Action name."""
        return "action_respond"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Decide, reply, and keep the conversation state."""
        knowledge = current_knowledge()
        state = State.from_slots(tracker.current_slot_values())
        decision = decide(Parse.from_message(tracker.latest_message), state, knowledge)
        if decision.kind in safety.KINDS:
            await safety.reply(decision.kind, dispatcher, tracker)
        office = replies.office_and_lines(school.current())
        for message in render(decision, Context(knowledge.careers, general_facts(), state, office)):
            send(dispatcher, message)
        before = state.to_slots()
        after = next_state(decision, state).to_slots()
        changes = [SlotSet(name, value) for name, value in after.items() if before.get(name) != value]
        return changes + [SlotSet(RECORD_SLOT, turn_record(decision, state))]
