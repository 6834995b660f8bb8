"""Intent accuracy of a trained model on an NLU YAML file (e.g. the held-out set).

``python -m bot.nlp.evaluate MODEL [NLU_FILE]`` prints overall accuracy, per-intent
accuracy and the misclassified examples. The same functions back the pytest
that asserts held-out accuracy.
"""

from __future__ import annotations

import asyncio
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Tuple

import yaml

from bot.paths import ROOT

HELDOUT_FILE = ROOT / "tests" / "nlu" / "heldout.yml"


def read_examples(path: Path) -> List[Tuple[str, str]]:
    """(text, intent) pairs from a Rasa NLU YAML file without entity markup."""
    with Path(path).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    pairs: List[Tuple[str, str]] = []
    for block in data.get("nlu", []):
        if "intent" not in block:
            continue
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                pairs.append((line[2:].strip(), block["intent"]))
    return pairs


@dataclass
class Report:
    """Accuracy overall and per intent, with the mistakes."""

    total: int = 0
    correct: int = 0
    per_intent: Dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    mistakes: List[Tuple[str, str, str, float]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Share of examples whose predicted intent is the expected one."""
        return self.correct / self.total if self.total else 0.0

    def render(self) -> str:
        """A plain-text report."""
        lines = [f"accuracy {self.accuracy:.3f} ({self.correct}/{self.total})"]
        for intent, counts in sorted(self.per_intent.items()):
            lines.append(f"  {intent:24} {counts['correct']:3}/{counts['total']:3}")
        lines.append("mistakes (text | expected → predicted, confidence):")
        lines += [f"  {t} | {e} → {p} ({c:.2f})" for t, e, p, c in self.mistakes]
        return "\n".join(lines)


async def evaluate(model: Path, examples: List[Tuple[str, str]]) -> Report:
    """Parse every example with the model's NLU and compare intents."""
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # Rasa's debug logs would print every example's text
    agent = Agent.load(str(model))
    report = Report()
    for text, expected in examples:
        parsed = await agent.parse_message(text)
        predicted = parsed["intent"]["name"]
        confidence = float(parsed["intent"].get("confidence") or 0.0)
        report.total += 1
        report.per_intent[expected]["total"] += 1
        if predicted == expected:
            report.correct += 1
            report.per_intent[expected]["correct"] += 1
        else:
            report.mistakes.append((text, expected, str(predicted), confidence))
    return report


def main(argv: List[str]) -> int:
    """CLI entry point."""
    model = Path(argv[0])
    nlu_file = Path(argv[1]) if len(argv) > 1 else HELDOUT_FILE
    report = asyncio.run(evaluate(model, read_examples(nlu_file)))
    print(report.render())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
