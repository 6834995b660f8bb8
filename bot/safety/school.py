"""The school settings file (``knowledge/school.yml``): counseling office, crisis resources, handoffs.

Typed and validated like the career files (an error names the file and the
field). ``current()`` re-reads the file when it changes, so a school edits its
contacts without code or retraining; a broken edit keeps the last good settings
in a running bot and is logged.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import List, Optional, Tuple

from pydantic import BaseModel, Extra, Field, root_validator

from bot.knowledge.loader import KnowledgeError, parse_model
from bot.paths import SCHOOL_FILE

logger = logging.getLogger(__name__)

SLACK_CHANNEL_ENV = "CAREERBOT_COUNSELOR_SLACK_CHANNEL"


class _Model(BaseModel):
    class Config:
        extra = Extra.forbid
        allow_mutation = False
        anystr_strip_whitespace = True


class School(_Model):
    """The school's name."""

    name: str = Field(..., min_length=1)


class Booking(_Model):
    """How a student books time with a counselor: at least one way."""

    link: str = ""
    email: str = ""
    phone: str = ""

    @root_validator(skip_on_failure=True)
    def _at_least_one(cls, values: dict) -> dict:  # noqa: N805 - pydantic validator
        if not any(values.get(key) for key in ("link", "email", "phone")):
            raise ValueError("give at least one way to book: link, email or phone")
        return values

    def ways(self) -> List[str]:
        """'book at <link>', 'email <email>', 'call <phone>' for the ways given."""
        ways = []
        if self.link:
            ways.append(f"book at {self.link}")
        if self.email:
            ways.append(f"email {self.email}")
        if self.phone:
            ways.append(f"call {self.phone}")
        return ways


class CounselingOffice(_Model):
    """Where and when students find a counselor."""

    name: str = Field(..., min_length=1)
    room: str = ""
    hours: str = ""
    booking: Booking


class Resource(_Model):
    """A crisis line: its name and how to reach it."""

    name: str = Field(..., min_length=1)
    how: str = Field(..., min_length=1)


class Emergency(_Model):
    """The emergency number for danger right now."""

    number: str = Field("911", min_length=1)
    how: str = "call 911"


class Crisis(_Model):
    """What a student in crisis is given, and whether counselors are told."""

    resources: List[Resource] = Field(..., min_items=1)
    emergency: Emergency = Emergency(number="911", how="call 911")
    flag_for_counselors: bool = True


class Handoff(_Model):
    """Passing a conversation to the counselors."""

    slack_channel: str = ""
    last_messages: int = Field(5, ge=0, le=50)


class SchoolSettings(_Model):
    """The whole settings file."""

    schema_version: int = Field(..., ge=1, le=1)
    school: School
    counseling_office: CounselingOffice
    crisis: Crisis
    handoff: Handoff = Handoff(slack_channel="", last_messages=5)

    def counselor_slack_channel(self) -> str:
        """The counselors' Slack channel: the environment variable wins over the file."""
        return os.environ.get(SLACK_CHANNEL_ENV, "").strip() or self.handoff.slack_channel


def load_school(path: Path = SCHOOL_FILE) -> SchoolSettings:
    """Read and validate the school settings; KnowledgeError names the file and field on a problem."""
    return parse_model(path, SchoolSettings)


class _Watched:
    """The last good settings, re-read when the file's modification time changes."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._loaded: Optional[Tuple[float, SchoolSettings]] = None

    def get(self) -> SchoolSettings:
        with self._lock:
            try:
                stamp = self.path.stat().st_mtime
            except OSError:
                stamp = -1.0
            if self._loaded is None or self._loaded[0] != stamp:
                try:
                    self._loaded = (stamp, load_school(self.path))
                except KnowledgeError as error:
                    if self._loaded is None:
                        raise
                    logger.error("School settings reload failed; keeping the last good settings. %s", error)
                    self._loaded = (stamp, self._loaded[1])
            return self._loaded[1]


_watched: Optional[_Watched] = None


def current() -> SchoolSettings:
    """The school settings in use (``knowledge/school.yml``, reloaded when it changes)."""
    global _watched
    if _watched is None or _watched.path != Path(SCHOOL_FILE):
        _watched = _Watched(SCHOOL_FILE)
    return _watched.get()
