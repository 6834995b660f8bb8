"""`make bench` end to end on a tiny load: real servers, a results file with the expected rows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.paths import ROOT


@pytest.mark.e2e
def test_bench_runs_on_a_tiny_load_and_writes_the_report(model: Path, tmp_path: Path) -> None:
    """Few questions, 1-2 students, no baseline, no training: results.md, the plot and raw JSON appear."""
    results, plot, out = tmp_path / "results.md", tmp_path / "latency.png", tmp_path / "out"
    command = [
        sys.executable, "-m", "bench.run", "--items", "6", "--clinc", "3", "--safety", "3", "--many-careers", "0", "--counselor", "200",
        "--levels", "1:4,2:3",
        "--warmup", "2", "--no-baseline", "--no-training",
        "--out", str(out), "--results", str(results), "--plot", str(plot),
    ]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]

    report = results.read_text(encoding="utf-8")
    for row in (
        "## Targets",
        "| Answer accuracy ≥ 97% (held-out set) |",
        "| ≥ 90% of CLINC150 requests treated as out of scope |",
        "| p50 latency, 1 student ≤ 0.5× stock |",
        "| 0 errors with 50 concurrent students |",
        "| Rasa server peak RSS ≤ 1 GB |",
        "| Crisis messages (held out) get the crisis reply ≥ 98% |",
        "| CLINC150 + career questions get the crisis reply ≤ 0.5% |",
        "| Personal details (held out) masked ≥ 98% |",
        "| Counselor page answers ≤ 1 s with 200 stored conversations |",
        "| Honest answers (held-out set) ≥ 95% right |",
        "## Honest answers (held-out set, over REST)",
        "## Counselor page",
        "| Career questions masked wrongly ≤ 0.5% |",
        "## Safety",
        "## Answer accuracy (held-out set, over REST)",
        "| **overall** | 6 |",
        "## Out-of-scope handling (CLINC150 test requests, never trained on)",
        "| **all** | 6 |",
        "| 1 | ours (with action server) | 4 | 0 |",
        "| 2 | ours (with action server) | 6 | 0 |",
        "| Start-up: launch → first answer |",
        "| Peak RSS, action server (after the load) |",
    ):
        assert row in report, f"missing {row!r} in:\n{report}"
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    raw = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert len(raw["accuracy"]["items"]) == 6
    assert all(turn["reply"] for item in raw["accuracy"]["items"] for turn in item["turns"])
    assert [level["clients"] for level in raw["ours"]["load"]] == [1, 2]
    assert raw["ours"]["startup_seconds"] > 0
    assert raw["ours"]["memory_bytes"]["rasa server"] > 0 and raw["ours"]["memory_bytes"]["action server"] > 0
    assert "stock" not in raw and raw["training"] == {}
    assert [entry["total"] for entry in raw["safety"]["crisis"]] == [3] * len(raw["safety"]["crisis"])
    assert raw["safety"]["masking"]["details_total"] >= 50
