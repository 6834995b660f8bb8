"""The shipped common-word list: the same words as spaCy's table, read without loading the table."""

from __future__ import annotations

import subprocess
import sys

from bot.safety import common_words


def test_file_matches_spacy_table() -> None:
    assert common_words.WORDS_FILE.read_text(encoding="utf-8") == common_words.render(common_words.derive())


def test_loaded_words_are_the_derived_ones() -> None:
    words = common_words.common_words()
    assert words == common_words.derive()
    assert {"tired", "going", "from", "here"} <= words
    assert "jasmine" not in words and "okonkwo" not in words


def test_loading_stays_small() -> None:
    """Reading the list costs a few MB (peak RSS), not the ~230 MB peak of parsing spaCy's table."""
    code = ("import resource; from bot.safety.common_words import common_words; "
            "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; common_words(); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)")
    grew_kb = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert grew_kb < 20_000
