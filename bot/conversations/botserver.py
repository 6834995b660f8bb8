"""The bot a conversation run talks to: the one already running, or a private one started for the run.

A private bot is ``python -m bot run`` (bot/tools/botprocess.py; trains first if the data
changed) on free ports with its own temporary data folder, so a run never mixes its test
chats into the school's conversations; it is stopped when the run ends.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, List, Optional
from urllib.parse import urlsplit

import requests

from bot.settings import Settings
from bot.tools.botprocess import BotProcess, BotStartError


class BotUnavailableError(Exception):
    """No bot to talk to: the message says why and where to look."""


@dataclass(frozen=True)
class BotEndpoint:
    """Where the REST channel is, and whether this run started the bot."""

    rest_url: str
    started_here: bool
    var_dir: Optional[Path] = None
    store_url: Optional[str] = None  # its conversation store, when this machine can read it (reply kinds)


def rest_url(base_url: str) -> str:
    """Return the REST webhook URL for a Rasa server's base URL (or the webhook URL itself)."""
    base = base_url.rstrip("/")
    return base if base.endswith("/webhooks/rest/webhook") else f"{base}/webhooks/rest/webhook"


def answers(url: str) -> bool:
    """Whether a REST channel answers at ``url`` (the webhook URL)."""
    try:
        return requests.get(url.rsplit("/", 1)[0] + "/", timeout=2).ok
    except requests.RequestException:
        return False


@contextmanager
def bot_for_run(settings: Settings, url: Optional[str] = None, own: bool = False,
                log: Optional[List[str]] = None) -> Iterator[BotEndpoint]:
    """Yield the bot to test.

    ``url`` given: that bot (it must be running). Otherwise the bot running at
    the configured port, unless ``own`` is set or none is running: then a
    private bot is started and stopped again when the block ends.
    """
    say = log.append if log is not None else (lambda line: print(line, flush=True))
    if url:
        target = rest_url(url)
        if not answers(target):
            raise BotUnavailableError(f"No bot answers at {target}.")
        # A bot on this machine keeps its conversations where this machine's settings say (CAREERBOT_VAR_DIR).
        local = (urlsplit(target).hostname or "") in {"localhost", "127.0.0.1", "::1"}
        yield BotEndpoint(target, started_here=False, store_url=settings.tracker_store_url if local else None)
        return
    if not own and answers(settings.rest_url):
        say(f"Using the bot already running at {settings.rest_url}.")
        yield BotEndpoint(settings.rest_url, started_here=False, store_url=settings.tracker_store_url)
        return
    var_dir = Path(tempfile.mkdtemp(prefix="careerbot-conversations-"))
    bot = BotProcess(var_dir=var_dir, train=True)
    say("Starting a private bot for this run (about half a minute; longer if it must train first)…")
    try:
        try:
            bot.start(timeout=900)  # training first can take minutes
        except BotStartError as error:
            raise BotUnavailableError(str(error)) from None
        own_store = replace(settings, var_dir=var_dir).tracker_store_url
        yield BotEndpoint(bot.rest_url, started_here=True, var_dir=var_dir, store_url=own_store)
    finally:
        bot.stop()
        shutil.rmtree(var_dir, ignore_errors=True)
