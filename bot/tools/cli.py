"""Command line: ``python -m bot <command>``.

Commands:
  run        validate knowledge, train if needed, start both servers (make run)
  train      train the model if data, config or domain changed
  check      validate the knowledge files
  chat       chat in the terminal (starts the bot if it isn't running)
  test-stories  Rasa's test stories (tests/stories) with --fail-on-prediction-errors
  purge      delete conversations idle longer than CAREERBOT_RETENTION_DAYS (default 30)
  forget ID  delete one conversation by its id
  conversations  counselor conversation tests (tests/conversations) against the real bot
  export-test    save a stored chat as a conversation test file
  handoffs   list handoffs and crisis flags waiting for a counselor (make handoffs)
"""

from __future__ import annotations

import argparse
import sys
from typing import List, Optional

from bot import settings as settings_module


def _cmd_run(args: argparse.Namespace) -> int:
    from bot.tools.launcher import run

    return run(settings_module.load(), train=not args.no_train)


def _cmd_train(args: argparse.Namespace) -> int:
    from bot.tools.training import ensure_model

    print(ensure_model(force=args.force))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from bot.knowledge.check import check_everything

    report = check_everything()
    for career in sorted(report.careers.values(), key=lambda c: c.career.plural):
        print(f"OK: {career.career.plural} ({career.id}.yml)")
    if report.school:
        print(f"OK: school settings for {report.school}")
    for problem in report.problems:
        print(f"ERROR: {problem}", file=sys.stderr)
    print(f"{len(report.careers)} career(s) ready; {len(report.problems)} problem(s).")
    return 0 if report.ok else 2


def _cmd_test_stories(args: argparse.Namespace) -> int:
    import subprocess

    from bot.paths import ROOT
    from bot.tools.training import ensure_model, rasa_env

    model = ensure_model()
    command = [
        sys.executable, "-m", "rasa", "test", "core",
        "--model", str(model), "--stories", str(ROOT / "tests" / "stories"),
        "--fail-on-prediction-errors", "--out", str(ROOT / "results" / "core"),
    ]
    result = subprocess.run(command, cwd=ROOT, env=rasa_env())
    if result.returncode:
        print("Rasa test stories failed: the failing story is printed above.", file=sys.stderr)
    return result.returncode


def _cmd_chat(args: argparse.Namespace) -> int:
    from bot.tools.terminal import chat

    return chat(settings_module.load(), sender=args.sender)


def _cmd_purge(args: argparse.Namespace) -> int:
    from bot.retention import RetentionError, expired_conversations, purge

    settings = settings_module.load()
    days = args.days if args.days is not None else settings.retention_days
    if days < 1:
        print("ERROR: --days must be at least 1", file=sys.stderr)
        return 2
    try:
        if args.dry_run:
            count = len(expired_conversations(settings.tracker_store_url, days))
            print(f"{count} conversation(s) idle for more than {days} days would be deleted "
                  f"from the {settings.tracker_store_label}.")
            return 0
        result = purge(settings.tracker_store_url, days)
    except RetentionError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 2
    print(f"Deleted {result.conversations} conversation(s) ({result.events} events) idle for more than "
          f"{days} days and {result.handoffs} handoff(s) or crisis flag(s) older than that "
          f"from the {settings.tracker_store_label}.")
    return 0


def _cmd_forget(args: argparse.Namespace) -> int:
    from bot.retention import RetentionError, forget

    settings = settings_module.load()
    try:
        deleted = forget(settings.tracker_store_url, args.conversation_id)
    except RetentionError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 2
    if not deleted:
        print(f"No stored conversation with id {args.conversation_id!r} in the {settings.tracker_store_label}.",
              file=sys.stderr)
        return 1
    print(f"Deleted conversation {args.conversation_id!r} ({deleted} events) from the {settings.tracker_store_label}.")
    return 0


def _cmd_handoffs(args: argparse.Namespace) -> int:
    from bot.safety.handoffs import HandoffStoreError, list_records, mark_seen
    from bot.safety.notify import summary_lines

    settings = settings_module.load()
    try:
        if args.seen is not None:
            if not mark_seen(settings.tracker_store_url, args.seen):
                print(f"No handoff or crisis flag with number {args.seen}.", file=sys.stderr)
                return 1
            print(f"Marked number {args.seen} as seen.")
            return 0
        records = list_records(settings.tracker_store_url, include_seen=args.all)
    except HandoffStoreError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 2
    if not records:
        print(f"Nothing waiting for a counselor in the {settings.tracker_store_label}.")
        return 0
    print(f"{len(records)} handoff(s) and crisis flag(s){'' if args.all else ' waiting'}, oldest first "
          f"(mark one as seen: make handoffs SEEN=<number>):")
    for record in records:
        seen = " (seen)" if record.seen_at else ""
        print(f"\n#{record.id}{seen}")
        print("\n".join(f"  {line}" for line in summary_lines(record)))
    return 0


def _cmd_conversations(args: argparse.Namespace) -> int:
    from pathlib import Path

    from bot.conversations.command import DEFAULT_REPORT, run_tests

    return run_tests(
        settings_module.load(),
        paths=[Path(p) for p in args.paths],
        url=args.url,
        own_bot=args.own_bot,
        report_path=Path(args.report) if args.report else DEFAULT_REPORT,
        title_filter=args.title,
    )


def _cmd_export_test(args: argparse.Namespace) -> int:
    from pathlib import Path

    from bot.conversations.export import ExportError, export_test, quiet_warnings, recent_conversations
    from bot.conversations.format import display_path

    settings = settings_module.load()
    try:
        with quiet_warnings():
            if args.list or args.find or not args.conversation_id:
                rows = recent_conversations(settings, find=args.find)
                empty = f'No stored chat has a message with "{args.find}".' if args.find else \
                    "No conversations are stored yet."
                print("\n".join(rows) if rows else empty)
                if not args.list:
                    print("Give one of these conversation ids: python -m bot export-test ID", file=sys.stderr)
                return 0 if args.list or args.find else 2
            path = export_test(args.conversation_id, settings, out=Path(args.out) if args.out else None,
                               title=args.title, force=args.force)
    except ExportError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 2
    print(f"Saved {display_path(path)}: check and edit its checks, then run `make test-conversations`.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for all sub-commands."""
    parser = argparse.ArgumentParser(prog="python -m bot", description="Career-advice chatbot")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="start the action server and the Rasa server")
    run.add_argument("--no-train", action="store_true", help="fail instead of training")
    run.set_defaults(func=_cmd_run)

    train = commands.add_parser("train", help="train if data, config or domain changed")
    train.add_argument("--force", action="store_true", help="train even if nothing changed")
    train.set_defaults(func=_cmd_train)

    check = commands.add_parser("check", help="validate the knowledge files")
    check.set_defaults(func=_cmd_check)

    stories = commands.add_parser("test-stories", help="rasa test core on tests/stories, failing on any error")
    stories.set_defaults(func=_cmd_test_stories)

    purge = commands.add_parser("purge", help="delete conversations older than the retention period")
    purge.add_argument("--days", type=int, default=None, help="override CAREERBOT_RETENTION_DAYS")
    purge.add_argument("--dry-run", action="store_true", help="only count what would be deleted")
    purge.set_defaults(func=_cmd_purge)

    forget = commands.add_parser("forget", help="delete one conversation by id (a student's request)")
    forget.add_argument("conversation_id", help="the conversation id (REST 'sender', widget session id, ...)")
    forget.set_defaults(func=_cmd_forget)

    conversations = commands.add_parser(
        "conversations", help="run the counselor conversation tests against the real bot"
    )
    conversations.add_argument("paths", nargs="*", help="files or folders (default: tests/conversations)")
    conversations.add_argument("--url", help="test the bot at this URL (e.g. http://localhost:5005); must be running")
    conversations.add_argument("--own-bot", action="store_true",
                               help="always start a private bot for the run, even if one is running")
    conversations.add_argument("--report", help="where to write the HTML report (default: results/conversations.html)")
    conversations.add_argument("--title", help="only conversations whose title contains this text")
    conversations.set_defaults(func=_cmd_conversations)

    export = commands.add_parser("export-test", help="save a stored chat as a conversation test file")
    export.add_argument("conversation_id", nargs="?", help="the chat's conversation id (sender id)")
    export.add_argument("--out", help="file to write (default: tests/conversations/saved-<id>.yml)")
    export.add_argument("--title", help="title of the saved conversation")
    export.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    export.add_argument("--list", action="store_true",
                        help="list the most recent chats: time, channel, first message (type /chatid in a chat to see "
                             "its id)")
    export.add_argument("--find", help="list only the chats where a student message contains this text")
    export.set_defaults(func=_cmd_export_test)

    handoffs = commands.add_parser("handoffs", help="list handoffs and crisis flags waiting for a counselor")
    handoffs.add_argument("--all", action="store_true", help="also those already marked as seen")
    handoffs.add_argument("--seen", type=int, default=None, metavar="NUMBER", help="mark one as seen")
    handoffs.set_defaults(func=_cmd_handoffs)

    chat = commands.add_parser("chat", help="chat with the bot in this terminal")
    chat.add_argument("--sender", default=None, help="conversation id (default: a new random one)")
    chat.set_defaults(func=_cmd_chat)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    """Parse arguments and run the chosen command."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))
