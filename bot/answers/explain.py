"""A figure just given, explained with what the sources give ("is that a lot?", "what does that mean?", "why?").

Pay: per year, what a median is, and how it compares with the median of all
occupations (knowledge/general.yml). Outlook: what the BLS's words compare, the
order of those words, and the reasons the career's file gives. Openings: where
openings come from. Nothing here adds a figure the files don't have.
"""

from __future__ import annotations

from typing import List, Optional

from bot.answers.facts import amounts_of, money, say
from bot.knowledge.models import Career, GeneralFacts, Wage


def _main_wage(career: Career) -> Optional[Wage]:
    if career.pay is None:
        return None
    return career.pay.median or (career.pay.groups[0] if career.pay.groups else None)


def explain_pay(career: Career, general: Optional[GeneralFacts], asked: str) -> str:
    """Per year, the median, and the comparison with all occupations; "why?" gets what pay depends on."""
    plural = career.career.plural
    if asked == "why" and career.pay and career.pay.factors:
        factors = career.pay.factors
        return say("explain_pay_why", plural=plural, factors=f"{factors.intro} {'; '.join(factors.items)}.")
    wage = _main_wage(career)
    if wage is None:
        return say("not_in_file", plural=plural)
    parts: List[str] = [say("explain_pay_year", plural=plural, amounts=amounts_of(wage), date=wage.date)]
    everyone = general.all_occupations_median if general else None
    if wage.annual is not None and everyone is not None and everyone.annual is not None:
        if wage.annual > everyone.annual * 1.05:
            compared = "more than"
        elif wage.annual < everyone.annual * 0.95:
            compared = "less than"
        else:
            compared = "about the same as"
        same_year = "".join(c for c in wage.date if c.isdigit())[-4:] == everyone.date[-4:]
        parts.append(say("explain_pay_all", amount=money(everyone.annual), date=everyone.date, plural=plural,
                         compared=compared) + ("" if same_year else " " + say("explain_other_year")))
    if career.pay and career.pay.median is not None and career.pay.groups:
        # "why are there different numbers for emts and paramedics": which figure is whose
        jobs = "; ".join(f"{g.who}: {amounts_of(g)} in {g.date}" for g in career.pay.groups)
        if jobs:
            parts.append(say("explain_pay_groups", group=career.pay.median.who, jobs=jobs))
    if career.pay and career.pay.factors:
        parts.append(say("pay_factors_hint"))
    return " ".join(parts)


def explain_outlook(career: Career, asked: str) -> str:
    """What the outlook's words mean (and the file's reasons for "why?")."""
    plural = career.career.plural
    outlook = career.outlook
    if outlook is None or outlook.growth is None:
        return say("not_in_file", plural=plural)
    if asked == "why":
        reasons = [p.text for p in (outlook.notes, outlook.automation) if p is not None]
        return say("explain_outlook_why", plural=plural, reasons=" ".join(reasons)) if reasons else \
            say("explain_outlook_no_reasons", plural=plural)
    growth = outlook.growth
    parts = [say("explain_outlook_words", percent=f"{growth.percent:g}", period=growth.period, words=growth.words),
             say("explain_outlook_scale")]
    if growth.percent <= 0 and outlook.openings is not None:
        parts.append(say("explain_outlook_openings", count=f"{outlook.openings.per_year:,}"))
    return " ".join(parts)


def explain_openings(career: Career, asked: str = "meaning") -> str:
    """Where openings come from, with the file's yearly figure said again (and, for "why?", the file's reasons)."""
    text = say("explain_openings", plural=career.career.plural)
    openings = career.outlook.openings if career.outlook else None
    if openings is not None:
        text = say("explain_openings_figure", count=f"{openings.per_year:,}", period=openings.period) + " " + text
    notes = career.outlook.notes if career.outlook else None
    if asked == "why" and notes is not None and notes.text not in text:
        text += " " + notes.text  # "if it's shrinking how come there are openings": replacing workers who leave
    return text


def explain(career: Career, topic: str, asked: str, general: Optional[GeneralFacts]) -> str:
    """The explanation of the last answer's figure."""
    if topic in {"pay", "pay_factors"}:
        return explain_pay(career, general, asked)
    if topic == "openings":
        return explain_openings(career, asked)
    return explain_outlook(career, asked)
