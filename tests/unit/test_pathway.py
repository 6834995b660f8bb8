"""The pathway logic: reading answers, what each message means, plans for every case."""

from __future__ import annotations

import itertools
from typing import Dict

import pytest

from bot.knowledge.models import Career, Pathways
from bot.pathway import flow as pathway
from bot.pathway.flow import Turn, interpret


@pytest.fixture(scope="module")
def flow(career: Career) -> Pathways:
    return career.pathways


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I'm in 8th grade", "middle_school"),
        ("middle school", "middle_school"),
        ("im a junior", "high_school"),
        ("high school", "high_school"),
        ("im a high schooler", "high_school"),
        ("8th grader here", "middle_school"),
        ("middle schooler", "middle_school"),
        ("freshman in college", "college"),
        ("I'm a college student", "college"),
        ("actually i'm in college", "college"),
        ("i work in a factory", "production_worker"),
        ("on the assembly line", "production_worker"),
        ("i work in retail but want a career change", "other_field"),
        ("pizza", None),
        ("", None),
        ("my grandpa works on an assembly line", None),  # someone else's job is not where the student is
        ("her older sister is in college", None),
        ("my dad and i both work in a factory", "production_worker"),
    ],
)
def test_reads_starting_point(flow: Pathways, text: str, expected) -> None:
    """Typed starting points are understood; nonsense is not guessed."""
    assert pathway.match_option(flow.questions["stage"], text) == expected


@pytest.mark.parametrize(
    "question, text, expected",
    [
        ("interest", "the technical side", "technical"),
        ("interest", "i like working with people", "business"),
        ("interest", "i look up to engineers", "technical"),
        ("major", "industrial engineering", "engineering"),
        ("major", "accounting", "business"),
        ("major", "history", "other"),
        ("degree", "yes i have a bachelor's", "yes"),
        ("degree", "I don't have a bachelor's degree", "no"),
        ("degree", "nope", "no"),
        ("experience", "7 years", "many"),
        ("experience", "about 3 years", "some"),
        ("experience", "6 months", "new"),
        ("experience", "a long time", "many"),
    ],
)
def test_reads_follow_up_answers(flow: Pathways, question: str, text: str, expected: str) -> None:
    """Follow-up answers in students' own words, including negations and year counts."""
    assert pathway.match_option(flow.questions[question], text) == expected


def _all_answers(flow: Pathways):
    for stage, asked in flow.starting_points.items():
        options = [[o.value for o in flow.questions[q].options] for q in asked]
        for values in itertools.product(*options):
            yield {"stage": stage, **dict(zip(asked, values))}


def test_every_starting_point_and_answer_gets_a_plan_of_3_to_6_steps(flow: Pathways) -> None:
    """Every combination of answers gives a plan with 3–6 steps, each with a reason."""
    combos = list(_all_answers(flow))
    assert len(combos) >= 13
    for answers in combos:
        assert pathway.next_question(flow, answers) is None
        steps = pathway.build_plan(flow, answers)
        assert 3 <= len(steps) <= 6, answers
        assert all(step.do and step.why for step in steps)


@pytest.mark.parametrize(
    "answers, must_mention",
    [
        ({"stage": "high_school", "interest": "business"}, ["business administration", "first-line supervisor", "MBA"]),
        ({"stage": "high_school", "interest": "technical"}, ["industrial engineering", "first-line supervisor"]),
        ({"stage": "middle_school", "interest": "technical"}, ["Industrial Engineering", "bachelor's degree"]),
        ({"stage": "college", "major": "other"}, ["any field", "Management and Leadership"]),
        ({"stage": "college", "major": "engineering"}, ["industrial engineering", "first-line supervisor"]),
        ({"stage": "production_worker", "degree": "no", "experience": "many"}, ["company-sponsored", "first-line supervisor"]),
        ({"stage": "production_worker", "degree": "no", "experience": "new"}, ["experience on the production floor", "management classes"]),
        ({"stage": "other_field", "degree": "yes"}, ["production", "first-line supervisor"]),
    ],
)
def test_plans_mention_the_right_degree_or_ladder_step(flow: Pathways, answers: Dict[str, str], must_mention) -> None:
    """Plans name the degree or ladder step that fits the student's answers."""
    text = pathway.render_plan(flow, answers)
    for phrase in must_mention:
        assert phrase in text, f"{answers}: missing {phrase!r}"


def test_plan_for_production_worker_without_degree_skips_bachelors_first(flow: Pathways) -> None:
    """A worker without a degree is pointed to management classes, not back to school first."""
    steps = pathway.build_plan(flow, {"stage": "production_worker", "degree": "no", "experience": "many"})
    assert "management classes" in steps[0].do.lower()


def test_questions_depend_on_starting_point(flow: Pathways) -> None:
    """School students are asked their interest; college students their major; workers degree and experience."""
    assert pathway.next_question(flow, {}) == "stage"
    assert pathway.next_question(flow, {"stage": "high_school"}) == "interest"
    assert pathway.next_question(flow, {"stage": "college"}) == "major"
    assert pathway.next_question(flow, {"stage": "production_worker"}) == "degree"
    assert pathway.next_question(flow, {"stage": "production_worker", "degree": "no"}) == "experience"


def test_correction_replaces_answers_that_no_longer_apply(flow: Pathways) -> None:
    """'Actually I'm in college' drops the high-school interest and asks for a major."""
    before = {"stage": "high_school", "interest": "business"}
    meaning = interpret(flow, "interest", Turn("actually i'm in college", "inform"), before)
    assert meaning.kind == "answer" and meaning.updates == {"stage": "college"}
    after = pathway.apply(flow, before, meaning.updates)
    assert after == {"stage": "college"}
    assert pathway.next_question(flow, after) == "major"


def test_an_answer_mentioning_a_stage_is_not_a_correction(flow: Pathways) -> None:
    """'Nah never went to college' answers the degree question; it doesn't move the student to college."""
    before = {"stage": "other_field"}
    meaning = interpret(flow, "degree", Turn("nah never went to college", "deny"), before)
    assert meaning.kind == "answer" and meaning.updates == {"degree": "no"}


@pytest.mark.parametrize(
    "requested, turn, kind",
    [
        ("stage", Turn("high school", "inform"), "answer"),
        ("stage", Turn("", "inform", {"stage": "college"}), "answer"),
        ("stage", Turn("wait, how much do they make?", "ask_pay"), "digression"),
        ("interest", Turn("what skills do they need?", "ask_skills"), "digression"),
        ("stage", Turn("never mind", "stop"), "leave"),
        ("stage", Turn("start over", "restart"), "leave"),
        ("stage", Turn("bye", "goodbye"), "leave"),
        ("stage", Turn("i changed my mind i dont want a plan anymore", "deny"), "leave"),
        ("interest", Turn("nah forget the plan", "inform"), "leave"),
        ("stage", Turn("asdfgh", "nlu_fallback"), "invalid"),
        ("stage", Turn("what's the weather", "out_of_scope"), "invalid"),
        ("degree", Turn("yes", "affirm"), "answer"),
        ("stage", Turn("yes", "affirm"), "neutral"),
        ("stage", Turn("thanks", "thank"), "digression"),
        ("major", Turn("marine biology", "inform"), "answer"),
        ("major", Turn("engineering", "ask_major"), "answer"),
        ("stage", Turn("im a nurse at a hospital thinking about changing careers", "ask_other_career"), "answer"),
        ("stage", Turn("how do nurses at a hospital change careers", "ask_other_career"), "digression"),
        ("stage", Turn("is it hard to switch careers?", "ask_how_to_become"), "digression"),
        # "plant" names a starting point, but a question after a lead-in word is still a question.
        ("stage", Turn("and do i need a masters to manage a big plant", "ask_graduate_degree"), "digression"),
        ("stage", Turn("so i work at a plant", "ask_graduate_degree"), "answer"),
        # not understanding the question: its help and options again, whatever the classifier read
        ("stage", Turn("wait im confused what do you mean", "tell_more"), "unsure"),
        ("degree", Turn("i dont get it, what is that supposed to mean", "ask_summary"), "unsure"),
    ],
)
def test_interpret_kinds(flow: Pathways, requested: str, turn: Turn, kind: str) -> None:
    """Answers, button payloads, questions, stop/restart, nonsense and yes/no are told apart."""
    assert interpret(flow, requested, turn, {"stage": "college"} if requested == "major" else {}).kind == kind


def test_first_message_can_answer_several_questions(flow: Pathways) -> None:
    """'I want to become one, I'm in high school and like engineering' fills two answers at once."""
    meaning = interpret(flow, None, Turn("i'm in high school and i like engineering", "want_career"), {})
    assert meaning.updates == {"stage": "high_school", "interest": "technical"}


def test_buttons_carry_the_answer(flow: Pathways) -> None:
    """Option buttons send the answer as an entity, so clicking never depends on NLU."""
    buttons = pathway.option_buttons(flow.questions["stage"], "stage")
    assert {"title": "High school", "payload": '/inform{"pathway_answer": "stage=high_school"}'} in buttons
    assert len(buttons) == 5


def test_career_name_is_not_read_as_an_answer(career: Career, flow: Pathways) -> None:
    """'I want to become an industrial production manager, what should I do?' answers nothing yet."""
    text = pathway.without_phrases("I want to become an industrial production manager, what should I do?", career.career.aliases)
    assert pathway.read_all(flow, text) == {}
    assert interpret(flow, None, Turn(text, "want_career"), {}).kind == "neutral"


def test_production_in_a_real_answer_still_counts(career: Career, flow: Pathways) -> None:
    """Removing the career name keeps genuine answers ('I work in production')."""
    text = pathway.without_phrases("i work in production, i want to be a production manager", career.career.aliases)
    assert pathway.read_all(flow, text) == {"stage": "production_worker"}
