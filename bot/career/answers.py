"""Turn career knowledge into short, student-friendly answers.

Plain functions, no Rasa: each takes a :class:`Career` and returns an
:class:`Answer`. All facts come from the knowledge file; this module only joins
them into sentences and adds the source and date to every figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Sequence

from bot.career.models import Career, Figure, Skill


@dataclass(frozen=True)
class Button:
    """A quick-reply button: what it says and the message it sends."""

    title: str
    payload: str

    def as_dict(self) -> Dict[str, str]:
        """The shape Rasa's dispatcher expects."""
        return {"title": self.title, "payload": self.payload}


@dataclass(frozen=True)
class Answer:
    """What the bot says back: text plus optional buttons."""

    text: str
    buttons: Sequence[Button] = field(default_factory=tuple)


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b, and c'."""
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} {conjunction} {items[1]}"
    return f"{', '.join(items[:-1])}, {conjunction} {items[-1]}"


def bullets(items: Iterable[str]) -> str:
    """One item per line, each starting with a bullet."""
    return "\n".join(f"• {item}" for item in items)


def money(amount: int, currency: str = "USD") -> str:
    """Format an amount: 107560 → '$107,560'."""
    return f"${amount:,}" if currency == "USD" else f"{amount:,} {currency}"


def cite(career: Career, figure: Figure) -> str:
    """'(Source: U.S. Bureau of Labor Statistics, May 2022)'."""
    return f"(Source: {career.source_name(figure.source)}, {figure.date})"


def according_to(career: Career, figure: Figure) -> str:
    """'according to the U.S. Bureau of Labor Statistics'."""
    name = career.source_name(figure.source)
    return f"according to {'the ' if name.startswith('U.S.') else ''}{name}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


# --- What they do -----------------------------------------------------------


def summary(career: Career) -> Answer:
    """What the job is, in two or three sentences."""
    text = (
        f"{career.career.summary} {products(career).text} "
        f"It's part of the {career.career.career_cluster.name} career cluster."
    )
    return Answer(text)


def duties(career: Career) -> Answer:
    """All the duties as a list."""
    return Answer(f"{career.duties.intro}:\n{bullets(d.text for d in career.duties.items)}")


def products(career: Career) -> Answer:
    """The kinds of goods made in their plants."""
    return Answer(_sentence(f"{career.products.intro} {join_words(career.products.examples, 'or')}"))


def duties_about(career: Career, topic: str) -> Optional[Answer]:
    """The duties tagged with a follow-up topic (workers, safety, ...); None if none are."""
    matching = [d.text for d in career.duties.items if topic in d.topics]
    if not matching:
        return None
    plural = _cap(career.career.plural)
    if len(matching) == 1:
        text = f"Yes. {plural} {matching[0][0].lower()}{_sentence(matching[0])[1:]}"
    else:
        text = f"Yes. {plural} might:\n{bullets(matching)}"
    if topic == "safety" and career.work_environment.protective_equipment:
        gear = join_words(career.work_environment.protective_equipment, "or")
        text += f"\nIn the production area they may need to wear protective equipment, such as {gear}."
    return Answer(text)


def work_environment(career: Career) -> Answer:
    """Where they work and what they wear there."""
    return Answer(career.work_environment.text)


# --- Skills -------------------------------------------------------------------


def _skill_line(skill: Skill) -> str:
    return f"{skill.name}: {skill.explanation}" + (f" {skill.example}" if skill.example else "")


def skills(career: Career) -> Answer:
    """All skills, one line each."""
    return Answer(f"{career.skills.intro}:\n{bullets(_skill_line(s) for s in career.skills.items)}")


def skill_explanation(career: Career, skill_id: str) -> str:
    """Why one skill matters, with its example: "Leadership skills matter. To keep ..."."""
    skill = next(s for s in career.skills.items if s.id == skill_id)
    return f"{skill.name} matter. {skill.explanation} {skill.example or ''}".strip()


def one_skill(career: Career, skill_id: str) -> Answer:
    """One skill and why it matters."""
    if any(skill.id == skill_id for skill in career.skills.items):
        explained = skill_explanation(career, skill_id)
        return Answer(f"Yes, {explained[0].lower()}{explained[1:]}")
    return skills(career)


def find_skill(career: Career, text: str) -> Optional[str]:
    """The id of the skill a message is about, if it names exactly one."""
    lowered = text.lower()
    found = [
        s.id
        for s in career.skills.items
        if any(alias.lower() in lowered for alias in [s.name, *s.aliases])
    ]
    return found[0] if len(found) == 1 else None


# --- Pay ------------------------------------------------------------------------


def _words(text: str) -> str:
    """Lower-case words separated by single spaces, padded: " how much an hour "."""
    return " " + " ".join(re.sub(r"[^\w]+", " ", text.lower()).split()) + " "


def asks_for_unknown_pay(career: Career, text: str) -> bool:
    """Whether a pay question asks for a figure the file doesn't have ("how much an hour?", "in texas?")."""
    said = _words(text)
    return any(_words(phrase) in said for phrase in (*career.pay.not_known_for, *career.pay.not_known_for_places))


# A follow-up this short right after the pay ("and in ohio?") is about the pay.
FOLLOW_UP_MAX_WORDS = 6
# "which state pays the most?": a ranking of places, jobs or industries, which the file doesn't have.
_RANKING = re.compile(
    r"\b(which|what (kind of |type of )?(states?|city|cities|industry|industries|jobs?|compan(y|ies)|places?|areas?"
    r"|plants?|factor(y|ies)|country|countries))\b.*\bpay(s|ing)?\b.*\b(most|more|highest|higher|best|better|top"
    r"|lowest|least)\b"
)


def asks_which_pays_most(text: str) -> bool:
    """Whether a pay question asks which place, job or industry pays the most (no such ranking in the file)."""
    return _RANKING.search(text.lower()) is not None


def asks_pay_follow_up_not_known(
    career: Career, last_topic: Optional[str], text: str, max_words: int = FOLLOW_UP_MAX_WORDS
) -> bool:
    """A short follow-up to a pay answer asking for pay the file doesn't have ("and in ohio?", "per hour?")."""
    short = len(_words(text).split()) <= max_words
    return last_topic in {"pay", "pay_factors"} and short and asks_for_unknown_pay(career, text)


def asks_what_they_make(text: str) -> bool:
    """"what do production managers make?": goods or pay? Both readings are common, so both get answered."""
    return re.search(r"\bwhat (do|does|did)\b[\w\s']*\bmake\W*$", text.strip().lower()) is not None


def pay(career: Career) -> Answer:
    """The average pay, with source and date."""
    average = career.pay.average
    text = (
        f"The average pay for {career.career.plural} in the {average.region} was "
        f"{money(average.amount, average.currency)} in {average.date}, {according_to(career, average)}. "
        "Want to know what it depends on? Just ask \"what affects pay?\""
    )
    return Answer(text)


def pay_factors(career: Career) -> Answer:
    """What pay depends on."""
    return Answer(_sentence(f"{career.pay.factors_intro} {join_words(career.pay.factors)}"))


# --- Outlook --------------------------------------------------------------------


def outlook(career: Career) -> Answer:
    """Projected growth, with source and period."""
    growth = career.outlook.growth
    percent = f"{growth.percent:g}"
    start, _, end = growth.period.partition("-")
    text = (
        f"Employment of {career.career.plural} is projected to grow {percent} percent "
        f"from {start} to {end}, {according_to(career, growth)}. That's {growth.comparison}. "
        "You can also ask how many openings there are, or about automation."
    )
    return Answer(text)


def openings(career: Career) -> Answer:
    """Projected openings per year, with source and period."""
    figure = career.outlook.openings
    return Answer(f"{figure.text} {cite(career, figure)}")


def automation(career: Career) -> Answer:
    """Why productivity gains don't remove the job."""
    return Answer(career.outlook.productivity.text)


# --- Education and the way in ---------------------------------------------------


def education(career: Career) -> Answer:
    """The degree employers prefer and the usual majors."""
    edu = career.education
    return Answer(f"{edu.degree.text} {edu.majors.text}")


def major(career: Career) -> Answer:
    """Which majors are common, and related course subjects."""
    edu = career.education
    return Answer(f"{edu.majors.text} {courses(career).text}")


def graduate_degree(career: Career) -> Answer:
    """When an MBA or other graduate degree matters."""
    return Answer(career.education.graduate.text)


def how_to_become(career: Career) -> Answer:
    """The degree, the usual ladder, and how people get promoted."""
    adv = career.advancement
    ladder = " → ".join(adv.ladder)
    return Answer(f"{career.education.degree.text} The usual ladder: {ladder}. {adv.promotion}")


def without_degree(career: Career) -> Answer:
    """Rising from production worker: experience plus management classes."""
    adv = career.advancement
    return Answer(f"{career.education.experienced_workers.text} {adv.text} {adv.promotion}")


def career_cluster(career: Career) -> Answer:
    """The career cluster."""
    cluster = career.career.career_cluster.name
    return Answer(f"{_cap(career.career.plural)} are in the {cluster} career cluster.")


def courses(career: Career) -> Answer:
    """Course subjects related to the career."""
    related = career.education.related_courses
    return Answer(_sentence(f"{related.text} {join_words(related.subjects, 'or')}"))


# --- Topics ----------------------------------------------------------------------

AnswerBuilder = Callable[[Career], Optional[Answer]]


def _duty_topic(topic: str) -> AnswerBuilder:
    def build(career: Career) -> Optional[Answer]:
        return duties_about(career, topic)

    build.__doc__ = f"Duties about {topic}."
    return build


TOPICS: Dict[str, AnswerBuilder] = {
    "summary": summary,
    "duties": duties,
    "products": products,
    "duty_workers": _duty_topic("workers"),
    "duty_safety": _duty_topic("safety"),
    "duty_machines": _duty_topic("machines"),
    "duty_reports": _duty_topic("reports"),
    "duty_schedule": _duty_topic("schedule_budget"),
    "work_environment": work_environment,
    "skills": skills,
    "pay": pay,
    "pay_factors": pay_factors,
    "outlook": outlook,
    "openings": openings,
    "automation": automation,
    "education": education,
    "major": major,
    "graduate_degree": graduate_degree,
    "how_to_become": how_to_become,
    "without_degree": without_degree,
    "career_cluster": career_cluster,
    "courses": courses,
}

# What "tell me more" adds after each topic: the next topic in a natural chain.
MORE_AFTER: Dict[str, str] = {
    "summary": "duties",
    "duties": "work_environment",
    "products": "duties",
    "duty_workers": "skills",
    "duty_safety": "work_environment",
    "duty_machines": "duties",
    "duty_reports": "duties",
    "duty_schedule": "duties",
    "work_environment": "duty_safety",
    "skills": "duties",
    "pay": "pay_factors",
    "pay_factors": "outlook",
    "outlook": "openings",
    "openings": "automation",
    "automation": "pay",
    "education": "major",
    "major": "graduate_degree",
    "graduate_degree": "courses",
    "how_to_become": "without_degree",
    "without_degree": "graduate_degree",
    "career_cluster": "courses",
    "courses": "education",
}


# Topics after which the bot offers the step-by-step pathway plan as a button.
PLAN_OFFER_AFTER = frozenset({"education", "graduate_degree", "without_degree", "courses", "career_cluster"})


def _is_about_the_work(topic: str) -> bool:
    """Topics about what the job involves, whose questions may name a skill it takes."""
    return topic in {"summary", "duties"} or topic.startswith("duty_")


def answer(career: Career, topic: str, text: str = "") -> Optional[Answer]:
    """The answer for a topic (see TOPICS); None when the knowledge file has none.

    ``text`` is the student's message: for "skills" it picks out one named skill, and
    a question about the work that names a skill ("do they have to meet deadlines?")
    gets the work and that skill.
    Education answers also offer the pathway plan as a button.
    """
    if topic == "pay" and asks_for_unknown_pay(career, text):
        return None
    if topic in {"pay", "pay_factors"} and asks_which_pays_most(text):
        return None
    skill_id = find_skill(career, text) if (topic == "skills" or _is_about_the_work(topic)) and text else None
    if topic == "skills" and skill_id:
        reply: Optional[Answer] = one_skill(career, skill_id)
    else:
        reply = TOPICS[topic](career)
    if reply is not None and _is_about_the_work(topic) and skill_id:
        # "do they have to motivate their workers?", "what do they do if a product has a
        # defect?": the work, and the skill it takes.
        reply = Answer(f"{reply.text}\n{skill_explanation(career, skill_id)}", reply.buttons)
    if reply is not None and topic == "products" and asks_what_they_make(text):
        reply = Answer(f"{reply.text}\n\nIf you meant what they earn: {pay(career).text}", reply.buttons)
    if reply is not None and topic in PLAN_OFFER_AFTER:
        offer = Button(career.pathways.offer_button, "/want_career")
        reply = Answer(reply.text, (*reply.buttons, offer))
    return reply


def more_topic(last_topic: Optional[str]) -> Optional[str]:
    """The topic 'tell me more' continues with, or None without context."""
    return MORE_AFTER.get(last_topic or "")


def topic_list(names: List[str]) -> str:
    """A readable list of topic names for prompts."""
    return join_words(names, "or")
