"""Helpers for tests that run the real servers: the bot process and ports (bot/tools/botprocess.py), reply text."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any, Dict, List

from bot.tools.botprocess import READY_LINE, BotProcess, free_port

__all__ = ["FIGURES", "READY_LINE", "BotProcess", "buttons_of", "free_port", "stored_student_messages", "text_of"]

FIGURES = ("107,560", "15,300", "2 percent")


def text_of(messages: List[Dict[str, Any]]) -> str:
    """All bot text of a reply, joined."""
    return "\n".join(str(m.get("text") or "") for m in messages)


def buttons_of(messages: List[Dict[str, Any]]) -> List[str]:
    """Titles of the buttons offered in a reply."""
    return [b["title"] for m in messages for b in (m.get("buttons") or [])]


def stored_student_messages(var_dir: Path, conversation: str, at_least: int = 0) -> int:
    """How many student messages the SQLite tracker store holds for a conversation, waiting up to 10 s for
    ``at_least`` (a channel may answer before the turn is saved)."""
    deadline = time.monotonic() + 10
    while True:
        with sqlite3.connect(var_dir / "tracker.db") as db:
            row = db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ? AND type_name = 'user'",
                             (conversation,)).fetchone()
        if int(row[0]) >= at_least or time.monotonic() > deadline:
            return int(row[0])
        time.sleep(0.1)
