"""Mechanisms added after the many-careers set 28 and honest set 9 were read (bench/README.md, twenty-first run).

Each test states the kind of message, with wordings of several careers: these are rules of the
interpreter and answer builders, not special cases of one career or wording.
"""

from __future__ import annotations

from typing import Optional

import pytest

from bot.answers import premises
from bot.answers.honesty import is_yes_no
from bot.interpret.decision import ANSWER, COMPARE, OTHER_LANGUAGE, Decision
from bot.interpret.inputs import Parse, State
from bot.interpret.rules import Knowledge, decide
from bot.interpret.transitions import next_state
from bot.knowledge.current import knowledge_for
from bot.knowledge.loader import load_all
from bot.nlp.job_titles import with_placeholder
from bot.safety.personal_details import mask

TRUCKS = "heavy-and-tractor-trailer-truck-drivers"
REALTORS = "real-estate-brokers-and-sales-agents"
BARBERS = "barbers-hairstylists-and-cosmetologists"


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return knowledge_for(load_all())


def run(knowledge: Knowledge, text: str, intent: str, state: Optional[State] = None,
        confidence: float = 0.95) -> Decision:
    return decide(Parse(text=text, intent=intent, confidence=confidence, ranking=((intent, confidence),)),
                  state or State(), knowledge)


@pytest.mark.parametrize("text, career, topic", [
    ("oye cuanto gana un truck driver al año", TRUCKS, "pay"),
    ("mi mama es realtor, cuanto ganan normalmente", REALTORS, "pay"),
    ("que hacen los barbers exactly", BARBERS, "summary"),
])
def test_a_spanish_question_about_a_known_career_gets_the_note_then_the_answer(
        knowledge: Knowledge, text: str, career: str, topic: str) -> None:
    decision = run(knowledge, text, "nlu_fallback", confidence=0.5)
    assert decision.kind == OTHER_LANGUAGE and decision.details["language"] == "es"
    assert decision.then is not None and decision.then.kind == ANSWER
    assert decision.then.careers == (career,) and decision.then.topics[0] == topic
    assert next_state(decision, State()).career == career  # "y cuanto pagan?" next follows the career


def test_a_spanish_message_without_a_topic_gets_the_note_only(knowledge: Knowledge) -> None:
    decision = run(knowledge, "hola, no hablo mucho inglés", "greet")
    assert decision.kind == OTHER_LANGUAGE and decision.then is None


def test_which_one_after_a_comparison_compares_the_same_careers(knowledge: Knowledge) -> None:
    compared = run(knowledge, "how much do realtors and barbers make", "compare_careers")
    assert compared.kind == COMPARE
    state = next_state(compared, State())
    assert set(state.compared) == {REALTORS, BARBERS}
    again = run(knowledge, "ok and which one needs more school", "ask_education", state)
    assert again.kind == COMPARE and set(again.careers) == {REALTORS, BARBERS} and again.topics == ("education",)
    # a question naming another career is about that one, and the comparison is over
    other = run(knowledge, "how much do truck drivers make", "ask_pay", state)
    assert other.kind == ANSWER and other.careers == (TRUCKS,)
    assert next_state(other, state).compared == ()


def test_what_does_a_x_make_is_pay(knowledge: Knowledge) -> None:
    assert run(knowledge, "what does a production manager at a factory make", "ask_products").topics == ("pay",)
    assert run(knowledge, "what do machinists make?", "ask_products").topics == ("pay",)


def test_a_pay_period_and_a_career_alone_is_pay(knowledge: Knowledge) -> None:
    decision = run(knowledge, "realtor per hour", "ask_unknown_detail", confidence=0.9)
    assert decision.kind == ANSWER and decision.topics == ("pay",) and decision.pay.period == "hour"


def test_a_lone_money_sign_reads_as_money() -> None:
    assert "money" in with_placeholder("truckers $$?")
    assert "$54,320" in with_placeholder("do they make $54,320")


def test_an_all_or_nothing_claim_about_where_they_work_is_corrected() -> None:
    careers = load_all()
    assert premises.correction("nurses only work in hospitals, right?", careers["registered-nurses"], None)
    assert premises.correction("civil engineers just sit at a desk all day", careers["civil-engineers"], None)
    assert premises.correction("do civil engineers work in offices?", careers["civil-engineers"], None) is None


def test_a_tag_question_without_a_question_mark_is_a_yes_no_question() -> None:
    assert is_yes_no("barbers make a lot in tips, don't they")
    assert is_yes_no("truckers get paid by the mile, right")
    assert not is_yes_no("barbers cut hair")


@pytest.mark.parametrize("text, detail", [
    ("can my older brother Kevin Tran come to the career fair too?", "Kevin Tran"),
    ("my pops is Curtis Bell and he drives trucks", "Curtis Bell"),
    ("thx for the help!! ttyl, Chloe Anderson", "Chloe Anderson"),
    ("what should i major in to be a reporter. signed: Isabella Chen-Martinez (period 5)", "Isabella Chen-Martinez"),
    ("the form wants my address, its 19 Kingsbury Close, Leeds", "19 Kingsbury Close"),
])
def test_names_of_relatives_and_sign_offs_are_masked(text: str, detail: str) -> None:
    assert detail not in mask(text).text
