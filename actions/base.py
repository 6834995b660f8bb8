"""Shared glue for actions that answer from the career knowledge file."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.career import answers, backoff
from bot.career.answers import Answer
from bot.career.loader import default_store
from bot.career.models import Career
from bot.nlp import title_typos

DomainDict = Dict[str, Any]
# Right after the pay, a message this short naming a place or period ("in new york?") is
# about the pay, whatever topic the classifier read.
PLACE_ONLY_MAX_WORDS = 4


def current_career() -> Career:
    """The career the bot answers about (reloaded if its file changed)."""
    return default_store().primary()


def entity_values(tracker: Tracker, entity: str) -> List[str]:
    """Values of one entity type in the latest user message."""
    return [str(e.get("value")) for e in tracker.latest_message.get("entities", []) if e.get("entity") == entity]


def other_occupation(tracker: Tracker) -> Optional[str]:
    """The other career the latest message asks about, if it names one and not ours.

    Also a misspelled title ("plumer pay?") that the entity ruler can't match
    (bot/nlp/title_typos.py), so it never gets this career's figures.
    """
    if entity_values(tracker, "career"):
        return None
    found = entity_values(tracker, "occupation")
    if found:
        return found[0]
    return title_typos.misspelled_title(tracker.latest_message.get("text") or "")


def send(dispatcher: CollectingDispatcher, answer: Answer) -> None:
    """Send an Answer (text and buttons) to the student."""
    dispatcher.utter_message(text=answer.text, buttons=[b.as_dict() for b in answer.buttons])


def utter_other_career(dispatcher: CollectingDispatcher, career: Career, occupation: str) -> None:
    """Say honestly that the bot only knows its own careers."""
    dispatcher.utter_message(
        response="utter_other_career", occupation=occupation, known_careers=career.career.plural
    )


def names_a_listed_skill(tracker: Tracker, career: Career) -> bool:
    """Whether the message names one skill right after the bot listed the skills."""
    text = tracker.latest_message.get("text") or ""
    return tracker.get_slot("last_topic") == "skills" and answers.find_skill(career, text) is not None


def answer_topic(dispatcher: CollectingDispatcher, tracker: Tracker, topic: str) -> List[EventType]:
    """Answer one topic from the knowledge file, guarding against other careers.

    If the message names another occupation ("how much do nurses make?"), the
    bot says it doesn't know about that career rather than giving our figures.
    If the knowledge file has nothing for the topic, it says it doesn't know.
    """
    career = current_career()
    occupation = other_occupation(tracker)
    if occupation:
        utter_other_career(dispatcher, career, occupation)
        return []
    text = tracker.latest_message.get("text") or ""
    if topic not in {"pay", "pay_factors"} and answer_pay_follow_up(dispatcher, tracker, PLACE_ONLY_MAX_WORDS):
        return []  # "in new york?" right after the pay, even if read as another topic
    if names_a_listed_skill(tracker, career):
        topic = "skills"  # "which one is about deadlines?" right after the list of skills
    reply = answers.answer(career, topic, text)
    if reply is None:
        dispatcher.utter_message(response="utter_unknown_detail", career_plural=career.career.plural)
        return []
    send(dispatcher, reply)
    return [SlotSet("last_topic", topic)]


def second_look(tracker: Tracker) -> Optional[backoff.Decision]:
    """What the words of an unsure, off-topic or "more" message point to (bot/career/backoff.py).

    Right after the list of skills, a message naming one of them ("and which one
    is about being a leader?") is about that skill; right after any answer, "when
    is that number from?" is about that answer.
    """
    message = tracker.latest_message
    if names_a_listed_skill(tracker, current_career()):
        return backoff.Decision("topic", "skills")
    vocabulary = backoff.load_vocabulary()
    pointing_back = backoff.back_reference(message.get("text") or "", tracker.get_slot("last_topic"), vocabulary)
    if pointing_back and pointing_back.value in answers.TOPICS:
        return pointing_back
    ranking = [(str(r.get("name")), float(r.get("confidence") or 0.0)) for r in message.get("intent_ranking", [])]
    return backoff.decide(
        text=message.get("text") or "",
        intent=str((message.get("intent") or {}).get("name") or ""),
        ranking=ranking,
        names_our_career=bool(entity_values(tracker, "career")),
        other_occupation=other_occupation(tracker),
        vocabulary=vocabulary,
        known_topics=list(answers.TOPICS),
    )


def answer_pay_follow_up(
    dispatcher: CollectingDispatcher, tracker: Tracker, max_words: int = answers.FOLLOW_UP_MAX_WORDS
) -> bool:
    """After a pay answer, "and in ohio?" asks for pay the file doesn't have: say so (True if said)."""
    career = current_career()
    text = tracker.latest_message.get("text") or ""
    if not answers.asks_pay_follow_up_not_known(career, tracker.get_slot("last_topic"), text, max_words):
        return False
    dispatcher.utter_message(response="utter_unknown_detail", career_plural=career.career.plural)
    return True


def act_on(dispatcher: CollectingDispatcher, tracker: Tracker, decision: backoff.Decision) -> List[EventType]:
    """Answer what a second look decided: another career, or a topic."""
    if decision.kind == "other_career":
        utter_other_career(dispatcher, current_career(), decision.value)
        return []
    return answer_topic(dispatcher, tracker, decision.value)


def topic_for_intent(intent: str) -> Optional[str]:
    """The knowledge topic an ``ask_<topic>`` intent asks about, if any."""
    topic = backoff.topic_of_intent(intent)
    return topic if topic in answers.TOPICS else None


def answer_question(dispatcher: CollectingDispatcher, tracker: Tracker, intent: str) -> List[EventType]:
    """Answer any question intent the way its own rule would (used mid-pathway for digressions)."""
    topic = topic_for_intent(intent)
    if topic:
        return answer_topic(dispatcher, tracker, topic)
    career = current_career()
    if intent == "tell_more":
        following = answers.more_topic(tracker.get_slot("last_topic"))
        return answer_topic(dispatcher, tracker, following) if following else []
    if intent == "ask_other_career":
        named = entity_values(tracker, "occupation")
        utter_other_career(dispatcher, career, named[0] if named else "that career")
    elif intent == "ask_unknown_detail":
        dispatcher.utter_message(response="utter_unknown_detail", career_plural=career.career.plural)
    elif intent == "help":
        dispatcher.utter_message(response="utter_help")
    elif intent == "bot_challenge":
        dispatcher.utter_message(response="utter_bot_challenge")
    elif intent == "thank":
        dispatcher.utter_message(response="utter_thank")
    return []


class TopicAction(Action, ABC):
    """Answers one knowledge topic; subclasses only name the topic."""

    @property
    @abstractmethod
    def topic(self) -> str:
        """Key into bot.career.answers.TOPICS."""

    def name(self) -> str:
        """``action_answer_<topic>``."""
        return f"action_answer_{self.topic}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Answer the topic from the knowledge file."""
        return answer_topic(dispatcher, tracker, self.topic)
