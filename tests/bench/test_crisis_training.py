"""The crisis training files are generated from the development safety sets only, and are up to date."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench import accuracy, crisis_training, questions
from bot.safety import crisis_model


def test_the_crisis_model_examples_are_up_to_date(tmp_path: Path) -> None:
    """data/safety/crisis-examples.yml is what `python -m bench.crisis_training` writes from today's sets."""
    crisis_files = crisis_training.dev_files("crisis")
    look_alikes = crisis_training.dev_files("not-crisis")
    written = tmp_path / "crisis-examples.yml"
    data = crisis_training.build_model_examples(crisis_files, look_alikes)
    crisis_training.write_model_examples(data, written, crisis_files + look_alikes)
    assert written.read_text(encoding="utf-8") == crisis_model.EXAMPLES_FILE.read_text(encoding="utf-8"), (
        "run `python -m bench.crisis_training`")


def test_no_held_out_message_or_benchmark_question_is_a_crisis_model_example() -> None:
    positives, negatives = crisis_model.read_examples()
    examples = {questions.normalize_message(t) for t in positives + negatives}
    held_out = [m["text"] for name in crisis_training.HELD_OUT_SAFETY
                for m in yaml.safe_load((crisis_training.SAFETY_DIR / name).read_text(encoding="utf-8"))["messages"]]
    held_out += [*questions.load(questions.QUESTIONS_FILE).messages(), *questions.load(questions.HONEST_FILE).messages()]
    held_out += [text for texts in accuracy.clinc_requests().values() for text in texts]  # evaluation only
    dev_set = (crisis_training.SAFETY_DIR / "dev-everyday-requests.txt").read_text(encoding="utf-8").splitlines()
    held_out += [line for line in dev_set if not line.startswith("#")]  # the development set, never trained on
    assert positives and negatives
    assert not examples & {questions.normalize_message(t) for t in held_out if t.strip()}
