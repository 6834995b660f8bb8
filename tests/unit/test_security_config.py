"""Security and deployment settings that need no running server: API, token, telemetry, local models, endpoints."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict

import pytest
import yaml

from bot.paths import ENDPOINTS_FILE, ROOT
from bot.settings import Settings, load
from bot.tools.launcher import SCALE_ENDPOINTS, LaunchError, Stack, server_env
from bot.tools.rasa_run import rasa_argv
from bot.tools.training import rasa_env


def _settings(tmp_path: Path, **overrides: Any) -> Settings:
    from dataclasses import replace

    return replace(load(), var_dir=tmp_path, **overrides)


def test_telemetry_is_forced_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every Rasa process gets RASA_TELEMETRY_ENABLED=false, even if the environment says otherwise."""
    monkeypatch.setenv("RASA_TELEMETRY_ENABLED", "true")
    assert rasa_env()["RASA_TELEMETRY_ENABLED"] == "false"
    assert server_env(_settings(tmp_path))["RASA_TELEMETRY_ENABLED"] == "false"


def test_rasa_reads_our_telemetry_setting_as_off(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasa.telemetry

    monkeypatch.setenv("RASA_TELEMETRY_ENABLED", "false")
    assert rasa.telemetry.is_telemetry_enabled() is False


def test_rasa_loads_only_the_local_model_file(tmp_path: Path) -> None:
    """The Rasa server gets --model with an absolute path to a local file; no remote storage, no API by default."""
    model = tmp_path / "careerbot-test.tar.gz"
    model.write_bytes(b"")
    command = Stack(_settings(tmp_path)).commands(model)["rasa server"]
    assert command[command.index("--model") + 1] == str(model.resolve())
    assert Path(command[command.index("--model") + 1]).is_absolute()
    assert "--remote-storage" not in command
    assert "--enable-api" not in command
    assert not any("token" in part for part in command)


def test_api_needs_a_token_and_the_token_never_is_an_argument(tmp_path: Path) -> None:
    model = tmp_path / "m.tar.gz"
    with pytest.raises(LaunchError, match="CAREERBOT_API_TOKEN"):
        Stack(_settings(tmp_path, enable_api=True, api_token=None)).commands(model)
    command = Stack(_settings(tmp_path, enable_api=True, api_token="s3cret")).commands(model)["rasa server"]
    assert "--enable-api" in command and "s3cret" not in command
    assert rasa_argv(["--enable-api"], "s3cret")[-1] == "--auth-token=s3cret"
    assert "--auth-token" not in rasa_argv(["--port", "5005"], "s3cret")
    with pytest.raises(SystemExit):
        rasa_argv(["--enable-api"], None)


def _endpoints(path: Path) -> Dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.mark.parametrize("path", [ENDPOINTS_FILE, SCALE_ENDPOINTS], ids=["embedded", "scale"])
def test_endpoints_fetch_no_models_and_every_variable_has_a_default(path: Path, tmp_path: Path) -> None:
    """No model server (models only from local training), and the launcher exports every ${VAR} used, unquoted."""
    endpoints = _endpoints(path)
    assert "models" not in endpoints, "models must come from local training, never a model server"
    text = path.read_text(encoding="utf-8")
    used = set(re.findall(r"\$\{(\w+)\}", text))
    assert used <= set(server_env(_settings(tmp_path))), used - set(server_env(_settings(tmp_path)))
    assert not re.search(r"[\"']\$\{", text), "quoted ${...} values are not expanded by Rasa"


def test_scale_profile_uses_postgresql_and_redis(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Rasa's own reader expands deploy/endpoints.scale.yml into a PostgreSQL tracker store and a Redis lock store."""
    from rasa.core.utils import AvailableEndpoints

    settings = _settings(tmp_path, profile="scale", db_host="db.internal", db_port=6543, redis_host="redis.internal")
    for name, value in server_env(settings).items():
        monkeypatch.setenv(name, value)
    endpoints = AvailableEndpoints.read_endpoints(str(SCALE_ENDPOINTS))
    assert endpoints.tracker_store.type == "SQL"
    assert endpoints.tracker_store.kwargs["dialect"] == "postgresql"
    assert endpoints.tracker_store.url == "db.internal" and endpoints.tracker_store.kwargs["port"] == "6543"
    assert endpoints.lock_store.type == "bot.locks.AtomicRedisLockStore"
    assert endpoints.lock_store.url == "redis.internal"
    assert endpoints.model is None
    assert settings.tracker_store_url == "postgresql://careerbot@db.internal:6543/careerbot"


def test_profile_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CAREERBOT_PROFILE", raising=False)
    assert load().profile == "embedded" and load().tracker_store_url.startswith("sqlite:///")
    monkeypatch.setenv("CAREERBOT_PROFILE", "scale")
    monkeypatch.setenv("CAREERBOT_DB_PASSWORD", "p@ss/word")
    assert load().tracker_store_url == "postgresql://careerbot:p%40ss%2Fword@localhost:5432/careerbot"
    assert "p@ss" not in load().tracker_store_label
    monkeypatch.setenv("CAREERBOT_PROFILE", "cluster")
    with pytest.raises(SystemExit, match="embedded' or 'scale"):
        load()


def test_no_untested_container_or_helm_setup_is_shipped() -> None:
    """Rasa's Helm chart with our old values broke the widget and Slack, and the Dockerfile sketch failed on a
    clean checkout: neither is shipped, and the deploy guide says so (docs/deploy.md)."""
    assert not (ROOT / "deploy" / "helm").exists()
    assert not (ROOT / "Dockerfile").exists()
    guide = (ROOT / "docs" / "deploy.md").read_text()
    assert "helm install" not in guide and "```dockerfile" not in guide


def test_scale_profile_shares_redis_with_the_slack_channel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the scale profile the Slack channel's de-duplication uses the same Redis (unless set explicitly)."""
    monkeypatch.delenv("CAREERBOT_REDIS_URL", raising=False)
    scale = _settings(tmp_path, profile="scale", redis_host="redis.internal", redis_password="pw")
    assert server_env(scale)["CAREERBOT_REDIS_URL"] == "redis://:pw@redis.internal:6379/1"
    assert "CAREERBOT_REDIS_URL" not in server_env(_settings(tmp_path))


def test_a_token_starting_with_a_dash_reaches_rasa_as_the_token() -> None:
    """secrets.token_urlsafe can start with "-": Rasa's own parser must still read it as the token."""
    import argparse

    from rasa.cli.arguments.run import add_server_arguments

    parser = argparse.ArgumentParser()
    add_server_arguments(parser)
    argv = rasa_argv(["--enable-api"], "-Xy_9token")
    assert parser.parse_args(argv[2:]).auth_token == "-Xy_9token"
