"""Rasa's own data validation, with the known false positives named explicitly."""

from __future__ import annotations

import warnings

from bot.answers.render import TRANSLATED
from bot.interpret.rules import SMALL_TALK_INTENTS
from bot.interpret.worries import worries
from bot.paths import CONFIG_FILE, DATA_DIR, DOMAIN_FILE

# Every response is sent by code (action_respond, the channel guard), which Rasa's validator can't see
# in rules: by name, or as utter_<small-talk intent> and utter_pathway_<how the plan questions ended>.
BUILT_NAMES = [f"utter_{intent}" for intent in SMALL_TALK_INTENTS] + [
    f"utter_pathway_{kind}" for kind in ("stopped", "gave_up", "paused")
] + [f"utter_worry_{kind}" for kind, _ in worries()] + [
    f"utter_other_language_{code}" for code in TRANSLATED]  # one per kind of knowledge/vocabulary/worry-words.yml


def _domain_responses() -> list:
    import yaml

    with DOMAIN_FILE.open(encoding="utf-8") as handle:
        return list(yaml.safe_load(handle)["responses"])


def _code() -> str:
    root = DOMAIN_FILE.parent
    return "\n".join(p.read_text(encoding="utf-8") for folder in ("bot", "actions") for p in (root / folder).rglob("*.py"))


def test_every_response_is_sent_by_code() -> None:
    """Each response of domain.yml is named in the code (or built from a name the code uses): none is dead."""
    code = _code()
    unused = [name for name in _domain_responses() if name not in code and name not in BUILT_NAMES]
    assert unused == []


def test_one_rule_per_intent_to_action_respond() -> None:
    """data/rules/respond.yml sends every intent (and nlu_fallback) to action_respond; restart is Rasa's own."""
    import yaml

    with DOMAIN_FILE.open(encoding="utf-8") as handle:
        intents = (set(yaml.safe_load(handle)["intents"]) | {"nlu_fallback"}) - {"restart"}
    with (DATA_DIR / "rules" / "respond.yml").open(encoding="utf-8") as handle:
        rules = yaml.safe_load(handle)["rules"]
    assert {rule["steps"][0]["intent"] for rule in rules} == intents
    assert {rule["steps"][1]["action"] for rule in rules} == {"action_respond"}


def test_validator_warns_only_about_responses_sent_by_code() -> None:
    """`rasa data validate` finds no problem except responses our code sends itself."""
    from rasa.shared.importers.importer import TrainingDataImporter
    from rasa.validator import Validator

    importer = TrainingDataImporter.load_from_config(
        config_path=str(CONFIG_FILE), domain_path=str(DOMAIN_FILE), training_data_paths=[str(DATA_DIR)]
    )
    validator = Validator.from_importer(importer)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        valid = all(
            [
                validator.verify_intents_in_stories(ignore_warnings=False),
                validator.verify_example_repetition_in_intents(ignore_warnings=False),
                validator.verify_story_structure(ignore_warnings=False),
                validator.verify_utterances_in_stories(ignore_warnings=True),
                validator.verify_forms_in_stories_rules(),
                validator.verify_actions_in_stories_rules(),
                validator.verify_domain_validity(),
            ]
        )
    messages = [str(w.message) for w in caught if "is not used in any story or rule" in str(w.message)]
    responses = _domain_responses()
    unexpected = [m for m in messages if not any(f"'{name}'" in m for name in responses)]
    assert valid
    assert unexpected == []
