"""Checking one reply against a turn's expectations, as the runner does after each message."""

from __future__ import annotations

from typing import List, Optional

from bot.conversations.format import Turn
from bot.conversations.runner import Button, TurnResult, check_reply, technical_problem_text

PAY = (
    "The average pay for industrial production managers in the United States was $107,560 in May 2022, "
    "according to the U.S. Bureau of Labor Statistics."
)


def _check(turn: Turn, texts: List[str], buttons: Optional[List[str]] = None) -> TurnResult:
    result = TurnResult(turn, sent=turn.student, texts=texts, buttons=[Button(t, f"/{t}") for t in buttons or []])
    check_reply(turn, result, technical_problem_text())
    return result


def test_mentions_match_whatever_the_case_and_quotes() -> None:
    """'must mention' ignores case and curly quotes; every check that holds is listed as passed."""
    phrases = ("$107,560", "bureau of labor statistics", "Industrial production")
    turn = Turn(line=3, student="pay?", must_mention=phrases)
    result = _check(turn, [PAY])
    assert result.passed
    assert len(result.passed_checks) == 3


def test_missing_phrase_fails_with_the_phrase_named() -> None:
    """A phrase the reply lacks fails the turn and the problem quotes it."""
    result = _check(Turn(line=3, student="pay?", must_mention=("$999,999",)), [PAY])
    assert not result.passed
    assert result.problems == ['Expected the reply to mention "$999,999", but it doesn\'t.']


def test_forbidden_phrase_fails() -> None:
    """'must not mention' fails when the reply contains the phrase in any case."""
    result = _check(Turn(line=3, student="nurses?", must_not_mention=("$107,560", "15,300")), [PAY.upper()])
    assert result.problems == ['Expected the reply NOT to mention "$107,560", but it does.']
    assert result.passed_checks == ['does not mention "15,300"']


def test_buttons_are_checked_by_title() -> None:
    """'must offer buttons' compares titles case-insensitively and lists what was offered when one is missing."""
    turn = Turn(line=3, student="help", must_offer_buttons=("pay", "Salary"))
    result = _check(turn, ["Pick a topic:"], ["Pay", "Skills"])
    assert result.passed_checks == ['offers the button "pay"']
    assert result.problems == ['Expected a button "Salary"; the bot offered: "Pay", "Skills".']


def test_no_reply_and_technical_apology_always_fail() -> None:
    """A turn without checks still fails if the bot said nothing or apologised for a technical problem."""
    assert _check(Turn(line=3, student="hi"), []).problems == ["The bot sent no reply at all."]
    apology = technical_problem_text()
    assert apology, "domain.yml defines utter_technical_problem"
    result = _check(Turn(line=3, student="hi"), [apology])
    assert not result.passed
    assert "technical-problem apology" in result.problems[0]
