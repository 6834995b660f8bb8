"""The education pathway conversation, as plain functions (no Rasa).

A student answers a few questions (where they are now, then one or two
follow-ups that depend on it) and gets a plan of 3–6 steps built from the
``pathways`` section of the knowledge file. This module reads answers out of
free text or button payloads, decides what a message means while the flow is
running (an answer, a correction, a question to answer first, a request to
leave, or something unclear), picks the next question and builds the plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from bot.interpret.words import phrase_finder
from bot.knowledge.models import PathwayQuestion, Pathways

# Buttons answer with one entity: /inform{"pathway_answer": "stage=high_school"}.
ANSWER_ENTITY = "pathway_answer"

# Intents that leave the flow: stop/goodbye/restart, and the safety intents (a crisis, a request for a
# counselor, an insult), which the interpreter's earlier rules answer before the flow is asked.
LEAVE_INTENTS = frozenset({"stop", "goodbye", "restart", "crisis", "ask_counselor", "insult"})
# Intents that are answered in the middle of the flow, which then continues.
DIGRESSION_INTENTS = frozenset(
    {"help", "bot_challenge", "tell_more", "ask_unknown_detail", "thank", "browse_careers", "compare_careers"}
)
# Intents that are neither an answer nor a mistake: the question is simply asked again.
NEUTRAL_INTENTS = frozenset({"greet", "want_career", "what_next", "affirm", "deny"})
# Intents whose free text may be taken as "something else" for questions with a fallback option.
STATEMENT_INTENTS = frozenset({"inform", "nlu_fallback"})

# "idk", "both": the student is unsure; they get the question's help and its options, not a failed try.
UNSURE = ("idk", "i dont know", "dont know", "dunno", "not sure", "im not sure", "no idea", "both", "either",
          "either one", "cant decide", "can't decide", "i cant choose", "hmm", "maybe", "idc", "i dont care",
          "whatever", "which one should i pick", "which should i choose", "you pick", "you choose", "not really sure")
# The student doesn't understand the question ("idk what you mean"): its help and options again, not a digression.
CONFUSED = ("what you mean", "what do you mean", "what u mean", "i dont understand", "i dont get it", "dont get it",
            "im confused", "confused", "what does that mean", "what is that supposed to mean", "huh what")
# After the plan: the student wants to change an answer ("actually i'm in college now", "i changed my mind").
CHANGE_MIND = ("changed my mind", "change my mind", "change my answer", "change my answers", "redo my plan",
               "redo the plan", "redo it", "new plan", "a different plan", "start my plan over", "start the plan over",
               "made a mistake", "wrong answer", "i meant", "not what i meant", "can i change")
# In the flow: the student no longer wants the plan, whatever intent the classifier read ("i changed my mind i
# dont want a plan anymore"): the questions stop, like "stop".
STOP_PLAN = ("dont want a plan", "dont want the plan", "dont need a plan", "dont want to make a plan",
             "dont want to do a plan", "dont want to do the plan", "forget the plan", "forget about the plan",
             "stop the plan", "cancel the plan", "quit the plan", "not doing the plan", "no more plan",
             "do not want a plan", "do not want the plan", "skip the plan")
NEGATIONS = frozenset({"no", "not", "dont", "never", "didnt", "without", "nope", "nah", "havent", "doesnt", "none"})
_YEARS = re.compile(r"(\d+(?:\.\d+)?)\s*\+?\s*(years?|yrs?|months?)")


def answers_from_entities(entities: Dict[str, str]) -> Dict[str, str]:
    """A button's answer: ``{"pathway_answer": "stage=high_school"}`` -> ``{"stage": "high_school"}``."""
    question, _, value = str(entities.get(ANSWER_ENTITY) or "").partition("=")
    return {question: value} if question and value else {}


def normalize(text: str) -> str:
    """Lower case, apostrophes dropped, punctuation as spaces: "I'm in 8th grade!" → "im in 8th grade"."""
    text = text.lower().replace("’", "'").replace("'", "")
    return " ".join(re.sub(r"[^\w+]+", " ", text).split())


def _contains(haystack: str, phrase: str) -> bool:
    """Whole-word match, also in plural and "-er" forms.

    "high school" matches "high schooler", "8th grade" "8th graders", "engineer" "engineers".
    """
    phrase = normalize(phrase)
    if not phrase:
        return False
    endings = "(?:s|es|er|ers|r|rs)?" if phrase.endswith("e") else "(?:s|es|er|ers)?"
    return re.search(rf"(?<!\w){re.escape(phrase)}{endings}(?!\w)", haystack) is not None


def without_phrases(text: str, phrases: Sequence[str]) -> str:
    """The text with whole-word mentions of these phrases removed (longest first).

    Used to drop the career's own name before reading answers, so "I want to be
    an industrial production manager" isn't read as "I work in production".
    """
    said = normalize(text)
    for phrase in sorted((normalize(p) for p in phrases), key=len, reverse=True):
        if phrase:
            said = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", said)
    return " ".join(said.split())


def _years(text: str) -> Optional[float]:
    match = _YEARS.search(text)
    if not match:
        return None
    amount = float(match.group(1))
    return amount / 12 if match.group(2).startswith("month") else amount


# Words before an answer that make it a thought, not where the student is ("thinking about community college").
_HEDGED = re.compile(r"\b(?:thinking|think|thought|might|maybe|may|want to|wanna|plan to|planning|considering|"
                     r"someday|later|eventually|hope to|hoping|could|would like|wish)\b[^.,;]*$")


# An answer about another person is not the student's own: "my uncle runs a factory" answers nothing.
_SOMEONE_ELSE = re.compile(r"\b(?:my|his|her|our) (?:\w+ )?(?:uncle|aunt|mom|mother|dad|father|parents?|brother|"
                           r"sister|cousin|grandma|grandpa|grandmother|grandfather|friend|friends|neighbor|stepdad|"
                           r"stepmom|family|boyfriend|girlfriend)\b|^(?:he|she|they) ")
_FIRST_PERSON = re.compile(r"\b(?:i|im|ive|id|ill|me|myself|mine)\b")


def match_option(question: PathwayQuestion, text: str) -> Optional[str]:
    """The option a free-text answer picks, or None if unclear.

    Strong aliases first (the longest match wins; a tie between options is
    unclear); weak aliases only if nothing strong matched. Yes/no questions
    treat a negation as "no"; questions with ``max_years`` options read
    "3 years" / "6 months".
    """
    said = normalize(text)
    if not said:
        return None
    if not question.yes_no and _SOMEONE_ELSE.search(said) and not _FIRST_PERSON.search(said):
        return None  # "my uncle runs a factory": about someone else, not where the student is
    if question.yes_no and NEGATIONS & set(said.split()):
        return "no"
    years = _years(said)
    if years is not None and any(o.max_years is not None for o in question.options):
        bounded = sorted((o for o in question.options if o.max_years is not None), key=lambda o: o.max_years or 0)
        for option in bounded:
            if years < (option.max_years or 0):
                return option.value
        unbounded = [o for o in question.options if o.max_years is None]
        return unbounded[0].value if unbounded else bounded[-1].value
    for kind in ("strong", "weak"):
        best: Dict[str, str] = {}  # option -> its longest phrase in the answer
        for option in question.options:
            if kind == "strong":
                phrases = [option.label, option.value.replace("_", " "), *option.aliases]
            else:
                phrases = option.weak_aliases
            found = [normalize(p) for p in phrases if _contains(said, p)]
            if found:
                best[option.value] = max(found, key=len)
        if best:
            top = max(len(p) for p in best.values())
            winners = [value for value, phrase in best.items() if len(phrase) == top]
            if len(winners) == 1 and all(p in best[winners[0]] for v, p in best.items() if v != winners[0]):
                return winners[0]  # one answer, or shorter ones inside it ("high school" in "high school senior")
            # Two answers at once ("i work on an assembly line but ive been thinking about community college"): the
            # one the student states wins over those only thought of; else unclear, never the longer one guessed.
            stated = [value for value, phrase in best.items() if not _HEDGED.search(said[:said.find(phrase)][-40:])]
            return stated[0] if len(stated) == 1 else None
    return None


def options_named(question: PathwayQuestion, text: str) -> List[str]:
    """The options whose label or strong aliases an answer names, in the question's order."""
    said = normalize(text)
    return [o.value for o in question.options
            if any(_contains(said, p) for p in (o.label, o.value.replace("_", " "), *o.aliases))]


@dataclass(frozen=True)
class Turn:
    """What the student just sent: text, NLU intent, and pathway entities (from buttons)."""

    text: str
    intent: str
    entities: Dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Interpretation:
    """What a message means for the flow.

    kind: ``answer`` (updates holds new answers), ``digression`` (answer the
    question, then ask again), ``leave`` (stop/goodbye/restart), ``neutral``
    (ask again, no harm done), ``unsure`` ("idk", "both": help choosing, no harm
    done), ``between`` (an answer naming two options at once, "i work on the line and take a class at
    community college": which one fits best, no harm done) or ``invalid`` (counts as a failed try).
    """

    kind: str
    updates: Dict[str, str] = field(default_factory=dict)
    choices: Tuple[str, ...] = ()  # ``between``: two or more options the answer names at once


QUESTION_WORDS = frozenset(
    "what how why when where who which whats hows is are do does did can could should would will wait".split()
)
# Words a student puts before a question without changing it: "and do i need a masters?"
LEAD_INS = frozenset("and so but also ok okay oh um hmm then like".split())


def looks_like_question(text: str) -> bool:
    """A question mark, or a first word that starts a question ("how much do they make first").

    Lead-in words are skipped: "and do i need a masters to manage a big plant" is a question.
    """
    words = normalize(text).split()
    while words and words[0] in LEAD_INS:
        words = words[1:]
    return "?" in text or bool(words and words[0] in QUESTION_WORDS)


# A question inside a longer message: "im 15 and want to be one where do i start".
ASKING_FOR_STEPS = (
    "how do i", "how can i", "how would i", "where do i", "where should i", "what do i", "what should i",
)


def asks_how_to_start(text: str, start_words: Iterable[str]) -> bool:
    """A question with a word about getting there: "I'm 15 and want to be one. Where do I start?"."""
    has = phrase_finder(text)
    if has("plan"):
        return False  # "can you make me a plan to become one?" asks for the plan itself
    asks = looks_like_question(text) or any(has(q) for q in ASKING_FOR_STEPS)
    return asks and any(has(word) for word in start_words)


def _is_question_intent(intent: str) -> bool:
    return intent.startswith("ask_") or intent in DIGRESSION_INTENTS


def interpret(pathways: Pathways, requested: Optional[str], turn: Turn, answers: Dict[str, str]) -> Interpretation:
    """Decide what a message means while the flow asks ``requested`` (None when it starts)."""
    valid_entities = {
        q: v for q, v in turn.entities.items() if q in pathways.questions and pathways.questions[q].option(v)
    }
    if valid_entities:
        return Interpretation("answer", valid_entities)
    if turn.intent in LEAVE_INTENTS or any(_contains(normalize(turn.text), p) for p in STOP_PLAN):
        return Interpretation("leave")
    if requested is None:
        found = read_all(pathways, turn.text)
        return Interpretation("answer", found) if found else Interpretation("neutral")

    updates: Dict[str, str] = {}
    question = pathways.questions[requested]
    value = match_option(question, turn.text)
    stage = match_option(pathways.questions["stage"], turn.text)
    if stage and requested != "stage" and stage != answers.get("stage") and value is None:
        # A correction: "actually I'm in college". Not when the message answers the
        # question asked: "nah never went to college" is a "no" to the degree question.
        updates["stage"] = stage
    if value is None and question.yes_no and turn.intent in {"affirm", "deny"}:
        value = "yes" if turn.intent == "affirm" else "no"
    short = len(normalize(turn.text).split()) <= 3
    # "im a nurse at a hospital thinking about changing careers" may be classified as a
    # question about nursing, but it answers "where are you now?": a statement that
    # gives an answer is an answer, whatever the intent.
    answers_it = bool(value or updates) and (short or not looks_like_question(turn.text))
    if _has_any(turn.text, CONFUSED) and not updates and (not answers_it or question.yes_no):
        return Interpretation("unsure")  # "i dont get it" is no "no" to a yes-or-no question
    if _is_question_intent(turn.intent) and not answers_it:
        return Interpretation("digression")
    if value is not None and "stage" not in updates:
        updates[requested] = value
    if not updates and is_unsure(turn.text):
        return Interpretation("unsure")
    named = options_named(question, turn.text) if not updates else []
    if len(named) >= 2:
        return Interpretation("between", choices=tuple(named))
    if (
        not updates
        and question.fallback_option
        and turn.intent in STATEMENT_INTENTS
        and "?" not in turn.text
        and 0 < len(normalize(turn.text).split()) <= 5
        and not answers_another_question(pathways, requested, turn.text)
    ):
        updates[requested] = question.fallback_option
    if updates:
        return Interpretation("answer", updates)
    if turn.intent in NEUTRAL_INTENTS:
        return Interpretation("neutral")
    return Interpretation("invalid")


def _has_any(text: str, phrases: Tuple[str, ...]) -> bool:
    """True if ``text`` has one of ``phrases`` as whole words, both normalised."""
    has = phrase_finder(normalize(text))
    return any(has(normalize(p)) for p in phrases)


def is_unsure(text: str) -> bool:
    """"idk", "both", "not sure": the student can't choose."""
    return _has_any(text, UNSURE)


def changes_mind(text: str) -> bool:
    """"i changed my mind", "can i change my answer": the student wants to redo an answer."""
    return _has_any(text, CHANGE_MIND)


def answers_another_question(pathways: Pathways, requested: str, text: str) -> bool:
    """A reply of the wrong kind: a duration, a yes or no, or a starting point, to a question that asks none.

    "2 years" is not a major: a question with a catch-all option must not take it.
    """
    said = normalize(text)
    if _years(said) is not None and not any(o.max_years is not None for o in pathways.questions[requested].options):
        return True
    for name, other in pathways.questions.items():
        if name != requested and (other.yes_no or name == "stage") and match_option(other, text) is not None:
            return True
    return False


def read_all(pathways: Pathways, text: str, known_stage: Optional[str] = None) -> Dict[str, str]:
    """Every answer a single message gives ("I'm in high school and like engineering").

    With the stage already known (a student changing an answer: "i'd rather do the business side"),
    that stage's other questions are read too when the message names no stage.
    """
    found: Dict[str, str] = {}
    stage = match_option(pathways.questions["stage"], text)
    if stage:
        found["stage"] = stage
    stage = stage or (known_stage if known_stage in pathways.starting_points else None)
    if stage:
        for question in pathways.starting_points[stage]:
            value = match_option(pathways.questions[question], text)
            if value:
                found[question] = value
    return found


def apply(pathways: Pathways, answers: Dict[str, str], updates: Dict[str, str]) -> Dict[str, str]:
    """New answers after updates; a changed starting point drops answers that no longer apply."""
    merged = {**answers, **updates}
    asked = set(pathways.questions_for(merged.get("stage")))
    return {q: v for q, v in merged.items() if q in asked}


def next_question(pathways: Pathways, answers: Dict[str, str]) -> Optional[str]:
    """The first unanswered question for these answers, or None when the plan can be built."""
    for question in pathways.questions_for(answers.get("stage")):
        if not answers.get(question):
            return question
    return None


@dataclass(frozen=True)
class PlanStep:
    """A step of a student's plan."""

    do: str
    why: str


def build_plan(pathways: Pathways, answers: Dict[str, str]) -> List[PlanStep]:
    """The plan's steps for complete answers (empty if none matches)."""
    plan = pathways.plan_for(answers)
    if plan is None:
        return []
    return [PlanStep(pathways.steps[s].do, pathways.steps[s].why) for s in plan.steps]


def describe_answers(pathways: Pathways, answers: Dict[str, str]) -> str:
    """What the student told us, in their words: "High school, Business / people side"."""
    labels: List[str] = []
    for question in pathways.questions_for(answers.get("stage")):
        option = pathways.questions[question].option(answers.get(question, ""))
        if option:
            labels.append(option.label)
    return ", ".join(labels)


def render_plan(pathways: Pathways, answers: Dict[str, str]) -> str:
    """The plan as numbered steps, each with its reason."""
    steps = build_plan(pathways, answers)
    lines = [f"Here's your step-by-step plan ({describe_answers(pathways, answers)}):"]
    for number, step in enumerate(steps, start=1):
        lines.append(f"{number}. {step.do}\n   Why: {step.why}")
    return "\n".join(lines)


def option_buttons(question: PathwayQuestion, name: str) -> List[Dict[str, str]]:
    """Buttons for a question's options; the payload gives the answer directly."""
    return [
        {"title": option.label, "payload": f'/inform{{"{ANSWER_ENTITY}": "{name}={option.value}"}}'}
        for option in question.options
    ]


__all__: Sequence[str] = [
    "Interpretation", "PlanStep", "Turn", "answers_from_entities", "apply", "build_plan", "changes_mind",
    "describe_answers", "interpret", "is_unsure", "match_option", "next_question", "option_buttons", "options_named",
    "read_all",
    "render_plan",
]
