"""Throw-away PostgreSQL and Redis servers for tests (Debian's packages, free ports, private folders).

`make test` installs the packages (scripts/install-system-packages.sh postgresql redis-server). Where they
are missing and can't be installed, tests that need them are skipped with a clear message, except in CI
(``CI`` set), where that is a failure: the scale-out profile must never go untested silently.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Optional

import pytest

from tests.support import free_port

INSTALL_HINT = "install them with: scripts/install-system-packages.sh postgresql redis-server (make test does this)"


def require(what: str, found: bool) -> None:
    """Skip (or fail in CI) when a system service's binaries are missing."""
    if found:
        return
    message = f"{what} is not installed; {INSTALL_HINT}"
    if os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}:
        pytest.fail(f"{message} (CI is set: not skipping)", pytrace=False)
    pytest.skip(message)


def postgres_bin_dir() -> Optional[Path]:
    """The newest PostgreSQL server bin folder from Debian's packages, or one on the PATH."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    for candidate in reversed(candidates):
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


@dataclass
class PostgresServer:
    """A PostgreSQL cluster in a temporary folder, trust auth on 127.0.0.1, user ``postgres``."""

    port: int = field(default_factory=free_port)
    data_dir: Optional[Path] = None
    _base: Optional[Path] = None
    _as_user: Optional[str] = None
    _bin_dir: Optional[Path] = None

    def _run(self, *command: str) -> subprocess.CompletedProcess:
        argv = list(command)
        if self._as_user:
            argv = ["runuser", "-u", self._as_user, "--", *argv]
        return subprocess.run(argv, capture_output=True, text=True, timeout=120, cwd=self._base)

    def start(self) -> PostgresServer:
        bin_dir = postgres_bin_dir()
        require("PostgreSQL (initdb, pg_ctl)", bin_dir is not None)
        assert bin_dir is not None
        self._base = Path(tempfile.mkdtemp(prefix="careerbot-pg-"))
        self.data_dir = self._base / "data"
        if os.geteuid() == 0:
            # initdb refuses to run as root: run the server as the packages' `postgres` user, in a folder it owns.
            require("the 'postgres' system user", _user_exists("postgres"))
            self._as_user = "postgres"
            shutil.chown(self._base, user="postgres", group=None)
        self._base.chmod(0o755)
        result = self._run(str(bin_dir / "initdb"), "-D", str(self.data_dir), "-A", "trust", "-U", "postgres",
                           "-E", "UTF8", "--locale", "C")
        if result.returncode:
            raise RuntimeError(f"initdb failed:\n{result.stdout}\n{result.stderr}")
        options = f"-p {self.port} -k {self._base} -c listen_addresses=127.0.0.1 -c fsync=off"
        result = self._run(str(bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-o", options,
                           "-l", str(self._base / "server.log"), "-w", "start")
        if result.returncode:
            raise RuntimeError(f"pg_ctl start failed:\n{result.stdout}\n{result.stderr}\n{self.log()}")
        self._bin_dir = bin_dir
        return self

    def log(self) -> str:
        path = (self._base or Path("/nonexistent")) / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def url(self, database: str = "postgres") -> str:
        """SQLAlchemy URL for a database of this server."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def env(self, database: str) -> Dict[str, str]:
        """The CAREERBOT_DB_* settings pointing at a database of this server."""
        return {
            "CAREERBOT_DB_HOST": "127.0.0.1",
            "CAREERBOT_DB_PORT": str(self.port),
            "CAREERBOT_DB_NAME": database,
            "CAREERBOT_DB_USER": "postgres",
            "CAREERBOT_DB_PASSWORD": "",
            "CAREERBOT_DB_LOGIN_DB": "postgres",
        }

    def create_database(self, name: str) -> str:
        """Create an empty database; return its URL."""
        import sqlalchemy as sa

        engine = sa.create_engine(self.url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return self.url(name)

    def stop(self) -> None:
        if self._bin_dir is not None and self.data_dir is not None and self.data_dir.exists():
            self._run(str(self._bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        if self._base is not None:
            shutil.rmtree(self._base, ignore_errors=True)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


@dataclass
class RedisServer:
    """A Redis server on a free port that saves nothing to disk."""

    port: int = field(default_factory=free_port)
    _dir: Optional[Path] = None
    _process: Optional[subprocess.Popen] = None

    def start(self) -> RedisServer:
        binary = shutil.which("redis-server")
        require("Redis (redis-server)", binary is not None)
        assert binary is not None
        self._dir = Path(tempfile.mkdtemp(prefix="careerbot-redis-"))
        self._process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self._dir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        import redis

        deadline = time.monotonic() + 30
        while True:
            try:
                redis.Redis(port=self.port, socket_timeout=1).ping()
                return self
            except redis.exceptions.ConnectionError:
                if self._process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start (exit code {self._process.poll()})") from None
                time.sleep(0.1)

    def env(self, db: int = 1) -> Dict[str, str]:
        """The CAREERBOT_REDIS_* settings pointing at this server."""
        return {"CAREERBOT_REDIS_HOST": "127.0.0.1", "CAREERBOT_REDIS_PORT": str(self.port),
                "CAREERBOT_REDIS_DB": str(db), "CAREERBOT_REDIS_PASSWORD": ""}

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
