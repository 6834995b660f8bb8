"""Education and the way in: degree, major, graduate degrees, ladder, cluster, courses."""

from __future__ import annotations

from actions.base import TopicAction


class ActionAnswerEducation(TopicAction):
    """The degree employers prefer and common majors."""

    topic = "education"


class ActionAnswerMajor(TopicAction):
    """Which majors are common and related courses."""

    topic = "major"


class ActionAnswerGraduateDegree(TopicAction):
    """MBA or graduate degree in industrial management at large plants."""

    topic = "graduate_degree"


class ActionAnswerHowToBecome(TopicAction):
    """Degree, the production worker → supervisor → manager ladder, and promotion."""

    topic = "how_to_become"


class ActionAnswerWithoutDegree(TopicAction):
    """Rising from production worker with experience and management classes."""

    topic = "without_degree"


class ActionAnswerCareerCluster(TopicAction):
    """The career cluster (Manufacturing)."""

    topic = "career_cluster"


class ActionAnswerCourses(TopicAction):
    """Related course subjects."""

    topic = "courses"
