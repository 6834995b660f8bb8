"""One career's facts as sentences: one builder per answer topic (plain functions, no Rasa).

Each builder takes a :class:`Career` (and what else the topic needs) and returns
the answer's text, or None when the file has nothing for the topic: the caller
then says "I don't have that for <career> yet". Facts come from the knowledge
file, wording from templates.yml; every figure is given with its date and source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

import yaml

from bot.answers.search import stem
from bot.interpret.decision import PayQuery
from bot.knowledge.models import Career, GeneralFacts, Wage

TEMPLATES_FILE = Path(__file__).with_name("templates.yml")
# An entry-level education naming one of these is a college degree.
DEGREES = ("associate", "bachelor", "master", "doctoral", "professional degree")


@lru_cache(maxsize=4)
def _templates(path: Path, _stamp: int) -> Dict[str, str]:
    with path.open(encoding="utf-8") as handle:
        return {str(k): str(v) for k, v in (yaml.safe_load(handle) or {}).items()}


def say(name: str, **values: object) -> str:
    """A template of templates.yml with its placeholders filled (the file is re-read when it changes)."""
    return _templates(TEMPLATES_FILE, TEMPLATES_FILE.stat().st_mtime_ns)[name].format(**values)


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b, and c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {conjunction} {items[1]}"
    return f"{', '.join(items[:-1])}, {conjunction} {items[-1]}"


def bullets(items: Sequence[str]) -> str:
    """One item per line, each starting with a bullet."""
    return "\n".join(f"• {item}" for item in items)


def cap(text: str) -> str:
    """The text with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """The text ending with a full stop."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def money(amount: float, hourly: bool = False) -> str:
    """$107,560 per year; $39.05 per hour (as the source writes them)."""
    return f"${amount:,.2f}" if hourly else f"${amount:,.0f}"


def source_label(career: Career, key: str) -> str:
    """"U.S. Bureau of Labor Statistics, Occupational Outlook Handbook (2022-32 edition)"."""
    source = career.source(key)
    edition = source.edition
    if edition and not edition.lower().startswith(("career outlook", "edition")) and "edition" not in edition:
        edition = f"{edition} edition"
    return f"{source.name} ({edition})" if edition else source.name


def amounts_of(wage: Wage) -> str:
    """"$81,220 a year ($39.05 an hour)": a wage's figures as the answers say them."""
    return _amounts(wage)


def _amounts(wage: Wage) -> str:
    parts = []
    if wage.annual is not None:
        parts.append(say("pay_per_year", amount=money(wage.annual)))
    if wage.hourly is not None:
        parts.append(say("pay_per_hour", amount=money(wage.hourly, hourly=True)))
    return " (".join(parts) + (")" if len(parts) == 2 else "")


# --- What the job is ------------------------------------------------------------------------


def clusters_sentence(career: Career) -> str:
    """"It's part of the Health Science career cluster."."""
    clusters = career.career.clusters
    if len(clusters) == 1:
        return say("clusters_one", cluster=clusters[0])
    return say("clusters_many", clusters=join_words(clusters))


def summary(career: Career) -> str:
    """What the job is, in a sentence or two, with the goods made (if the file has them) and the cluster."""
    parts = [say("summary", summary=career.career.summary)]
    if career.products:
        parts.append(products(career) or "")
    parts.append(clusters_sentence(career))
    return " ".join(p for p in parts if p)


def duties(career: Career) -> str:
    """The duties as a list, or what the job is when the file has no list."""
    if career.duties is None:
        return say("duties_from_summary", summary=career.career.summary)
    return f"{say('duties_intro', intro=career.duties.intro)}\n{bullets([d.text for d in career.duties.items])}"


def products(career: Career) -> Optional[str]:
    """The kinds of goods made where they work."""
    if career.products is None:
        return None
    return sentence(f"{career.products.intro} {join_words(career.products.examples, 'or')}")


def duties_about(career: Career, tag: str) -> Optional[str]:
    """The duties tagged with a follow-up topic (workers, safety, ...); None if the file has none."""
    if career.duties is None:
        return None
    matching = [d.text for d in career.duties.items if tag in d.topics]
    if not matching:
        return None
    plural = cap(career.career.plural)
    if len(matching) == 1:
        text = say("duty_yes_one", plural=plural, duty=sentence(matching[0][0].lower() + matching[0][1:]))
    else:
        text = f"{say('duty_yes_many', plural=plural)}\n{bullets(matching)}"
    gear = career.work_environment.protective_equipment if career.work_environment else []
    if tag == "safety" and gear:
        text += "\n" + say("safety_gear", gear=join_words(gear, "or"))
    return text


def work_environment(career: Career) -> Optional[str]:
    """Where they work."""
    return career.work_environment.text if career.work_environment else None


def _skill_line(name: str, explanation: str, example: str) -> str:
    return f"{name}: {explanation}" + (f" {example}" if example else "")


def skills(career: Career, skill_id: Optional[str] = None) -> Optional[str]:
    """All the skills, or one named skill and why it matters."""
    if career.skills is None:
        return None
    chosen = next((s for s in career.skills.items if s.id == skill_id), None)
    if chosen:
        explained = skill_explanation(career, chosen.id)
        return say("skill_one", explanation=explained[0].lower() + explained[1:])
    lines = [_skill_line(s.name, s.explanation, s.example) for s in career.skills.items]
    return f"{say('skills_intro', intro=career.skills.intro)}\n{bullets(lines)}"


def skill_explanation(career: Career, skill_id: str) -> str:
    """Why one skill matters: "Leadership skills matter. To keep ..."."""
    assert career.skills is not None
    skill = next(s for s in career.skills.items if s.id == skill_id)
    return f"{skill.name} matter. {skill.explanation} {skill.example}".strip()


# --- Pay -------------------------------------------------------------------------------------


def _year(date: str) -> Optional[int]:
    """The year a figure's date states ("May 2022" -> 2022), or None."""
    years = re.findall(r"\b(?:19|20)\d\d\b", date)
    return int(years[-1]) if years else None


def _general_context(general: Optional[GeneralFacts], date: str) -> str:
    """The median of all occupations, saying so when its year differs from the career's figure."""
    if general is None or general.all_occupations_median is None or general.all_occupations_median.annual is None:
        return ""
    wage = general.all_occupations_median
    template = "pay_all_occupations" if _year(date) == _year(wage.date) else "pay_all_occupations_other_year"
    return say(template, amount=money(wage.annual or 0), date=wage.date)


_GROUP_FILLERS = frozenset({"and", "or", "the", "of", "except", "other", "all", "a", "an", "in"})
# "not the brokers, just the agents": the jobs a question sets aside
_SET_ASIDE = re.compile(r"\b(?:not|except|besides|other than|without)\s+(?:the\s+|just\s+|any\s+)?(?:\w+\s+){0,2}?"
                        r"(\w+)(?=\s*(?:[,.;!?]|$|just|only|but|i mean))", re.IGNORECASE)


_COMPARES = re.compile(r"\b(?:vs|versus|compare|compared|comparison|difference|than|between|both)\b", re.IGNORECASE)
_ONLY = re.compile(r"\b(?:just|only|specifically|alone|not the|except)\b", re.IGNORECASE)


def _stems(text: str) -> List[str]:
    return [stem(w) for w in re.findall(r"[a-z]+", text.lower())]


def initials(title: str, skip: frozenset = frozenset()) -> str:
    """"emergency medical technicians" -> "emt" (how students write a long title); ``skip``: words left out."""
    return "".join(w[0] for w in re.findall(r"[a-z]+", title.lower()) if w not in skip)


def asked_group(career: Career, question: str) -> Optional[Wage]:
    """The one job of a group a question asks about ("JUST barbers", "electronics engineers"), else None.

    A job counts when the question has a word of its name that no other job of the group has (or its
    initials: "EMT"), and no other job's such word, once the jobs it sets aside ("not the brokers") are left out.
    """
    if career.pay is None or len(career.pay.groups) < 2 or not question or _COMPARES.search(question):
        return None  # "difference in pay between help desk people and network support": both
    aside = {s for m in _SET_ASIDE.finditer(question) for s in _stems(m.group(1))}
    asked = set(_stems(question)) - aside
    names = [set(_stems(w.who)) - _GROUP_FILLERS for w in career.pay.groups]
    found = []
    for index, wage in enumerate(career.pay.groups):
        own = names[index] - set().union(*(n for i, n in enumerate(names) if i != index))
        short = initials(wage.who, _GROUP_FILLERS)
        if own & asked or (len(short) > 2 and short in asked):
            found.append(wage)
    if len(found) != 1:
        return None
    # a job whose name is also a name of the whole career ("electrical engineer") is that job only when the
    # question says so ("just", "only", "not the agents")
    career_names = {" ".join(_stems(n)) for n in career.names()}
    if " ".join(_stems(found[0].who)) in career_names and not (_ONLY.search(question) or aside):
        return None
    return found[0]


def pay(career: Career, general: Optional[GeneralFacts] = None, query: Optional[PayQuery] = None,
        question: str = "") -> Optional[str]:
    """The median pay (per year and per hour where the file has them), whose it is, when, and from where.

    A group's pay and its sub-occupations' pay are both given, each named; a question about one of
    the jobs ("just the brokers") gets the group's and that job's. A question about
    pay in a place, a starting or top figure, a kind of pay (tips, commission) or a period the file lacks
    gets an honest "I don't have that" (the medians are national, for all workers); asked per hour (or per
    year) when the file has only the other, the reply says so and then gives the one it has, named as such.
    """
    if career.pay is None:
        return None
    query = query or PayQuery()
    plural = career.career.plural
    wages = [w for w in [career.pay.median, *career.pay.groups] if w is not None]
    lines: List[str] = []
    if query.cost:  # "whats the price of beauty school": no file has prices, and the pay is no answer to it
        return say("pay_no_cost", plural=plural)
    stated = _year(wages[0].date) if wages else None
    if query.year and stated and query.year != stated:
        # "what will nurses get paid in 2030": the file has one year's median; said so, then that one, dated
        when = "future" if query.year > stated else "past"
        return "\n".join([say(f"pay_no_year_{when}", year=query.year, plural=plural, date=wages[0].date),
                          _medians(career, general, asked_group(career, question))])
    if query.kind and query.amount:  # "how much per mile": the median is no stand-in for an amount of that kind
        return say("pay_no_kind_amount", kind=query.kind, plural=plural)
    if query.kind:  # "is it all commission": not in the file, but the medians answer "do they make good money"
        return "\n".join([say("pay_no_kind", kind=query.kind, plural=plural),
                          _medians(career, general, asked_group(career, question))])
    if query.place:
        lines.append(say("pay_no_place", place=query.place.title() if len(query.place) > 3 else query.place.upper(),
                         plural=plural))
    elif query.level:
        lines.append(say("pay_no_level", level=query.level, plural=plural))
    elif query.period == "year" and not any(w.annual for w in wages):
        lines.append(say("pay_no_period", period="year", plural=plural, have="per hour"))
    elif query.period and query.period not in {"hour", "year"}:
        have = "per year" if any(w.annual for w in wages) else "per hour"
        lines.append(say("pay_no_period", period=query.period, plural=plural, have=have))
    elif query.period == "hour" and not any(w.hourly for w in wages):
        lines.append(say("pay_no_period", period="hour", plural=plural, have="per year"))
    if lines and (query.place or query.level or query.period not in {"hour", "year"}):
        return lines[0]  # the medians are national, for all workers, per year or hour: no stand-in figure
    medians = _medians(career, general, asked_group(career, question))
    return f"{lines[0]}\n{medians}" if lines else medians  # hourly asked, yearly known: the yearly, named as such


def _medians(career: Career, general: Optional[GeneralFacts], only: Optional[Wage] = None) -> str:
    """The median pay lines: the group's and its jobs' (or the one job asked), what median means, all occupations."""
    assert career.pay is not None
    lines: List[str] = []
    median = career.pay.median
    if median:
        template = "pay_median_group" if career.pay.groups else "pay_median"
        lines.append(say(template, who=median.who, amounts=_amounts(median), date=median.date,
                         source=source_label(career, median.source)))
    if career.pay.groups:
        jobs = [only] if only is not None else career.pay.groups
        group_lines = [say("pay_group", who=cap(w.who), amounts=_amounts(w), date=w.date) for w in jobs]
        intro = say("pay_groups_intro") if median else say("pay_groups_only_intro",
                                                            source=source_label(career, career.pay.groups[0].source))
        lines.append(f"{intro}\n{bullets(group_lines)}")
    lines.append(say("pay_median_means"))
    first = median or career.pay.groups[0]
    context = _general_context(general, first.date) if first.annual is not None else ""
    if context:
        lines.append(context)
    if career.pay.factors:
        lines.append(say("pay_factors_hint"))
    return " ".join(lines[:1]) + ("\n" + "\n".join(lines[1:]) if len(lines) > 1 else "")


def pay_factors(career: Career) -> Optional[str]:
    """What pay depends on."""
    if career.pay is None or career.pay.factors is None:
        return None
    return say("pay_factors", intro=career.pay.factors.intro, items=join_words(career.pay.factors.items))


def pay_line(career: Career) -> Optional[str]:
    """The median pay in a few words, for comparisons: "$81,220 a year ($39.05 an hour) in May 2022"."""
    if career.pay is None:
        return None
    if career.pay.median is not None:
        line = f"{_amounts(career.pay.median)} in {career.pay.median.date}"
        if not career.pay.groups:
            return line
        # a group's figure and its jobs', each named: "nurse vs paramedic" needs the paramedics' own median
        jobs = "; ".join(f"{wage.who}: {_amounts(wage)}" for wage in career.pay.groups)
        return f"{line} for the whole group ({jobs})"
    if not career.pay.groups:
        return None
    # no figure for the whole group: each job's, saying whose ("... (electrical engineers); ... (electronics ...)")
    return "; ".join(f"{_amounts(wage)} in {wage.date} ({wage.who})" for wage in career.pay.groups)


# --- Outlook ---------------------------------------------------------------------------------


def outlook(career: Career) -> Optional[str]:
    """Projected growth (or decline) over its period, with the source's words and the change in jobs."""
    if career.outlook is None or career.outlook.growth is None:
        return None
    growth = career.outlook.growth
    words = f"a {growth.words}" if growth.words.lower() == "decline" else growth.words  # "That's a decline"
    values = dict(plural=career.career.plural, percent=f"{abs(growth.percent):g}", period=_span(growth.period),
                  words=words, source=source_label(career, growth.source))
    if growth.percent > 0:
        text = say("outlook_grow", **values)
    elif growth.percent < 0:
        text = say("outlook_decline", **values)
    else:
        text = say("outlook_flat", **values)
    parts = [text]
    change = career.outlook.change
    if change and change.count:
        template = "outlook_change_more" if change.count > 0 else "outlook_change_fewer"
        parts.append(say(template, count=f"{abs(change.count):,}", period=_span(change.period)))
    if career.outlook.notes:
        parts.append(career.outlook.notes.text)
    openings_figure = career.outlook.openings
    if openings_figure and growth.percent <= 0:  # shrinking or flat: "will there still be jobs?" needs the openings
        parts.append(say("outlook_openings", count=f"{openings_figure.per_year:,}",
                         period=_openings_period(openings_figure.period)))
    elif openings_figure:
        parts.append(say("outlook_hint"))
    return " ".join(parts)


def _openings_period(period: str) -> str:
    """"over the decade" stays; "2022-32" reads "from 2022-32"."""
    return period if period.startswith("over") else f"from {period}"


_SHORT_SPAN = re.compile(r"^(\d{4})\s*[-–]\s*(\d{2})$")


def _span(period: str) -> str:
    """"2022 to 2032" stays; the source's short form "2023-33" reads "2023 to 2033" after "from"."""
    short = _SHORT_SPAN.match(period.strip())
    return f"{short.group(1)} to {short.group(1)[:2]}{short.group(2)}" if short else period


def outlook_line(career: Career) -> Optional[str]:
    """The projected growth in a few words, for comparisons."""
    if career.outlook is None or career.outlook.growth is None:
        return None
    growth = career.outlook.growth
    verb = "grow" if growth.percent > 0 else "decline" if growth.percent < 0 else "change"
    return f"projected to {verb} {abs(growth.percent):g} percent from {_span(growth.period)} ({growth.words})"


# "how many openings a year", "are they hiring": openings; "how many X are there", "how many work as X": jobs.
_OPENINGS_ASKED = re.compile(r"\b(?:openings?|vacanc(?:y|ies)|open positions|open jobs|each year|per year|a year|"
                             r"every year|a yr|each yr|per yr|every yr|annually|yearly|hiring|hire|new ones|new hires|"
                             r"needed)\b", re.IGNORECASE)
_JOBS_ASKED = re.compile(r"\bhow many\b(?:(?!\b(?:openings?|hiring)\b).){0,60}?\b(?:are there|r there|is there|"
                         r"work|working|employed|have (?:this|that|the) job|do (?:it|this|that)|exist|in (?:the )?"
                         r"(?:us|u s|usa|united states|america|country|nation)|total|altogether|rn|right now|"
                         r"are out there)\b|"
                         r"\b(?:number of (?:people|ppl|workers)|(?:people|ppl) (?:working|employed) (?:as|in))\b|"
                         # "which has more jobs, lawyers or financial analysts": the jobs there are, compared
                         r"\b(?:has|have|with|employs|employ) (?:more|fewer|less|the most|the fewest|the least) "
                         r"(?:jobs|workers|people)\b(?! (?:by|in (?:the )?(?:next|future|20\d\d)|added|opening))|"
                         # "number of real estate agents in america?" (not "number of openings")
                         r"\b(?:number|amount|count) of\b(?!(?:\s+\w+){0,3}?\s+(?:openings?|hiring|a year|per year|"
                         r"each year|new jobs))",
                         re.IGNORECASE)


_NOT_OPENINGS = re.compile(r"\bnot (?:the )?(?:openings?|new jobs)\b", re.IGNORECASE)
_TOTAL = re.compile(r"\b(?:total|in total|altogether)\b", re.IGNORECASE)


def counts_asked(question: str) -> str:
    """Which count a question asks: "openings" (each year), "jobs" (how many work as one), or "both"."""
    question = _NOT_OPENINGS.sub(" ", question or "")  # "(not openings, the total)"
    openings_asked = _OPENINGS_ASKED.search(question) is not None
    jobs_asked = _JOBS_ASKED.search(question) is not None or (_TOTAL.search(question) is not None
                                                               and not openings_asked)
    if openings_asked == jobs_asked:
        return "both"
    return "openings" if openings_asked else "jobs"


def openings(career: Career, asked: str = "both") -> Optional[str]:
    """Openings each year and the number of jobs (or the one asked), saying which the file doesn't have."""
    parts = []
    figure = career.outlook.openings if career.outlook else None
    has_openings = figure is not None
    if not has_openings and not career.jobs:
        return None
    jobs = say("jobs", count=f"{career.jobs.count:,}", plural=career.career.plural, date=career.jobs.date,
               source=source_label(career, career.jobs.source)) if career.jobs else say("no_jobs",
                                                                                         plural=career.career.plural)
    if asked == "jobs" and career.jobs:
        return jobs
    # the count asked is not in the file: say so, and offer the other one by name (its figure is not the answer)
    if asked == "jobs" and not career.jobs:
        return say("no_jobs_offer_openings", plural=career.career.plural)
    if asked == "openings" and not has_openings:
        return say("no_openings_offer_jobs", plural=career.career.plural)
    if figure is None:
        parts.append(say("no_openings", plural=career.career.plural))
    else:
        parts.append(say("openings", count=f"{figure.per_year:,}", plural=career.career.plural,
                         period=_openings_period(figure.period),
                         source=source_label(career, figure.source)))
        notes = career.outlook.notes if career.outlook else None
        if notes is not None and "opening" in notes.text.lower():
            parts.append(notes.text)  # where the openings come from ("to replace workers who ... retire")
    if not (asked == "openings" and has_openings):
        parts.append(jobs)
    return " ".join(parts)


def automation(career: Career) -> Optional[str]:
    """What the source says about machines and productivity; else the projected growth ("is the job going away?")."""
    growth = outlook(career)
    if career.outlook is not None and career.outlook.automation is not None:
        # "will they still be needed?": the source's words, then the projection they are about
        return f"{career.outlook.automation.text} {growth}" if growth else career.outlook.automation.text
    return f"{say('no_automation', plural=career.career.plural)} {growth}" if growth else None


# --- Education and the way in ---------------------------------------------------------------


def education(career: Career) -> Optional[str]:
    """The typical entry-level education, experience and training, and what employers prefer.

    Without an entry-level education (the source says "See How to Become One") the
    how-to-become paragraph says it.
    """
    edu = career.education
    if edu is None:
        return None
    parts = []
    if edu.entry_level:
        parts.append(say("entry_level", plural=career.career.plural, level=edu.entry_level.level,
                         source=source_label(career, edu.entry_level.source)))
    elif career.how_to_become:
        parts.append(career.how_to_become.text)
    if edu.work_experience:
        parts.append(say("work_experience", text=edu.work_experience.text))
    if edu.on_the_job_training:
        parts.append(say("training", text=edu.on_the_job_training.text))
    if edu.preferred:
        parts.append(edu.preferred.text)
    if edu.majors:
        parts.append(edu.majors.text)
    return " ".join(parts) or None


def education_answer(career: Career) -> Optional[str]:
    """The education answer: the plain way in first, then the typical entry-level education.

    "Postsecondary nondegree award" alone tells a student little ("they go to a truck driving school"), and
    "Doctoral or professional degree" leaves out the law school and the bar exam.
    """
    text = education(career)
    if text and career.how_to_become and career.education and career.education.entry_level:
        return f"{career.how_to_become.text} {text}"
    return text


def education_line(career: Career) -> Optional[str]:
    """The typical entry-level education in a few words, for comparisons and lists."""
    if career.education is None or career.education.entry_level is None:
        return None
    return career.education.entry_level.level


def education_compare_line(career: Career) -> Optional[str]:
    """The typical level and the first sentence of how to become one (all of it without a level), for comparisons.

    "What school does each need": "Bachelor's degree. Civil engineers usually need a bachelor's degree in ...".
    """
    level = education_line(career)
    way = career.how_to_become.text.strip() if career.how_to_become else ""
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", way)[0] if way else ""
    if not level:  # "What it takes to get into this job varies.": with no typical level, the ways it names
        first = way
    experience = experience_line(career)  # "Work experience in a related job: 5 years or more."
    line = f"{level}. {first}" if level and first else level or first or None
    return f"{line} {experience}" if line and experience else line


def needs_no_degree(career: Career) -> bool:
    """True if the typical entry-level education is not a college degree (a diploma, a nondegree award)."""
    level = (education_line(career) or "").lower()
    return bool(level) and not any(degree in level for degree in DEGREES)


def needs_graduate_degree(career: Career) -> bool:
    """True if the typical entry-level education is a master's, doctoral or professional degree."""
    level = (education_line(career) or "").lower()
    return any(word in level for word in ("master", "doctoral", "professional degree"))


def major(career: Career) -> Optional[str]:
    """Which majors are common, and related course subjects."""
    edu = career.education
    if edu is None or edu.majors is None:
        return None
    return " ".join(p for p in [edu.majors.text, courses(career) or ""] if p)


def graduate_degree(career: Career) -> Optional[str]:
    """When a graduate degree matters."""
    edu = career.education
    return edu.graduate.text if edu and edu.graduate else None


def experience_line(career: Career) -> Optional[str]:
    """The work experience a career asks for ("Work experience in a related job: 5 years or more."), if any."""
    experience = career.education.work_experience if career.education else None
    if experience is None or experience.text.strip().lower() in {"", "none"}:
        return None
    return say("work_experience", text=experience.text)


def how_to_become(career: Career) -> Optional[str]:
    """How people usually get into the career, with the work experience it asks for."""
    parts = []
    if career.how_to_become:
        parts.append(career.how_to_become.text)
    elif career.education and career.education.preferred:
        parts.append(career.education.preferred.text)
    if career.advancement:
        parts.append(say("ladder", ladder=" → ".join(career.advancement.ladder)))
        parts.append(career.advancement.promotion)
    experience = experience_line(career)
    if experience and parts:
        parts.append(experience)
    return " ".join(parts) or None


def without_degree(career: Career) -> Optional[str]:
    """A way in without the usual degree, if the file gives one; else the typical entry-level education."""
    edu = career.education
    if edu and edu.without_degree:
        extra = [career.advancement.text, career.advancement.promotion] if career.advancement else []
        return " ".join([edu.without_degree.text, *extra])
    if edu and edu.entry_level:
        text = say("no_degree_way", plural=career.career.plural, level=edu.entry_level.level,
                   source=source_label(career, edu.entry_level.source))
        experience = experience_line(career)
        text = f"{text} {experience}" if experience else text
        return f"{text} {career.how_to_become.text}" if career.how_to_become else text
    # no typical level (the source says "it varies"): the way in as the file tells it, exceptions included
    return career.how_to_become.text if career.how_to_become else None


def advancement(career: Career) -> Optional[str]:
    """How people move up in the career (the usual ladder and what helps a promotion), if the file says."""
    if not career.advancement:
        return None
    ladder = say("ladder", ladder=" → ".join(career.advancement.ladder))
    return " ".join([career.advancement.text, ladder, career.advancement.promotion])


def career_cluster(career: Career) -> str:
    """The career clusters."""
    clusters = career.career.clusters
    plural = cap(career.career.plural)
    if len(clusters) == 1:
        return say("career_cluster_one", plural=plural, cluster=clusters[0])
    return say("career_cluster_many", plural=plural, clusters=join_words(clusters))


def courses(career: Career) -> Optional[str]:
    """Course subjects related to the career."""
    edu = career.education
    if edu is None or edu.related_courses is None:
        return None
    related = edu.related_courses
    return sentence(f"{related.text} {join_words(related.subjects, 'or')}")


# --- Topics -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Needs:
    """What a topic's builder may use besides the career."""

    general: Optional[GeneralFacts] = None
    pay: Optional[PayQuery] = None
    skill: Optional[str] = None
    question: str = ""  # the student's words: which count (counts_asked), which job of a group (asked_group)


Builder = Callable[[Career, Needs], Optional[str]]

BUILDERS: Dict[str, Builder] = {
    "summary": lambda c, n: summary(c),
    "duties": lambda c, n: duties(c),
    "products": lambda c, n: products(c),
    "duty_workers": lambda c, n: duties_about(c, "workers"),
    "duty_safety": lambda c, n: duties_about(c, "safety"),
    "duty_machines": lambda c, n: duties_about(c, "machines"),
    "duty_reports": lambda c, n: duties_about(c, "reports"),
    "duty_schedule": lambda c, n: duties_about(c, "schedule_budget"),
    "work_environment": lambda c, n: work_environment(c),
    "skills": lambda c, n: skills(c, n.skill),
    "pay": lambda c, n: pay(c, n.general, n.pay, n.question),
    "pay_factors": lambda c, n: pay_factors(c),
    "outlook": lambda c, n: outlook(c),
    "openings": lambda c, n: openings(c, counts_asked(n.question)),
    "automation": lambda c, n: automation(c),
    "education": lambda c, n: education_answer(c),
    "major": lambda c, n: major(c),
    "graduate_degree": lambda c, n: graduate_degree(c),
    "how_to_become": lambda c, n: how_to_become(c),
    "without_degree": lambda c, n: without_degree(c),
    "career_cluster": lambda c, n: career_cluster(c),
    "courses": lambda c, n: courses(c),
    "advancement": lambda c, n: advancement(c),
}


def answer(career: Career, topic: str, needs: Needs = Needs()) -> Optional[str]:
    """The answer to one topic for one career, or None when its file has nothing for it."""
    return BUILDERS[topic](career, needs)


def available_topics(career: Career) -> List[str]:
    """The main topics this career's file can answer (for "I can tell you about ...")."""
    main = ("summary", "pay", "outlook", "education", "how_to_become", "work_environment", "skills")
    return [t for t in main if answer(career, t) is not None]
