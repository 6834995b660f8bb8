"""The counselors' HTML report names what it ran against: every knowledge file with a hash and a date."""

from __future__ import annotations

import hashlib
import time

from bot.conversations.report import knowledge_versions, render_html
from bot.conversations.runner import RunResult
from bot.paths import CAREERS_DIR


def test_the_report_names_each_knowledge_files_version() -> None:
    """A knowledge file's short content hash is in the report: editing a figure changes what it shows."""
    rows = {name: digest for name, digest, _ in knowledge_versions()}
    nurses = CAREERS_DIR / "registered-nurses.yml"
    expected = hashlib.sha256(nurses.read_bytes()).hexdigest()[:10]
    assert rows["careers/registered-nurses.yml"] == expected
    page = render_html(RunResult([], "http://127.0.0.1:5005", time.time(), 0.0, 0))
    assert "Knowledge files this run checked against" in page and expected in page
    assert "school.yml" in page


def test_a_broken_file_shows_as_failed_at_the_top() -> None:
    """Problems of files that could not be read come before everything else, and the run is not a pass."""
    run = RunResult([], "http://127.0.0.1:5005", time.time(), 0.0, 0, broken=["x.yml, line 4: unknown key"])
    page = render_html(run)
    assert not run.passed
    assert page.index("x.yml, line 4") < page.index("Knowledge files this run")
    assert "x.yml, line 4: unknown key" in page
