"""Answers built from the career files: every figure is the career's own, dated and sourced; gaps are honest."""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Set

import pytest

from bot.answers import facts
from bot.answers.render import Context, render
from bot.interpret.decision import ANSWER, BROWSE, COMPARE, Decision, PayQuery
from bot.knowledge.loader import load_all, load_general
from bot.knowledge.models import Career
from bot.knowledge.topics import TOPICS

CAREERS = load_all()
GENERAL = load_general()
FIGURE = re.compile(r"\$[\d,]+(?:\.\d+)?|\b\d{1,3}(?:,\d{3})+\b")


def figures_of(career: Career) -> Set[str]:
    """Every figure of a career file as the answers write it ($81,220, $39.05, 193,100)."""
    found: Set[str] = set()
    wages = ([career.pay.median] if career.pay and career.pay.median else []) + (career.pay.groups if career.pay else [])
    for wage in wages:
        if wage.annual:
            found.add(facts.money(wage.annual))
        if wage.hourly:
            found.add(facts.money(wage.hourly, hourly=True))
    if career.jobs:
        found.add(f"{career.jobs.count:,}")
    if career.outlook and career.outlook.openings:
        found.add(f"{career.outlook.openings.per_year:,}")
    if career.outlook and career.outlook.change:
        found.add(f"{abs(career.outlook.change.count):,}")
    return found


def general_figures() -> Set[str]:
    wage = GENERAL.all_occupations_median
    return {facts.money(wage.annual)} if wage and wage.annual else set()


def answer_text(career_id: str, topics, pay: Optional[PayQuery] = None) -> str:
    decision = Decision("test", ANSWER, topics=tuple(topics), careers=(career_id,), pay=pay or PayQuery())
    return "\n".join(m.text for m in render(decision, Context(CAREERS, GENERAL)))


@pytest.mark.parametrize("career_id", sorted(CAREERS))
def test_no_answer_carries_another_careers_figure(career_id: str) -> None:
    """Every topic for every career: each figure in the reply is this career's own (or the all-occupations median)."""
    allowed = figures_of(CAREERS[career_id]) | general_figures()
    others: Dict[str, str] = {}
    for other_id, other in CAREERS.items():
        for figure in figures_of(other) - allowed:
            others[figure] = other_id
    for topic in TOPICS:
        text = answer_text(career_id, [topic])
        shown = set(FIGURE.findall(text))
        assert not shown - allowed, f"{career_id} {topic}: figures not in its file: {shown - allowed}"
        leaked = [f"{f} ({others[f]})" for f in shown if f in others]
        assert not leaked, f"{career_id} {topic}: {leaked}"


@pytest.mark.parametrize("career_id", sorted(CAREERS))
def test_pay_says_median_with_its_date_and_source(career_id: str) -> None:
    """Pay is the median, with its date as the file states it and the source."""
    career = CAREERS[career_id]
    text = answer_text(career_id, ["pay"])
    assert "median" in text.lower()
    wage = career.pay.median or career.pay.groups[0]
    assert wage.date in text
    assert career.source(wage.source).name in text


def test_group_and_sub_occupation_pay_are_told_apart() -> None:
    """Software developers: the group's median and each job's median, each named."""
    text = answer_text("software-developers", ["pay"])
    assert "whole group" in text and "$130,160" in text
    assert "Software developers: $132,270" in text and "$101,800" in text


def test_a_group_without_its_own_median_says_it_has_none() -> None:
    """Electrical and electronics engineers: no median for the whole group, so it says so, then each job's."""
    text = answer_text("electrical-and-electronics-engineers", ["pay"])
    assert "don't have one median for the whole group" in text
    assert "$111,910" in text and "$127,590" in text


def test_a_missing_section_is_an_honest_gap() -> None:
    """A topic the file lacks: "I don't have that for <career> yet", and no figure."""
    text = answer_text("registered-nurses", ["skills"])
    assert "don't have that for registered nurses yet" in text
    assert not FIGURE.search(text)


def test_a_missing_topic_with_a_near_one_says_so_then_gives_it() -> None:
    """"what should I major in?" for a career whose file lists no majors: it says it doesn't have exactly
    that, then what the file says about how to become one (never a made-up major)."""
    career = CAREERS["environmental-scientists-and-specialists"]
    assert facts.answer(career, "major") is None
    text = answer_text("environmental-scientists-and-specialists", ["major"])
    assert text.startswith("I don't have exactly that for environmental scientists and specialists yet")
    assert facts.answer(career, "how_to_become") in text


@pytest.mark.parametrize("query, expected", [
    (PayQuery(place="texas"), "whole United States"),
    (PayQuery(level="starting"), "don't have starting pay"),
    (PayQuery(period="month"), "don't have pay per month"),
])
def test_pay_the_file_does_not_have(query: PayQuery, expected: str) -> None:
    """Pay for a place, a starting figure or a month: said honestly, without a figure."""
    text = answer_text("registered-nurses", ["pay"], query)
    assert expected in text and "$" not in text


def test_hourly_pay_when_the_file_has_it() -> None:
    """Nurses' file has an hourly median; industrial production managers' doesn't."""
    assert "$39.05 an hour" in answer_text("registered-nurses", ["pay"], PayQuery(period="hour"))
    hourly = answer_text("industrial-production-manager", ["pay"], PayQuery(period="hour"))
    assert "don't have pay per hour" in hourly
    assert "a year" in hourly and "$" in hourly, "the yearly median the file has follows, named as yearly"


def test_comparison_gives_each_figure_with_its_date() -> None:
    """Comparing nurses (2022 pay) and software developers (2023 pay): both figures, both dates, a note."""
    decision = Decision("test", COMPARE, topics=("pay",), careers=("registered-nurses", "software-developers"))
    text = "\n".join(m.text for m in render(decision, Context(CAREERS, GENERAL)))
    assert "$81,220" in text and "May 2022" in text and "$130,160" in text and "2023" in text
    assert "different years" in text


def test_all_occupations_median_is_given_as_context() -> None:
    """Pay answers add the median for all occupations (BLS, 2022)."""
    assert "$46,310" in answer_text("registered-nurses", ["pay"])


def test_every_career_has_a_summary_and_cluster() -> None:
    """The required parts: every file answers what the job is."""
    for career_id in CAREERS:
        text = answer_text(career_id, ["summary"])
        assert CAREERS[career_id].career.clusters[0] in text


def _numbers(text: str) -> List[str]:
    return FIGURE.findall(text)


def test_a_short_projection_period_reads_from_year_to_year() -> None:
    """The source's "2023-33" after "from" reads "from 2023 to 2033"; the edition keeps its own form."""
    text = answer_text("heating-air-conditioning-and-refrigeration-mechanics-and-installers", ["outlook"])
    assert "from 2023 to 2033" in text and "from 2023-33" not in text and "(2023-33 edition)" in text


def test_the_automation_answer_ends_with_the_projection() -> None:
    """"will they still be needed?": the source's words about productivity, then the projected growth."""
    text = answer_text("industrial-production-manager", ["automation"])
    assert "greater productivity" in text and "2 percent" in text


def test_what_pay_depends_on_when_a_file_lacks_it_gives_its_pay() -> None:
    """Real estate: no pay factors in the file; the nearest topic (the pay of each job) comes after saying so."""
    text = answer_text("real-estate-brokers-and-sales-agents", ["pay_factors"])
    assert "62,010" in text


def test_the_education_answer_starts_with_the_plain_way_in() -> None:
    """Truck drivers: the driving school and the CDL before "Postsecondary nondegree award"; given once when how to
    become one was given just before it."""
    text = answer_text("heavy-and-tractor-trailer-truck-drivers", ["education"])
    assert text.index("truck driving school") < text.index("Postsecondary nondegree award")
    both = answer_text("heavy-and-tractor-trailer-truck-drivers", ["how_to_become", "education"])
    assert both.count("truck driving school") == 1
    lawyers = answer_text("lawyers", ["education"])
    assert lawyers.index("bar exam") < lawyers.index("Doctoral or professional degree")


def test_a_comparison_of_a_topic_neither_file_has_compares_the_nearest() -> None:
    """"what you need to study" for two careers without a list of majors: how to become each."""
    decision = Decision("test", COMPARE, topics=("major",), careers=("environmental-scientists-and-specialists",
                                                                      "barbers-hairstylists-and-cosmetologists"))
    text = "\n".join(m.text for m in render(decision, Context(CAREERS, GENERAL)))
    assert "bachelor" in text.lower() and "I don't have that yet" not in text


def test_a_comparison_gives_a_groups_figure_and_each_of_its_jobs_named() -> None:
    """"nurse vs paramedic": the EMTs and paramedics' group median, and the paramedics' own, each named."""
    from bot.answers.facts import pay_line
    from bot.knowledge.current import current_knowledge as knowledge_now

    line = pay_line(knowledge_now().careers["emts-and-paramedics"])
    assert line is not None and "for the whole group" in line and "paramedics: $53,180 a year" in line, line


@pytest.mark.parametrize("question, asked", [
    ("how many truck drivers are there in the us?? feels like a million", "jobs"),
    ("how many ppl work as tractor trailer drivers rn", "jobs"),
    ("how many openings for realtors each yr", "openings"),
    ("are they hiring a lot", "openings"),
    ("tell me about jobs for chefs", "both"),
    ("number of real estate agents in america?", "jobs"),
    ("number of openings for chefs", "openings"),
    ("how many vacancies are there for production managers", "both"),
])
def test_the_count_a_question_asks(question: str, asked: str) -> None:
    """ "how many X are there" asks how many work as one; "openings each year" asks the openings."""
    from bot.answers.facts import counts_asked
    assert counts_asked(question) == asked


def test_a_count_question_gets_the_count_it_asks() -> None:
    from bot.answers.facts import openings
    from bot.knowledge.current import current_knowledge
    chefs = current_knowledge().careers["chefs-and-head-cooks"]
    assert "openings" not in openings(chefs, "jobs") and "jobs for chefs" in openings(chefs, "jobs")
    assert "openings" in openings(chefs, "openings") and "There were" not in openings(chefs, "openings")
    assert "openings" in openings(chefs) and "There were" in openings(chefs)


def test_a_count_the_file_lacks_is_not_answered_with_the_other_count() -> None:
    """"how many people work as QC inspectors": no job count in the file, so no openings figure as if it were."""
    from bot.answers.facts import openings
    from bot.knowledge.current import current_knowledge
    inspectors = current_knowledge().careers["quality-control-inspectors"]
    assert inspectors.jobs is None and inspectors.outlook and inspectors.outlook.openings
    reply = openings(inspectors, "jobs") or ""
    assert "don't have the number of jobs" in reply and "how many openings" in reply
    assert f"{inspectors.outlook.openings.per_year:,}" not in reply
    assert f"{inspectors.outlook.openings.per_year:,}" in (openings(inspectors, "both") or "")


def test_a_shrinking_career_s_outlook_gives_the_openings_still_to_fill() -> None:
    """"will there still be jobs?": a decline comes with the openings each year; a growing career gets the hint."""
    from bot.knowledge.current import current_knowledge
    careers = current_knowledge().careers
    inspectors = careers["quality-control-inspectors"]
    shrinking = facts.outlook(inspectors) or ""
    assert "decline" in shrinking and f"{inspectors.outlook.openings.per_year:,} openings" in shrinking
    growing = facts.outlook(careers["registered-nurses"]) or ""
    assert "You can also ask how many openings" in growing


@pytest.mark.parametrize("question, kind", [
    ("how much do hairstylists make in tips? my cousin says tips are like half her money", "tips"),
    ("do ppl who sell houses make good money or is it all commission", "commission"),
    ("do truckers get paid by the mile", "pay by the mile"),
])
def test_a_kind_of_pay_no_file_gives_is_said_then_the_median(question: str, kind: str) -> None:
    from bot.interpret.words import pay_words
    from bot.knowledge.current import current_knowledge
    assert pay_words().kind(question) == kind
    barbers = current_knowledge().careers["barbers-hairstylists-and-cosmetologists"]
    reply = facts.pay(barbers, None, PayQuery(kind=kind), question) or ""
    assert reply.startswith(f"I don't have anything about {kind} for barbers") and "$29,680" in reply


def test_an_amount_of_a_kind_of_pay_no_file_gives_gets_no_stand_in_figure() -> None:
    """"how much per mile": the median is not an amount per mile, so no figure stands in for it."""
    drivers = CAREERS["heavy-and-tractor-trailer-truck-drivers"]
    reply = facts.pay(drivers, None, PayQuery(kind="pay by the mile", amount=True), "how much a mile") or ""
    assert reply.startswith("I don't have anything about pay by the mile for heavy and tractor-trailer truck drivers")
    assert not re.search(r"\$\d", reply), reply


def test_the_careers_with_the_most_jobs_are_ranked_with_their_years() -> None:
    decision = Decision("browse", BROWSE, browse="most_jobs")
    text = "\n".join(m.text for m in render(decision, Context(CAREERS, GENERAL)))
    counted = sorted((c for c in CAREERS.values() if c.jobs), key=lambda c: -c.jobs.count)  # type: ignore[union-attr]
    top = counted[0]
    assert f"about {top.jobs.count:,} jobs in {top.jobs.date}" in text, text  # type: ignore[union-attr]
    assert counted[5].career.plural.capitalize() not in text


def test_an_education_comparison_without_a_typical_level_gives_the_ways_in() -> None:
    support = CAREERS["computer-support-specialists"]
    line = facts.education_compare_line(support) or ""
    assert "associate" in line and "certification" in line, line


def test_a_kind_of_pay_set_aside_is_not_asked() -> None:
    from bot.interpret.words import pay_words
    assert pay_words().kind("what do they make a year, not bonuses, just the normal pay") is None
    assert pay_words().kind("do they get bonuses") == "bonuses"


def test_tips_for_getting_hired_are_not_a_kind_of_pay() -> None:
    from bot.interpret.words import pay_words
    assert pay_words().kind("whats the pay for chefs and any tips for getting hired") is None


@pytest.mark.parametrize("career, question, who", [
    ("real-estate-brokers-and-sales-agents", "what do real estate sales agents make, not the brokers, just the agents",
     "real estate sales agents"),
    ("real-estate-brokers-and-sales-agents", "how much do realtors make", None),
    ("emts-and-paramedics", "what do emergency medical technicians get paid, just the EMT part",
     "emergency medical technicians"),
    ("emts-and-paramedics", "how much do emts and paramedics make", None),
    ("barbers-hairstylists-and-cosmetologists", "ok but JUST barbers, not hairstylists. what do barbers make", "barbers"),
    ("electrical-and-electronics-engineers", "electrical engineer salary", None),  # a name of the whole career
    ("electrical-and-electronics-engineers", "electronics engineers, how much $$", "electronics engineers, except computer"),
])
def test_the_one_job_of_a_group_a_pay_question_asks(career: str, question: str, who) -> None:
    from bot.answers.facts import asked_group, pay
    from bot.knowledge.current import current_knowledge
    file = current_knowledge().careers[career]
    found = asked_group(file, question)
    assert (found.who if found else None) == who
    text = pay(file, None, None, question) or ""
    others = [w for w in file.pay.groups if w.who != who] if who else []
    assert all(f"{w.annual:,}" not in text for w in others if w.annual), text


def test_the_openings_answer_says_where_the_openings_come_from() -> None:
    """"why are there openings, is it cuz ppl retire": a file's note on the openings comes with the figure."""
    for career in CAREERS.values():
        notes = career.outlook.notes if career.outlook else None
        answer = facts.openings(career, "openings") or ""
        if career.outlook and career.outlook.openings and notes and "opening" in notes.text.lower():
            assert notes.text in answer, career.career.id
        elif notes:
            assert notes.text not in answer, career.career.id


@pytest.mark.parametrize("question, asked", [
    ("which has more jobs, lawyers or financial analysts", "jobs"),
    ("which will have more jobs in the future", "both"),
    ("how many openings", "openings"),
])
def test_which_has_more_jobs_asks_the_jobs_there_are(question: str, asked: str) -> None:
    assert facts.counts_asked(question) == asked


def test_a_comparison_of_jobs_gives_the_job_counts_not_the_openings() -> None:
    from bot.interpret.inputs import Parse, State
    from bot.interpret.rules import decide
    from bot.knowledge.current import current_knowledge, general_facts

    knowledge = current_knowledge()
    text = "which has more jobs, lawyers or financial analysts"
    decision = decide(Parse(text=text, intent="compare_careers", confidence=0.95,
                            ranking=(("compare_careers", 0.95),)), State(), knowledge)
    reply = render(decision, Context(knowledge.careers, general_facts(), State()))[0].text
    openings = knowledge.careers["lawyers"].outlook.openings
    assert "859,000 jobs for lawyers" in reply and f"{openings.per_year:,}" not in reply
    assert "Jobs:" in reply and "Openings" not in reply


@pytest.mark.parametrize("year, said", [(2030, "will earn in 2030"), (2015, "pay for 2015")])
def test_pay_asked_for_another_year_says_which_year_it_has(year: int, said: str) -> None:
    """"what will nurses get paid in 2030": no file has another year's pay; it says so, then the dated median."""
    text = answer_text("registered-nurses", ("pay",), PayQuery(year=year))
    assert said in text and "don't have" in text and "81,220" in text and "May 2022" in text


def test_pay_asked_for_the_files_own_year_is_the_plain_answer() -> None:
    text = answer_text("registered-nurses", ("pay",), PayQuery(year=2022))
    assert "don't have" not in text and "81,220" in text


def test_a_year_in_a_pay_question_is_read_but_not_a_projection_period() -> None:
    from bot.interpret.words import pay_words

    assert pay_words().year("what will nurses get paid in 2030") == 2030
    assert pay_words().year("how much will chefs grow in 2022-32") is None


def test_the_pay_of_all_jobs_is_the_all_occupations_median_with_its_date_and_source() -> None:
    """Asked before any career ("what do all jobs pay"), the one figure about every job, dated and sourced."""
    from bot.interpret.decision import WHICH_CAREER

    wage = GENERAL.all_occupations_median
    assert wage is not None and wage.annual is not None
    messages = render(Decision("which_career", WHICH_CAREER, topics=("pay",), details={"all_jobs": "pay"}),
                      Context(CAREERS, GENERAL))
    assert facts.money(wage.annual) in messages[0].text and wage.date in messages[0].text
    assert GENERAL.sources[wage.source].name in messages[0].text
    assert "Which career" in messages[-1].text
    plain = render(Decision("which_career", WHICH_CAREER, topics=("pay",)), Context(CAREERS, GENERAL))
    assert len(plain) == 1 and facts.money(wage.annual) not in plain[0].text


def test_a_group_pay_explained_says_which_figure_is_whose() -> None:
    """Set h37: "why are there different numbers for emts and paramedics": the group's median and each job's."""
    from bot.answers.explain import explain_pay

    for career in CAREERS.values():
        text = explain_pay(career, GENERAL, "meaning")
        pay = career.pay
        if pay is not None and pay.median is not None and pay.groups:
            assert "whole group" in text, career.id
            for group in pay.groups:
                assert facts.amounts_of(group) in text and group.date in text, (career.id, group.who)
        else:
            assert "whole group" not in text, career.id


def _browse_text(browse: str, **details: str) -> str:

    decision = Decision("browse", BROWSE, browse=browse, details=details)
    return "\n".join(m.text for m in render(decision, Context(CAREERS, GENERAL)))


def test_the_most_openings_list_is_ordered_by_each_files_openings_with_their_periods() -> None:
    text = _browse_text("most_openings")
    ranked = sorted((c for c in CAREERS.values() if c.outlook and c.outlook.openings),
                    key=lambda c: -c.outlook.openings.per_year if c.outlook and c.outlook.openings else 0)
    positions = [text.index(facts.cap(c.career.plural)) for c in ranked[:3]]
    assert positions == sorted(positions), text
    top = ranked[0].outlook.openings if ranked[0].outlook else None
    assert top is not None and f"{top.per_year:,}" in text and top.period in text, text


def test_the_top_pay_list_gives_each_median_with_its_own_date() -> None:
    text = _browse_text("top_pay")
    best = max((c for c in CAREERS.values() if c.pay and c.pay.median and c.pay.median.annual),
               key=lambda c: c.pay.median.annual or 0 if c.pay and c.pay.median else 0)
    median = best.pay.median if best.pay else None
    assert median is not None and median.annual is not None
    assert f"{facts.money(median.annual)} a year ({median.date})" in text, text


def test_the_graduate_list_has_only_careers_that_start_with_a_graduate_degree() -> None:
    text = _browse_text("graduate")
    for career in CAREERS.values():
        assert (facts.cap(career.career.plural) + ":" in text) == facts.needs_graduate_degree(career), career.id


def test_the_fastest_growing_without_a_degree_leaves_out_degree_careers() -> None:
    text = _browse_text("fastest", only="no_degree")
    for career in CAREERS.values():
        if not facts.needs_no_degree(career):
            assert facts.cap(career.career.plural) + ":" not in text, career.id


def test_which_of_a_shared_title_word_lists_its_careers_as_buttons() -> None:
    from bot.interpret.decision import WHICH_CAREER

    options = "civil-engineers,industrial-engineers"
    decision = Decision("ambiguous_title", WHICH_CAREER, details={"head": "engineer", "options": options})
    messages = render(decision, Context(CAREERS, GENERAL))
    assert '"engineer"' in messages[0].text and "Civil engineers" in messages[0].text
    assert any("civil engineers" in b.payload for b in messages[0].buttons), messages[0].buttons


def test_an_all_day_outside_claim_gets_where_they_work() -> None:
    career = CAREERS["environmental-scientists-and-specialists"]
    decision = Decision("topic", ANSWER, topics=("duties",), careers=(career.id,),
                        question="environmental scientists are outside literally all day every day right")
    text = "\n".join(m.text for m in render(decision, Context(CAREERS, GENERAL)))
    assert career.work_environment is not None and career.work_environment.text in text, text


def test_a_ranking_over_one_title_word_lists_only_its_careers_with_group_medians() -> None:
    from bot.interpret.decision import BROWSE

    engineers = ("civil-engineers", "electrical-and-electronics-engineers", "industrial-engineers")
    decision = Decision("browse", BROWSE, browse="top_pay", careers=engineers, details={"head": "engineer"})
    text = "\n".join(m.text for m in render(decision, Context(CAREERS, GENERAL)))
    assert text.startswith("The engineers I know"), text
    assert "Lawyers" not in text and "Civil engineers" in text, text
    electrical = CAREERS["electrical-and-electronics-engineers"]
    assert electrical.pay is not None and electrical.pay.median is None  # only its groups' medians
    for group in electrical.pay.groups:
        assert group.annual is not None and f"{group.who} {facts.money(group.annual)} a year ({group.date})" in text


def test_a_sentence_that_qualifies_a_found_one_comes_with_it() -> None:
    from bot.answers import search

    career = CAREERS["postsecondary-teachers"]
    found = [text for text, _ in search.find(career, "is a phd required to teach at a university")]
    assert any("Ph.D." in text for text in found), found
    phd = next(i for i, text in enumerate(found) if "Ph.D." in text)
    assert phd + 1 < len(found) and found[phd + 1].startswith("But a master's degree"), found


def test_a_question_about_work_experience_gets_the_years_the_file_states() -> None:
    career = CAREERS["industrial-production-manager"]
    decision = Decision("topic", ANSWER, topics=("without_degree",), careers=(career.id,),
                        question="do i need work experience to become a production manager or can i start right after college")
    text = "\n".join(m.text for m in render(decision, Context(CAREERS, GENERAL)))
    experience = career.education.work_experience if career.education else None
    assert experience is not None and experience.text in text, text


def test_a_count_question_asking_both_the_jobs_and_the_new_ones_gets_both() -> None:
    assert facts.counts_asked("how many lawyers are there and how many new ones are needed every yr") == "both"
    assert facts.counts_asked("how many lawyers are there") == "jobs"


def test_an_education_comparison_gives_the_work_experience_a_file_states() -> None:
    farmers = CAREERS["farmers-ranchers-and-other-agricultural-managers"]
    line = facts.education_compare_line(farmers)
    experience = farmers.education.work_experience if farmers.education else None
    assert experience is not None and line is not None and experience.text in line, line
