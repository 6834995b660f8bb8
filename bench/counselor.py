"""The counselor page with many stored conversations: how long the page takes to answer.

``measure(count, work)`` fills a fresh SQLite tracker store (Rasa's own schema)
with ``count`` conversations spread over the last 30 days, shaped like the bot's:
each turn is a student message (with NLU parse data of the real size), the
action, the state slots, the ``turn_record`` slot, the reply and action_listen.
Some turns are unanswered, some name careers the bot doesn't have, and a few
handoffs wait. The real web server then serves the signed-in page over HTTP and
the time of each request is taken. ``make bench`` runs it for 10,000
conversations beside 1,000 (the baseline) in one run.
"""

from __future__ import annotations

import dataclasses
import json
import random
import sqlite3
import statistics
import time
from pathlib import Path
from typing import Any, Dict, List

import requests

from bot import settings as settings_module
from bot.counselor.auth import Gate
from bot.safety import handoffs
from bot.tools.botprocess import free_port
from bot.tools.webserver import WebServer

DAY = 86400.0
PASSWORD = "bench-password"
OTHERS = [f"made-up job {n}" for n in range(60)]
CAREERS = ["registered-nurses", "software-developers", "lawyers", "civil-engineers", "chefs-and-head-cooks",
           "industrial-production-manager", "psychologists", "electrical-and-electronics-engineers"]
KINDS = ["answer"] * 14 + ["unknown_career", "fallback", "not_known", "compare", "small_talk", "plan"]
TOPICS = ["pay", "outlook", "education", "duties", "skills", "how_to_become"]
REPEATS = 5


def _parse_data(text: str, rng: random.Random) -> Dict[str, Any]:
    ranking = [{"name": f"ask_{topic}", "confidence": rng.random()} for topic in TOPICS + ["greet", "goodbye"] * 2]
    return {"intent": ranking[0], "entities": [], "text": text, "message_id": f"{rng.getrandbits(128):032x}",
            "metadata": {}, "intent_ranking": ranking, "response_selector": {}}


def fill(path: Path, count: int, seed: int = 7) -> int:
    """Write ``count`` conversations into a new SQLite store at ``path``; return the number of events."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))  # Rasa creates its table and index
    rng = random.Random(seed)
    now = time.time()
    rows: List[tuple] = []
    for number in range(count):
        sender = f"web-{number:032x}-{rng.getrandbits(128):032x}"
        at = now - rng.random() * 29 * DAY
        for _ in range(rng.randint(2, 6)):
            kind = rng.choice(KINDS)
            text = f"how much do {rng.choice(OTHERS if kind == 'unknown_career' else CAREERS)} make in a year?"
            user: Dict[str, Any] = {
                "event": "user", "timestamp": at, "text": text, "parse_data": _parse_data(text, rng),
                "input_channel": "socketio", "message_id": f"{rng.getrandbits(128):032x}", "metadata": {}}
            record: Dict[str, Any] = {"kind": kind, "topics": [rng.choice(TOPICS)] if kind == "answer" else [],
                                      "careers": [rng.choice(CAREERS)] if kind in {"answer", "compare"} else [],
                                      "others": [rng.choice(OTHERS)] if kind == "unknown_career" else [],
                                      "plan": rng.choice([None, "started", "finished"]) if kind == "plan" else None}
            reply = {"event": "bot", "timestamp": at + 0.1, "text": "The median pay ... " * 20,
                     "data": {"buttons": [{"title": "Pay", "payload": "/ask_pay"}]}, "metadata": {}}
            rows += [
                (sender, "user", at, user["parse_data"]["intent"]["name"], None, json.dumps(user)),
                (sender, "action", at + 0.05, None, "action_respond",
                 json.dumps({"event": "action", "timestamp": at + 0.05, "name": "action_respond"})),
                (sender, "slot", at + 0.06, None, "career",
                 json.dumps({"event": "slot", "timestamp": at + 0.06, "name": "career", "value": CAREERS[0]})),
                (sender, "slot", at + 0.07, None, "turn_record",
                 json.dumps({"event": "slot", "timestamp": at + 0.07, "name": "turn_record", "value": record})),
                (sender, "bot", at + 0.1, None, None, json.dumps(reply)),
                (sender, "action", at + 0.2, None, "action_listen",
                 json.dumps({"event": "action", "timestamp": at + 0.2, "name": "action_listen"})),
            ]
            at += rng.random() * 120
    with sqlite3.connect(path) as db:
        db.executemany("INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) "
                       "VALUES (?, ?, ?, ?, ?, ?)", rows)
    url = f"sqlite:///{path}"
    for number in range(30):
        handoffs.save(url, handoffs.Record(code=handoffs.new_code(), conversation_id=f"web-{number:032x}",
                                           kind=handoffs.HANDOFF, created_at=now - number * 3600))
    return len(rows)


def measure(count: int, work: Path) -> Dict[str, Any]:
    """Fill a store with ``count`` conversations and time the signed-in page (7 and 30 days) and a CSV."""
    work.mkdir(parents=True, exist_ok=True)
    events = fill(work / "tracker.db", count)
    settings = dataclasses.replace(settings_module.load(), var_dir=work, profile="embedded", host="127.0.0.1",
                                   web_port=free_port())
    server = WebServer(settings, bundle=b"")
    server.counselor.gate = Gate(PASSWORD)  # the page on, whatever this shell's CAREERBOT_COUNSELOR_PASSWORD
    server.start()
    base = f"http://127.0.0.1:{settings.web_port}/counselor"
    try:
        session = requests.Session()
        assert session.post(f"{base}/login", data={"password": PASSWORD}, allow_redirects=False,
                            timeout=30).status_code == 303
        timings: Dict[str, List[float]] = {}
        for name, path in [("page, last 7 days", ""), ("page, last 30 days", "?from=2000-01-01"),
                           ("unanswered CSV, 30 days", "/unanswered.csv?from=2000-01-01")]:
            seconds = []
            for _ in range(REPEATS + 1):  # the first request also creates the page's index: counted apart
                started = time.perf_counter()
                reply = session.get(base + path, timeout=60)
                seconds.append(time.perf_counter() - started)
                assert reply.status_code == 200, reply.status_code
            timings[name] = seconds
    finally:
        server.stop()
    return {"conversations": count, "events": events,
            "timings": {name: {"first": s[0], "median": statistics.median(s[1:]), "max": max(s[1:])}
                        for name, s in timings.items()}}


if __name__ == "__main__":  # python -m bench.counselor [count]: a quick look without the whole bench
    import sys
    import tempfile

    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 10000,
                             Path(tempfile.mkdtemp(prefix="counselor-bench-"))), indent=1))
