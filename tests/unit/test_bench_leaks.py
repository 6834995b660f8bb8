"""The benchmark's cross-career leak check finds a figure of a career the conversation never named."""

from __future__ import annotations

from bench.leaks import find_leaks


def test_a_figure_of_another_career_is_a_leak() -> None:
    """Nurses asked, chefs' median shown: one leak; nurses' own figure and the all-occupations median: none."""
    items = [
        {"id": "a", "topic": "pay", "turns": [{"say": "how much do nurses make", "reply": "$81,220 ... $46,310"}]},
        {"id": "b", "topic": "pay", "turns": [{"say": "how much do nurses make", "reply": "chefs make $56,520"}]},
        {"id": "c", "topic": "browse", "turns": [{"say": "list jobs", "reply": "$56,520 $81,220"}]},
    ]
    leaks = find_leaks(items)
    assert len(leaks) == 1 and leaks[0].startswith("b: $56,520 of chefs-and-head-cooks")


def test_the_career_a_chat_starts_in_counts_as_named() -> None:
    """On the truck drivers' page, "does this pay more than being a chef" shows both figures: no leak."""
    compare = [{"say": "does this pay more than being a chef", "reply": "$54,320 vs $56,520"}]
    items = [
        {"id": "a", "topic": "compare", "career": "heavy-and-tractor-trailer-truck-drivers", "turns": compare},
        {"id": "b", "topic": "compare", "turns": compare},
    ]
    leaks = find_leaks(items)
    assert [leak.split(":")[0] for leak in leaks] == ["b"]
