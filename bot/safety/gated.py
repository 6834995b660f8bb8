r"""Regular expressions with a literal gate: a pattern is searched only if a text it needs is there.

The crisis detector matches about 1,100 patterns against every message, in the
Rasa server and again in the action server; searching each one cost about
0.8 ms per message. Most patterns cannot match most messages: every match of
``\b(took|swallowed|drank) (pills|stuff)\b`` contains "took", "swallowed" or
"drank". ``gate()`` reads such a set of required texts off the parsed pattern
(Python's own regex parser), and the regular expression is tried only when one
of them is a substring of the text. The gate is only
ever a necessary condition, so the results are the same as searching every
pattern (tests/unit/test_gated_patterns.py checks this on the development
messages); a pattern no gate can be read from is always searched.

``GatedPatterns`` goes one step further for a list: one pass over all the lists'
required texts (``LiteralScanner``: about 2,300 substring tests, cached per text)
tells which patterns can match at all, and only those are searched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, FrozenSet, Iterable, List, Mapping, Optional, Pattern, Sequence, Tuple

try:  # Python 3.11+ keeps the parser here
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_OP = _sre_parse  # the opcode constants (LITERAL, BRANCH, ...) live in the parser module too
_MIN_USEFUL = 2  # a gate of one-letter texts ("a", "i") is true for nearly every message


def _best(candidates: Sequence[FrozenSet[str]]) -> Optional[FrozenSet[str]]:
    """The most selective of several gates that all hold: the one whose shortest text is longest."""
    useful = [c for c in candidates if c and min(len(t) for t in c) >= _MIN_USEFUL]
    if not useful:
        return None
    return max(useful, key=lambda c: (min(len(t) for t in c), -len(c)))


def _required(items: Any) -> Optional[FrozenSet[str]]:
    """A set of texts one of which every match of the parsed sequence ``items`` contains, or None."""
    candidates: List[FrozenSet[str]] = []
    run: List[str] = []
    for op, value in items:
        if op is _OP.LITERAL:
            run.append(chr(value))
            continue
        if run:
            candidates.append(frozenset({"".join(run)}))
            run = []
        if op is _OP.SUBPATTERN:
            _group, add_flags, _del_flags, inner = value
            if not add_flags & re.IGNORECASE and (found := _required(inner)):
                candidates.append(found)
        elif op is _OP.BRANCH:
            alternatives = [_required(branch) for branch in value[1]]
            if all(alternatives):
                candidates.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in (_OP.MAX_REPEAT, _OP.MIN_REPEAT):
            low, _high, inner = value
            if low >= 1 and (found := _required(inner)):
                candidates.append(found)
        # Anything else (\b, classes, look-arounds, any character) needs no particular text.
    if run:
        candidates.append(frozenset({"".join(run)}))
    return _best(candidates)


def gate(pattern: Pattern[str]) -> Optional[FrozenSet[str]]:
    """The texts one of which any match of ``pattern`` contains, or None if none can be told."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        return _required(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # pragma: no cover - a pattern re.compile accepted; be safe and always search
        return None


@dataclass(frozen=True)
class GatedPattern:
    """A compiled pattern and its gate (None: always searched)."""

    pattern: Pattern[str]
    needs: Optional[FrozenSet[str]]


def compile_gated(source: str) -> GatedPattern:
    """Compile a pattern and read its gate."""
    compiled = re.compile(source)
    return GatedPattern(compiled, gate(compiled))


class LiteralScanner:
    """Which of a fixed set of texts occur in a message (the last few messages' answers are kept)."""

    _KEEP = 64

    def __init__(self, literals: Iterable[str]) -> None:
        self.literals: Tuple[str, ...] = tuple(sorted(set(literals)))
        self._recent: Dict[str, FrozenSet[str]] = {}

    def __call__(self, text: str) -> FrozenSet[str]:
        found = self._recent.get(text)
        if found is None:
            found = frozenset([literal for literal in self.literals if literal in text])
            if len(self._recent) >= self._KEEP:
                self._recent.clear()
            self._recent[text] = found
        return found


class GatedPatterns:
    """A list of gated patterns, searched only where the scanner found a text they need (list order kept)."""

    def __init__(self, patterns: Sequence[GatedPattern], scanner: LiteralScanner) -> None:
        self.patterns: Tuple[GatedPattern, ...] = tuple(patterns)
        self.scanner = scanner
        self._always = tuple(i for i, p in enumerate(self.patterns) if p.needs is None)
        by_text: Dict[str, List[int]] = {}
        for index, pattern in enumerate(self.patterns):
            for needed in pattern.needs or ():
                by_text.setdefault(needed, []).append(index)
        self._by_text = {needed: tuple(indices) for needed, indices in by_text.items()}

    def _indices(self, text: str) -> List[int]:
        indices = set(self._always)
        for needed in self.scanner(text):
            indices.update(self._by_text.get(needed, ()))
        return sorted(indices)

    def any(self, text: str) -> bool:
        """True if one of the patterns matches ``text``."""
        return any(self.patterns[i].pattern.search(text) for i in self._indices(text))

    def sub_each(self, replacement: str, text: str) -> str:
        """Apply every pattern's ``sub`` in list order, each to the text the ones before it left."""
        start = 0
        while True:
            for index in self._indices(text):
                if index < start:
                    continue
                changed = self.patterns[index].pattern.sub(replacement, text)
                if changed != text:  # read the rest of the list against the new text
                    text, start = changed, index + 1
                    break
            else:
                return text


def compile_groups(groups: Mapping[str, Sequence[str]]) -> Dict[str, GatedPatterns]:
    """Compile named lists of patterns, sharing one scanner of the texts they need."""
    compiled = {name: [compile_gated(source) for source in sources] for name, sources in groups.items()}
    scanner = LiteralScanner(t for patterns in compiled.values() for p in patterns for t in p.needs or ())
    return {name: GatedPatterns(patterns, scanner) for name, patterns in compiled.items()}
