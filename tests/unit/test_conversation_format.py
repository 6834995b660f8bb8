"""The counselor conversation format: valid files load; every kind of mistake names the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.conversations.format import (
    DEFAULT_DIR,
    ConversationFormatError,
    load_all,
    load_file,
    normalize,
)

VALID = """\
# A comment line, as counselors write them.
conversations:
  - title: Pay question gets the figure
    comment: Pay is what students ask most.
    turns:
      - student: how much do they make?
        must mention: [$107,560, May 2022]
        must not mention: 15,300
      - click: Pay
        must offer buttons:
          - Skills
          - Job outlook
  - Title: Keys are forgiving
    Turns:
      - Student Says: no
        must_mention: 2032
        Must-Not-Mention:
          - "a phrase: with a colon"
"""


def _write(tmp_path: Path, text: str, name: str = "talk.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path: Path, text: str) -> ConversationFormatError:
    path = _write(tmp_path, text)
    with pytest.raises(ConversationFormatError) as caught:
        load_file(path)
    assert str(path) in str(caught.value), "the error names the file"
    return caught.value


def test_valid_file_loads_into_typed_turns(tmp_path: Path) -> None:
    """A valid file gives conversations with titles, comments, turns and their checks, with line numbers."""
    loaded = load_file(_write(tmp_path, VALID))
    first, second = loaded.conversations
    assert first.title == "Pay question gets the figure"
    assert first.comment == "Pay is what students ask most."
    assert first.line == 3
    said, clicked = first.turns
    assert said.student == "how much do they make?" and said.click is None and said.line == 6
    assert said.must_mention == ("$107,560", "May 2022"), "a figure's comma inside [..] does not split it"
    assert said.must_not_mention == ("15,300",)
    assert clicked.click == "Pay" and clicked.student is None
    assert clicked.must_offer_buttons == ("Skills", "Job outlook")
    assert first.location.endswith("talk.yml, line 3")
    turn = second.turns[0]
    assert turn.student == "no", "values are the text typed, not YAML's yes/no booleans"
    assert turn.must_mention == ("2032",)
    assert turn.must_not_mention == ("a phrase: with a colon",)


def test_missing_turns_names_file_and_line(tmp_path: Path) -> None:
    """A conversation without turns is an error on the conversation's line."""
    error = _error(tmp_path, "conversations:\n  - title: Pay\n    comment: no turns here\n")
    assert error.line == 2
    assert "no \"turns:\"" in error.problem and "Pay" in error.problem
    assert str(error).endswith(error.problem) and ", line 2: " in str(error)


def test_empty_turns_list_is_an_error(tmp_path: Path) -> None:
    """'turns:' with nothing under it is an error too."""
    error = _error(tmp_path, "conversations:\n  - title: Pay\n    turns:\n")
    assert error.line == 3
    assert "list of turns" in error.problem


def test_unknown_key_names_file_line_and_suggests(tmp_path: Path) -> None:
    """A misspelt key is refused with its line and the likely key."""
    text = "conversations:\n  - title: Pay\n    turns:\n      - student: salary?\n        must mentoin: $107,560\n"
    error = _error(tmp_path, text)
    assert error.line == 5
    assert 'unknown key "must mentoin"' in error.problem
    assert 'Did you mean "must mention"?' in error.problem


def test_bad_yaml_names_file_and_line(tmp_path: Path) -> None:
    """Broken YAML that is not a turn key indented wrongly is an error on its line, with a hint."""
    text = "conversations:\n  - title: Pay\n    turns:\n      - student: salary?\n        - pay\n"
    error = _error(tmp_path, text)
    assert error.line == 5
    assert "not valid YAML" in error.problem
    assert "indent" in error.problem


def test_colons_in_text_are_forgiven(tmp_path: Path) -> None:
    """'comment: Why: …' or 'student: note: …' would be invalid YAML; the loader reads them as the text typed."""
    text = (
        "conversations:\n  - title: Pay: the basics\n    comment: Why: pay is asked most\n    turns:\n"
        '      - student: note: how much do they "make"?\n        must mention: Source: BLS\n'
    )
    conversation = load_file(_write(tmp_path, text)).conversations[0]
    assert conversation.title == "Pay: the basics"
    assert conversation.comment == "Why: pay is asked most"
    assert conversation.turns[0].student == 'note: how much do they "make"?'
    assert conversation.turns[0].must_mention == ("Source: BLS",)


def test_colon_in_a_list_item_asks_for_quotes(tmp_path: Path) -> None:
    """In a one-per-line list, a phrase with a colon must be quoted; the error says so on its line."""
    text = "conversations:\n  - title: Pay\n    turns:\n      - student: hi\n"
    text += "        must mention:\n          - Why: x\n"
    error = _error(tmp_path, text)
    assert error.line == 6
    assert "put that phrase in quotes" in error.problem


def test_tabs_get_a_hint(tmp_path: Path) -> None:
    """A tab used for indenting is named as the problem."""
    error = _error(tmp_path, "conversations:\n  - title: Pay\n    turns:\n\t- student: hi\n")
    assert error.line == 4
    assert "not tabs" in error.problem


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("", 1, "empty"),
        ("conversation:\n  - title: x\n", 1, 'Did you mean "conversations"'),
        ("conversations: []\n", 1, "list"),
        ("conversations:\n  - turns:\n      - student: hi\n", 2, "no 'title:'"),
        ("conversations:\n  - title: x\n    turns:\n      - must mention: hi\n", 4, "needs 'student:'"),
        ("conversations:\n  - title: x\n    turns:\n      - student: hi\n        click: Pay\n", 4, "both"),
        ("conversations:\n  - title: x\n    turns:\n      - student:\n", 4, "empty"),
        ("conversations:\n  - title: x\n    turns:\n      - student: hi\n        must mention: []\n", 5, "empty list"),
        ("conversations:\n  - title: x\n    turns:\n      - how much?\n", 4, "'key: value'"),
        ("conversations:\n  - title: x\n    title: y\n    turns:\n      - student: hi\n", 3, "appears twice"),
        (
            "conversations:\n  - title: Same\n    turns:\n      - student: hi\n"
            "  - title: same\n    turns:\n      - student: hi\n",
            5,
            "used twice",
        ),
    ],
)
def test_each_mistake_names_its_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    """Empty files, missing titles, turns without a message, duplicates… each is an error on the right line."""
    error = _error(tmp_path, text)
    assert error.line == line, str(error)
    assert words in error.problem, str(error)


def test_unclosed_quote_points_at_its_line(tmp_path: Path) -> None:
    """An unclosed quote is reported where it opens, not at the end of the file."""
    error = _error(tmp_path, 'conversations:\n  - title: Pay\n    turns:\n      - student: "salary?\n\n\n')
    assert error.line == 4
    assert "never closed" in error.problem


def test_load_all_reports_every_bad_file(tmp_path: Path) -> None:
    """Loading a folder collects the good files and the errors of all the bad ones."""
    _write(tmp_path, VALID, "good.yml")
    _write(tmp_path, "conversations:\n  - title: x\n", "bad1.yml")
    _write(tmp_path, "conversations: [\n", "bad2.yaml")
    (tmp_path / "notes.txt").write_text("not a test", encoding="utf-8")
    files, errors = load_all([tmp_path])
    assert [f.path.name for f in files] == ["good.yml"]
    assert sorted(e.path.name for e in errors) == ["bad1.yml", "bad2.yaml"]


def test_normalize_makes_matching_forgiving() -> None:
    """Matching ignores case, curly quotes and extra spaces."""
    assert normalize("You’re  Welcome") == normalize("you're welcome")
    assert normalize("“Hi”\nthere") == '"hi" there'


def test_starter_suite_loads_and_covers_every_topic() -> None:
    """The shipped suite has at least 30 valid conversations asking about every topic of the README."""
    files, errors = load_all([DEFAULT_DIR])
    assert not errors, [str(e) for e in errors]
    conversations = [c for f in files for c in f.conversations]
    assert len(conversations) >= 30
    said = " ".join(normalize(t.student or t.click or "") for c in conversations for t in c.turns)
    for topic in ["pay", "growing", "openings", "robots", "degree", "major", "mba", "become", "skills", "work",
                  "tell me more", "nurses", "joke", "hours", "help", "hi", "are you a real person", "career cluster",
                  "classes", "safety", "reports", "budget", "overtime", "products"]:
        assert topic in said, f"no conversation asks about {topic!r}"


def test_every_problem_of_a_file_is_listed(tmp_path: Path) -> None:
    """Two bad turns in two conversations and a repeated title: three problems, each with its line."""
    from bot.conversations.format import load_all

    _write(tmp_path, "conversations:\n  - title: a\n    turns:\n      - studnet: hi\n"
                     "  - title: b\n    turns:\n      - student: hi\n        must mentoin: [x]\n"
                     "  - title: c\n    turns:\n      - student: hi\n"
                     "  - title: c\n    turns:\n      - student: ho\n")
    files, errors = load_all([tmp_path])
    assert files == []
    assert [error.line for error in errors] == [4, 8, 12]
    assert "studnet" in errors[0].problem and "mentoin" in errors[1].problem and "used twice" in errors[2].problem


@pytest.mark.parametrize("indent", [9, 7, 6, 4])
def test_an_indentation_mistake_is_said_in_a_counselors_words(tmp_path: Path, indent: int) -> None:
    """"must mention:" one space too deep or too shallow, lined up with the "-", or with "turns:": the message
    says it must line up under "student:", on its line (not YAML's "mapping values are not allowed")."""
    text = ("conversations:\n  - title: Pay\n    turns:\n      - student: how much?\n"
            + " " * indent + "must mention: [x]\n")
    error = _error(tmp_path, text)
    assert error.line == 5
    assert 'must line up exactly under "student:"' in error.problem and "mapping values" not in error.problem
