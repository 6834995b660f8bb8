"""One student's conversation moves between two Rasa servers (PostgreSQL tracker store, Redis lock store)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List, Tuple

import pytest
import requests

from bot.paths import ROOT
from tests.stores import events_of, user_texts
from tests.support import BotProcess, text_of

pytestmark = pytest.mark.e2e

ROUNDS = 10
Servers = Tuple[BotProcess, BotProcess]

# (server index, message, something the reply must contain)
SCRIPT: List[Tuple[int, str, str]] = [
    (0, "make me a plan", "Where are you now?"),
    (1, "I'm in high school", "Which side sounds more like you?"),
    (0, "the technical side", "step-by-step plan"),
    (0, "how much do they make?", "$107,560"),
    (1, "tell me more", "Pay depends on factors such as"),
    (1, "what skills do they need?", "skills"),
    (0, "what should i do next?", "High school"),
]


def _signature(events: List[Dict[str, Any]]) -> List[Tuple[Any, ...]]:
    """What happened, without ids and timestamps: event types, intents, actions, texts and slot values."""
    result = []
    for event in events:
        data = event["data"]
        result.append((event["type_name"], event["intent_name"], event["action_name"], data.get("text"),
                       data.get("value") if event["type_name"] == "slot" else None, data.get("name")))
    return result


def test_conversation_continues_across_two_servers(two_servers: Servers, scale_db_url: str) -> None:
    """Pathway question on A, answer on B, plan on A; pay on A then 'tell me more' on B.

    The stored events match, one for one, the same conversation held on a single server: nothing lost or doubled.
    """
    run = uuid.uuid4().hex[:8]
    moving, staying = f"moving-{run}", f"staying-{run}"
    for server, message, expected in SCRIPT:
        reply = text_of(two_servers[server].say(moving, message))
        assert expected in reply, (server, message, reply)
        assert expected in text_of(two_servers[0].say(staying, message))

    moved, reference = events_of(scale_db_url, moving), events_of(scale_db_url, staying)
    assert user_texts(moved) == [message for _, message, _ in SCRIPT]
    assert _signature(moved) == _signature(reference)
    ids = [event["id"] for event in moved]
    assert ids == sorted(set(ids))
    assert len({(e["type_name"], e["timestamp"], str(e["data"])) for e in moved}) == len(moved), "duplicated events"


def test_simultaneous_turns_on_both_servers_are_serialised(two_servers: Servers, scale_db_url: str) -> None:
    """The same student sends to A and B at the same moment, ten times: the Redis lock keeps every turn whole.

    With Rasa's own RedisLockStore this lost turns (8 of 10 stored); see bot/locks.py.
    """
    sender = f"double-{uuid.uuid4().hex[:8]}"
    questions = ("how much do they make?", "what skills do they need?")

    def send(pair: Tuple[BotProcess, str]) -> str:
        server, text = pair
        return text_of(server.say(sender, text))

    with ThreadPoolExecutor(max_workers=2) as pool:
        for _ in range(ROUNDS):
            replies = list(pool.map(send, [(two_servers[0], questions[0]), (two_servers[1], questions[1])]))
            assert "$107,560" in replies[0] and "skills" in replies[1].lower()

    events = events_of(scale_db_url, sender)
    texts = user_texts(events)
    assert len(texts) == 2 * ROUNDS and sorted(texts) == sorted(list(questions) * ROUNDS), texts
    # Every turn is whole: after each student message comes the bot's answer and then listening, before the next.
    turns: List[List[Dict[str, Any]]] = []
    for event in events:
        if event["type_name"] == "user":
            turns.append([])
        if turns:
            turns[-1].append(event)
    for turn in turns:
        kinds = [e["type_name"] for e in turn]
        assert "bot" in kinds, kinds
        assert turn[-1]["type_name"] == "action" and turn[-1]["action_name"] == "action_listen", kinds


def test_bad_input_is_stored_safely_in_postgresql(two_servers: Servers, scale_db_url: str) -> None:
    """NUL and other control characters (PostgreSQL refuses NUL in text) don't break a turn on the scale profile."""
    sender = f"nul-{uuid.uuid4().hex[:8]}"
    assert "$107,560" in text_of(two_servers[0].say(sender, "how much do they\u0000 make?\u0007"))
    refused = requests.post(two_servers[1].rest_url, json={"sender": "a\u0000b", "message": "hi"}, timeout=30)
    assert refused.status_code == 400
    assert "$107,560" in text_of(two_servers[1].say(sender, "how much do they make?"))
    assert user_texts(events_of(scale_db_url, sender)) == ["how much do they make?", "how much do they make?"]


def test_forget_deletes_a_live_conversation_from_postgresql(
    two_servers: Servers, scale_db_url: str, scale_env: Dict[str, str]
) -> None:
    """`python -m bot forget ID` on the scale profile: the events are gone and the bot starts that student afresh."""
    sender = f"forget-{uuid.uuid4().hex[:8]}"
    two_servers[0].say(sender, "how much do they make?")
    assert events_of(scale_db_url, sender)
    result = subprocess.run([sys.executable, "-m", "bot", "forget", sender], cwd=ROOT,
                            env={**os.environ, **scale_env}, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "PostgreSQL" in result.stdout
    assert events_of(scale_db_url, sender) == []
    assert "Ask me about a topic first" in text_of(two_servers[1].say(sender, "tell me more"))
