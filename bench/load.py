"""Concurrent REST load: simulated students sending turns back to back.

Each simulated student has its own conversation (``sender``) and sends its
next message as soon as the previous reply arrives (a closed loop, no think
time), so N students keep N turns in flight. Latency is measured per turn on
the client, from sending the request to reading the whole reply: it includes
NLU, the policies, the tracker store and (for our bot) the action server hop.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence

import aiohttp

from bench.questions import LoadQuestion, normalize_reply

TURN_TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True)
class Reply:
    """One REST turn as the client saw it."""

    status: int  # HTTP status; 0 when the request failed (connection refused, timeout)
    messages: List[Dict[str, Any]]
    seconds: float
    problem: str = ""  # why the turn failed at the transport level, if it did

    @property
    def text(self) -> str:
        """All bot texts of the reply, joined by newlines."""
        return "\n".join(str(m.get("text") or "") for m in self.messages)


async def send(
    session: aiohttp.ClientSession, url: str, sender: str, message: str, metadata: Optional[Dict[str, Any]] = None
) -> Reply:
    """POST one message to a Rasa REST webhook and time it (``metadata`` as the widget sends it, if given)."""
    started = time.perf_counter()
    payload: Dict[str, Any] = {"sender": sender, "message": message}
    if metadata:
        payload["metadata"] = metadata
    try:
        async with session.post(url, json=payload) as response:
            body = await response.read()
            seconds = time.perf_counter() - started
            if response.status != 200:
                return Reply(response.status, [], seconds, f"HTTP {response.status}")
            try:
                messages = json.loads(body)
            except ValueError:
                return Reply(response.status, [], seconds, "reply is not JSON")
            if not isinstance(messages, list):
                return Reply(response.status, [], seconds, "reply is not a list")
            return Reply(response.status, messages, seconds)
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
        return Reply(0, [], time.perf_counter() - started, type(error).__name__)


def client_session(connections: int, timeout: float = TURN_TIMEOUT_SECONDS) -> aiohttp.ClientSession:
    """Create an HTTP client with enough keep-alive connections for every simulated student."""
    connector = aiohttp.TCPConnector(limit=max(1, connections), force_close=False)
    return aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=timeout))


@dataclass
class LoadResult:
    """Every turn of one load level."""

    clients: int
    latencies: List[float] = field(default_factory=list)  # seconds, successful turns only
    errors: int = 0  # transport failures, non-200, empty replies, apologies for a technical problem
    wrong: int = 0  # a reply came back but without the expected fact
    wall_seconds: float = 0.0
    error_kinds: Dict[str, int] = field(default_factory=dict)

    @property
    def turns(self) -> int:
        """Turns attempted."""
        return len(self.latencies) + self.errors

    @property
    def throughput(self) -> float:
        """Successful turns per second of wall time."""
        return len(self.latencies) / self.wall_seconds if self.wall_seconds else 0.0

    def percentile(self, q: float) -> Optional[float]:
        """Latency percentile in seconds (linear interpolation), None without data."""
        if not self.latencies:
            return None
        ordered = sorted(self.latencies)
        position = (len(ordered) - 1) * q / 100.0
        low = int(position)
        high = min(low + 1, len(ordered) - 1)
        return ordered[low] + (ordered[high] - ordered[low]) * (position - low)

    def as_dict(self) -> Dict[str, Any]:
        """Summary plus raw latencies, for bench/out/*.json."""
        return {
            "clients": self.clients,
            "turns": self.turns,
            "errors": self.errors,
            "error_kinds": self.error_kinds,
            "wrong": self.wrong,
            "wall_seconds": self.wall_seconds,
            "throughput": self.throughput,
            "p50": self.percentile(50),
            "p95": self.percentile(95),
            "p99": self.percentile(99),
            "latencies": self.latencies,
        }


def classify_error(reply: Reply, failure_texts: Sequence[str]) -> Optional[str]:
    """Why a reply counts as an error (None if it doesn't)."""
    if reply.problem:
        return reply.problem
    if not reply.messages:
        return "empty reply"
    text = normalize_reply(reply.text)
    for failure in failure_texts:
        if normalize_reply(failure) in text:
            return "technical-problem apology"
    return None


async def run_load(
    url: str,
    questions: Sequence[LoadQuestion],
    clients: int,
    turns_per_client: int,
    failure_texts: Sequence[str] = (),
    label: str = "load",
    turns_per_conversation: int = 10,
) -> LoadResult:
    """``clients`` students each send ``turns_per_client`` questions, all at once.

    Every ``turns_per_conversation`` turns a simulated student is replaced by a
    new one (a new conversation), as on a school website where each visitor
    asks a handful of questions. Without this, one endless conversation would
    measure Rasa's per-turn cost growing with the length of the tracker.
    """
    result = LoadResult(clients=clients)
    run_id = uuid.uuid4().hex[:8]

    async def student(index: int, session: aiohttp.ClientSession) -> None:
        for turn in range(turns_per_client):
            sender = f"bench-{label}-{run_id}-{clients}-{index}-{turn // max(1, turns_per_conversation)}"
            question = questions[(index + turn) % len(questions)]
            reply = await send(session, url, sender, question.say)
            problem = classify_error(reply, failure_texts)
            if problem:
                result.errors += 1
                result.error_kinds[problem] = result.error_kinds.get(problem, 0) + 1
                continue
            result.latencies.append(reply.seconds)
            if question.contains and normalize_reply(question.contains) not in normalize_reply(reply.text):
                result.wrong += 1

    async with client_session(clients) as session:
        started = time.perf_counter()
        await asyncio.gather(*(student(i, session) for i in range(clients)))
        result.wall_seconds = time.perf_counter() - started
    return result


async def warm_up(url: str, questions: Sequence[LoadQuestion], turns: int, label: str = "warmup") -> None:
    """Send a few unrecorded turns so first-call costs (graph building, caches) stay out of the numbers."""
    async with client_session(1) as session:
        for turn in range(turns):
            await send(session, url, f"bench-{label}-{uuid.uuid4().hex[:8]}", questions[turn % len(questions)].say)
