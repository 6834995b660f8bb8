"""Chat with the bot in a terminal (``make chat``), over the REST channel.

If the bot isn't running yet, it is started in the background for the length
of the chat and stopped afterwards. Buttons are shown as numbers: type the
number to "click" one.
"""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from typing import Any, Dict, List, Optional

import requests

from bot.channels.conversation_ids import TERMINAL_PREFIX
from bot.paths import ROOT
from bot.settings import Settings


def is_up(settings: Settings) -> bool:
    """Whether the Rasa server's REST channel answers."""
    try:
        return requests.get(f"{settings.rasa_url}/webhooks/rest/", timeout=2).ok
    except requests.RequestException:
        return False


def start_background(settings: Settings) -> subprocess.Popen:
    """Start ``python -m bot run`` with its output in var/logs/bot.log; wait until it answers."""
    log_dir = settings.var_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    log = (log_dir / "bot.log").open("ab")
    print(f"Starting the bot (log: {log_dir / 'bot.log'}); this takes about half a minute…", flush=True)
    process = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 900
    while not is_up(settings):
        if process.poll() is not None:
            raise SystemExit(f"The bot failed to start; see {log_dir / 'bot.log'}")
        if time.monotonic() > deadline:
            process.terminate()
            raise SystemExit("The bot did not start in time.")
        time.sleep(1)
    return process


def show(messages: List[Dict[str, Any]]) -> List[Dict[str, str]]:
    """Print the bot's messages; return the buttons offered (numbered on screen)."""
    buttons: List[Dict[str, str]] = []
    for message in messages:
        if message.get("text"):
            print(f"Bot: {message['text']}")
        for button in message.get("buttons") or []:
            buttons.append(button)
            print(f"   [{len(buttons)}] {button.get('title')}")
    return buttons


def chat(settings: Settings, sender: Optional[str] = None) -> int:
    """Run the terminal chat loop until 'quit' or Ctrl-D."""
    sender = sender or f"{TERMINAL_PREFIX}{uuid.uuid4().hex[:12]}"
    process = None if is_up(settings) else start_background(settings)
    print("Chat with the career bot. Type 'quit' to leave. Type a number to press a button.\n")
    buttons: List[Dict[str, str]] = []
    try:
        while True:
            try:
                text = input("You: ").strip()
            except (EOFError, KeyboardInterrupt):
                print()
                break
            if text.lower() in {"quit", "exit", "/quit"}:
                break
            if text.isdigit() and 1 <= int(text) <= len(buttons):
                text = buttons[int(text) - 1]["payload"]
            try:
                reply = requests.post(settings.rest_url, json={"sender": sender, "message": text},
                                      headers=settings.rest_headers(), timeout=60)
            except requests.RequestException as error:
                print(f"(Could not reach the bot: {error})")
                continue
            if not reply.ok:
                print(f"(The bot refused that message: {reply.status_code} {reply.text})")
                continue
            buttons = show(reply.json())
    finally:
        if process is not None:
            process.terminate()
            process.wait(30)
    print(f"Bye! (Conversation id: {sender})")
    return 0
