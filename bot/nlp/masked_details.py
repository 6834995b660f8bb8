"""First stage of the NLU pipeline (Rasa component): the classifier reads past masked personal details.

The channel guard replaces personal details with ``[name]``, ``[phone]``,
``[email]`` and ``[address]`` before Rasa sees a message (bot/safety/personal_details.py).
"my name is [name], call me at [phone]. how much do they make?" would then read
as small talk; this stage drops the placeholders and the words that introduced
them, so the rest of the message is understood. The stored message keeps the
placeholders.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp.job_titles import ORIGINAL_TEXT
from bot.safety.personal_details import without_masked_details


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class MaskedDetails(GraphComponent):
    """Removes masked personal details (and their introductions) from the text the classifiers read."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MaskedDetails:
        """Nothing to configure or train."""
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Rewrite the text of messages that carry placeholders."""
        for message in messages:
            text = message.get(TEXT)
            if text and "[" in text:
                message.set(ORIGINAL_TEXT, text)  # the stored (masked) text, put back by the last stage
                message.set(TEXT, without_masked_details(text))
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training examples are left as written."""
        return training_data
