"""Second opinion for unsure intents, from a pretrained sentence encoder (Rasa component).

Rasa's logistic-regression classifier, on word and character n-grams, answers
most messages confidently in well under a millisecond. When its top intent is
below ``threshold`` (a phrasing unlike our training examples), this component
embeds the message with all-MiniLM-L6-v2 (bot/nlp/sentence_encoder.py),
scores the intents with a second logistic regression trained on the embeddings
of our training examples, and combines the two rankings (geometric mean). The encoder knows that
"earn", "wage" and "make bank" are about pay although our training data may
never pair them with a career. Measured in docs/nlu.md;
confident messages never pay for the encoder.

The FallbackClassifier after it still turns a low final confidence into
``nlu_fallback``.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp.sentence_encoder import SentenceEncoder, shared_encoder

INTENT_RANKING = "intent_ranking"


def softmax_scores(features: np.ndarray, coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    """Multinomial logistic regression probabilities, one row per message."""
    logits = features @ coef.T + intercept
    logits -= logits.max(axis=1, keepdims=True)
    exp = np.exp(logits)
    return np.asarray(exp / exp.sum(axis=1, keepdims=True))


def combine(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Normalised geometric mean of two classifiers' probabilities: both must agree for a high score."""
    mean = np.sqrt(first * second)
    total = mean.sum()
    return mean / total if total > 0 else second


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SentenceEncoderClassifier(GraphComponent, IntentClassifier):
    """Re-classifies messages the n-gram classifier is unsure about, with a sentence embedding."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """``threshold``: re-classify below this confidence; ``embedding_weight``: scale of the embedding."""
        return {"threshold": 0.9, "embedding_weight": 15.0, "C": 1.0, "max_iter": 300, "ranking_length": 10}

    def __init__(self, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.classes: np.ndarray = np.array([], dtype=object)
        self.coef = np.zeros((0, 0))
        self.intercept = np.zeros(0)

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceEncoderClassifier:
        """A new, untrained component."""
        return cls(config, model_storage, resource)

    def _features(self, messages: List[Message], encoder: SentenceEncoder) -> np.ndarray:
        return encoder.encode([m.get(TEXT) or "" for m in messages]) * self.config["embedding_weight"]

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the second logistic regression on the training examples' embeddings."""
        from sklearn.linear_model import LogisticRegression

        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        if not examples:
            return self._resource
        features = self._features(examples, shared_encoder())
        model = LogisticRegression(
            C=self.config["C"], max_iter=self.config["max_iter"], class_weight="balanced", random_state=42
        )
        model.fit(features, [m.get(INTENT) for m in examples])
        self.classes, self.coef, self.intercept = model.classes_, model.coef_, model.intercept_
        self.persist()
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        """Re-rank the intents of messages whose top intent is below the threshold."""
        unsure: List[Message] = []
        for message in messages:
            if len(self.classes) and self._is_unsure(message):
                unsure.append(message)
            elif message.get(INTENT_RANKING):
                ranking = message.get(INTENT_RANKING)[: self.config["ranking_length"]]
                message.set(INTENT_RANKING, ranking, add_to_output=True)
        if not unsure:
            return messages
        scores = softmax_scores(self._features(unsure, shared_encoder()), self.coef, self.intercept)
        for message, embedding_scores in zip(unsure, scores, strict=True):
            first = {r["name"]: float(r["confidence"]) for r in message.get(INTENT_RANKING) or []}
            row = combine(np.array([first.get(str(name), 0.0) for name in self.classes]), embedding_scores)
            order = np.argsort(-row)[: self.config["ranking_length"]]
            ranking = [{"name": str(self.classes[i]), "confidence": float(row[i])} for i in order]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING, ranking, add_to_output=True)
        return messages

    def _is_unsure(self, message: Message) -> bool:
        intent: Optional[Dict[str, Any]] = message.get(INTENT)
        if not message.get(TEXT) or not intent or not intent.get("name"):
            return False
        return float(intent.get("confidence") or 0.0) < self.config["threshold"]

    def persist(self) -> None:
        """Save the weights as a plain NumPy archive."""
        with self._model_storage.write_to(self._resource) as directory:
            np.savez(directory / "sentence_classifier.npz", classes=self.classes.astype(str), coef=self.coef,
                     intercept=self.intercept)

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SentenceEncoderClassifier:
        """Load the weights and warm the encoder, so the first unsure message is not slow."""
        component = cls(config, model_storage, resource)
        try:
            with model_storage.read_from(resource) as directory:
                saved = np.load(directory / "sentence_classifier.npz")
                component.classes, component.coef, component.intercept = (
                    saved["classes"], saved["coef"], saved["intercept"]
                )
        except ValueError:
            return component
        shared_encoder().encode(["warm up"])
        return component
