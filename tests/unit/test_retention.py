"""Retention on the embedded profile's SQLite store: purge by age, forget by id, the CLI commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.paths import ROOT
from bot.retention import RetentionError, count_conversations, purge
from bot.settings import load
from tests.retention_cases import check_forget_deletes_one_conversation, check_purge_deletes_only_idle_conversations
from tests.stores import DAY, now, save_conversation, senders, sql_store


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'tracker.db'}"


async def test_purge_deletes_only_idle_conversations(sqlite_url: str) -> None:
    await check_purge_deletes_only_idle_conversations(sqlite_url)


async def test_forget_deletes_one_conversation(sqlite_url: str) -> None:
    await check_forget_deletes_one_conversation(sqlite_url)


def test_nothing_stored_yet_is_not_an_error(tmp_path: Path) -> None:
    """A fresh install (no tracker.db yet): purge deletes nothing and creates no file."""
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    assert purge(url, 30).conversations == 0
    assert count_conversations(url) == 0
    assert not (tmp_path / "tracker.db").exists()


def test_retention_must_be_at_least_one_day(sqlite_url: str) -> None:
    with pytest.raises(RetentionError):
        purge(sqlite_url, 0)


def test_retention_setting_default_and_override(monkeypatch: pytest.MonkeyPatch) -> None:
    """CAREERBOT_RETENTION_DAYS: 30 by default, overridable, never below one day."""
    monkeypatch.delenv("CAREERBOT_RETENTION_DAYS", raising=False)
    assert load().retention_days == 30
    monkeypatch.setenv("CAREERBOT_RETENTION_DAYS", "7")
    assert load().retention_days == 7
    monkeypatch.setenv("CAREERBOT_RETENTION_DAYS", "0")
    with pytest.raises(SystemExit, match="at least 1"):
        load()


def _cli(var_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "CAREERBOT_VAR_DIR": str(var_dir), "CAREERBOT_PROFILE": "embedded", **env}
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)


async def test_purge_and_forget_commands(tmp_path: Path) -> None:
    """`python -m bot purge` uses CAREERBOT_RETENTION_DAYS on var/tracker.db; `forget ID` deletes one."""
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    store = sql_store(url)
    t = now()
    await save_conversation(store, "idle-10-days", ["hi"], last_at=t - 10 * DAY)
    await save_conversation(store, "idle-40-days", ["hi"], last_at=t - 40 * DAY)
    await save_conversation(store, "today", ["hi"], last_at=t)

    dry = _cli(tmp_path, "purge", "--dry-run")
    assert dry.returncode == 0 and "1 conversation(s)" in dry.stdout, dry.stdout + dry.stderr
    assert senders(url) == ["idle-10-days", "idle-40-days", "today"]

    default = _cli(tmp_path, "purge")
    assert default.returncode == 0 and "Deleted 1 conversation(s)" in default.stdout, default.stdout + default.stderr
    assert senders(url) == ["idle-10-days", "today"]

    shorter = _cli(tmp_path, "purge", CAREERBOT_RETENTION_DAYS="7")
    assert shorter.returncode == 0 and "Deleted 1 conversation(s)" in shorter.stdout
    assert senders(url) == ["today"]

    forgotten = _cli(tmp_path, "forget", "today")
    assert forgotten.returncode == 0 and "Deleted conversation 'today'" in forgotten.stdout
    assert senders(url) == []

    missing = _cli(tmp_path, "forget", "today")
    assert missing.returncode == 1 and "No stored conversation" in missing.stderr
