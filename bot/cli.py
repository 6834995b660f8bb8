"""Command line: ``python -m bot <command>``.

Commands:
  run        validate knowledge, train if needed, start both servers (make run)
  train      train the model if data, config or domain changed
  check      validate the knowledge files
  chat       chat in the terminal (starts the bot if it isn't running)
  test-stories  Rasa's test stories (tests/stories) with --fail-on-prediction-errors
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

    chat = commands.add_parser("chat", help="chat with the bot in this terminal")
    chat.add_argument("--sender", default=None, help="conversation id (default: a new random one)")
    chat.set_defaults(func=_cmd_chat)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    """Parse arguments and run the chosen command."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))
