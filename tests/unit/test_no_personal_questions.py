"""Students are minors: nothing the bot says asks for a name, contact details, age or where they live."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Iterator, List, Optional, Tuple

import pytest
import yaml

from bot.paths import DOMAIN_FILE, KNOWLEDGE_DIR, ROOT

PERSONAL = (
    r"(full |first |last |real |home |school |e-?mail |phone |cell |mobile )?"
    r"(name|surname|e-?mail|phone|telephone|cell|mobile|number|address|contact|birthday|date of birth|age|"
    r"zip ?code|postcode|instagram|snapchat|tiktok|discord|username|password|parents?|social security)"
)
REQUESTS = [
    re.compile(rf"\b(what('s| is| are)|tell me|give me|send me|share|type|enter|provide|need|may i have|"
               rf"can i (have|get))\b[^.?!]{{0,30}}\byour {PERSONAL}\b", re.IGNORECASE),
    re.compile(rf"\byour {PERSONAL}\s*\?", re.IGNORECASE),
    re.compile(r"\b(where do you live|how old are you|who are you\b|what grade is your|which school do you)",
               re.IGNORECASE),
    re.compile(r"\b(e-?mail|call|text|message|dm) me\b", re.IGNORECASE),
]


def asks_for_personal_data(text: str) -> Optional[str]:
    """The part of ``text`` that asks the student for personal data, or None."""
    for pattern in REQUESTS:
        match = pattern.search(text)
        if match:
            return match.group(0)
    return None


@pytest.mark.parametrize("text", [
    "What's your name?", "Please tell me your email address.", "Can I have your phone number?",
    "Where do you live?", "How old are you?", "Type your full name to continue", "What is your school email?",
    "Your address?", "Email me at counselor@example.org",
])
def test_checker_catches_requests_for_personal_data(text: str) -> None:
    assert asks_for_personal_data(text)


@pytest.mark.parametrize("text", [
    "What's your major (or the major you're planning)?", "Your school counselor is a great person to talk to.",
    "Managers address problems on the line.", "Take the related classes your school offers.",
    "I'll remember your answers in this chat.", "Good luck with your plans.", "About 15,300 openings a year.",
    "Which side sounds more like you?",
])
def test_checker_lets_ordinary_sentences_through(text: str) -> None:
    assert asks_for_personal_data(text) is None


def _yaml_strings(node: object, where: str) -> Iterator[Tuple[str, str]]:
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _yaml_strings(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _yaml_strings(value, f"{where}[{index}]")


def _python_strings(path: Path) -> Iterator[Tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value


VOCABULARY_DIR = KNOWLEDGE_DIR / "vocabulary"


def _is_vocabulary(path: Path) -> bool:
    """Words the bot reads in students' messages ("they call me a nerd"), never words it says.

    Only a file under knowledge/vocabulary/ whose header says it is never shown is left out, so a
    file there that the bot does show is still scanned.
    """
    if VOCABULARY_DIR not in path.parents:
        return False
    header = "".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)[:30]
                     if line.startswith("#"))
    return "never shown" in " ".join(header.replace("#", " ").split())


def _everything_the_bot_says() -> List[Tuple[str, str]]:
    texts: List[Tuple[str, str]] = []
    with DOMAIN_FILE.open(encoding="utf-8") as handle:
        domain = yaml.safe_load(handle)
    texts += list(_yaml_strings(domain.get("responses", {}), "domain.yml:responses"))
    texts += list(_yaml_strings(domain.get("forms", {}), "domain.yml:forms"))
    for path in sorted(KNOWLEDGE_DIR.rglob("*.yml")):
        if _is_vocabulary(path):
            continue
        with path.open(encoding="utf-8") as handle:
            texts += list(_yaml_strings(yaml.safe_load(handle), path.name))
    with (ROOT / "bot" / "answers" / "templates.yml").open(encoding="utf-8") as handle:
        texts += list(_yaml_strings(yaml.safe_load(handle), "bot/answers/templates.yml"))
    for path in sorted([*(ROOT / "actions").glob("*.py"), *(ROOT / "bot" / "answers").glob("*.py"),
                        *(ROOT / "bot" / "pathway").glob("*.py"), *(ROOT / "bot" / "channels").glob("*.py")]):
        texts += list(_python_strings(path))
    return texts


def test_nothing_the_bot_says_asks_for_personal_data() -> None:
    """Scans domain responses, the knowledge files (incl. pathway questions) and the answer/action code."""
    texts = _everything_the_bot_says()
    assert len(texts) > 100, "the scan found too little text to be meaningful"
    assert any("Where are you now?" in text for _, text in texts), "pathway questions must be scanned"
    offending = [(where, hit) for where, text in texts if (hit := asks_for_personal_data(text))]
    assert not offending, offending


def test_only_vocabulary_that_is_never_shown_is_left_out_of_the_scan() -> None:
    """Every vocabulary file says it is never shown; every other knowledge file is scanned."""
    vocabulary = sorted(VOCABULARY_DIR.glob("*.yml"))
    assert vocabulary, "knowledge/vocabulary/ has no files"
    assert all(_is_vocabulary(path) for path in vocabulary), [p.name for p in vocabulary if not _is_vocabulary(p)]
    assert not any(_is_vocabulary(path) for path in KNOWLEDGE_DIR.rglob("*.yml") if VOCABULARY_DIR not in path.parents)
