"""Recognising careers in a message: the bot's own from their files, other jobs from the vocabulary."""

from __future__ import annotations

from typing import Dict

import pytest
import yaml

from bot.knowledge.catalog import Catalog, activity_forms, load_occupations, verb_forms, word_forms
from bot.knowledge.models import Career
from tests.conftest import CAREER_FILE


def make_career(career_id: str, title: str, plural: str, aliases=(), clusters=("Health Science",)) -> Career:
    """A small valid career (identity only) for tests."""
    with CAREER_FILE.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    data = {"schema_version": raw["schema_version"], "sources": raw["sources"],
            "career": {"id": career_id, "title": title, "plural": plural, "aliases": list(aliases),
                       "clusters": list(clusters), "summary": f"{plural} do things.", "source": "career_page"}}
    return Career.parse_obj(data)


@pytest.fixture(scope="module")
def catalog(career: Career) -> Catalog:
    careers: Dict[str, Career] = {
        career.id: career,
        "registered-nurses": make_career("registered-nurses", "registered nurse", "registered nurses", ["nurse", "RN"]),
        "chefs": make_career("chefs", "chef", "chefs", ["head cook"], ("Hospitality & Tourism",)),
        "industrial-engineers": make_career("industrial-engineers", "industrial engineer", "industrial engineers",
                                            clusters=("Manufacturing",)),
    }
    return Catalog.build(careers, {"astronaut": "Science, Technology, Engineering & Mathematics", "nurse": "",
                                   "plumber": "Architecture & Construction", "engineer": ""})


@pytest.mark.parametrize("text, careers", [
    ("how much do nurses make?", ("registered-nurses",)),
    ("what does a registered nurse do", ("registered-nurses",)),
    ("compare chefs and nurses", ("chefs", "registered-nurses")),
    ("i want to be an IPM", ("industrial-production-manager",)),
    ("what about industrial engineers", ("industrial-engineers",)),
    ("how much does a nurce make", ("registered-nurses",)),
    ("is an RN a good job", ("registered-nurses",)),
    ("head cooks pay?", ("chefs",)),
])
def test_known_careers_are_found(catalog: Catalog, text: str, careers: tuple) -> None:
    """Titles, plurals, aliases, a typo and a two-letter alias in capitals name the bot's careers, in order."""
    assert catalog.find(text).careers == careers


@pytest.mark.parametrize("text", ["i need to know rn", "what do they do", "production line", "i like to cook"])
def test_ordinary_words_are_not_careers(catalog: Catalog, text: str) -> None:
    """"rn" in lower case (right now), plain words: no career."""
    assert catalog.find(text).careers == ()


def test_other_jobs_come_from_the_vocabulary_with_their_cluster(catalog: Catalog) -> None:
    """A job with no file is named with its cluster; a file's name wins over the vocabulary ("nurse")."""
    found = catalog.find("how much do astronauts and nurses make")
    assert found.others == ("astronaut",) and found.careers == ("registered-nurses",)
    assert found.other_clusters == ("Science, Technology, Engineering & Mathematics",)


def test_longest_name_wins(catalog: Catalog) -> None:
    """"industrial engineer" is the career, not the word "engineer"."""
    found = catalog.find("do industrial engineers need a degree")
    assert found.careers == ("industrial-engineers",) and found.others == ()


def test_word_forms() -> None:
    """Plural and singular forms are generated for every name."""
    assert set(word_forms("nurse")) == {"nurse", "nurses"}
    assert set(word_forms("firemen")) == {"firemen", "fireman"}
    assert set(word_forms("registered nurses")) == {"registered nurses", "registered nurse"}


def test_vocabulary_file_is_grouped_by_cluster() -> None:
    """Every title of knowledge/vocabulary/occupations.yml has one of the 16 clusters."""
    from bot.knowledge.models import CLUSTERS

    occupations = load_occupations()
    assert len(occupations) > 400
    assert set(occupations.values()) <= set(CLUSTERS)


def test_activity_forms_of_many_word_titles() -> None:
    """"truck driving" names truck drivers; a single -ing word ("writing") is never taken for a career."""
    assert activity_forms("truck driver") == ["truck driving"]
    assert activity_forms("dairy farmers") == ["dairy farming"]
    assert activity_forms("writer") == []
    assert activity_forms("construction manager") == ["construction managing", "construction management"]
    assert activity_forms("quality control inspectors") == ["quality control inspecting"]
    assert activity_forms("inspector") == []
    assert activity_forms("civil engineer") == []


def test_fields_of_ist_titles_and_short_names_in_comparisons() -> None:
    """"journalism" and "psychology" name the -ist careers; "emt vs rn" names nurses."""
    from bot.knowledge.current import knowledge_for
    from bot.knowledge.loader import load_all

    catalog = knowledge_for(load_all()).catalog
    assert catalog.find("is journalism a dying field").careers == ("reporters-correspondents-and-broadcast-news-analysts",)
    assert catalog.find("is psychology a good career").careers == ("psychologists",)
    assert catalog.find("emt vs rn salary").careers == ("emts-and-paramedics", "registered-nurses")
    assert catalog.find("i am so tired rn").careers == ()
    assert catalog.find("how many rn jobs open up each year").careers == ("registered-nurses",)
    assert catalog.find("rn pay per hour?").careers == ("registered-nurses",)
    assert catalog.find("i need help rn").careers == ()
    assert catalog.find("masters for school counseling").careers == ("school-and-career-counselors",)
    # A shared head: "electrical or industrial engineering" names both; "ee vs ..." counts in lower case.
    assert catalog.find("which grows faster, electrical or industrial engineering").careers == (
        "electrical-and-electronics-engineers", "industrial-engineers")
    assert catalog.find("ee vs software dev").careers == ("electrical-and-electronics-engineers", "software-developers")
    assert catalog.find("i like salt and pepper").careers == ()


def test_verb_forms_of_many_word_titles() -> None:
    """"want to drive trucks" names truck drivers; "news" is never cut to "new"; one-word titles have none."""
    assert "drive trucks" in verb_forms("truck driver") and "driving a truck" in verb_forms("truck driver")
    assert verb_forms("news reporter") == ["report news", "reporting news", "reports news"]
    assert "drives a semi" in verb_forms("semi driver") and "driving an 18 wheeler" in verb_forms("18 wheeler driver")
    assert "managing construction" in verb_forms("construction managers")
    assert verb_forms("farmer") == [] and verb_forms("civil engineer") == []


def test_a_typo_near_two_title_words_goes_to_the_word_whose_titles_include_the_others() -> None:
    """"drivr": "driver" (truck and bus drivers) and "drive" (truck drivers only) are no real tie; "tiker", as near
    to one career's "tiler" as to another's "tiger", stays a tie."""
    trucks = make_career("truck-drivers", "truck driver", "truck drivers", ["truck drive"])
    tilers = make_career("tilers", "tiler", "tilers")
    tamers = make_career("tamers", "tiger tamer", "tiger tamers", ["tiger"])
    catalog = Catalog.build({"truck-drivers": trucks, "tilers": tilers, "tamers": tamers},
                            {"bus driver": "Transportation, Distribution & Logistics"})
    assert catalog.find("truck drivr salery??").careers == ("truck-drivers",)
    assert catalog.find("what does a tiker make").careers == ()


def test_tech_short_forms_and_engineering_fields_of_other_jobs() -> None:
    """"nail techs" (not "nail teches"), "mechanical engineering" for the vocabulary's mechanical engineer."""
    from bot.knowledge.current import current_knowledge
    catalog = current_knowledge().catalog
    assert word_forms("nail tech") == ["nail tech", "nail techs"]
    assert catalog.find("how much do nail techs make").others == ("nail technician",)
    assert catalog.find("is mechanical engineering a growing field").others == ("mechanical engineer",)
    assert catalog.find("computer hardware engineers how much do they get").others == ("computer hardware engineer",)


@pytest.mark.parametrize("text", ["could i get into this with a mechanical engineering degree instead",
                                  "what can you do with a biology major", "i took marketing classes last year"])
def test_a_field_of_study_is_no_career_asked_about(catalog: Catalog, text: str) -> None:
    """A title the bot has no file for, said as a degree, major or class, is a field of study (set 51)."""
    assert catalog.find(text).others == ()


def test_a_title_before_other_words_is_still_a_career(catalog: Catalog) -> None:
    assert catalog.find("how much do mechanical engineers make").others != ()


def test_the_typo_search_reads_only_words_near_in_length_and_gives_the_full_searchs_answer() -> None:
    """Same correction as comparing with every title word: typos, words beyond reach, repeated words."""
    from bot.knowledge import catalog as catalog_module
    from bot.knowledge.current import names_catalog

    catalog = names_catalog()
    words = ["nurce", "chefz", "electrision", "plummer", "enginer", "laywer", "pharmasist", "accountent", "zzzzqqq",
             "astronautt", "welderr", "firefigter", "teachr", "veterinarain", "programer", "dentistt", "xylophonist"]
    for word in words + words:  # the second time from what was remembered
        closest, _ = catalog_module._closest(word, catalog.name_words, catalog_module._typo_limit(word))
        expected = catalog_module._pick(closest, catalog.word_owners) or word  # every title word compared
        assert catalog._correct(word) == expected, word
    assert catalog._correct("nurce") != "nurce" and catalog._correct("zzzzqqq") == "zzzzqqq"
