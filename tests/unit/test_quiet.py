"""A quiet start: third-party deprecation warnings are filtered, other warnings stay, verbose shows all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.paths import ROOT

_MODULE = '''
import warnings
import sanic  # turns DeprecationWarning back on, as in the servers
warnings.filterwarnings("once", category=UserWarning)  # as Rasa does after start-up
class LibraryDeprecation(UserWarning, DeprecationWarning):
    pass
warnings.warn("old api", DeprecationWarning)
warnings.warn("old parser", LibraryDeprecation)
warnings.warn("check your config", UserWarning)
print("started")
'''


def _run(tmp_path: Path, verbose: str) -> subprocess.CompletedProcess:
    (tmp_path / "noisy_server.py").write_text(_MODULE, encoding="utf-8")
    env = dict(os.environ, CAREERBOT_VERBOSE=verbose,
               PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]))
    return subprocess.run([sys.executable, "-m", "bot.tools.quiet", "noisy_server"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60, check=True)


def test_deprecations_are_filtered_and_other_warnings_stay(tmp_path: Path) -> None:
    result = _run(tmp_path, "")
    assert "started" in result.stdout
    assert "old api" not in result.stderr
    assert "old parser" not in result.stderr
    assert "check your config" in result.stderr


def test_verbose_shows_every_warning(tmp_path: Path) -> None:
    result = _run(tmp_path, "1")
    assert "old api" in result.stderr
    assert "old parser" in result.stderr
    assert "check your config" in result.stderr


def test_rasa_validator_noise_about_unused_responses_is_filtered() -> None:
    """Every reply is sent by the one action, so "utterance ... not used in any story" says nothing: filtered."""
    from bot.tools.quiet import QUIET_MESSAGES

    assert any(p.search("The utterance 'utter_greet' is not used in any story or rule.") for p in QUIET_MESSAGES)
    assert not any(p.search("Intent 'ask_pay' has only 1 training example") for p in QUIET_MESSAGES)
