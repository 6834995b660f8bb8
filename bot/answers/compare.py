"""Several careers at once: comparing them side by side, and browsing the careers the bot knows."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Dict, List, Optional, Sequence

from bot.answers import facts, premises
from bot.answers.facts import cap, say
from bot.interpret.decision import Decision
from bot.knowledge.models import Career
from bot.knowledge.topics import CLOSEST_TOPIC

if TYPE_CHECKING:  # pragma: no cover
    from bot.answers.render import Context, Message

MAX_LISTED = 12

# The short line each career gets per topic in a comparison (the full answer when a topic has none).
LINES = {
    "pay": facts.pay_line,
    "outlook": facts.outlook_line,
    "education": facts.education_compare_line,
}
LABELS = {"pay": "Median pay", "outlook": "Job outlook", "education": "Typical entry-level education"}


def _years(text: str) -> List[str]:
    return re.findall(r"\b(?:19|20)\d\d\b", text)


def compare(decision: Decision, context: Context) -> List[Message]:
    """Each topic with one line per career, each figure with its date; a note when the years differ."""
    from bot.answers.render import Message, career_button

    careers = [context.careers[c] for c in decision.careers]
    blocks: List[str] = [say("compare_intro")]
    said = decision.question or decision.claims
    fix = premises.compared_pay_claim(said, careers) if "pay" in decision.topics else None
    if fix:  # "chefs make way more than nurses right?": the wrong order corrected first
        blocks.insert(0, fix)
    differing = False
    needs = facts.Needs(context.general, decision.pay, decision.skill, decision.question or "")
    for asked in decision.topics:
        topic = _topic_they_have(asked, careers, needs)
        lines = []
        years = set()
        for career in careers:
            text = _line(topic, career, needs)
            if text is None:
                lines.append(f"• {say('compare_missing', plural=cap(career.career.plural))}")
                continue
            lines.append(f"• {cap(career.career.plural)}: {text}")
            if topic in {"pay", "outlook"}:
                years.add(tuple(_years(text)[:1]))
        label = LABELS.get(topic, topic.replace("_", " ").capitalize())
        if topic == "openings":  # the count asked: "which has more jobs" compares the jobs there are
            label = {"jobs": "Jobs", "openings": "Openings each year"}.get(facts.counts_asked(needs.question),
                                                                           "Jobs and openings")
        blocks.append(f"{label}:\n" + "\n".join(lines))
        differing = differing or len(years) > 1
        if topic == "pay":
            higher = _higher_pay(careers)
            if higher:
                blocks.append(say("compare_more_pay", higher=cap(higher.career.plural)))
    if differing:
        blocks.append(say("compare_years_differ"))
    sources = sorted({facts.source_label(c, key) for c in careers for key in c.sources})
    blocks.append("(Sources: " + "; ".join(sources) + ")")
    return [Message("\n\n".join(blocks), tuple(career_button(c) for c in careers))]


def _line(topic: str, career: Career, needs: facts.Needs) -> Optional[str]:
    """One career's part of a comparison: its short line for the topic (LINES), else the topic's full answer."""
    line_of = LINES.get(topic)
    return line_of(career) if line_of else facts.answer(career, topic, needs)


def _topic_they_have(topic: str, careers: Sequence[Career], needs: facts.Needs) -> str:
    """The topic asked, or its nearest (CLOSEST_TOPIC) when no career compared has it.

    "What to study" for two careers without a list of majors compares how to become each.
    """
    if any(_line(topic, c, needs) is not None for c in careers):
        return topic
    nearest = CLOSEST_TOPIC.get(topic)
    return nearest if nearest and any(_line(nearest, c, needs) is not None for c in careers) else topic


def _higher_pay(careers: Sequence[Career]) -> Optional[Career]:
    """The career with the higher median annual pay, when every career has one."""
    amounts = []
    for career in careers:
        wage = career.pay.median if career.pay else None
        if wage is None or wage.annual is None:
            return None
        amounts.append((wage.annual, career))
    amounts.sort(key=lambda pair: pair[0], reverse=True)
    return amounts[0][1] if len(amounts) > 1 and amounts[0][0] != amounts[1][0] else None


def _top(careers: List[Career], value: Callable[[Career], Optional[float]], count: int = 5) -> List[Career]:
    """The ``count`` careers with the highest value, leaving out those whose file has none (growth, openings, pay)."""
    valued = [(amount, career) for career in careers if (amount := value(career)) is not None]
    return [career for _, career in sorted(valued, key=lambda pair: -pair[0])[:count]]


def _highest_median(career: Career) -> Optional[float]:
    """The median annual pay, or (a file with only its groups' medians) the highest group's, for ranking."""
    if career.pay is None:
        return None
    if career.pay.median is not None and career.pay.median.annual is not None:
        return float(career.pay.median.annual)
    annual = [group.annual for group in career.pay.groups if group.annual is not None]
    return float(max(annual)) if annual else None


def _pay_line(career: Career) -> str:
    """One career's line of a pay ranking: its median, or each group's median with who it is for."""
    title = cap(career.career.plural)
    median = career.pay.median if career.pay else None
    if median is not None and median.annual is not None:
        return say("browse_line_pay", title=title, amount=facts.money(median.annual), date=median.date)
    groups = [say("browse_line_pay_group", who=g.who or "", amount=facts.money(g.annual), date=g.date)
              for g in (career.pay.groups if career.pay else []) if g.annual is not None]
    return say("browse_line_pay_groups", title=title, groups="; ".join(groups))


def browse(decision: Decision, context: Context) -> List[Message]:
    """The careers the bot knows: all, by cluster, those needing no degree, the fastest-growing, or related."""
    from bot.answers.render import BROWSE_BUTTON, Message, career_button

    careers = sorted(context.careers.values(), key=lambda c: c.career.plural)
    who = "careers"
    head = decision.details.get("head")
    if head and decision.browse in {"fastest", "most_openings", "most_jobs", "top_pay"}:
        # "which engineer makes the most money": the careers whose titles end with that word
        careers = [c for c in careers if c.id in decision.careers]
        who = head if head.endswith("s") else f"{head}s"
    if decision.browse == "cluster":
        cluster = facts.join_words(decision.clusters, "or")
        chosen = [c for c in careers if set(decision.clusters) & set(c.career.clusters)]
        if not chosen:
            clusters = sorted({cl for c in careers for cl in c.career.clusters})
            text = say("browse_cluster_none", cluster=cluster) + "\n" + facts.bullets(clusters)
            return [Message(text, (BROWSE_BUTTON,))]
        lines = [cap(c.career.plural) for c in chosen]
        intro = say("browse_cluster", cluster=cluster)
    elif decision.browse == "no_degree":
        chosen = [c for c in careers if facts.needs_no_degree(c)]
        lines = [say("browse_line_education", title=cap(c.career.plural), level=facts.education_line(c))
                 for c in chosen]
        intro = say("browse_no_degree")
    elif decision.browse == "fastest":
        only_no_degree = decision.details.get("only") == "no_degree"  # "fastest growing job without a degree"
        growing = [c for c in careers
                   if c.outlook and c.outlook.growth and (facts.needs_no_degree(c) or not only_no_degree)]
        chosen = _top(growing, lambda c: c.outlook.growth.percent if c.outlook and c.outlook.growth else None)
        lines = [say("browse_line_growth", title=cap(c.career.plural), percent=f"{c.outlook.growth.percent:g}",
                     period=c.outlook.growth.period) for c in chosen if c.outlook and c.outlook.growth]
        intro = say("browse_fastest_no_degree") if only_no_degree else say("browse_fastest", who=who)
    elif decision.browse == "most_openings":
        chosen = _top(careers, lambda c: c.outlook.openings.per_year if c.outlook and c.outlook.openings else None)
        lines = [say("browse_line_openings", title=cap(c.career.plural), count=f"{c.outlook.openings.per_year:,}",
                     period=c.outlook.openings.period) for c in chosen if c.outlook and c.outlook.openings]
        intro = say("browse_most_openings", who=who)
    elif decision.browse == "most_jobs":
        chosen = _top(careers, lambda c: c.jobs.count if c.jobs else None)
        lines = [say("browse_line_jobs", title=cap(c.career.plural), count=f"{c.jobs.count:,}", date=c.jobs.date)
                 for c in chosen if c.jobs]
        intro = say("browse_most_jobs", who=who)
    elif decision.browse == "top_pay":
        chosen = _top(careers, _highest_median)
        lines = [_pay_line(c) for c in chosen]
        intro = say("browse_top_pay", who=who)
    elif decision.browse == "graduate":
        chosen = [c for c in careers if facts.needs_graduate_degree(c)]
        lines = [say("browse_line_education", title=cap(c.career.plural), level=facts.education_line(c))
                 for c in chosen]
        intro = say("browse_graduate")
    elif decision.browse == "related" and decision.careers:
        current = context.careers[decision.careers[0]]
        from bot.answers.render import related

        chosen = related(context, current)
        if not chosen:
            return [Message(say("browse_related_none", plural=current.career.plural), (BROWSE_BUTTON,))]
        lines = [cap(c.career.plural) for c in chosen]
        intro = say("browse_related", plural=current.career.plural,
                    clusters=facts.join_words(current.career.clusters))
    else:
        chosen = careers
        by_cluster: Dict[str, List[str]] = {}
        for career in careers:
            by_cluster.setdefault(career.career.clusters[0], []).append(cap(career.career.plural))
        lines = [f"{cluster}: {', '.join(names)}" for cluster, names in sorted(by_cluster.items())]
        intro = say("browse_all", count=len(careers))
    text = intro + "\n" + facts.bullets(lines[:MAX_LISTED] if decision.browse != "all" else lines)
    return [Message(text, tuple(career_button(c) for c in chosen[:8]))]
