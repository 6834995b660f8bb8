"""The figures the README and docs quote from the benchmark, kept in step with it.

``make bench`` writes ``bench/figures.json`` from its results and rewrites every
``<!-- bench:NAME -->…<!-- /bench -->`` in README.md and docs/*.md with the
figure of that name; ``tests/unit/test_docs_figures.py`` fails when a quoted
figure differs from figures.json (a doc edited by hand, or a bench run whose
figures were not written back). ``python -m bench.figures [results.json]``
does the same from a saved run.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, Dict, Iterable, List

from bot.paths import ROOT

BENCH_DIR = Path(__file__).resolve().parent
FIGURES_FILE = BENCH_DIR / "figures.json"
MARKER = re.compile(r"<!-- bench:([a-z_]+) -->(.*?)<!-- /bench -->", re.DOTALL)


def documents() -> List[Path]:
    """The files that may quote benchmark figures."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def figures(results: Dict[str, Any]) -> Dict[str, str]:
    """The quoted figures, in the words the docs use, from one run's results.json."""
    found: Dict[str, str] = {}
    training = ((results.get("training") or {}).get("ours") or {}).get("seconds")
    if training:
        found["training_time"] = f"about {max(0.5, round(training / 60 * 2) / 2):g} minutes"
    ours = results.get("ours") or {}
    cpu = (ours.get("cpu_seconds_per_turn") or {}).get("rasa server")
    if cpu:
        found["rasa_cpu_per_turn"] = f"about {cpu * 1000:.0f} ms"
    rss = (ours.get("memory_bytes") or {}).get("rasa server")
    if rss:
        found["rasa_memory"] = f"{rss / 1e9:.2f} GB"
    busiest = max((level for level in ours.get("load") or [] if level.get("throughput")),
                  key=lambda level: level["throughput"], default=None)
    if busiest:
        found["rasa_turns_per_second"] = f"about {busiest['throughput']:.0f}"
    startup = ours.get("startup_seconds")
    if startup:
        found["startup_time"] = f"about {startup:.0f} s"
    return found


def used(text: str) -> Iterable[str]:
    """The figure names a document quotes."""
    return (match.group(1) for match in MARKER.finditer(text))


def fill(text: str, values: Dict[str, str]) -> str:
    """The document with each quoted figure replaced by its current value (unknown names left as they are)."""
    return MARKER.sub(lambda m: f"<!-- bench:{m.group(1)} -->{values.get(m.group(1), m.group(2))}<!-- /bench -->",
                      text)


def write(results: Dict[str, Any], path: Path = FIGURES_FILE) -> Dict[str, str]:
    """Update figures.json with this run's figures and rewrite the docs that quote them."""
    values = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    values.update(figures(results))
    path.write_text(json.dumps(values, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    for document in documents():
        text = document.read_text(encoding="utf-8")
        filled = fill(text, values)
        if filled != text:
            document.write_text(filled, encoding="utf-8")
    return values


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else BENCH_DIR / "out" / "results.json"
    print(json.dumps(write(json.loads(source.read_text(encoding="utf-8"))), indent=1))
