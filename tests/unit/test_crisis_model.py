"""The dedicated crisis model (bot/safety/crisis_model.py) and how the safety stage uses its score."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from bot.nlp.safety_intents import decide
from bot.safety import crisis_model

SAFETY_SETS = Path(__file__).resolve().parents[2] / "bench" / "safety"


def _dev_messages(kind: str, number: int) -> list:
    data = yaml.safe_load((SAFETY_SETS / f"dev-{kind}-messages-{number}.yml").read_text(encoding="utf-8"))
    return [str(m["text"]) for m in data["messages"]]


def test_one_message_row_is_its_row_of_the_batch_features() -> None:
    """The fast path for one message gives exactly the columns and values of sklearn's batch features."""
    texts = _dev_messages("crisis", 1) + _dev_messages("not-crisis", 1) + ["", "😭😭", "I'M FINE!!!"]
    matrix = crisis_model.features(texts)
    for index, text in enumerate(texts):
        columns, values = crisis_model.row(text)
        expected = matrix[index]
        assert dict(zip(columns.tolist(), values.tolist(), strict=True)) == pytest.approx(
            dict(zip(expected.indices.tolist(), expected.data.tolist(), strict=True)))


def test_trained_model_tells_crisis_from_look_alikes_it_never_saw(tmp_path: Path) -> None:
    """Trained on two development sets, it ranks a third set's crisis messages above its look-alikes."""
    positives = _dev_messages("crisis", 1) + _dev_messages("crisis", 2)
    negatives = _dev_messages("not-crisis", 1) + _dev_messages("not-crisis", 2)
    model = crisis_model.train(positives, negatives)
    crisis_scores = model.scores(_dev_messages("crisis", 3))
    other_scores = model.scores(_dev_messages("not-crisis", 3))
    assert np.median(crisis_scores) > 0.5 > np.median(other_scores)
    model.save(tmp_path / "model.npz")
    loaded = crisis_model.CrisisModel.load(tmp_path / "model.npz")
    text = _dev_messages("crisis", 3)[0]
    assert loaded.score(text) == pytest.approx(model.score(text), abs=1e-6)
    assert model.score(text) == pytest.approx(float(model.scores([text])[0]), abs=1e-6)


def test_training_needs_both_kinds_of_message() -> None:
    with pytest.raises(ValueError):
        crisis_model.train(["i want to die"], [])


def test_extra_examples_file_reads_both_lists(tmp_path: Path) -> None:
    path = tmp_path / "examples.yml"
    path.write_text("crisis:\n- i want to disappear forever\nnot_crisis:\n- this quiz is killing me\n")
    assert crisis_model.read_examples(path) == (["i want to disappear forever"], ["this quiz is killing me"])
    assert crisis_model.read_examples(tmp_path / "missing.yml") == ([], [])
    assert crisis_model.examples_digest(path) != crisis_model.examples_digest(tmp_path / "missing.yml")


def test_the_model_score_counts_like_the_classifiers() -> None:
    """Enough on its own when it reaches what the message needs; never on hyperbole or another language."""
    quiet = "i feel like a ghost in my own house lately"
    assert decide(quiet, [], 0.7, 0.99, model=(0.95, 0.9)) == "crisis"
    assert decide(quiet, [], 0.7, 0.99, model=(0.85, 0.9)) is None
    boredom = "if i have to sit through one more assembly im going to die of boredom"
    assert decide(boredom, [], 0.7, 0.99, model=(0.99, 0.9)) is None
    assert decide("Y tá kiếm được bao nhiêu tiền một năm?", [], 0.7, 0.99, model=(0.99, 0.9)) is None


def test_the_classifier_alone_needs_the_model_not_to_rule_it_out() -> None:
    """A classifier crisis score is not trusted when the model is nearly sure there is no crisis."""
    nails = "how do i stop biting my nails"
    ranking = [{"name": "crisis", "confidence": 0.9}, {"name": "out_of_scope", "confidence": 0.09}]
    assert decide(nails, ranking, 0.7, 0.99, model=(0.005, 0.75), classifier_needs_model=0.05) is None
    assert decide(nails, ranking, 0.7, 0.99, model=(0.06, 0.75), classifier_needs_model=0.05) == "crisis"
    assert decide(nails, ranking, 0.7, 0.99, model=(0.0, 0.75)) == "crisis"  # no model: the classifier decides
    assert decide("i want to kill myself", [], 0.7, 0.99, model=(0.0, 0.75), classifier_needs_model=0.05) == "crisis"


def test_a_career_question_or_a_worry_needs_a_surer_model() -> None:
    from bot.nlp.safety_intents import SafetyIntents, model_needed, next_guess

    config = {**SafetyIntents.get_default_config(), "model_threshold": 0.7, "model_career_question_threshold": 0.99,
              "model_worry_threshold": 0.95}
    assert model_needed(config, False, False) == 0.7
    assert model_needed(config, True, False) == 0.99
    assert model_needed(config, False, True) == 0.95
    assert model_needed(config, True, True) == 0.99
    ranking = [{"name": "crisis", "confidence": 0.5}, {"name": "nlu_fallback", "confidence": 0.5},
               {"name": "share_worry", "confidence": 0.3}, {"name": "ask_pay", "confidence": 0.1}]
    assert next_guess(ranking) == "share_worry"
    assert next_guess([{"name": "crisis", "confidence": 1.0}]) == ""


def test_safety_stage_reports_the_model_score() -> None:
    """The parse carries the model's score beside the classifier's, for review."""
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlp.safety_intents import MODEL_SCORE, SafetyIntents

    model = crisis_model.train(_dev_messages("crisis", 1), _dev_messages("not-crisis", 1))
    stage = SafetyIntents({"crisis_threshold": 0.7, "model_threshold": 0.5}, model=model)
    message = Message(data={"text": "i feel like a ghost in my own house lately",
                            "intent": {"name": "out_of_scope", "confidence": 0.6},
                            "intent_ranking": [{"name": "out_of_scope", "confidence": 0.6}]})
    stage.process([message])
    assert message.get(MODEL_SCORE) == pytest.approx(model.score(message.get("text")), abs=1e-4)
    assert (message.get("intent")["name"] == "crisis") == (message.get(MODEL_SCORE) >= 0.5)
