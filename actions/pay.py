"""Pay: the average figure and what it depends on."""

from __future__ import annotations

from actions.base import TopicAction


class ActionAnswerPay(TopicAction):
    """Average pay, with source and date."""

    topic = "pay"


class ActionAnswerPayFactors(TopicAction):
    """What pay depends on."""

    topic = "pay_factors"
