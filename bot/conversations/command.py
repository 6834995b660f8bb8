"""The ``python -m bot conversations`` command: load, find or start the bot, run, report.

Exit code 0: every conversation passed. 1: at least one failed. 2: nothing
could be run (a file has a format error, no files, or no bot).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, Sequence

from bot.conversations.botserver import BotUnavailableError, bot_for_run
from bot.conversations.format import DEFAULT_DIR, display_path, load_all
from bot.conversations.report import render_text, status_line, write_html
from bot.conversations.runner import rest_chat, run_files
from bot.paths import ROOT
from bot.settings import Settings

DEFAULT_REPORT = ROOT / "results" / "conversations.html"


def run_tests(
    settings: Settings,
    paths: Sequence[Path] = (),
    url: Optional[str] = None,
    own_bot: bool = False,
    report_path: Path = DEFAULT_REPORT,
    title_filter: Optional[str] = None,
) -> int:
    """Run the conversation tests in ``paths`` (default: tests/conversations); return the exit code."""
    files, errors = load_all(list(paths) or [DEFAULT_DIR])
    if errors:
        print("These conversation files need fixing before anything runs:", file=sys.stderr)
        for error in errors:
            print(f"  {error}", file=sys.stderr)
        return 2
    if not any(f.conversations for f in files):
        print(f"No conversation files found in {', '.join(display_path(p) for p in paths or [DEFAULT_DIR])}.",
              file=sys.stderr)
        return 2
    count = sum(len(f.conversations) for f in files)
    try:
        with bot_for_run(settings, url=url, own=own_bot) as bot:
            print(f"Running {count} conversation(s) from {len(files)} file(s) against {bot.rest_url}", flush=True)
            run = run_files(
                files, rest_chat(bot.rest_url), bot.rest_url, title_filter,
                progress=lambda result: print(status_line(result), flush=True),
            )
    except BotUnavailableError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 2
    print()
    print(render_text(run))
    written = write_html(run, report_path)
    print(f"Report: {display_path(written)}")
    if not run.results:
        return 2
    return 0 if run.passed else 1
