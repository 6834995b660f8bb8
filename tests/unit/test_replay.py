"""The development question sets, replayed against the interpretation code from recorded NLU parses.

Each rule of bot/interpret/rules.py exists for questions in these sets; this test
fails when an item that passed when the baseline was taken fails now (see
bench/replay.py). No model or server is needed: seconds.
"""

from __future__ import annotations

from typing import Dict, List

import pytest

from bench import replay
from bench.questions import Item, QuestionSet, Turn

SETS = replay.dev_sets()
PARSES = replay.load_parses()
KNOWN = replay.load_known_failures()


def test_every_development_message_has_a_recorded_parse() -> None:
    missing = [turn.say for qset in SETS.values() for item in qset.items for turn in item.turns
               if replay.masked(turn.say) not in PARSES]
    assert not missing, f"{len(missing)} messages have no recorded parse: run `python -m bench.replay record`"


@pytest.mark.parametrize("name", sorted(SETS))
def test_development_set_has_no_regressions(name: str) -> None:
    results = replay.replay_set(SETS[name], PARSES)
    known = set(KNOWN.get(name, []))
    regressions = [f"{r.id}: {r.problems[0]}" for r in results if not r.passed and r.id not in known]
    fixed = [r.id for r in results if r.passed and r.id in known]
    assert not regressions, "items that passed at the baseline fail now:\n" + "\n".join(regressions)
    assert not fixed, f"items listed as known failures pass now (run `python -m bench.replay baseline`): {fixed}"


def _parse(intent: str, text: str, entities: Dict[str, str]) -> Dict[str, object]:
    return {"text": text, "intent": {"name": intent, "confidence": 0.99},
            "intent_ranking": [{"name": intent, "confidence": 0.99}],
            "entities": [{"entity": k, "value": v} for k, v in entities.items()]}


def test_the_replay_carries_the_career_between_turns_and_can_fail() -> None:
    """A follow-up without a career is answered for the career of the turn before; a wrong expectation fails."""
    parses = {
        "how much do registered nurses make": _parse("ask_pay", "how much do registered nurses make",
                                                     {"career": "registered-nurses"}),
        "is it growing": _parse("ask_outlook", "is it growing", {}),
    }
    good = Item("ok", "conversation", (Turn("how much do registered nurses make", (("$81,220",),)),
                                       Turn("is it growing", (("6 percent",),), (("$81,220",),))))
    bad = Item("bad", "conversation", (Turn("how much do registered nurses make", (("$107,560",),)),))
    results: List[replay.Replayed] = replay.replay_set(QuestionSet(items=(good, bad)), parses)
    assert [r.passed for r in results] == [True, False]
