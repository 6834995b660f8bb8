"""Misspelled titles of other careers are recognised, and nothing else is (bot/nlp/title_typos.py)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.pay import ActionAnswerPay
from bot.nlp import title_typos
from bot.nlp.evaluate import HELDOUT_FILE, read_examples
from tests.conftest import make_tracker, texts


@pytest.mark.parametrize(
    "text, title",
    [
        ("plumer pay", "plumber"),
        ("acountant salary", "accountant"),
        ("how to become a vetrinarian", "veterinarian"),
        ("techer pay", "teacher"),
    ],
)
def test_misspelled_titles_are_found(text: str, title: str) -> None:
    assert title_typos.misspelled_title(text) == title


@pytest.mark.parametrize(
    "text",
    [
        "what factors affect pay",  # "factors" is a known word, not a typo of "actors"
        "do they need to be a good manger",  # a typo of our own "manager"
        "how much do industral production managers make",
        "whats the sallary",
        "",
    ],
)
def test_known_words_and_typos_of_ours_are_not_titles(text: str) -> None:
    assert title_typos.misspelled_title(text) is None


def test_no_question_about_our_career_in_the_development_set_is_taken_for_another() -> None:
    """None of the 500+ development examples about this career contains a 'misspelled title'."""
    ours = [text for text, intent in read_examples(HELDOUT_FILE) if intent != "ask_other_career"]
    assert len(ours) > 400
    assert [t for t in ours if title_typos.misspelled_title(t)] == []


async def test_pay_question_with_a_misspelled_title_gets_no_figures(domain, dispatcher: CollectingDispatcher) -> None:
    await ActionAnswerPay().run(dispatcher, make_tracker("plumer pay", "ask_pay"), domain)
    assert dispatcher.messages[0]["response"] == "utter_other_career"
    assert dispatcher.messages[0]["occupation"] == "plumber"
    assert "107" not in texts(dispatcher)
