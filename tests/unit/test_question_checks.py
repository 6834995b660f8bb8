"""The benchmark's reply checks (bench/questions.py): substrings, and a space that marks a word's end."""

from __future__ import annotations

from bench.questions import Turn


def test_a_check_with_a_trailing_space_matches_only_a_word_end() -> None:
    """"nannie " forbids a garbled singular, not the right plural "nannies"."""
    turn = Turn("what do nannies get paid", not_contains=(("nannie ",),))
    assert turn.problems("I don't have information about nannies yet.") == []
    assert turn.problems("I don't have information about nannie yet.") != []
    assert turn.problems("about nannie") != []  # at the very end too


def test_plain_checks_are_substrings_and_not_start_reads_the_start() -> None:
    turn = Turn("q", contains=(("$86,070", "86070"),), not_start=("Yes",))
    assert turn.problems("The median pay was $86,070 a year.") == []
    assert turn.problems("Yes, the median pay was $86,070.") != []
    assert turn.problems("The median pay was unknown.") != []
