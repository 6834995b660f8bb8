"""The launcher (make run): starts both servers, prints how to chat, Ctrl-C stops both."""

from __future__ import annotations

import socket

import pytest

from tests.support import BotProcess, text_of

pytestmark = pytest.mark.e2e


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_ctrl_c_stops_both_servers_cleanly(model, tmp_path) -> None:
    """After Ctrl-C (SIGINT) the launcher exits 0 and neither server (nor the demo page) is listening."""
    bot = BotProcess(tmp_path / "var", page_career="industrial-production-manager").start()
    try:
        assert "REST:" in bot.log() and "make chat" in bot.log()
        assert "$107,560" in text_of(bot.say("launcher-test", "how much do they make"))
        assert _listening(bot.rasa_port) and _listening(bot.action_port)
        assert _listening(bot.web_port), "the demo page is served too"
    finally:
        code = bot.stop()
    assert code == 0
    assert "Stopped." in bot.log()
    assert not _listening(bot.rasa_port)
    assert not _listening(bot.action_port)
    assert not _listening(bot.web_port)
