"""Job outlook: growth, openings, and automation/productivity."""

from __future__ import annotations

from actions.base import TopicAction


class ActionAnswerOutlook(TopicAction):
    """Projected employment growth, with source and period."""

    topic = "outlook"


class ActionAnswerOpenings(TopicAction):
    """Projected job openings per year."""

    topic = "openings"


class ActionAnswerAutomation(TopicAction):
    """Whether productivity gains and automation remove the job."""

    topic = "automation"
