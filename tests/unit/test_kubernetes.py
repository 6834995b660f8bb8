"""The Kubernetes manifests (deploy/kubernetes/): valid against the Kubernetes 1.28 schemas, and what they promise."""

from __future__ import annotations

from typing import Any, Dict, List

import kubernetes_validate
import pytest
import yaml

from bot.paths import ROOT

FOLDER = ROOT / "deploy" / "kubernetes"
VERSION = "1.28.0"
GB = 1024 ** 3


def documents() -> List[Dict[str, Any]]:
    found: List[Dict[str, Any]] = []
    for path in sorted(FOLDER.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        found += [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]
    return found


def by_kind(kind: str) -> Dict[str, Any]:
    return next(doc for doc in documents() if doc["kind"] == kind)


@pytest.mark.parametrize("document", documents(), ids=lambda d: f"{d['kind']}/{d['metadata']['name']}")
def test_every_manifest_is_valid(document: Dict[str, Any]) -> None:
    kubernetes_validate.validate(document, VERSION, strict=True)


def test_kustomization_lists_every_manifest_but_the_secret_template() -> None:
    listed = yaml.safe_load((FOLDER / "kustomization.yaml").read_text(encoding="utf-8"))["resources"]
    files = sorted(p.name for p in FOLDER.glob("*.yaml") if p.name not in {"kustomization.yaml", "secret.example.yaml"})
    assert sorted(listed) == files


def _memory(text: str) -> float:
    units = {"Mi": 1024 ** 2, "Gi": 1024 ** 3}
    return float(text[:-2]) * units[text[-2:]]


def test_the_bot_has_the_memory_the_benchmark_measured_and_waits_until_ready() -> None:
    container = by_kind("Deployment")["spec"]["template"]["spec"]["containers"][0]
    assert _memory(container["resources"]["requests"]["memory"]) >= 1.1 * 1e9  # Rasa ~1 GB + action server
    assert _memory(container["resources"]["limits"]["memory"]) > _memory(container["resources"]["requests"]["memory"])
    assert container["readinessProbe"]["httpGet"]["path"] == "/webhooks/rest/ready"
    assert container["args"] == ["python", "-m", "bot", "run", "--no-train"]


def test_secrets_come_from_the_secret_never_the_configmap() -> None:
    settings = by_kind("ConfigMap")["data"]
    assert not any(word in key for key in settings for word in ("PASSWORD", "SECRET", "TOKEN"))
    secret = yaml.safe_load((FOLDER / "secret.example.yaml").read_text(encoding="utf-8"))
    assert {"CAREERBOT_SESSION_SECRET", "CAREERBOT_DB_PASSWORD", "CAREERBOT_REDIS_PASSWORD",
            "CAREERBOT_COUNSELOR_PASSWORD", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"} <= set(secret["stringData"])
    kubernetes_validate.validate(secret, VERSION, strict=True)
    assert settings["CAREERBOT_PROFILE"] == "scale"


def test_the_ingress_passes_only_what_the_nginx_configuration_passes_with_websockets() -> None:
    ingress = by_kind("Ingress")
    paths = {p["path"] for rule in ingress["spec"]["rules"] for p in rule["http"]["paths"]}
    assert paths == {"/socket.io/", "/webhooks/slack/", "/careerbot/", "/counselor"}
    assert int(ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    assert ingress["spec"]["tls"]


def test_the_retention_purge_runs_daily() -> None:
    job = by_kind("CronJob")
    container = job["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]
    assert container["args"] == ["python", "-m", "bot", "purge"]
    assert len(job["spec"]["schedule"].split()) == 5 and job["spec"]["schedule"].split()[2:] == ["*", "*", "*"]
