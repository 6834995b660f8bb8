"""Looking up a detail in a career's own file (bot/answers/search.py)."""

from __future__ import annotations

from typing import Dict

import pytest

from bot.answers import search
from bot.knowledge.loader import load_all
from bot.knowledge.models import Career


@pytest.fixture(scope="module")
def careers() -> Dict[str, Career]:
    loaded = load_all()
    return loaded if isinstance(loaded, dict) else {c.id: c for c in loaded}


@pytest.mark.parametrize("career_id, question, expected", [
    ("heavy-and-tractor-trailer-truck-drivers", "do truck drivers need a special license", "CDL"),
    ("heavy-and-tractor-trailer-truck-drivers", "are u away from home a lot", "away from home"),
    ("real-estate-brokers-and-sales-agents", "do realtors work for themselves", "self-employed"),
    ("barbers-hairstylists-and-cosmetologists", "do hairstylists work weekends", "weekends"),
    ("chefs-and-head-cooks", "how much experience do you need to be a head chef", "5 years or more"),
    ("psychologists", "do psychologists do an internship", "Internship/residency"),
])
def test_a_detail_in_the_file_is_found(careers: Dict[str, Career], career_id: str, question: str,
                                       expected: str) -> None:
    found = search.find(careers[career_id], question)
    assert found and expected in found[0][0]
    assert all(source in careers[career_id].sources for _, source in found)


@pytest.mark.parametrize("question", [
    "do nurses get health insurance",  # no concept of the vocabulary: nothing to look up
    "what's the weather like",
    "do registered nurses take care of registered nurses",  # the career's own name is not a concept word
])
def test_nothing_is_quoted_without_a_shared_concept(careers: Dict[str, Career], question: str) -> None:
    assert search.find(careers["registered-nurses"], question) == []


def test_only_the_careers_own_sentences_come_back(careers: Dict[str, Career]) -> None:
    for career in careers.values():
        own = {text for text, _ in search.sentences(career)}
        assert {t for t, _ in search.find(career, "do they need a license or work weekends")} <= own


def test_sentences_are_not_split_after_u_s(careers: Dict[str, Career]) -> None:
    texts = [t for t, _ in search.sentences(careers["electrical-and-electronics-engineers"])]
    assert not any(t.endswith("(U.S.") for t in texts)


def test_stems_join_forms() -> None:
    assert search.stem("licensed") == search.stem("license") == search.stem("licensing")
    assert search.stem("weekends") == search.stem("weekend")


def test_the_rest_of_a_two_part_question_is_looked_up(careers: Dict[str, Career]) -> None:
    barbers = careers["barbers-hairstylists-and-cosmetologists"]
    found = search.rest_of_question(barbers, "how much do barbers make and do they need a license", "The median pay")
    assert found and "licens" in found[0][0]
    assert search.rest_of_question(barbers, "how much do barbers make", "The median pay") == []
    # Already answered: nothing added.
    assert search.rest_of_question(barbers, "what do they do, and do they need a license", found[0][0]) == []


def test_education_without_an_entry_level_says_how_to_become_one(careers: Dict[str, Career]) -> None:
    """The source says "See How to Become One" for the entry-level education: the answer does."""
    from bot.answers import facts

    psychologists = careers["psychologists"]
    assert psychologists.education and psychologists.education.entry_level is None
    assert psychologists.how_to_become and psychologists.how_to_become.text in (facts.education(psychologists) or "")


def test_a_concept_limited_to_sections_quotes_only_them(careers: Dict[str, Career]) -> None:
    """The schedule concept quotes the work environment, never a duty that mentions "schedule" or overtime."""
    assert search.find(careers["industrial-production-manager"], "do they work overtime") == []
    found = search.find(careers["quality-control-inspectors"], "do they work a lot of overtime")
    assert found and all("overtime" in text or "full time" in text for text, _ in found)


def test_families_and_family_are_one_word(careers: Dict[str, Career]) -> None:
    """"away from their families" finds "away from home" (family concept)."""
    found = search.find(careers["heavy-and-tractor-trailer-truck-drivers"], "are they away from their families")
    assert any("away from home" in text for text, _ in found)


def test_a_sentence_with_ph_d_is_one_sentence_and_found_for_phd() -> None:
    """"Ph.D." does not end a sentence, and a student's "phd" finds it."""
    careers = load_all()
    found = search.find(careers["postsecondary-teachers"], "to be a professor do u need a phd or is a masters enough")
    assert found and "Ph.D. (a doctoral degree" in found[0][0]


def test_a_longer_alias_strips_its_words_only_when_the_question_says_it() -> None:
    """'work for a newspaper' is a reporter's alias; 'who do they usually work for' still asks about employers."""
    from bot.answers.search import find
    from bot.knowledge.current import current_knowledge

    reporters = current_knowledge().careers["reporters-correspondents-and-broadcast-news-analysts"]
    found = find(reporters, "who do they usually work for")
    assert found and "work for companies that publish" in found[0][0]
    truckers = current_knowledge().careers["heavy-and-tractor-trailer-truck-drivers"]
    assert any("away from home" in text or "long-haul" in text
               for text, _ in find(truckers, "she says id be gone all the time"))
