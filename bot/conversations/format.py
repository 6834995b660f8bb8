"""The conversation test format: typed models and a strict loader.

A file under ``tests/conversations/`` looks like this::

    conversations:
      - title: Pay question gets the figure and its source
        comment: Pay is what students ask most; the figure must say where it comes from.
        turns:
          - student: how much do they make?
            must mention: [$107,560, Bureau of Labor Statistics]
          - student: tell me more
            must mention: geographic location
          - click: Pay                 # a button the bot's last reply offered, by its title
            must not mention: 15,300
            must offer buttons: [Skills]

Writing is forgiving: a check takes one phrase or a list, keys may be written
``must_mention`` or ``Must Mention``, and values are read as the text typed
(``student: no`` is the word "no"). Loading is strict: an unknown key, a
conversation without turns, a turn without ``student``/``click`` or a YAML
mistake is a ``ConversationFormatError`` naming the file and line.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.paths import ROOT

DEFAULT_DIR = ROOT / "tests" / "conversations"
SUFFIXES = (".yml", ".yaml")

# Canonical key → the spellings accepted for it (after lower-casing and turning _ and - into spaces).
FILE_KEYS: Dict[str, Tuple[str, ...]] = {"conversations": ("conversations",), "career": ("career",)}
CONVERSATION_KEYS: Dict[str, Tuple[str, ...]] = {
    "title": ("title",),
    "career": ("career",),
    "comment": ("comment", "why"),
    "turns": ("turns",),
}
TURN_KEYS: Dict[str, Tuple[str, ...]] = {
    "student": ("student", "student says", "says"),
    "click": ("click", "clicks", "student clicks"),
    "must mention": ("must mention",),
    "must not mention": ("must not mention", "must never mention"),
    "must offer buttons": ("must offer buttons", "buttons", "must offer button"),
    "reply kind": ("reply kind", "kind of reply", "reply is"),
    "no other career's figures": ("no other career's figures", "no other careers figures", "no other career figures",
                                  "only its own figures"),
}
# The kinds of reply a test may ask for, in a counselor's words, and the bot's own name for each
# (the turn record the bot stores for every message: bot/interpret/record.py).
REPLY_KINDS: Dict[str, str] = {
    "answer": "answer", "don't know": "not_known", "other career": "unknown_career",
    "which career": "which_career", "compare": "compare", "browse": "browse", "plan": "plan",
    "crisis": "crisis", "counselor": "counselor", "handoff": "handoff", "worry": "worry",
    "word explained": "glossary", "figure explained": "explain", "other language": "other_language",
    "small talk": "small_talk", "not about careers": "out_of_scope", "fallback": "fallback",
    "boundary": "boundary", "start over": "restart", "nothing more": "no_more",
}

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def normalize(text: str) -> str:
    """Prepare text for comparison: case-insensitive, curly quotes straight, spaces collapsed."""
    return " ".join(text.translate(_QUOTES).casefold().split())


def display_path(path: Path) -> str:
    """Show a path to people: relative to the project when inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


class ConversationFormatError(Exception):
    """A conversation file that can't be used; says which file, which line and what to fix."""

    def __init__(self, path: Path, line: int, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        super().__init__(f"{display_path(path)}, line {line}: {problem}")


class ConversationFileError(ConversationFormatError):
    """Every problem of one file: each conversation and turn is read even after a bad one."""

    def __init__(self, problems: List[ConversationFormatError]) -> None:
        first = problems[0]
        super().__init__(first.path, first.line, first.problem)
        self.args = ("\n".join(str(problem) for problem in problems),)
        self.problems = problems

    def __str__(self) -> str:
        return str(self.args[0])


class _BadTurnsError(Exception):
    """A conversation whose turns had problems (already recorded): skip it."""


@dataclass(frozen=True)
class Turn:
    """One student turn and the checks on the bot's reply to it."""

    line: int
    student: Optional[str] = None
    click: Optional[str] = None
    must_mention: Tuple[str, ...] = ()
    must_not_mention: Tuple[str, ...] = ()
    must_offer_buttons: Tuple[str, ...] = ()
    reply_kind: Optional[str] = None  # a key of REPLY_KINDS: "answer", "don't know", "other career", ...
    own_figures_only: bool = False  # no figure of a career the reply is not about

    def describe(self) -> str:
        """Say what the student does, in words ('student says "hi"')."""
        if self.click is not None:
            return f'student clicks the "{self.click}" button'
        return f'student says "{self.student}"'

    @property
    def check_count(self) -> int:
        """Count this turn's checks."""
        return (len(self.must_mention) + len(self.must_not_mention) + len(self.must_offer_buttons)
                + int(self.reply_kind is not None) + int(self.own_figures_only))


@dataclass(frozen=True)
class Conversation:
    """A titled conversation: turns played in order in one fresh chat."""

    title: str
    turns: Tuple[Turn, ...]
    path: Path
    line: int
    comment: Optional[str] = None
    career: Optional[str] = None  # the career the chat starts in (a career file's id), as on a career's web page

    @property
    def location(self) -> str:
        """Return 'tests/conversations/pay.yml, line 3'."""
        return f"{display_path(self.path)}, line {self.line}"


@dataclass(frozen=True)
class ConversationFile:
    """All conversations of one file."""

    path: Path
    conversations: Tuple[Conversation, ...]
    career: Optional[str] = None


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def _canonical(key: str) -> str:
    return " ".join(key.lower().replace("_", " ").replace("-", " ").split())


def _join_split_numbers(node: SequenceNode) -> List[Node]:
    """Return a list's items, re-joining figures YAML split at a comma in ``[$107,560, May 2022]``.

    In a bracketed list YAML reads every comma as a separator, even inside
    "107,560". Items separated by a bare comma (no space after it) are put back
    together, so counselors can write figures as they read them.
    """
    items: List[Node] = []
    for item in node.value:
        if items and isinstance(item, ScalarNode) and isinstance(items[-1], ScalarNode) and item.style is None \
                and items[-1].style is None:
            previous = items[-1]
            buffer = item.start_mark.buffer
            between = buffer[previous.end_mark.index:item.start_mark.index] if buffer is not None else None
            if between == ",":
                joined = f"{previous.value},{item.value}"
                items[-1] = ScalarNode(previous.tag, joined, previous.start_mark, item.end_mark)
                continue
        items.append(item)
    return items


class _Reader:
    """Turns the YAML node tree of one file into models, raising errors with line numbers."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: List[ConversationFormatError] = []  # of conversations and turns, all of them

    def fail(self, node: Node, problem: str) -> ConversationFormatError:
        return ConversationFormatError(self.path, _line(node), problem)

    def mapping(self, node: Node, what: str, allowed: Dict[str, Tuple[str, ...]], example: str) -> Dict[str, Node]:
        """Return a mapping's values by canonical key; unknown or repeated keys are errors."""
        if not isinstance(node, MappingNode):
            raise self.fail(node, f"{what} should be a set of 'key: value' lines, for example '{example}'.")
        spellings = {spelling: name for name, names in allowed.items() for spelling in names}
        found: Dict[str, Node] = {}
        first_line: Dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise self.fail(key_node, f"{what} has a key that isn't a word; keys are plain words like 'title'.")
            name = spellings.get(_canonical(str(key_node.value)))
            if name is None and allowed is CONVERSATION_KEYS and _turn_key(str(key_node.value)):
                raise self.fail(key_node, _line_up(str(key_node.value), "is not indented like the lines of its turn"))
            if name is None:
                raise self.fail(key_node, self._unknown_key(str(key_node.value), what, allowed))
            if name in found:
                raise self.fail(
                    key_node, f'"{name}" appears twice in {what} (first on line {first_line[name]}); keep one.'
                )
            found[name] = value_node
            first_line[name] = _line(key_node)
        return found

    @staticmethod
    def _unknown_key(key: str, what: str, allowed: Dict[str, Tuple[str, ...]]) -> str:
        names = list(allowed)
        guess = difflib.get_close_matches(_canonical(key), [s for n in allowed.values() for s in n], n=1, cutoff=0.6)
        hint = ""
        if guess:
            name = next(n for n, spellings in allowed.items() if guess[0] in spellings)
            hint = f' Did you mean "{name}"?'
        return f'unknown key "{key}" in {what}.{hint} Allowed: {", ".join(names)}.'

    def text(self, node: Node, what: str) -> str:
        """Return a single non-empty piece of text, exactly as typed."""
        if not isinstance(node, ScalarNode):
            raise self.fail(node, f"{what} should be one piece of text, not a list or a set of keys.")
        value = str(node.value).strip()
        if not value:
            raise self.fail(node, f"{what} is empty.")
        return value

    def phrases(self, node: Node, what: str) -> Tuple[str, ...]:
        """Return one phrase or a list of phrases."""
        if isinstance(node, ScalarNode):
            return (self.text(node, what),)
        if isinstance(node, SequenceNode):
            if not node.value:
                raise self.fail(node, f"{what} is an empty list.")
            for item in node.value:
                if isinstance(item, MappingNode):
                    raise self.fail(item, f"an item of {what} contains a colon (:); put that phrase in quotes.")
            return tuple(self.text(item, f"an item of {what}") for item in _join_split_numbers(node))
        raise self.fail(node, f"{what} should be a phrase or a list of phrases like [$107,560, May 2022].")

    def file(self, root: Optional[Node]) -> ConversationFile:
        if root is None:
            raise ConversationFormatError(self.path, 1, "the file is empty; it should start with 'conversations:'.")
        keys = self.mapping(root, "the file", FILE_KEYS, "conversations:")
        if "conversations" not in keys:
            raise self.fail(root, "the file should start with 'conversations:' followed by a list of conversations.")
        items = keys["conversations"]
        if not isinstance(items, SequenceNode) or not items.value:
            raise self.fail(items, "'conversations:' should be followed by a list, each item starting with '- title:'.")
        career = self.text(keys["career"], "'career:'") if "career" in keys else None
        conversations = []
        for item in items.value:
            try:
                conversations.append(self.conversation(item, career))
            except ConversationFormatError as problem:
                self.problems.append(problem)
            except _BadTurnsError:
                pass
        seen: Dict[str, int] = {}
        for conversation in conversations:
            key = normalize(conversation.title)
            if key in seen:
                self.problems.append(ConversationFormatError(
                    self.path,
                    conversation.line,
                    f'the title "{conversation.title}" is used twice (also on line {seen[key]}); titles must differ.',
                ))
            seen[key] = conversation.line
        if self.problems:
            raise ConversationFileError(sorted(self.problems, key=lambda problem: problem.line))
        return ConversationFile(self.path, tuple(conversations), career)

    def conversation(self, node: Node, career: Optional[str] = None) -> Conversation:
        keys = self.mapping(node, "a conversation", CONVERSATION_KEYS, "title: Pay question")
        if "title" not in keys:
            raise self.fail(node, "this conversation has no 'title:'; give it a short title saying what it checks.")
        title = self.text(keys["title"], "the title")
        comment = self.text(keys["comment"], "the comment") if "comment" in keys else None
        if "turns" not in keys:
            raise self.fail(node, f'the conversation "{title}" has no "turns:"; add at least one turn.')
        turns_node = keys["turns"]
        if not isinstance(turns_node, SequenceNode) or not turns_node.value:
            raise self.fail(
                turns_node,
                f'"turns:" of "{title}" should be a list of turns, each starting with "- student:" or "- click:".',
            )
        turns = []
        for item in turns_node.value:
            try:
                turns.append(self.turn(item))
            except ConversationFormatError as problem:
                self.problems.append(problem)  # the other turns are still read, for their problems too
        if len(turns) < len(turns_node.value):
            raise _BadTurnsError()
        if "career" in keys:
            career = self.text(keys["career"], "'career:'")
        return Conversation(title=title, comment=comment, turns=tuple(turns), path=self.path, line=_line(node),
                            career=career)

    def turn(self, node: Node) -> Turn:
        keys = self.mapping(node, "a turn", TURN_KEYS, "student: how much do they make?")
        said = "student" in keys
        clicked = "click" in keys
        if said == clicked:
            problem = "has both 'student:' and 'click:'; split it into two turns" if said else (
                "needs 'student:' (what the student types) or 'click:' (the title of a button to click)"
            )
            raise self.fail(node, f"this turn {problem}.")
        return Turn(
            line=_line(node),
            student=self.text(keys["student"], "'student:'") if said else None,
            click=self.text(keys["click"], "'click:'") if clicked else None,
            must_mention=self.phrases(keys["must mention"], "'must mention:'") if "must mention" in keys else (),
            must_not_mention=(
                self.phrases(keys["must not mention"], "'must not mention:'") if "must not mention" in keys else ()
            ),
            must_offer_buttons=(
                self.phrases(keys["must offer buttons"], "'must offer buttons:'")
                if "must offer buttons" in keys
                else ()
            ),
            reply_kind=self.reply_kind(keys["reply kind"]) if "reply kind" in keys else None,
            own_figures_only=self.yes(keys["no other career's figures"], "'no other career's figures:'")
            if "no other career's figures" in keys else False,
        )

    def reply_kind(self, node: Node) -> str:
        """A kind of reply, in a counselor's words (REPLY_KINDS)."""
        value = normalize(self.text(node, "'reply kind:'")).replace("dont", "don't")
        if value not in REPLY_KINDS:
            raise self.fail(node, f"'reply kind:' must be one of: {', '.join(REPLY_KINDS)} (not {value!r}).")
        return value

    def yes(self, node: Node, what: str) -> bool:
        """A yes/no value ("yes", "no", "true", "false")."""
        value = normalize(self.text(node, what))
        if value not in {"yes", "no", "true", "false"}:
            raise self.fail(node, f"{what} takes yes or no (not {value!r}).")
        return value in {"yes", "true"}


def _turn_key(key: str) -> Optional[str]:
    """The turn key ``key`` spells (``must mention``), or None."""
    canonical = _canonical(key)
    return next((name for name, spellings in TURN_KEYS.items() if canonical in spellings and name != "student"
                 and name != "click"), None)


def _line_up(key: str, what_happened: str) -> str:
    """The counselor-worded message for a turn key indented wrongly."""
    return (f'"{key.strip()}:" {what_happened}: it must line up exactly under "student:" (or "click:") of its turn, '
            'the same number of spaces in, and belong to the turn above it.')


def _indentation_hint(source_line: str) -> Optional[str]:
    """A counselor-worded message when the YAML error's line holds a turn key ("must mention:" indented wrongly)."""
    match = re.match(r"^\s*(?:-\s+)?([A-Za-z][A-Za-z _-]*?):", source_line)
    if match and _turn_key(match.group(1)):
        return _line_up(match.group(1), "is not indented like the lines of its turn")
    return None


def _yaml_hint(problem: str) -> str:
    if "\t" in problem or "'\\t'" in problem:
        return " Use spaces, not tabs, to indent."
    if "quoted scalar" in problem:
        return " A quote (\" or ') is opened here but never closed."
    if "mapping values are not allowed" in problem:
        return " If a phrase contains a colon (:), put the phrase in quotes."
    if "expected <block end>" in problem or "did not find expected" in problem:
        return " Check that the lines of this turn are indented alike and each '-' lines up."
    if "found character" in problem or "found undefined alias" in problem:
        return " Put a phrase that starts with a special character (` @ % * & !) in quotes."
    return " Check the indentation and quotes around this line."


_TEXT_KEYS = {
    spelling
    for table in (CONVERSATION_KEYS, TURN_KEYS)
    for name, spellings in table.items()
    if name != "turns"
    for spelling in spellings
}
_KEY_LINE = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[A-Za-z][A-Za-z _-]*?):[ \t]+(?P<value>\S.*?)\s*$")


def quote_colons(text: str) -> str:
    """Quote a one-line value that contains ': ' (``comment: Why: pay matters``), which YAML would refuse.

    Only values of the format's own text keys are touched, and only when they
    aren't quoted or a list already; line numbers stay the same.
    """
    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = _KEY_LINE.match(line)
        if not match or _canonical(match["key"]) not in _TEXT_KEYS:
            continue
        value = match["value"]
        if value[0] in "\"'[{|>&*!%@`#" or ": " not in value and not value.endswith(":"):
            continue
        if " #" in value:
            continue  # a comment at the end of the line: leave it to YAML (and its error message)
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        lines[index] = f'{match["lead"]}{match["key"]}: "{escaped}"'
    return "\n".join(lines)


def parse_text(text: str, path: Path) -> ConversationFile:
    """Read conversations from YAML text (``path`` is used in error messages)."""
    try:
        root = yaml.compose(quote_colons(text), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark is not None and "end of stream" in str(error.problem):
            mark = error.context_mark  # an unclosed quote: point at where it opened, not at the file's end
        line = int(mark.line) + 1 if mark is not None else 1
        problem = " ".join(str(part) for part in (error.context, error.problem) if part)
        lines = text.splitlines()
        indented = _indentation_hint(lines[line - 1]) if 0 < line <= len(lines) else None
        if indented:
            raise ConversationFormatError(path, line, indented) from None
        raise ConversationFormatError(path, line, f"this is not valid YAML ({problem}).{_yaml_hint(problem)}") from None
    except yaml.YAMLError as error:
        raise ConversationFormatError(path, 1, f"this is not valid YAML ({error}).") from None
    return _Reader(path).file(root)


def load_file(path: Path) -> ConversationFile:
    """Read one conversation file; raise ``ConversationFormatError`` naming file and line."""
    try:
        with path.open(encoding="utf-8") as handle:
            text = handle.read()
    except UnicodeDecodeError:
        raise ConversationFormatError(path, 1, "the file isn't UTF-8 text; save it as UTF-8.") from None
    except OSError as error:
        raise ConversationFormatError(path, 1, f"the file can't be read ({error.strerror}).") from None
    return parse_text(text, path)


def find_files(paths: Iterable[Path]) -> List[Path]:
    """Conversation files among ``paths`` (folders are searched recursively), sorted."""
    found: List[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
        else:
            found.append(path)
    return found


def load_all(paths: Sequence[Path]) -> Tuple[List[ConversationFile], List[ConversationFormatError]]:
    """Load every file; return the good ones and every problem of the bad ones (each file, each conversation)."""
    files: List[ConversationFile] = []
    errors: List[ConversationFormatError] = []
    for path in find_files(paths):
        try:
            files.append(load_file(path))
        except ConversationFileError as problems:
            errors += problems.problems
        except ConversationFormatError as error:
            errors.append(error)
    return files, errors


def slug(text: str) -> str:
    """Make a file-name-safe version of a title or id."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "conversation"
