"""Development question sets replayed against the interpretation code, from recorded NLU parses.

Every rule in bot/interpret/rules.py was added for questions in a development set
(bench/dev-questions*.yml, and the honest-answers sets bench/dev-honest-answers*.yml).
``make test`` replays those sets in seconds, without
a model: each student message's NLU parse was recorded once (``bench/parses.json``,
made by ``python -m bench.replay record`` with the trained model), and the replay
runs the same steps as the action server (bot/interpret → bot/answers/render, and
the safety replies' texts) with the conversation state carried between turns.

Items that failed when the baseline was taken are listed in
``bench/replay-known-failures.yml`` (many are expectations of the one-career bot,
e.g. "I only know about industrial production managers"); the test fails when an
item that passed now fails (a rule lost its purpose) and when a listed item now
passes (update the list with ``python -m bench.replay baseline``). Re-record after
changing the training data or the NLU pipeline.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence

import yaml

from bench.questions import DEV_HONEST_FILES, DEV_QUESTIONS_FILES, Item, QuestionSet, load
from bot.answers.render import Context, Message, render
from bot.channels.guard import response_texts
from bot.interpret.decision import BOUNDARY, COUNSELOR, CRISIS, HANDOFF, HANDOFF_DECLINED
from bot.interpret.inputs import Parse, State
from bot.interpret.rules import decide
from bot.interpret.transitions import next_state
from bot.knowledge.current import current_knowledge, general_facts
from bot.safety import personal_details, replies, school

BENCH_DIR = Path(__file__).resolve().parent
PARSES_FILE = BENCH_DIR / "parses.json"
KNOWN_FAILURES_FILE = BENCH_DIR / "replay-known-failures.yml"
RANKING_KEPT = 10


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def response_text(name: str, values: Mapping[str, Any]) -> str:
    """A domain.yml response's first text with its placeholders filled (missing ones left empty)."""
    return string.Formatter().vformat(response_texts()[name], (), _Blank(values))


def safety_text(kind: str, text: str) -> str:
    """The text of a safety reply, chosen as actions/safety.py chooses it (nothing is stored here)."""
    from actions import safety

    settings = school.current()
    if kind == CRISIS:
        name, values, _ = safety.crisis_response(text, settings)
        return response_text(name, values)
    name = "utter_handoff_done" if kind == HANDOFF else safety.OFFICE_RESPONSES[kind]
    return response_text(name, {**replies.office_values(settings), "code": "REPLAY"})


def message_text(message: Message) -> str:
    """What the student reads of one rendered message."""
    return response_text(message.response, message.values) if message.response else message.text


def masked(text: str) -> str:
    """The message as Rasa sees it: personal details masked by the channel guard (buttons untouched)."""
    return text if text.startswith("/") else personal_details.mask(text).text


def turn_reply(parse: Mapping[str, Any], state: State) -> tuple:
    """One turn as the action server runs it: (reply text, state after)."""
    knowledge = current_knowledge()
    decision = decide(Parse.from_message(parse), state, knowledge)
    texts: List[str] = []
    if decision.kind in {CRISIS, COUNSELOR, HANDOFF, HANDOFF_DECLINED, BOUNDARY}:
        texts.append(safety_text(decision.kind, str(parse.get("text") or "")))
    office = replies.office_and_lines(school.current())  # as actions/respond.py fills the office's contacts
    texts += [message_text(m) for m in render(decision, Context(knowledge.careers, general_facts(), state, office))]
    after = State.from_slots(next_state(decision, state).to_slots())  # as the slots carry it to the next turn
    return "\n".join(texts), after


@dataclass
class Replayed:
    """One item's replay."""

    id: str
    passed: bool
    problems: List[str] = field(default_factory=list)


def replay_item(item: Item, parses: Mapping[str, Mapping[str, Any]], career: Optional[str]) -> Replayed:
    """Replay one item (a new conversation) and judge every turn."""
    state = State.from_slots({})
    outcome = Replayed(item.id, True)
    for turn in item.turns:
        recorded = parses.get(masked(turn.say))
        if recorded is None:
            raise KeyError(f"no recorded parse for a message of {item.id}: run `python -m bench.replay record`")
        parse = dict(recorded)
        if career:
            parse["metadata"] = {"career": career}
        reply, state = turn_reply(parse, state)
        problems = turn.problems(reply)
        if problems:
            outcome.passed = False
            outcome.problems.append(f"{turn.say!r}: {'; '.join(problems)}")
    return outcome


def replay_set(qset: QuestionSet, parses: Mapping[str, Mapping[str, Any]]) -> List[Replayed]:
    """Replay every item of a question set."""
    return [replay_item(item, parses, item.career or qset.career) for item in qset.items]


def load_parses(path: Path = PARSES_FILE) -> Dict[str, Dict[str, Any]]:
    """The recorded parses: {masked message text: parse}."""
    return json.loads(path.read_text(encoding="utf-8"))["parses"]


def load_known_failures(path: Path = KNOWN_FAILURES_FILE) -> Dict[str, List[str]]:
    """{set file name: [item ids that failed when the baseline was taken]}."""
    if not path.exists():
        return {}
    return {str(k): [str(i) for i in (v or [])] for k, v in (yaml.safe_load(path.read_text()) or {}).items()}


def dev_sets(files: Sequence[Path] = DEV_QUESTIONS_FILES + DEV_HONEST_FILES) -> Dict[str, QuestionSet]:
    """The development sets by file name."""
    return {path.name: load(path) for path in files}


async def _record(texts: Sequence[str]) -> Dict[str, Dict[str, Any]]:
    from rasa.core.agent import Agent

    from bot.tools.training import ensure_model

    agent = Agent.load(str(ensure_model()))
    parses: Dict[str, Dict[str, Any]] = {}
    for text in texts:
        parsed = await agent.parse_message(text)
        parses[text] = {
            "text": parsed.get("text"),
            "intent": {"name": parsed["intent"].get("name"), "confidence": round(parsed["intent"].get("confidence")
                                                                                 or 0.0, 5)},
            "intent_ranking": [{"name": r.get("name"), "confidence": round(r.get("confidence") or 0.0, 5)}
                               for r in (parsed.get("intent_ranking") or [])[:RANKING_KEPT]],
            "entities": [{"entity": e.get("entity"), "value": e.get("value")} for e in parsed.get("entities") or []],
        }
    return parses


def record(path: Path = PARSES_FILE) -> int:
    """Parse every development message with the trained model and save the parses; returns how many."""
    texts = sorted({masked(turn.say) for qset in dev_sets().values() for item in qset.items for turn in item.turns})
    parses = asyncio.run(_record(texts))
    lines = [f"{json.dumps(text, ensure_ascii=False)}: {json.dumps(parses[text], ensure_ascii=False, sort_keys=True)}"
             for text in sorted(parses)]  # one message per line: a re-recording diffs line by line
    about = json.dumps("NLU parses of the development sets' messages (python -m bench.replay record); "
                       "replayed by tests/unit/test_replay.py")
    path.write_text('{"about": ' + about + ', "parses": {\n' + ",\n".join(lines) + "\n}}\n", encoding="utf-8")
    return len(parses)


def baseline(path: Path = KNOWN_FAILURES_FILE) -> Dict[str, List[str]]:
    """Replay every set and write the ids that fail today as the known failures."""
    parses = load_parses()
    failing = {name: [r.id for r in replay_set(qset, parses) if not r.passed] for name, qset in dev_sets().items()}
    header = ("# Development-set items that failed when this baseline was taken (python -m bench.replay baseline).\n"
              "# Mostly expectations of the one-career bot; review and fix the item or the bot, then re-baseline.\n")
    path.write_text(header + yaml.safe_dump(failing, sort_keys=True), encoding="utf-8")
    return failing


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``record`` (needs the model), ``baseline`` or ``check`` (the default)."""
    parser = argparse.ArgumentParser(prog="python -m bench.replay", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="check", choices=["record", "baseline", "check"])
    args = parser.parse_args(argv)
    if args.command == "record":
        print(f"recorded {record()} parses in {PARSES_FILE}")
        return 0
    if args.command == "baseline":
        failing = baseline()
        print(f"known failures: {sum(map(len, failing.values()))} in {KNOWN_FAILURES_FILE}")
        return 0
    parses, known = load_parses(), load_known_failures()
    status = 0
    for name, qset in dev_sets().items():
        results = replay_set(qset, parses)
        passed = sum(r.passed for r in results)
        print(f"{name}: {passed}/{len(results)} pass")
        for result in results:
            if not result.passed and result.id not in known.get(name, []):
                status = 1
                print(f"  REGRESSION {result.id}: {result.problems[0]}")
    return status


if __name__ == "__main__":
    sys.exit(main())
