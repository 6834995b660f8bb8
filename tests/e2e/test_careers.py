"""Many careers end to end: every topic for every career over REST, and a career added without retraining."""

from __future__ import annotations

import re
import shutil
import uuid
from pathlib import Path
from typing import Dict, Set

import pytest

from bot.answers import facts
from bot.knowledge.loader import load_all
from bot.knowledge.models import Career
from bot.knowledge.topics import TOPICS
from bot.paths import KNOWLEDGE_DIR
from tests.support import BotProcess, text_of

pytestmark = pytest.mark.e2e

FIGURE = re.compile(r"\$[\d,]+(?:\.\d+)?|\b\d{1,3}(?:,\d{3})+\b")


def _figures(career: Career) -> Set[str]:
    found: Set[str] = set()
    wages = ([career.pay.median] if career.pay and career.pay.median else []) + (career.pay.groups if career.pay else [])
    for wage in wages:
        found |= {facts.money(wage.annual)} if wage.annual else set()
        found |= {facts.money(wage.hourly, hourly=True)} if wage.hourly else set()
    if career.jobs:
        found.add(f"{career.jobs.count:,}")
    if career.outlook and career.outlook.openings:
        found.add(f"{career.outlook.openings.per_year:,}")
    if career.outlook and career.outlook.change:
        found.add(f"{abs(career.outlook.change.count):,}")
    return found


def test_every_topic_for_every_career_carries_only_its_own_figures(bot: BotProcess) -> None:
    """Each topic button in a chat about each career: no reply carries another career's figure."""
    careers = load_all()
    owner: Dict[str, Set[str]] = {}
    for career_id, career in careers.items():
        for figure in _figures(career):
            owner.setdefault(figure, set()).add(career_id)
    problems = []
    for career_id, career in careers.items():
        sender = f"leak-{uuid.uuid4().hex[:8]}"
        text_of(bot.say(sender, f"tell me about {career.career.plural}"))
        for topic in TOPICS:
            reply = text_of(bot.say(sender, f"/ask_{topic}"))
            for figure in FIGURE.findall(reply):
                holders = owner.get(figure)
                if holders and career_id not in holders:
                    problems.append(f"{career_id} /ask_{topic}: {figure} belongs to {sorted(holders)}")
    assert problems == []


def test_a_career_file_is_answered_without_retraining(tmp_path: Path, model: Path) -> None:
    """Remove a career from a copy of knowledge/, start the bot (never training), then add the file back.

    The running bot answers about it at once, and so does a bot started again on the folder (--no-train:
    a start that needed training would fail).
    """
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, knowledge)
    career_file = knowledge / "careers" / "chefs-and-head-cooks.yml"
    saved = career_file.read_text(encoding="utf-8")
    career_file.unlink()
    bot = BotProcess(tmp_path / "var", env_overrides={"CAREERBOT_KNOWLEDGE_DIR": str(knowledge)}).start()
    try:
        before = text_of(bot.say("add-career", "how much do chefs make?"))
        assert "$56,520" not in before
        career_file.write_text(saved, encoding="utf-8")
        assert "$56,520" in text_of(bot.say("add-career", "how much do chefs make?"))
    finally:
        bot.stop()
    again = BotProcess(tmp_path / "var2", env_overrides={"CAREERBOT_KNOWLEDGE_DIR": str(knowledge)}).start()
    try:
        assert "$56,520" in text_of(again.say("again", "how much do head cooks make?"))
    finally:
        again.stop()


def test_compare_and_browse(bot: BotProcess) -> None:
    """Comparing two careers gives both figures with dates; browsing a cluster lists its careers."""
    compared = text_of(bot.say("compare-e2e", "who makes more, a nurse or a chef?"))
    assert "$81,220" in compared and "$56,520" in compared and "May 2022" in compared
    listed = text_of(bot.say("browse-e2e", "what jobs are in health care?"))
    assert "Registered nurses" in listed and "Psychologists" in listed
