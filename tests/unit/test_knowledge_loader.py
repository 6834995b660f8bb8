"""The knowledge loader: valid files load; every kind of invalid file fails clearly."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml

from bot.knowledge.loader import KnowledgeError, KnowledgeStore, load_all, load_career
from tests.conftest import CAREER_FILE


def _write(tmp_path: Path, data: object, name: str = "industrial-production-manager.yml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _raw() -> dict:
    with CAREER_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_real_file_loads_with_every_source_fact(career) -> None:
    """The shipped file holds the source page's facts."""
    assert career.pay.median.annual == 107560
    assert career.pay.median.date == "May 2022"
    assert career.source(career.pay.median.source).name == "U.S. Bureau of Labor Statistics"
    assert career.outlook.openings.per_year == 15300
    assert career.outlook.growth.percent == 2
    assert career.outlook.growth.period == "2022 to 2032"
    assert career.education.entry_level.level == "Bachelor's degree"
    assert career.education.work_experience.text == "5 years or more"
    assert len(career.duties.items) == 9
    assert [s.id for s in career.skills.items] == ["interpersonal", "leadership", "problem_solving", "time_management"]
    assert "defect" in next(s for s in career.skills.items if s.id == "problem_solving").example
    assert career.products.examples == ["cars", "computer equipment", "paper products"]
    assert career.work_environment.protective_equipment == ["a helmet", "safety goggles"]
    assert career.career.clusters == ["Manufacturing"]
    assert career.advancement.ladder == ["production worker", "first-line supervisor", "industrial production manager"]
    assert career.education.related_courses.subjects == ["Industrial Engineering", "Management and Leadership"]
    assert len(career.pay.factors.items) == 4


def test_every_figure_has_source_and_date(career) -> None:
    """Each number carries a source key that exists, and a date or period."""
    figures = [(career.pay.median, career.pay.median.date), (career.outlook.openings, career.outlook.openings.period),
               (career.outlook.growth, career.outlook.growth.period)]
    for figure, date in figures:
        assert figure.source in career.sources
        assert date.strip()


@pytest.mark.parametrize(
    "mutate, field",
    [
        (lambda d: d["pay"]["median"].pop("annual"), "pay.median"),
        (lambda d: d["pay"]["median"].update(annual="a lot"), "pay.median.annual"),
        (lambda d: d["pay"]["median"].update(annual=-5), "pay.median.annual"),
        (lambda d: d["pay"]["median"].pop("date"), "pay.median.date"),
        (lambda d: d["outlook"]["growth"].pop("source"), "outlook.growth.source"),
        (lambda d: d["career"].update(colour="blue"), "career.colour"),
        (lambda d: d["skills"].update(items=[]), "skills.items"),
        (lambda d: d["duties"]["items"][0].update(topics=["lunch"]), "duties.items.0.topics"),
        (lambda d: d["career"].pop("summary"), "career.summary"),
        (lambda d: d["career"].update(clusters=["Space"]), "career.clusters"),
        (lambda d: d["career"].update(id="nurse"), "career.id"),
    ],
    ids=["missing", "not-a-number", "negative", "missing-date", "missing-source", "unknown-key", "empty-list",
         "bad-topic", "missing-summary", "unknown-cluster", "id-not-file-name"],
)
def test_invalid_field_names_file_and_field(tmp_path: Path, mutate, field: str) -> None:
    """An invalid value fails with the file path and the dotted field name."""
    data = _raw()
    mutate(data)
    path = _write(tmp_path, data)
    with pytest.raises(KnowledgeError) as caught:
        load_career(path)
    message = str(caught.value)
    assert str(path) in message
    assert field in message


def test_unknown_source_key_is_named(tmp_path: Path) -> None:
    """A figure citing a source that isn't listed names the field and the key."""
    data = _raw()
    data["pay"]["median"]["source"] = "wikipedia"
    with pytest.raises(KnowledgeError) as caught:
        load_career(_write(tmp_path, data))
    assert "pay.median.source" in str(caught.value)
    assert "wikipedia" in str(caught.value)


def test_bad_yaml_names_line(tmp_path: Path) -> None:
    """A YAML syntax error names the file and the line."""
    path = tmp_path / "broken.yml"
    path.write_text("career:\n  name: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_career(path)
    assert "broken.yml" in str(caught.value)
    assert "line" in str(caught.value)


@pytest.mark.parametrize("content", ["", "- just\n- a list\n", "42\n"], ids=["empty", "list", "scalar"])
def test_not_a_mapping(tmp_path: Path, content: str) -> None:
    """A file that isn't a key: value mapping is refused clearly."""
    path = tmp_path / "odd.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError, match="mapping"):
        load_career(path)


def test_missing_file(tmp_path: Path) -> None:
    """A missing file is named."""
    with pytest.raises(KnowledgeError, match="file not found"):
        load_career(tmp_path / "nope.yml")


def test_not_utf8(tmp_path: Path) -> None:
    """A file that isn't UTF-8 is refused clearly."""
    path = tmp_path / "latin1.yml"
    path.write_bytes("summary: caf\xe9\n".encode("latin-1"))
    with pytest.raises(KnowledgeError, match="UTF-8"):
        load_career(path)


def test_empty_directory(tmp_path: Path) -> None:
    """No career files at all is an error, not an empty bot."""
    with pytest.raises(KnowledgeError, match="no career files"):
        load_all(tmp_path)


def test_optional_sections_may_be_left_out(tmp_path: Path) -> None:
    """Only the career's identity and sources are required: a file with just those loads."""
    data = _raw()
    minimal = {"schema_version": data["schema_version"], "sources": data["sources"], "career": data["career"]}
    career = load_career(_write(tmp_path, minimal))
    assert career.pay is None and career.outlook is None and career.education is None


def test_store_reloads_changes_and_keeps_last_good_data(knowledge_copy: Path) -> None:
    """An edited figure is picked up; a broken edit keeps the last good data and records the error."""
    store = KnowledgeStore(knowledge_copy)
    career_id = CAREER_FILE.stem
    assert store.get(career_id).pay.median.annual == 107560
    path = knowledge_copy / CAREER_FILE.name
    path.write_text(path.read_text(encoding="utf-8").replace("annual: 107560", "annual: 111111"), encoding="utf-8")
    os.utime(path, (time.time() + 5, time.time() + 5))
    assert store.get(career_id).pay.median.annual == 111111
    path.write_text("pay: [broken\n", encoding="utf-8")
    os.utime(path, (time.time() + 10, time.time() + 10))
    assert store.get(career_id).pay.median.annual == 111111
    assert store.last_error is not None and str(path) in str(store.last_error)


def test_store_picks_up_a_new_file_and_keeps_the_others_when_one_breaks(knowledge_copy: Path, tmp_path: Path) -> None:
    """A career file added to a running bot is served; a broken new file leaves the others answering."""
    store = KnowledgeStore(knowledge_copy)
    data = _raw()
    data["career"].update(id="test-career", title="test career", plural="test careers", aliases=[])
    (knowledge_copy / "test-career.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    assert "test-career" in store.careers()
    (knowledge_copy / "broken.yml").write_text("career: [broken\n", encoding="utf-8")
    careers = store.careers()
    assert {"test-career", CAREER_FILE.stem} <= set(careers) and "broken" not in careers
    assert store.last_error is not None and "broken.yml" in str(store.last_error)


def test_store_refuses_to_start_on_invalid_file(tmp_path: Path) -> None:
    """With no good data yet, an invalid file raises instead of serving nothing."""
    _write(tmp_path, {"schema_version": 1})
    with pytest.raises(KnowledgeError):
        KnowledgeStore(tmp_path).careers()


def test_the_names_catalog_is_checked_at_most_once_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    """The NLU components ask for the names several times per message: the files are stat'ed at most once a second."""
    from bot.knowledge import current

    calls = []
    real = current.current_knowledge

    def counted() -> object:
        calls.append(1)
        return real()

    monkeypatch.setattr(current, "current_knowledge", counted)
    monkeypatch.setattr(current, "_names_checked", None)
    first = current.names_catalog()
    assert current.names_catalog() is first and len(calls) == 1
    monkeypatch.setattr(current, "NAMES_RECHECK_SECONDS", 0.0)
    current.names_catalog()
    assert len(calls) == 2
