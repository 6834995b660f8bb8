"""Crisis training examples from the development safety sets (data/nlu/crisis-dev-sets.yml, data/safety/).

A safety set becomes a development set once its results have been read; from
then on its crisis messages may teach the intent classifier's ``crisis`` class
(the held-out set, bench/safety/crisis-messages.yml, never does). The dedicated
detector (bot/safety/crisis.py) stays first; these examples help the
classifier with paraphrases no phrase list has. The development look-alikes
(hyperbole, slang, media, school stress, worries) are written as the intent
they really are, a worry as ``share_worry`` and the rest ``out_of_scope``, so
the class keeps its edge; look-alikes that ask about a job are left out (their
intent is a career topic, which a kind does not tell).

Messages are left out when they repeat a benchmark question, a held-out safety
message or an example of the NLU held-out set (tests/nlu/heldout.yml), or name one of the
careers kept unseen by the training data.

The dedicated crisis model (bot/safety/crisis_model.py) learns from every
development set: ``data/safety/crisis-examples.yml`` holds their crisis messages
and all their look-alikes (not NLU data: the intent classifier learns from sets
1 to ``NLU_SETS`` only, which keeps training within its time).

Run: ``python -m bench.crisis_training`` (then ``python -m bot train``).
"""

from __future__ import annotations

import argparse
import glob
import re
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Sequence, Set

import yaml

from bench import questions
from bot.nlp.evaluate import HELDOUT_FILE, read_examples
from bot.paths import DATA_DIR, ROOT

SAFETY_DIR = ROOT / "bench" / "safety"
OUTPUT = DATA_DIR / "nlu" / "crisis-dev-sets.yml"
MODEL_OUTPUT = DATA_DIR / "safety" / "crisis-examples.yml"
NLU_SETS = 19  # the intent classifier's crisis examples: sets 1-19 (every set would add ~60% to training time)
HELD_OUT_SAFETY = ("crisis-messages.yml", "not-crisis-messages.yml",  # the held-out set, and the next one
                   "next/crisis-messages.yml", "next/not-crisis-messages.yml")
WORRY_KINDS = frozenset({"stress", "worry", "mild"})
CAREER_KINDS = frozenset({"career", "career_violent_words"})
_JOB_WORDS = re.compile(r"\b(?:jobs?|careers?|work as|become|becoming|major|college|degree|pay|paid|salary|earn)\b",
                        re.IGNORECASE)


def _texts(paths: Iterable[Path]) -> List[Dict[str, str]]:
    """The messages (text and kind) of safety set files, in file order."""
    found: List[Dict[str, str]] = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for message in data.get("messages") or []:
            found.append({"text": str(message["text"]).strip(), "kind": str(message.get("kind") or "")})
    return found


def dev_files(kind: str) -> List[Path]:
    """The development safety files of one kind ('crisis' or 'not-crisis'), by set number."""
    paths = [Path(p) for p in glob.glob(str(SAFETY_DIR / f"dev-{kind}-messages-*.yml"))]
    return sorted(paths, key=set_number)


def set_number(path: Path) -> int:
    """A safety set file's number ("dev-crisis-messages-12.yml" -> 12)."""
    return int(path.stem.rsplit("-", 1)[1])


def excluded_messages() -> Set[str]:
    """Normalised texts training must not hold: every benchmark question and held-out safety message."""
    texts: List[str] = []
    for path in [questions.QUESTIONS_FILE, questions.HONEST_FILE, *questions.DEV_QUESTIONS_FILES,
                 *questions.DEV_HONEST_FILES]:
        texts += questions.load(path).messages()
    texts += [m["text"] for m in _texts(SAFETY_DIR / name for name in HELD_OUT_SAFETY)]
    texts += [text for text, _ in read_examples(HELDOUT_FILE)]  # the NLU held-out set (tests/nlu/test_heldout.py)
    return {questions.normalize_message(t) for t in texts} | _other_training_examples()


def _other_training_examples() -> Set[str]:
    """Normalised examples of the other NLU files (an example is written once, under one intent)."""
    found: Set[str] = set()
    for path in sorted((DATA_DIR / "nlu").glob("*.yml")):
        if path.name != OUTPUT.name:
            found |= _examples_in(path)
    return found


def _examples_in(path: Path) -> Set[str]:
    """Normalised examples of one NLU file, entity markup removed (none if the file is missing)."""
    found: Set[str] = set()
    if not path.exists():
        return found
    for entry in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
        for line in str(entry.get("examples") or "").splitlines():
            line = re.sub(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})", r"\1", line.strip().removeprefix("- "))
            if line:
                found.add(questions.normalize_message(line))
    return found


def _keeper(excluded: Set[str]) -> Callable[[str], bool]:
    """A filter keeping each text once: not excluded, not seen before (normalised), on one line."""
    seen: Set[str] = set()

    def keep(text: str) -> bool:
        key = questions.normalize_message(text)
        if not key or key in excluded or key in seen or "\n" in text:
            return False
        seen.add(key)
        return True

    return keep


def _names_unseen_career(texts: Sequence[str]) -> Set[str]:
    """The texts naming a career the training data must keep unseen (tests/bench/test_questions.py)."""
    from bot.knowledge.catalog import Catalog
    from bot.knowledge.loader import load_all

    careers = load_all()
    catalog = Catalog.build({c: careers[c] for c in questions.UNSEEN_CAREERS if c in careers}, {})
    return {t for t in texts if catalog.find(t).careers}


def _names_a_job(text: str) -> bool:
    """True if the message names a job title, one of the bot's careers or another."""
    from bot.knowledge.current import current_knowledge

    mentions = current_knowledge().catalog.find(text)
    return bool(mentions.careers or mentions.others)


def _block(intent: str, texts: Sequence[str]) -> Dict[str, str]:
    return {"intent": intent, "examples": "".join(f"- {t}\n" for t in texts)}


def build(crisis_files: Sequence[Path], look_alike_files: Sequence[Path]) -> Dict[str, object]:
    """The NLU data: crisis messages, and the look-alikes that ask about no job under their real intent."""
    keep = _keeper(excluded_messages())

    crisis = [m["text"] for m in _texts(crisis_files) if keep(m["text"])]
    worries: List[str] = []
    other: List[str] = []
    for message in _texts(look_alike_files):
        if message["kind"] in CAREER_KINDS or _JOB_WORDS.search(message["text"]) or _names_a_job(message["text"]):
            continue
        if keep(message["text"]):
            (worries if message["kind"] in WORRY_KINDS else other).append(message["text"])
    unseen = _names_unseen_career(crisis + worries + other)
    blocks = [_block("crisis", [t for t in crisis if t not in unseen])]
    if worries:
        blocks.append(_block("share_worry", [t for t in worries if t not in unseen]))
    if other:
        blocks.append(_block("out_of_scope", [t for t in other if t not in unseen]))
    return {"version": "3.1", "nlu": blocks}


class _Literal(str):
    """A string dumped as a YAML block (``|``)."""


def _literal(dumper: yaml.Dumper, value: _Literal) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")


def _numbers(sources: Sequence[Path]) -> str:
    """'dev-crisis-messages 1-17, 19; dev-not-crisis-messages 1-17, 19' (which files the examples come from)."""
    groups: Dict[str, List[int]] = {}
    for path in sources:
        stem, number = path.stem.rsplit("-", 1)
        groups.setdefault(stem, []).append(int(number))
    return "; ".join(f"{stem} {', '.join(map(str, sorted(numbers)))}" for stem, numbers in groups.items())


def write(data: Dict[str, object], path: Path, sources: Sequence[Path]) -> None:
    """Write the NLU file with a header naming where its examples come from."""
    yaml.add_representer(_Literal, _literal)
    for block in data["nlu"]:  # type: ignore[attr-defined]
        block["examples"] = _Literal(block["examples"])
    header = (
        "# GENERATED by `python -m bench.crisis_training` from the development safety sets\n"
        f"# ({_numbers(sources)}): sets whose results were read.\n"
        "# Held-out sets and benchmark questions are never copied here. Edit the sets, not this file.\n"
    )
    body = yaml.dump(data, sort_keys=False, allow_unicode=True, width=10_000)
    path.write_text(header + body, encoding="utf-8")


def build_model_examples(crisis_files: Sequence[Path], look_alike_files: Sequence[Path]) -> Dict[str, List[str]]:
    """The crisis model's extra examples: every development crisis message and every look-alike.

    Unlike the NLU file, look-alikes that ask about a job stay (they are not a crisis, whatever their intent);
    texts the NLU data already holds are left out (the model learns from it too).
    """
    keep = _keeper(excluded_messages() | _examples_in(OUTPUT))

    crisis = [m["text"] for m in _texts(crisis_files) if keep(m["text"])]
    other = [m["text"] for m in _texts(look_alike_files) if keep(m["text"])]
    unseen = _names_unseen_career(crisis + other)
    return {"crisis": [t for t in crisis if t not in unseen], "not_crisis": [t for t in other if t not in unseen]}


def write_model_examples(data: Dict[str, List[str]], path: Path, sources: Sequence[Path]) -> None:
    """Write data/safety/crisis-examples.yml with a header naming where its examples come from."""
    header = (
        "# GENERATED by `python -m bench.crisis_training` from the development safety sets\n"
        f"# ({_numbers(sources)}): sets whose results were read.\n"
        "# The crisis model's extra examples (bot/safety/crisis_model.py); not Rasa NLU data, so the intent\n"
        "# classifier does not read them. Held-out sets and benchmark questions are never copied here.\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000),
                    encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Write data/nlu/crisis-dev-sets.yml (sets up to --nlu-sets) and data/safety/crisis-examples.yml (all)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip", type=int, nargs="*", default=[], help="development set numbers to leave out")
    parser.add_argument("--nlu-sets", type=int, default=NLU_SETS,
                        help="the intent classifier learns from sets 1 to this one (more makes training slower)")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    parser.add_argument("--model-out", type=Path, default=MODEL_OUTPUT)
    args = parser.parse_args(argv)
    crisis_files = [p for p in dev_files("crisis") if set_number(p) not in args.skip]
    look_alikes = [p for p in dev_files("not-crisis") if set_number(p) not in args.skip]
    nlu_crisis = [p for p in crisis_files if set_number(p) <= args.nlu_sets]
    nlu_look_alikes = [p for p in look_alikes if set_number(p) <= args.nlu_sets]
    data = build(nlu_crisis, nlu_look_alikes)
    write(data, args.out, nlu_crisis + nlu_look_alikes)
    counts = ", ".join(f"{b['intent']} {b['examples'].count(chr(10))}" for b in data["nlu"])  # type: ignore
    print(f"wrote {args.out}: {counts}")
    extra = build_model_examples(crisis_files, look_alikes)
    write_model_examples(extra, args.model_out, crisis_files + look_alikes)
    print(f"wrote {args.model_out}: crisis {len(extra['crisis'])}, not_crisis {len(extra['not_crisis'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
