"""NLU stage (Rasa component): the classifier reads every job title as the same word.

"how much do nurses make?", "how much do chefs make?" and "how much do
astronauts make?" are one question. This stage replaces every job title the
catalog recognises (the careers' names from knowledge/careers/, the other titles
of knowledge/vocabulary/occupations.yml, plurals and typos too;
bot/knowledge/catalog.py) with the word ``jobtitle``, in the training examples and
in every message, so the intents carry over to every career, including careers
added after training. Which career a message names is found again by the
action server from the original text; the stored message is unchanged.
A money sign on its own ("truckers $$?", "realtors $ a year") reads as the word
"money" (the classifiers' tokens have no punctuation); "$54,320" is left as it is.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

PLACEHOLDER = "jobtitle"
ORIGINAL_TEXT = "careerbot_text"  # the text before the titles were replaced (the safety stage reads it)


_LONE_MONEY_SIGN = re.compile(r"\$+(?!\s*\d)")


def with_placeholder(text: str) -> str:
    """The message with each job title replaced by the placeholder (the text as it was if it names none)."""
    from bot.knowledge.current import names_catalog

    catalog = names_catalog()
    text = _LONE_MONEY_SIGN.sub(" money ", text)
    if not catalog.find(text).any:
        return text
    return catalog.replace_names(text, PLACEHOLDER)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class JobTitles(GraphComponent):
    """Replaces job titles with one placeholder word, for training and for every message."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> JobTitles:
        """Nothing to configure or train; the catalog is loaded (and warmed) now, not on the first message."""
        with_placeholder("how much do nurses make")
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Rewrite the text the classifiers read."""
        for message in messages:
            text = message.get(TEXT)
            if text and not text.startswith("/"):
                if not message.get(ORIGINAL_TEXT):
                    message.set(ORIGINAL_TEXT, text)
                message.set(TEXT, with_placeholder(text))
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """The same for every training example."""
        for example in training_data.training_examples:
            text = example.get(TEXT)
            if text:
                example.set(ORIGINAL_TEXT, text)  # the crisis model (bot.nlp.safety_intents) learns from it
                example.set(TEXT, with_placeholder(text))
        return training_data


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class OriginalText(GraphComponent):
    """Last stage: the parse carries the student's (masked) text again, not the classifiers' version.

    The action server reads ``text`` of the parse to find the careers a message names.
    """

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> OriginalText:
        """Nothing to configure or train."""
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Put the text back."""
        for message in messages:
            if message.get(ORIGINAL_TEXT):
                message.set(TEXT, message.get(ORIGINAL_TEXT))
        return messages
