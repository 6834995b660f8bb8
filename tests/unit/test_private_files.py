"""var/ is made private at start-up (bot/tools/launcher.py private_var_dir)."""

from __future__ import annotations

import os
from dataclasses import replace

from bot.settings import Settings
from bot.tools.launcher import private_var_dir


def test_var_dir_and_tracker_store_become_owner_only(tmp_path) -> None:
    """A world-readable var/ and tracker.db from an older version become 0700 / 0600; new files are private."""
    var_dir = tmp_path / "var"
    var_dir.mkdir(mode=0o755)
    var_dir.chmod(0o755)
    tracker = var_dir / "tracker.db"
    tracker.write_bytes(b"")
    tracker.chmod(0o644)
    previous = os.umask(0o022)
    try:
        private_var_dir(replace(Settings(), var_dir=var_dir))
        assert var_dir.stat().st_mode & 0o777 == 0o700
        assert tracker.stat().st_mode & 0o777 == 0o600
        (var_dir / "new.log").write_text("x")
        assert (var_dir / "new.log").stat().st_mode & 0o077 == 0
    finally:
        os.umask(previous)
