"""Honest answers (issue 19): no guessed "yes", worries heard before anything else."""

from __future__ import annotations

import pytest
import yaml

from bot.answers.honesty import is_yes_no, unmentioned
from bot.answers.render import Context, render
from bot.interpret.decision import ANSWER, WORRY, Decision
from bot.interpret.inputs import Parse, PathwayState, State
from bot.interpret.rules import decide
from bot.interpret.transitions import next_state
from bot.interpret.worries import worries, worry_in
from bot.knowledge.current import current_knowledge, general_facts
from bot.paths import DOMAIN_FILE

IPM = "industrial-production-manager"


def parse(text: str, intent: str = "nlu_fallback", confidence: float = 0.3) -> Parse:
    return Parse.from_message({"text": text, "intent": {"name": intent, "confidence": confidence},
                               "intent_ranking": [{"name": intent, "confidence": confidence}], "entities": []})


def first_reply(topic: str, career: str, question: str) -> str:
    """The first message of the answer on ``topic`` for ``career`` to ``question``."""
    knowledge = current_knowledge()
    return render(Decision("t", ANSWER, topics=(topic,), careers=(career,), question=question),
                  Context(knowledge.careers, general_facts()))[0].text


def test_yes_no_questions_are_recognised() -> None:
    assert is_yes_no("do they program robots?") and is_yes_no("Can nurses work nights") and is_yes_no("so is it hard")
    assert not is_yes_no("what do they do") and not is_yes_no("how much do they make")


def test_a_duty_answer_never_starts_with_a_guessed_yes() -> None:
    knowledge = current_knowledge()
    context = Context(knowledge.careers, general_facts())
    robots = render(Decision("t", ANSWER, topics=("duty_machines",), careers=(IPM,),
                             question="do they program robots?"), context)[0].text
    assert not robots.startswith("Yes") and robots.startswith("My information about industrial production managers "
                                                                 "doesn't mention that")
    workers = render(Decision("t", ANSWER, topics=("duty_workers",), careers=(IPM,),
                              question="do they hire workers?"), context)[0].text
    assert not workers.startswith(("Yes", "My information")) and "Hire, train, and evaluate workers" in workers


def test_figures_answer_their_own_question() -> None:
    career = current_knowledge().careers[IPM]
    assert not unmentioned("do they make good money?", ("pay",), "$107,560 a year", career)


@pytest.mark.parametrize("text, kind", [
    ("Im failing math, can I still be an engineer?", "grades"),
    ("im scared i wont get into college", "college"),
    ("my parents want me to be a doctor but i like art", "parents"),
    ("kids at school keep picking on me", "bullying"),
    ("i kinda want to drop out", "dropping_out"),
    ("can my family even afford college", "money"),
    ("i feel lost about my future", "stress"),
    ("i wanna be a paramedic but i get super queasy at the doctors office lol. is that gonna be a dealbreaker, "
     "kinda worried", "stress"),
    ("if i go to community college instead of a real university will people think im a loser", "stress"),
    ("i dont have papers. can i still go to nursing school and become an RN", "stress"),
    # set 42's kinds
    ("my boyfriend broke up with me last week and now i cant focus in class", "stress"),
    ("my lunch table keeps leaving me out", "stress"),
    ("we just moved here from mexico and the schedule here is confusing", "stress"),
    ("my aunt raised me and i want to help with money asap", "money"),
    ("my dad expects me to become an engineer like him", "parents"),
    ("people act like coding is only for rich kids", "doubted"),
])
def test_worries_are_recognised(text: str, kind: str) -> None:
    assert worry_in(text) == kind


def test_every_worry_kind_has_its_reply() -> None:
    with DOMAIN_FILE.open(encoding="utf-8") as handle:
        responses = yaml.safe_load(handle)["responses"]
    for kind, _ in worries():
        text = responses[f"utter_worry_{kind}"][0]["text"]
        assert "{office}" in text and "{office_booking}" in text, kind


def test_a_worry_with_a_career_question_is_heard_then_answered() -> None:
    decision = decide(parse("im failing math, how do i become a civil engineer?", "ask_how_to_become", 0.9),
                      State(), current_knowledge())
    assert decision.kind == WORRY and decision.details["worry"] == "grades"
    assert decision.then is not None and decision.then.kind == ANSWER
    assert decision.then.careers == ("civil-engineers",)
    assert next_state(decision, State()).career == "civil-engineers"


def test_a_worry_during_the_plan_asks_the_question_again_without_counting_it_unclear() -> None:
    state = State(career=IPM, pathway=PathwayState(question="stage", career=IPM, failed=1))
    decision = decide(parse("ugh im so stressed about all this"), state, current_knowledge())
    assert decision.kind == WORRY and decision.then is not None and decision.then.plan is not None
    assert decision.then.plan.question == "stage"
    after = next_state(decision, state)
    assert after.pathway.question == "stage" and after.pathway.failed == 0


def test_ordinary_questions_are_not_worries() -> None:
    for text in ["what do nurses make", "how do i become a lawyer", "is it hard to find a job as a chef",
                 "are software developers worried about AI taking their jobs",
                 "what do employers expect me to know for a help desk job", "its so sad when farms close"]:
        assert worry_in(text) is None, text


@pytest.mark.parametrize("text, code", [
    ("cuánto gana una enfermera?", "es"), ("hola quiero ser abogado, que necesito estudiar", "es"),
    ("combien gagne un infirmier?", "fr"), ("quanto ganha um engenheiro", "pt"), ("护士赚多少钱", "zh"),
    ("avukat olmak için ne okumalıyım", "tr"), ("imisa lacag ayuu helaa dhakhtar?", "so"),
])
def test_other_languages_get_the_english_for_now_reply(text: str, code: str) -> None:
    decision = decide(parse(text), State(), current_knowledge())
    assert decision.kind == "other_language" and decision.details["language"] == code


@pytest.mark.parametrize("text", ["what do nurses make? gracias", "wut do truckers do", "el paso jobs for nurses",
                                  "me llamo Ana, what do lawyers do", "is a realtor a good job"])
def test_english_with_a_foreign_word_is_english(text: str) -> None:
    from bot.interpret.language import language_of

    assert language_of(text) is None


def test_the_spanish_reply_is_in_spanish_with_the_office_and_the_crisis_lines() -> None:
    from bot.safety import replies, school

    with DOMAIN_FILE.open(encoding="utf-8") as handle:
        text = yaml.safe_load(handle)["responses"]["utter_other_language_es"][0]["text"]
    filled = text.format(**replies.office_and_lines(school.current()))
    assert "inglés" in filled and "988" in filled and "911" in filled and school.current().counseling_office.name in filled


@pytest.mark.parametrize("text, term", [
    ("what's an associate's degree?", "associate's degree"), ("what does first-line supervisor mean", "first-line supervisor"),
    ("whats a career cluster", "career cluster"), ("define apprenticeship", "apprenticeship"),
    ("what is an MBA", "MBA"), ("what does postsecondary nondegree award mean", "postsecondary nondegree award"),
])
def test_words_are_explained_from_the_glossary(text: str, term: str) -> None:
    decision = decide(parse(text), State(), current_knowledge())
    assert decision.kind == "glossary" and decision.details["term"] == term
    reply = render(decision, Context(current_knowledge().careers, general_facts()))[0].text
    assert reply.lower().startswith(term.lower()) and len(reply) > len(term) + 20


@pytest.mark.parametrize("text", ["whats the job outlook like right now", "what's the median pay for them",
                                  "what is the outlook for nurses", "what does a lawyer do"])
def test_questions_about_a_career_are_not_word_questions(text: str) -> None:
    from bot.knowledge.glossary import asked_term

    decision = decide(parse(text), State(), current_knowledge())
    assert decision.kind != "glossary" or asked_term(text) is None


def test_answers_offer_to_explain_their_words_but_not_one_they_explain() -> None:
    from bot.answers.render import word_buttons

    titles = [b.title for b in word_buttons("Typical education: Postsecondary nondegree award. "
                                            "Training: long-term on-the-job training.")]
    assert titles == ['What does "postsecondary nondegree award" mean?', 'What does "on-the-job training" mean?']
    assert word_buttons("The median pay was $1. Median means half of them earned more.") == []


def test_a_definition_with_a_figure_is_refused(tmp_path) -> None:
    from bot.knowledge.glossary import load_glossary
    from bot.knowledge.loader import KnowledgeError

    bad = tmp_path / "glossary.yml"
    bad.write_text("schema_version: 1\nterms:\n  - term: x\n    definition: It pays $50,000.\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        load_glossary(bad)


@pytest.mark.parametrize("career, topic, text, expected", [
    ("registered-nurses", "pay", "is that a lot?", ["a whole year", "Half of registered nurses", "$46,310",
                                                    "more than the typical pay of all workers"]),
    ("industrial-production-manager", "outlook", "is 2 percent bad?", ["about as fast as the average",
                                                                       "From slowest to fastest"]),
    ("farmers-ranchers-and-other-agricultural-managers", "outlook", "why?", ["fewer, but larger, farms"]),
    ("registered-nurses", "openings", "what does that mean", ["retire or move to other careers"]),
    ("lawyers", "pay", "is that good money", ["$145,760", "different years"]),
])
def test_a_figure_just_given_is_explained(career: str, topic: str, text: str, expected: list) -> None:
    knowledge = current_knowledge()
    decision = decide(parse(text), State(career=career, last_topic=topic), knowledge)
    assert decision.kind == "explain"
    reply = render(decision, Context(knowledge.careers, general_facts()))[0].text
    for part in expected:
        assert part in reply, (part, reply)


def test_is_that_a_lot_without_a_figure_before_is_not_explained() -> None:
    assert decide(parse("is that a lot?"), State(career="lawyers", last_topic="duties"),
                  current_knowledge()).kind != "explain"


@pytest.mark.parametrize("career, topic, question, start", [
    ("industrial-production-manager", "major", "since you need a master's to start, what should I major in?",
     "Actually, no: the typical entry-level education for industrial production managers is a bachelor's degree"),
    ("registered-nurses", "outlook", "why is this job disappearing?",
     "Actually, no: employment of registered nurses is projected to grow 6 percent"),
    ("registered-nurses", "pay", "nurses dont make much, how much exactly",
     "Actually, registered nurses earn more than most workers"),
    ("heavy-and-tractor-trailer-truck-drivers", "education", "do you need a degree to be a truck driver",
     "No: the typical entry-level education for heavy and tractor-trailer truck drivers is a postsecondary"),
])
def test_a_wrong_premise_is_corrected_first(career: str, topic: str, question: str, start: str) -> None:
    reply = first_reply(topic, career, question)
    assert reply.startswith(start), reply


@pytest.mark.parametrize("career, question", [
    ("lawyers", "lawyers need a phd right? what do they study"),  # a doctoral or professional degree: right
    ("chefs-and-head-cooks", "chefs make bank right?"),  # above the median of all occupations: not wrong
    ("registered-nurses", "how much do nurses make"),
])
def test_a_right_premise_or_none_adds_nothing(career: str, question: str) -> None:
    from bot.answers.premises import correction

    assert correction(question, current_knowledge().careers[career], general_facts()) is None


def _plan_state(question: str, answers: dict | None = None) -> State:
    return State(career=IPM, pathway=PathwayState(question=question, career=IPM, answers=answers or {}))


def test_idk_and_both_get_help_choosing_not_a_failed_try() -> None:
    knowledge = current_knowledge()
    for text in ["idk", "both honestly", "im not sure"]:
        state = State(career=IPM, pathway=PathwayState(question="interest", career=IPM,
                                                      answers={"stage": "high_school"}, failed=1))
        decision = decide(parse(text), state, knowledge)
        assert decision.plan is not None and decision.plan.unsure and decision.plan.question == "interest", text
        assert next_state(decision, state).pathway.failed == 1  # not counted as another unclear answer
        messages = render(decision, Context(knowledge.careers, general_facts(), state))
        assert "you don't have to be sure yet" in messages[0].text and messages[-1].buttons


def test_a_duration_is_not_taken_as_a_major() -> None:
    state = _plan_state("major", {"stage": "college"})
    decision = decide(parse("2 years", "inform", 0.8), state, current_knowledge())
    assert next_state(decision, state).pathway.answers.get("major") is None


def test_changing_ones_mind_after_the_plan_redoes_the_answers() -> None:
    knowledge = current_knowledge()
    done = State(career=IPM, pathway=PathwayState(question=None, career=IPM,
                                                 answers={"stage": "high_school", "interest": "business"}))
    decision = decide(parse("i changed my mind, im in college now"), done, knowledge)
    assert decision.rule == "plan_change"
    after = next_state(decision, done).pathway
    assert after.answers.get("stage") == "college" and after.question == "major"
    again = decide(parse("wait can i change my answers"), done, knowledge)
    assert again.rule == "plan_change" and next_state(again, done).pathway.question == "stage"


@pytest.mark.parametrize("text, kind", [
    ("kids keep calling me weird for wanting to be a barber", "bullying"),
    ("i dont think im college material, can i still do hvac", "college"),
    ("just realized is it too late for me to be an engineer", "college"),
    ("my parents only let me choose between law or medicine", "parents"),
    ("people say nursing is a girl job and it bothers me", "doubted"),
])
def test_worries_of_development_set_22(text: str, kind: str) -> None:
    assert worry_in(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("i got a D in algebra this semester, is nursing still possible", "grades"),
    ("what if no college accepts me", "college"),
    ("my family doesnt have money for college", "money"),
    ("ppl keep telling me girls cant be construction managers", "doubted"),
    ("i get nervous super easily, can i be a paramedic", "stress"),
])
def test_more_worries_of_development_set_1(text: str, kind: str) -> None:
    assert worry_in(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("my dad is forcing me into nursing but i want to cook", "parents"),
    ("my mom keeps saying trucking is a waste and i should pick something real", "parents"),
    ("kids at school call me dumb, could i still be an electrician", "bullying"),
    ("i might have to repeat 9th grade because i missed too many days", "grades"),
])
def test_worries_of_development_set_34(text: str, kind: str) -> None:
    assert worry_in(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("nursing school kind of scares me, do nurses need a bachelor's", "stress"),
    ("welding school costs way more than my family can pay", "money"),
    ("what if i quit high school and just work", "dropping_out"),
    ("my dad thinks im too quiet to be a lawyer", "parents"),
    ("is it too far behind to start coding in 12th grade", "college"),
    ("im barely passing biology, can i still be a nurse", "grades"),
])
def test_worries_of_development_set_35(text: str, kind: str) -> None:
    assert worry_in(text) == kind


def test_someone_elses_fear_is_not_the_students_worry() -> None:
    assert worry_in("are nurses scared of blood") is None


@pytest.mark.parametrize("text, term", [
    ("associates degree = what exactly?", "associate's degree"), ("whats the bar exam", "bar exam"),
    ("ok wait whats a first-line supervisor", "first-line supervisor"), ("what is a CDL", "CDL"),
    ("what does much faster than average mean", "much faster than the average"),
    ("my teacher keeps saying career cluster, what is that", "career cluster"),
])
def test_more_word_questions_of_development_set_1(text: str, term: str) -> None:
    decision = decide(parse(text), State(), current_knowledge())
    assert decision.kind == "glossary" and decision.details["term"] == term


@pytest.mark.parametrize("career, topic, question, start", [
    ("heavy-and-tractor-trailer-truck-drivers", "how_to_become",
     "truck drivers dont need any special license right? so i can just start", "Actually, yes, a license is needed"),
    ("civil-engineers", "pay", "civil engineers only make like 40k a year right? why so little",
     "Actually, civil engineers earn more than most workers"),
    ("construction-managers", "outlook", "why are construction manager jobs going down",
     "Actually, no: employment of construction managers is projected to grow"),
])
def test_more_premises_of_development_set_1(career: str, topic: str, question: str, start: str) -> None:
    reply = first_reply(topic, career, question)
    assert reply.startswith(start), reply


def test_a_yes_no_pay_question_the_file_does_not_answer_says_so() -> None:
    reply = first_reply("pay", "real-estate-brokers-and-sales-agents", "do realtors get paid on commission")
    assert reply.startswith("My information about real estate brokers and sales agents doesn't mention that")
    plain = first_reply("pay", "registered-nurses", "do nurses make good money?")
    assert plain.startswith("The median pay")


@pytest.mark.parametrize("career, topic, question, start", [
    ("real-estate-brokers-and-sales-agents", "education", "what college degree do i need to become a realtor",
     "Actually, no: the typical entry-level education for real estate brokers and sales agents is a high school"),
    ("heavy-and-tractor-trailer-truck-drivers", "education", "which bachelors degree is best for truck driving",
     "Actually, no: the typical entry-level education for heavy and tractor-trailer truck drivers is a postsecondary"),
    ("lawyers", "education", "can u be a lawyer with just a bachelors", "No: the typical entry-level education"),
    ("chefs-and-head-cooks", "education", "chefs dont need any work experience to start do they",
     "Actually, no: chefs and head cooks usually need work experience in a related job: 5 years or more"),
    ("civil-engineers", "outlook", "is it true there's basically no civil engineering jobs anymore",
     "No: employment of civil engineers is projected to grow"),
])
def test_premises_of_development_set_2(career: str, topic: str, question: str, start: str) -> None:
    """A degree level taken for granted ("with just a bachelors", "which bachelors is best"), no experience
    needed, "no jobs anymore": corrected first when the file says otherwise."""
    reply = first_reply(topic, career, question)
    assert reply.startswith(start), reply


@pytest.mark.parametrize("career, question", [
    ("lawyers", "do lawyers need a bachelors degree"),  # they do (and more): asked, not taken for granted
    ("chefs-and-head-cooks", "you dont need college to be a chef right"),  # right: a high school diploma
    ("registered-nurses", "do nurses need a bachelors or can u do the 2 year thing"),  # asks which
])
def test_a_level_asked_about_or_right_is_not_corrected(career: str, question: str) -> None:
    from bot.answers.premises import correction

    assert correction(question, current_knowledge().careers[career], general_facts()) is None


def test_a_yes_no_question_matching_only_a_question_word_says_the_file_doesnt_mention_it() -> None:
    """"does a construction manager need to know how to weld": "how" in the answer is not "weld"."""
    reply = first_reply("how_to_become", "construction-managers", "does a construction manager need to know how to weld")
    assert reply.startswith("My information about construction managers doesn't mention that"), reply


@pytest.mark.parametrize("text, code", [
    ("hay trabajo para psicólogos en el futuro?", "es"),  # "hay", "para" are English words too
    ("todavia hay empleo para ingenieros o ya no hay", "es"),  # set 40: plural titles, "todavia" without its accent
    ("como me hago agente de bienes raíces", "es"),  # accented letters count
    ("làm sao để trở thành kỹ sư phần mềm?", "vi"),
    ("Hi po, gusto ko pong maging nurse. Magkano po ang sahod ng nurse?", "tl"),  # an English title said twice
])
def test_more_languages_of_development_set_2(text: str, code: str) -> None:
    from bot.interpret.language import language_of

    assert language_of(text) == code


@pytest.mark.parametrize("text", ["do paramedics work in san josé", "résumé tips for a nurse job",
                                  "how much do nurses make in el paso"])
def test_an_accented_name_in_english_is_english(text: str) -> None:
    from bot.interpret.language import language_of

    assert language_of(text) is None


@pytest.mark.parametrize("state_topic, text, expected", [
    ("outlook", "why tho", "explain"),  # before small talk: not an "ok"
    ("pay", "is that below average?", "explain"),
    ("pay", "is that for the whole year?", "explain"),
    ("outlook", "what does 9 percent mean", "explain"),
])
def test_more_figure_follow_ups_of_development_set_2(state_topic: str, text: str, expected: str) -> None:
    state = State(career="construction-managers", last_topic=state_topic)
    assert decide(parse(text, "affirm", 0.8), state, current_knowledge()).rule == expected


def test_why_openings_gives_the_files_reason() -> None:
    from bot.answers.explain import explain_openings

    text = explain_openings(current_knowledge().careers["quality-control-inspectors"], "why")
    assert "replace workers" in text


def test_a_plan_request_without_the_student_sets_no_stage() -> None:
    """"build me a plan for production management": no stage guessed from "production"."""
    decision = decide(parse("build me a plan for production management", "want_career", 0.99), State(),
                      current_knowledge())
    assert decision.plan is not None and decision.plan.question == "stage", decision.describe()


def test_two_stages_in_one_answer_take_the_one_stated_or_none() -> None:
    """A production worker who might take classes at community college is not moved to the college track;
    two stages both stated are unclear (asked again), never the longer phrase guessed."""
    from bot.pathway import flow

    stage = current_knowledge().careers[IPM].pathways.questions["stage"]
    said = "i work on the assembly line and i might take some classes at community college"
    assert flow.match_option(stage, said) == "production_worker"
    assert flow.match_option(stage, "im in community college and i also work on an assembly line") is None


@pytest.mark.parametrize("title, plural", [("coach", "coaches"), ("actress", "actresses"), ("policeman", "policemen"),
                                           ("astronaut", "astronauts"), ("secretary", "secretaries")])
def test_titles_of_careers_the_bot_lacks_keep_a_right_plural(title: str, plural: str) -> None:
    from bot.answers.render import _plural_title

    assert _plural_title(title) == plural


def test_a_worry_the_classifier_heard_without_worry_words_is_heard() -> None:
    """The share_worry intent (data/nlu/worries.yml) for words the worry list lacks: the kind, general reply."""
    decision = decide(parse("i didnt make the team and now i feel like i cant do anything right", "share_worry", 0.9),
                      State(), current_knowledge())
    assert decision.kind == WORRY and decision.details["worry"] == "stress", decision.describe()


@pytest.mark.parametrize("career, question, start", [
    (IPM, "so u gotta get an mba before u can even start right", "Actually, no: the typical entry-level education"),
    (IPM, "my dad says u cant be a production manager without an mba", "Actually, no: the typical entry-level"),
    ("registered-nurses", "nurses only need a high school diploma right", "Actually, no: the typical entry-level"),
    ("civil-engineers", "civil engineers dont really go to college right", "Actually, no: the typical entry-level"),
    ("psychologists", "psychologists only need a bachelors in psych right",
     "Actually, no: Psychologists usually need an advanced degree"),  # no typical level: the file's own sentence
    ("postsecondary-teachers", "to be a professor u just need a bachelors right",
     "Actually, no: Usually, postsecondary teachers must have a Ph.D."),
    ("construction-managers", "why is nobody gonna need construction managers anymore",
     "Actually, no: employment of construction managers is projected to grow"),
    ("reporters-correspondents-and-broadcast-news-analysts", "journalists make like 100k a year right",
     "Actually, no: the median pay for news analysts, reporters, and journalists was $49,300 a year"),
    ("computer-support-specialists", "computer support specialists get paid less than most jobs dont they",
     "Actually, computer support specialists earn more than most workers"),
    ("barbers-hairstylists-and-cosmetologists", "barbers make more than most people i bet",
     "Actually, the median pay for barbers"),
    ("real-estate-brokers-and-sales-agents", "real estate is one of the fastest growing jobs out there, why",
     "Actually, growth for real estate brokers and sales agents is more modest: 5 percent"),  # "about as fast"
    ("electrical-and-electronics-engineers", "why are electrical engineering jobs disapearing",
     "Actually, no: employment of electrical and electronics engineers is projected to grow 9 percent"),
])
def test_premises_of_development_set_4(career: str, question: str, start: str) -> None:
    """Levels claimed with "gotta", "cant ... without", "only ... diploma", "dont go to college"; a level from the
    how-to-become sentence when the file has no typical level; "nobody will need"; a claimed pay figure."""
    from bot.answers.premises import correction

    reply = correction(question, current_knowledge().careers[career], general_facts())
    assert reply is not None and reply.startswith(start), reply


@pytest.mark.parametrize("career, question", [
    ("lawyers", "do lawyers make like 150k"),  # near the median: not a wrong premise
    ("registered-nurses", "what high school classes do i need to be a nurse"),  # asks, claims nothing
    ("registered-nurses", "can i be a nurse without a bachelors"),  # a question, not a premise
    ("software-developers", "do software devs make more than 50k"),
])
def test_questions_near_those_premises_add_nothing(career: str, question: str) -> None:
    from bot.answers.premises import correction

    assert correction(question, current_knowledge().careers[career], general_facts()) is None


def test_a_school_worry_naming_a_career_gets_its_way_in() -> None:
    """"my grades are trash, can i still be a truck driver": heard, then how truck drivers get in."""
    decision = decide(parse("my grades are trash, can i still be a truck driver"), State(), current_knowledge())
    assert decision.kind == WORRY and decision.then is not None
    assert decision.then.topics == ("how_to_become",)
    assert decision.then.careers == ("heavy-and-tractor-trailer-truck-drivers",)


def test_the_rest_of_a_worry_is_never_the_classifiers_second_guess_of_crisis() -> None:
    """The crisis rule read the message already; its second-ranked "crisis" does not swallow the career answer."""
    message = {"text": "i really want to be a nurse but im scared i wont get into a 4 year college",
               "intent": {"name": "share_worry", "confidence": 0.9},
               "intent_ranking": [{"name": "share_worry", "confidence": 0.9}, {"name": "crisis", "confidence": 0.05},
                                  {"name": "want_career", "confidence": 0.04}], "entities": []}
    decision = decide(Parse.from_message(message), State(), current_knowledge())
    assert decision.kind == WORRY and decision.then is not None and decision.then.kind == ANSWER
    assert decision.then.careers == ("registered-nurses",)


@pytest.mark.parametrize("text, term", [
    ("how does an apprenticeship work", "apprenticeship"),
    ("civil engineers work on infrastructure?? whats that", "infrastructure"),
    ("what does residency mean for psychologists", "residency"),
    ("what is the bar that lawyers have to pass", "bar exam"),
])
def test_words_asked_about_with_a_career_named_are_explained(text: str, term: str) -> None:
    decision = decide(parse(text), State(), current_knowledge())
    assert decision.kind == "glossary" and decision.details["term"] == term, decision.describe()


@pytest.mark.parametrize("text", ["what do postsecondary teachers get paid yearly",
                                  "whats an attorney's median salary in the us",
                                  "What is the projected employment growth for industrial production managers?"])
def test_a_career_question_with_a_glossary_word_is_not_a_definition(text: str) -> None:
    assert decide(parse(text, "ask_pay", 0.9), State(), current_knowledge()).kind != "glossary"


def test_two_words_compared_get_both_definitions_in_order() -> None:
    knowledge = current_knowledge()
    decision = decide(parse("whats the difference between a license and a certification"), State(), knowledge)
    assert (decision.details["term"], decision.details["term2"]) == ("license", "certification")
    texts = [m.text for m in render(decision, Context(knowledge.careers, general_facts()))]
    assert texts[0].startswith("License:") and texts[1].startswith("Certification:")


@pytest.mark.parametrize("text, code", [
    ("Wie viel verdient ein Psychologe in den USA?", "de"), ("oi, o que faz um desenvolvedor de software?", "pt"),
])
def test_german_and_more_portuguese(text: str, code: str) -> None:
    from bot.interpret.language import language_of

    assert language_of(text) == code


@pytest.mark.parametrize("text", ["how much do die makers earn", "what does a koch do", "die hard is a good movie"])
def test_german_look_alikes_are_english(text: str) -> None:
    from bot.interpret.language import language_of

    assert language_of(text) is None


@pytest.mark.parametrize("state_topic, text, rule", [
    ("pay", "is that what i'd make right out of college?", "pay_follow_up"),  # a level: medians only, said so
    ("pay", "is that more than most jobs pay", "explain"),
])
def test_figure_follow_ups_of_development_set_4(state_topic: str, text: str, rule: str) -> None:
    state = State(career="civil-engineers", last_topic=state_topic)
    assert decide(parse(text), state, current_knowledge()).rule == rule


def test_changing_one_answer_after_the_plan_keeps_the_others() -> None:
    """"i'd rather do the business side" after a high-school technical plan: the business plan, same stage."""
    state = State(career=IPM, pathway=PathwayState(career=IPM, answers={"stage": "high_school",
                                                                        "interest": "technical"}))
    decision = decide(parse("wait actually i changed my mind, i'd rather do the business side"), state,
                      current_knowledge())
    assert decision.rule == "plan_change" and decision.plan is not None and decision.plan.kind == "plan"
    assert "interest=business" in decision.details["answers"] and "stage=high_school" in decision.details["answers"]


@pytest.mark.parametrize("text, stage, question", [
    ("actually i'm in college", "college", "major"),
    ("oh wait im actually in college now", "college", "major"),
    ("wait no im still in high school", "high_school", None),
])
def test_a_corrected_stage_after_the_plan_redoes_it(text: str, stage: str, question: object) -> None:
    """A stage given with "actually"/"wait" after the plan replaces the old one; the others are kept or asked."""
    state = State(career=IPM, pathway=PathwayState(career=IPM, answers={"stage": "college", "major": "business"}
                                                   if stage == "high_school" else {"stage": "high_school",
                                                                                   "interest": "technical"}))
    decision = decide(parse(text, "inform", 0.9), state, current_knowledge())
    assert decision.rule == "plan_change", decision
    after = next_state(decision, state).pathway
    assert after.answers.get("stage") == stage
    if question:
        assert after.question == question


def test_a_stage_said_without_a_correction_word_is_not_a_change_of_mind() -> None:
    """"my brother is in college" after a high-school plan leaves the plan as it is."""
    state = State(career=IPM, pathway=PathwayState(career=IPM, answers={"stage": "high_school",
                                                                        "interest": "technical"}))
    decision = decide(parse("my brother is in college", "inform", 0.9), state, current_knowledge())
    assert decision.rule != "plan_change"


def test_a_question_with_two_or_three_choices_names_them() -> None:
    knowledge = current_knowledge()
    state = State(career=IPM, pathway=PathwayState(career=IPM, answers={"stage": "high_school"}))
    decision = decide(parse("im in high school", "inform", 0.9), State(career=IPM, pathway=PathwayState(
        question="stage", career=IPM)), knowledge)
    texts = [m.text for m in render(decision, Context(knowledge.careers, general_facts(), state))]
    assert any("Technical / engineering side" in t and "Business / people side" in t for t in texts), texts


@pytest.mark.parametrize("text", ["r most realtors their own boss", "do qc inspectors ever work extra hours"])
def test_a_detail_the_file_states_is_looked_up(text: str) -> None:
    knowledge = current_knowledge()
    decision = decide(parse(text), State(), knowledge)
    reply = " ".join(m.text for m in render(decision, Context(knowledge.careers, general_facts())))
    assert "self-employed" in reply or "overtime" in reply, reply


@pytest.mark.parametrize("text, part", [
    ("My grandpa drove semis. Do truckers get paid by the mile?", "Do truckers get paid by the mile?"),
    ("construction managers have to lift heavy stuff all day right? like carry beams",
     "construction managers have to lift heavy stuff all day right? like carry beams"),
    ("what do chefs make", None),
    ("i want to be a nurse even tho i hate blood. is that dumb? what classes do nurses take", None),
    ("am i crazy for wanting this? do lawyers work weekends", "do lawyers work weekends"),
])
def test_the_yes_no_part_of_a_message(text: str, part: str | None) -> None:
    """A yes/no question in a later sentence, or a statement with a tag ("right?"), is a yes/no question."""
    from bot.answers.honesty import yes_no_part

    assert yes_no_part(text) == part


def test_a_yes_no_question_after_context_gets_no_false_yes() -> None:
    reply = first_reply("pay", "heavy-and-tractor-trailer-truck-drivers",
                        "My grandpa drove semis. Do truckers get paid by the mile?")
    assert reply.startswith("My information about heavy and tractor-trailer truck drivers doesn't mention that")


def test_a_true_or_false_question_about_a_career_is_not_off_topic() -> None:
    """"head chefs eat free food at work, is that true?": "I don't know that", not "I can't help with that"."""
    decision = decide(parse("my friend says head chefs get to eat free food at work every day, is that true?",
                            "out_of_scope", 0.7), State(), current_knowledge())
    assert decision.kind == "not_known" and decision.careers == ("chefs-and-head-cooks",)


def test_an_occupation_named_inside_a_longer_title_is_that_occupation() -> None:
    """"real estate appraiser" is not a real estate agent: no realtor figures."""
    mentions = current_knowledge().catalog.find("real estate appraiser salary")
    assert mentions.careers == () and mentions.others == ("real estate appraiser",)


def test_a_definition_asked_before_a_career_sentence() -> None:
    decision = decide(parse("what's a defect? it says QC inspectors look for them", "ask_outlook", 0.69), State(),
                      current_knowledge())
    assert decision.kind == "glossary" and decision.details["term"] == "defect"


def test_two_stages_in_one_answer_ask_which_fits_best() -> None:
    """"i work on the assembly line and take a night class at community college": which one, only those two."""
    knowledge = current_knowledge()
    state = State(career=IPM, pathway=PathwayState(question="stage", career=IPM))
    decision = decide(parse("i work on the assembly line and take a night class at community college", "inform", 0.9),
                      state, knowledge)
    assert decision.rule == "plan_between" and decision.plan is not None
    assert set(decision.plan.choices) == {"college", "production_worker"}
    messages = render(decision, Context(knowledge.careers, general_facts(), state))
    assert "Which one fits you best" in messages[0].text and len(messages[-1].buttons) == 2


@pytest.mark.parametrize("text, topic", [
    ("how many more real estate jobs will there be by 2031", "outlook"),
    ("how many new real estate jobs open up every year", "openings"),
])
def test_jobs_added_by_a_year_are_the_outlook(text: str, topic: str) -> None:
    decision = decide(parse(text, "ask_openings", 0.99), State(), current_knowledge())
    assert decision.topics == (topic,), decision.describe()


@pytest.mark.parametrize("text", ["and brokers?", "and the regular sales agents?"])
def test_a_job_of_a_several_jobs_file_gets_the_last_topic_again(text: str) -> None:
    state = State(career="real-estate-brokers-and-sales-agents", last_topic="pay")
    decision = decide(parse(text, "browse_careers", 0.8), state, current_knowledge())
    assert decision.rule == "group" and decision.topics == ("pay",)


@pytest.mark.parametrize("question, unmentioned_", [
    ("do electrical engineers design iphones", True),  # "design" alone is not the question
    ("do civil engineers actually go out to construction sites or just sit at a desk", False),
])
def test_a_yes_no_question_needs_its_own_words(question: str, unmentioned_: bool) -> None:
    from bot.answers.honesty import unmentioned

    knowledge = current_knowledge()
    career = knowledge.careers["electrical-and-electronics-engineers" if "electrical" in question else "civil-engineers"]
    answer = ("Electrical and electronics engineers design and develop electrical equipment." if "electrical" in question
              else "Civil engineers work in offices and also at construction sites.")
    assert unmentioned(question, ("summary",), answer, career) is unmentioned_


def test_a_way_in_without_a_degree_in_the_how_to_become_paragraph_is_not_a_no() -> None:
    """Computer support: no typical level, and the paragraph says some qualify with a high school diploma and IT
    certifications. "can u get into IT support without a degree" gets that paragraph, no "No:" and no
    "doesn't mention"."""
    text = first_reply("without_degree", "computer-support-specialists", "can u get into IT support without a degree")
    assert "certifications" in text and not text.startswith("No") and "doesn't mention" not in text


def test_a_level_taken_to_be_enough_right_after_is_corrected() -> None:
    """"a bachelor's in psych and then start working as a psychologist right after": they need more."""
    from bot.answers import premises

    question = "I'll get a bachelor's in psych and then start working as a psychologist right after"
    fix = premises.correction(question, current_knowledge().careers["psychologists"], general_facts())
    assert fix is not None and "master" in fix


@pytest.mark.parametrize("question, career, high", [
    ("emts make more than paramedics right?", "emts-and-paramedics", "paramedics"),
    ("why do real estate agents make so much more than brokers", "real-estate-brokers-and-sales-agents",
     "real estate brokers"),
    ("buyers get paid more than purchasing managers dont they", "purchasing-managers-buyers-and-purchasing-agents",
     "purchasing managers"),
    ("qa testers make more than software developers right", "software-developers", "software developers"),
])
def test_a_wrong_order_of_two_jobs_pay_in_one_file_is_corrected(question: str, career: str, high: str) -> None:
    from bot.answers import premises

    fix = premises.correction(question, current_knowledge().careers[career], general_facts())
    assert fix is not None and fix.startswith("Actually, no") and f"{high} earn more" in fix


def test_a_right_order_of_two_jobs_pay_is_not_corrected() -> None:
    from bot.answers import premises

    fix = premises.correction("paramedics make more than emts right?",
                              current_knowledge().careers["emts-and-paramedics"], general_facts())
    assert fix is None


@pytest.mark.parametrize("text, term", [
    ("my mom keeps sayin get ur associates first... whats that lol", "associate's degree"),
    ("hold up, postsecondary?? never heard that word b4", "postsecondary"),
    ("bar exam = ??? explain pls", "bar exam"),
    ("ngl idk what livestock is", "livestock"),
])
def test_a_word_new_to_the_student_is_explained_wherever_the_message_says_so(text: str, term: str) -> None:
    """"never heard that word", "whats that", "idk what", "explain pls" anywhere, with one glossary word (dev set h11)."""
    decision = decide(parse(text, "nlu_fallback", 0.4), State(), current_knowledge())
    assert decision.kind == "glossary" and decision.details["term"] == term, decision.describe()


@pytest.mark.parametrize("text, intent, term", [
    ("is an apprenticeship paid or do u work for free", "ask_pay", "apprenticeship"),
    ("so is vo-tech basically college or nah", "ask_education", "trade school"),
    ("are internships even real jobs??", "ask_summary", "internship"),
    ("whats the diff between full-time and part-time", "ask_unknown_detail", "full time"),
    ("my aunt got her doctorate, what does that even mean", "ask_summary", "doctoral or professional degree"),
])
def test_a_question_about_one_word_with_no_career_explains_the_word(text: str, intent: str, term: str) -> None:
    """No career named or being talked about, and the question is about the word itself: its meaning."""
    decision = decide(parse(text, intent, 0.8), State(), current_knowledge())
    assert decision.kind == "glossary" and decision.details["term"] == term, decision.describe()


@pytest.mark.parametrize("text, intent", [
    ("do i need a bachelors degree?", "ask_education"),
    ("how many openings are there", "ask_openings"),
    ("whats the median pay", "ask_pay"),
])
def test_a_career_question_using_a_word_still_asks_which_career(text: str, intent: str) -> None:
    assert decide(parse(text, intent, 0.8), State(), current_knowledge()).kind == "which_career"


def test_a_word_question_during_a_career_is_about_the_career() -> None:
    state = State(career="electricians")
    assert decide(parse("is an apprenticeship paid", "ask_pay", 0.8), state, current_knowledge()).kind != "glossary"


@pytest.mark.parametrize("text, topic", [("school?", "education"), ("money??", "pay"), ("future?", "outlook")])
def test_a_topic_word_alone_asks_that_topic_of_the_current_career(text: str, topic: str) -> None:
    state = State(career="registered-nurses", last_topic="summary")
    decision = decide(parse(text, "nlu_fallback", 0.3), state, current_knowledge())
    assert (decision.kind, decision.topics, decision.careers) == ("answer", (topic,), ("registered-nurses",))


def test_a_topic_word_alone_with_no_career_is_not_answered() -> None:
    assert decide(parse("school?", "nlu_fallback", 0.3), State(), current_knowledge()).kind != "answer"


def test_per_year_after_the_pay_gives_the_annual_median_and_openings_each_year_stay_openings() -> None:
    knowledge = current_knowledge()
    state = State(career="civil-engineers", last_topic="pay")
    per_year = decide(parse("and per year", "nlu_fallback", 0.3), state, knowledge)
    texts = [m.text for m in render(per_year, Context(knowledge.careers, general_facts()))]
    assert per_year.topics == ("pay",) and "95,890 a year" in texts[0], texts
    openings = decide(parse("how many openings each year", "ask_openings", 0.9), state, knowledge)
    assert openings.topics == ("openings",)


def test_a_word_asked_while_a_plan_question_waits_is_explained_then_the_question_asked_again() -> None:
    knowledge = current_knowledge()
    state = State(career=IPM, pathway=PathwayState(question="stage", career=IPM))
    decision = decide(parse("first-line supervisor?? what's that", "ask_without_degree", 0.6), state, knowledge)
    assert decision.kind == "glossary" and decision.details["term"] == "first-line supervisor", decision.describe()
    texts = [m.text for m in render(decision, Context(knowledge.careers, general_facts(), state))]
    assert texts[0].startswith("First-line supervisor:") and decision.then is not None


def test_a_word_asked_with_a_family_story_gets_its_definition_not_a_worry() -> None:
    """The classifier heard a worry in "my sister keeps saying", but no word of worry is there: the word is asked."""
    decision = decide(parse("whats grad school?? my sister keeps saying shes applying to grad school", "share_worry",
                            0.94), State(), current_knowledge())
    assert decision.kind == "glossary", decision.describe()


def test_a_money_worry_with_a_no_college_question_gets_the_list_too() -> None:
    knowledge = current_knowledge()
    decision = decide(parse("what careers can i do without a college degree, my family can't really afford it",
                            "ask_without_degree", 0.98), State(), knowledge)
    assert decision.kind == "worry" and decision.then is not None and decision.then.browse == "no_degree"
    texts = [m.text for m in render(decision, Context(knowledge.careers, general_facts()))]
    assert any("Chefs and head cooks" in text for text in texts), texts


@pytest.mark.parametrize("text, cluster", [
    ("what IT jobs do you have", "Information Technology"),
    ("can my family afford it", None),
    ("jobs in health care", "Health Science"),
])
def test_an_abbreviation_in_capitals_names_a_cluster_only_in_capitals(text: str, cluster: str) -> None:
    from bot.interpret.words import clusters_named

    assert clusters_named(text) == ((cluster,) if cluster else ())


@pytest.mark.parametrize("first, follow_up, intent", [
    ("how fast are industrial production manager jobs growing", "only 2 percent?? isnt that kinda terrible",
     "out_of_scope"),
    ("realtor median pay", "ok is that above the median for all jobs at least", "nlu_fallback"),
    ("farmer pay", "whats that compared to the pay for all occupations", "ask_pay"),
])
def test_a_figure_judged_right_after_it_is_explained(first: str, follow_up: str, intent: str) -> None:
    knowledge = current_knowledge()
    state = next_state(decide(parse(first, "ask_outlook" if "growing" in first else "ask_pay", 0.95), State(),
                              knowledge), State())
    decision = decide(parse(follow_up, intent, 0.5), state, knowledge)
    assert decision.kind == "explain" and decision.details["asked"] == "judge", decision.describe()


def test_the_figure_stays_the_topic_after_an_answer_with_a_second_topic() -> None:
    """"cnc machinist pay? i do shop class" answers pay and courses; "is that better than most jobs" is the pay."""
    decision = Decision("t", ANSWER, topics=("pay", "courses"), careers=("machinists-and-tool-and-die-makers",))
    assert next_state(decision, State()).last_topic == "pay"


def test_an_unsure_comparison_pointing_back_keeps_the_topic_just_answered() -> None:
    state = State(career="industrial-engineers", last_topic="pay")
    decision = decide(parse("how's that compare to production managers", "ask_outlook", 0.5), state,
                      current_knowledge())
    assert decision.kind == "compare" and decision.topics == ("pay",), decision.describe()


@pytest.mark.parametrize("text, term", [
    ("whats a doctorate? is it only for doctors or can like anybody get one", "doctoral or professional degree"),
    ("hold up what is a phd lmao i always thought it was like a doctor", "doctoral or professional degree"),
    ("whats a residency? like the doctors on greys anatomy?", "residency"),
    ("whats an internship exactly, my teacher keeps telling us to get one in summer", "internship"),
])
def test_a_word_asked_first_is_defined_though_an_unknown_job_is_mentioned(text: str, term: str) -> None:
    decision = decide(parse(text, "ask_unknown_detail", 0.7), State(), current_knowledge())
    assert decision.kind == "glossary" and decision.details["term"] == term, decision.describe()


@pytest.mark.parametrize("text", ["about as fast as average?? average of what tho",
                                  "it says 'much faster than the average' but faster than WHAT??"])
def test_average_of_what_asks_the_outlook_words(text: str) -> None:
    decision = decide(parse(text, "out_of_scope", 0.7), State(), current_knowledge())
    assert decision.kind == "glossary" and decision.details["term"] == "much faster than the average"


@pytest.mark.parametrize("career, last, text", [
    ("registered-nurses", "outlook", "why are there so many nurse openings every year then"),
    ("civil-engineers", "openings", "why that many openings if the field is only growing 6%"),
    ("quality-control-inspectors", "outlook", "then how are there 65200 openings a year if its declining?? makes no sense"),
])
def test_why_so_many_openings_is_explained_with_the_career_named_or_a_longer_message(career: str, last: str,
                                                                                      text: str) -> None:
    knowledge = current_knowledge()
    decision = decide(parse(text, "ask_openings", 1.0), State(career=career, last_topic=last), knowledge)
    assert (decision.kind, decision.topics, decision.details.get("asked")) == ("explain", ("openings",), "why")
    texts = [m.text for m in render(decision, Context(knowledge.careers, general_facts()))]
    assert "retire or move to other careers" in texts[0], texts


@pytest.mark.parametrize("text, code", [
    ("Magkano ang sahod ng nurse dito sa America? gusto ko maging nurse katulad ng tita ko", "tl"),
    ("Ano ang kailangan kong pag-aralan para maging abogado? salamat po", "tl"),
    ("oye bro qué es el job outlook de los lawyers, no le entiendo nada a esa palabra", "es"),
])
def test_tagalog_and_spanish_with_english_job_words_are_noticed(text: str, code: str) -> None:
    from bot.interpret.language import language_of

    assert language_of(text) == code


def test_a_spanish_message_naming_its_counselor_gets_the_reply_in_spanish() -> None:
    """"mi counselor me dijo..." is not a request for a counselor; the Spanish reply gives the office anyway."""
    decision = decide(parse("mi counselor me dijo que te preguntara sobre HVAC, qué es eso y cuánto pagan?",
                            "ask_counselor", 0.9), State(), current_knowledge())
    assert decision.kind == "other_language" and decision.details.get("language") == "es", decision.describe()


@pytest.mark.parametrize("text, term", [
    ("OJT??", "on-the-job training"),
    ("what does moderate-term mean for the training", "on-the-job training"),
    ("on our field trip the guide kept saying livestock 🐄 what counts as livestock", "livestock"),
    ("what do u mean by certifications", "certification"),
    ("went to a career fair 😭 whats an internship and do u get paid", "internship"),
])
def test_glossary_words_asked_alone_in_the_plural_or_after_a_story(text: str, term: str) -> None:
    """A word alone with a question mark, a plural, "what counts as", a question after an emoji: defined."""
    decision = decide(parse(text), State(), current_knowledge())
    assert decision.kind == "glossary" and decision.details["term"] == term, decision


def test_a_job_named_only_as_a_person_is_no_unknown_career() -> None:
    """"my teacher said it" speaks of a person: the word asked is defined, not "I don't have teachers"."""
    decision = decide(parse("whats a median? my teacher said it but i forgot", "out_of_scope", 0.5), State(),
                      current_knowledge())
    assert decision.kind == "glossary", decision
    assert decide(parse("how much do teachers make", "ask_pay", 0.9), State(), current_knowledge()).others


@pytest.mark.parametrize("text, asked", [
    ("faster than what", "meaning"), ("7% sounds tiny lol", "judge"), ("so thats like average?", "judge"),
    ("cool whats that for a full year", "meaning"), ("where do the openings come from", "why"),
    ("ok and why is 11 called fast", "meaning"),
])
def test_follow_ups_on_a_figure_are_explained(text: str, asked: str) -> None:
    from bot.interpret.words import explain_asked
    assert explain_asked(text) == asked


def test_the_way_in_names_the_work_experience_a_career_asks_for() -> None:
    from bot.answers.facts import how_to_become, without_degree
    careers = current_knowledge().careers
    assert "5 years or more" in (how_to_become(careers[IPM]) or "")
    assert "5 years or more" in (without_degree(careers["farmers-ranchers-and-other-agricultural-managers"]) or "")
    assert "Work experience" not in (how_to_become(careers["registered-nurses"]) or "")


def test_growth_called_slow_is_corrected_when_the_source_says_faster() -> None:
    from bot.answers.premises import correction
    careers = current_knowledge().careers
    note = correction("industrial engineering growth is really slow tho isnt it", careers["industrial-engineers"],
                      general_facts())
    assert note and "12 percent" in note and note.startswith(("No", "Actually"))


def test_passing_the_bar_is_looked_up_in_the_file() -> None:
    from bot.answers import search
    sentences = search.find(current_knowledge().careers["lawyers"], "Do lawyers have to pass the bar?")
    assert any("bar exam" in sentence for sentence, _ in sentences), sentences


@pytest.mark.parametrize("question, topics, answer, unstated", [
    ("how long is paramedic school? like how many months", ("education",),
     "EMTs and paramedics usually finish an education program after high school.", True),
    ("how long does it take to become a lawyer", ("how_to_become",),
     "It usually takes 7 years of full-time study after high school.", False),
    ("how long does it take to get one", ("how_to_become",), "They need a bachelor's degree (a four-year degree).",
     False),
    ("what degree do they need", ("education",), "A bachelor's degree.", False),
])
def test_a_how_long_question_gets_no_length_the_file_does_not_state(question: str, topics: tuple, answer: str,
                                                                    unstated: bool) -> None:
    from bot.answers.honesty import duration_unstated
    assert duration_unstated(question, topics, [answer]) is unstated


@pytest.mark.parametrize("question", [
    "are there gonna be more emt jobs in the future",
    "is that like a yearly thing",
])
def test_a_yes_no_question_about_the_figure_itself_is_not_called_unmentioned(question: str) -> None:
    """Words that only ask for the figure ("gonna", "more", "future", "yearly") are not things the file must say."""
    from bot.answers.honesty import unmentioned
    from bot.knowledge.current import current_knowledge
    emts = current_knowledge().careers["emts-and-paramedics"]
    answer = "Employment of EMTs and paramedics is projected to grow 5 percent from 2022 to 2032. $44,780 a year."
    assert not unmentioned(question, ("outlook",), answer, emts)


@pytest.mark.parametrize("text, term", [
    ("wat is an apprenticship", "apprenticeship"),
    ("civil engineers design infastructure? what counts as that", "infrastructure"),
    ("whats a certifacation", "certification"),
])
def test_a_misspelled_glossary_word_is_read_as_meant(text: str, term: str) -> None:
    from bot.knowledge.glossary import asked_term
    found = asked_term(text)
    assert found is not None and found.term.lower().startswith(term[:8]), found


def test_spelling_leaves_english_words_alone() -> None:
    from bot.knowledge.glossary import spelled
    assert spelled("my licenses and the livestock") == "my licenses and the livestock"
    assert spelled("what is a contractor") == "what is a contractor"


def test_a_lower_degree_the_file_names_as_a_way_in_is_not_corrected() -> None:
    """"can i teach at a community college with just a masters": the file says a master's may be enough there."""
    from bot.answers.premises import correction
    careers = current_knowledge().careers
    teachers = careers["postsecondary-teachers"]
    assert correction("can i teach at a community college with just a masters degree", teachers, None) is None
    lawyers = careers["lawyers"]
    fix = correction("can i be a lawyer with just a bachelors degree", lawyers, None)
    assert fix is not None and fix.startswith("No"), fix


def test_an_unsure_unknown_detail_with_a_long_topic_phrase_gets_that_topic() -> None:
    """"what's the work like for quality control inspectors": unsure, a detail ranked first, but a topic phrase."""
    message = Parse.from_message({
        "text": "what's the work like for quality control inspectors",
        "intent": {"name": "nlu_fallback", "confidence": 0.5},
        "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.5},
                           {"name": "ask_unknown_detail", "confidence": 0.45}], "entities": []})
    decision = decide(message, State(), current_knowledge())
    assert decision.kind == ANSWER and decision.topics == ("work_environment",), decision


@pytest.mark.parametrize("career, question, start", [
    ("environmental-scientists-and-specialists",
     "why r environmental science jobs decreasing? i thought climate stuff was a big deal", "Actually, no: employment"),
    ("chefs-and-head-cooks", "you cant become a chef without a culinary school degree right so i need to save up",
     "Actually, no: the typical entry-level education for chefs and head cooks is a high school diploma"),
])
def test_premises_of_development_set_20(career: str, question: str, start: str) -> None:
    """Decline said as "decreasing"; "can't ... without a <kind of> degree" claims some college degree is needed."""
    from bot.answers.premises import correction

    reply = correction(question, current_knowledge().careers[career], general_facts())
    assert reply is not None and reply.startswith(start), reply


@pytest.mark.parametrize("career, question", [
    ("chefs-and-head-cooks", "can i become a chef without a culinary degree"),  # asks, claims nothing
    ("lawyers", "you cant become a lawyer without a law degree right"),  # true: a doctoral degree
])
def test_degree_claims_the_file_agrees_with_add_nothing(career: str, question: str) -> None:
    from bot.answers.premises import correction

    assert correction(question, current_knowledge().careers[career], general_facts()) is None


@pytest.mark.parametrize("text, term", [
    ("it says moderate-term on-the-job training, how long is moderate term?", "on-the-job training"),
    ("long term on the job training = how long???", "on-the-job training"),
    ('whats "outlook" mean on a career page. like the weather?', "job outlook"),
    ("post secondary education = ??", "postsecondary"),
    ("ok but what is infrastructure exactly", "infrastructure"),
    ("how long is an apprenticeship", "apprenticeship"),
])
def test_glossary_words_asked_in_more_ways(text: str, term: str) -> None:
    """"how long is <word>", "<word> = ??", a lead "ok but", "outlook" alone."""
    from bot.knowledge.glossary import asked_term

    found = asked_term(text)
    assert found is not None and found.term == term


@pytest.mark.parametrize("text", [
    "how long is the on the job training for hvac, is it long",
    "how long is the training for nurses",
    "whats the outlook for chefs",
])
def test_career_questions_with_glossary_words_are_not_glossary_questions(text: str) -> None:
    from bot.knowledge.glossary import asked_term

    assert asked_term(text) is None


def test_a_worry_only_the_classifier_hears_in_a_question_during_the_plan_is_heard() -> None:
    """"wait my grades in math are really bad tho, is that gonna be a problem?" while the plan asks which side:
    a question, not an answer to the plan question ("math" is not the technical side chosen)."""
    state = State(career=IPM, pathway=PathwayState(question="interest", career=IPM,
                                                   answers={"stage": "high_school"}))
    decision = decide(Parse(text="wait my grades in math are really bad tho, is that gonna be a problem?",
                            intent="share_worry", confidence=0.81,
                            ranking=(("share_worry", 0.81), ("crisis", 0.33))), state, current_knowledge())
    assert decision.kind == WORRY and decision.then is not None and decision.then.plan is not None
    assert decision.then.plan.question == "interest"
    short = decide(Parse(text="math?", intent="share_worry", confidence=0.81,
                         ranking=(("share_worry", 0.81),)), state, current_knowledge())
    assert short.kind != WORRY  # a short answer with a question mark is still an answer


@pytest.mark.parametrize("text", [
    "my brother has been on the assembly line for like 6 years, can he become a production manager without college",
    "can my sister become an industrial production manager without a degree",
])
def test_a_question_for_someone_else_does_not_start_the_student_s_plan(text: str) -> None:
    decision = decide(parse(text, "ask_without_degree", 0.99), State(), current_knowledge())
    assert decision.kind == ANSWER and decision.then is None


def test_can_i_still_become_one_is_not_a_worry_about_grades() -> None:
    """"i have a bachelors in history. can i still become one?": a question about the way in, not a worry."""
    assert worry_in("i have a bachelors in history. can i still become an industrial production manager?") is None
    assert worry_in("my grades are bad, can i still become a nurse") == "grades"


@pytest.mark.parametrize("text, intent", [
    ("how much work experience do you need before becoming an emt", "ask_how_to_become"),
    ("how many years of work experience do paramedics need before they get hired", "ask_unknown_detail"),
])
def test_work_experience_a_file_does_not_state_is_not_guessed(text: str, intent: str) -> None:
    """A question about the work experience needed, for a career whose file doesn't state it: "I don't have"
    first, then the way in; never a job count or a guessed number of years."""
    knowledge = current_knowledge()
    decision = decide(Parse(text=text, intent=intent, confidence=0.53, ranking=((intent, 0.53), ("ask_openings", 0.4))),
                      State(), knowledge)
    assert decision.kind == ANSWER and decision.topics[0] in {"how_to_become", "education"}
    reply = render(decision, Context(knowledge.careers, general_facts(), State()))[0].text
    assert reply.startswith("I don't have how much work experience EMTs and paramedics need")


def test_work_experience_a_file_states_is_given() -> None:
    knowledge = current_knowledge()
    decision = decide(Parse(text="how much work experience do chefs need", intent="ask_how_to_become",
                            confidence=0.9, ranking=(("ask_how_to_become", 0.9),)), State(), knowledge)
    reply = render(decision, Context(knowledge.careers, general_facts(), State()))[0].text
    assert "I don't have" not in reply and "5 years or more" in reply


def test_an_either_or_question_is_not_answered_by_a_generic_verb() -> None:
    """"do barbers have to buy their own clippers ... or does the shop give them": "give" in "give other services"
    answers neither side."""
    career = current_knowledge().careers["barbers-hairstylists-and-cosmetologists"]
    question = "do barbers have to buy their own clippers and scissors or does the shop give them"
    answer = ("Barbers, hairstylists, and cosmetologists cut hair, style hair, and give other services that have to do "
              "with how a person looks.")
    assert unmentioned(question, ["duties"], answer, career)


@pytest.mark.parametrize("text, term", [
    ("what is comunity collage", "community college"),
    ("whats trade scool", "trade school"),
    ("what is on the job trainning", "on-the-job training"),
])
def test_a_glossary_phrase_with_a_misspelled_word_is_read_as_meant(text: str, term: str) -> None:
    """One word of a glossary phrase a letter off, even an English word ("collage"), when the others are right."""
    from bot.knowledge.glossary import asked_term

    found = asked_term(text)
    assert found is not None and found.term == term


@pytest.mark.parametrize("text", ["my friend goes to community college", "community colleges near me",
                                  "i like the college life", "what is a bachelors degree"])
def test_glossary_phrases_as_they_are_are_left_alone(text: str) -> None:
    from bot.knowledge.glossary import spelled

    assert spelled(text) == text


@pytest.mark.parametrize("question", [
    "im a junior in high school. what do industrial production managers do all day",
    "what do nurses do all day at the hospital",
])
def test_an_open_question_with_all_day_claims_nothing(question: str) -> None:
    """"what do they do all day" asks; "high school" in another sentence is not a place of the work."""
    from bot.answers.premises import correction

    career = current_knowledge().careers["industrial-production-manager" if "industrial" in question
                                         else "registered-nurses"]
    assert correction(question, career, general_facts()) is None


@pytest.mark.parametrize("text, term", [
    ("ok dumb question but whats a masters degree", "master's degree"),
    ("sry whats 'job outlook'", "job outlook"),
    ("r internships paid or nah, and what r they anyway", "internship"),
    ("if i work full time how many hours is that a week", "full time"),
])
def test_glossary_words_asked_after_an_apology_or_at_the_end(text: str, term: str) -> None:
    """Leads like "dumb question but", "sry"; "... and what r they anyway"; "how many hours is that"."""
    from bot.knowledge.glossary import asked_term

    found = asked_term(text)
    assert found is not None and found.term == term


@pytest.mark.parametrize("career, question, start", [
    ("industrial-production-manager",
     "robots are taking over factories so production managers wont be needed anymore. why even bother?",
     "Actually, no: employment of industrial production managers is projected to grow"),
    ("electrical-and-electronics-engineers",
     "electronics engineers get paid less than electrical engineers so i should do electrical instead right",
     "Actually, no: electronics engineers"),
])
def test_premises_of_development_set_19(career: str, question: str, start: str) -> None:
    """"won't be needed anymore" is a decline claim; a pay order claim followed by "so ..." is still a claim."""
    from bot.answers.premises import correction

    reply = correction(question, current_knowledge().careers[career], general_facts())
    assert reply is not None and reply.startswith(start), reply


@pytest.mark.parametrize("text, term", [
    ("sry im in 7th grade whats a bachelor's degree", "bachelor"),
    ("my counselor keeps saying i should look at trade school what is an apprenticeship", "apprenticeship"),
])
def test_a_word_asked_after_a_statement_in_one_sentence_is_read(text: str, term: str) -> None:
    """The question may start mid-sentence: the glossary reads from where it starts."""
    from bot.knowledge.glossary import asked_term
    found = asked_term(text)
    assert found is not None and term in found.term.lower(), found


def test_a_statement_with_a_question_word_later_is_not_a_glossary_question() -> None:
    from bot.knowledge.glossary import asked_term
    assert asked_term("im in 10th grade what is the pay for nurses") is None


def test_a_yes_no_question_the_found_sentences_answer_is_not_called_unanswered() -> None:
    """"do realtors need a license": the file's sentence about the license answers it, no "I don't have"."""
    from bot.answers.honesty import answered_by
    from bot.knowledge.current import current_knowledge
    realtors = current_knowledge().careers["real-estate-brokers-and-sales-agents"]
    said = "Every state requires real estate brokers and agents to have a license."
    assert answered_by("do realtors need a license or can anyone do it", said, realtors)
    assert not answered_by("do realtors need a college degree", said, realtors)
    assert not answered_by("how long does the license take", said, realtors)  # not a yes/no question
    scientists = current_knowledge().careers["environmental-scientists-and-specialists"]
    degree = "They usually need a bachelor's degree (a four-year college degree) in natural science."
    assert answered_by("does this job need college or naw", degree, scientists)  # only topic words, in the text


def _reply(text: str, intent: str = "ask_pay", confidence: float = 0.9) -> str:
    knowledge = current_knowledge()
    decision = decide(parse(text, intent, confidence), State(), knowledge)
    return " ".join(m.text for m in render(decision, Context(knowledge.careers, general_facts())))


@pytest.mark.parametrize("text, lacking, figure", [
    ("nurse vs doctor pay?", "doctors", "$81,220"),
    ("who makes more, a trucker or an airline pilot", "airline pilots", "$54,320"),
])
def test_a_job_the_bot_lacks_named_beside_one_it_has_is_said_to_be_missing(text: str, lacking: str,
                                                                          figure: str) -> None:
    """The answer for the career the bot has, and first that it has nothing on the other: no silent half-answer."""
    reply = _reply(text)
    assert f"I don't have information about {lacking}" in reply and figure in reply, reply


def test_a_job_named_as_a_person_gets_no_missing_note() -> None:
    """"my dad is a doctor, how much do nurses make": the dad is no question about doctors."""
    assert "don't have information about" not in _reply("my dad is a doctor, how much do nurses make")


@pytest.mark.parametrize("text, stated", [
    ("do truck drivers need work experience before they start", "Work experience in a related job: None"),
    ("do barbers need work experience first", "Work experience in a related job: None"),
])
def test_work_experience_asked_is_answered_by_the_files_line(text: str, stated: str) -> None:
    """The education line states the work experience; "before they start" asks nothing the file lacks."""
    reply = _reply(text, "ask_unknown_detail")
    assert stated in reply and "doesn't mention" not in reply, reply


def test_a_yes_no_question_after_a_worry_is_checked_like_any_other() -> None:
    """"im bad at math. do u have to be good at math to be a software engineer": the file doesn't say so."""
    text = "im bad at math. do u have to be really good at math to be a software engineer??"
    assert decide(parse(text, "ask_unknown_detail", 0.9), State(), current_knowledge()).kind == WORRY
    reply = _reply(text, "ask_unknown_detail")  # what follows the worry's reply (sent by the action)
    assert "doesn't mention" in reply, reply


def test_every_title_the_bot_lacks_keeps_its_plural() -> None:
    """"doctors or airline pilots", not "doctor or airline pilots": each title in the plural, whole or as a note."""
    from bot.interpret.decision import UNKNOWN_CAREER

    knowledge = current_knowledge()
    decision = Decision("unknown_career", UNKNOWN_CAREER, others=("doctor", "airline pilot"))
    text = render(decision, Context(knowledge.careers, general_facts()))[0].text
    assert "doctors or airline pilots" in text, text


@pytest.mark.parametrize("question, first_words", [
    ("chefs make way more money than nurses right?", "Actually, no: registered nurses earn more"),
    ("my uncle says truck drivers make more than lawyers lol is that true", "Actually, no: lawyers earn more"),
])
def test_a_wrong_pay_order_of_two_careers_is_corrected_first(question: str, first_words: str) -> None:
    """Development set 24: a comparison built on the wrong order says "no" before the figures."""
    from bot.answers.compare import compare
    from bot.interpret.decision import COMPARE

    knowledge = current_knowledge()
    careers = ("chefs-and-head-cooks", "registered-nurses") if "chefs" in question else \
        ("heavy-and-tractor-trailer-truck-drivers", "lawyers")
    decision = Decision("compare", COMPARE, topics=("pay",), careers=careers, question=question)
    text = compare(decision, Context(knowledge.careers, general_facts()))[0].text
    assert text.startswith(first_words), text
    right = Decision("compare", COMPARE, topics=("pay",), careers=careers, question="nurses make more than chefs right?")
    assert "Actually" not in compare(right, Context(knowledge.careers, general_facts()))[0].text


def test_a_yes_no_question_after_several_fillers_is_one() -> None:
    """"ok so do production managers get a bonus ...": two fillers before "do" still make it a yes/no question."""
    assert is_yes_no("ok so do production managers get a bonus when the plant hits its goals")
    assert is_yes_no("yo, so like can nurses work nights")
    assert not is_yes_no("ok so what do they do")


@pytest.mark.parametrize("text, next_guess, fact", [
    ("i want to be a paramedic but im nervous i wont be able to handle the stress of it", "want_career", "stressful"),
    ("i want to be a lawyer but i get really bad test anxiety and i heard theres a huge test you have to pass",
     "ask_unknown_detail", "bar exam"),
])
def test_a_worry_about_the_job_itself_gets_what_the_file_says_of_it(text: str, next_guess: str, fact: str) -> None:
    """Heard first (the worry reply with the counselor), then the file's own sentences about what worries them."""
    knowledge = current_knowledge()
    ranking = [{"name": "share_worry", "confidence": 0.92}, {"name": next_guess, "confidence": 0.05}]
    decision = decide(Parse.from_message({"text": text, "intent": ranking[0], "intent_ranking": ranking,
                                          "entities": []}), State(), knowledge)
    assert decision.kind == WORRY and decision.then is not None, decision.describe()
    reply = " ".join(m.text for m in render(decision.then, Context(knowledge.careers, general_facts())))
    assert fact in reply, reply


def test_a_worry_about_time_in_school_is_not_looked_up_as_a_detail() -> None:
    """"it takes forever in school and im worried": the way in, not file sentences that mention "school"."""
    decision = decide(parse("i want to be a professor someday but my cousin said it takes forever in school and im "
                            "worried ill be super old", "share_worry", 0.95), State(), current_knowledge())
    assert decision.kind == WORRY and decision.then is not None and decision.then.kind == ANSWER, decision.describe()


@pytest.mark.parametrize("text, words", [
    ("what does long-haul mean", "long distances"),
    ("what does irregular hours mean", "change from week to week"),
    ("what counts as natural science", "biology"),
    ("what is an outpatient clinic", "same day"),
    ("what does culinary mean", "cooking"),
    ("the description says precision metal parts, what does precision mean", "exact"),
    ("whats quality assurance", "problems"),
])
def test_words_the_career_files_use_are_explained(text: str, words: str) -> None:
    """Words of the career files a student may not know (knowledge/glossary.yml), in plain words."""
    assert words in _reply(text, "nlu_fallback", 0.4)


def test_an_all_or_nothing_question_the_search_cannot_answer_gets_the_work_environment() -> None:
    """"do they only work at schools" about counselors: not always, and where they work; never "I don't know"."""
    knowledge = current_knowledge()
    decision = Decision("t", "not_known", careers=("school-and-career-counselors",),
                        question="do they only work at schools")
    reply = " ".join(m.text for m in render(decision, Context(knowledge.careers, general_facts())))
    assert reply.startswith("Not always") and "don't know" not in reply and "colleges" in reply, reply


def test_haitian_creole_is_noticed() -> None:
    """"bonjou, konbyen kòb yon enfimyè fè chak ane?": the "I answer in English" note, not "Sorry, I can't help"."""
    from bot.interpret.language import language_of

    assert language_of("bonjou, konbyen kòb yon enfimyè fè chak ane?") == "ht"
    decision = decide(parse("bonjou, konbyen kòb yon enfimyè fè chak ane?", "out_of_scope", 0.9), State(),
                      current_knowledge())
    assert decision.kind == "other_language", decision.describe()


@pytest.mark.parametrize("text, kind", [
    ("college is sooo expensive and my mom already works two jobs. whats the cheapest way to become a nurse", "money"),
    ("ppl at school call me a nerd bc i like computers and it kinda hurts ngl", "bullying"),
    ("im hard of hearing, are there nurses like me or is that not allowed", "doubted"),
    ("my family is in a lot of debt and i wanna get rich quick, do realtors make a lot", "money"),
    ("kinda embarrassed about it ngl, everyone in my family went to college except me", "stress"),
])
def test_worries_of_development_set_25_are_heard(text: str, kind: str) -> None:
    assert worry_in(text) == kind


@pytest.mark.parametrize("text", ["is college expensive", "how much does nursing school cost",
                                  "is it allowed to have tattoos as a nurse"])
def test_questions_about_cost_and_rules_are_not_worries(text: str) -> None:
    assert worry_in(text) is None


@pytest.mark.parametrize("career,question,expected", [
    ("software-developers", "the median pay for software devs is like 250k right", "$130,160"),
    ("industrial-production-manager", "production manager jobs are growing like 15 percent which is crazy",
     "grow 2 percent"),
    ("chefs-and-head-cooks", "theres like 100,000 chef job openings every year so ill def get hired", "22,000 openings"),
    ("quality-control-inspectors", "my cousin says you need an engineering degree to be a quality control inspector",
     "high school diploma"),
    ("emts-and-paramedics", "paramedics go to medical school like doctors so its like 8 years of school right",
     "postsecondary nondegree award"),
])
def test_premises_of_development_set_26(career: str, question: str, expected: str) -> None:
    """A figure or a length of school taken for granted is corrected with the file's own figure."""
    from bot.answers.premises import correction

    reply = correction(question, current_knowledge().careers[career], general_facts())
    assert reply is not None and reply.startswith("Actually, no:") and expected in reply


@pytest.mark.parametrize("career,question", [
    ("software-developers", "is software growing more than 10 percent"),
    ("software-developers", "are software dev jobs growing 17 percent"),
    ("chefs-and-head-cooks", "are there over 10,000 openings a year"),
    ("chefs-and-head-cooks", "theres like 22,000 openings a year right"),
    ("registered-nurses", "is it 4 years of college to be a nurse"),
    ("lawyers", "is it 7 years of school to be a lawyer"),
    ("registered-nurses", "do you need a degree to be a nurse"),
    ("registered-nurses", "the pay for nurses is like 80k right"),
])
def test_right_figures_and_bounds_near_those_premises_add_nothing(career: str, question: str) -> None:
    from bot.answers.premises import correction

    assert correction(question, current_knowledge().careers[career], general_facts()) is None


@pytest.mark.parametrize("text, code", [
    ("can you answer in spanish? my english is not so good", "es"),
    ("do u speak french", "fr"),
    ("hablas español?", "es"),
    ("can u talk to me in portuguese", "pt"),
])
def test_a_request_for_another_language_gets_the_english_for_now_reply(text: str, code: str) -> None:
    """Asking the bot to speak a language (in English or in it) gets the note in that language (set 27)."""
    decision = decide(parse(text), State(), current_knowledge())
    assert decision.kind == "other_language" and decision.details["language"] == code


@pytest.mark.parametrize("text", ["do nurses need to speak spanish", "is spanish useful for a reporter",
                                  "what jobs can i get if i speak french"])
def test_a_language_as_a_job_skill_is_a_career_question(text: str) -> None:
    from bot.interpret.language import asked_language

    assert asked_language(text) is None


@pytest.mark.parametrize("text", [
    "how long does it take to get the license",
    "how much do they make and what do i need to get licensed",
    "what does it take to get certified",
])
def test_what_someone_needs_is_not_a_word_question(text: str) -> None:
    """"what do i need to get licensed": the career's requirements, not the glossary's "license" (set 46)."""
    from bot.knowledge.glossary import asked_term

    assert asked_term(text) is None


@pytest.mark.parametrize("career,question,expected", [
    ("barbers-hairstylists-and-cosmetologists", "hairstylists make like 30 bucks an hour right", "$14.27 an hour"),
    ("emts-and-paramedics", "emts and paramedics get paid the same right", "paramedics earn more ($53,180"),
    ("purchasing-managers-buyers-and-purchasing-agents",
     "purchasing managers prob make less than buyers since buyers do the actual buying", "purchasing managers earn more"),
])
def test_premises_of_development_set_27(career: str, question: str, expected: str) -> None:
    """An hourly figure, two jobs of one file said to be paid alike or in the wrong order: corrected (set 27)."""
    from bot.answers.premises import correction

    reply = correction(question, current_knowledge().careers[career], general_facts())
    assert reply is not None and reply.startswith("Actually, no:") and expected in reply


@pytest.mark.parametrize("career,question", [
    ("registered-nurses", "nurses make like 39 an hour right"),
    ("registered-nurses", "do nurses and chefs make the same"),
])
def test_right_hourly_figures_add_nothing(career: str, question: str) -> None:
    from bot.answers.premises import correction

    assert correction(question, current_knowledge().careers[career], general_facts()) is None


@pytest.mark.parametrize("text, kind", [
    ("we really need money at home and i gotta start working right after high school. what about hvac", "money"),
    ("my dad says barbers dont make real money and ill be broke forever. is that true", "money"),
    ("my grandpa wants me to take over the farm but i want to be a chef so bad", "parents"),
    ("no... my parents keep calling me a failure bc i didnt go to college", "parents"),
    ("i suck at writing lol but i still wanna be a reporter", "grades"),
])
def test_worries_of_development_set_27(text: str, kind: str) -> None:
    assert worry_in(text) == kind


def test_a_school_worry_about_the_page_career_gets_its_way_in() -> None:
    """"im failing algebra 2 rn, can i still do this" on the civil engineers' page: their way in after the worry."""
    knowledge = current_knowledge()
    decision = decide(parse("im failing algebra 2 rn 😭 can i still do this", "out_of_scope", 0.98),
                      State(career="civil-engineers"), knowledge)
    assert decision.kind == WORRY and decision.then is not None
    assert decision.then.topics == ("how_to_become",) and decision.then.careers == ("civil-engineers",)


@pytest.mark.parametrize("text, kind", [
    ("i need to start making money fast for my family after high school", "money"),
    ("i got teased for bringing my own food i cooked to school", "bullying"),
    ("my mom keeps comparing me to my older brother", "parents"),
    ("my parents are gonna be so mad at me, they want me to go to college", "parents"),
])
def test_worries_of_development_set_28(text: str, kind: str) -> None:
    assert worry_in(text) == kind


@pytest.mark.parametrize("career, text, expected", [
    ("registered-nurses", "there arent really any nursing jobs open anymore are there", "grow 6 percent"),
    ("emts-and-paramedics", "emts and paramedics get paid the exact same thing", "paramedics earn more"),
    ("financial-analysts", "financial analysts make under 50k so its not worth it", "$99,890"),
    ("chefs-and-head-cooks", "chefs make less than 30k", "$56,520"),
    ("reporters-correspondents-and-broadcast-news-analysts",
     "journalism is growing way faster than every other job rn", "more modest"),
    ("industrial-engineers", "why is industrial engineering growing slower than average", "grow 12 percent"),
])
def test_premises_of_development_set_29_are_corrected(career: str, text: str, expected: str) -> None:
    """No jobs "anymore", "the exact same" pay, a pay bound ("under 50k"), "faster than every other", "slower"."""
    from bot.answers.premises import correction

    fix = correction(text, current_knowledge().careers[career], general_facts())
    assert fix is not None and expected in fix


@pytest.mark.parametrize("career, text", [
    ("registered-nurses", "nurses make over 50k right"),  # true: half earn more than $81,220
    ("registered-nurses", "do nurses make more than 100k"),  # a question near the median
    ("chefs-and-head-cooks", "chefs make under 60k"),  # true for about half of them
])
def test_a_pay_bound_that_holds_is_not_corrected(career: str, text: str) -> None:
    from bot.answers.premises import correction

    assert correction(text, current_knowledge().careers[career], general_facts()) is None


def test_a_premise_inside_a_worry_is_corrected_in_the_answer_after_it() -> None:
    """"electrical engineering jobs are shrinking so i should pick something else": the worry is heard, and the
    outlook answer after it starts by correcting the premise (the file says 9 percent, much faster)."""
    knowledge = current_knowledge()
    text = "electrical engineering jobs are shrinking so i should pick something else"
    decision = decide(parse(text, "ask_outlook", 0.86), State(career="electrical-and-electronics-engineers"), knowledge)
    assert decision.kind == WORRY and decision.then is not None and decision.then.claims == text
    reply = " ".join(m.text for m in render(decision.then, Context(knowledge.careers, general_facts())))
    assert reply.startswith("Actually, no: employment of electrical and electronics engineers is projected to grow 9")


@pytest.mark.parametrize("text, kind", [
    ("i got dropped from my culinary class for missing too many days. can i still become a chef?", "grades"),
    ("my mom is scared for me to become a trucker cause i'd be gone all the time", "parents"),
])
def test_worries_of_development_set_29(text: str, kind: str) -> None:
    assert worry_in(text) == kind


def test_an_all_or_nothing_word_far_from_a_place_claims_nothing() -> None:
    """"someone at my old school said i would never be a scientist": "never" and "school" are not one claim."""
    from bot.answers.premises import absolute_claim

    career = current_knowledge().careers["environmental-scientists-and-specialists"]
    assert not absolute_claim("someone at my old school said a kid like me would never be a scientist", career)
    assert absolute_claim("do they only work outdoors", career)
