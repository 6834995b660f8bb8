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


def test_a_school_server_installs_only_run_time_packages() -> None:
    """requirements.txt (what `make install` / `make run` install) has no test or tooling package;
    requirements-dev.txt adds them on top of it (`make test`, `make lint`, `make bench`)."""
    from bot.paths import ROOT

    def names(path: str) -> set:
        lines = (ROOT / path).read_text().splitlines()
        return {line.split("==")[0].strip().lower() for line in lines if line.strip() and not line.startswith(("#", "-"))}

    run_time = names("requirements.txt")
    tooling = {"pytest", "pytest-asyncio", "playwright", "ruff", "mypy", "aioresponses", "websocket-client"}
    assert not run_time & tooling, run_time & tooling
    assert tooling <= names("requirements-dev.txt")
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text()
    makefile = (ROOT / "Makefile").read_text()
    assert "\nrun: install install-web" in makefile and "\ntest: install-dev" in makefile
