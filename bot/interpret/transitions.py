"""The conversation state a decision leaves behind (a pure function, beside the rules that decide)."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from bot.interpret.decision import (
    ANSWER,
    COMPARE,
    COUNSELOR,
    CRISIS,
    NOT_KNOWN,
    OTHER_LANGUAGE,
    PLAN,
    RESTART,
    SMALL_TALK,
    UNKNOWN_CAREER,
    WHICH_CAREER,
    WORRY,
    Decision,
)
from bot.interpret.inputs import PathwayState, State
from bot.interpret.rules import EXPLAINED_TOPICS, HANDOFF_OFFER, decode_answers


def _plan_state(decision: Decision, state: State) -> PathwayState:
    pathway = state.pathway
    move = decision.plan
    if move is None:
        return pathway
    answers = decode_answers(decision.details.get("answers", "")) if "answers" in decision.details \
        else dict(pathway.answers)
    career = decision.careers[0] if decision.careers else pathway.career
    if move.kind == "ask":
        digressions = pathway.digressions if decision.rule == "plan_again" else 0
        return PathwayState(move.question, career, answers, failed=move.retry, digressions=digressions)
    if move.kind == "plan":
        return PathwayState(None, career, answers)
    if move.kind == "digression":
        return replace(pathway, digressions=pathway.digressions + 1)
    if move.kind in {"stopped", "gave_up", "paused", "left"}:
        return PathwayState(None, pathway.career, pathway.answers)
    return pathway


def _detail_topic(question: str) -> Optional[str]:
    """The answer topic that covers a detail looked up in a file (search-words.yml concepts name one)."""
    from bot.answers import search  # vocabulary only: which topic covers "license", "schedule", ...

    return search.concepts().topic_of(question)


def next_state(decision: Decision, state: State) -> State:
    """The state after this turn: the career talked about, the last topic, pending questions, offers, the plan."""
    if decision.kind == RESTART:
        return State()
    if decision.kind in {WORRY, OTHER_LANGUAGE}:  # heard; the state moves as the answer after it says (if any)
        return next_state(decision.then, state) if decision.then is not None else state.but(offer=None)
    new = state.but(offer=None)
    if decision.kind in {CRISIS, COUNSELOR}:
        new = new.but(pathway=replace(state.pathway, question=None, failed=0, digressions=0))
    if decision.kind == COUNSELOR:
        new = new.but(offer=HANDOFF_OFFER)
    if decision.kind == WHICH_CAREER:
        new = new.but(pending_topics=decision.topics)
    if decision.kind in {ANSWER, COMPARE, NOT_KNOWN, PLAN, SMALL_TALK} and decision.careers:
        new = new.but(career=decision.careers[0], pending_topics=())
    if decision.kind == COMPARE:
        new = new.but(compared=decision.careers)
    elif (decision.kind in {ANSWER, NOT_KNOWN} and state.career and len(decision.careers) == 1
          and decision.careers[0] != state.career and (decision.rule == "switch" or not state.compared)):
        # "what about barbers?" or "and school counselors, less school?" after realtors: both are in play,
        # "which 1 has more jobs?" compares them (after a comparison, another career asked ends it)
        new = new.but(compared=(state.career, decision.careers[0]))
    elif decision.careers and not set(decision.careers) <= set(state.compared):
        new = new.but(compared=())  # talking about another career now
    if decision.kind in {ANSWER, COMPARE, UNKNOWN_CAREER} and decision.topics:
        # the last figure answered, else the last topic: "pay? i do shop class" then "is that a lot?" is about the pay
        figures = [topic for topic in decision.topics if topic in EXPLAINED_TOPICS]
        new = new.but(last_topic=(figures or list(decision.topics))[-1])
    if decision.kind == NOT_KNOWN and decision.careers and decision.question:
        covering = _detail_topic(decision.question)  # "do they need a license?" then "what about hvac guys?"
        if covering:
            new = new.but(last_topic=covering)
    if decision.plan is not None:
        new = new.but(pathway=_plan_state(decision, new))
        if decision.plan.kind == "plan":
            new = new.but(last_topic="how_to_become")
    if decision.then is not None:
        new = new.but(pathway=_plan_state(decision.then, new))
    return new
