"""Compare NLU pipelines on the held-out set: whitespace vs spaCy tokenizer, several seeds.

``python -m bot.nlp.compare [--seeds 42 1 2]`` trains an NLU-only model for each
tokenizer and seed from config.yml (everything else identical), evaluates intent
accuracy on tests/nlu/heldout.yml (fallbacks count as wrong) and prints a
Markdown table. This is how the tokenizer in config.yml was chosen (README
"NLU measurements"). Takes about 2 minutes per model on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List

import yaml

from bot.nlp.evaluate import HELDOUT_FILE, evaluate, read_examples
from bot.paths import CONFIG_FILE, DATA_DIR, ROOT
from bot.tools.training import rasa_env

TOKENIZERS = ("WhitespaceTokenizer", "SpacyTokenizer")


def variant_config(tokenizer: str, seed: int) -> dict:
    """config.yml with the given tokenizer and DIET seed."""
    with CONFIG_FILE.open(encoding="utf-8") as handle:
        config = copy.deepcopy(yaml.safe_load(handle))
    for component in config["pipeline"]:
        if component["name"] in TOKENIZERS:
            component.clear()
            component["name"] = tokenizer
        if component["name"] == "DIETClassifier":
            component["random_seed"] = seed
    return config


def train_nlu(config: dict, out: Path, name: str) -> float:
    """Train an NLU-only model; return the seconds it took."""
    config_path = out / f"{name}.yml"
    config_path.write_text(yaml.safe_dump(config), encoding="utf-8")
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "rasa", "train", "nlu", "--config", str(config_path), "--nlu", str(DATA_DIR / "nlu"),
         "--out", str(out), "--fixed-model-name", name],
        cwd=ROOT, env=rasa_env(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return time.monotonic() - started


def main(argv: List[str]) -> int:
    """Train and evaluate every tokenizer × seed; print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[42, 1, 2])
    args = parser.parse_args(argv)
    examples = read_examples(HELDOUT_FILE)
    with CONFIG_FILE.open(encoding="utf-8") as handle:
        uses_diet = any(c["name"] == "DIETClassifier" for c in yaml.safe_load(handle)["pipeline"])
    if not uses_diet:
        args.seeds = args.seeds[:1]  # the classifier is deterministic: one run per tokenizer is enough
    scores: Dict[str, List[float]] = {t: [] for t in TOKENIZERS}
    with tempfile.TemporaryDirectory(prefix="nlu-compare-") as tmp:
        out = Path(tmp)
        for tokenizer in TOKENIZERS:
            for seed in args.seeds:
                name = f"{tokenizer}-{seed}"
                seconds = train_nlu(variant_config(tokenizer, seed), out, name)
                report = asyncio.run(evaluate(out / f"{name}.tar.gz", examples))
                scores[tokenizer].append(report.accuracy)
                print(f"{name}: accuracy {report.accuracy:.3f} (trained in {seconds:.0f} s)", flush=True)
    print(f"\n| tokenizer | accuracy per seed ({', '.join(map(str, args.seeds))}) | mean |")
    print("|---|---|---|")
    for tokenizer, values in scores.items():
        print(f"| {tokenizer} | {', '.join(f'{v:.3f}' for v in values)} | {statistics.mean(values):.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
