"""Train the Rasa model only when its inputs changed.

The model's name carries a fingerprint of everything training reads (config,
domain, ``data/``, the Rasa version), so an unchanged project starts without
retraining and without even importing Rasa. The knowledge files are not among
them: careers are recognised by the action server, so a new career needs no
training.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterable, List, Optional

from bot.paths import CONFIG_FILE, DATA_DIR, DOMAIN_FILE, MODELS_DIR, ROOT

MODEL_PREFIX = "careerbot-"
KEEP_MODELS = 5


def _files(paths: Iterable[Path]) -> List[Path]:
    found: List[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in {".yml", ".yaml"})
        elif path.exists():
            found.append(path)
    return found


def rasa_version() -> str:
    """Installed Rasa version, read without importing Rasa (slow)."""
    from importlib.metadata import version

    return version("rasa")


def fingerprint() -> str:
    """Hash of config.yml, domain.yml, data/ and the Rasa version."""
    digest = hashlib.sha256()
    digest.update(f"rasa={rasa_version()}".encode())
    for path in _files([CONFIG_FILE, DOMAIN_FILE, DATA_DIR]):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def model_path(fp: str) -> Path:
    """Where the model for a fingerprint lives."""
    return MODELS_DIR / f"{MODEL_PREFIX}{fp}.tar.gz"


def current_model() -> Optional[Path]:
    """The model matching the current inputs, if it has been trained."""
    path = model_path(fingerprint())
    return path if path.exists() else None


def _prune(keep: Path) -> None:
    models = sorted(MODELS_DIR.glob(f"{MODEL_PREFIX}*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [m for m in models if m != keep][KEEP_MODELS - 1 :]:
        old.unlink()


def ensure_model(force: bool = False) -> Path:
    """Return the model for the current inputs, training it first if needed."""
    fp = fingerprint()
    target = model_path(fp)
    if target.exists() and not force:
        return target
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    print(f">> training the Rasa model ({target.name}); this takes two or three minutes", flush=True)
    started = time.monotonic()
    command = [
        sys.executable, "-m", "bot.tools.rasa_train",
        "--config", str(CONFIG_FILE), "--domain", str(DOMAIN_FILE), "--data", str(DATA_DIR),
        "--out", str(MODELS_DIR), "--fixed-model-name", target.name[: -len(".tar.gz")],
    ]
    if force:
        command.append("--force")
    subprocess.run(command, cwd=ROOT, env=rasa_env(), check=True)
    print(f">> trained in {time.monotonic() - started:.0f} s", flush=True)
    _prune(target)
    return target


def rasa_env() -> dict:
    """Environment for every Rasa process: telemetry always off (users are minors), quiet TensorFlow."""
    env = dict(os.environ)
    env["RASA_TELEMETRY_ENABLED"] = "false"
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("PYTHONWARNINGS", "ignore")
    return env


if __name__ == "__main__":
    print(ensure_model(force="--force" in sys.argv))
