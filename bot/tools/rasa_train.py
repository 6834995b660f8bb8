"""``rasa train`` with the training speed-up of bot/rasa_tuning.py (same model, less time).

bot/tools/training.py runs ``python -m bot.tools.rasa_train ARGS``; the arguments are passed to
``rasa train`` unchanged.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Run ``rasa train`` in this process after installing the training speed-up."""
    from bot import rasa_tuning

    rasa_tuning.install_for_training()
    sys.argv = ["rasa", "train", *sys.argv[1:]]
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
