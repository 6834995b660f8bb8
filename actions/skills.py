"""Skills: all of them, or the one the student asked about."""

from __future__ import annotations

from actions.base import TopicAction


class ActionAnswerSkills(TopicAction):
    """All four skills, or one skill when the message names it ("is leadership important?")."""

    topic = "skills"
