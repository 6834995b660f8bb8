"""What the job is and where it happens: summary, duties and their follow-ups, environment."""

from __future__ import annotations

from actions.base import TopicAction


class ActionAnswerSummary(TopicAction):
    """What an industrial production manager is and does, in brief."""

    topic = "summary"


class ActionAnswerDuties(TopicAction):
    """The full list of duties."""

    topic = "duties"


class ActionAnswerProducts(TopicAction):
    """The kinds of goods their plants make."""

    topic = "products"


class ActionAnswerDutyWorkers(TopicAction):
    """Hiring, training, evaluating and monitoring workers."""

    topic = "duty_workers"


class ActionAnswerDutySafety(TopicAction):
    """Safety duties and protective equipment."""

    topic = "duty_safety"


class ActionAnswerDutyMachines(TopicAction):
    """Deciding on new machines, overtime, workers and equipment."""

    topic = "duty_machines"


class ActionAnswerDutyReports(TopicAction):
    """Production data and reports."""

    topic = "duty_reports"


class ActionAnswerDutySchedule(TopicAction):
    """Keeping production on schedule and within budget."""

    topic = "duty_schedule"


class ActionAnswerWorkEnvironment(TopicAction):
    """Production area and office, protective equipment."""

    topic = "work_environment"
