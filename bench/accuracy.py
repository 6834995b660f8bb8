"""Answer accuracy (held-out questions) and out-of-scope handling (CLINC150), over REST.

Both talk to the running bot exactly as a client would: every item or CLINC
request is a fresh conversation, and only the reply texts are judged.
"""

from __future__ import annotations

import asyncio
import os
import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Pattern, Sequence, Tuple

import yaml

from bench.load import Reply, client_session, send
from bench.questions import Item, normalize_reply
from bot.answers.facts import TEMPLATES_FILE
from bot.paths import DOMAIN_FILE

FIGURES = ("$107,560", "15,300", "2 percent")

# How a reply to an out-of-scope request is classed (see classify_scope_reply).
OUT_OF_SCOPE_CLASSES = ("scope", "fallback", "other_career", "unknown_detail")
SMALL_TALK_RESPONSES = (
    "utter_help", "utter_greet", "utter_bot_challenge", "utter_goodbye", "utter_thank",
    "utter_affirm", "utter_deny", "utter_no_more",
)
# Each class's replies: domain.yml responses, or answer templates (bot/answers/templates.yml) as "template:<name>".
SCOPE_RESPONSES = {
    "scope": ("utter_out_of_scope",),
    "fallback": ("utter_fallback",),
    "other_career": ("template:unknown_career",),  # a career the bot doesn't have: no answer, no figures
    "unknown_detail": ("template:not_known_detail_no_career", "template:not_known_detail", "template:not_in_file",
                       "template:unknown_word"),  # a word the glossary doesn't have: said so, no figures
}


# --- Held-out questions ---------------------------------------------------------------


@dataclass
class ItemResult:
    """How the bot did on one item."""

    id: str
    topic: str
    passed: bool
    turns: List[Dict[str, Any]] = field(default_factory=list)  # say, reply, problems

    @property
    def first_problem(self) -> str:
        """The first failing turn, for the results table."""
        for turn in self.turns:
            if turn["problems"]:
                reply = " ".join(turn["reply"].split())
                return f"{turn['say']!r} → {'; '.join(turn['problems'])} (reply: {reply[:90]!r})"
        return ""


async def run_items(
    url: str, items: Sequence[Item], concurrency: int = 4, career: Optional[str] = None
) -> List[ItemResult]:
    """Send every item (its turns in order, one new conversation each) and judge the replies."""
    results: List[Optional[ItemResult]] = [None] * len(items)
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(len(items)):
        queue.put_nowait(index)
    run_id = uuid.uuid4().hex[:8]

    async def worker(session: Any) -> None:
        while not queue.empty():
            index = queue.get_nowait()
            item = items[index]
            sender = f"bench-acc-{run_id}-{item.id}"
            outcome = ItemResult(item.id, item.topic, True)
            start = item.career or career
            for turn in item.turns:
                # An item or its set may say which career its chat starts in (as the widget does on a career's page).
                reply = await send(session, url, sender, turn.say, {"career": start} if start else None)
                problems = [reply.problem] if reply.problem else turn.problems(reply.text)
                outcome.turns.append({"say": turn.say, "reply": reply.text, "problems": problems})
                if problems:
                    outcome.passed = False
            results[index] = outcome

    async with client_session(concurrency) as session:
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
    return [r for r in results if r is not None]


def by_topic(results: Sequence[ItemResult]) -> Dict[str, Tuple[int, int]]:
    """Count items and correct ones per topic (topics in order of first appearance)."""
    table: Dict[str, Tuple[int, int]] = {}
    for result in results:
        total, correct = table.get(result.topic, (0, 0))
        table[result.topic] = (total + 1, correct + int(result.passed))
    return table


# --- CLINC150 out-of-scope requests -------------------------------------------------------


CLINC_DIR = Path(__file__).resolve().parent / "clinc150"  # evaluation only: never trained on


def clinc_dir() -> Path:
    """Where CLINC150's evaluation files are: $CAREERBOT_CLINC_DIR, or the copy in bench/clinc150/."""
    configured = os.environ.get("CAREERBOT_CLINC_DIR")
    return Path(configured) if configured else CLINC_DIR


def clinc_requests(directory: Optional[Path] = None) -> Dict[str, List[str]]:
    """Read the never-trained-on CLINC150 test requests (out-of-scope ones and a sample of other intents)."""
    directory = directory or clinc_dir()
    oos = [line.strip() for line in (directory / "oos_test.txt").read_text(encoding="utf-8").splitlines()]
    inscope: List[str] = []
    for number, line in enumerate((directory / "inscope_test_sample.tsv").read_text(encoding="utf-8").splitlines()):
        text = line.split("\t")[0].strip()
        if number == 0 and line.lower().startswith("text\t"):
            continue
        inscope.append(text)
    return {"oos_test.txt": [t for t in oos if t], "inscope_test_sample.tsv": [t for t in inscope if t]}


def _template_pattern(text: str) -> Pattern[str]:
    """Build a regex matching a domain response's text with its {placeholders} filled in."""
    parts = re.split(r"\{[a-z_]+\}", normalize_reply(text))
    return re.compile(".+?".join(re.escape(part) for part in parts), re.DOTALL)


def response_patterns(domain_file: Path = DOMAIN_FILE,
                      templates_file: Path = TEMPLATES_FILE) -> Dict[str, List[Pattern[str]]]:
    """Map each response name to patterns of all its variants (texts from domain.yml).

    Each answer template (bot/answers/templates.yml) is there too, as "template:<name>".
    """
    with domain_file.open(encoding="utf-8") as handle:
        domain = yaml.safe_load(handle) or {}
    patterns: Dict[str, List[Pattern[str]]] = {}
    for name, variants in (domain.get("responses") or {}).items():
        patterns[name] = [_template_pattern(v["text"]) for v in variants or [] if v.get("text")]
    with templates_file.open(encoding="utf-8") as handle:
        templates = yaml.safe_load(handle) or {}
    for name, text in templates.items():
        if isinstance(text, str):
            patterns[f"template:{name}"] = [_template_pattern(text)]
    return patterns


def classify_scope_reply(reply: Reply, patterns: Dict[str, List[Pattern[str]]]) -> str:
    """Class of a reply to an out-of-scope request.

    "figures" (a career figure leaked: wrong whatever else it says), then one of
    OUT_OF_SCOPE_CLASSES, "small_talk", "error" (no reply), or "career_answer"
    (anything else: the bot treated the request as a question about the career).
    """
    if reply.problem or not reply.messages:
        return "error"
    text = normalize_reply(reply.text)
    if any(normalize_reply(figure) in text for figure in FIGURES):
        return "figures"

    def said(response: str) -> bool:
        return any(p.search(text) for p in patterns.get(response, []))

    for kind, responses in SCOPE_RESPONSES.items():
        if any(said(response) for response in responses):
            return kind
    if any(said(name) for name in SMALL_TALK_RESPONSES):
        return "small_talk"
    return "career_answer"


@dataclass
class ScopeResult:
    """Classes of the bot's replies to one CLINC file."""

    name: str
    counts: Counter = field(default_factory=Counter)
    examples: Dict[str, List[Tuple[str, str]]] = field(default_factory=dict)  # class → (request, reply)

    @property
    def total(self) -> int:
        """Requests sent."""
        return sum(self.counts.values())

    @property
    def out_of_scope(self) -> int:
        """Replies that are a scope/fallback/other-career/unknown-detail message or small talk, with no figures."""
        return sum(self.counts[k] for k in OUT_OF_SCOPE_CLASSES) + self.counts["small_talk"]

    @property
    def strict_out_of_scope(self) -> int:
        """The same without small talk."""
        return sum(self.counts[k] for k in OUT_OF_SCOPE_CLASSES)


async def run_scope(url: str, requests: Dict[str, List[str]], concurrency: int = 4) -> List[ScopeResult]:
    """Send every CLINC request as a new conversation and class the replies."""
    patterns = response_patterns()
    results: List[ScopeResult] = []
    run_id = uuid.uuid4().hex[:8]
    semaphore = asyncio.Semaphore(concurrency)
    async with client_session(concurrency) as session:

        async def one(result: ScopeResult, index: int, text: str) -> None:
            async with semaphore:
                reply = await send(session, url, f"bench-oos-{run_id}-{result.name[:5]}-{index}", text)
            kind = classify_scope_reply(reply, patterns)
            result.counts[kind] += 1
            shown = result.examples.setdefault(kind, [])
            if len(shown) < 5:
                shown.append((text, " ".join(reply.text.split())[:100]))

        for name, texts in requests.items():
            result = ScopeResult(name)
            await asyncio.gather(*(one(result, i, t) for i, t in enumerate(texts)))
            results.append(result)
    return results
