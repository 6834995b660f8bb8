"""The interpreter's rule table: each rule with the messages it exists for (bot/interpret/rules.py).

The parse is given as NLU would give it (text, intent, confidence); the knowledge
is the project's own career files, so these tests also show that no rule is
special to one career.
"""

from __future__ import annotations

from typing import Optional, Sequence, Tuple

import pytest

from bot.answers import premises
from bot.answers.honesty import is_yes_no
from bot.interpret.decision import ANSWER, BROWSE, COMPARE, OTHER_LANGUAGE, Decision, PayQuery
from bot.interpret.inputs import Parse, PathwayState, State
from bot.interpret.rules import RULES, THRESHOLDS, Knowledge, decide
from bot.interpret.transitions import next_state
from bot.knowledge.current import knowledge_for
from bot.knowledge.loader import load_all
from bot.nlp.job_titles import with_placeholder
from bot.safety.personal_details import mask

IPM = "industrial-production-manager"
NURSES = "registered-nurses"
CHEFS = "chefs-and-head-cooks"


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return knowledge_for(load_all())


def parse(text: str, intent: str, confidence: float = 0.95, ranking: Sequence[Tuple[str, float]] = (),
          **extra: object) -> Parse:
    return Parse(text=text, intent=intent, confidence=confidence, ranking=tuple(ranking) or ((intent, confidence),),
                 **extra)  # type: ignore[arg-type]


def run(knowledge: Knowledge, text: str, intent: str, state: Optional[State] = None, **kw: object) -> Decision:
    return decide(parse(text, intent, **kw), state or State(), knowledge)


def test_every_rule_is_named_once() -> None:
    """The table is ordered and each rule has one name (the decision's ``rule`` says which decided)."""
    names = [name for name, _ in RULES]
    assert len(names) == len(set(names))
    assert names[:4] == ["crisis", "counselor", "handoff", "boundary"], "safety comes first"
    assert names[-1] == "fallback"


@pytest.mark.parametrize("text, intent", [
    ("i want to kill myself", "ask_pay"),
    ("how much do nurses make, i wont be alive to see it anyway", "ask_pay"),
    ("anything", "crisis"),
])
def test_crisis_wins_over_everything(knowledge: Knowledge, text: str, intent: str) -> None:
    """A crisis is a crisis whatever intent the classifier chose, also in the plan questions."""
    in_plan = State(career=IPM, pathway=PathwayState(question="stage", career=IPM))
    assert run(knowledge, text, intent).kind == "crisis"
    assert run(knowledge, text, intent, in_plan).kind == "crisis"


def test_handoff_only_after_the_offer(knowledge: Knowledge) -> None:
    """A yes right after the counselor offer is a handoff; a yes at any other time is small talk."""
    offered = next_state(run(knowledge, "can i talk to a counselor", "ask_counselor"), State())
    assert offered.offer == "handoff"
    assert run(knowledge, "yes please", "affirm", offered).kind == "handoff"
    assert run(knowledge, "no", "deny", offered).kind == "handoff_declined"
    assert run(knowledge, "yes please", "affirm").kind == "small_talk"


def test_which_career_before_any_career_is_named(knowledge: Knowledge) -> None:
    """"how much do they make?" as a first message asks which career, and the next message answers it."""
    decision = run(knowledge, "how much do they make?", "ask_pay")
    assert (decision.rule, decision.topics) == ("which_career", ("pay",))
    answered = run(knowledge, "nurses", "out_of_scope", next_state(decision, State()), confidence=0.6)
    assert (answered.kind, answered.topics, answered.careers) == ("answer", ("pay",), (NURSES,))


def test_the_career_is_conversation_state(knowledge: Knowledge) -> None:
    """A named career is remembered: "they" refers to it afterwards."""
    first = run(knowledge, "how much do chefs make", "ask_pay")
    assert first.careers == (CHEFS,)
    state = next_state(first, State())
    assert run(knowledge, "is the job growing", "ask_outlook", state).careers == (CHEFS,)


def test_what_about_another_career_switches_and_keeps_the_topic(knowledge: Knowledge) -> None:
    """"what about nurses?" after chefs' pay gives nurses' pay."""
    state = State(career=CHEFS, last_topic="pay")
    decision = run(knowledge, "what about nurses?", "tell_more", state, confidence=0.7)
    assert (decision.rule, decision.topics, decision.careers) == ("switch", ("pay",), (NURSES,))


def test_two_careers_are_compared(knowledge: Knowledge) -> None:
    """"who makes more, a nurse or a chef?": pay side by side; without a topic: pay, outlook, education."""
    on_pay = run(knowledge, "who makes more, a nurse or a chef?", "ask_pay")
    assert (on_pay.kind, on_pay.topics, set(on_pay.careers)) == ("compare", ("pay",), {NURSES, CHEFS})
    overview = run(knowledge, "compare nurses and chefs", "compare_careers")
    assert overview.topics == ("pay", "outlook", "education")


def test_a_word_of_two_clusters_browses_both(knowledge: Knowledge) -> None:
    """"jobs with food": the careers of every cluster that word names (farming and cooking), not one of them."""
    from bot.answers.compare import browse
    from bot.answers.render import Context
    from bot.knowledge.current import general_facts

    decision = run(knowledge, "what jobs are there with food", "browse_careers")
    assert decision.kind == "browse" and decision.browse == "cluster" and len(decision.clusters) == 2
    text = browse(decision, Context(knowledge.careers, general_facts()))[0].text
    assert "Chefs and head cooks" in text and "Farmers, ranchers, and other agricultural managers" in text, text


def test_a_career_the_bot_does_not_have(knowledge: Knowledge) -> None:
    """"how much do astronauts make?": no file, so no figures; the cluster comes from the vocabulary."""
    decision = run(knowledge, "how much do astronauts make?", "ask_pay")
    assert decision.kind == "unknown_career" and decision.others == ("astronaut",)
    assert decision.clusters


def test_a_mention_without_a_question_is_not_another_career(knowledge: Knowledge) -> None:
    """"my teacher is so annoying" names a job but asks nothing about it."""
    assert run(knowledge, "my dentist is so annoying lol", "out_of_scope").kind != "unknown_career"


@pytest.mark.parametrize("text, browse", [
    ("what jobs are in health care", "cluster"),
    ("jobs that dont need college", "no_degree"),
    ("fastest growing jobs", "fastest"),
    ("what careers do you know", "all"),
])
def test_browsing(knowledge: Knowledge, text: str, browse: str) -> None:
    """Browse by cluster, without a degree, fastest-growing, or all."""
    decision = run(knowledge, text, "browse_careers")
    assert (decision.kind, decision.browse) == ("browse", browse)


def test_two_questions_in_one_message(knowledge: Knowledge) -> None:
    """"how much do nurses make and what degree do they need?" gets both answers."""
    ranking = (("ask_pay", 0.6), ("ask_education", 0.3), ("ask_major", 0.05))
    decision = run(knowledge, "how much do nurses make and what degree do they need?", "ask_pay", ranking=ranking)
    assert decision.topics == ("pay", "education")


def test_pay_follow_up_asks_for_a_place(knowledge: Knowledge) -> None:
    """Right after the pay, "and in ohio?" is pay in Ohio, whatever topic the classifier read."""
    state = State(career=NURSES, last_topic="pay")
    decision = run(knowledge, "and in ohio?", "ask_outlook", state, confidence=0.5)
    assert (decision.rule, decision.pay.place) == ("pay_follow_up", "ohio")


def test_plan_for_a_career_with_a_plan_and_the_way_in_for_the_others(knowledge: Knowledge) -> None:
    """A file with a plan gets the plan questions; the others get how to become one, never a plan."""
    assert run(knowledge, "i want to be an ipm", "want_career").plan.kind == "ask"
    nurses = run(knowledge, "i want to be a nurse", "want_career")
    assert nurses.kind == "answer" and nurses.plan.kind == "not_available"
    assert nurses.topics == ("how_to_become", "education")


def test_a_question_in_the_plan_is_answered_then_the_question_comes_again(knowledge: Knowledge) -> None:
    """A digression: the answer, then the same plan question."""
    state = State(career=IPM, pathway=PathwayState(question="stage", career=IPM))
    decision = run(knowledge, "wait how much do they make?", "ask_pay", state)
    assert decision.topics == ("pay",) and decision.then is not None and decision.then.plan.question == "stage"


def test_the_page_career_starts_the_chat(knowledge: Knowledge) -> None:
    """The widget on a career's page sends its career: "how much do they make?" is about it."""
    decision = run(knowledge, "how much do they make?", "ask_pay", page_career=NURSES)
    assert decision.careers == (NURSES,)


def test_thresholds_are_in_one_place() -> None:
    """Every number the rules use is a field of THRESHOLDS."""
    assert THRESHOLDS.near_threshold < 0.5 <= THRESHOLDS.family


@pytest.mark.parametrize("text", ["what are some jobs that don't require a degree?",
                                  "careers that do not need a college degree", "jobs without needing college"])
def test_browsing_without_a_degree_in_other_words(knowledge: Knowledge, text: str) -> None:
    """Every way of saying "no degree" lists the careers that don't need one."""
    decision = run(knowledge, text, "browse_careers")
    assert (decision.kind, decision.browse) == ("browse", "no_degree")


TRUCKS = "heavy-and-tractor-trailer-truck-drivers"
BARBERS = "barbers-hairstylists-and-cosmetologists"
COUNSELORS = "school-and-career-counselors"


def test_an_unsure_counselor_guess_about_a_named_career_takes_the_next_guess(knowledge: Knowledge) -> None:
    """The classifier's unsure "ask_counselor" for a question about the counselor career is not a request."""
    text = "how much does it cost to get a masters for school counseling"
    unsure = run(knowledge, text, "ask_counselor", confidence=0.52,
                 ranking=(("ask_counselor", 0.52), ("ask_graduate_degree", 0.32)))
    assert unsure.kind == "answer" and unsure.careers == (COUNSELORS,) and unsure.topics == ("graduate_degree",)
    asked = run(knowledge, "can i talk to a school counselor", "ask_counselor", confidence=0.6)
    assert asked.kind == "counselor"  # the words ask for a person
    sure = run(knowledge, "i want to talk to my counselor about becoming a nurse", "ask_counselor", confidence=1.0)
    assert sure.kind == "counselor"


def test_a_comparison_with_the_conversations_career(knowledge: Knowledge) -> None:
    """After chefs, "do they make more than barbers?" compares the two; "what about barbers?" does not."""
    state = State(career=CHEFS, last_topic="pay")
    compared = run(knowledge, "do they make more money than barbers do, though?", "ask_pay", state)
    assert compared.kind == "compare" and compared.careers == (CHEFS, BARBERS)
    switched = run(knowledge, "what about barbers?", "ask_pay", state, confidence=0.5)
    assert switched.kind == "answer" and switched.careers == (BARBERS,)


def test_naming_the_same_career_again_is_not_a_switch(knowledge: Knowledge) -> None:
    """"ok then how many farmers are working in the us?" after the farmers' pay asks about jobs, not pay again."""
    farmers = "farmers-ranchers-and-other-agricultural-managers"
    state = State(career=farmers, last_topic="pay")
    decision = run(knowledge, "ok then how many farmers and ranchers are working", "ask_openings", state,
                   confidence=0.99)
    assert decision.topics == ("openings",)


def test_an_unsure_message_about_something_the_file_says_gets_its_sentences(knowledge: Knowledge) -> None:
    """"are truck drivers away from home a lot?" (unsure) is looked up in the truck drivers' file."""
    decision = run(knowledge, "are truck drivers away from home a lot? my dad is one", "nlu_fallback",
                   confidence=0.5, ranking=(("nlu_fallback", 0.5), ("ask_unknown_detail", 0.3)))
    assert decision.kind == "not_known" and decision.careers == (TRUCKS,)
    nothing = run(knowledge, "do truck drivers like pineapple pizza", "out_of_scope", confidence=0.9)
    assert nothing.rule != "file_lookup"  # no concept of the file: no quoting


def test_a_topic_phrase_beats_an_unsure_guess(knowledge: Knowledge) -> None:
    """"go out into the field or stay in labs" is about the workplace even if the classifier leans to outlook."""
    env = "environmental-scientists-and-specialists"
    unsure = run(knowledge, "do environmental scientists go out into the field or stay in labs", "ask_outlook",
                 confidence=0.6)
    assert unsure.topics[0] == "work_environment" and unsure.careers == (env,)
    sure = run(knowledge, "is nursing a growing field", "ask_outlook", confidence=0.99)
    assert sure.topics == ("outlook",)
    detail = run(knowledge, "who do journalists work for", "ask_unknown_detail", confidence=0.52)
    assert detail.topics == ("work_environment",)
    short = run(knowledge, "whats the minimum age to be a nurse", "ask_unknown_detail", confidence=0.9)
    assert short.kind == "not_known"


def test_two_questions_prefer_the_other_clause(knowledge: Knowledge) -> None:
    """"what degree do lawyers need and how many of them are there": education and the jobs count."""
    decision = run(knowledge, "what degree do lawyers need and how many of them are there", "ask_education",
                   ranking=(("ask_education", 0.95), ("ask_openings", 0.02), ("ask_without_degree", 0.01)))
    assert decision.topics == ("education", "openings")


def test_wanting_a_named_career_near_the_threshold(knowledge: Knowledge) -> None:
    """"my son wants to be a barber" at 0.49 (fallback) is still "wants to be one"."""
    decision = run(knowledge, "my son wants to be a barber", "nlu_fallback", confidence=0.5,
                   ranking=(("nlu_fallback", 0.5), ("want_career", 0.49), ("ask_how_to_become", 0.17)))
    assert decision.rule == "want_career" and decision.careers == (BARBERS,)


@pytest.mark.parametrize("text, intent, confidence, ranking", [
    ("can chefs get promoted, whats the ladder", "ask_without_degree", 0.71, ()),
    ("how do nurses move up in their job", "ask_how_to_become", 0.95, ()),
    ("how do chefs move up, like advancement", "nlu_fallback", 0.5, (("ask_how_to_become", 0.46),)),
])
def test_promotion_questions_are_about_advancement(knowledge: Knowledge, text: str, intent: str,
                                                   confidence: float, ranking: Sequence[Tuple[str, float]]) -> None:
    """Moving up is its own topic: a file without it says so, never answers how to get in instead."""
    decision = run(knowledge, text, intent, confidence=confidence, ranking=ranking)
    assert decision.kind == "answer" and decision.topics[:1] == ("advancement",), decision


def test_a_promotion_question_about_a_degree_stays_the_classifiers(knowledge: Knowledge) -> None:
    """"can i move up without a degree" is about the degree: the classifier's topic stands."""
    decision = run(knowledge, "can nurses move up without a degree", "ask_without_degree")
    assert decision.topics[:1] == ("without_degree",)


def test_the_career_named_after_which_career_gets_the_question_asked(knowledge: Knowledge) -> None:
    """After "Which career do you mean?", "im asking about nurses btw" (read as an unsure "what is it")
    gets the topic asked before; a confident question of its own does not."""
    waiting = State(pending_topics=("outlook",))
    unsure = run(knowledge, "im asking about registered nurses btw", "ask_summary", waiting, confidence=0.58)
    assert unsure.topics == ("outlook",) and unsure.careers == (NURSES,)
    sure = run(knowledge, "what do nurses do all day", "ask_summary", waiting, confidence=0.95)
    assert sure.topics[:1] == ("summary",)


def test_an_unsure_unknown_detail_with_a_ranked_topics_words_is_that_topic(knowledge: Knowledge) -> None:
    """"how many nurses are employed in total": unsure between a detail and openings, with an openings
    word, gets openings; a weak guess (under the threshold) does not."""
    ranking = (("ask_unknown_detail", 0.55), ("ask_openings", 0.44))
    decision = run(knowledge, "how many nurses are employed in total", "ask_unknown_detail", confidence=0.55,
                   ranking=ranking)
    assert decision.topics == ("openings",)
    weak = (("ask_unknown_detail", 0.69), ("ask_pay", THRESHOLDS.hinted_topic - 0.05))
    decision = run(knowledge, "how much on the job training do nurses get", "ask_unknown_detail", confidence=0.69,
                   ranking=weak)
    assert decision.kind == "not_known"


def test_a_comparison_answers_the_topic_its_words_ask(knowledge: Knowledge) -> None:
    """"nurses vs chefs, where do they work": the work environment side by side, not pay/outlook/education."""
    decision = run(knowledge, "nurses vs chefs, where do they work", "compare_careers", confidence=0.6,
                   ranking=(("compare_careers", 0.6), ("ask_work_environment", 0.38)))
    assert decision.kind == "compare" and decision.topics == ("work_environment",)
    plain = run(knowledge, "compare nurses and chefs", "compare_careers")
    assert plain.topics == ("pay", "outlook", "education")


def test_small_talk_naming_a_career_is_about_the_career(knowledge: Knowledge) -> None:
    """"ok and chefs?" read as goodbye right after the pay of nurses: the pay of chefs."""
    after_pay = State(career=NURSES, last_topic="pay")
    decision = run(knowledge, "ok and chefs?", "goodbye", after_pay, confidence=0.52)
    assert decision.kind == "answer" and decision.topics == ("pay",) and decision.careers == (CHEFS,)
    assert run(knowledge, "ok bye", "goodbye", after_pay).kind == "small_talk"


def test_a_plus_sign_joins_two_questions(knowledge: Knowledge) -> None:
    """"how much do nurses make + how many openings": both answers."""
    decision = run(knowledge, "how much do nurses make + how many openings are there", "ask_openings",
                   ranking=(("ask_openings", 0.95), ("ask_pay", 0.01)))
    assert set(decision.topics) == {"openings", "pay"}


def test_a_career_name_with_a_topic_word_still_switches(knowledge: Knowledge) -> None:
    """"and school counselors?" after an education answer: "school" is part of the name, not a topic word."""
    state = State(career="postsecondary-teachers", last_topic="education")
    decision = decide(parse("and school counselors?", "nlu_fallback", 0.5), state, knowledge)
    assert decision.rule == "switch" and decision.topics == ("education",), decision.describe()


def test_how_many_are_there_is_the_jobs_question_even_after_a_wish(knowledge: Knowledge) -> None:
    text = "how many head chefs r there in the US? i wanna run my own kitchen someday"
    decision = decide(parse(text, "want_career", 0.78), State(), knowledge)
    assert decision.topics == ("openings",), decision.describe()


def test_are_there_more_compares_the_number_of_jobs(knowledge: Knowledge) -> None:
    text = "r there more truck drivers or more electrical engineers in the us"
    decision = decide(parse(text, "ask_pay_factors", 0.92), State(), knowledge)
    assert decision.kind == "compare" and decision.topics == ("openings",), decision.describe()


def test_two_jobs_of_one_file_compared_get_its_pay(knowledge: Knowledge) -> None:
    text = "whats the pay gap between an emt and a paramedic? thinking of starting as an emt"
    decision = decide(parse(text, "compare_careers", 1.0), State(), knowledge)
    assert decision.topics == ("pay",) and decision.pay.level is None, decision.describe()


@pytest.mark.parametrize("text, topic", [
    ("do they have to work nights or weekends a lot", "work_environment"),
    ("do you need a license for it", "how_to_become"),
])
def test_a_detail_about_them_before_any_career_asks_which(knowledge: Knowledge, text: str, topic: str) -> None:
    decision = decide(parse(text, "ask_unknown_detail", 0.9), State(), knowledge)
    assert decision.kind == "which_career" and decision.topics == (topic,), decision.describe()


def test_that_kind_of_scientist_is_the_conversations_career(knowledge: Knowledge) -> None:
    state = State(career="environmental-scientists-and-specialists", last_topic="work_environment")
    text = "ok and roughly whats the annual pay for that kind of scientist"
    decision = decide(parse(text, "ask_pay", 0.99), state, knowledge)
    assert decision.careers == ("environmental-scientists-and-specialists",) and decision.topics == ("pay",)


def test_a_bare_career_after_an_answer_is_the_same_question_for_it(knowledge: Knowledge) -> None:
    """"civil engineers?" (read as "inform") after electrical engineers' pay: their pay, not the plan's way in."""
    state = State(career="electrical-and-electronics-engineers", last_topic="pay")
    decision = run(knowledge, "civil engineers?", "inform", state, confidence=0.67)
    assert (decision.rule, decision.topics, decision.careers) == ("switch", ("pay",), ("civil-engineers",))


def test_the_topic_asked_about_an_unknown_career_carries_to_the_next(knowledge: Knowledge) -> None:
    """"electricians make how much" then "ok what about electrical engineers then": their pay."""
    first = run(knowledge, "electricians make how much", "ask_pay", confidence=1.0)
    assert first.kind == "unknown_career" and first.topics == ("pay",)
    state = next_state(first, State())
    decision = run(knowledge, "ok what about electrical engineers then", "ask_summary", state, confidence=0.95)
    assert (decision.topics, decision.careers) == (("pay",), ("electrical-and-electronics-engineers",))


def test_a_statement_then_a_question_asks_the_questions_topic(knowledge: Knowledge) -> None:
    """The classifier heard the statement ("majoring"); the question asks the pay. A question pointing back at
    the statement ("does that affect them?") keeps the classifier's topic."""
    decision = run(knowledge, "I'm in college majoring in business. How much do financial analysts make?",
                   "ask_major", confidence=0.8)
    assert decision.topics == ("pay",)
    pointing = run(knowledge, "Manufacturing employment is declining in some industries. Does that affect "
                   "industrial production managers?", "ask_automation", confidence=0.9)
    assert pointing.topics == ("automation",)


def test_what_does_a_career_do_counts_as_a_second_question(knowledge: Knowledge) -> None:
    """"what does a psychologist do? and how much are they paid": both answers."""
    decision = run(knowledge, "what does a psychologist do? and how much are they paid", "ask_pay", confidence=0.96)
    assert set(decision.topics) == {"pay", "summary"}


def test_how_much_of_a_glossary_word_is_not_its_meaning(knowledge: Knowledge) -> None:
    """"whats the pay and how much work experience do i need": the chefs' answers, not the definition."""
    state = State(career=CHEFS, last_topic="how_to_become")
    decision = run(knowledge, "whats the pay and how much work experience do i need", "ask_pay", state,
                   confidence=0.61)
    assert decision.kind != "glossary" and decision.topics[0] == "pay"


@pytest.mark.parametrize("text", ["whats the fastest growing career u have", "which job is growing the most"])
def test_a_superlative_over_the_careers_browses_the_fastest(knowledge: Knowledge, text: str) -> None:
    decision = run(knowledge, text, "ask_outlook", confidence=0.69)
    assert (decision.kind, decision.browse) == ("browse", "fastest")


def test_a_comparison_by_a_topic_word_or_by_how_many_people_work(knowledge: Knowledge) -> None:
    """"which has a crazier schedule": the work environment; "which one employs more people": the jobs."""
    schedule = run(knowledge, "which has a crazier schedule, paramedics or truckers", "nlu_fallback", confidence=0.5)
    assert schedule.topics == ("work_environment",)
    people = run(knowledge, "which one employs more people, trucking or hvac", "nlu_fallback", confidence=0.5)
    assert people.topics == ("openings",)


def test_another_occupation_with_a_group_word_is_not_the_group(knowledge: Knowledge) -> None:
    """"what about mortgage brokers" after realtors' outlook: a career the bot doesn't have."""
    state = State(career="real-estate-brokers-and-sales-agents", last_topic="outlook")
    decision = run(knowledge, "what about mortgage brokers", "ask_summary", state, confidence=0.94)
    assert decision.kind == "unknown_career"


@pytest.mark.parametrize("text", ["so -3 percent is bad then?", "is minus 3 percent bad? should i not do it",
                                  "what does negative 1 percent even mean"])
def test_a_negative_percent_after_the_outlook_is_explained(knowledge: Knowledge, text: str) -> None:
    state = State(career="quality-control-inspectors", last_topic="outlook")
    decision = run(knowledge, text, "out_of_scope", state, confidence=0.95)
    assert (decision.rule, decision.topics) == ("explain", ("outlook",))

# --- Added after many-careers set 28 and honest set 9 were read (bench/README.md, twenty-first run) ---------------

TRUCKS = "heavy-and-tractor-trailer-truck-drivers"
REALTORS = "real-estate-brokers-and-sales-agents"
BARBERS = "barbers-hairstylists-and-cosmetologists"


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


@pytest.mark.parametrize("text", [
    "by how many jobs is employment of environmental scientists and specialists supposed to grow",
    "by how much will the number of postsecondary teacher jobs go up",
    "how many jobs for nurses will be added or lost, like how much will the number change",
])
def test_a_change_in_the_number_of_jobs_is_the_outlook(knowledge: Knowledge, text: str) -> None:
    """A count question about how the number of jobs changes gets the growth (its answer has "N more jobs")."""
    assert run(knowledge, text, "ask_openings").topics[0] == "outlook"


@pytest.mark.parametrize("text", [
    "how many openings are there for nurses each year",
    "how many nurses are there",
])
def test_a_count_without_a_change_stays_openings(knowledge: Knowledge, text: str) -> None:
    assert run(knowledge, text, "ask_openings").topics == ("openings",)


@pytest.mark.parametrize("text, career", [
    ("how much do brokers make", "real-estate-brokers-and-sales-agents"),
    ("do i need college to work for a newspaper", "reporters-correspondents-and-broadcast-news-analysts"),
    ("how fast are software jobs growing", "software-developers"),
])
def test_short_names_students_use_are_aliases(knowledge: Knowledge, text: str, career: str) -> None:
    assert knowledge.catalog.find(text).careers == (career,)


@pytest.mark.parametrize("text", [
    "my uncle runs a factory",
    "im a junior in high school and my mom works in manufacturing",
    "my brother is majoring in business lol",
])
def test_a_statement_in_a_careers_chat_does_not_start_the_plan(knowledge: Knowledge, text: str) -> None:
    """The career is known (from its page or an earlier question), but the student asked for nothing."""
    decision = run(knowledge, text, "inform", State(career=IPM))
    assert decision.kind != "plan", decision


def test_naming_the_career_in_a_statement_still_starts_its_plan(knowledge: Knowledge) -> None:
    decision = run(knowledge, "im in 10th grade and i want to be an industrial production manager", "inform")
    assert decision.kind == "plan" and decision.careers == (IPM,), decision


def test_chat_spellings_of_what_read_as_what_in_phrase_search() -> None:
    from bot.interpret.words import phrase_finder
    has = phrase_finder("wat do they do, like build bridges?")
    assert has("what do they do") and has("wat do they do") and not has("what do they make")
    assert phrase_finder("wuts their pay")("whats their pay")


@pytest.mark.parametrize("text, word", [
    ("what does escrow mean", "escrow"),
    ("fiduciary means??", "fiduciary"),
    ("bruh what's a stipend exactly", "stipend"),
    ("mise en place whats that", "mise en place"),
])
def test_a_word_the_glossary_lacks_is_said_to_be_missing(knowledge: Knowledge, text: str, word: str) -> None:
    """Not "Sorry, I can't help": the student asked what a word means, and the bot says it has no definition."""
    decision = run(knowledge, text, "out_of_scope")
    assert decision.rule == "unknown_word" and decision.details["unknown_word"] == word, decision


@pytest.mark.parametrize("text", ["what do you mean", "what are the best jobs", "whats your name", "what does it mean"])
def test_other_questions_are_not_word_questions(knowledge: Knowledge, text: str) -> None:
    assert run(knowledge, text, "out_of_scope").rule != "unknown_word"


@pytest.mark.parametrize("text, title", [
    ("what do insurance sales agents earn", "insurance sales agents"),
    ("assembly line worker salary?", "assembly line worker"),
    ("how much does a warehouse manager make", "warehouse manager"),
])
def test_a_title_the_vocabulary_lacks_is_a_career_the_bot_does_not_have(knowledge: Knowledge, text: str,
                                                                        title: str) -> None:
    """Describing words and a job word name a career: "I don't have that", never "which career?" or a guess."""
    decision = run(knowledge, text, "ask_pay")
    assert decision.kind == "unknown_career" and decision.others == (title,), decision


@pytest.mark.parametrize("text", ["how much do managers make", "what do good workers earn",
                                  "how much do my assistant managers make"])
def test_a_job_word_alone_still_asks_which_career(knowledge: Knowledge, text: str) -> None:
    """A job word without words that say which job is no title: the bot asks which career."""
    assert run(knowledge, text, "ask_pay").kind == "which_career"


def test_a_cluster_name_alone_browses_it(knowledge: Knowledge) -> None:
    """"architecture & construction" typed (or tapped) alone: that cluster's careers, whatever the classifier said."""
    decision = run(knowledge, "architecture & construction", "nlu_fallback", confidence=0.2)
    assert (decision.kind, decision.browse, decision.clusters) == ("browse", "cluster", ("Architecture & Construction",))


def test_other_jobs_that_are_like_a_career_are_related(knowledge: Knowledge) -> None:
    decision = run(knowledge, "what other jobs are like being an environmental scientist", "browse_careers")
    assert (decision.kind, decision.browse) == ("browse", "related")


@pytest.mark.parametrize("text, topic", [
    ("im worried self driving trucks will take all the trucking jobs before i get my cdl, truck drivers", "automation"),
])
def test_a_worry_about_a_named_career_gets_what_the_facts_say(knowledge: Knowledge, text: str, topic: str) -> None:
    """A worry naming one career, with nothing else asked but its name, gets the topic its words name."""
    decision = run(knowledge, text, "share_worry")
    assert decision.kind == "worry" and decision.then is not None and decision.then.topics == (topic,), decision


def test_their_topic_right_after_a_comparison_compares_again(knowledge: Knowledge) -> None:
    """"compare truck drivers and EEs" then "what about their outlook": both careers' outlook."""
    state = State(career=NURSES, compared=(NURSES, CHEFS), last_topic="pay")
    decision = run(knowledge, "what about their outlook", "ask_outlook", state)
    assert (decision.kind, decision.topics, set(decision.careers)) == ("compare", ("outlook",), {NURSES, CHEFS})


def test_after_a_switch_which_one_compares_the_two_careers_talked_about(knowledge: Knowledge) -> None:
    """Realtors' pay, then "ok what about hairstylists", then "which 1 has more jobs": both careers' jobs."""
    realtors = "real-estate-brokers-and-sales-agents"
    state = State(career=realtors, last_topic="pay")
    switched = run(knowledge, "ok what about hairstylists", "ask_summary", state, confidence=0.94)
    assert switched.rule == "switch" and switched.careers == (BARBERS,)
    after = next_state(switched, state)
    assert after.compared == (realtors, BARBERS)
    again = run(knowledge, "ok and which 1 has more jobs in the us", "browse_careers", after, confidence=0.93)
    assert again.kind == COMPARE and set(again.careers) == {realtors, BARBERS}
    # the same question with nothing talked about before still lists careers
    assert run(knowledge, "which jobs have the most openings", "browse_careers").kind == "browse"


@pytest.mark.parametrize("text", [
    "thats kinda low. what about just hairstylists and cosmetologists",
    "hmm is that a lot? what about barbers",
])
def test_a_remark_then_what_about_one_job_of_the_group_gets_the_group(knowledge: Knowledge, text: str) -> None:
    """After the barbers' group pay, a remark on it followed by "what about <one job of the group>" asks that job."""
    state = State(career=BARBERS, last_topic="pay")
    decision = run(knowledge, text, "ask_summary", state)
    assert decision.rule == "group" and decision.topics == ("pay",)
    assert run(knowledge, "thats kinda low", "ask_summary", state).rule == "explain"


def test_on_a_page_an_unsure_off_topic_guess_with_a_topic_next_is_that_topic(knowledge: Knowledge) -> None:
    """On the barbers' page "what's the pay and do i need a license" (off-topic 0.53, pay 0.29) gets the pay; a sure
    off-topic message with a pay word ("how do u make slime", 0.91) stays off-topic, and so does the unsure one
    with no career in the chat."""
    page = State(career=BARBERS)
    torn = [("out_of_scope", 0.53), ("ask_pay", 0.29), ("ask_unknown_detail", 0.06)]
    asked = run(knowledge, "what's the pay and do i need a license", "out_of_scope", page, confidence=0.53,
                ranking=torn)
    assert asked.kind == ANSWER and asked.topics[0] == "pay" and asked.careers == (BARBERS,)
    sure = [("out_of_scope", 0.91), ("ask_pay", 0.06)]
    assert run(knowledge, "how do u make slime", "out_of_scope", page, confidence=0.91, ranking=sure).kind \
        == "out_of_scope"
    assert run(knowledge, "what's the pay and do i need a license", "out_of_scope", confidence=0.53,
               ranking=torn).kind == "out_of_scope"


def test_after_a_switch_a_question_for_them_is_about_the_new_career(knowledge: Knowledge) -> None:
    """Environmental scientists, then "what about professors?", then "how many openings each year for them":
    the professors' openings, not both careers (only a choice like "which 1" or "both" asks about the two)."""
    scientists, professors = "environmental-scientists-and-specialists", "postsecondary-teachers"
    state = State(career=scientists, last_topic="openings")
    after = next_state(run(knowledge, "what about professors?", "ask_summary", state), state)
    decision = run(knowledge, "and how many openings each year for them", "ask_openings", after, confidence=1.0)
    assert decision.kind == ANSWER and decision.careers == (professors,)
    both = run(knowledge, "do both need a phd", "ask_education", after)
    assert both.kind == COMPARE and set(both.careers) == {scientists, professors}


@pytest.mark.parametrize("text, intent, browse", [
    ("careers where u only need a high school diploma", "browse_careers", "no_degree"),
    ("which jobs just need a certificate and not a whole degree", "browse_careers", "no_degree"),
    ("whats similar to being an electrical engineer", "ask_summary", "related"),
    ("what do u have for business management and administration", "nlu_fallback", "cluster"),
    ("whats in the education and training cluster", "browse_careers", "cluster"),
])
def test_browsing_asked_in_students_words(knowledge: Knowledge, text: str, intent: str, browse: str) -> None:
    """No degree said as "only a high school diploma", a named career's neighbours, a cluster asked for by name
    (also when the message says "cluster", a word of the glossary)."""
    decision = run(knowledge, text, intent, confidence=0.6)
    assert decision.kind == "browse" and decision.browse == browse, decision


def test_a_career_topic_word_on_a_careers_page_asks_for_that_careers_figure(knowledge: Knowledge) -> None:
    """On the realtors' page "whats the growth outlook" is their outlook; "what does job outlook mean" the word."""
    page = State(career="real-estate-brokers-and-sales-agents")
    assert run(knowledge, "whats the growth outlook", "ask_outlook", page).topics == ("outlook",)
    assert run(knowledge, "what does job outlook mean", "ask_outlook", page).kind == "glossary"


def test_on_a_page_an_unsure_question_its_file_speaks_of_is_looked_up(knowledge: Knowledge) -> None:
    """On the truck drivers' page "what kinda license would i need to do this" (unsure): the file's CDL sentences,
    not "I didn't get that"; with no career in the chat it stays unsure."""
    page = State(career=TRUCKS)
    decision = run(knowledge, "what kinda license would i need to do this", "nlu_fallback", page, confidence=0.5)
    assert decision.rule == "file_lookup" and decision.careers == (TRUCKS,)
    assert run(knowledge, "what kinda license would i need to do this", "nlu_fallback", confidence=0.5).rule \
        != "file_lookup"


def test_a_career_put_aside_is_not_compared(knowledge: Knowledge) -> None:
    """"ok forget nursing, what do truck drivers make" on the nurses' page: the truck drivers' pay alone (set 46)."""
    decision = run(knowledge, "ok forget nursing, what do truck drivers make", "ask_pay", State(career=NURSES))
    assert decision.kind == ANSWER and decision.careers == ("heavy-and-tractor-trailer-truck-drivers",)
    both = run(knowledge, "is it worth going for software dev instead of tech support, pay wise", "ask_pay")
    assert both.kind == COMPARE or len(both.careers) == 1  # "instead of" weighs two careers, it puts none aside


def test_counselors_on_the_counselors_page_are_the_career(knowledge: Knowledge) -> None:
    """"how many counselors r there total" about school counselors: their jobs, not the office's contact."""
    state = State(career="school-and-career-counselors")
    ranking = (("ask_counselor", 0.8), ("ask_openings", 0.15))
    decision = run(knowledge, "how many counselors r there total", "ask_counselor", state, confidence=0.8,
                   ranking=ranking)
    assert decision.kind == ANSWER and decision.careers == ("school-and-career-counselors",)
    asked = run(knowledge, "can i talk to a counselor", "ask_counselor", state, confidence=0.8, ranking=ranking)
    assert asked.rule == "counselor"


def test_one_known_career_against_an_unknown_one_gets_the_topic(knowledge: Knowledge) -> None:
    """"truck driver vs electrician which makes more": the truckers' pay, and that electricians are not known."""
    decision = run(knowledge, "truck driver vs electrician which makes more", "compare_careers", confidence=0.75)
    assert decision.topics == ("pay",) and decision.careers == ("heavy-and-tractor-trailer-truck-drivers",)


def test_neighbours_asked_with_kinda_like(knowledge: Knowledge) -> None:
    decision = run(knowledge, "what else is kinda like electrical engineering", "ask_summary", confidence=0.78)
    assert decision.browse == "related"


def test_a_how_question_read_as_help_on_a_careers_page(knowledge: Knowledge) -> None:
    """"how do u learn this trade" classed "help" on the machinists' page: how to become one."""
    state = State(career="machinists-and-tool-and-die-makers")
    assert run(knowledge, "how do u learn this trade", "help", state).topics == ("how_to_become",)
    assert run(knowledge, "what can you do", "help", state).rule == "small_talk"


def test_counting_people_in_a_comparison(knowledge: Knowledge) -> None:
    decision = run(knowledge, "barbers or reporters which job has more ppl working in it", "nlu_fallback", confidence=0.5)
    assert decision.kind == COMPARE and decision.topics == ("openings",)


@pytest.mark.parametrize("text, browse", [
    ("i love cooking what could i be", "cluster"),
    ("can i get a job working with animals", "cluster"),
    ("what career clusters do you have", "all"),
])
def test_interests_and_clusters_are_browsed(knowledge: Knowledge, text: str, browse: str) -> None:
    """An interest with "what could i be" browses its cluster; "what career clusters" lists what the bot knows."""
    assert run(knowledge, text, "out_of_scope", confidence=0.9).browse == browse


@pytest.mark.parametrize("text, intent, cluster", [
    ("i really like driving and going on road trips, is there a job for that", "nlu_fallback",
     "Transportation, Distribution & Logistics"),
    ("i like writing and finding out whats going on in the world", "out_of_scope",
     "Arts, A/V Technology & Communications"),
    ("i like animals and being outside all day", "out_of_scope", "Agriculture, Food & Natural Resources"),
    ("i like fixing things with my hands, like ac units and stuff", "inform", "Architecture & Construction"),
])
def test_an_interest_told_browses_its_cluster(knowledge: Knowledge, text: str, intent: str, cluster: str) -> None:
    """A student saying what they like, no career named or asked about yet: the careers of that cluster (set 48)."""
    decision = run(knowledge, text, intent, confidence=0.8)
    assert decision.kind == BROWSE and cluster in decision.clusters


def test_an_interest_on_a_careers_page_is_not_a_list(knowledge: Knowledge) -> None:
    """"i like animals" while a career is being talked about is not taken as a request for a list."""
    decision = run(knowledge, "i like animals", "out_of_scope", State(career="registered-nurses"), confidence=0.8)
    assert decision.kind != BROWSE


@pytest.mark.parametrize("text, intent", [
    ("business or engineering, which major is better for this job?", "ask_major"),
    ("is there a plan b if college doesnt work out? like can you become one without a degree", "ask_without_degree"),
    ("i'm planning on community college first. how many years do most of them work before they become managers?",
     "ask_without_degree"),
    ("step 2 of my plan is college lol, which majors do most of them pick", "ask_major"),
])
def test_a_how_to_become_question_is_answered_without_starting_the_plan(knowledge: Knowledge, text: str,
                                                                        intent: str) -> None:
    """A question about the way in or the major is answered; the plan questions wait until a plan is asked for."""
    decision = run(knowledge, text, intent, State(career="industrial-production-manager"), confidence=0.97)
    assert decision.kind == ANSWER and decision.then is None


@pytest.mark.parametrize("text", ["what job do most of them have before they get promoted to manager",
                                  "which position comes just before becoming a plant manager?",
                                  "going for production manager, whats the rung right before it"])
def test_a_question_about_the_workers_path_is_answered_without_starting_the_plan(knowledge: Knowledge,
                                                                                 text: str) -> None:
    """The ladder asked about the workers ("they", "before becoming"): the way in, no plan questions."""
    decision = run(knowledge, text, "ask_how_to_become", State(career="industrial-production-manager"),
                   confidence=0.97)
    assert decision.kind == ANSWER and decision.then is None, decision
    mine = run(knowledge, "how do i become one of them", "ask_how_to_become",
               State(career="industrial-production-manager"), confidence=0.97)
    assert mine.then is not None and mine.then.plan is not None and mine.then.plan.kind == "ask", mine


@pytest.mark.parametrize("text", ["i need a roadmap to become a production manager",
                                  "personalized steps to production manager pls, based on my situation"])
def test_a_how_to_become_question_asking_for_a_plan_starts_it(knowledge: Knowledge, text: str) -> None:
    decision = run(knowledge, text, "ask_how_to_become", confidence=0.9)
    assert decision.then is not None and decision.then.plan is not None and decision.then.plan.kind == "ask"


def test_more_jobs_in_the_future_compares_growth(knowledge: Knowledge) -> None:
    """"are there gonna be more jobs for farmers or env scientists in the future": the outlook, not today's jobs."""
    decision = run(knowledge, "are there gonna be more jobs for farmers or env scientists in the future",
                   "ask_outlook", confidence=1.0)
    assert decision.kind == COMPARE and decision.topics == ("outlook",)


def test_a_pay_period_asked_first_on_a_careers_page_is_that_careers_pay(knowledge: Knowledge) -> None:
    """"wait how much is that per hour" as the first message on the HVAC page: their pay, per hour."""
    career = "heating-air-conditioning-and-refrigeration-mechanics-and-installers"
    decision = run(knowledge, "wait how much is that per hour", "nlu_fallback", State(career=career), confidence=0.5)
    assert decision.kind == ANSWER and decision.topics == ("pay",) and decision.careers == (career,)


def test_a_bigger_job_field_compares_the_number_of_jobs(knowledge: Knowledge) -> None:
    decision = run(knowledge, "which is a bigger job field, reporters or chefs", "nlu_fallback", confidence=0.5)
    assert decision.kind == COMPARE and decision.topics == ("openings",)


@pytest.mark.parametrize("text, intent, state", [
    ("is the 130k for the developers or the testers", "out_of_scope", State(career="software-developers")),
    ("why does it say 130,160 and also 132,270 for software devs", "nlu_fallback", None),
    ("is 99,890 a year or a month", "out_of_scope", State(career="financial-analysts")),
    ("is the 130k for software developers or the testers", "ask_unknown_detail", None),  # as classified over REST
])
def test_a_pay_figure_quoted_back_gets_the_pay_answer(knowledge: Knowledge, text: str, intent: str,
                                                     state: Optional[State]) -> None:
    """The pay answer says whose figure is which and per year (set h30)."""
    decision = run(knowledge, text, intent, state, confidence=0.6)
    assert decision.rule == "quoted_figure" and decision.topics == ("pay",)


def test_a_number_that_is_no_pay_figure_is_not_read_as_one(knowledge: Knowledge) -> None:
    decision = run(knowledge, "i have 130 dollars saved, is that enough", "out_of_scope",
                   State(career="software-developers"), confidence=0.6)
    assert decision.rule != "quoted_figure"


# --- Set 50 (development set since 2026-12-06) ---------------------------------------------------------------


@pytest.mark.parametrize("text, intent, wanted", [
    ("hmm and paramedics? she almost picked that instead lol, she rode along with one in high school",
     "out_of_scope", "emts-and-paramedics"),
    ("what about school counselors? mine is honestly the goat and got me into ap classes", "out_of_scope",
     "school-and-career-counselors"),
    ("now do construction managers, same question, since my dad's a contractor", "ask_work_environment",
     "construction-managers"),
])
def test_a_what_about_clause_before_a_story_asks_the_last_question_again(knowledge: Knowledge, text: str,
                                                                          intent: str, wanted: str) -> None:
    """A short "what about X" clause, then words about the student: the last topic for X."""
    state = State(career="registered-nurses", last_topic="pay")
    decision = run(knowledge, text, intent, state, confidence=0.7)
    assert decision.rule == "switch" and decision.topics == ("pay",)
    assert decision.careers and decision.careers[0].startswith(wanted.split("-")[0])


def test_a_what_about_clause_followed_by_a_question_of_its_own_is_that_question(knowledge: Knowledge) -> None:
    """"what about paramedics? do they need a degree": the education question, not the last topic."""
    state = State(career="registered-nurses", last_topic="pay")
    decision = run(knowledge, "what about paramedics? do they need a degree for it", "ask_education", state)
    assert decision.rule != "switch" and "education" in decision.topics


@pytest.mark.parametrize("text, career, kind, topics", [
    ("how much work experience do you need before they let you do this job? i'm 17",
     "real-estate-brokers-and-sales-agents", "answer", ("education",)),
    ("how much does the school for this cost? like tuition for the program",
     "barbers-hairstylists-and-cosmetologists", "not_known", ()),
    ("total number of jobs for real estate brokers and sales agents, for a pie chart", None, "answer", ("jobs",)),
])
def test_unknown_details_read_by_what_they_ask(knowledge: Knowledge, text: str, career: Optional[str], kind: str,
                                               topics: Tuple[str, ...]) -> None:
    """"how much" of work experience or of a school's cost is no pay question; a long count phrase is a count."""
    decision = run(knowledge, text, "ask_unknown_detail", State(career=career) if career else None, confidence=0.93)
    assert decision.kind == kind
    if topics:
        assert decision.topics[0] in topics + ("openings",)


def test_a_job_of_someone_the_student_knows_is_not_an_unknown_career(knowledge: Knowledge) -> None:
    """"an office like my therapist does" on the psychologists' page: a person, not a career the bot lacks."""
    decision = run(knowledge, "where do they work? can they have their own office like my therapist does",
                   "ask_work_environment", State(career="psychologists"), confidence=1.0)
    assert decision.kind == "answer" and decision.careers == ("psychologists",)


def test_is_that_hourly_or_per_year_after_a_lead_in_is_about_the_pay(knowledge: Knowledge) -> None:
    """"hold up is that hourly or per yr" right after lawyers' pay: the pay again, with its period."""
    state = State(career="lawyers", last_topic="pay")
    decision = run(knowledge, "hold up is that hourly or per yr", "nlu_fallback", state, confidence=0.5,
                   ranking=(("nlu_fallback", 0.5), ("ask_pay", 0.4)))
    assert decision.rule == "pay_follow_up" and decision.topics == ("pay",)


def test_takes_home_asks_the_pay(knowledge: Knowledge) -> None:
    """"brokers vs plain agents, who takes home more": the pay of both jobs of the group."""
    decision = run(knowledge, "real estate brokers vs plain agents, who takes home more", "nlu_fallback",
                   confidence=0.5, ranking=(("nlu_fallback", 0.5), ("ask_pay_factors", 0.38), ("ask_pay", 0.2)))
    assert "pay" in decision.topics


@pytest.mark.parametrize("text, worry", [
    ("report cards drop friday and i have a 54 in algebra 1, my mom is gonna flip out on me fr", "grades"),
    ("kids in 7th period keep mooing at me bc i said i wanna run a farm someday", "bullying"),
    ("no way we can afford a 4 year school. which of ur careers dont need one?", "money"),
    ("i have a pretty bad stutter. would selling houses even work for me", "doubted"),
    ("first gen here and my family doesn't get why i want to be a college professor", "parents"),
])
def test_more_worries_are_heard(knowledge: Knowledge, text: str, worry: str) -> None:
    """Set h31's worries: a report card, mooing, an unaffordable four-year school, a stutter, a family that doesn't get it."""
    from bot.interpret.worries import worry_in

    assert worry_in(text) == worry
    assert run(knowledge, text, "out_of_scope", confidence=0.9).kind == "worry"


# --- Added after many-careers set 51 and honest set 32 were read (bench/README.md, forty-seventh run) -------------
@pytest.mark.parametrize("career, text, intent, topic", [
    ("quality-control-inspectors", "my teacher showed us -3% for inspectors, does that mean theyre done hiring",
     "out_of_scope", "outlook"),
    ("farmers-ranchers-and-other-agricultural-managers", "negative one percent for ranchers, is that bad",
     "nlu_fallback", "outlook"),
    ("heavy-and-tractor-trailer-truck-drivers", "54,320 seems ok but is that good next to most jobs",
     "ask_outlook", "pay"),
])
def test_a_figure_of_the_career_quoted_back_is_explained(knowledge: Knowledge, career: str, text: str, intent: str,
                                                        topic: str) -> None:
    """As the first message on a career's page, a growth or pay figure of its file quoted back gets it explained."""
    decision = run(knowledge, text, intent, State(career=career), confidence=0.9)
    assert (decision.rule, decision.topics) == ("explain", (topic,)), decision


def test_a_figure_the_file_does_not_have_is_not_explained(knowledge: Knowledge) -> None:
    """"is 12 percent good" on the inspectors' page (their growth is -3 percent): not their figure."""
    decision = run(knowledge, "is 12 percent good", "out_of_scope", State(career="quality-control-inspectors"),
                   confidence=0.9)
    assert decision.rule != "explain"


@pytest.mark.parametrize("text", [
    "my family is broke and culinary school seems crazy expensive, how do chefs get trained",
    "got rejected from two colleges already, can i still become a nurse without one",
    "a guy in my class said girls arent wired for coding, what do software developers make",
])
def test_a_worry_told_with_a_career_question_is_heard(knowledge: Knowledge, text: str) -> None:
    decision = run(knowledge, text, "ask_how_to_become", confidence=0.7)
    assert decision.kind == "worry" and decision.then is not None, decision


def test_what_a_school_costs_stays_unknown_after_a_money_worry(knowledge: Knowledge) -> None:
    """"what does the training for chefs cost, were kinda broke": the worry is heard; no file gives a cost."""
    decision = run(knowledge, "what does the training for chefs cost, were kinda broke rn", "ask_unknown_detail")
    assert decision.kind == "worry" and decision.then is not None and decision.then.kind == "not_known", decision


@pytest.mark.parametrize("text, place", [
    ("how much do chefs make a year? my family runs a diner in ohio", None),
    ("how much do chefs make in ohio?", "ohio"),
    ("i live in ohio, what do chefs make there", "ohio"),
    ("how much do chefs make? in ohio", "ohio"),
    ("pay for environmental scientists in denver specifically?", "denver"),
    ("what do chefs get paid in new orleans", "new orleans"),
    ("how much do lawyers make in LA", "LA"),
])
def test_a_place_in_the_story_is_not_the_place_asked(text: str, place: Optional[str]) -> None:
    """A place told in a sentence of its own is the student's story; the pay asked is the national median."""
    from bot.interpret.words import pay_words

    assert pay_words().place(text) == place


def test_a_vehicle_names_its_drivers(knowledge: Knowledge) -> None:
    decision = run(knowledge, "if i drove an 18-wheeler how much would i make an hour", "ask_pay")
    assert decision.careers == ("heavy-and-tractor-trailer-truck-drivers",) and decision.topics == ("pay",)


@pytest.mark.parametrize("text", [
    "ive been helping in my aunts kitchen every summer and wanna be a chef someday. what do chefs make in a year",
    "i love being outside and want to be a farmer, whats the median wage for farmers",
])
def test_a_wish_then_a_question_without_a_question_mark_gets_the_answer(knowledge: Knowledge, text: str) -> None:
    """A later sentence or clause that opens like a question asks it, "?" or not (after the retraining of run 47)."""
    decision = run(knowledge, text, "want_career", confidence=0.95)
    assert decision.kind == ANSWER and decision.topics[:1] == ("pay",), decision


def test_asking_for_the_plan_in_a_clause_still_starts_it(knowledge: Knowledge) -> None:
    decision = run(knowledge, "i wanna be a production manager, can u make me a plan", "want_career", confidence=0.95)
    assert decision.kind != ANSWER or decision.topics[:1] != ("pay",), decision


@pytest.mark.parametrize("text, intent", [
    ("whats the price of beauty school usually", "ask_pay"),
    ("how much is tuition for nursing school", "ask_pay"),
])
def test_what_school_costs_is_no_pay_question(knowledge: Knowledge, text: str, intent: str) -> None:
    """No file has prices, and a pay figure is no answer to what school costs."""
    from bot.answers.facts import pay
    from bot.interpret.words import pay_words

    assert pay_words().cost(text)
    career = knowledge.careers["registered-nurses"]
    reply = pay(career, None, PayQuery(cost=True)) or ""
    assert "81,220" not in reply and "don't have" in reply


@pytest.mark.parametrize("text", [
    "nurse practitioner salary? i heard its way more than regular nurses",
    "whats the pay for an LPN? my aunt says its faster than RN school",
])
def test_an_unknown_job_asked_beside_a_known_one_in_a_story_gets_no_figure(knowledge: Knowledge, text: str) -> None:
    """The question names a job the bot has no file for; the known career is only the student's story."""
    decision = run(knowledge, text, "ask_pay")
    assert decision.kind == "unknown_career" and not decision.careers, decision


@pytest.mark.parametrize("text, intent", [
    ("do engineers need some kind of license to work", "ask_unknown_detail"),
    ("are technicians on call at night or weekends", "ask_unknown_detail"),
    ("how much do specialists make? my counselor said specialist jobs are good", "ask_pay"),
])
def test_a_word_several_careers_end_in_asks_which_career(knowledge: Knowledge, text: str, intent: str) -> None:
    """"engineers" alone is civil, electrical or industrial engineers: which one, not "I don't know"."""
    assert run(knowledge, text, intent).kind == "which_career"


def test_an_unknown_title_ending_in_a_shared_word_is_still_unknown(knowledge: Knowledge) -> None:
    assert run(knowledge, "what do insurance sales agents earn", "ask_pay").kind == "unknown_career"


def test_those_two_after_a_second_career_asked_compares_both(knowledge: Knowledge) -> None:
    """One career's answer, then another's asked with a topic: "which of those two" compares the two."""
    first = run(knowledge, "what do truck drivers do all day", "ask_duties")
    state = next_state(first, State())
    second = run(knowledge, "and what about barbers, how long is school", "ask_education", state)
    state = next_state(second, state)
    assert set(state.compared) == {TRUCKS, BARBERS}
    again = run(knowledge, "ok which of those two gets the bigger paycheck", "ask_pay", state)
    assert again.kind == COMPARE and set(again.careers) == {TRUCKS, BARBERS}, again


@pytest.mark.parametrize("text", [
    "are they allowed to run red lights when the ambulance is going",
    "can i open my own office doing this someday",
])
def test_an_off_topic_guess_about_the_job_talked_about_is_looked_up(knowledge: Knowledge, text: str) -> None:
    """In a career's chat, a question about the job the classifier calls off-topic: the file, never "can't help"."""
    state = State(career="emts-and-paramedics")
    decision = run(knowledge, text, "out_of_scope", state)
    assert decision.kind == "not_known" and decision.careers == ("emts-and-paramedics",), decision


def test_an_off_topic_message_in_a_careers_chat_stays_off_topic(knowledge: Knowledge) -> None:
    decision = run(knowledge, "is it going to rain tomorrow", "out_of_scope", State(career="emts-and-paramedics"))
    assert decision.kind != "not_known", decision


# --- Added after many-careers set 55 and honest set 36 were read (bench/README.md, fiftieth run) -----------------
@pytest.mark.parametrize("text, level", [
    ("what do nurses get paid when they first start out", "starting"),
    ("pay for a rookie chef?", "starting"),
    ("how much does a lawyer with no experience make", "starting"),
    ("what's the top salary for lawyers", "top"),
])
def test_the_pay_level_asked_is_named_by_its_level(knowledge: Knowledge, text: str, level: str) -> None:
    """Many ways to ask for starting pay are one level, "starting", which the reply names; top pay is "top"."""
    assert run(knowledge, text, "ask_pay").pay.level == level


def test_the_word_after_a_career_name_is_not_a_second_question(knowledge: Knowledge) -> None:
    """"is the nursing field growing and how many openings": outlook and openings, not a question about a major."""
    decision = run(knowledge, "is the registered nurse field growing and how many openings each year", "ask_openings",
                   ranking=(("ask_openings", 0.95), ("ask_outlook", 0.01), ("ask_pay", 0.01)))
    assert set(decision.topics) == {"openings", "outlook"}, decision


@pytest.mark.parametrize("text, ranking", [
    ("how much do technicians get paid", (("nlu_fallback", 0.5), ("ask_pay", 0.45), ("ask_pay_factors", 0.3))),
    ("what schooling does an agent need", (("nlu_fallback", 0.5), ("ask_education", 0.4), ("ask_skills", 0.3))),
])
def test_an_unsure_question_about_a_shared_title_word_asks_which_career(
        knowledge: Knowledge, text: str, ranking: Tuple[Tuple[str, float], ...]) -> None:
    """The classifier unsure, a word several careers' titles end in read as "they": which career, not "didn't get"."""
    assert run(knowledge, text, "nlu_fallback", confidence=0.5, ranking=ranking).kind == "which_career"


@pytest.mark.parametrize("text, worry", [
    ("my mom can barely pay the rent so how would i even do college", "money"),
    ("i dont think i will get in to any good school, what do civil engineers need", "college"),
    ("my grandma says i'm wasting my time with art, do graphic stuff jobs pay", "doubted"),
    ("my dad will only pay for college if i do business", "parents"),
])
def test_worries_of_set_h36_kinds_are_heard(text: str, worry: str) -> None:
    from bot.interpret.worries import worry_in

    assert worry_in(text) == worry


def test_basically_nothing_after_a_growth_figure_is_explained(knowledge: Knowledge) -> None:
    state = State(career="machinists-and-tool-and-die-makers", last_topic="outlook")
    assert run(knowledge, "wait so 1 percent is pretty much nothing?", "out_of_scope", state).rule == "explain"


def test_now_do_another_career_after_an_answer_is_a_switch(knowledge: Knowledge) -> None:
    """"now do chefs" after the openings, the classifier unsure it's a wish: the openings for chefs, no plan."""
    state = State(career="registered-nurses", last_topic="openings")
    decision = run(knowledge, "ok now do chefs", "want_career", state, confidence=0.55)
    assert decision.rule == "switch" and decision.topics == ("openings",), decision
    assert run(knowledge, "now i want to be a chef", "want_career", state, confidence=0.55).rule != "switch"


def test_a_worry_with_a_figure_question_gets_the_figure(knowledge: Knowledge) -> None:
    """Bullied for wanting a job, then "does it even grow?": the outlook after the worry, not a look-up in the file."""
    text = "people make fun of me for wanting to be a chef. does that job even grow"
    decision = run(knowledge, text, "share_worry", confidence=0.5,
                   ranking=(("share_worry", 0.5), ("nlu_fallback", 0.5), ("ask_unknown_detail", 0.3)))
    assert decision.kind == "worry" and decision.then is not None, decision
    assert decision.then.topics == ("outlook",), decision.then


@pytest.mark.parametrize("text, intent, title", [
    ("how much does a pallet jack driver make", "ask_pay", "pallet jack driver"),
    ("do house appraisers make good money", "ask_pay", "house appraisers"),
    ("what does a rooftop panel installer earn", "ask_pay", "rooftop panel installer"),
])
def test_titles_the_vocabulary_lacks_are_careers_the_bot_has_no_file_for(knowledge: Knowledge, text: str,
                                                                         intent: str, title: str) -> None:
    """Set 56: describing words and a job word ("driver", "appraiser", "installer") are a job, not "which career?"."""
    decision = run(knowledge, text, intent)
    assert decision.kind == "unknown_career" and decision.others == (title,), decision


def test_pay_asked_with_a_degree_or_fresh_out_of_school_is_a_level_the_files_lack(knowledge: Knowledge) -> None:
    with_degree = run(knowledge, "what do psychologists make with a masters", "ask_pay")
    assert with_degree.pay is not None and with_degree.pay.level == "degree-by-degree", with_degree
    fresh = run(knowledge, "how much do nurses make straight out of nursing school", "ask_pay")
    assert fresh.pay is not None and fresh.pay.level == "starting", fresh


def test_an_employer_paying_for_training_is_a_cost_not_the_wage(knowledge: Knowledge) -> None:
    decision = run(knowledge, "will the company pay for your training if you become a truck driver",
                   "ask_unknown_detail")
    assert decision.rule == "unknown_cost", decision
    assert run(knowledge, "what's the pay for school counselors", "ask_pay").rule != "unknown_cost"


def test_what_a_career_makes_and_a_second_question_is_the_pay_first(knowledge: Knowledge) -> None:
    decision = run(knowledge, "tell me what a chef makes and how they get started", "ask_summary",
                   confidence=0.9, ranking=(("ask_summary", 0.9), ("ask_how_to_become", 0.05)))
    assert decision.topics[:1] == ("pay",), decision


def test_a_comparison_of_which_field_expands_faster_is_the_growth(knowledge: Knowledge) -> None:
    decision = run(knowledge, "nurse vs chef which field is expanding more", "ask_outlook", confidence=0.5,
                   ranking=(("ask_outlook", 0.5), ("compare_careers", 0.4)))
    assert decision.kind == "compare" and decision.topics[:1] == ("outlook",), decision


def test_growth_words_quoted_back_or_how_long_after_a_growth_figure_are_explained(knowledge: Knowledge) -> None:
    state = State(career="registered-nurses", last_topic="outlook")
    quoted = run(knowledge, "faster than average... ok but is that actually good or bad for me", "out_of_scope", state)
    assert quoted.rule == "explain", quoted
    assert run(knowledge, "6 percent over how many years tho", "nlu_fallback", state, confidence=0.5).rule == "explain"


def test_the_pay_of_all_jobs_together_is_the_all_occupations_median(knowledge: Knowledge) -> None:
    decision = run(knowledge, "what does the average worker make in america", "ask_pay")
    assert decision.kind == "which_career" and decision.details.get("all_jobs") == "pay", decision
    assert not run(knowledge, "how much do they make", "ask_pay").details.get("all_jobs")


def test_what_else_is_like_a_named_career_lists_its_neighbours(knowledge: Knowledge) -> None:
    decision = run(knowledge, "what else is like being a chef", "ask_summary")
    assert decision.kind == "browse" and decision.browse == "related", decision


def test_a_statement_about_a_career_then_a_question_gets_the_answer(knowledge: Knowledge) -> None:
    """Set 56: "thinking about ... driving big rigs, whats the money like" (read as a statement): the pay, no way in."""
    decision = run(knowledge, "been thinking about becoming a barber after high school, whats the money like",
                   "inform", confidence=0.9)
    assert decision.kind == "answer" and decision.topics == ("pay",), decision


def test_a_detail_and_a_topic_in_one_message_get_both(knowledge: Knowledge) -> None:
    decision = run(knowledge, "do lawyers need to know latin and whats their salary", "nlu_fallback",
                   confidence=0.5, ranking=(("nlu_fallback", 0.5), ("ask_unknown_detail", 0.45), ("ask_pay", 0.2)))
    assert "pay" in decision.topics, decision


def test_picking_a_pathway_without_knowing_which_is_a_worry() -> None:
    from bot.interpret.worries import worry_in

    assert worry_in("we have to choose a pathway for 9th grade and i dont know what to pick") == "stress"


def test_what_does_one_of_a_shared_title_word_do_asks_which_career(knowledge: Knowledge) -> None:
    """"what does an analyst do": several careers' titles end in it, so which one, not "I didn't get that"."""
    decision = run(knowledge, "what does an analyst do", "nlu_fallback", confidence=0.5,
                   ranking=(("nlu_fallback", 0.5), ("ask_summary", 0.4), ("out_of_scope", 0.35)))
    assert decision.kind == "which_career" and decision.topics == ("summary",), decision


@pytest.mark.parametrize("text", [
    "just started caring about school this year, is it too late to become a nurse",
    "i failed two classes last year, can i still be a lawyer?",
    "my gpa is bad, am i doomed for civil engineering",
])
def test_a_worry_whether_a_career_is_still_open_gets_the_way_in(knowledge: Knowledge, text: str) -> None:
    decision = run(knowledge, text, "share_worry", confidence=0.9,
                   ranking=(("share_worry", 0.9), ("ask_outlook", 0.05), ("ask_summary", 0.03)))
    assert decision.kind == "worry" and decision.then is not None, decision
    assert decision.then.topics == ("how_to_become",), decision.then


@pytest.mark.parametrize("text, state", [
    ("engineer vs lawyer, who makes more", State()),
    ("is being an agent hard to get into", State()),
    ("what about managers, are they growing?", State(career="chefs-and-head-cooks")),
])
def test_a_title_word_several_careers_end_with_asks_which_one(knowledge: Knowledge, text: str, state: State) -> None:
    """Said alone, "engineer" or "managers" names no one career: which one, with the careers as choices."""
    decision = run(knowledge, text, "nlu_fallback", state, confidence=0.5,
                   ranking=(("nlu_fallback", 0.5), ("ask_pay", 0.4), ("ask_outlook", 0.3)))
    assert decision.kind == "which_career" and len(decision.details["options"].split(",")) >= 2, decision


@pytest.mark.parametrize("text, intent", [
    ("what do you need to study to be an engineer", "ask_education"),
    ("do i need college to become a manager", "ask_without_degree"),
    ("is engineering a field that's growing", "ask_outlook"),
])
def test_becoming_a_title_word_or_its_field_growing_asks_which_one(knowledge: Knowledge, text: str,
                                                                   intent: str) -> None:
    decision = run(knowledge, text, intent, confidence=0.9)
    assert decision.rule == "ambiguous_title", decision


@pytest.mark.parametrize("reply, career", [
    ("the civil kind, like bridges", "civil-engineers"),
    ("construction i think", "construction-managers"),
    ("um the financial ones", "financial-analysts"),
])
def test_a_word_of_one_listed_title_picks_it(knowledge: Knowledge, reply: str, career: str) -> None:
    """After "Which career do you mean by 'engineers'?", a word only one title has picks that career."""
    asked = run(knowledge, "what do engineers and managers and analysts make", "ask_pay", confidence=0.9)
    state = next_state(Decision("ambiguous_title", "which_career", topics=("pay",)), State())
    decision = run(knowledge, reply, "inform", state, confidence=0.8)
    assert asked.kind == "which_career"
    assert decision.kind == ANSWER and decision.careers == (career,) and decision.topics == ("pay",), decision


def test_a_word_two_titles_share_picks_neither(knowledge: Knowledge) -> None:
    state = next_state(Decision("ambiguous_title", "which_career", topics=("pay",)), State())
    decision = run(knowledge, "the industrial one", "inform", state, confidence=0.8)
    assert decision.careers == (), decision


def test_the_careers_with_the_most_workers_are_browsed(knowledge: Knowledge) -> None:
    decision = run(knowledge, "out of all the careers which one has the most workers", "ask_unknown_detail",
                   confidence=0.6)
    assert decision.kind == BROWSE and decision.browse == "most_jobs", decision


def test_an_amount_of_a_kind_of_pay_is_asked_apart_from_whether_they_get_it(knowledge: Knowledge) -> None:
    amount = run(knowledge, "how much do realtors usually get in commission", "ask_pay", confidence=0.9)
    whether = run(knowledge, "do realtors get paid on commission", "ask_pay", confidence=0.9)
    assert amount.pay.kind == "commission" and amount.pay.amount, amount
    assert whether.pay.kind == "commission" and not whether.pay.amount, whether


def test_what_they_make_after_another_question_is_the_pay(knowledge: Knowledge) -> None:
    decision = run(knowledge, "where do lawyers work and what do they make", "ask_products", confidence=0.9)
    assert "pay" in decision.topics and "products" not in decision.topics, decision


def test_how_much_school_is_one_question_not_the_pay_too(knowledge: Knowledge) -> None:
    decision = run(knowledge, "ok and how much school do they need", "ask_education", State(career="lawyers"),
                   confidence=0.99, ranking=(("ask_education", 0.99), ("ask_pay", 0.005)))
    assert decision.topics == ("education",), decision


@pytest.mark.parametrize("text, state", [
    ("how much do hvac techs make", State()),
    ("can truck drivers move up to like a manager later on", State()),
    ("can they get promoted to like a manager", State(career="emts-and-paramedics")),
    ("how much does a warehouse manager make", State()),
    ("what do managers make", State(career=IPM)),
    ("should i study engineering or business for this", State(career=IPM)),
])
def test_a_title_word_that_is_part_of_a_name_or_a_promotion_is_not_asked_back(knowledge: Knowledge, text: str,
                                                                               state: State) -> None:
    decision = run(knowledge, text, "ask_pay", state, confidence=0.9)
    assert decision.rule != "ambiguous_title", decision


@pytest.mark.parametrize("text, browse", [
    ("which job has the most openings every year out of all of them", "most_openings"),
    ("which careers need a masters degree or more", "graduate"),
    ("what job pays the most out of all of them", "top_pay"),
    ("wich trades can i do w/o a 4 year degree", "no_degree"),
])
def test_superlatives_and_filters_over_all_careers_are_browsed(knowledge: Knowledge, text: str, browse: str) -> None:
    decision = run(knowledge, text, "browse_careers", confidence=0.9)
    assert decision.kind == "browse" and decision.browse == browse, decision


def test_the_fastest_growing_job_without_a_degree_is_both_filters(knowledge: Knowledge) -> None:
    decision = run(knowledge, "whats the fastest growing job you know of that doesnt need a degree", "browse_careers",
                   confidence=0.99)
    assert decision.browse == "fastest" and decision.details.get("only") == "no_degree", decision


def test_jobs_besides_a_named_career_are_its_neighbours(knowledge: Knowledge) -> None:
    decision = run(knowledge, "what healthcare jobs do u know besides nursing", "browse_careers", confidence=0.95)
    assert decision.kind == "browse" and decision.browse == "related", decision


def test_a_career_corrected_with_not_is_dropped(knowledge: Knowledge) -> None:
    state = State(career="heavy-and-tractor-trailer-truck-drivers", last_topic="pay")
    decision = run(knowledge, "nah i meant realtors not truckers, what do they earn", "ask_pay", state,
                   confidence=0.93)
    assert decision.careers == ("real-estate-brokers-and-sales-agents",), decision


def test_how_it_stacks_up_against_another_career_compares_the_overview(knowledge: Knowledge) -> None:
    decision = run(knowledge, "ok and how does it stack up against lawyers", "ask_summary",
                   State(career="software-developers"), confidence=0.56)
    assert decision.kind == "compare" and set(decision.topics) == {"pay", "outlook", "education"}, decision


def test_the_median_asked_after_a_pay_answer_is_the_pay(knowledge: Knowledge) -> None:
    decision = run(knowledge, "ok then whats the median", "out_of_scope", State(career="lawyers", last_topic="pay"),
                   confidence=0.72)
    assert decision.topics == ("pay",) and decision.careers == ("lawyers",), decision


def test_a_question_after_a_statement_about_a_career_is_not_a_plan(knowledge: Knowledge) -> None:
    decision = run(knowledge, "im in 9th grade and im good at math, do production managers use math a lot",
                   "inform", confidence=0.68)
    assert decision.kind == "not_known" and decision.plan is None, decision
    decision = run(knowledge, "my plan is to get a job right after high school, can i still become a production "
                   "manager without a degree?", "ask_without_degree", confidence=1.0)
    assert decision.then is None, decision


def test_a_question_after_lol_is_the_question(knowledge: Knowledge) -> None:
    decision = run(knowledge, "i have no plan for my future lol what do chefs even do", "want_career",
                   confidence=0.94)
    assert decision.topics[:1] in {("summary",), ("duties",)}, decision


def test_a_worry_then_a_pay_question_gets_the_pay(knowledge: Knowledge) -> None:
    decision = run(knowledge, "my parents said if i dont become a lawyer im wasting my life. what do lawyers even make",
                   "share_worry", confidence=0.87, ranking=(("share_worry", 0.87), ("ask_summary", 0.01)))
    assert decision.kind == "worry" and decision.then is not None and decision.then.topics == ("pay",), decision


def test_tell_me_about_a_career_after_an_interest_is_what_the_job_is(knowledge: Knowledge) -> None:
    decision = run(knowledge, "i like animals and being outside, tell me about ranchers", "ask_work_environment",
                   confidence=0.85)
    assert decision.topics[:1] == ("summary",), decision
    decision = run(knowledge, "do ranchers work outside a lot, tell me about that", "ask_work_environment",
                   confidence=0.85)
    assert decision.topics[:1] == ("work_environment",), decision


# Worries of later sets, one table: a new set's kinds are added here, not as a new test.
@pytest.mark.parametrize("text, intent, kind", [
    # set 41
    ("my teachers keep comparing... everyone compares me to my sister. what do nurses make", "ask_pay", "parents"),
    ("i bombed my chem final, do pharmacists need chem", "ask_education", "grades"),
    ("i can barely keep up in algebra, do civil engineers use math", "ask_unknown_detail", "grades"),
    ("moneys tight at home, do chefs need college", "ask_without_degree", "money"),
    ("been feeling down since my team lost, what do reporters make", "ask_pay", "stress"),
    ("so much pressure to pick a major, what do industrial engineers study", "ask_major", "stress"),
    # set 40
    ("my mom says its nursing or nothing, but i like cooking. what do chefs make", "ask_pay", "parents"),
    ("my abuelo wants me to take over his shop but what do electricians make", "ask_pay", "parents"),
    ("my cousin says i have to pick a career this year or ill be behind. do lawyers need law school",
     "ask_education", "parents"),
    ("no way im getting into a 4 year school, do chefs need a degree", "ask_without_degree", "college"),
    ("we can't pay for a lot of college, how much school do psychologists need", "ask_education", "money"),
    ("my family needs me working as soon as i graduate, do truck drivers need college", "ask_without_degree",
     "money"),
    # set 39
    ("some juniors keep mocking my code in class, what do software developers make", "ask_pay", "bullying"),
    ("my coach said girls arent cut out for construction management, is that true", "ask_unknown_detail", "doubted"),
    ("got a 61 on my chem test... can i still be a nurse", "ask_unknown_detail", "grades"),
    ("algebra is killing me this semester but i like building stuff, what do civil engineers study", "ask_major",
     "grades"),
    ("worried ill never get into law school, do lawyers need a special degree", "ask_education", "stress"),
])
def test_worries_of_later_sets_kinds_are_heard_with_the_question(knowledge: Knowledge, text: str, intent: str,
                                                                 kind: str) -> None:
    decision = run(knowledge, text, intent, confidence=0.8)
    assert decision.kind == "worry" and decision.details.get("worry") == kind, decision


def test_these_managers_on_a_managers_page_are_that_career_not_which_engineer(knowledge: Knowledge) -> None:
    decision = run(knowledge, "my uncle is an engineer at a mill, how much do these managers make", "ask_pay",
                   State(career=IPM), confidence=0.9)
    assert decision.rule != "ambiguous_title" and decision.careers == (IPM,), decision


def test_asking_whether_a_figure_is_old_points_back_at_it(knowledge: Knowledge) -> None:
    state = State(career="lawyers", last_topic="pay")
    decision = run(knowledge, "is that old or from this year", "out_of_scope", state, confidence=0.6)
    assert decision.kind == ANSWER and decision.topics == ("pay",), decision


def test_a_worrys_last_question_sentence_is_answered(knowledge: Knowledge) -> None:
    decision = run(knowledge, "im stressed all the time, would being a nurse make it worse? what are their hours like",
                   "ask_unknown_detail", confidence=0.7)
    assert decision.kind == "worry" and decision.then is not None, decision
    assert "work_environment" in decision.then.topics, decision


def test_a_title_word_in_a_story_then_a_question_asks_which(knowledge: Knowledge) -> None:
    decision = run(knowledge, "my aunt is an engineer and says its hard, what do engineers do", "share_worry",
                   confidence=0.54)
    assert decision.kind == "which_career" and decision.topics == ("summary",), decision


def test_a_ranking_over_a_title_word_is_among_its_careers(knowledge: Knowledge) -> None:
    decision = run(knowledge, "which engineer earns the most money", "ask_pay", confidence=0.52)
    assert decision.kind == BROWSE and decision.browse == "top_pay", decision
    assert "civil-engineers" in decision.careers and "lawyers" not in decision.careers, decision


def test_a_negative_growth_quoted_without_percent_is_explained(knowledge: Knowledge) -> None:
    decision = run(knowledge, "hold on, -3 means what", "out_of_scope",
                   State(career="quality-control-inspectors", last_topic="outlook"), confidence=0.6)
    assert decision.kind == "explain" and decision.topics == ("outlook",), decision


def test_a_figure_counts_as_one_word_in_a_follow_up(knowledge: Knowledge) -> None:
    decision = run(knowledge, "$95,890 for a civil engineer... is that good next to other jobs",
                   "ask_outlook", State(career="civil-engineers"), confidence=0.99)
    assert decision.kind == "explain" and decision.topics == ("pay",), decision


@pytest.mark.parametrize("text, intent, topic", [
    ("my cousin drives a semi, what does that job even involve", "ask_unknown_detail", "summary"),
    ("what do nurses do and whats the test they have to take", "nlu_fallback", "how_to_become"),
    ("are there a lot of lawyers out there or is it a rare job", "nlu_fallback", "openings"),
])
def test_topic_phrases_of_set_58s_kinds(knowledge: Knowledge, text: str, intent: str, topic: str) -> None:
    decision = run(knowledge, text, intent, confidence=0.55, ranking=((intent, 0.55), ("ask_summary", 0.3)))
    assert topic in decision.topics, decision


def test_a_comparison_with_a_job_the_bot_lacks_gives_the_known_ones_overview(knowledge: Knowledge) -> None:
    decision = run(knowledge, "compare lawyers and judges", "compare_careers", confidence=0.99)
    assert decision.careers == ("lawyers",) and set(decision.topics) == {"pay", "outlook", "education"}, decision


def test_these_before_a_title_word_means_the_career_talked_about(knowledge: Knowledge) -> None:
    state = State(career="heating-air-conditioning-and-refrigeration-mechanics-and-installers")
    decision = run(knowledge, "how much do these techs make", "ask_pay", state, confidence=0.9)
    assert decision.careers == (state.career,) and decision.topics == ("pay",), decision


@pytest.mark.parametrize("text, intent", [
    ("what careers are in the health science cluster", "ask_career_cluster"),
    ("i want a job with computers or tech", "nlu_fallback"),
])
def test_a_cluster_asked_by_name_or_a_job_with_something_lists_the_cluster(knowledge: Knowledge, text: str,
                                                                            intent: str) -> None:
    decision = run(knowledge, text, intent, confidence=0.6)
    assert decision.kind == BROWSE and decision.browse == "cluster" and decision.clusters, decision


def test_tell_me_about_a_job_the_bot_lacks_says_so(knowledge: Knowledge) -> None:
    decision = run(knowledge, "tell me about pilots, i love planes", "nlu_fallback", confidence=0.5)
    assert decision.kind == "unknown_career" and decision.others, decision


def test_this_or_another_career_on_a_careers_page_compares_them(knowledge: Knowledge) -> None:
    decision = run(knowledge, "would i earn more doing this or being a nurse", "ask_pay", State(career="chefs-and-head-cooks"),
                   confidence=0.95)
    assert decision.kind == COMPARE and set(decision.careers) == {"chefs-and-head-cooks", "registered-nurses"}, decision


def test_a_change_of_mind_after_plan_answers_is_the_plans_not_a_worry(knowledge: Knowledge) -> None:
    state = State(career="industrial-production-manager",
                  pathway=PathwayState(career="industrial-production-manager", answers={"stage": "high_school"}))
    decision = run(knowledge, "wait i changed my mind, i think im more of an engineering person", "share_worry",
                   state, confidence=0.85)
    assert decision.kind == "plan", decision


def test_what_else_is_in_this_field_lists_the_neighbours(knowledge: Knowledge) -> None:
    decision = run(knowledge, "ok what else is in this field", "ask_career_cluster", State(career="lawyers"),
                   confidence=0.99)
    assert decision.kind == BROWSE and decision.browse == "related", decision
