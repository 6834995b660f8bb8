"""What a turn was about, kept for counselors (the ``turn_record`` slot; the counselor page reads it).

No message text: the student's message is already stored (masked) as the turn's
user event. The record says what the bot made of it: the kind of answer, the
topics and careers, careers the bot has no file for yet, and whether the plan
questions started or finished.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Union

from bot.interpret.decision import UNKNOWN_CAREER, Decision
from bot.interpret.inputs import State

SLOT = "turn_record"
Record = Dict[str, Union[str, List[str], None]]


def _plan(decision: Decision, state: State) -> Optional[str]:
    """``started`` when this turn asks the first plan question, ``finished`` when it gives the plan."""
    moves = [move for move in (decision.plan, decision.then.plan if decision.then else None) if move is not None]
    if any(move.kind == "plan" for move in moves):
        return "finished"
    if any(move.kind == "ask" for move in moves) and not state.pathway.active:
        return "started"
    return None


def turn_record(decision: Decision, state: State) -> Record:
    """The record of one turn: kind, topics, careers (ids), other careers (titles), plan step."""
    return {
        "kind": decision.kind,
        # topics the bot answered: a question about a career it doesn't have counts under "career not in the bot"
        "topics": [] if decision.kind == UNKNOWN_CAREER else list(decision.topics),
        "careers": list(decision.careers),
        "others": list(decision.others),
        "plan": _plan(decision, state),
    }
