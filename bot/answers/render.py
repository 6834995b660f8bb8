"""A decision turned into the messages the student sees (plain functions, no Rasa).

``render`` returns a list of :class:`Message`: either text with buttons built from
the knowledge files (bot/answers/facts.py, compare.py), or the name of a
domain.yml response with the values to fill in (small talk, safety replies,
fixed messages). The action (actions/respond.py) only sends them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from bot.answers import compare as compare_answers
from bot.answers import explain, facts, honesty, premises, search
from bot.answers.facts import Needs, bullets, cap, say
from bot.interpret.decision import (
    ANSWER,
    BOUNDARY,
    BROWSE,
    COMPARE,
    COUNSELOR,
    CRISIS,
    EXPLAIN,
    FALLBACK,
    GLOSSARY,
    HANDOFF,
    HANDOFF_DECLINED,
    NO_MORE,
    NOT_KNOWN,
    OTHER_LANGUAGE,
    OUT_OF_SCOPE,
    PLAN,
    RESTART,
    SMALL_TALK,
    UNKNOWN_CAREER,
    WHICH_CAREER,
    WORRY,
    Decision,
)
from bot.interpret.inputs import State
from bot.interpret.rules import decode_answers
from bot.knowledge import glossary
from bot.knowledge.models import Career, GeneralFacts
from bot.knowledge.topics import CLOSEST_TOPIC, PLAN_OFFER_AFTER
from bot.pathway import flow

MAX_RELATED = 3
# Languages the "I answer in English for now" reply is written in (domain.yml: utter_other_language_<code>).
TRANSLATED = frozenset({"es", "fr", "pt", "de"})
MAX_LIST_BUTTONS = 8


@dataclass(frozen=True)
class Button:
    """A quick-reply button: what it says and the message it sends."""

    title: str
    payload: str

    def as_dict(self) -> Dict[str, str]:
        """The shape Rasa's dispatcher expects."""
        return {"title": self.title, "payload": self.payload}


@dataclass(frozen=True)
class Message:
    """One bot message: text and buttons, or a domain response to fill with values."""

    text: str = ""
    buttons: Tuple[Button, ...] = ()
    response: str = ""
    values: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """What rendering reads: the careers, the general facts, and the state before the turn."""

    careers: Mapping[str, Career]
    general: Optional[GeneralFacts] = None
    state: State = field(default_factory=State)
    office: Mapping[str, str] = field(default_factory=dict)  # the counseling office and crisis lines (replies.py)


def career_button(career: Career) -> Button:
    """A button that asks about one career (typed text, so every channel sends it as a message)."""
    return Button(cap(career.career.plural), f"tell me about {career.career.plural}")


BROWSE_BUTTON = Button("Browse careers", "/browse_careers")


def related(context: Context, career: Career) -> List[Career]:
    """Other known careers of the same cluster, by name."""
    clusters = set(career.career.clusters)
    others = [c for c in context.careers.values() if c.id != career.id and clusters & set(c.career.clusters)]
    return sorted(others, key=lambda c: c.career.plural)


def _closest_answer(career: Career, missing: List[str], needs: Needs, given: List[str]) -> Optional[str]:
    """The answer of the nearest topic the file has (CLOSEST_TOPIC: no majors listed -> how to become one)."""
    for topic in missing:
        nearest = CLOSEST_TOPIC.get(topic)
        text = facts.answer(career, nearest, needs) if nearest else None
        if text and text not in given:
            return text
    return None


def _answer(decision: Decision, context: Context) -> List[Message]:
    career = context.careers[decision.careers[0]]
    needs = Needs(context.general, decision.pay, decision.skill, decision.question or "")
    parts: List[str] = []
    missing: List[str] = []
    for topic in decision.topics:
        text = facts.answer(career, topic, needs)
        if text:
            for given in parts:  # how to become, then an education answer repeating its sentences: said once
                text = text.replace(given, "").strip()
                for sentence in re.split(r"(?<=[.!?])\s+", given):
                    if len(sentence) >= 30 and sentence in text:
                        text = re.sub(r"[ \t]{2,}", " ", text.replace(sentence, " ")).strip()
        if text is None:
            missing.append(topic)
        elif text and text not in parts:
            parts.append(text)
    buttons: List[Button] = []
    found = search.find(career, decision.question) if missing and decision.question else []
    found = [f for f in found if not any(f[0] in p for p in parts)]
    rest = search.rest_of_question(career, decision.question, " ".join(parts)) if parts and not missing else []
    if found:
        parts.append(_found(career, found))
    elif rest:
        parts.append(_found(career, rest, "search_rest"))
    elif missing:
        closest = _closest_answer(career, missing, needs, parts)
        if closest:
            parts += [say("not_in_file_closest", plural=career.career.plural), closest]
        else:
            parts.append(say("not_in_file", plural=career.career.plural))
            topics = ", ".join(t.replace("_", " ") for t in facts.available_topics(career))
            if topics:
                parts.append(say("can_tell", plural=career.career.plural, topics=topics))
    experience = None if missing else honesty.experience_to_add(decision.question, decision.topics, parts, career)
    if experience:
        parts.append(experience)
    if not missing and honesty.experience_unstated(decision.question, decision.topics, parts, career):
        parts.insert(0, say("no_work_experience", plural=career.career.plural))  # never a guessed number of years
    elif not missing and honesty.duration_unstated(decision.question, decision.topics, parts):
        parts.insert(0, say("no_duration", plural=career.career.plural))  # not a guessed length of time
    elif not missing and honesty.not_mentioned_note(decision.question, decision.topics, parts, career):
        parts.insert(0, say("not_mentioned", plural=career.career.plural))  # never a guessed "yes"
    said = decision.question or decision.claims
    fix = premises.correction(said, career, context.general) if said else None
    if fix:
        parts.insert(0, fix)  # a wrong premise is corrected first
        where = facts.work_environment(career)
        if where and "work_environment" not in decision.topics and premises.absolute_claim(said or "", career):
            parts.insert(1, where)  # "they're outside all day every day right": not always, and where they work
    if decision.plan and decision.plan.kind == "not_available":
        parts.insert(0, say("plan_not_available", plural=career.career.plural))
    if career.pathways and set(decision.topics) & PLAN_OFFER_AFTER and not (decision.plan or decision.then):
        buttons.append(Button(career.pathways.offer_button, "/want_career"))
    if set(decision.topics) & {"summary", "how_to_become", "career_cluster"}:
        buttons += [career_button(c) for c in related(context, career)[:MAX_RELATED]]
    buttons += word_buttons(" ".join(parts))
    return [Message("\n\n".join(parts), tuple(buttons))]


def word_buttons(text: str) -> List[Button]:
    """Buttons that explain the glossary words an answer uses ("What does "apprenticeship" mean?").

    Not for a word the answer explains itself ("Median means half of them ...").
    """
    said = " ".join(text.lower().split())
    return [Button(f'What does "{found.term}" mean?', f"what does {found.term} mean")
            for found in glossary.terms_in(text)
            if f"{found.said} means" not in said and f"{found.term.split()[0].lower()} means" not in said]


def _plan(decision: Decision, context: Context) -> List[Message]:
    move = decision.plan
    assert move is not None
    if move.kind in {"stopped", "gave_up", "paused"}:
        plural = context.careers[decision.careers[0]].career.plural if decision.careers else "a career"
        return [Message(response=f"utter_pathway_{move.kind}", values={"plural": plural})]
    career = context.careers[decision.careers[0]]
    assert career.pathways is not None
    flows = career.pathways
    messages: List[Message] = []
    for topic in move.intro_topics:
        text = facts.answer(career, topic)
        if text:
            messages.append(Message(text))
    answers = decode_answers(decision.details["answers"]) if "answers" in decision.details \
        else dict(context.state.pathway.answers)
    if move.kind == "plan":
        messages.append(Message(_plan_text(flows, answers)))
        messages.append(Message(response="utter_pathway_plan_outro"))
        return messages
    question_id = move.question or "stage"
    question = flows.questions[question_id]
    if move.unsure:
        messages.append(Message(say("plan_unsure", help=question.help)))  # help choosing, not "didn't catch that"
    elif move.retry == 1:
        messages.append(Message(response="utter_pathway_not_understood"))
    elif move.retry >= 2:
        messages.append(Message(question.help))
    buttons = tuple(Button(b["title"], b["payload"]) for b in flow.option_buttons(question, question_id))
    if move.choices:  # two options named at once: only those, and which one fits best
        buttons = tuple(b for b, o in zip(buttons, question.options, strict=True) if o.value in move.choices) or buttons
        messages.append(Message(say("plan_which", choices=facts.join_words([b.title for b in buttons], "or"))))
    messages.append(Message(_with_choices(question.ask, buttons), buttons))
    if move.retry >= 2 and not move.unsure:
        messages.append(Message(response="utter_pathway_offer_stop"))
    return messages


def _with_choices(ask: str, buttons: Tuple[Button, ...]) -> str:
    """A question with two or three choices names them, for channels and readers without buttons."""
    if not 2 <= len(buttons) <= 3:
        return ask
    titles = [b.title for b in buttons]
    choices = ", ".join(titles[:-1]) + " or " + titles[-1]
    return f"{ask} ({choices})"


def _plan_text(flows: Any, answers: Dict[str, str]) -> str:
    steps = flow.build_plan(flows, answers)
    lines = [say("plan_intro", answers=flow.describe_answers(flows, answers))]
    lines += [say("plan_step", number=n, do=s.do, why=s.why) for n, s in enumerate(steps, start=1)]
    return "\n".join(lines)


def _unknown_career(decision: Decision, context: Context) -> List[Message]:
    parts = [say("unknown_career", titles=_plural_titles(decision.others))]
    buttons: List[Button] = []
    for cluster in decision.clusters[:1]:
        known = sorted((c for c in context.careers.values() if cluster in c.career.clusters),
                       key=lambda c: c.career.plural)
        if known:
            parts.append(say("unknown_career_cluster", cluster=cluster,
                             careers=facts.join_words([c.career.plural for c in known])))
            buttons = [career_button(c) for c in known[:MAX_RELATED]]
    parts.append(say("unknown_career_help"))
    return [Message(" ".join(parts), (*buttons, BROWSE_BUTTON))]


def _lacking(decision: Decision) -> List[Message]:
    """An answer about our careers that also named jobs the bot has no file for: it says so first."""
    if not decision.others:
        return []
    return [Message(say("unknown_career", titles=_plural_titles(decision.others)))]


def _plural_titles(titles: Sequence[str]) -> str:
    """"doctors or airline pilots": each job title the bot has no file for, in the plural."""
    return facts.join_words([_plural_title(t) for t in titles], "or")


def _plural_title(title: str) -> str:
    """"astronaut" -> "astronauts" (a rough plural for the reply; the title is the vocabulary's)."""
    if " or " in title or " and " in title or (title.endswith("s") and not title.endswith("ss")):
        return title
    if title.endswith("man"):
        return title[:-3] + "men"  # policeman -> policemen
    if title.endswith(("ch", "sh", "x", "z", "ss")):
        return title + "es"  # coach -> coaches, actress -> actresses
    return title[:-1] + "ies" if title.endswith("y") and title[-2:-1] not in "aeiou" else title + "s"


def _found(career: Career, sentences: Sequence[Tuple[str, str]], intro: str = "search_intro") -> str:
    """"I don't have a direct answer ..., but here's what my information says: ..." with the sources."""
    sources = dict.fromkeys(source for _, source in sentences)
    labels = "; ".join(facts.source_label(career, key) for key in sources)
    return "\n\n".join([say(intro, plural=career.career.plural), bullets([s for s, _ in sentences]),
                         say("source", source=labels)])


def _not_known(decision: Decision, context: Context) -> List[Message]:
    if decision.careers:
        career = context.careers[decision.careers[0]]
        found = search.find(career, decision.question) if decision.question else []
        if not found and decision.question and premises.absolute_claim(decision.question, career):
            found = search.section_sentences(career, "work_environment")  # "do they only work at schools": not always
        # "do realtors need a license": a yes/no question whose own words the found sentences hold is answered
        # by them ("Every state requires ... a license"): shown as the answer, without "I don't have" (no "Yes").
        direct = bool(found) and honesty.answered_by(decision.question or "", " ".join(s for s, _ in found), career)
        text = _found(career, found, "search_direct" if direct else "search_intro") if found \
            else say("not_known_detail", plural=career.career.plural)
        fix = premises.correction(decision.question, career, context.general) if decision.question else None
        if fix:
            text = f"{fix}\n\n{text}"  # "chefs dont need any work experience, do they": corrected first
        return [Message(text, _topic_buttons())]
    return [Message(say("not_known_detail_no_career"), _topic_buttons())]


def _topic_buttons() -> Tuple[Button, ...]:
    return (Button("What they do", "/ask_summary"), Button("Pay", "/ask_pay"), Button("Job outlook", "/ask_outlook"),
            Button("How to become one", "/ask_how_to_become"), BROWSE_BUTTON)


def render(decision: Decision, context: Context) -> List[Message]:
    """The messages for a decision (safety replies are sent by the action, which also records them)."""
    kind = decision.kind
    messages: List[Message]
    if kind == ANSWER:
        messages = _lacking(decision) + _answer(decision, context)
    elif kind == PLAN:
        messages = _plan(decision, context)
    elif kind == COMPARE:
        messages = _lacking(decision) + compare_answers.compare(decision, context)
    elif kind == BROWSE:
        messages = compare_answers.browse(decision, context)
    elif kind == UNKNOWN_CAREER:
        messages = _unknown_career(decision, context)
    elif kind == WHICH_CAREER:
        messages = _all_jobs(context.general) if decision.details.get("all_jobs") else []
        options = [context.careers[c] for c in decision.details.get("options", "").split(",") if c in context.careers]
        if options:  # "engineer vs lawyer": which of the careers with engineers in their title
            text = say("which_of", head=decision.details.get("head", "")) + "\n" + facts.bullets(
                [cap(c.career.plural) for c in options])
            messages.append(Message(text, tuple(career_button(c) for c in options) + (BROWSE_BUTTON,)))
        else:
            messages.append(Message(say("which_career"), (BROWSE_BUTTON,)))
    elif kind == NOT_KNOWN:
        messages = _not_known(decision, context)
    elif kind == SMALL_TALK:
        values = {"plural": context.careers[decision.careers[0]].career.plural} if decision.careers else {}
        messages = [Message(response=decision.response, values=values)]
    elif kind == NO_MORE:
        messages = [Message(response="utter_no_more")]
    elif kind == OUT_OF_SCOPE:
        messages = [Message(response="utter_out_of_scope")]
    elif kind == RESTART:
        messages = [Message(response="utter_restart")]
    elif kind == EXPLAIN:
        career = context.careers[decision.careers[0]]
        text = explain.explain(career, decision.topics[0], decision.details.get("asked", "meaning"), context.general)
        messages = [Message(text, tuple(word_buttons(text)))]
    elif kind == GLOSSARY and decision.details.get("unknown_word"):
        messages = [Message(say("unknown_word", word=decision.details["unknown_word"]), (BROWSE_BUTTON,))]
    elif kind == GLOSSARY:
        words = [(decision.details["term"], decision.details["definition"])]
        if decision.details.get("term2"):  # two words compared: both explained
            words.append((decision.details["term2"], decision.details["definition2"]))
        messages = [Message(say("glossary", term=cap(term), definition=definition),
                            (BROWSE_BUTTON,) if n == len(words) else ())
                    for n, (term, definition) in enumerate(words, 1)]
    elif kind == OTHER_LANGUAGE:
        code = decision.details.get("language", "")
        name = f"utter_other_language_{code}" if code in TRANSLATED else "utter_other_language"
        messages = [Message(response=name, values=dict(context.office))]
    elif kind == WORRY:
        messages = [Message(response=f"utter_worry_{decision.details.get('worry', 'stress')}",
                            values=dict(context.office))]
    elif kind in {CRISIS, COUNSELOR, HANDOFF, HANDOFF_DECLINED, BOUNDARY}:
        messages = []  # the action sends these with the school's contacts and records them
    else:
        assert kind == FALLBACK, kind
        messages = [Message(response="utter_fallback")]
    if decision.plan and decision.plan.kind == "paused":
        messages.append(Message(response="utter_pathway_paused"))
    if decision.then is not None:
        messages += render(decision.then, context)
    return messages


__all__: Sequence[str] = ["Button", "Context", "Message", "render", "career_button", "related", "BROWSE_BUTTON"]


def _all_jobs(general: Optional[GeneralFacts]) -> List[Message]:
    """The median pay of all occupations, with its date and source, when a student asks about every job together."""
    wage = general.all_occupations_median if general else None
    if general is None or wage is None or wage.annual is None:
        return []
    source = general.sources[wage.source]
    label = f"{source.name}, {source.edition}" if source.edition else source.name
    return [Message(say("all_occupations_pay", amount=facts.money(wage.annual), date=wage.date, source=label))]
