"""Answer building: every topic is answered from the knowledge file, with sources."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from bot.career import answers
from bot.career.loader import KnowledgeStore
from bot.career.models import Career

EXPECTED_FACTS = {
    "summary": ["oversee the daily operations", "cars", "Manufacturing"],
    "duties": ["Hire, train, and evaluate workers", "Write production reports", "Fix any production problems"],
    "products": ["cars", "computer equipment", "paper products"],
    "duty_workers": ["Hire, train, and evaluate workers"],
    "duty_safety": ["safety requirements", "helmet"],
    "duty_machines": ["new machines", "overtime"],
    "duty_reports": ["Analyze production data", "Write production reports"],
    "duty_schedule": ["on schedule and within budget"],
    "work_environment": ["production area", "nearby office", "helmet", "safety goggles"],
    "skills": ["Interpersonal", "Leadership", "Problem-solving", "Time-management", "defect"],
    "pay": ["$107,560", "May 2022", "U.S. Bureau of Labor Statistics"],
    "pay_factors": ["experience", "education and training", "geographic location", "specific industry"],
    "outlook": ["2 percent", "2022", "2032", "as fast as the average", "U.S. Bureau of Labor Statistics"],
    "openings": ["15,300", "each year", "10 years", "Source:"],
    "automation": ["productivity", "continue to be needed"],
    "education": ["bachelor's degree", "business administration", "industrial engineering"],
    "major": ["any field", "business administration", "industrial engineering"],
    "graduate_degree": ["MBA", "industrial management", "large plants"],
    "how_to_become": ["bachelor's degree", "production worker → first-line supervisor → industrial production manager"],
    "without_degree": ["many years of experience", "management classes", "first-line supervisory", "company-sponsored"],
    "career_cluster": ["Manufacturing"],
    "courses": ["Industrial Engineering", "Management and Leadership"],
}


def test_every_topic_has_expectations() -> None:
    """This test covers every topic the bot can answer."""
    assert set(EXPECTED_FACTS) == set(answers.TOPICS)


@pytest.mark.parametrize("topic", sorted(EXPECTED_FACTS))
def test_topic_answer_contains_source_facts(career: Career, topic: str) -> None:
    """Each topic's answer contains its facts from the knowledge file."""
    reply = answers.answer(career, topic)
    assert reply is not None
    for fact in EXPECTED_FACTS[topic]:
        assert fact in reply.text, f"{topic}: missing {fact!r} in {reply.text!r}"


@pytest.mark.parametrize("topic", ["pay", "outlook", "openings"])
def test_figures_name_their_source(career: Career, topic: str) -> None:
    """Every answer with a number names where the number comes from."""
    text = answers.answer(career, topic).text
    assert "Bureau of Labor Statistics" in text or "Source:" in text


def test_edited_figure_changes_the_answer(knowledge_copy: Path) -> None:
    """A counselor edits the pay figure; the answer follows without code changes."""
    store = KnowledgeStore(knowledge_copy)
    path = next(knowledge_copy.glob("*.yml"))
    text = path.read_text(encoding="utf-8").replace("amount: 107560", "amount: 98765").replace("date: May 2022", "date: May 2024")
    path.write_text(text, encoding="utf-8")
    os.utime(path, (time.time() + 5, time.time() + 5))
    reply = answers.pay(store.primary()).text
    assert "$98,765" in reply and "May 2024" in reply
    assert "107,560" not in reply


@pytest.mark.parametrize(
    "text, skill",
    [
        ("is leadership important?", "leadership"),
        ("do i need good communication", "interpersonal"),
        ("what about problem solving", "problem_solving"),
        ("time management?", "time_management"),
        ("what skills do they need", None),
        ("leadership and time management", None),
    ],
)
def test_find_skill(career: Career, text: str, skill: str) -> None:
    """One named skill is found; none or several means 'all skills'."""
    assert answers.find_skill(career, text) == skill


def test_one_skill_includes_the_defect_example(career: Career) -> None:
    """Problem-solving comes with the source's defect example."""
    text = answers.one_skill(career, "problem_solving").text
    assert "defect" in text and "one-time problem" in text


@pytest.mark.parametrize(
    "topic, text, duty, skill",
    [
        ("duty_workers", "do ipms have to motivate their workers", "Hire, train, and evaluate workers", "motivate and direct"),
        ("duty_schedule", "do they have to manage deadlines a lot", "on schedule and within budget", "production deadlines"),
        ("duties", "what do they do if a product has a defect", "Fix any production problems", "one-time problem"),
    ],
)
def test_duty_question_naming_a_skill_gets_the_duty_and_the_skill(
    career: Career, topic: str, text: str, duty: str, skill: str
) -> None:
    """"Do they have to motivate their workers?" is about a duty and the skill it takes."""
    reply = answers.answer(career, topic, text)
    assert reply is not None and duty in reply.text and skill in reply.text


def test_duty_question_without_a_skill_gets_the_duty_only(career: Career) -> None:
    """No skill named, no skill added."""
    reply = answers.answer(career, "duty_workers", "do they hire people")
    assert reply is not None and "Hire, train" in reply.text and "skills matter" not in reply.text


def test_duty_topic_without_duties_is_unknown(career: Career) -> None:
    """A topic no duty is tagged with has no answer (the bot then says it doesn't know)."""
    assert answers.duties_about(career, "nonexistent") is None


@pytest.mark.parametrize("last, following", [("pay", "pay_factors"), ("outlook", "openings"), ("openings", "automation"), ("education", "major"), (None, None), ("bogus", None)])
def test_more_topic_chain(last: str, following: str) -> None:
    """'Tell me more' continues from the last topic, or has nothing without context."""
    assert answers.more_topic(last) == following


def test_every_more_topic_exists() -> None:
    """The 'tell me more' chain only points at real topics."""
    assert set(answers.MORE_AFTER) <= set(answers.TOPICS)
    assert set(answers.MORE_AFTER.values()) <= set(answers.TOPICS)


@pytest.mark.parametrize("items, expected", [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b, and c")])
def test_join_words(items, expected) -> None:
    """Lists read naturally."""
    assert answers.join_words(items) == expected


@pytest.mark.parametrize(
    "text, unknown",
    [
        ("how much do they make per hour", True),
        ("how much would i make per month doing this", True),
        ("whats the starting salary", True),
        ("what do the top earners get", True),
        ("how much do they make", False),
        ("how much do they make a year", False),
        ("what do most of them make", False),
        ("do they make 100k", False),
        ("industrial production manager salary in texas?", True),
        ("how much do they make in new york", True),
        ("which state pays the most", True),
        ("how much do they make in the united states", False),
        ("how much do they make in the us", False),
    ],
)
def test_pay_for_a_period_the_file_has_no_figure_for_is_unknown(career, text: str, unknown: bool) -> None:
    """Only the yearly average is known: hourly, monthly, starting or top pay get "I don't know"."""
    assert answers.asks_for_unknown_pay(career, text) is unknown
    assert (answers.answer(career, "pay", text) is None) is unknown


@pytest.mark.parametrize(
    "text, both",
    [
        ("what do production managers make", True),
        ("what does an ipm make??", True),
        ("what products do they make", False),
        ("what do they make sure of", False),
    ],
)
def test_what_do_they_make_gets_goods_and_pay(career, text: str, both: bool) -> None:
    """"What do they make?" may mean goods or pay: the products answer then adds the sourced pay."""
    reply = answers.answer(career, "products", text)
    assert reply is not None and career.products.examples[0] in reply.text
    assert ("$107,560" in reply.text) is both


@pytest.mark.parametrize(
    "last_topic, text, unknown",
    [
        ("pay", "and in ohio?", True),
        ("pay", "what about per hour", True),
        ("pay_factors", "and in my state?", True),
        ("outlook", "and in ohio?", False),
        (None, "and in ohio?", False),
        ("pay", "i live in ohio and want to know what the weather will be like tomorrow", False),
        ("pay", "and in the us?", False),
    ],
)
def test_short_pay_follow_up_the_file_has_no_figure_for(career, last_topic, text: str, unknown: bool) -> None:
    """Right after pay, "and in ohio?" asks for pay in a place: only then is it the unknown pay."""
    assert answers.asks_pay_follow_up_not_known(career, last_topic, text) is unknown


@pytest.mark.parametrize(
    "text, unknown",
    [
        ("which state pays the highest", True),
        ("which industry pays production managers the most", True),
        ("what kind of plant pays more", True),
        ("what affects their pay", False),
        ("does pay depend on the state you work in", False),
        ("what makes pay higher", False),
    ],
)
def test_which_pays_most_is_a_ranking_the_file_does_not_have(career, text: str, unknown: bool) -> None:
    """Pay depends on location and industry, but the file doesn't say which pays most."""
    assert (answers.answer(career, "pay_factors", text) is None) is unknown
