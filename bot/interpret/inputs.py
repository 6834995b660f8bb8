"""What the interpreter reads: the parsed message, and the conversation state kept in slots.

Both are plain frozen dataclasses made from what Rasa hands the action server
(``tracker.latest_message`` and the slots), so the interpreter is a pure
function that tests can call with literals.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Dict, Mapping, Optional, Tuple

# Slots (domain.yml) that hold the conversation state.
CAREER_SLOT = "career"
LAST_TOPIC_SLOT = "last_topic"
PENDING_SLOT = "pending_topics"
COMPARED_SLOT = "compared_careers"
OFFER_SLOT = "offer"
PATHWAY_QUESTION_SLOT = "pathway_question"
PATHWAY_CAREER_SLOT = "pathway_career"
FAILED_SLOT = "pathway_failed_tries"
DIGRESSIONS_SLOT = "pathway_digressions"
ANSWERS_SLOT = "pathway_answers"  # {question: option value}


@dataclass(frozen=True)
class Parse:
    """The student's message as NLU read it."""

    text: str = ""
    intent: str = ""
    confidence: float = 0.0
    ranking: Tuple[Tuple[str, float], ...] = ()
    entities: Mapping[str, str] = field(default_factory=dict)
    page_career: Optional[str] = None  # the career of the web page the widget is on (data-career)

    @classmethod
    def from_message(cls, message: Mapping[str, Any]) -> Parse:
        """From ``tracker.latest_message``."""
        intent = message.get("intent") or {}
        ranking = tuple(
            (str(r.get("name")), float(r.get("confidence") or 0.0)) for r in message.get("intent_ranking") or []
        )
        entities = {str(e.get("entity")): str(e.get("value")) for e in message.get("entities") or []}
        metadata = message.get("metadata") or {}
        page = metadata.get("career") if isinstance(metadata, Mapping) else None
        return cls(
            text=str(message.get("text") or ""),
            intent=str(intent.get("name") or ""),
            confidence=float(intent.get("confidence") or 0.0),
            ranking=ranking,
            entities=entities,
            page_career=str(page) if isinstance(page, str) and page else None,
        )

    @property
    def is_button(self) -> bool:
        """True for a button payload ("/ask_pay", "/inform{...}")."""
        return self.text.startswith("/")

    def score(self, intent: str) -> float:
        """The classifier's confidence for one intent (0 if not ranked)."""
        return next((score for name, score in self.ranking if name == intent), 0.0)


@dataclass(frozen=True)
class PathwayState:
    """The step-by-step plan questions: which one is being asked, for which career, and the answers so far."""

    question: Optional[str] = None
    career: Optional[str] = None
    answers: Mapping[str, str] = field(default_factory=dict)
    failed: int = 0
    digressions: int = 0

    @property
    def active(self) -> bool:
        """True while a plan question waits for its answer."""
        return self.question is not None


@dataclass(frozen=True)
class State:
    """The conversation so far, as the interpreter needs it."""

    career: Optional[str] = None  # the career being talked about
    last_topic: Optional[str] = None
    pending_topics: Tuple[str, ...] = ()  # asked before any career was named
    compared: Tuple[str, ...] = ()  # the careers of the last comparison ("which one pays better?" compares them again)
    offer: Optional[str] = None  # what a yes/no would answer now: "handoff"
    pathway: PathwayState = field(default_factory=PathwayState)

    @classmethod
    def from_slots(cls, slots: Mapping[str, Any]) -> State:
        """From the tracker's slots."""
        raw_answers = slots.get(ANSWERS_SLOT)
        answers = {str(k): str(v) for k, v in raw_answers.items() if v} if isinstance(raw_answers, dict) else {}
        pending = slots.get(PENDING_SLOT) or []
        compared = slots.get(COMPARED_SLOT) or []
        return cls(
            career=slots.get(CAREER_SLOT) or None,
            last_topic=slots.get(LAST_TOPIC_SLOT) or None,
            pending_topics=tuple(str(t) for t in pending) if isinstance(pending, list) else (),
            compared=tuple(str(c) for c in compared) if isinstance(compared, list) else (),
            offer=slots.get(OFFER_SLOT) or None,
            pathway=PathwayState(
                question=slots.get(PATHWAY_QUESTION_SLOT) or None,
                career=slots.get(PATHWAY_CAREER_SLOT) or None,
                answers=answers,
                failed=int(slots.get(FAILED_SLOT) or 0),
                digressions=int(slots.get(DIGRESSIONS_SLOT) or 0),
            ),
        )

    def to_slots(self) -> Dict[str, Any]:
        """The slot values that hold this state."""
        slots: Dict[str, Any] = {
            CAREER_SLOT: self.career,
            LAST_TOPIC_SLOT: self.last_topic,
            PENDING_SLOT: list(self.pending_topics) or None,
            COMPARED_SLOT: list(self.compared) or None,
            OFFER_SLOT: self.offer,
            PATHWAY_QUESTION_SLOT: self.pathway.question,
            PATHWAY_CAREER_SLOT: self.pathway.career,
            FAILED_SLOT: float(self.pathway.failed),
            DIGRESSIONS_SLOT: float(self.pathway.digressions),
            ANSWERS_SLOT: dict(self.pathway.answers) or None,
        }
        return slots

    def but(self, **changes: Any) -> State:
        """A copy with some fields changed."""
        return replace(self, **changes)
