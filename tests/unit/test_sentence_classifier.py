"""The sentence-encoder second opinion: only unsure messages are re-ranked, both classifiers must agree."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp.sentence_classifier import SentenceEncoderClassifier, combine

TRAINING = {
    "ask_pay": ["what is the salary", "how much money do they make", "what do they get paid", "average pay?"],
    "ask_skills": ["what skills do i need", "which abilities matter", "what should i be good at", "skills?"],
    "out_of_scope": ["what's the weather", "tell me a joke", "who won the game", "play some music"],
}


def first_opinion(text: str, ranking: Dict[str, float]) -> Message:
    """A message as the n-gram classifier leaves it."""
    ordered = sorted(({"name": k, "confidence": v} for k, v in ranking.items()), key=lambda r: -r["confidence"])
    return Message(data={"text": text, "intent": ordered[0], "intent_ranking": ordered})


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> SentenceEncoderClassifier:
    storage = LocalModelStorage(Path(tmp_path_factory.mktemp("storage")))
    resource = Resource("second_opinion")
    context = ExecutionContext(GraphSchema({}), "test")
    component = SentenceEncoderClassifier.create({}, storage, resource, context)
    examples = [Message(data={"text": t, "intent": i}) for i, texts in TRAINING.items() for t in texts]
    component.train(TrainingData(examples))
    return SentenceEncoderClassifier.load({}, storage, resource, context)


def test_unsure_message_is_re_ranked_by_meaning(trained: SentenceEncoderClassifier) -> None:
    """'what do they earn' shares no word with the pay examples; the encoder knows it is about pay."""
    message = first_opinion("what do they earn", {"ask_pay": 0.40, "ask_skills": 0.45, "out_of_scope": 0.15})
    trained.process([message])
    assert message.get("intent")["name"] == "ask_pay"
    ranking: List[Dict] = message.get("intent_ranking")
    assert [r["name"] for r in ranking][0] == "ask_pay"
    assert abs(sum(r["confidence"] for r in ranking) - 1.0) < 1e-6


def test_confident_message_is_left_alone(trained: SentenceEncoderClassifier) -> None:
    message = first_opinion("what do they earn", {"ask_skills": 0.95, "ask_pay": 0.04, "out_of_scope": 0.01})
    trained.process([message])
    assert message.get("intent") == {"name": "ask_skills", "confidence": 0.95}


def test_ranking_is_cut_to_the_configured_length(trained: SentenceEncoderClassifier) -> None:
    trained.config["ranking_length"] = 2
    try:
        sure = first_opinion("skills?", {"ask_skills": 0.95, "ask_pay": 0.04, "out_of_scope": 0.01})
        unsure = first_opinion("what do they earn", {"ask_pay": 0.4, "ask_skills": 0.45, "out_of_scope": 0.15})
        trained.process([sure, unsure])
        assert len(sure.get("intent_ranking")) == 2 and len(unsure.get("intent_ranking")) == 2
    finally:
        trained.config["ranking_length"] = 10


def test_messages_without_text_or_intent_pass_through(trained: SentenceEncoderClassifier) -> None:
    empty = Message(data={"text": ""})
    trained.process([empty])
    assert empty.get("intent") is None


def test_combine_needs_both_to_agree() -> None:
    """The geometric mean scores an intent only one classifier likes below one both like."""
    first = np.array([0.5, 0.5, 0.0])
    second = np.array([0.5, 0.0, 0.5])
    combined = combine(first, second)
    assert combined.argmax() == 0 and combined[0] == pytest.approx(1.0)
    assert combine(np.array([1.0, 0.0]), np.array([0.0, 1.0])).tolist() == [0.0, 1.0]
