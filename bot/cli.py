"""Command line: ``python -m bot <command>``.

Commands:
  run        validate knowledge, train if needed, start both servers (make run)
  train      train the model if data, config or domain changed
  check      validate the knowledge files
  chat       chat in the terminal (starts the bot if it isn't running)
  test-stories  Rasa's test stories (tests/stories) with --fail-on-prediction-errors
  conversations  counselor conversation tests (tests/conversations) against the real bot
  export-test    save a stored chat as a conversation test file
"""

from __future__ import annotations

import argparse
import sys
from typing import List, Optional

from bot import settings as settings_module


def _cmd_run(args: argparse.Namespace) -> int:
    from bot.launcher import run

    return run(settings_module.load(), train=not args.no_train)


def _cmd_train(args: argparse.Namespace) -> int:
    from bot.training import ensure_model

    print(ensure_model(force=args.force))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from bot.career.loader import KnowledgeError, load_all

    try:
        careers = load_all()
    except KnowledgeError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 2
    for career in careers.values():
        print(f"OK: {career.career.name} ({career.career.id})")
    return 0


def _cmd_test_stories(args: argparse.Namespace) -> int:
    import subprocess

    from bot.paths import ROOT
    from bot.training import ensure_model, rasa_env

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
    from bot.terminal import chat

    return chat(settings_module.load(), sender=args.sender)


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
            if args.list or not args.conversation_id:
                rows = recent_conversations(settings)
                print("\n".join(rows) if rows else "No conversations are stored yet.")
                if not args.list:
                    print("Give one of these conversation ids: python -m bot export-test ID", file=sys.stderr)
                return 0 if args.list else 2
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
    export.add_argument("--list", action="store_true", help="list the most recent stored conversations")
    export.set_defaults(func=_cmd_export_test)

    chat = commands.add_parser("chat", help="chat with the bot in this terminal")
    chat.add_argument("--sender", default=None, help="conversation id (default: a new random one)")
    chat.set_defaults(func=_cmd_chat)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    """Parse arguments and run the chosen command."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))
