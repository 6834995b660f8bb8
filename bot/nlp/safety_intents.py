"""The safety stage of the NLU pipeline (Rasa component): crisis first, whatever else a message says.

Runs last, after the classifiers, on every message of every channel. A message
is a ``crisis`` if the dedicated detector (bot/safety/crisis.py) finds a crisis
or a concern, or the intent classifier gives ``crisis`` at least
``crisis_threshold`` anywhere in its ranking: the detector catches phrasings the
classifier never saw, the classifier paraphrases the detector has no phrase
for. The classifier, trained on English, is not trusted alone on a message in
another language (the detector has phrases for them). Nor on a message whose crisis-sounding
words the detector read as hyperbole ("i'm going to die of boredom"): its next
intent is taken. Otherwise a request for a counselor or a real person becomes
``ask_counselor`` and an insult aimed at the bot ``insult`` when their words say
so (bot/safety/requests.py). The classifier's own ranking is kept after the
chosen intent, so later stages still see it.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.interpret.language import language_of
from bot.nlp.job_titles import ORIGINAL_TEXT
from bot.safety import crisis, requests

INTENT_RANKING = "intent_ranking"
CRISIS_SCORE = "crisis_score"
CRISIS_INTENT = "crisis"
COUNSELOR_INTENT = "ask_counselor"
BOUNDARY_INTENT = "insult"


def decide(text: str, ranking: List[Dict[str, Any]], crisis_threshold: float) -> Optional[str]:
    """The safety intent a message must get, or None to keep the classifier's (pure function)."""
    if crisis.detect(text).found:
        return CRISIS_INTENT
    crisis_score = max((float(r.get("confidence") or 0.0) for r in ranking if r.get("name") == CRISIS_INTENT),
                       default=0.0)
    if crisis_score >= crisis_threshold and not crisis.hyperbole_found(text) and language_of(text) is None:
        return CRISIS_INTENT  # the classifier knows English only: another language is the detector's to judge
    if requests.asks_for_counselor(text):
        return COUNSELOR_INTENT
    if requests.crosses_boundary(text):
        return BOUNDARY_INTENT
    return None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SafetyIntents(GraphComponent, IntentClassifier):
    """Overrides the intent for crisis messages, counselor requests and insults (see module docstring)."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """``crisis_threshold``: the classifier's ``crisis`` score that is enough on its own."""
        return {"crisis_threshold": 0.4}

    def __init__(self, config: Dict[str, Any]) -> None:
        self.config = {**self.get_default_config(), **config}

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyIntents:
        """The component (nothing to train); warms the detectors so the first message is not slow."""
        crisis.detect("warm up")
        requests.asks_for_counselor("warm up")
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        """Set the safety intent first in the ranking when one applies."""
        for message in messages:
            text = message.get(ORIGINAL_TEXT) or message.get(TEXT)  # job titles matter to the crisis detector
            if not text:
                continue
            ranking = list(message.get(INTENT_RANKING) or [])
            score = max((float(r.get("confidence") or 0.0) for r in ranking if r.get("name") == CRISIS_INTENT),
                        default=0.0)
            message.set(CRISIS_SCORE, round(score, 4), add_to_output=True)  # the classifier's own, kept for review
            chosen = decide(text, ranking, float(self.config["crisis_threshold"]))
            if chosen is None and ranking and ranking[0].get("name") == CRISIS_INTENT and crisis.hyperbole_found(text):
                chosen = next((str(r["name"]) for r in ranking if r.get("name") != CRISIS_INTENT), None)
                # hyperbole the classifier took for a crisis: the next intent it ranked is what the message is
            if chosen is None:
                continue
            intent = {"name": chosen, "confidence": 1.0}
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING, [intent] + [r for r in ranking if r.get("name") != chosen],
                        add_to_output=True)
        return messages
