"""Draft a career knowledge file from the Summary tab of a BLS Occupational Outlook Handbook (OOH) profile.

The input is the text of the profile's Summary tab as copied from bls.gov: either
the bare page text ("Quick Facts: ...", "What X Do", "Work Environment", "How to
Become ...", "Pay", "Job Outlook"), or a file of ``shared/source/careers/`` with
its header lines (``EDITION:``, ``CLUSTER:``, ...) and one or more
``=== EXCERPT ... ===`` sections holding the page text.

The result is a DRAFT for a school counselor to review, never a finished file:
sentences are copied verbatim (the counselor rewrites them in plain words),
and nothing is invented. Every figure and every date in the draft is copied
exactly from the page, and a figure is only used with the date the page gives
it (Quick Facts figures whose labels were stripped from the copy carry no date
and are left out). What the page lacked, or what was left out and why, is
listed under ``review_notes``.

Command line::

    python -m bot.knowledge.importer SOURCE --url URL [--out PATH] [--cluster NAME ...] [--force]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union
from urllib.parse import urlparse

import yaml
from pydantic import ValidationError

from bot.knowledge.models import CLUSTERS, SCHEMA_VERSION, Career
from bot.paths import CAREERS_DIR

SOURCE_KEY = "ooh"
SOURCE_NAME = "U.S. Bureau of Labor Statistics, Occupational Outlook Handbook"

Number = Union[int, float]


class UnreadableSource(Exception):  # noqa: N818 - the name says what went wrong
    """The text cannot be turned into a draft; the message tells the counselor why and what to do.

    Raised for an empty or binary file, a text that is not the Summary tab of an
    OOH profile, a page without an occupation name, or a missing or unknown
    career cluster (see :class:`UnknownCluster`).
    """


class UnknownCluster(UnreadableSource):
    """No career cluster was given, or a name that is not one of the 16 career clusters."""


# Another name for the importer's error (the one first proposed for it).
ImportError_ = UnreadableSource


@dataclass
class Draft:
    """A draft knowledge file: its content, what it lacks, and the career's id.

    Attributes:
        data: The knowledge file's content, keys in the order they are written.
        missing: What the page lacked, or what was left out and why (also under ``review_notes``).
        career_id: The career's id, which is also the file's name without ``.yml``.

    """

    data: Dict[str, Any]
    missing: List[str]
    career_id: str


# --------------------------------------------------------------------------------------------
# Reading the text: header lines, excerpts, page sections
# --------------------------------------------------------------------------------------------

_EXCERPT_MARKER = re.compile(r"^===\s*(.*?)\s*===\s*$")
_END_MARKER = "[excerpt ends here]"
_SEPARATOR = re.compile(r"^#{3,}.*#{3,}\s*$")
_HEADER_KEY = re.compile(
    r"^(OCCUPATION|EDITIONS?|URL|CLUSTER|NOTE|Note|FIELDS FOUND|CAUTION|FLAG|PITFALLS|STATUS|OTHER|ALSO|"
    r"MAIN SOURCE|CROSS-CHECK)\b[^:]*:\s*(.*)$"
)
_BOILERPLATE = re.compile(
    r"^(Please enable javascript|Video transcript available|URL:|\(this copy |Department of Labor Logo)", re.I
)

_QUICK_FACTS = re.compile(r"^Quick Facts:\s*(.+)$")
_WHAT_DO = re.compile(r"^What (.+) Do$")
_HOW_TO = re.compile(r"^How to Become (?:a|an) (.+)$")
_SIMPLE_HEADINGS = {
    "Summary": "summary_tab",
    "Work Environment": "work_environment",
    "Pay": "pay",
    "Job Outlook": "job_outlook",
    "State & Area Data": "other",
    "Similar Occupations": "other",
}
_MORE_INFORMATION = re.compile(r"^More Information\b")

_AMOUNT = r"\$(\d[\d,]*(?:\.\d+)?)"
_PER_YEAR = re.compile(_AMOUNT + r" per year")
_PER_HOUR = re.compile(_AMOUNT + r" per hour")
_MEDIAN_PAY_LABEL = re.compile(r"^(\d{4}) Median Pay\b\s*(.*)$")
_ENTRY_LABEL = re.compile(r"^Typical Entry-Level Education\s+(.+)$")
_EXPERIENCE_LABEL = re.compile(r"^Work Experience in a Related Occupation\s+(.+)$")
_TRAINING_LABEL = re.compile(r"^On-the-job Training\s+(.+)$", re.I)
_JOBS_LABEL = re.compile(r"^Number of Jobs, (\d{4})\s+(-?\d[\d,]*)$")
_OUTLOOK_LABEL = re.compile(r"^Job Outlook, (\d{4}-\d{2,4})\s+(-?\d+(?:\.\d+)?)%\s*\((.+)\)$")
_CHANGE_LABEL = re.compile(r"^Employment Change, (\d{4}-\d{2,4})\s+(-?\d[\d,]*)$")

_PAY_SENTENCE = re.compile(
    r"^The median (annual|hourly) wage for (.+?) was " + _AMOUNT + r" in ((?:[A-Z][a-z]+\.? )?\d{4})\.$"
)
_GROWTH_SENTENCE = re.compile(
    r"projected to (grow|decline) (\d+(?:\.\d+)?) percent from (\d{4}) to (\d{4})(?:,\s*(.+?))?\.$"
)
_NO_CHANGE_SENTENCE = re.compile(r"projected to show (little or no change) from (\d{4}) to (\d{4})(?:,\s*(.+?))?\.$")
_OPENINGS = re.compile(r"\babout (\d[\d,]*) openings\b.*\beach year\b", re.I)
_TERMINAL = re.compile(r"[.!?][\"'”’)]*(?=\s|$)")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")

# The values OOH Quick Facts use (to read a table whose labels were stripped, by position).
_ENTRY_LEVELS = {
    "No formal educational credential", "High school diploma or equivalent", "Some college, no degree",
    "Postsecondary nondegree award", "Associate's degree", "Bachelor's degree", "Master's degree",
    "Doctoral or professional degree", "See How to Become One",
}
_EXPERIENCE = {"None", "Less than 5 years", "5 years or more", "See How to Become One"}
_TRAINING = {
    "None", "Short-term on-the-job training", "Moderate-term on-the-job training", "Long-term on-the-job training",
    "Apprenticeship", "Internship/residency", "See How to Become One",
}
_SEE_HOW = "See How to Become One"

# Single words too general to recognise one career by (parts of combined names such as "... and Specialists").
_GENERIC_PARTS = {
    "administrators", "advisors", "agents", "aides", "analysts", "assistants", "clerks", "cooks", "counselors",
    "designers", "developers", "drivers", "engineers", "helpers", "inspectors", "installers", "makers", "managers",
    "mechanics", "officers", "operators", "repairers", "representatives", "scientists", "specialists",
    "supervisors", "teachers", "technicians", "workers",
}


@dataclass
class _Excerpt:
    """One excerpt's page text, up to where the copy ends."""

    label: str  # how the notes name it: "excerpt A", or "" for a bare page text
    marker: str  # the "=== ... ===" text, "" for a bare page text
    lines: List[str]


@dataclass
class _QuickFacts:
    """What a Quick Facts table gives, with the year of each figure where the page labels it."""

    pay_year: Optional[str] = None
    annual: Optional[Number] = None
    hourly: Optional[Number] = None
    unlabelled_pay: bool = False
    entry_level: Optional[str] = None
    work_experience: Optional[str] = None
    training: Optional[str] = None
    by_position: bool = False  # education, experience and training read by their place in a label-less table
    jobs: Optional[Tuple[int, str]] = None
    unlabelled_jobs: bool = False
    outlook: Optional[Tuple[Number, str, str]] = None  # percent, period, words
    unlabelled_outlook: bool = False
    change: Optional[Tuple[int, str]] = None
    unlabelled_change: bool = False
    unreadable_rows: bool = False  # labels stripped and the table's shape not the usual one

    @property
    def edition(self) -> Optional[str]:
        """The projection period of the labels ("2022-32"), the page's edition."""
        if self.outlook:
            return self.outlook[1]
        return self.change[1] if self.change else None


@dataclass
class _Page:
    """One OOH Summary tab, split into its parts."""

    label: str
    name: str
    quick: Optional[_QuickFacts]
    how_title: Optional[str]
    sections: Dict[str, List[str]] = field(default_factory=dict)

    def text(self, section: str) -> Tuple[str, str]:
        """The section's complete sentences (paragraphs joined with a space) and any cut-off fragment."""
        return _complete(" ".join(self.sections.get(section, [])))


def _number(text: str) -> Number:
    """A figure as the page writes it ("3,172,500", "39.05", "-9,000") as a number."""
    plain = text.replace(",", "")
    return float(plain) if "." in plain else int(plain)


def _complete(text: str) -> Tuple[str, str]:
    """Split text into its complete sentences and the fragment after the last one (a cut-off copy)."""
    text = text.strip()
    ends = [m.end() for m in _TERMINAL.finditer(text)]
    if not ends:
        return "", text
    last = ends[-1]
    return text[:last].strip(), text[last:].strip()


def _sentences(text: str) -> List[str]:
    """The sentences of a text of complete sentences."""
    return [s.strip() for s in _SENTENCE_BREAK.split(text) if s.strip()]


def _clean_line(line: str) -> str:
    """A page line without table borders (``| |``, ``---|---|``) and surrounding space."""
    line = line.replace("\u00a0", " ").strip()
    if re.fullmatch(r"[-|\s]*", line):
        return ""
    line = re.sub(r"(\s*\|)+\s*$", "", line)
    line = re.sub(r"^\|\s*", "", line)
    return line.strip()


def _split_source(text: str) -> Tuple[Dict[str, str], List[_Excerpt]]:
    """The header lines (key -> first value) and the excerpts of a source text."""
    lines = text.splitlines()
    marks = [i for i, line in enumerate(lines) if _EXCERPT_MARKER.match(line.strip())]
    header_end = marks[0] if marks else 0
    if not marks:  # a bare page text, maybe after header lines
        while header_end < len(lines):
            line = lines[header_end]
            if line.strip() and not line[:1].isspace() and not _HEADER_KEY.match(line.strip()):
                break
            header_end += 1
    header: Dict[str, str] = {}
    for line in lines[:header_end]:
        match = _HEADER_KEY.match(line.strip())
        if match:
            key = match.group(1).upper()
            header.setdefault("EDITION" if key == "EDITIONS" else key, match.group(2).strip())
    excerpts: List[_Excerpt] = []
    bounds = list(zip(marks, marks[1:] + [len(lines)], strict=True)) if marks else [(header_end - 1, len(lines))]
    for start, stop in bounds:
        found = _EXCERPT_MARKER.match(lines[start].strip()) if marks else None
        marker = found.group(1) if found else ""
        body: List[str] = []
        for line in lines[start + 1 : stop]:
            if _END_MARKER in line:
                body.append(line.split(_END_MARKER, 1)[0])
                break
            if not _SEPARATOR.match(line.strip()):
                body.append(line)
        simple = re.search(r"\bEXCERPT\s+(\w+)", marker)
        short = marker.split(";")[0].split(",")[0].rstrip(" (")
        label = f"excerpt {simple.group(1)}" if simple else (f"the excerpt '{short}'" if marker else "")
        excerpts.append(_Excerpt(label=label, marker=marker, lines=body))
    return header, excerpts


def _parse_page(excerpt: _Excerpt) -> Optional[_Page]:
    """The excerpt's Summary tab, or None if it is not the Summary tab of an OOH profile."""
    name_quick: Optional[str] = None
    name_what: Optional[str] = None
    how_title: Optional[str] = None
    sections: Dict[str, List[str]] = {}
    current = "before"
    for raw in excerpt.lines:
        line = _clean_line(raw)
        if not line or _BOILERPLATE.match(line):
            continue
        quick = _QUICK_FACTS.match(line)
        what = _WHAT_DO.match(line)
        how = _HOW_TO.match(line)
        if quick and name_quick is None:
            name_quick, current = quick.group(1).strip(), "quick_facts"
        elif what and "what_do" not in sections:
            name_what, current = what.group(1).strip(), "what_do"
            sections["what_do"] = []
        elif how and "how_to_become" not in sections:
            how_title, current = how.group(1).strip(), "how_to_become"
            sections["how_to_become"] = []
        elif line in _SIMPLE_HEADINGS:
            current = _SIMPLE_HEADINGS[line]
        elif _MORE_INFORMATION.match(line):
            current = "other"
        else:
            sections.setdefault(current, []).append(line)
    name = name_quick or name_what
    if not name:
        return None
    quick_facts = _parse_quick_facts(sections.get("quick_facts", [])) if name_quick else None
    return _Page(label=excerpt.label, name=name, quick=quick_facts, how_title=how_title, sections=sections)


def _parse_quick_facts(lines: List[str]) -> _QuickFacts:
    """Read a Quick Facts table: by its labels, or by position if the copy lost its labels."""
    facts = _QuickFacts()
    rest: List[str] = []
    labelled = False
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        pay = _MEDIAN_PAY_LABEL.match(line)
        if pay:
            labelled = True
            facts.pay_year = pay.group(1)
            amounts = pay.group(2)
            if index < len(lines) and re.fullmatch(r"\$\S+ per (year|hour)", lines[index]):
                amounts += " " + lines[index]
                index += 1
            year, hour = _PER_YEAR.search(amounts), _PER_HOUR.search(amounts)
            facts.annual = _number(year.group(1)) if year else None
            facts.hourly = _number(hour.group(1)) if hour else None
            continue
        matched = True
        if m := _ENTRY_LABEL.match(line):
            facts.entry_level = m.group(1).strip()
        elif m := _EXPERIENCE_LABEL.match(line):
            facts.work_experience = m.group(1).strip()
        elif m := _TRAINING_LABEL.match(line):
            facts.training = m.group(1).strip()
        elif m := _JOBS_LABEL.match(line):
            facts.jobs = (int(_number(m.group(2))), m.group(1))
        elif m := _OUTLOOK_LABEL.match(line):
            facts.outlook = (_number(m.group(2)), m.group(1), m.group(3).strip().lower())
        elif m := _CHANGE_LABEL.match(line):
            facts.change = (int(_number(m.group(2))), m.group(1))
        else:
            matched = False
            rest.append(line)
        labelled = labelled or matched
    if labelled:
        facts.unlabelled_pay = any(_PER_YEAR.search(r) or _PER_HOUR.search(r) for r in rest)
        return facts
    # The labels were stripped: the values keep the OOH order (pay; education; experience; training;
    # jobs; outlook; change). Figures carry no year, so only the wording rows are read, and only if the
    # table has exactly the usual shape.
    pay_rows = [r for r in rest if _PER_YEAR.search(r) or _PER_HOUR.search(r)]
    rows = [r for r in rest if r not in pay_rows]
    facts.unlabelled_pay = bool(pay_rows)
    shape = (
        len(rows) == 6
        and rows[0] in _ENTRY_LEVELS
        and rows[1] in _EXPERIENCE
        and rows[2] in _TRAINING
        and re.fullmatch(r"\d[\d,]*", rows[3]) is not None
        and re.fullmatch(r"-?\d+(?:\.\d+)?% \(.+\)", rows[4]) is not None
        and re.fullmatch(r"-?\d[\d,]*", rows[5]) is not None
    )
    if shape:
        facts.entry_level, facts.work_experience, facts.training = rows[0], rows[1], rows[2]
        facts.by_position = True
        facts.unlabelled_jobs = facts.unlabelled_outlook = facts.unlabelled_change = True
    elif rows:
        facts.unreadable_rows = True
    return facts


# --------------------------------------------------------------------------------------------
# Names: id, plural, title, aliases, clusters
# --------------------------------------------------------------------------------------------


def _lower_name(name: str) -> str:
    """A heading's name in running text: lowercase, except acronyms ("EMTs and paramedics")."""
    words = []
    for word in name.split():
        words.append(word if sum(c.isupper() for c in word) >= 2 else word.lower())
    return " ".join(words)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _career_id(url: str, name: str) -> str:
    """The id: the page's file name in the URL (".../registered-nurses.htm"), else the name's slug."""
    base = urlparse(url).path.rstrip("/").rsplit("/", 1)[-1]
    stem, dot, extension = base.rpartition(".")
    if dot and extension.lower() in ("htm", "html") and _slug(stem):
        return _slug(stem)
    return _slug(name)


def _is_plural(part: str) -> bool:
    last = part.split()[-1] if part.split() else ""
    return last.lower().endswith("s") and not last.lower().endswith("ss")


def _aliases(plural: str, title: str, page_text: str) -> List[str]:
    """Other names for the career, each taken from the names on the page.

    The parts of a combined name ("barbers", "hairstylists", ...) with their
    singulars where the "How to Become" heading gives them; a shared-word
    name ("electrical and electronics engineers") split only into names the
    page itself uses; and abbreviations the page spells out ("Registered
    nurses (RNs)").
    """
    whole, singular_name = plural.lower(), title.lower()
    text = " ".join(page_text.lower().split())
    elsewhere = text.replace(whole, " ")
    found: List[str] = []

    def on_page(phrase: str) -> bool:
        return re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", elsewhere) is not None

    def add(part: str) -> None:
        part = re.sub(r"^other ", "", part.strip())
        if not part or part in (whole, singular_name) or (" " not in part and part in _GENERIC_PARTS):
            return
        found.append(part)
        for cut in (1, 2):
            singular = part[:-cut]
            if part.endswith("s" if cut == 1 else "es") and re.search(
                rf"(?<![\w-]){re.escape(singular)}(?![\w-])", singular_name
            ):
                if singular != singular_name:
                    found.append(singular)
                break

    for piece in re.split(r",\s*(?:and\s+|or\s+)?", whole):
        subparts = re.split(r"\s+and\s+", piece)
        merged: List[str] = []
        carry: List[str] = []
        for sub in subparts:
            carry.append(sub)
            if _is_plural(sub):
                merged.append(" and ".join(carry))
                carry = []
        for part in merged:
            if not _is_plural(part):
                continue
            if " and " in part:  # "electrical and electronics engineers": shared words
                first, _, second = part.partition(" and ")
                head = second.split(" ", 1)[1] if " " in second else ""
                shared = [f"{first} {head}", second] if head and " " not in first else []
                usable = [s for s in shared if on_page(s)]
                if usable and len(usable) == len(shared):
                    for form in usable:
                        add(form)
                    continue
            add(part)
    for match in re.finditer(r"((?:[A-Za-z’'-]+ ){1,6})\(([A-Z]{2,})(s?)\)", page_text):
        core, plural_s = match.group(2), match.group(3)
        words = match.group(1).split()[-len(core) :]
        if len(words) != len(core) or "".join(w[0] for w in words).upper() != core:
            continue
        long_form = " ".join(words).lower()
        names = set(re.split(r"[\s,]+", whole))
        if long_form == whole or long_form in found or (core + plural_s).lower() in names:
            for alias in (long_form, long_form[:-1] if long_form.endswith("s") else ""):
                if alias and alias not in (whole, singular_name):
                    found.append(alias)
            for alias in ((core + plural_s).lower(), core.lower()):
                if alias not in (whole, singular_name):
                    found.append(alias)
    return list(dict.fromkeys(found))


def _canonical_cluster(name: str) -> Optional[str]:
    """The cluster's name as CLUSTERS spells it, matched without regard to case or "&" vs "and"."""

    def key(text: str) -> str:
        return " ".join(text.lower().replace("&", " and ").split())

    return next((c for c in CLUSTERS if key(c) == key(name)), None)


def _clusters(given: Optional[Sequence[str]], header_line: Optional[str]) -> List[str]:
    """The career clusters: from the caller, else from the header's CLUSTER line."""
    known = "; ".join(CLUSTERS)
    if given:
        chosen: List[str] = []
        for name in given:
            cluster = _canonical_cluster(name)
            if cluster is None:
                raise UnknownCluster(f"{name!r} is not a career cluster. Use one of: {known}.")
            chosen.append(cluster)
        return list(dict.fromkeys(chosen))
    if not header_line:
        raise UnknownCluster(
            "The text does not say which career cluster the career belongs to. "
            f"Give it with --cluster NAME (one or more of: {known})."
        )
    chosen = []
    for part in re.sub(r"\([^)]*\)", " ", header_line).split(" / "):
        part = " ".join(part.split())
        cluster = _canonical_cluster(part) or next(
            (c for c in sorted(CLUSTERS, key=len, reverse=True) if part.lower().startswith(c.lower())), None
        )
        if cluster is None:
            raise UnknownCluster(
                f"The CLUSTER line names {part!r}, which is not a career cluster. "
                f"Give the cluster with --cluster NAME (one or more of: {known})."
            )
        chosen.append(cluster)
    return list(dict.fromkeys(chosen))


# --------------------------------------------------------------------------------------------
# Figures: pay, jobs, outlook
# --------------------------------------------------------------------------------------------


@dataclass
class _Outlook:
    """One page's Job Outlook paragraph, read."""

    growth: Optional[Dict[str, Any]] = None
    growth_years: Optional[Tuple[str, str]] = None
    no_change_years: Optional[Tuple[str, str]] = None
    openings: Optional[int] = None
    openings_cut: Optional[str] = None  # the cut-off openings sentence, if it is unusable
    notes: List[str] = field(default_factory=list)
    dropped: List[str] = field(default_factory=list)


def _read_outlook(page: _Page) -> Optional[_Outlook]:
    if "job_outlook" not in page.sections:
        return None
    complete, fragment = page.text("job_outlook")
    result = _Outlook()
    for sentence in _sentences(complete):
        growth = _GROWTH_SENTENCE.search(sentence)
        no_change = _NO_CHANGE_SENTENCE.search(sentence)
        openings = _OPENINGS.search(sentence)
        if growth and result.growth is None:
            verb, amount, start, end, words = growth.groups()
            percent = _number(amount)
            result.growth = {
                "percent": -percent if verb == "decline" else percent,
                "period": f"{start} to {end}",
                "words": (words or verb).strip(),
                "source": SOURCE_KEY,
            }
            result.growth_years = (start, end)
        elif no_change and result.growth is None and result.no_change_years is None:
            result.no_change_years = (no_change.group(2), no_change.group(3))
        elif openings and result.openings is None:
            result.openings = int(_number(openings.group(1)))
        else:
            result.notes.append(sentence)
    if fragment:
        openings = _OPENINGS.search(fragment)
        if openings and result.openings is None:
            result.openings = int(_number(openings.group(1)))
        elif result.openings is None and re.search(r"\bopenings\b|^(about|despite)\b", fragment, re.I):
            result.openings_cut = fragment
        else:
            result.dropped.append(fragment)
    return result


def _period_matches(label: str, start: str, end: str) -> bool:
    """Whether a label's period ("2018-28") is the sentence's ("from 2018 to 2028")."""
    first, _, last = label.partition("-")
    return first == start and bool(last) and end.endswith(last)


def _wage(who: str, annual: Optional[Number], hourly: Optional[Number], date: str) -> Dict[str, Any]:
    wage: Dict[str, Any] = {"who": who}
    if annual is not None:
        wage["annual"] = annual
    if hourly is not None:
        wage["hourly"] = hourly
    wage.update(date=date, source=SOURCE_KEY)
    return wage


def _read_pay(page: _Page, plural: str) -> Tuple[Optional[Dict[str, Any]], List[Dict[str, Any]], List[str]]:
    """The whole occupation's median (with its date), the sub-occupations' medians, sentences not understood."""
    complete, _fragment = page.text("pay")
    median: Optional[Dict[str, Any]] = None
    groups: List[Dict[str, Any]] = []
    unread: List[str] = []
    quick = page.quick
    for sentence in _sentences(complete):
        match = _PAY_SENTENCE.match(sentence)
        if not match:
            unread.append(sentence)
            continue
        kind, who, amount, date = match.groups()
        value = _number(amount)
        annual = value if kind == "annual" else None
        hourly = value if kind == "hourly" else None
        if " ".join(who.lower().split()) == plural.lower() and median is None:
            same_year = bool(quick and quick.pay_year and quick.pay_year in date)
            if quick and same_year and annual is not None and quick.annual == annual:
                hourly = quick.hourly
            elif quick and same_year and hourly is not None and quick.hourly == hourly:
                annual = quick.annual
            median = _wage(plural, annual, hourly, date)
        else:
            groups.append(_wage(who, annual, hourly, date))
    if median is None and quick and quick.pay_year and (quick.annual is not None or quick.hourly is not None):
        median = _wage(plural, quick.annual, quick.hourly, quick.pay_year)
    return median, groups, unread


# --------------------------------------------------------------------------------------------
# The draft
# --------------------------------------------------------------------------------------------


def _check_text(text: str) -> None:
    if not text or not text.strip():
        raise UnreadableSource("The text is empty. Copy the whole Summary tab of the OOH page into the file.")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if "\x00" in text or controls > max(3, len(text) // 100):
        raise UnreadableSource(
            "The file is not text (it looks like a binary file). Copy the Summary tab of the OOH page "
            "and save it as plain text."
        )


def _edition_from_header(line: Optional[str]) -> Optional[str]:
    match = re.search(r"\bOOH\b\D*?(\d{4}-\d{2})\b", line or "")
    return match.group(1) if match else None


def _usable_pages(excerpts: List[_Excerpt], missing: List[str]) -> List[_Page]:
    """The excerpts that are the Summary tab of the same OOH profile and edition; the others noted as not used."""
    pages: List[_Page] = []
    for excerpt in excerpts:
        name = excerpt.label or "the text"
        if "OLDER" in excerpt.marker.upper():
            missing.append(f"{name} is an older edition of the page; not used.")
            continue
        page = _parse_page(excerpt)
        if page is None:
            missing.append(f"{name} is not an OOH profile summary; not used.")
            continue
        if pages and page.name.lower() != pages[0].name.lower():
            missing.append(f"{name} is about another occupation ({page.name}); not used.")
            continue
        first_edition = next((p.quick.edition for p in pages if p.quick and p.quick.edition), None)
        edition = page.quick.edition if page.quick else None
        if first_edition and edition and edition != first_edition:
            missing.append(f"{name} is another edition ({edition}) than the one used ({first_edition}); not used.")
            continue
        pages.append(page)
    if not pages:
        raise UnreadableSource(
            "This text is not the Summary tab of an OOH profile: it has no 'Quick Facts:' table and no "
            "'What ... Do' section, so no occupation name. Copy the whole Summary tab from the bls.gov "
            "Occupational Outlook Handbook page (from 'Quick Facts' to 'Job Outlook')."
        )
    return pages


def _first_text(pages: List[_Page], section: str, what: str, missing: List[str]) -> str:
    """A section's complete sentences from the first page that has them (a cut-off last sentence is noted)."""
    for page in pages:
        if section in page.sections:
            complete, fragment = page.text(section)
            if complete:
                if fragment:
                    missing.append(f"{what}: the last sentence is cut off on the copy; it is left out.")
                return complete
    missing.append(f"{what}: not on the page.")
    return ""


def _education(quick_pages: List[_Page], missing: List[str]) -> Dict[str, Any]:
    """Entry-level education, work experience and training from the Quick Facts (labelled ones first)."""
    education: Dict[str, Any] = {}
    facts = sorted((p.quick for p in quick_pages if p.quick), key=lambda q: q.by_position)
    used_position = False
    for key, attribute, what in (
        ("entry_level", "entry_level", "typical entry-level education"),
        ("work_experience", "work_experience", "work experience in a related occupation"),
        ("on_the_job_training", "training", "on-the-job training"),
    ):
        given = next((q for q in facts if getattr(q, attribute)), None)
        if given is None:
            if facts:
                missing.append(f"education.{key}: the Quick Facts do not give the {what}.")
            continue
        value = getattr(given, attribute)
        if value == _SEE_HOW:
            missing.append(
                f"education.{key}: the Quick Facts say '{_SEE_HOW}' for the {what}; "
                "see how_to_become and add it only if the page states it."
            )
            continue
        education[key] = {"level" if key == "entry_level" else "text": value, "source": SOURCE_KEY}
        used_position = used_position or given.by_position
    if used_position:
        missing.append(
            "education: the Quick Facts on this copy lost their labels; the entry-level education, work "
            "experience and training were read by their place in the table. Check them against the page."
        )
    if any(q.unreadable_rows for q in facts) and not education:
        missing.append("education: the Quick Facts on this copy lost their labels and could not be read; left out.")
    return education


def _pay(pages: List[_Page], plural: str, missing: List[str]) -> Dict[str, Any]:
    """The whole occupation's median and the sub-occupations' medians, each with the date the page gives."""
    median: Optional[Dict[str, Any]] = None
    groups: List[Dict[str, Any]] = []
    for page in pages:
        page_median, page_groups, unread = _read_pay(page, plural)
        for sentence in unread:
            missing.append(f"pay: a sentence of the Pay paragraph was not understood and is left out: {sentence!r}")
        median = median or page_median
        groups = groups or page_groups
    facts = [p.quick for p in pages if p.quick]
    stripped = any(q.unlabelled_pay for q in facts)
    dated = [q for q in facts if q.pay_year]
    if median is None:
        if stripped:
            missing.append(
                f"pay.median: the Quick Facts median pay of all {plural} has no year on this copy (its label "
                "was stripped), so it is left out"
                + ("; the Pay paragraph gives the sub-occupations' medians (pay.groups)." if groups else ".")
            )
        else:
            missing.append(f"pay.median: the page gives no dated median pay for all {plural}.")
    elif "hourly" not in median or "annual" not in median:
        kind = "per hour" if "hourly" not in median else "per year"
        if stripped and not dated:
            why = "the Quick Facts figure has no year on this copy (label stripped)"
        elif any((q.hourly if kind == "per hour" else q.annual) is not None for q in dated):
            why = "the Quick Facts give it for another date than the Pay paragraph's figure"
        else:
            why = "the page does not give it"
        missing.append(f"pay.median: the median pay {kind} is left out: {why}.")
    if not any("pay" in p.sections for p in pages):
        missing.append("pay: the page copy has no Pay paragraph.")
    pay: Dict[str, Any] = {}
    if median:
        pay["median"] = median
    if groups:
        pay["groups"] = groups
    return pay


def _jobs(facts: List[_QuickFacts], missing: List[str]) -> Optional[Dict[str, Any]]:
    """The number of jobs, only with the year its label gives."""
    dated = next((q.jobs for q in facts if q.jobs), None)
    if dated:
        return {"count": dated[0], "date": dated[1], "source": SOURCE_KEY}
    if any(q.unlabelled_jobs for q in facts):
        missing.append(
            "jobs: the Quick Facts number of jobs has no year on this copy (its label was stripped); left out."
        )
    elif facts:
        missing.append("jobs: the page does not give the number of jobs.")
    return None


def _growth(read: List[_Outlook], facts: List[_QuickFacts], missing: List[str]) -> Optional[Dict[str, Any]]:
    """Projected growth: the Job Outlook paragraph's sentence, else the labelled Quick Facts."""
    for outlook in read:
        if outlook.growth:
            return outlook.growth
        if outlook.no_change_years:
            start, end = outlook.no_change_years
            label = next((q.outlook for q in facts if q.outlook and _period_matches(q.outlook[1], start, end)), None)
            if label:
                return {
                    "percent": label[0],
                    "period": f"{start} to {end}",
                    "words": "little or no change",
                    "source": SOURCE_KEY,
                }
            missing.append(
                f"outlook.growth: the page says employment will show little or no change from {start} to {end}, "
                "but gives the percent only in the Quick Facts, whose label is stripped on this copy; left out."
            )
            return None
    label = next((q.outlook for q in facts if q.outlook), None)
    if label:
        missing.append(
            f"outlook.growth: taken from the Quick Facts label 'Job Outlook, {label[1]}' (the Job Outlook "
            "paragraph does not give it)."
        )
        return {"percent": label[0], "period": label[1], "words": label[2], "source": SOURCE_KEY}
    if any(q.unlabelled_outlook for q in facts):
        missing.append(
            "outlook.growth: the Quick Facts job outlook has no period on this copy (label stripped); left out."
        )
    else:
        missing.append("outlook.growth: the page does not give the projected growth.")
    return None


def _openings(read: List[_Outlook], growth: Optional[Dict[str, Any]], missing: List[str]) -> Optional[Dict[str, Any]]:
    """Openings per year, over the growth's projection period; a cut-off sentence only if it is complete enough."""
    if not read:
        missing.append(
            "outlook.openings and outlook.notes: the page copy has no Job Outlook paragraph (it is cut off "
            "before it), so the openings per year are missing."
        )
        return None
    for outlook in read:
        if outlook.openings is None:
            continue
        years = outlook.growth_years or outlook.no_change_years
        period = f"{years[0]} to {years[1]}" if years else (growth["period"] if growth else None)
        if period:
            return {"per_year": outlook.openings, "period": period, "source": SOURCE_KEY}
        missing.append("outlook.openings: the page gives no projection period for the openings; left out.")
        return None
    cut = next((o.openings_cut for o in read if o.openings_cut), None)
    if cut:
        tail = " ".join(cut.split()[-3:])
        quoted = "" if re.search(r"\d", tail) else f" (the copy ends at '...{tail}')"
        missing.append(
            "outlook.openings: the openings sentence is cut off before it says how many openings each year"
            f"{quoted}; left out."
        )
    else:
        missing.append("outlook.openings: the page does not give the openings per year.")
    return None


def _outlook(pages: List[_Page], missing: List[str]) -> Dict[str, Any]:
    """Growth, employment change, openings and the Job Outlook paragraph's other sentences."""
    facts = [p.quick for p in pages if p.quick]
    read = [o for o in (_read_outlook(p) for p in pages) if o is not None]
    growth = _growth(read, facts, missing)
    openings = _openings(read, growth, missing)
    change: Optional[Dict[str, Any]] = None
    dated = next((q.change for q in facts if q.change), None)
    if dated:
        change = {"count": dated[0], "period": dated[1], "source": SOURCE_KEY}
    elif any(q.unlabelled_change for q in facts):
        missing.append(
            "outlook.change: the Quick Facts employment change has no period on this copy (label stripped); left out."
        )
    elif facts:
        missing.append("outlook.change: the page does not give the employment change.")
    notes = " ".join(read[0].notes) if read else ""
    if read and read[0].dropped:
        missing.append("outlook.notes: the last sentence of the Job Outlook paragraph is cut off; left out.")
    outlook: Dict[str, Any] = {}
    for key, value in (("growth", growth), ("change", change), ("openings", openings)):
        if value:
            outlook[key] = value
    if notes:
        outlook["notes"] = {"text": notes, "source": SOURCE_KEY}
    return outlook


def draft_from_text(text: str, url: str, cluster: Optional[List[str]] = None) -> Draft:
    """Turn the text of an OOH profile's Summary tab into a draft career knowledge file.

    Args:
        text: The page text as copied (bare, or a source file with header lines and excerpts).
        url: The page's address, recorded under ``sources.ooh.url``; its file name gives the career id.
        cluster: Career cluster names; if not given, the header's ``CLUSTER:`` line is used.

    Returns:
        The draft: its content in schema order, what it lacks (also under ``review_notes``), the career id.

    Raises:
        UnreadableSource: The text is empty, not text, or not an OOH Summary tab, or has no occupation name.
        UnknownCluster: No cluster was given and the text names none, or a name is not a career cluster.

    """
    _check_text(text)
    if not url or not url.strip():
        raise UnreadableSource("Give the address (URL) of the OOH page the text was copied from.")
    url = url.strip()
    header, excerpts = _split_source(text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    missing: List[str] = []
    pages = _usable_pages(excerpts, missing)

    name = pages[0].name
    plural = _lower_name(name)
    clusters = _clusters(cluster, header.get("CLUSTER"))
    career_id = _career_id(url, name)
    parts = urlparse(url)
    host = parts.netloc.lower()
    if not (host == "bls.gov" or host.endswith(".bls.gov")) or "/ooh/" not in parts.path.lower():
        missing.append("sources.ooh.url: the address is not an OOH page on bls.gov; check it.")

    summary = _first_text(pages, "what_do", "career.summary (the 'What ... Do' paragraph)", missing)
    if not summary:
        raise UnreadableSource(
            f"The text has no complete 'What {name} Do' paragraph, which the career's summary must come from. "
            "Copy the whole Summary tab of the OOH page."
        )
    work_environment = _first_text(pages, "work_environment", "work_environment", missing)
    how_to_become = _first_text(pages, "how_to_become", "how_to_become", missing)

    how_title = next((p.how_title for p in pages if p.how_title), None)
    title = _lower_name(how_title) if how_title else plural
    if not how_title:
        missing.append(
            "career.title: the page has no 'How to Become a ...' heading to take the singular name from; "
            "the plural is used: write the singular (e.g. 'registered nurse')."
        )
    page_text = " ".join(" ".join(lines) for p in pages for lines in p.sections.values())

    # The edition: from the Quick Facts labels, else from the EDITION header line.
    edition = next((p.quick.edition for p in pages if p.quick and p.quick.edition), None)
    edition = edition or _edition_from_header(header.get("EDITION"))
    source: Dict[str, Any] = {"name": SOURCE_NAME, "url": url}
    if edition:
        source["edition"] = edition
    else:
        missing.append("sources.ooh.edition: the page copy does not state its edition (e.g. 2023-33); add it.")

    facts = [p.quick for p in pages if p.quick]
    if not facts:
        missing.append("The page copy has no Quick Facts table: no education, number of jobs or employment change.")
    education = _education([p for p in pages if p.quick], missing)
    pay = _pay(pages, plural, missing)
    jobs = _jobs(facts, missing)
    outlook = _outlook(pages, missing)
    missing.append(
        "The OOH Summary tab has no duties, skills, advancement, pay factors or pathway: add them only from a "
        "cited source."
    )
    missing = list(dict.fromkeys(missing))

    career: Dict[str, Any] = {
        "id": career_id,
        "title": title,
        "plural": plural,
        "name": name,
        "aliases": _aliases(plural, title, page_text),
        "clusters": clusters,
        "summary": summary,
        "source": SOURCE_KEY,
    }
    data: Dict[str, Any] = {"schema_version": SCHEMA_VERSION, "sources": {SOURCE_KEY: source}, "career": career}
    sections: List[Tuple[str, Any]] = [
        ("work_environment", work_environment and {"text": work_environment, "source": SOURCE_KEY}),
        ("how_to_become", how_to_become and {"text": how_to_become, "source": SOURCE_KEY}),
        ("education", education),
        ("pay", pay),
        ("jobs", jobs),
        ("outlook", outlook),
    ]
    data.update((key, value) for key, value in sections if value)
    data["review_notes"] = list(missing)
    try:
        Career.parse_obj(data)
    except ValidationError as error:
        raise UnreadableSource(f"The draft made from this text does not pass the schema check:\n{error}") from None
    return Draft(data=data, missing=missing, career_id=career_id)


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """YAML with indented lists and long sentences folded."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    folded = len(value) > 80 and " " in value and value == value.strip() and "\n" not in value and "  " not in value
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=">" if folded else None)


_Dumper.add_representer(str, _represent_str)

_HEADER_COMMENT = """\
# DRAFT career knowledge file: {plural}
# Made by bot/knowledge/importer.py from the Summary tab of the U.S. Bureau of Labor Statistics
# Occupational Outlook Handbook page {url}
#
# A school counselor must review this draft before students see it. The bot answers from every
# file in knowledge/careers/, so review it before the bot runs with it.
# - Check each sentence and each figure against the page.
# - Rewrite the sentences in plain words for students in grades 6-12, but keep every figure and
#   every date exactly as the page states them.
# - Add the aliases students use for this career: short forms, nicknames, common misspellings.
# - What the page lacked, or what was left out and why, is listed under review_notes at the end.
"""


def render_yaml(draft: Draft) -> str:
    """The draft as YAML text, with a header comment telling the counselor what to review.

    Args:
        draft: The draft made by :func:`draft_from_text`.

    Returns:
        The knowledge file's text; ``yaml.safe_load`` of it gives back ``draft.data``.

    """
    career = draft.data.get("career", {})
    url = draft.data.get("sources", {}).get(SOURCE_KEY, {}).get("url", "")
    header = _HEADER_COMMENT.format(plural=career.get("plural", draft.career_id), url=url)
    body = yaml.dump(draft.data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return header + body


def read_source(path: Path) -> str:
    """The text of a source file.

    Raises:
        UnreadableSource: The file is missing, not a file, binary, or not UTF-8 text.

    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableSource(f"{path}: no such file.") from None
    except OSError as error:
        raise UnreadableSource(f"{path}: cannot be read ({error.strerror}).") from None
    if b"\x00" in raw:
        raise UnreadableSource(
            f"{path} is not a text file (it looks like a binary file). Save the page's Summary tab as plain text."
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableSource(
            f"{path} is not UTF-8 text. Save the page's Summary tab as plain text (UTF-8)."
        ) from None


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main(argv: Optional[List[str]] = None) -> int:
    """Command line: write a draft knowledge file from a saved OOH Summary tab.

    Exit codes: 0 written; 1 the output file exists (use --force); 2 the source
    cannot be used (nothing is written).
    """
    parser = argparse.ArgumentParser(
        prog="python -m bot.knowledge.importer",
        description="Draft a career knowledge file from the Summary tab of a BLS Occupational Outlook Handbook "
        "profile, for a counselor to review.",
    )
    parser.add_argument("source", metavar="SOURCE", help="the Summary tab's text, saved as a UTF-8 text file")
    parser.add_argument("--url", required=True, help="the address of the OOH page the text was copied from")
    parser.add_argument("--out", type=Path, help="where to write (default: knowledge/careers/<career id>.yml)")
    parser.add_argument(
        "--cluster",
        action="append",
        metavar="NAME",
        help="a career cluster (repeat for several); needed if the text has no CLUSTER line",
    )
    parser.add_argument("--force", action="store_true", help="overwrite the output file if it exists")
    args = parser.parse_args(argv)
    try:
        draft = draft_from_text(read_source(Path(args.source)), args.url, args.cluster)
    except UnreadableSource as error:
        print(f"Nothing written. {error}", file=sys.stderr)
        return 2
    out: Path = args.out or CAREERS_DIR / f"{draft.career_id}.yml"
    if out.exists() and not args.force:
        print(f"Nothing written: {out} already exists. Use --force to overwrite it.", file=sys.stderr)
        return 1
    _write_atomically(out, render_yaml(draft))
    print(f"Wrote the draft {out}")
    if out.stem != draft.career_id:
        print(f"Note: the bot loads this career only from a file named {draft.career_id}.yml.")
    print("Missing or left out (also under review_notes):")
    for item in draft.missing:
        print(f"  - {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
