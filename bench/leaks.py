"""Cross-career leaks in the benchmark's replies: a figure of a career the conversation never named.

Every figure of every career file (pay per year and per hour, jobs, openings,
employment change) is written the way the answers write it; a reply that shows
a figure owned only by careers nobody named in that conversation is a leak. The
median for all occupations (knowledge/general.yml) is context, not a career's.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Sequence, Set

from bot.answers.facts import money
from bot.knowledge.catalog import Catalog
from bot.knowledge.loader import load_all, load_general
from bot.knowledge.models import Career

FIGURE = re.compile(r"\$[\d,]+(?:\.\d+)?|\b\d{1,3}(?:,\d{3})+\b")


def figures_of(career: Career) -> Set[str]:
    """A career's figures as the answers write them."""
    found: Set[str] = set()
    pay = career.pay
    wages = ([pay.median] if pay and pay.median else []) + (pay.groups if pay else [])
    for wage in wages:
        if wage.annual:
            found.add(money(wage.annual))
        if wage.hourly:
            found.add(money(wage.hourly, hourly=True))
    if career.jobs:
        found.add(f"{career.jobs.count:,}")
    if career.outlook and career.outlook.openings:
        found.add(f"{career.outlook.openings.per_year:,}")
    if career.outlook and career.outlook.change:
        found.add(f"{abs(career.outlook.change.count):,}")
    return found


def find_leaks(items: Sequence[Dict[str, Any]], browse_topics: Sequence[str] = ("browse",)) -> List[str]:
    """Leaks in the benchmark's items (each with ``turns`` of ``say`` and ``reply``), described one per line.

    The career an item's chat starts in (``career``: the page the widget is on) counts as named.

    Browsing lists many careers by design and is left out.
    """
    careers = load_all()
    catalog = Catalog.build(careers, {})
    general = load_general().all_occupations_median
    context = {money(general.annual)} if general and general.annual else set()
    owners: Dict[str, Set[str]] = {}
    for career_id, career in careers.items():
        for figure in figures_of(career):
            owners.setdefault(figure, set()).add(career_id)
    leaks: List[str] = []
    for item in items:
        if item.get("topic") in browse_topics:
            continue
        named: Set[str] = {str(item["career"])} if item.get("career") else set()  # the page the chat starts on
        for turn in item.get("turns") or []:
            named |= set(catalog.find(turn.get("say", "")).careers)
            for figure in FIGURE.findall(turn.get("reply", "")):
                holders = owners.get(figure, set())
                if figure in context or not holders or holders & named:
                    continue
                if not named:
                    continue  # a page career or the bot's own choice: judged by the item's own checks
                leaks.append(f"{item.get('id')}: {figure} of {', '.join(sorted(holders))}")
    return leaks
