"""School settings, counselor requests, insults, the safety stage's decision, and the reply values."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.knowledge.loader import KnowledgeError
from bot.nlp.safety_intents import decide
from bot.paths import SCHOOL_FILE
from bot.safety import crisis, replies
from bot.safety.requests import asks_for_counselor, crosses_boundary
from bot.safety.school import load_school


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "school.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_demo_school_settings_are_valid() -> None:
    """The shipped file loads and has the defaults the issue asks for: 988 and 911."""
    school = load_school(SCHOOL_FILE)
    assert any("988" in r.how or "988" in r.name for r in school.crisis.resources)
    assert school.crisis.emergency.number == "911"
    assert school.counseling_office.booking.ways()


def test_missing_booking_names_the_field(tmp_path: Path) -> None:
    """A counseling office without any way to book is refused, naming the field."""
    data = yaml.safe_load(SCHOOL_FILE.read_text(encoding="utf-8"))
    data["counseling_office"]["booking"] = {"link": ""}
    with pytest.raises(KnowledgeError) as error:
        load_school(_write(tmp_path, data))
    assert "counseling_office.booking" in str(error.value)


def test_unknown_key_names_the_field(tmp_path: Path) -> None:
    """A misspelled key is refused with its place in the file."""
    data = yaml.safe_load(SCHOOL_FILE.read_text(encoding="utf-8"))
    data["crisis"]["resorces"] = []
    with pytest.raises(KnowledgeError) as error:
        load_school(_write(tmp_path, data))
    assert "crisis.resorces" in str(error.value)


def test_crisis_reply_values_put_911_first_when_danger_is_now() -> None:
    """Danger now: 911 leads; otherwise the crisis lines lead and 911 follows."""
    school = load_school(SCHOOL_FILE)
    now = replies.crisis_values(school, crisis.detect("i took a bunch of pills"))["crisis_steps"]
    later = replies.crisis_values(school, crisis.detect("i want to die"))["crisis_steps"]
    assert now.splitlines()[0].count("911") and "988" in now
    assert "988" in later.splitlines()[0] and "911" in later.splitlines()[-1]


def test_office_values_come_from_the_file() -> None:
    """The office's name, room and booking ways are in the values the replies use."""
    values = replies.office_values(load_school(SCHOOL_FILE))
    assert "Counseling Office" in values["office"] and "Room 114" in values["office_where"]
    assert "counseling@demo-high.example" in values["office_booking"]


@pytest.mark.parametrize("text", [
    "can I talk to a counselor?", "can i talk to a real person", "how do i book my guidance counselor",
    "i want to speak with a human", "where is the counseling office", "i need to talk to someone",
    "is there a counselor i can talk to", "can you pass this chat on to my counselor",
])
def test_counselor_requests(text: str) -> None:
    """Requests for a counselor or a person are recognised."""
    assert asks_for_counselor(text)


@pytest.mark.parametrize("text", [
    "how much do school counselors make", "how do i become a school counselor", "what does a counselor do",
    "are you a real person?", "can you talk to me about nurses",
])
def test_career_questions_about_counselors_are_not_requests(text: str) -> None:
    """The counselor career is a career question, and 'are you a real person?' is about the bot."""
    assert not asks_for_counselor(text)


@pytest.mark.parametrize("text", ["you're useless", "stupid bot", "shut up", "send nudes", "ur trash lol",
                                  "f you bot", "are you single"])
def test_insults_cross_the_boundary(text: str) -> None:
    """Insults and sexual messages aimed at the bot get the boundary."""
    assert crosses_boundary(text)


@pytest.mark.parametrize("text", ["this job sucks?", "is being a chef stressful", "my teacher is so annoying lol",
                                  "what do sex therapists earn"])
def test_venting_is_not_an_insult(text: str) -> None:
    """Venting about one's own day or a career question is not aimed at the bot."""
    assert not crosses_boundary(text)


def test_safety_stage_order() -> None:
    """Crisis beats everything; the classifier's crisis score counts; then counselor, then boundary."""
    assert decide("i want to kill myself, can i talk to a counselor", [], 0.4) == "crisis"
    assert decide("whatever", [{"name": "crisis", "confidence": 0.45}], 0.4) == "crisis"
    assert decide("whatever", [{"name": "crisis", "confidence": 0.2}], 0.4) is None
    assert decide("you're useless, let me talk to a real person", [], 0.4) == "ask_counselor"
    assert decide("stupid bot", [], 0.4) == "insult"
    assert decide("how much do nurses make", [{"name": "ask_pay", "confidence": 0.9}], 0.4) is None


def test_the_classifier_alone_is_not_trusted_on_hyperbole() -> None:
    """"die of boredom": the detector read it as hyperbole, so the classifier's crisis score is not enough."""
    ranking = [{"name": "crisis", "confidence": 0.97}, {"name": "out_of_scope", "confidence": 0.02}]
    assert decide("if i have to sit through one more assembly im going to die of boredom", ranking, 0.4) is None
    assert decide("he says hes going to kill me when he gets home", ranking, 0.4) == "crisis"


def test_a_career_question_needs_a_higher_classifier_score_and_the_detector_none() -> None:
    """A story around a career question sounds like a crisis to the classifier: it must be very sure then."""
    story = "my dad says chefs are broke, what do they really make"
    assert decide(story, [{"name": "crisis", "confidence": 0.9}], 0.7, 0.99, names_a_career=True) is None
    assert decide(story, [{"name": "crisis", "confidence": 0.995}], 0.7, 0.99, names_a_career=True) == "crisis"
    assert decide("i feel so empty lately", [{"name": "crisis", "confidence": 0.9}], 0.7, 0.99) == "crisis"
    mixed = "how much do nurses make, doesnt matter i wont be alive next year"
    assert decide(mixed, [{"name": "ask_pay", "confidence": 0.9}], 0.7, 0.99, names_a_career=True) == "crisis"


def test_the_classifier_alone_is_not_trusted_on_another_language() -> None:
    """The classifier knows English; a message in another language is the detector's to judge."""
    ranking = [{"name": "crisis", "confidence": 0.9}]
    assert decide("Y tá kiếm được bao nhiêu tiền một năm?", ranking, 0.7) is None
    assert decide("me quiero matar", [], 0.7) == "crisis"


def test_a_crisis_guess_below_the_threshold_gets_the_next_intent() -> None:
    """The classifier's first guess "crisis" at 0.6 is not trusted (0.7 needed): its next intent is the message's."""
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlp.safety_intents import SafetyIntents

    message = Message(data={"text": "im failing algebra, can i still be an engineer someday",
                            "intent": {"name": "crisis", "confidence": 0.6},
                            "intent_ranking": [{"name": "crisis", "confidence": 0.6},
                                               {"name": "share_worry", "confidence": 0.3}]})
    SafetyIntents({"crisis_threshold": 0.7}).process([message])
    assert message.get("intent")["name"] == "share_worry"


def test_hyperbole_the_classifier_took_for_a_crisis_gets_its_next_intent() -> None:
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlp.safety_intents import SafetyIntents

    message = Message(data={"text": "this essay is going to be the end of me",
                            "intent": {"name": "crisis", "confidence": 0.9},
                            "intent_ranking": [{"name": "crisis", "confidence": 0.9},
                                               {"name": "out_of_scope", "confidence": 0.08}]})
    SafetyIntents({}).process([message])
    assert message.get("intent")["name"] == "out_of_scope"


def test_without_crisis_reads_the_other_scores_as_shares_of_the_rest() -> None:
    from bot.nlp.safety_intents import without_crisis

    ranking = [{"name": "nlu_fallback", "confidence": 0.5}, {"name": "crisis", "confidence": 0.4},
               {"name": "want_career", "confidence": 0.33}, {"name": "ask_pay", "confidence": 0.1}]
    name, confidence = without_crisis(ranking, 0.5, 0.05)
    assert name == "want_career" and abs(confidence - 0.55) < 0.01
    unsure = [{"name": "crisis", "confidence": 0.4}, {"name": "ask_pay", "confidence": 0.25},
              {"name": "ask_outlook", "confidence": 0.25}]
    assert without_crisis(unsure, 0.5, 0.05) is None  # two guesses tied: still unsure


def test_a_worry_the_classifier_took_for_a_crisis_is_heard_as_a_worry() -> None:
    """Crisis ruled out (a career is named), nothing sure, and the next guess a worry: a worry."""
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlp.safety_intents import SafetyIntents

    message = Message(data={"text": "my dad says being a chef isnt a real job and i should give up",
                            "intent": {"name": "nlu_fallback", "confidence": 0.5},
                            "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.5},
                                               {"name": "crisis", "confidence": 0.92},
                                               {"name": "share_worry", "confidence": 0.03},
                                               {"name": "want_career", "confidence": 0.02}]})
    SafetyIntents({"crisis_threshold": 0.7, "career_question_threshold": 0.99}).process([message])
    assert message.get("intent")["name"] == "share_worry"
