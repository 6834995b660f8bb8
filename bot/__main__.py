"""``python -m bot``: the project's command line (see bot/tools/cli.py)."""

from bot.tools.cli import main

raise SystemExit(main())
