"""The answer topics: what students ask about a career, and how topics follow one another.

An ``ask_<topic>`` intent asks about one topic. Which section of a career file
answers each topic is decided by the answer builders (bot/answers/facts.py);
a topic the file has nothing for is answered with "I don't have that yet".
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple

TOPICS: Tuple[str, ...] = (
    "summary", "duties", "products", "duty_workers", "duty_safety", "duty_machines", "duty_reports",
    "duty_schedule", "work_environment", "skills", "pay", "pay_factors", "outlook", "openings", "automation",
    "education", "major", "graduate_degree", "how_to_become", "without_degree", "career_cluster", "courses",
    "advancement",
)

# What "tell me more" adds after each topic: the next topic in a natural chain.
MORE_AFTER: Dict[str, str] = {
    "summary": "duties",
    "duties": "work_environment",
    "products": "duties",
    "duty_workers": "skills",
    "duty_safety": "work_environment",
    "duty_machines": "duties",
    "duty_reports": "duties",
    "duty_schedule": "duties",
    "work_environment": "duty_safety",
    "skills": "duties",
    "pay": "pay_factors",
    "pay_factors": "outlook",
    "outlook": "openings",
    "openings": "automation",
    "automation": "pay",
    "education": "major",
    "major": "graduate_degree",
    "graduate_degree": "courses",
    "how_to_become": "without_degree",
    "without_degree": "graduate_degree",
    "career_cluster": "courses",
    "courses": "education",
    "advancement": "how_to_become",
}

# When a file lacks a topic, the nearest one it may have, given after saying so ("what should I major in?" for a
# career with no list of majors: "I don't have that yet; the closest my information comes is how to become one").
CLOSEST_TOPIC: Dict[str, str] = {
    "major": "how_to_become",
    "courses": "how_to_become",
    "graduate_degree": "education",
    # What the job is, when the file doesn't list the products or duties of that kind ("do cosmetologists only do
    # hair?"); a working day's conditions from the work environment.
    "duties": "summary",
    "products": "summary",
    "duty_workers": "summary",
    "duty_machines": "summary",
    "duty_reports": "summary",
    "duty_safety": "work_environment",
    "duty_schedule": "work_environment",
    "advancement": "how_to_become",
    "without_degree": "education",
    # "what does a broker earn?" read as what pay depends on, for a file that doesn't say: its pay figures
    "pay_factors": "pay",
}

# Topics after which the bot offers the step-by-step plan (for careers whose file has one).
PLAN_OFFER_AFTER = frozenset({"education", "graduate_degree", "without_degree", "courses", "career_cluster", "major",
                              "how_to_become", "advancement"})

# The topics compared side by side when a student compares careers without naming a topic.
OVERVIEW = ("pay", "outlook", "education")


def topic_of_intent(intent: str) -> Optional[str]:
    """``ask_pay`` -> ``pay``; None for intents that are not a question about a topic."""
    topic = intent[len("ask_"):] if intent.startswith("ask_") else None
    return topic if topic in TOPICS else None


def more_topic(last_topic: Optional[str]) -> Optional[str]:
    """The topic "tell me more" continues with, or None without context."""
    return MORE_AFTER.get(last_topic or "")
