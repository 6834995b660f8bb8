"""``python -m bot``: the project's command line (see bot/cli.py)."""

from bot.cli import main

raise SystemExit(main())
