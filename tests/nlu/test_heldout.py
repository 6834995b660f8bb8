"""NLU quality on the held-out set, and the rule that held-out data never trains the model."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
import yaml

from bench.accuracy import clinc_dir
from bot.nlp.evaluate import HELDOUT_FILE, evaluate, read_examples
from bot.paths import DATA_DIR, ROOT
from bot.safety import crisis_model

MIN_ACCURACY = 0.95


def _norm(text: str) -> str:
    return re.sub(r"[^\w ]", "", text.lower()).strip()


def _training_texts() -> set:
    """The NLU data's examples and the crisis model's extra examples (bot/safety/crisis_model.py)."""
    texts = set()
    for path in DATA_DIR.glob("nlu/*.yml"):
        for text, _ in read_examples(path):
            texts.add(_norm(text))
    crisis, not_crisis = crisis_model.read_examples()
    return texts | {_norm(text) for text in crisis + not_crisis}


def test_heldout_examples_never_in_training_data() -> None:
    """No held-out example (compared case- and punctuation-insensitively) is in data/ (NLU or crisis model)."""
    training = _training_texts()
    leaked = [text for text, _ in read_examples(HELDOUT_FILE) if _norm(text) in training]
    assert leaked == []


@pytest.mark.parametrize("name", ["oos_test.txt", "oos_val.txt", "inscope_test_sample.tsv"])
def test_clinc_evaluation_files_never_in_training_data(name: str) -> None:
    """CLINC150's evaluation requests are never trained on (only oos_train.txt may be)."""
    training = _training_texts()
    lines = (clinc_dir() / name).read_text(encoding="utf-8").splitlines()
    requests = [line.split("\t")[0] for line in lines if line.strip() and not line.startswith("text\t")]
    leaked = [r for r in requests if _norm(r) in training]
    assert leaked == []


def test_heldout_covers_every_intent() -> None:
    """Every intent in the domain is evaluated, with at least 10 examples."""
    with (ROOT / "domain.yml").open(encoding="utf-8") as handle:
        intents = set(yaml.safe_load(handle)["intents"])
    counts: dict = {}
    for _, intent in read_examples(HELDOUT_FILE):
        counts[intent] = counts.get(intent, 0) + 1
    assert set(counts) == intents
    assert min(counts.values()) >= 10


@pytest.mark.slow
def test_heldout_intent_accuracy(model: Path) -> None:
    """Intent accuracy on the held-out set is at least 0.95 (fallbacks count as wrong)."""
    report = asyncio.run(evaluate(model, read_examples(HELDOUT_FILE)))
    assert report.accuracy >= MIN_ACCURACY, report.render()
