"""With bot/rasa_tuning.py installed the trained model predicts exactly what stock Rasa predicts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

import pytest

from bench import questions
from bot.paths import ROOT
from bot.tools.training import rasa_env

PARSE_SCRIPT = """
import asyncio, json, sys
if sys.argv[1] == "tuned":
    from bot import rasa_tuning
    rasa_tuning.install()
from rasa.core.agent import Agent
agent = Agent.load(sys.argv[2])
messages = json.loads(sys.stdin.read())

async def parse():
    out = []
    for text in messages:
        result = await agent.parse_message(text)
        ranking = [(r["name"], round(r["confidence"], 6)) for r in result.get("intent_ranking", [])[:3]]
        out.append([text, ranking, sorted((e["entity"], e["value"]) for e in result["entities"])])
    return out

print("PARSES " + json.dumps(asyncio.run(parse())))
"""


def _parse(variant: str, model: Path, messages: List[str]) -> List[Any]:
    result = subprocess.run(
        [sys.executable, "-c", PARSE_SCRIPT, variant, str(model)], input=json.dumps(messages), cwd=ROOT,
        env=rasa_env(), capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("PARSES "))
    return list(json.loads(line[len("PARSES "):]))


@pytest.mark.slow
def test_tuned_model_loading_gives_identical_predictions(model: Path) -> None:
    """Eager weight building and the shared spaCy pipeline change nothing a student would see."""
    messages = list(questions.load().messages())[::3]
    stock: Dict[str, Any] = {m[0]: m[1:] for m in _parse("stock", model, messages)}
    tuned: Dict[str, Any] = {m[0]: m[1:] for m in _parse("tuned", model, messages)}
    assert len(stock) > 50
    assert tuned == stock
