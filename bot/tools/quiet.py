"""A quiet start: third-party deprecation warnings filtered out of the servers' output.

Sanic turns DeprecationWarning back on ("once") when it is imported, so the
``PYTHONWARNINGS=ignore`` that every Rasa process gets is not enough: the filters
are set again here after Sanic's. ``CAREERBOT_VERBOSE=1`` (``make run VERBOSE=1``)
leaves every warning visible. ``python -m bot.tools.quiet MODULE ARGS`` runs another
module's command line (the action server's ``rasa_sdk``, ``rasa data validate`` in ``make check``) quietly.
"""

from __future__ import annotations

import os
import re
import runpy
import sys
import warnings

QUIET_CATEGORIES = (DeprecationWarning, PendingDeprecationWarning, FutureWarning)
# Rasa's data validator warns about every response no story uses: by design here, the one action
# (action_respond) sends them all, so these say nothing to a reader of `make check`.
QUIET_MESSAGES = (re.compile(r"The utterance '[^']+' is not used in any story"),)


def verbose() -> bool:
    """True when the deployer asked to see every warning (CAREERBOT_VERBOSE=1)."""
    return os.environ.get("CAREERBOT_VERBOSE", "").strip().lower() in {"1", "true", "yes"}


def quiet_warnings() -> None:
    """Filter third-party deprecation warnings (after Sanic has set its own filter), unless verbose."""
    if verbose():
        return
    import sanic  # noqa: F401  (its import adds filterwarnings("once", DeprecationWarning): ours go first)

    for category in QUIET_CATEGORIES:
        warnings.filterwarnings("ignore", category=category)
    # Rasa adds filterwarnings("once", UserWarning) later, which wins for warnings that are both
    # (pyparsing's deprecations): drop deprecations where they are shown, whatever the filters say.
    show = warnings.showwarning

    def show_unless_deprecation(message: Warning | str, category: type, *args: object, **kwargs: object) -> None:
        if issubclass(category, QUIET_CATEGORIES) or any(p.search(str(message)) for p in QUIET_MESSAGES):
            return
        show(message, category, *args, **kwargs)  # type: ignore[arg-type]

    warnings.showwarning = show_unless_deprecation  # type: ignore[assignment]


def main() -> None:
    """Run ``python -m MODULE ARGS`` with the warnings filtered."""
    if len(sys.argv) < 2:
        raise SystemExit("usage: python -m bot.tools.quiet MODULE [ARGS...]")
    quiet_warnings()
    module = sys.argv[1]
    sys.argv = [module, *sys.argv[2:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
