"""What the interpreter decides a turn means (``Decision``), and the state it leaves behind.

A decision names the rule that made it (for tests and the development-set
replay), its kind, and what it is about: topics, careers, and the details some
kinds need. The answer builders (bot/answers/) turn it into the reply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Optional, Tuple

# Kinds of decision, in the order the rule table usually reaches them.
CRISIS = "crisis"
COUNSELOR = "counselor"
HANDOFF = "handoff"
HANDOFF_DECLINED = "handoff_declined"
BOUNDARY = "boundary"
RESTART = "restart"
PLAN = "plan"  # the step-by-step plan questions: start, next question, the plan, or stopping
SMALL_TALK = "small_talk"
BROWSE = "browse"
COMPARE = "compare"
UNKNOWN_CAREER = "unknown_career"
WHICH_CAREER = "which_career"
ANSWER = "answer"
NOT_KNOWN = "not_known"  # a detail no knowledge file has
NO_MORE = "no_more"
OUT_OF_SCOPE = "out_of_scope"
EXPLAIN = "explain"  # "is that a lot?" right after a figure: the figure explained (bot/answers/explain.py)
GLOSSARY = "glossary"  # "what's an associate's degree?": the word's plain definition (knowledge/glossary.yml)
OTHER_LANGUAGE = "other_language"  # not written in English: said in that language where the bot can
WORRY = "worry"  # a worry that is not a crisis: acknowledged, the counselor's contact, then any answer (``then``)
FALLBACK = "fallback"


@dataclass(frozen=True)
class PayQuery:
    """What a pay question asks for besides the yearly median: a period, a level or a place."""

    period: Optional[str] = None  # "hour", "month", ...
    level: Optional[str] = None  # "starting", "top", ...
    place: Optional[str] = None  # "texas", "my city", ...
    kind: Optional[str] = None  # "tips", "commission", ...: a kind of pay no file gives
    amount: bool = False  # an amount of that kind asked ("how much per mile"): no stand-in figure answers it
    cost: bool = False  # what school or training costs ("price of beauty school"): no file has prices
    year: Optional[int] = None  # the year asked ("in 2030"): a file has its figure's year only


@dataclass(frozen=True)
class PlanMove:
    """A step of the plan questions.

    kind: ``ask`` (ask ``question``, with ``retry`` unclear answers so far), ``plan``
    (all answered: give the plan), ``stopped``, ``gave_up`` (too many unclear
    answers), ``paused`` (too many other questions in a row), ``not_available``
    (the career's file has no plan: the how-to-become answer instead).
    """

    kind: str
    question: Optional[str] = None
    retry: int = 0
    intro_topics: Tuple[str, ...] = ()  # answers to give before the question ("where do I start?")
    unsure: bool = False  # "idk", "both": give the question's help and its options (not a failed try)
    choices: Tuple[str, ...] = ()  # two options named at once: ask which one fits best (not a failed try)


@dataclass(frozen=True)
class Decision:
    """What one turn means."""

    rule: str
    kind: str
    topics: Tuple[str, ...] = ()
    careers: Tuple[str, ...] = ()
    response: str = ""  # small talk: the domain response to send
    others: Tuple[str, ...] = ()  # job titles the bot has no file for
    clusters: Tuple[str, ...] = ()  # their clusters, or the cluster browsed
    # "cluster", "no_degree", "fastest", "most_openings", "most_jobs", "top_pay", "graduate", "related", "all"
    browse: str = ""
    pay: PayQuery = field(default_factory=PayQuery)
    skill: Optional[str] = None  # a skill the message names (careers with a skills list)
    plan: Optional[PlanMove] = None
    then: Optional[Decision] = None  # a second part of the reply (the plan question asked again)
    details: Mapping[str, str] = field(default_factory=dict)
    question: str = ""  # the student's message (masked), for looking up a detail in a career's file
    claims: str = ""  # the message only checked for wrong premises (an answer after a worry, with no question)

    def describe(self) -> str:
        """One line for tests and logs (no message text): "topic: answer pay for registered-nurses"."""
        parts = [f"{self.rule}: {self.kind}"]
        if self.topics:
            parts.append(",".join(self.topics))
        if self.careers:
            parts.append("for " + ",".join(self.careers))
        if self.response:
            parts.append(self.response)
        return " ".join(parts)
