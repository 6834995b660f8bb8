"""The ``python -m bot conversations`` command: load, find or start the bot, run, report.

Exit code 0: every conversation passed. 1: at least one failed, or a file could
not be read (its problems are listed; the other files still run). 2: nothing
could be run (no readable file, or no bot). The report is always rewritten.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import List, Mapping, Optional, Sequence

from bot.conversations.botserver import BotUnavailableError, bot_for_run
from bot.conversations.format import DEFAULT_DIR, display_path, load_all
from bot.conversations.meaning import RecordReader
from bot.conversations.report import render_text, status_line, write_html
from bot.conversations.runner import RunResult, rest_chat, run_files
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
    broken = [str(error) for error in errors]
    if broken:  # the good files still run; every problem is listed here and at the top of the report
        print("These conversation files need fixing (their conversations don't run; the others do):", file=sys.stderr)
        for problem in broken:
            print(f"  {problem}", file=sys.stderr)
    if not any(f.conversations for f in files):
        if not broken:
            print(f"No conversation files found in {', '.join(display_path(p) for p in paths or [DEFAULT_DIR])}.",
                  file=sys.stderr)
        _report(RunResult([], "(not started)", time.time(), 0.0, 0, broken), report_path)
        return 2
    count = sum(len(f.conversations) for f in files)
    try:
        with bot_for_run(settings, url=url, own=own_bot) as bot:
            print(f"Running {count} conversation(s) from {len(files)} file(s) against {bot.rest_url}", flush=True)
            run = run_files(
                files, rest_chat(bot.rest_url), bot.rest_url, title_filter,
                progress=lambda result: print(status_line(result), flush=True),
                records=record_reader(bot.store_url, settings.retention_days),
            )
    except BotUnavailableError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        _report(RunResult([], f"(no bot: {error})", time.time(), 0.0, len(files), broken), report_path)
        return 2
    run.broken = broken
    print()
    _report(run, report_path)
    if not run.results:
        return 2
    return 0 if run.passed else 1


def record_reader(store_url: Optional[str], retention_days: int) -> Optional[RecordReader]:
    """Reads the bot's turn records from its store (for ``reply kind:`` checks), or None when it can't be read."""
    if not store_url:
        return None
    from bot.counselor.store import ConversationStore, StoreError

    store = ConversationStore(store_url, retention_days)

    def read(sender: str) -> List[Mapping[str, object]]:
        try:
            return list(store.turn_records(sender))
        except StoreError:
            return []

    return read


def _report(run: RunResult, report_path: Path) -> None:
    """Print the text report and always write this run's HTML report (never leave an old one in place)."""
    print(render_text(run))
    written = write_html(run, report_path)
    print(f"Report: {display_path(written)}")
