"""Turning a stored chat into a conversation test file (without a tracker store: events as Rasa stores them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List

import pytest

from bot.conversations.export import (
    ChatTurn,
    checks_for,
    distinctive_phrases,
    figures_in,
    reference_replies,
    render_test,
    turns_from_events,
)
from bot.conversations.format import normalize, parse_text

BUTTONS = [{"title": "What they do", "payload": "/ask_summary"}, {"title": "Pay", "payload": "/ask_pay"}]
PAY = (
    "The average pay for industrial production managers in the United States was $107,560 in May 2022, "
    "according to the U.S. Bureau of Labor Statistics. Want to know what it depends on? Just ask \"what affects pay?\""
)


def _user(text: str) -> Dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": "x"}}}


def _bot(text: str, buttons: List[Dict[str, str]] = ()) -> Dict[str, Any]:  # type: ignore[assignment]
    return {"event": "bot", "text": text, "data": {"buttons": list(buttons) or None}}


def test_events_become_turns_and_payloads_become_clicks() -> None:
    """Student messages become turns; a payload the previous reply offered becomes a click on its title."""
    events = [
        {"event": "session_started"},
        {"event": "action", "name": "action_listen"},
        _user("hi"),
        {"event": "action", "name": "utter_greet"},
        _bot("Hi! I'm a career guide.", BUTTONS),
        _user("/ask_pay"),
        _bot(PAY),
        {"event": "slot", "name": "last_topic", "value": "pay"},
        _user("/ask_summary"),
        _bot("They oversee plants."),
    ]
    turns = turns_from_events(events)
    assert [(t.text, t.click) for t in turns] == [("hi", None), ("/ask_pay", "Pay"), ("/ask_summary", None)]
    assert turns[0].buttons == BUTTONS
    assert turns[1].replies == [PAY]


def test_a_restart_starts_the_export_over() -> None:
    """Only turns after the last restart are exported (the replay starts in a fresh chat)."""
    turns = turns_from_events([_user("hi"), _bot("Hello"), {"event": "restart"}, _user("salary?"), _bot(PAY)])
    assert [t.text for t in turns] == ["salary?"]


def test_figures_are_picked_most_telling_first() -> None:
    """Money, percentages and big numbers are picked; bare years only when nothing else is there."""
    assert figures_in(PAY) == ["$107,560", "May 2022"]
    assert figures_in("grow 2 percent from 2022 to 2032") == ["2 percent"]
    assert figures_in("About 15,300 new job openings (2022-2032)") == ["15,300"]
    assert figures_in("from 2022 to 2032") == ["2022", "2032"]
    assert figures_in("no numbers here") == []


def test_phrases_are_short_exact_and_distinctive() -> None:
    """A chosen phrase is a few words copied from the reply, and not one the bot's other replies share."""
    corpus = reference_replies()
    reply = "Industrial production managers split their time between the production area and a nearby office."
    phrases = distinctive_phrases(reply, corpus, count=2)
    assert phrases
    for phrase in phrases:
        assert 2 <= len(phrase.split()) <= 5
        assert normalize(phrase) in normalize(reply)
        assert normalize(phrase) != "industrial production managers"
        others = [doc for doc in corpus if normalize(reply) not in normalize(doc)]
        assert sum(normalize(phrase) in normalize(doc) for doc in others) <= 1


def test_checks_cover_figures_and_buttons() -> None:
    """A reply's figures and buttons become checks."""
    checks = checks_for(ChatTurn("salary?", replies=[PAY], buttons=BUTTONS), reference_replies())
    assert checks["must mention"][:2] == ["$107,560", "May 2022"]
    assert checks["must offer buttons"] == ["What they do", "Pay"]


@pytest.mark.parametrize(
    "message",
    ["no", "what: is this?", "# not a comment", '"quoted"', "- dash", "it's", "50% off", "yes", "  padded  "],
)
def test_written_file_reads_back_exactly(tmp_path: Path, message: str) -> None:
    """Whatever a student typed, the written file loads and says exactly that."""
    turns = [
        ChatTurn(message, replies=["Sorry, I can't help with that."]),
        ChatTurn("/ask_pay", click="Pay", replies=[PAY]),
    ]
    text = render_test("abc-123", turns, "Saved: a title with: colon", reference_replies())
    loaded = parse_text(text, tmp_path / "saved.yml")
    conversation = loaded.conversations[0]
    assert conversation.title == "Saved: a title with: colon"
    assert conversation.turns[0].student == message.strip()
    assert conversation.turns[1].click == "Pay"
    assert "$107,560" in conversation.turns[1].must_mention
    assert "# bot: Sorry, I can't help with that." in text, "the full reply is kept as a comment"
