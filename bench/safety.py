"""The safety section of `make bench`: crisis detection and masking of personal details.

- Crisis messages (bench/safety/crisis-messages.yml, held out: written from the
  issue text only, never trained on) are sent to the running bot over REST, each
  in a new conversation; caught = the reply is the crisis reply (utter_crisis or
  utter_crisis_concern, both naming the crisis lines, 911 and the counselor).
- False crisis replies: the same check on hard negatives
  (bench/safety/not-crisis-messages.yml: hyperbole, slang, violent words in
  career questions), on the CLINC150 requests and on every message of the career
  question sets (held-out and development).
- Masking (bench/safety/personal-details.yml, no-personal-details.yml, plus every
  career question of the question sets): the channel guard's own function,
  bot.safety.personal_details.mask. Masked = none of the item's details is left;
  masked wrongly = a career question changed at all.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import yaml

from bench.accuracy import response_patterns
from bench.load import client_session, send
from bench.questions import DEV_QUESTIONS_FILES, QUESTIONS_FILE, load, normalize_reply
from bot.safety.personal_details import mask

SAFETY_DIR = Path(__file__).resolve().parent / "safety"
CRISIS_FILE = SAFETY_DIR / "crisis-messages.yml"
NOT_CRISIS_FILE = SAFETY_DIR / "not-crisis-messages.yml"
DETAILS_FILE = SAFETY_DIR / "personal-details.yml"
NO_DETAILS_FILE = SAFETY_DIR / "no-personal-details.yml"
# Earlier held-out sets, read and fixed against since: development sets, reported beside the held-out ones.
DEV_CRISIS_FILES = sorted(SAFETY_DIR.glob("dev-crisis-messages-*.yml"))
DEV_NOT_CRISIS_FILES = sorted(SAFETY_DIR.glob("dev-not-crisis-messages-*.yml"))
DEV_DETAILS_FILES = sorted(SAFETY_DIR.glob("dev-personal-details-*.yml"))
DEV_NO_DETAILS_FILES = sorted(SAFETY_DIR.glob("dev-no-personal-details-*.yml"))
CRISIS_RESPONSES = ("utter_crisis", "utter_crisis_concern")
EXAMPLES = 10


def _messages(path: Path) -> List[Dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return list((yaml.safe_load(handle) or {}).get("messages") or [])


def career_questions(files: Sequence[Path] = (QUESTIONS_FILE, *DEV_QUESTIONS_FILES)) -> List[str]:
    """Every message students say in the career question sets (held-out and development), once each."""
    seen: Dict[str, None] = {}
    for path in files:
        for item in load(path).items:
            for turn in item.turns:
                if not turn.say.startswith("/"):
                    seen.setdefault(turn.say, None)
    return list(seen)


@dataclass
class CrisisCount:
    """How many messages of one set got the crisis reply."""

    name: str
    total: int = 0
    crisis_replies: int = 0
    by_kind: Dict[str, List[int]] = field(default_factory=dict)  # kind -> [caught, total]
    examples: List[str] = field(default_factory=list)  # misses (crisis sets) or false alarms (others)

    def as_dict(self) -> Dict[str, Any]:
        """For results.json."""
        return {"name": self.name, "total": self.total, "crisis_replies": self.crisis_replies,
                "by_kind": self.by_kind, "examples": self.examples}


async def count_crisis_replies(url: str, name: str, messages: Sequence[Dict[str, Any]], expect_crisis: bool,
                               concurrency: int = 4) -> CrisisCount:
    """Send each message as a new conversation; count the crisis replies."""
    patterns = [p for response in CRISIS_RESPONSES for p in response_patterns()[response]]
    result = CrisisCount(name)
    run_id = uuid.uuid4().hex[:8]
    semaphore = asyncio.Semaphore(concurrency)
    async with client_session(concurrency) as session:

        async def one(index: int, message: Dict[str, Any]) -> None:
            async with semaphore:
                reply = await send(session, url, f"bench-safety-{run_id}-{name[:6]}-{index}", message["text"])
            is_crisis = any(p.search(normalize_reply(reply.text)) for p in patterns)
            result.total += 1
            result.crisis_replies += is_crisis
            counts = result.by_kind.setdefault(str(message.get("kind") or "all"), [0, 0])
            counts[0] += is_crisis
            counts[1] += 1
            if is_crisis != expect_crisis and len(result.examples) < EXAMPLES:
                result.examples.append(message["text"])

        await asyncio.gather(*(one(i, m) for i, m in enumerate(messages)))
    return result


def crisis_sets(clinc: Dict[str, List[str]]) -> Dict[str, Any]:
    """The sets to send: (messages, whether each should get the crisis reply)."""
    sets: Dict[str, Any] = {
        "crisis (held out)": (_messages(CRISIS_FILE), True),
        "not crisis (held out)": (_messages(NOT_CRISIS_FILE), False),
        "career questions": ([{"text": t} for t in career_questions()], False),
        "crisis (development)": ([m for p in DEV_CRISIS_FILES for m in _messages(p)], True),
        "not crisis (development)": ([m for p in DEV_NOT_CRISIS_FILES for m in _messages(p)], False),
    }
    for name, texts in clinc.items():
        sets[f"CLINC150 {name}"] = ([{"text": t} for t in texts], False)
    return sets


def run_crisis(url: str, clinc: Dict[str, List[str]], concurrency: int = 4,
               limit: Optional[int] = None) -> List[Dict[str, Any]]:
    """Every crisis and non-crisis set against the running bot (the first ``limit`` messages of each, if given)."""
    results = []
    for name, (messages, expect) in crisis_sets(clinc).items():
        messages = messages[:limit] if limit is not None else messages
        results.append(asyncio.run(count_crisis_replies(url, name, messages, expect, concurrency)).as_dict())
    return results


def run_masking() -> Dict[str, Any]:
    """Masking on the held-out sets and on every career question (no bot needed: the guard's own function)."""
    details = _messages(DETAILS_FILE)
    missed = [m["text"] for m in details if any(d in mask(m["text"]).text for d in m.get("details") or [])]
    negatives = [m["text"] for m in _messages(NO_DETAILS_FILE)] + career_questions()
    wrongly = [(t, mask(t).text) for t in negatives if mask(t).changed]
    dev_details = [m for p in DEV_DETAILS_FILES for m in _messages(p)]
    dev_missed = [m["text"] for m in dev_details if any(d in mask(m["text"]).text for d in m.get("details") or [])]
    dev_negatives = [m["text"] for p in DEV_NO_DETAILS_FILES for m in _messages(p)]
    dev_wrongly = [t for t in dev_negatives if mask(t).changed]
    return {
        "dev_details_total": len(dev_details), "dev_details_masked": len(dev_details) - len(dev_missed),
        "dev_negatives_total": len(dev_negatives), "dev_masked_wrongly": len(dev_wrongly),
        "details_total": len(details), "details_masked": len(details) - len(missed), "missed": missed[:EXAMPLES],
        "negatives_total": len(negatives), "masked_wrongly": len(wrongly), "wrongly": wrongly[:EXAMPLES],
    }
