"""The shipped systemd unit (deploy/systemd/careerbot.service) passes `systemd-analyze verify`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bot.paths import ROOT

UNIT = ROOT / "deploy" / "systemd" / "careerbot.service"
ENV_FILE = ROOT / "deploy" / "systemd" / "careerbot.env"


def test_the_unit_verifies(tmp_path: Path) -> None:
    """Installed as documented (here: the project where it is checked out), systemd finds nothing wrong."""
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.fail("systemd-analyze is missing: run `make test` (it installs Debian's systemd package)")
    unit = tmp_path / "careerbot.service"
    unit.write_text(UNIT.read_text().replace("/etc/careerbot/careerbot.env", str(ENV_FILE))
                    .replace("/opt/careerbot", str(ROOT)))
    result = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True, timeout=60)
    problems = [line for line in (result.stdout + result.stderr).splitlines() if "careerbot" in line]
    assert result.returncode == 0 and not problems, result.stdout + result.stderr


def test_the_unit_runs_unprivileged_and_private() -> None:
    """Its own user, no new privileges, owner-only files, read-only system, writes only to var/."""
    text = UNIT.read_text()
    for line in ("User=careerbot", "NoNewPrivileges=yes", "UMask=0077", "ProtectSystem=strict",
                 "ReadWritePaths=/opt/careerbot/var", "KillSignal=SIGINT", "Restart=on-failure"):
        assert line in text, line
    assert "User=root" not in text


def test_the_environment_file_names_only_known_settings() -> None:
    """Every variable in the example environment file is one the docs describe (docs/settings.md, website.md)."""
    settings_doc = "\n".join(path.read_text() for path in (ROOT / "docs").glob("*.md"))
    names = [line.split("=", 1)[0] for line in ENV_FILE.read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert names
    missing = [name for name in names if f"`{name}`" not in settings_doc and name not in settings_doc]
    assert not missing, missing
