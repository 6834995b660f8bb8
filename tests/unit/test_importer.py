"""The OOH importer: drafts that validate, copy every figure and date exactly, and refuse what they cannot read."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest
import yaml

from bot.knowledge import importer
from bot.knowledge.importer import Draft, UnknownCluster, UnreadableSource, draft_from_text, main, render_yaml
from bot.knowledge.models import CLUSTERS, Career
from bot.paths import ROOT

SOURCE_DIR = ROOT.parent / "shared" / "source" / "careers"
SOURCE_FILES = sorted(SOURCE_DIR.glob("*.txt")) if SOURCE_DIR.is_dir() else []
DATA = Path(__file__).parent / "data" / "importer"
RN_SUMMARY = DATA / "registered-nurses-summary.txt"
EEE_STRIPPED = DATA / "electrical-engineers-summary-labels-stripped.txt"
RN_URL = "http://stats.bls.gov/ooh/Healthcare/Registered-nurses.htm"
EEE_URL = "http://www.bls.gov/ooh/architecture-and-engineering/electrical-and-electronics-engineers.htm"
# Files of the shared folder that are not an OOH profile's Summary tab (a BLS article): refused.
NOT_PROFILES = {"industrial-production-managers.txt"}
KEY_ORDER = ["schema_version", "sources", "career", "work_environment", "how_to_become", "education", "pay"]


def _source_url(text: str) -> str:
    match = re.search(r"^URL[^:\n]*:\s*(https?://\S+)", text, re.M)
    assert match, "the source file names no URL"
    return match.group(1)


def _shared(name: str) -> Tuple[str, Draft]:
    path = SOURCE_DIR / name
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    text = path.read_text(encoding="utf-8")
    return text, draft_from_text(text, _source_url(text))


def _leaves(value: Any, path: str = "") -> Iterator[Tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, f"{path}.{index}")
    else:
        yield path, value


def _number_forms(path: str, value: float) -> List[str]:
    """How the page writes a figure the draft holds at ``path``."""
    key = path.rsplit(".", 1)[-1]
    if key == "percent":
        return [f"{abs(value):g} percent", f"{value:g}%"]
    if key in ("annual", "hourly"):
        return [f"${value:,}" if isinstance(value, int) else f"${value:,.2f}"]
    if key in ("count", "per_year"):
        return [f"{value:,}"]
    raise AssertionError(f"{path}: a figure of an unexpected kind ({value!r})")


def _figures(data: Dict[str, Any]) -> Dict[str, Any]:
    return {p: v for p, v in _leaves(data) if isinstance(v, (int, float)) and not isinstance(v, bool) and p != "schema_version"}


def _what_do_paragraph(text: str) -> str:
    match = re.search(r"^What .+ Do\s*\n\s*(?:\n\s*)*(.+)$", text, re.M)
    assert match
    return match.group(1).strip()


def _all_text(draft: Draft) -> str:
    return render_yaml(draft) + "\n" + "\n".join(str(v) for _, v in _leaves(draft.data))


# --------------------------------------------------------------------------------------------
# Every shared source file
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SOURCE_FILES or [None], ids=lambda p: p.stem if p else "no-source-folder")
def test_every_source_file(path: Path) -> None:
    """Each profile gives a valid draft that copies its figures, dates and summary exactly; other texts are refused."""
    if path is None:
        pytest.skip(f"{SOURCE_DIR} does not exist")
    text = path.read_text(encoding="utf-8")
    if path.name in NOT_PROFILES:
        with pytest.raises(UnreadableSource, match="not the Summary tab of an OOH profile"):
            draft_from_text(text, _source_url(text))
        return
    draft = draft_from_text(text, _source_url(text))
    rendered = render_yaml(draft)
    loaded = yaml.safe_load(rendered)
    assert loaded == draft.data
    career = Career.parse_obj(loaded)
    assert career.id == draft.career_id
    assert [k for k in loaded if k in KEY_ORDER] == [k for k in KEY_ORDER if k in loaded]
    assert list(loaded)[-1] == "review_notes" and loaded["review_notes"] == draft.missing

    for where, value in _figures(draft.data).items():
        forms = _number_forms(where, value)
        assert any(form in text for form in forms), f"{path.name}: {where}={value!r} is not on the page as {forms}"
    for where, value in _leaves(draft.data):
        if where.rsplit(".", 1)[-1] in ("date", "period", "edition"):
            assert isinstance(value, str) and value in text, f"{path.name}: {where}={value!r} is not in the source"

    assert career.career.summary == _what_do_paragraph(text)
    for paragraph in (career.work_environment, career.how_to_become, career.outlook and career.outlook.notes):
        if paragraph:
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", paragraph.text):
                assert sentence in text, f"{path.name}: {sentence!r} is not verbatim on the page"
    lowered = text.lower()
    for alias in career.career.aliases:
        assert alias in lowered or f"{alias}s" in lowered, f"{path.name}: alias {alias!r} is not from the page"
    assert career.sources["ooh"].name == importer.SOURCE_NAME
    assert all(cluster in CLUSTERS for cluster in career.career.clusters)


# --------------------------------------------------------------------------------------------
# Exact expectations
# --------------------------------------------------------------------------------------------


def test_registered_nurses() -> None:
    _text, draft = _shared("registered-nurses.txt")
    career = Career.parse_obj(draft.data)
    assert draft.career_id == career.id == "registered-nurses"
    assert (career.career.name, career.career.plural, career.career.title) == (
        "Registered Nurses",
        "registered nurses",
        "registered nurse",
    )
    assert career.career.clusters == ["Health Science"]
    assert career.sources["ooh"].edition == "2022-32"
    assert career.sources["ooh"].url == "http://stats.bls.gov/ooh/Healthcare/Registered-nurses.htm"
    median = career.pay.median
    assert (median.who, median.annual, median.hourly, median.date) == ("registered nurses", 81220, 39.05, "May 2022")
    assert career.pay.groups == []
    assert (career.jobs.count, career.jobs.date) == (3172500, "2022")
    growth = career.outlook.growth
    assert (growth.percent, growth.period, growth.words) == (6, "2022 to 2032", "faster than the average for all occupations")
    assert (career.outlook.change.count, career.outlook.change.period) == (177400, "2022-32")
    assert (career.outlook.openings.per_year, career.outlook.openings.period) == (193100, "2022 to 2032")
    assert career.education.entry_level.level == "Bachelor's degree"
    assert career.education.work_experience.text == "None"
    assert career.education.on_the_job_training.text == "None"
    assert career.career.summary.startswith("Registered nurses (RNs) provide and coordinate patient care")
    assert "rns" in career.career.aliases
    assert all(figure.source == "ooh" for figure in (median, career.jobs, growth, career.outlook.openings))


def test_software_developers_group_and_sub_occupation_pay() -> None:
    text, draft = _shared("software-developers.txt")
    career = Career.parse_obj(draft.data)
    assert draft.career_id == "software-developers"
    assert career.career.title == "software developer, quality assurance analyst, or tester"
    for alias in ("software developers", "software developer", "quality assurance analysts", "testers"):
        assert alias in career.career.aliases
    median = career.pay.median
    assert (median.who, median.annual, median.hourly, median.date) == (
        "software developers, quality assurance analysts, and testers",
        130160,
        62.58,
        "2023",
    )
    groups = [(g.who, g.annual, g.date) for g in career.pay.groups]
    assert groups == [
        ("software developers", 132270, "May 2023"),
        ("software quality assurance analysts and testers", 101800, "May 2023"),
    ]
    assert (career.jobs.count, career.jobs.date) == (1897100, "2023")
    assert (career.outlook.openings.per_year, career.outlook.openings.period) == (140100, "2023 to 2033")
    assert (career.outlook.growth.percent, career.outlook.growth.period) == (17, "2023 to 2033")
    # The older 2022-32 excerpt kept in the file is not used.
    assert "124,200" in text
    everything = _all_text(draft)
    for older in ("124200", "124,200", "127260", "99620", "1795300", "451200"):
        assert older not in everything
    facts = {k: v for k, v in draft.data.items() if k != "review_notes"}
    assert "2022-32" not in yaml.safe_dump(facts)
    assert any("older edition" in note for note in draft.missing)


def test_barbers_hourly_groups_and_cut_off_openings() -> None:
    _text, draft = _shared("barbers-hairstylists-and-cosmetologists.txt")
    career = Career.parse_obj(draft.data)
    groups = [(g.who, g.annual, g.hourly, g.date) for g in career.pay.groups]
    assert groups == [
        ("barbers", None, 14.41, "May 2021"),
        ("hairdressers, hairstylists, and cosmetologists", None, 14.26, "May 2021"),
    ]
    assert (career.pay.median.annual, career.pay.median.hourly, career.pay.median.date) == (29680, 14.27, "2021")
    assert career.outlook.openings is None
    assert "93800" not in str(draft.data) and "93,800" not in render_yaml(draft)
    assert any(note.startswith("outlook.openings") and "cut off" in note for note in draft.missing)
    assert career.career.title == "barber, hairstylist, or cosmetologist"
    for alias in ("barbers", "barber", "hairstylists", "cosmetologists"):
        assert alias in career.career.aliases


def test_electrical_engineers_unlabelled_quick_facts_are_left_out() -> None:
    _text, draft = _shared("electrical-and-electronics-engineers.txt")
    career = Career.parse_obj(draft.data)
    everything = _all_text(draft)
    for undated in ("118780", "118,780", "57.11", "287800", "287,800", "26200", "26,200"):
        assert undated not in everything
    assert career.pay.median is None
    groups = [(g.who, g.annual, g.date) for g in career.pay.groups]
    assert groups == [
        ("electrical engineers", 111910, "May 2024"),
        ("electronics engineers, except computer", 127590, "May 2024"),
    ]
    assert career.jobs is None and career.outlook.change is None
    growth = career.outlook.growth
    assert (growth.percent, growth.period, growth.words) == (9, "2023 to 2033", "much faster than the average for all occupations")
    assert (career.outlook.openings.per_year, career.outlook.openings.period) == (19000, "2023 to 2033")
    assert career.sources["ooh"].edition == "2023-33"  # from the EDITION header line
    assert career.career.clusters == ["Science, Technology, Engineering & Mathematics", "Manufacturing"]
    assert any(note.startswith("pay.median") and "no year" in note for note in draft.missing)
    assert any(note.startswith("jobs") for note in draft.missing)


def test_quality_control_inspectors_decline() -> None:
    _text, draft = _shared("quality-control-inspectors.txt")
    career = Career.parse_obj(draft.data)
    growth = career.outlook.growth
    assert (growth.percent, growth.period) == (-3, "2023 to 2033")
    assert (career.outlook.openings.per_year, career.outlook.openings.period) == (65200, "2023 to 2033")
    assert (career.pay.median.annual, career.pay.median.hourly, career.pay.median.date) == (45850, None, "May 2023")
    assert career.jobs is None and career.outlook.change is None
    everything = _all_text(draft)
    for undated in ("595500", "595,500", "17800", "17,800", "22.04"):
        assert undated not in everything


def test_hvacr_job_outlook_missing() -> None:
    text, draft = _shared("heating-air-conditioning-and-refrigeration-mechanics-and-installers.txt")
    career = Career.parse_obj(draft.data)
    assert career.outlook.openings is None and career.outlook.notes is None
    assert any("no Job Outlook paragraph" in note for note in draft.missing)
    growth = career.outlook.growth
    # Only the labelled Quick Facts figure, with the label's period; nothing invented.
    assert growth is not None and (growth.percent, growth.period, growth.words) == (9, "2023-33", "much faster than average")
    assert "Job Outlook, 2023-33 9% (Much faster than average)" in text
    assert any(note.startswith("outlook.growth: taken from the Quick Facts") for note in draft.missing)
    assert (career.pay.median.annual, career.pay.median.hourly, career.pay.median.date) == (57300, 27.55, "May 2023")


def test_farmers_only_the_ooh_profile_excerpt() -> None:
    _text, draft = _shared("farmers-ranchers-and-other-agricultural-managers.txt")
    career = Career.parse_obj(draft.data)
    median = career.pay.median
    assert (median.annual, median.hourly, median.date) == (71160, 34.21, "May 2019")
    assert (career.jobs.count, career.jobs.date) == (975400, "2018")
    growth = career.outlook.growth
    assert (growth.percent, growth.period, growth.words) == (-1, "2018 to 2028", "little or no change")
    assert (career.outlook.change.count, career.outlook.change.period) == (-9000, "2018-28")
    assert career.outlook.openings is None
    assert career.outlook.notes.text.startswith("Over the past several decades")
    assert career.sources["ooh"].edition == "2018-28"
    everything = _all_text(draft)
    for newer in ("75760", "75,760", "922900", "922,900", "88800", "88,800", "42300", "42,300", "2022-32"):
        assert newer not in everything
    assert "excerpt B is not an OOH profile summary; not used." in draft.missing


def test_machinists_older_excerpt_not_used() -> None:
    _text, draft = _shared("machinists-and-tool-and-die-makers.txt")
    career = Career.parse_obj(draft.data)
    assert career.outlook.openings is None
    assert "47500" not in str(draft.data) and "47,500" not in render_yaml(draft)
    assert (career.outlook.growth.percent, career.outlook.growth.period) == (1, "2021 to 2031")
    assert career.education.entry_level is None
    assert any("See How to Become One" in note for note in draft.missing)
    assert "tool and die makers" in career.career.aliases


def test_cut_off_openings_sentence_with_each_year_is_used() -> None:
    _text, draft = _shared("computer-support-specialists.txt")
    career = Career.parse_obj(draft.data)
    assert (career.outlook.openings.per_year, career.outlook.openings.period) == (70400, "2020 to 2030")
    assert [(g.who, g.annual) for g in career.pay.groups] == [
        ("computer network support specialists", 62760),
        ("computer user support specialists", 49770),
    ]


def test_emts_keep_the_acronym() -> None:
    _text, draft = _shared("emts-and-paramedics.txt")
    career = Career.parse_obj(draft.data)
    assert (career.career.plural, career.career.title) == ("EMTs and paramedics", "EMT or paramedic")
    for alias in ("emts", "paramedics", "emergency medical technicians"):
        assert alias in career.career.aliases
    assert career.career.clusters == ["Health Science", "Law, Public Safety, Corrections & Security"]
    assert (career.pay.median.date, career.jobs.date) == ("2023", "2022")


# --------------------------------------------------------------------------------------------
# A bare Summary-tab text (no header lines), and the rules on synthetic variants of it
# --------------------------------------------------------------------------------------------


def _rn_text() -> str:
    return RN_SUMMARY.read_text(encoding="utf-8")


def test_bare_summary_needs_a_cluster() -> None:
    with pytest.raises(UnknownCluster, match="--cluster"):
        draft_from_text(_rn_text(), RN_URL)


def test_bare_summary_with_cluster() -> None:
    draft = draft_from_text(_rn_text(), RN_URL, ["Health Science"])
    career = Career.parse_obj(yaml.safe_load(render_yaml(draft)))
    assert career.id == "registered-nurses"
    assert career.sources["ooh"].edition == "2022-32"
    assert (career.pay.median.annual, career.pay.median.hourly, career.pay.median.date) == (81220, 39.05, "May 2022")
    assert (career.jobs.count, career.outlook.openings.per_year) == (3172500, 193100)


def test_cluster_names_are_matched_loosely_but_must_exist() -> None:
    draft = draft_from_text(_rn_text(), RN_URL, ["health science", "Science, Technology, Engineering and Mathematics"])
    assert draft.data["career"]["clusters"] == ["Health Science", "Science, Technology, Engineering & Mathematics"]
    with pytest.raises(UnknownCluster, match="'Nursing' is not a career cluster"):
        draft_from_text(_rn_text(), RN_URL, ["Nursing"])


def test_bare_summary_with_stripped_labels() -> None:
    text = EEE_STRIPPED.read_text(encoding="utf-8")
    draft = draft_from_text(text, EEE_URL, ["Manufacturing"])
    career = Career.parse_obj(draft.data)
    assert career.sources["ooh"].edition == ""  # no label and no header line states it
    assert any(note.startswith("sources.ooh.edition") for note in draft.missing)
    assert career.pay.median is None and career.jobs is None
    assert "118780" not in str(draft.data)
    assert career.outlook.openings.per_year == 19000


def test_cut_off_openings_without_each_year_is_left_out() -> None:
    text = _rn_text()
    sentence = "About 193,100 openings for registered nurses are projected each year, on average, over the decade."
    assert sentence in text
    cut = text.split(sentence)[0] + "About 193,100 openings for registered nurses are pro\n"
    draft = draft_from_text(cut, RN_URL, ["Health Science"])
    assert "openings" not in draft.data["outlook"]
    assert any(note.startswith("outlook.openings") and "cut off" in note for note in draft.missing)
    usable = text.split(sentence)[0] + "About 193,100 openings for registered nurses are projected each year, on av\n"
    assert draft_from_text(usable, RN_URL, ["Health Science"]).data["outlook"]["openings"]["per_year"] == 193100


def test_little_or_no_change_takes_the_percent_from_the_dated_label() -> None:
    text = _rn_text().replace(
        "is projected to grow 6 percent from 2022 to 2032, faster than the average for all occupations.",
        "is projected to show little or no change from 2022 to 2032.",
    )
    text = text.replace("Job Outlook, 2022-32 6% (Faster than average)", "Job Outlook, 2022-32 -1% (Little or no change)")
    growth = draft_from_text(text, RN_URL, ["Health Science"]).data["outlook"]["growth"]
    assert growth == {"percent": -1, "period": "2022 to 2032", "words": "little or no change", "source": "ooh"}


def test_whole_occupation_sentence_of_another_year_keeps_its_own_date() -> None:
    text = _rn_text().replace("$81,220 in May 2022.", "$80,010 in May 2021.")
    median = draft_from_text(text, RN_URL, ["Health Science"]).data["pay"]["median"]
    assert median == {"who": "registered nurses", "annual": 80010, "date": "May 2021", "source": "ooh"}


def test_header_lines_and_excerpts() -> None:
    header = (
        "OCCUPATION: Registered Nurses\n"
        "EDITION: OOH 2022-32 (2022 Median Pay / Job Outlook, 2022-32)\n"
        "CLUSTER: Health Science / Human Services (nursing)\n"
        "NOTE: a note\n  that goes on\n\n"
        "=== EXCERPT A ===\n"
    )
    other = "\n=== EXCERPT B ===\nURL: https://www.bls.gov/opub/ted/x.htm\n\nSome article about nurses.\n"
    draft = draft_from_text(header + _rn_text() + "[excerpt ends here]\n" + other, RN_URL)
    assert draft.data["career"]["clusters"] == ["Health Science", "Human Services"]
    assert "excerpt B is not an OOH profile summary; not used." in draft.missing


def test_unknown_cluster_in_header_is_refused() -> None:
    text = "CLUSTER: Nursing & Care\n\n=== EXCERPT 1 ===\n" + _rn_text()
    with pytest.raises(UnknownCluster, match="Nursing & Care"):
        draft_from_text(text, RN_URL)


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "empty"),
        ("  \n\n\t ", "empty"),
        ("Nurses help people. They work in hospitals.", "not the Summary tab of an OOH profile"),
        ("Quick Facts:\nSome words without a name", "not the Summary tab"),
        ("\x00\x01\x02binary\x03\x04", "not text"),
    ],
)
def test_unreadable_texts(text: str, message: str) -> None:
    with pytest.raises(UnreadableSource, match=message):
        draft_from_text(text, RN_URL, ["Health Science"])


def test_a_page_without_what_they_do_is_refused() -> None:
    text = _rn_text().split("What Registered Nurses Do")[0]
    with pytest.raises(UnreadableSource, match="What Registered Nurses Do"):
        draft_from_text(text, RN_URL, ["Health Science"])


def test_a_url_is_required() -> None:
    with pytest.raises(UnreadableSource, match="URL"):
        draft_from_text(_rn_text(), "  ", ["Health Science"])


def test_render_yaml_header_and_key_order() -> None:
    draft = draft_from_text(_rn_text(), RN_URL, ["Health Science"])
    text = render_yaml(draft)
    header = text.split("schema_version:")[0]
    assert header.startswith("# DRAFT")
    for phrase in ("review", "grades 6-12", "exactly", "aliases", "misspellings", "review_notes"):
        assert phrase in header
    assert all(line.startswith("#") or not line for line in header.splitlines())
    assert list(yaml.safe_load(text)) == [
        "schema_version",
        "sources",
        "career",
        "work_environment",
        "how_to_become",
        "education",
        "pay",
        "jobs",
        "outlook",
        "review_notes",
    ]


# --------------------------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fixture, message",
    [
        ("empty.txt", "empty"),
        ("blank-lines.txt", "empty"),
        ("prose.txt", "not the Summary tab of an OOH profile"),
        ("binary.dat", "not a text file"),
        ("latin1.txt", "not UTF-8"),
        ("no-such-file.txt", "no such file"),
    ],
)
def test_main_refuses_broken_input_and_writes_nothing(
    fixture: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "career.yml"
    code = main([str(DATA / fixture), "--url", RN_URL, "--cluster", "Health Science", "--out", str(out)])
    assert code == 2
    assert not out.exists() and not out.parent.exists()
    error = capsys.readouterr().err
    assert "Nothing written" in error and message in error


def test_main_refuses_an_unknown_cluster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "career.yml"
    assert main([str(RN_SUMMARY), "--url", RN_URL, "--cluster", "Nursing", "--out", str(out)]) == 2
    assert not out.exists()
    error = capsys.readouterr().err
    assert "'Nursing' is not a career cluster" in error and "Health Science" in error


def test_main_asks_for_a_cluster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "career.yml"
    assert main([str(RN_SUMMARY), "--url", RN_URL, "--out", str(out)]) == 2
    assert not out.exists()
    assert "--cluster" in capsys.readouterr().err


def test_main_writes_to_the_careers_folder_and_will_not_overwrite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(importer, "CAREERS_DIR", tmp_path / "careers")
    args = [str(RN_SUMMARY), "--url", RN_URL, "--cluster", "Health Science"]
    assert main(args) == 0
    written = tmp_path / "careers" / "registered-nurses.yml"
    output = capsys.readouterr().out
    assert str(written) in output and "review_notes" in output
    text = written.read_text(encoding="utf-8")
    assert Career.parse_obj(yaml.safe_load(text)).id == "registered-nurses"

    written.write_text("# edited by the counselor\n", encoding="utf-8")
    assert main(args) == 1
    assert written.read_text(encoding="utf-8") == "# edited by the counselor\n"
    assert "--force" in capsys.readouterr().err

    assert main(args + ["--force"]) == 0
    assert written.read_text(encoding="utf-8") == text
    assert [p.name for p in written.parent.iterdir()] == ["registered-nurses.yml"]


def test_main_lists_what_is_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "eee.yml"
    assert main([str(EEE_STRIPPED), "--url", EEE_URL, "--cluster", "Manufacturing", "--out", str(out)]) == 0
    output = capsys.readouterr().out
    assert f"Wrote the draft {out}" in output
    assert "pay.median" in output and "sources.ooh.edition" in output
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["review_notes"][0].startswith("sources.ooh.edition")
