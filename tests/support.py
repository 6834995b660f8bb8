"""Helpers for tests that run the real servers: the bot process and ports (bot/botprocess.py), reply text."""

from __future__ import annotations

from typing import Any, Dict, List

from bot.botprocess import READY_LINE, BotProcess, free_port

__all__ = ["FIGURES", "READY_LINE", "BotProcess", "buttons_of", "free_port", "text_of"]

FIGURES = ("107,560", "15,300", "2 percent")


def text_of(messages: List[Dict[str, Any]]) -> str:
    """All bot text of a reply, joined."""
    return "\n".join(str(m.get("text") or "") for m in messages)


def buttons_of(messages: List[Dict[str, Any]]) -> List[str]:
    """Titles of the buttons offered in a reply."""
    return [b["title"] for m in messages for b in (m.get("buttons") or [])]
