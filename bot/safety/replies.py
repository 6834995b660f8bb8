"""The values the safety replies are filled with, from the school settings (plain functions).

The wording of each reply is a response in domain.yml (``utter_crisis``,
``utter_counselor``, ...); the school's contacts and crisis lines come from
knowledge/school.yml. Every crisis reply names the crisis lines, 911 and the
counseling office; 911 comes first when the danger is happening now.
"""

from __future__ import annotations

from typing import Dict

from bot.safety.crisis import Signal
from bot.safety.school import SchoolSettings


def _join(items: list, conjunction: str = "or") -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def office_values(settings: SchoolSettings) -> Dict[str, str]:
    """``office``, ``office_where`` and ``office_booking`` for the counseling office."""
    office = settings.counseling_office
    where = ", ".join(part for part in (office.room, office.hours) if part)
    return {
        "office": office.name,
        "office_where": where or "ask at the school office",
        "office_booking": _join(office.booking.ways()),
    }


def office_and_lines(settings: SchoolSettings) -> Dict[str, str]:
    """The office values and ``crisis_lines``: the crisis lines and the emergency number on one line."""
    lines = [f"{r.name} ({r.how})" for r in settings.crisis.resources]
    emergency = settings.crisis.emergency
    return {**office_values(settings), "crisis_lines": "; ".join(lines + [f"{emergency.how}"])}


def crisis_values(settings: SchoolSettings, signal: Signal) -> Dict[str, str]:
    """``crisis_steps`` (one line each: the lines to call or text, and 911) plus the office values."""
    emergency = settings.crisis.emergency
    lines = [f"• {r.name[:1].upper()}{r.name[1:]}: {r.how}." for r in settings.crisis.resources]
    if signal.danger_now:
        steps = [f"• You may be in danger right now: {emergency.how} now."] + lines
    else:
        steps = lines + [f"• If you or someone else is in danger right now, {emergency.how}."]
    return {"crisis_steps": "\n".join(steps), **office_values(settings)}
