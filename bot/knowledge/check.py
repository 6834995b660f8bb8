"""Validate every knowledge file at once (``make check`` and the launcher's start-up check).

Each invalid file is reported with its name and every field at fault; a name two
careers share ("nurse" in two files) is reported too, because a student's
message would be ambiguous. Valid files are listed, so a counselor sees which
careers the bot will answer about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List

from bot.knowledge.catalog import word_forms
from bot.knowledge.loader import KnowledgeError, check_all, load_general
from bot.knowledge.models import Career
from bot.paths import CAREERS_DIR


@dataclass
class Report:
    """What a check found: the valid careers and every problem (file and field named)."""

    careers: Dict[str, Career] = field(default_factory=dict)
    problems: List[str] = field(default_factory=list)
    school: str = ""

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems


def shared_names(careers: Dict[str, Career]) -> List[str]:
    """Names (and their plural/singular forms) used by more than one career file."""
    owner: Dict[str, str] = {}
    problems: List[str] = []
    for career_id, career in sorted(careers.items()):
        for name in career.names():
            for form in word_forms(name):
                other = owner.setdefault(form, career_id)
                if other != career_id:
                    problems.append(f"{CAREERS_DIR / (career_id + '.yml')}: career.aliases: {form!r} is also a name "
                                    f"of {other!r}; a student saying it would be ambiguous")
    return sorted(set(problems))


def check_everything() -> Report:
    """Validate the career files, knowledge/general.yml, knowledge/school.yml and knowledge/glossary.yml."""
    from bot.knowledge.glossary import load_glossary
    from bot.safety.school import load_school

    careers, errors = check_all()
    report = Report(careers, [str(error) for error in errors])
    report.problems += shared_names(careers)
    for load in (load_general, load_school, load_glossary):
        try:
            loaded = load()
        except KnowledgeError as error:
            report.problems.append(str(error))
            continue
        if load is load_school:
            report.school = getattr(getattr(loaded, "school", None), "name", "")
    return report
