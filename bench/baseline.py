"""The stock Rasa bot we compare against: exactly what ``rasa init`` creates.

``rasa init --no-prompt --init-dir <dir>`` copies Rasa's starter project
(Rasa's default pipeline and policies, including TEDPolicy and
UnexpecTEDIntentPolicy; no custom actions, so no action server) and trains it.
With an empty ``RASA_CACHE_DIRECTORY`` that training is from scratch, so its
time is the stock bot's training time. Running ``rasa train`` again on the
unchanged project shows what Rasa itself does with unchanged data (it loads
every component from its cache and still packs a new model file).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.servers import quiet_env
from bench.training import models_in, timed_run


@dataclass(frozen=True)
class StockProject:
    """The initialised stock project and its training measurements."""

    project: Path
    model: Path
    seconds: float
    unchanged_seconds: float
    new_model_when_unchanged: bool
    cpu_seconds: float = 0.0


def create(work_dir: Path, log_path: Path) -> StockProject:
    """``rasa init`` (which trains from scratch), then ``rasa train`` on the unchanged project; both timed."""
    project = work_dir / "stock-bot"
    project.mkdir(parents=True, exist_ok=True)
    cache = work_dir / "stock-rasa-cache"
    cache.mkdir(parents=True, exist_ok=True)
    env = quiet_env({"RASA_CACHE_DIRECTORY": str(cache)})
    init = [sys.executable, "-m", "rasa", "init", "--no-prompt", "--init-dir", str(project)]
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w", encoding="utf-8") as log:
        log.write(f"$ {' '.join(init)}  (RASA_CACHE_DIRECTORY={cache}, empty)\n")
        seconds, cpu_seconds = timed_run(init, work_dir, env, log)
        models = models_in(project)
        if len(models) != 1:
            raise RuntimeError(f"rasa init should have trained one model in {project / 'models'}, found {models}")
        train = [sys.executable, "-m", "rasa", "train"]
        log.write(f"\n$ {' '.join(train)}  (unchanged project)\n")
        time.sleep(1.1)  # model names carry a timestamp in seconds
        unchanged_seconds, _ = timed_run(train, project, env, log)
    after = models_in(project)
    return StockProject(project, models[0], seconds, unchanged_seconds, len(after) > len(models), cpu_seconds)
