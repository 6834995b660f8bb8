"""Saved chats check meaning (issue 20): rewording a sentence keeps them passing; a changed figure or source fails.

A real bot runs on a copy of the knowledge folder; a chat is saved as a test the way the counselor page and
`make export-test` do it, then run against the bot before and after editing the copy.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Iterator, Tuple

import pytest

from bot.conversations.command import record_reader
from bot.conversations.export import latest_session, write_test
from bot.conversations.format import parse_text
from bot.conversations.runner import rest_chat, run_files
from bot.counselor.store import ConversationStore
from bot.paths import KNOWLEDGE_DIR
from tests.support import BotProcess

pytestmark = pytest.mark.e2e

NURSES = "registered-nurses.yml"
CHAT = ["how much do registered nurses make?", "what do astronauts do?", "and what do nurses do all day?"]


@pytest.fixture(scope="module")
def edited_bot(model, tmp_path_factory) -> Iterator[Tuple[BotProcess, Path]]:
    """A bot reading a copy of the knowledge folder (the tests edit the copy; the bot reads it on every turn)."""
    folder = tmp_path_factory.mktemp("meaning")
    knowledge = folder / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, knowledge)
    bot = BotProcess(folder / "var", env_overrides={"CAREERBOT_KNOWLEDGE_DIR": str(knowledge)}).start()
    try:
        yield bot, knowledge
    finally:
        bot.stop()


def saved_test(bot: BotProcess, folder: Path) -> Path:
    sender = f"terminal-meaning{uuid.uuid4().hex[:6]}"
    for message in CHAT:
        bot.say(sender, message)
    store = ConversationStore(f"sqlite:///{bot.var_dir / 'tracker.db'}", 30)
    return write_test(sender, latest_session(store.events(sender)), out=folder / "saved.yml")


def run(bot: BotProcess, path: Path) -> list:
    suite = parse_text(path.read_text(encoding="utf-8"), path)
    result = run_files([suite], rest_chat(bot.rest_url), bot.rest_url,
                       records=record_reader(f"sqlite:///{bot.var_dir / 'tracker.db'}", 30))
    return [problem for conversation in result.results for turn in conversation.turns for problem in turn.problems]


def test_a_saved_chat_checks_meaning_and_survives_rewording(edited_bot: Tuple[BotProcess, Path],
                                                             tmp_path: Path) -> None:
    bot, knowledge = edited_bot
    path = saved_test(bot, tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "reply kind: answer" in text and "reply kind: other career" in text
    assert "no other career's figures: yes" in text
    assert "$81,220" in text and "Occupational Outlook Handbook (2022-32 edition)" in text
    assert run(bot, path) == []

    nurses = knowledge / "careers" / NURSES
    original = nurses.read_text(encoding="utf-8")
    try:
        reworded = original.replace("give care to patients", "look after patients", 1)
        assert reworded != original
        nurses.write_text(reworded, encoding="utf-8")
        assert run(bot, path) == [], "rewording a sentence must not break a saved test"

        nurses.write_text(original.replace("annual: 81220", "annual: 81230", 1), encoding="utf-8")
        problems = run(bot, path)
        assert any("$81,220" in p for p in problems), problems

        nurses.write_text(original.replace("edition: 2022-32", "edition: 2024-34", 1), encoding="utf-8")
        problems = run(bot, path)
        assert any("2022-32 edition" in p for p in problems), problems
    finally:
        nurses.write_text(original, encoding="utf-8")


def test_a_wrong_kind_of_reply_fails_in_counselor_words(edited_bot: Tuple[BotProcess, Path], tmp_path: Path) -> None:
    bot, _ = edited_bot
    path = tmp_path / "kind.yml"
    path.write_text("conversations:\n  - title: kind\n    turns:\n      - student: what do astronauts do?\n"
                    "        reply kind: answer\n", encoding="utf-8")
    problems = run(bot, path)
    assert problems == ['Expected a reply of the kind "answer", but the bot\'s reply was of the kind "other career".']
