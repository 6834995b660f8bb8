"""Set-up scripts: Python 3.10 discovery fails with one clear message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.paths import ROOT

SCRIPT = ROOT / "scripts" / "find-python310.sh"


def test_finds_python_310_given_explicitly() -> None:
    """PYTHON310 pointing at a 3.10 interpreter is used."""
    result = subprocess.run(
        ["/bin/bash", str(SCRIPT)], env={"PATH": "/usr/bin:/bin", "PYTHON310": sys.executable, "HOME": "/nonexistent"},
        capture_output=True, text=True, check=True,
    )
    assert result.stdout.strip() == sys.executable


@pytest.mark.skipif(
    any(Path(p).exists() for p in ("/usr/bin/python3.10", "/usr/local/bin/python3.10")),
    reason="this machine has a system-wide Python 3.10, which the script rightly finds",
)
def test_missing_python_310_says_what_to_install(tmp_path) -> None:
    """Without any Python 3.10, the script exits 1 with one message naming what to install."""
    result = subprocess.run(
        ["/bin/bash", str(SCRIPT)],
        env={"PATH": str(tmp_path), "HOME": str(tmp_path), "PYENV_ROOT": str(tmp_path / "pyenv")},
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "Python 3.10 was not found" in result.stderr
    assert "pyenv install 3.10" in result.stderr
