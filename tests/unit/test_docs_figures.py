"""Figures the README and docs quote from the benchmark are the benchmark's (bench/figures.py)."""

from __future__ import annotations

import json

from bench.figures import FIGURES_FILE, documents, fill, used


def test_every_quoted_figure_is_the_benchmarks() -> None:
    values = json.loads(FIGURES_FILE.read_text(encoding="utf-8"))
    quoted = 0
    for document in documents():
        text = document.read_text(encoding="utf-8")
        for name in used(text):
            assert name in values, f"{document.name} quotes {name!r}, which bench/figures.json doesn't have"
            quoted += 1
        assert fill(text, values) == text, f"{document.name} quotes a figure that differs from bench/figures.json " \
                                           "(run `python -m bench.figures`, or `make bench`)"
    assert quoted >= 3


def test_fill_replaces_only_marked_figures() -> None:
    text = "took <!-- bench:training_time -->ages<!-- /bench --> and 30 ms"
    assert fill(text, {"training_time": "about 1.5 minutes"}) == \
        "took <!-- bench:training_time -->about 1.5 minutes<!-- /bench --> and 30 ms"
