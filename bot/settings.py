"""Settings from the environment, with safe defaults for one school server.

Every setting is an environment variable (so nothing secret lives in git);
`make run` and the launcher pass them on to the Rasa and action servers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from bot.paths import VAR_DIR


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"ERROR: environment variable {name} must be a whole number, got {value!r}") from None


def _bool(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    return value in {"1", "true", "yes", "on"}


def _list(name: str, default: List[str]) -> List[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip().rstrip("/") for item in value.split(",") if item.strip()]


@dataclass(frozen=True)
class Settings:
    """All run-time settings (see docs/settings.md)."""

    host: str = "0.0.0.0"
    public_host: str = "localhost"
    rasa_port: int = 5005
    action_port: int = 5055
    action_host: str = "127.0.0.1"  # the action server listens here only (the Rasa server is on this machine)
    web_port: int = 8000
    profile: str = "embedded"
    var_dir: Path = VAR_DIR
    retention_days: int = 30
    max_message_length: int = 1000
    max_request_bytes: int = 64 * 1024
    action_timeout_seconds: int = 10
    max_concurrent_turns: int = 4
    enable_api: bool = False
    api_token: Optional[str] = None
    rest_token: Optional[str] = None  # REST from other machines needs it; without it REST answers localhost only
    log_level: str = "INFO"
    allowed_origins: List[str] = field(default_factory=list)
    socket_url: Optional[str] = None
    # Scale-out profile: PostgreSQL tracker store + Redis lock store.
    db_host: str = "localhost"
    db_port: int = 5432
    db_name: str = "careerbot"
    db_user: str = "careerbot"
    db_password: str = ""
    db_login_db: str = "postgres"
    redis_host: str = "localhost"
    redis_port: int = 6379
    redis_db: int = 1
    redis_password: str = ""

    @property
    def tracker_db(self) -> Path:
        """SQLite tracker store file (embedded profile)."""
        return self.var_dir / "tracker.db"

    @property
    def tracker_store_url(self) -> str:
        """SQLAlchemy URL of the tracker store this profile uses (for purge/forget)."""
        if self.profile == "scale":
            from urllib.parse import quote

            auth = quote(self.db_user, safe="")
            if self.db_password:
                auth += ":" + quote(self.db_password, safe="")
            return f"postgresql://{auth}@{self.db_host}:{self.db_port}/{quote(self.db_name, safe='')}"
        return f"sqlite:///{self.tracker_db}"

    @property
    def redis_url(self) -> str:
        """redis:// URL of the scale profile's Redis (also used by the Slack channel's de-duplication)."""
        from urllib.parse import quote

        auth = f":{quote(self.redis_password, safe='')}@" if self.redis_password else ""
        return f"redis://{auth}{self.redis_host}:{self.redis_port}/{self.redis_db}"

    @property
    def tracker_store_label(self) -> str:
        """Where conversations are stored, for people (no password)."""
        if self.profile == "scale":
            return f"PostgreSQL database {self.db_name!r} on {self.db_host}:{self.db_port}"
        return f"SQLite file {self.tracker_db}"

    def endpoint_env(self) -> Dict[str, str]:
        """The variables endpoints.yml / deploy/endpoints.scale.yml refer to, with their values."""
        return {
            "CAREERBOT_ACTION_PORT": str(self.action_port),
            "CAREERBOT_RASA_PORT": str(self.rasa_port),
            "CAREERBOT_VAR_DIR": str(self.var_dir),
            "CAREERBOT_DB_HOST": self.db_host,
            "CAREERBOT_DB_PORT": str(self.db_port),
            "CAREERBOT_DB_NAME": self.db_name,
            "CAREERBOT_DB_USER": self.db_user,
            "CAREERBOT_DB_PASSWORD": self.db_password,
            "CAREERBOT_DB_LOGIN_DB": self.db_login_db,
            "CAREERBOT_REDIS_HOST": self.redis_host,
            "CAREERBOT_REDIS_PORT": str(self.redis_port),
            "CAREERBOT_REDIS_DB": str(self.redis_db),
            "CAREERBOT_REDIS_PASSWORD": self.redis_password,
        }

    @property
    def rasa_url(self) -> str:
        """Base URL of the Rasa server as seen from this machine."""
        return f"http://localhost:{self.rasa_port}"

    @property
    def rest_url(self) -> str:
        """The REST channel's webhook."""
        return f"{self.rasa_url}/webhooks/rest/webhook"

    def rest_headers(self) -> Dict[str, str]:
        """Headers a REST client on this machine sends (the token, when one is set)."""
        return {"Authorization": f"Bearer {self.rest_token}"} if self.rest_token else {}

    @property
    def web_url(self) -> str:
        """The demo school page."""
        return f"http://{self.public_host}:{self.web_port}"


def load() -> Settings:
    """Settings from the CAREERBOT_* environment variables (read again whenever they or the directory change).

    Called on every turn by the channel guard, so the parsed result is kept for the
    same environment and working directory (``var_dir`` may be relative to it).
    """
    snapshot = tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("CAREERBOT_")))
    return _load(snapshot, os.getcwd())


@lru_cache(maxsize=8)
def _load(snapshot: Tuple[Tuple[str, str], ...], cwd: str) -> Settings:
    """Parse the settings; ``snapshot`` and ``cwd`` are the cache key (the values are read from ``os.environ``)."""
    web_port = _int("CAREERBOT_WEB_PORT", 8000)
    public_host = os.environ.get("CAREERBOT_PUBLIC_HOST", "localhost")
    default_origins = [f"http://{public_host}:{web_port}", f"http://127.0.0.1:{web_port}", f"http://localhost:{web_port}"]
    profile = os.environ.get("CAREERBOT_PROFILE", "embedded").strip() or "embedded"
    if profile not in {"embedded", "scale"}:
        raise SystemExit(f"ERROR: CAREERBOT_PROFILE must be 'embedded' or 'scale', got {profile!r}")
    retention_days = _int("CAREERBOT_RETENTION_DAYS", 30)
    if retention_days < 1:
        raise SystemExit(f"ERROR: CAREERBOT_RETENTION_DAYS must be at least 1, got {retention_days}")
    return Settings(
        host=os.environ.get("CAREERBOT_HOST", "0.0.0.0"),
        public_host=public_host,
        rasa_port=_int("CAREERBOT_RASA_PORT", 5005),
        action_port=_int("CAREERBOT_ACTION_PORT", 5055),
        action_host=os.environ.get("CAREERBOT_ACTION_HOST", "").strip() or "127.0.0.1",
        web_port=web_port,
        profile=profile,
        var_dir=Path(os.environ.get("CAREERBOT_VAR_DIR", str(VAR_DIR))).resolve(),
        retention_days=retention_days,
        max_message_length=_int("CAREERBOT_MAX_MESSAGE_LENGTH", 1000),
        max_request_bytes=_int("CAREERBOT_MAX_REQUEST_BYTES", 64 * 1024),
        action_timeout_seconds=_int("CAREERBOT_ACTION_TIMEOUT", 10),
        max_concurrent_turns=max(1, _int("CAREERBOT_MAX_CONCURRENT_TURNS", 4)),
        enable_api=_bool("CAREERBOT_ENABLE_API", False),
        api_token=os.environ.get("CAREERBOT_API_TOKEN") or None,
        rest_token=os.environ.get("CAREERBOT_REST_TOKEN", "").strip() or None,
        log_level=os.environ.get("CAREERBOT_LOG_LEVEL", "INFO").upper(),
        allowed_origins=sorted(set(_list("CAREERBOT_ALLOWED_ORIGINS", default_origins))),
        socket_url=os.environ.get("CAREERBOT_SOCKET_URL", "").strip() or None,
        db_host=os.environ.get("CAREERBOT_DB_HOST", "localhost"),
        db_port=_int("CAREERBOT_DB_PORT", 5432),
        db_name=os.environ.get("CAREERBOT_DB_NAME", "careerbot"),
        db_user=os.environ.get("CAREERBOT_DB_USER", "careerbot"),
        db_password=os.environ.get("CAREERBOT_DB_PASSWORD", ""),
        db_login_db=os.environ.get("CAREERBOT_DB_LOGIN_DB", "postgres"),
        redis_host=os.environ.get("CAREERBOT_REDIS_HOST", "localhost"),
        redis_port=_int("CAREERBOT_REDIS_PORT", 6379),
        redis_db=_int("CAREERBOT_REDIS_DB", 1),
        redis_password=os.environ.get("CAREERBOT_REDIS_PASSWORD", ""),
    )
