"""Training time of our bot from scratch, and proof that unchanged data is not retrained.

The project (code, knowledge, data, config) is copied into a temporary folder,
so the copy has no trained model and no Rasa cache (``RASA_CACHE_DIRECTORY``
points at an empty folder; Rasa 3.6 reads it in ``rasa/engine/caching.py``).
``python -m bot train`` there then does everything a fresh checkout does:
``rasa train --force``. Running the same command again on the unchanged copy
must not train: it is timed, and the model file must be untouched.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, TextIO, Tuple

from bench.servers import quiet_env
from bot.nlp.sentence_encoder import MODEL_DIR as SENTENCE_MODEL_DIR
from bot.paths import ROOT

PROJECT_PARTS = ("bot", "actions", "knowledge", "data", "config.yml", "domain.yml", "endpoints.yml", "credentials.yml")
TRAINING_MARKER = "training the Rasa model"


@dataclass(frozen=True)
class TrainingResult:
    """Seconds to train from scratch, and what a second run on unchanged data did."""

    seconds: float
    unchanged_seconds: float
    retrained_when_unchanged: bool
    model: Path
    cpu_seconds: float = 0.0
    detail: str = ""


def copy_project(target: Path) -> Path:
    """Copy what training reads into ``target`` (no models, build output or caches).

    The sentence encoder's weights (``build/sentence-model``) are installed by
    ``make install`` like the Python packages, not built by training, so the
    copy links to them as it shares the virtual environment.
    """
    target.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, target / part)
    (target / "build").mkdir(exist_ok=True)
    (target / "build" / SENTENCE_MODEL_DIR.name).symlink_to(SENTENCE_MODEL_DIR, target_is_directory=True)
    return target


def models_in(project: Path) -> List[Path]:
    """The trained model files of a project, oldest name first."""
    return sorted((project / "models").glob("*.tar.gz"))


def children_cpu_seconds() -> float:
    """User + system CPU time of all finished child processes so far (grandchildren included once waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(command: List[str], cwd: Path, env: Dict[str, str], log: TextIO) -> Tuple[float, float]:
    """Run ``command`` with its output appended to ``log``; return its wall-clock and CPU seconds."""
    log.flush()
    cpu_before = children_cpu_seconds()
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, check=True)
    return time.perf_counter() - started, children_cpu_seconds() - cpu_before


def measure(work_dir: Path, log_path: Path) -> TrainingResult:
    """Train a fresh copy of the project from scratch, then run training again unchanged."""
    project = copy_project(work_dir / "project")
    cache = work_dir / "rasa-cache"
    cache.mkdir(parents=True, exist_ok=True)
    env = quiet_env({"RASA_CACHE_DIRECTORY": str(cache), "PYTHONPATH": str(project)})
    command = [sys.executable, "-m", "bot", "train"]
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w", encoding="utf-8") as log:
        log.write(f"$ {' '.join(command)}  (from scratch, in {project}, RASA_CACHE_DIRECTORY={cache})\n")
        seconds, cpu_seconds = timed_run(command, project, env, log)
    models = models_in(project)
    if len(models) != 1:
        raise RuntimeError(f"expected one trained model in {project / 'models'}, found {models}")
    model = models[0]
    before = model.stat().st_mtime_ns
    started = time.perf_counter()
    again = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=True)
    unchanged_seconds = time.perf_counter() - started
    output = again.stdout + again.stderr
    with log_path.open("a", encoding="utf-8") as log:
        log.write(f"\n$ {' '.join(command)}  (unchanged data)\n{output}")
    retrained = TRAINING_MARKER in output or models_in(project) != [model] or model.stat().st_mtime_ns != before
    return TrainingResult(seconds, unchanged_seconds, retrained, model, cpu_seconds, output.strip()[-300:])
