"""Rasa's own data validation, with the known false positives named explicitly."""

from __future__ import annotations

import warnings

from bot.paths import CONFIG_FILE, DATA_DIR, DOMAIN_FILE

# Responses sent from code, which Rasa's validator can't see in stories or rules:
# by actions (dispatcher.utter_message(response=...)) or by the channel guard.
SENT_BY_CODE = {
    "utter_other_career",
    "utter_unknown_detail",
    "utter_fallback",  # action_fallback (second look first)
    "utter_out_of_scope",  # action_out_of_scope
    "utter_no_more",
    "utter_empty_message",
    "utter_message_too_long",
    "utter_technical_problem",
    "utter_pathway_not_understood",
    "utter_pathway_offer_stop",
    "utter_pathway_gave_up",
    "utter_pathway_paused",
    "utter_pathway_plan_outro",
    "utter_restart",  # sent by Rasa's built-in action_restart
    # actions/safety.py, with the school's contacts
    "utter_crisis",
    "utter_crisis_concern",
    "utter_counselor",
    "utter_handoff_done",
    "utter_handoff_declined",
    "utter_handoff_failed",
    "utter_boundary",
    "utter_personal_details_reminder",  # the channel guard
}


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
    unexpected = [m for m in messages if not any(f"'{name}'" in m for name in SENT_BY_CODE)]
    assert valid
    assert unexpected == []
