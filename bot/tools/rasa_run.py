"""``rasa run`` with the HTTP API token taken from the environment.

The launcher starts the Rasa server through this module so that the token
(CAREERBOT_API_TOKEN) is never on a command line, where every local user could
read it with ``ps``. All other arguments are passed to ``rasa run`` unchanged.
"""

from __future__ import annotations

import os
import sys
from typing import Any, List, Optional


def rasa_argv(args: List[str], token: Optional[str]) -> List[str]:
    """The argv for Rasa's CLI: ``rasa run ARGS`` plus the token when the API is enabled."""
    argv = ["rasa", "run", *args]
    if "--enable-api" in args:
        if not token:
            raise SystemExit("ERROR: the Rasa HTTP API needs CAREERBOT_API_TOKEN (it must not be open).")
        argv.append(f"--auth-token={token}")  # "=": a token starting with "-" is not read as an option
    return argv


def keep_log_level_across_model_loading() -> None:
    """Restore the root log level after Rasa loads the model.

    Loading the model imports ``numpy.distutils.log``, which (through setuptools'
    distutils shim) sets the root logger to WARNING, so every INFO line after
    "Loading model" would silently disappear. Wrapping Rasa's ``load_agent``
    puts back the level Rasa configured.
    """
    import logging

    import rasa.core.agent as agent_module

    original = agent_module.load_agent

    async def load_agent(*args: Any, **kwargs: Any) -> Any:
        root = logging.getLogger()
        level = root.level
        try:
            return await original(*args, **kwargs)
        finally:
            root.setLevel(level)

    agent_module.load_agent = load_agent  # type: ignore[assignment]


def prepare_rasa_server() -> None:
    """Once, before Rasa starts: the action-server timeout cap and the speed-ups of bot/rasa_tuning.py.

    The speed-ups are installed only on the pinned Rasa version (on another one the
    server logs why and runs stock Rasa).
    """
    from bot import rasa_tuning
    from bot.channels.guard import cap_action_timeout

    cap_action_timeout()
    rasa_tuning.install()


def main() -> None:
    """Run Rasa's command line in this process."""
    from bot.tools.quiet import quiet_warnings

    quiet_warnings()
    prepare_rasa_server()
    keep_log_level_across_model_loading()
    token = os.environ.pop("CAREERBOT_API_TOKEN", None)
    sys.argv = rasa_argv(sys.argv[1:], token)
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
