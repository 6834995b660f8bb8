"""The benchmark's held-out questions are well-formed and independent of the training data."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, Set

import pytest
import yaml

from bench import questions
from bot.paths import DATA_DIR

ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def training_messages(nlu_dir: Path = DATA_DIR / "nlu") -> Set[str]:
    """Every example in data/nlu (intents, synonyms, lookups), normalised, entity markup removed."""
    found: Set[str] = set()
    for path in sorted(nlu_dir.rglob("*.yml")):
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
        for entry in data.get("nlu") or []:
            examples = entry.get("examples") or ""
            lines = examples.splitlines() if isinstance(examples, str) else [str(e) for e in examples]
            for line in lines:
                line = line.strip()
                if line.startswith("- "):
                    line = line[2:]
                if line:
                    found.add(questions.normalize_message(ANNOTATION.sub(r"\1", line)))
    return found


@pytest.fixture(scope="module")
def question_set() -> questions.QuestionSet:
    return questions.load()


@pytest.mark.parametrize(
    "path", [questions.QUESTIONS_FILE, questions.HONEST_FILE, *questions.DEV_QUESTIONS_FILES],
    ids=lambda p: Path(p).stem
)
def test_no_benchmark_question_is_in_the_training_data(path: Path) -> None:
    """A held-out question that is also a training example would measure memory, not understanding.

    The development sets (earlier benchmark sets, whose results were read) are
    checked too: training data may cover their kinds of message, never their items.
    """
    trained = training_messages()
    assert len(trained) > 100, "data/nlu looks empty: the overlap check would be meaningless"
    overlap = sorted({m for m in questions.load(path).messages() if questions.normalize_message(m) in trained})
    assert overlap == [], f"benchmark questions found in data/nlu: {overlap}"


def test_the_held_out_set_shares_no_question_with_the_development_sets() -> None:
    """The held-out set was written without seeing the development sets; no item may repeat one."""
    assert len(questions.DEV_QUESTIONS_FILES) >= 2
    dev = {questions.normalize_message(m) for p in questions.DEV_QUESTIONS_FILES for m in questions.load(p).messages()}
    repeated = sorted(m for m in questions.load().messages() if questions.normalize_message(m) in dev)
    assert repeated == [], f"held-out questions repeated from the development set: {repeated}"


def test_the_set_has_at_least_300_items_over_many_topics(question_set: questions.QuestionSet) -> None:
    """The many-careers held-out set: 300+ items, every kind of question, conversations too."""
    topics = {item.topic for item in question_set.items}
    assert len(question_set.items) >= 300
    assert {"pay", "compare", "browse", "unknown_career", "missing_fact", "conversation", "which_career"} <= topics
    assert any(len(item.turns) > 1 for item in question_set.items)


def _careers_named(question_set: questions.QuestionSet) -> Dict[str, int]:
    from bot.knowledge.current import knowledge_for
    from bot.knowledge.loader import load_all

    catalog = knowledge_for(load_all()).catalog
    counts: Dict[str, int] = {}
    for item in question_set.items:
        for career in {c for turn in item.turns for c in catalog.find(turn.say).careers}:
            counts[career] = counts.get(career, 0) + 1
    return counts


UNSEEN_CAREERS = questions.UNSEEN_CAREERS


def test_the_set_covers_ten_careers_and_the_five_unseen_ones(question_set: questions.QuestionSet) -> None:
    """At least 10 careers are asked about, each of the five unseen careers in 20 items or more."""
    counts = _careers_named(question_set)
    assert len(counts) >= 10, counts
    assert all(counts.get(career, 0) >= 20 for career in UNSEEN_CAREERS), counts


def test_the_unseen_careers_are_absent_from_the_training_data() -> None:
    """No name of the five unseen careers (from their files, plurals too) is in data/nlu."""
    from bot.knowledge.catalog import Catalog
    from bot.knowledge.loader import load_all

    careers = load_all()
    catalog = Catalog.build({c: careers[c] for c in UNSEEN_CAREERS}, {})
    named = [text for text in training_messages() if catalog.find(text).careers]
    assert named == []


def test_unknown_career_items_forbid_something(question_set: questions.QuestionSet) -> None:
    """Every item about a career the bot doesn't have checks that no figure or guess is given."""
    for item in question_set.items:
        if item.topic == "unknown_career":
            assert any(t.not_contains for t in item.turns), item.id


def test_checks_pass_and_fail_on_reply_text() -> None:
    turn = questions.Turn("pay?", contains=(("$107,560",), ("May 2022", "2022")), not_contains=(("nurse",),))
    assert turn.problems("The average pay was $107,560 in May 2022.") == []
    assert turn.problems("The average pay was $107,560.") == ["missing 'May 2022 | 2022'"]
    assert turn.problems("Nurses make $107,560 in 2022") == ["must not contain 'nurse'"]
    assert questions.Turn("x", contains=(("you're welcome",),)).problems("You\u2019re  Welcome!") == []


def test_unknown_fact_names_the_item(tmp_path: Path) -> None:
    path = tmp_path / "q.yml"
    path.write_text("facts: {}\nitems:\n  - {id: a-1, topic: pay, say: hi, contains: ['@nope']}\n")
    with pytest.raises(questions.QuestionFileError, match="a-1.*@nope"):
        questions.load(path)


def test_an_item_without_checks_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "q.yml"
    path.write_text("items:\n  - {id: a-1, topic: pay, say: hi}\n")
    with pytest.raises(questions.QuestionFileError, match="no checks"):
        questions.load(path)


def test_not_start_checks_the_beginning_of_the_reply() -> None:
    turn = questions.Turn("do they fly planes?", not_start=("Yes",))
    assert turn.problems("Yes. They might fly planes.") == ["must not start with 'Yes'"]
    assert turn.problems("My information doesn't mention that. Yes, it says nothing.") == []


def test_the_honest_answers_set_loads_with_its_classes() -> None:
    honest = questions.load(questions.HONEST_FILE)
    assert len(honest.items) >= 150
    assert {"false_yes", "premise", "figures", "worry", "glossary", "language", "plan"} <= {i.topic for i in honest.items}
