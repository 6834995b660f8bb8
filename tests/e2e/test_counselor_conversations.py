"""Counselor conversation tests against the real servers: failures are caught, chats export and replay."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional

import pytest
import requests

from bot.conversations.format import load_file
from bot.paths import ROOT
from tests.support import BotProcess, text_of

pytestmark = pytest.mark.e2e

WRONG_FIGURE = """\
career: industrial-production-manager
conversations:
  - title: Pay is still right
    turns:
      - student: how much do they make?
        must mention: $107,560
  - title: A test expecting a wrong figure
    comment: Checks that the runner really compares what the bot says.
    turns:
      - student: hi
        must offer buttons: Pay
      - click: Pay
        must mention: [$99,999, May 2022]
      - student: thanks
        must mention: welcome
"""


def _run(args: List[str], env: Optional[Dict[str, str]] = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env={**os.environ, **(env or {})},
        capture_output=True, text=True, timeout=900,
    )


def test_wrong_figure_fails_and_the_report_shows_the_real_reply(bot: BotProcess, tmp_path: Path) -> None:
    """A test expecting a wrong figure fails: exit code 1, and both reports show what the bot really said."""
    tests = tmp_path / "pay.yml"
    tests.write_text(WRONG_FIGURE, encoding="utf-8")
    report = tmp_path / "report.html"
    run = _run(["conversations", str(tests), "--url", bot.url, "--report", str(report)])
    assert run.returncode == 1, run.stdout + run.stderr
    out = run.stdout
    assert "PASS  Pay is still right" in out
    assert "FAIL  A test expecting a wrong figure" in out
    assert "Turn 2 (line 12): student clicks the \"Pay\" button" in out
    assert 'Expected the reply to mention "$99,999", but it doesn\'t.' in out
    assert '✓ mentions "May 2022"' in out
    assert "$107,560" in out.split("The bot said:")[1], "the report quotes the bot's actual reply"
    assert "(1 later turn(s) not run)" in out
    assert "1 of 2 conversations passed, 1 failed." in out
    page = report.read_text(encoding="utf-8")
    assert "$107,560" in page and "$99,999" in page and "Checks that the runner really compares" in page
    assert "1 of 2 conversations passed, 1 failed." in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page), "the page loads nothing from elsewhere"


def test_clicking_a_button_that_is_not_offered_fails(bot: BotProcess, tmp_path: Path) -> None:
    """A click on a title the bot didn't offer fails and lists the buttons that were offered."""
    tests = tmp_path / "click.yml"
    tests.write_text(
        "conversations:\n  - title: Click\n    turns:\n      - student: what can i ask?\n      - click: Vacation\n",
        encoding="utf-8",
    )
    run = _run(["conversations", str(tests), "--url", bot.url, "--report", str(tmp_path / "r.html")])
    assert run.returncode == 1
    assert 'There is no button "Vacation" to click' in run.stdout
    assert '"Pay"' in run.stdout and '"Skills"' in run.stdout


def test_format_error_stops_the_run_with_file_and_line(bot: BotProcess, tmp_path: Path) -> None:
    """A broken file alone is reported with its line, and nothing runs (exit code 2)."""
    (tmp_path / "broken.yml").write_text("conversations:\n  - title: x\n    turns:\n      - studnet: hi\n")
    run = _run(["conversations", str(tmp_path), "--url", bot.url])
    assert run.returncode == 2
    assert "broken.yml, line 4: unknown key \"studnet\"" in run.stderr


def test_a_broken_file_does_not_hide_the_good_ones(bot: BotProcess, tmp_path: Path) -> None:
    """Among good files, a file with two problems: the good conversations run, both problems are listed (in the
    output and at the top of the report), the run fails, and the previous report is replaced."""
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "good.yml").write_text("career: industrial-production-manager\nconversations:\n  - title: Pay\n"
                                    "    turns:\n      - student: how much do they make?\n"
                                    "        must mention: [$107,560]\n")
    (tests / "broken.yml").write_text("conversations:\n  - title: a\n    turns:\n      - studnet: hi\n"
                                      "  - title: b\n    turns:\n      - student: hi\n        must mentoin: [x]\n")
    report = tmp_path / "report.html"
    report.write_text("<p>All 32 conversations passed.</p>")  # the previous run's report
    run = _run(["conversations", str(tests), "--url", bot.url, "--report", str(report)])
    assert run.returncode == 1, run.stdout + run.stderr
    assert "broken.yml, line 4: unknown key \"studnet\"" in run.stderr
    assert "broken.yml, line 8" in run.stderr and "mentoin" in run.stderr
    assert "PASS  Pay" in run.stdout
    page = report.read_text()
    assert "could not be read" in page and "studnet" in page and "mentoin" in page
    assert "All 32 conversations passed" not in page


def test_exported_chat_replays_and_passes(bot: BotProcess, tmp_path: Path) -> None:
    """A chat held over REST, exported from the tracker store and run as a test, passes."""
    sender = "export-roundtrip-1"
    greeting = bot.say(sender, "hi")
    pay_payload = next(b["payload"] for m in greeting for b in m.get("buttons", []) if b["title"] == "Pay")
    assert "$107,560" in text_of(bot.say(sender, pay_payload))
    assert "geographic location" in text_of(bot.say(sender, "tell me more"))
    assert "$107,560" not in text_of(bot.say(sender, "how much do nurses make?"))
    assert "15,300" in text_of(bot.say(sender, "is the ipm job growing?") + bot.say(sender, "and how many openings?"))

    saved = tmp_path / "saved.yml"
    export = _run(["export-test", sender, "--out", str(saved)], env={"CAREERBOT_VAR_DIR": str(bot.var_dir)})
    assert export.returncode == 0, export.stdout + export.stderr
    assert "Warning" not in export.stderr
    text = saved.read_text(encoding="utf-8")
    assert "- click: Pay" in text, "the button click is saved by its title"
    assert "career: industrial-production-manager" in text, "the chat's page career is saved"
    assert "$107,560" in text and "15,300" in text and "2 percent" in text
    conversation = load_file(saved).conversations[0]
    assert len(conversation.turns) == 6
    assert all(turn.must_mention or turn.reply_kind for turn in conversation.turns), \
        "every reply became at least one check"
    assert [turn.reply_kind for turn in conversation.turns][:2] == ["small talk", "answer"]
    assert conversation.turns[0].must_offer_buttons

    run = _run(["conversations", str(saved), "--url", bot.url, "--report", str(tmp_path / "r.html")],
               env={"CAREERBOT_VAR_DIR": str(bot.var_dir)})
    assert run.returncode == 0, run.stdout + run.stderr
    assert "The conversation passed." in run.stdout


def test_export_of_an_unknown_id_says_so(bot: BotProcess, tmp_path: Path) -> None:
    """Exporting an id the store doesn't have is a clear error; --list shows each chat's time, channel and first
    message, and --find keeps the chats with a message containing the text."""
    bot.say("export-list-1", "what skills do i need?")
    bot.say("export-list-2", "how much do chefs make? my number is 555-201-7788")
    missing = _run(["export-test", "no-such-chat", "--out", str(tmp_path / "x.yml")],
                   env={"CAREERBOT_VAR_DIR": str(bot.var_dir)})
    assert missing.returncode == 2
    assert 'No conversation with the id "no-such-chat"' in missing.stderr
    assert not (tmp_path / "x.yml").exists()
    listed = _run(["export-test", "--list"], env={"CAREERBOT_VAR_DIR": str(bot.var_dir)})
    assert listed.returncode == 0
    line = next(line for line in listed.stdout.splitlines() if line.startswith("export-list-1 "))
    assert "REST" in line and "1 message(s)" in line and 'first: "what skills do i need?"' in line
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", line)
    assert "555-201-7788" not in listed.stdout and "[phone]" in listed.stdout, "details stay masked"
    found = _run(["export-test", "--find", "CHEFS make"], env={"CAREERBOT_VAR_DIR": str(bot.var_dir)})
    assert found.returncode == 0
    assert "export-list-2 " in found.stdout and "export-list-1 " not in found.stdout


def test_the_chat_id_command_answers_without_storing(bot: BotProcess) -> None:
    """"/chatid" (as in `make chat` or the widget) answers with this chat's id and the export command; the command
    itself is not kept, so a chat with nothing else is not listed."""
    reply = text_of(bot.say("chat-id-1", "/chatid"))
    assert "This chat's id is chat-id-1" in reply and "make export-test ID=chat-id-1" in reply
    listed = _run(["export-test", "--list"], env={"CAREERBOT_VAR_DIR": str(bot.var_dir)})
    assert "chat-id-1" not in listed.stdout


def test_runner_starts_a_private_bot_when_none_runs_and_stops_it(model: Path, tmp_path: Path) -> None:
    """With no bot on the configured port, the runner starts its own, runs, and stops it again."""
    tests = tmp_path / "one.yml"
    tests.write_text("career: industrial-production-manager\nconversations:\n  - title: Pay\n    turns:\n"
                     "      - student: salary?\n        must mention: $107,560\n", encoding="utf-8")
    temp = tmp_path / "tmp"
    temp.mkdir()
    run = _run(
        ["conversations", str(tests), "--report", str(tmp_path / "r.html")],
        env={"CAREERBOT_RASA_PORT": "1", "TMPDIR": str(temp)},  # nothing answers on port 1
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Starting a private bot" in run.stdout
    url = re.search(r"against (http://\S+)", run.stdout)
    assert url is not None
    with pytest.raises(requests.ConnectionError):
        requests.get(url.group(1).rsplit("/", 1)[0] + "/", timeout=5)
    assert list(temp.iterdir()) == [], "the private bot's data folder is removed"
