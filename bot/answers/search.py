"""Looking up a detail in one career's file: the sentences about what the student asked.

"do realtors need a license?" has no answer topic of its own, but the real estate
file's how-to-become paragraph says that every state requires a license. Before the
bot says it doesn't know a detail (or that a file lacks a topic), it looks for
sentences of that career's own text about the same concept (license, schedule,
travel, ...; knowledge/vocabulary/search-words.yml) and quotes them with the source.
Only the career's own file is read, so no other career's fact can come back.
Plain functions, no Rasa.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, FrozenSet, Iterator, List, Optional, Sequence, Tuple

import yaml
from pydantic import BaseModel

from bot.knowledge.models import Career
from bot.knowledge.topics import TOPICS
from bot.paths import VOCABULARY_DIR

SEARCH_WORDS_FILE = VOCABULARY_DIR / "search-words.yml"
MAX_SENTENCES = 2
_SENTENCE_END = re.compile(r"(?<![A-Z]\.[A-Z]\.)(?<!Ph\.D\.)(?<=[.!?])\s+(?=[A-Z(\"'])")  # not after "U.S.", "Ph.D."


@dataclass(frozen=True)
class Concepts:
    """Concept name -> its words (stems of single words, and phrases in padded lower case)."""

    stems: Dict[str, FrozenSet[str]]
    phrases: Dict[str, Tuple[str, ...]]
    sections: Dict[str, FrozenSet[str]] = field(default_factory=dict)  # where a concept's sentences may come from
    topics: Dict[str, str] = field(default_factory=dict)  # the answer topic that covers a concept, where one does
    worries: FrozenSet[str] = frozenset()  # concepts a student's worry about the job asks of ("the stress of it")

    def topic_of(self, text: str) -> Optional[str]:
        """The answer topic of the first concept in ``text`` that names one ("a license" -> how_to_become)."""
        return next((self.topics[name] for name in sorted(concepts_in(text, self)) if name in self.topics), None)

    def in_section(self, names: FrozenSet[str], section: str) -> FrozenSet[str]:
        """The concepts among ``names`` that a sentence of this file section can answer."""
        return frozenset(n for n in names if not self.sections.get(n) or section in self.sections[n])


def stem(word: str) -> str:
    """A crude stem that joins plural and -ed/-ing forms: license, licensed, licensing -> licens."""
    word = re.sub(r"'s$", "", word.lower()).strip("'")  # bachelor's, bachelors -> bachelor
    if word.endswith("ies") and len(word) > 4:  # families -> family
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _words(text: str) -> List[str]:
    return re.findall(r"[a-z0-9][a-z0-9'-]*", text.lower().replace("ph.d.", "phd"))


def _padded(text: str) -> str:
    return " " + " ".join(_words(text)) + " "


@lru_cache(maxsize=4)
def _concepts(path: Path, _stamp: int) -> Concepts:
    with path.open(encoding="utf-8") as handle:
        raw = (yaml.safe_load(handle) or {}).get("concepts") or {}
    stems: Dict[str, FrozenSet[str]] = {}
    phrases: Dict[str, Tuple[str, ...]] = {}
    sections: Dict[str, FrozenSet[str]] = {}
    topics: Dict[str, str] = {}
    worries: List[str] = []
    for name, entry in raw.items():
        if isinstance(entry, dict) and entry.get("worry"):
            worries.append(str(name))
        if isinstance(entry, dict) and entry.get("topic"):
            if entry["topic"] not in TOPICS:
                raise ValueError(f"{path.name}: concept {name!r} names topic {entry['topic']!r}, not one of {TOPICS}")
            topics[str(name)] = str(entry["topic"])
        # A list of words, or {words: [...], sections: [...]}: the file sections its sentences may come from.
        words = entry.get("words") or [] if isinstance(entry, dict) else entry
        if isinstance(entry, dict) and entry.get("sections"):
            sections[str(name)] = frozenset(str(x) for x in entry["sections"])
        single = [str(w) for w in words if len(_words(str(w))) == 1]
        stems[str(name)] = frozenset(stem(w) for w in single)
        phrases[str(name)] = tuple(_padded(str(w)) for w in words if len(_words(str(w))) > 1)
    return Concepts(stems, phrases, sections, topics, frozenset(worries))


def concepts() -> Concepts:
    """The concepts of search-words.yml (re-read when the file changes)."""
    return _concepts(SEARCH_WORDS_FILE, SEARCH_WORDS_FILE.stat().st_mtime_ns)


def concepts_in(text: str, vocabulary: Concepts) -> FrozenSet[str]:
    """The concepts a text has words of."""
    stems = {stem(w) for w in _words(text)}
    padded = _padded(text)
    return frozenset(name for name in vocabulary.stems
                     if stems & vocabulary.stems[name] or any(p in padded for p in vocabulary.phrases[name]))


# Fields that are names, dates, keys or plan data, not sentences about the job.
_NOT_TEXT = {"sources", "pathways", "review_notes", "id", "title", "plural", "name", "aliases", "clusters",
             "source", "who", "date", "period", "url", "edition", "offer_button"}


def _texts(value: Any, source: str) -> Iterator[Tuple[str, str]]:
    """(text, source key) for every string of a file section, with the nearest source above it."""
    if isinstance(value, BaseModel):
        own = getattr(value, "source", None)
        source = own if isinstance(own, str) and own else source
        for name in value.__fields__:
            if name not in _NOT_TEXT:
                yield from _texts(getattr(value, name), source)
    elif isinstance(value, str):
        yield value, source
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item, source)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item, source)


def sentences(career: Career) -> List[Tuple[str, str]]:
    """Every sentence of the career's file about the job, with its source key, in file order, once each.

    The education facts come as the education answer says them ("Work experience in a
    related job: Less than 5 years."); every other section's text as written.
    """
    return [(text, source) for text, source, _ in _sentences(career)]


def section_sentences(career: Career, section: str) -> List[Tuple[str, str]]:
    """The sentences of one top-level section of the file ("work_environment"), with their source keys."""
    return [(text, source) for text, source, where in _sentences(career) if where == section][:MAX_SENTENCES + 1]


def _sentences(career: Career) -> List[Tuple[str, str, str]]:
    """(sentence, source key, top-level file section) for every sentence, in file order, once each."""
    from bot.answers import facts  # imported here: facts is the bigger module and this one is optional to it

    found: Dict[str, Tuple[str, str]] = {}
    texts: List[Tuple[str, str, str]] = []
    edu = career.education
    if edu is not None:
        edu_source = edu.entry_level.source if edu.entry_level else career.career.source
        texts.append((facts.education(career) or "", edu_source, "education"))
    for section in career.__fields__:
        if section not in _NOT_TEXT:
            texts += [(text, source, section) for text, source in _texts(getattr(career, section),
                                                                         career.career.source)]
    for text, source, section in texts:
        for line in text.splitlines():
            for part in _SENTENCE_END.split(line.strip(" •")):
                if len(_words(part)) >= 3:
                    found.setdefault(part.strip(), (source, section))
    return [(text, source, section) for text, (source, section) in found.items()]


def _name_words(career: Career, question: str = "") -> FrozenSet[str]:
    """Stems of the career's names in a question.

    Its title and one-word aliases always count; a longer alias's words only when the question has all of them
    ("work for a newspaper" is a reporter's alias, but "who do they work for" asks about employers).
    """
    names = [career.career.title, career.career.plural, career.career.name,
             *(a for a in career.career.aliases if len(_words(a)) == 1)]
    said = {stem(w) for w in _words(question)}
    phrases = [{stem(w) for w in _words(a)} for a in career.career.aliases if len(_words(a)) > 1]
    return frozenset({stem(w) for n in names for w in _words(n)}.union(*(p for p in phrases if p <= said)))


_CLAUSE_BREAK = re.compile(r"\?|,|;|\+|&|\band\b|\balso\b|\bplus\b|\bor\b")


def rest_of_question(career: Career, question: str, answered: str,
                     vocabulary: Optional[Concepts] = None) -> List[Tuple[str, str]]:
    """"how much do barbers make and do they need a license": the license sentences after the pay.

    For a message of two or more clauses: the sentences about the concepts it asks that the
    answer given (``answered``) doesn't touch.
    """
    vocabulary = vocabulary or concepts()
    if len([c for c in _CLAUSE_BREAK.split(question) if c.strip()]) < 2:
        return []
    left = concepts_in(question, vocabulary) - concepts_in(answered, vocabulary)
    if not left:
        return []
    return [(text, source) for text, source in find(career, question, vocabulary)
            if text not in answered and concepts_in(text, vocabulary) & left]


def find(career: Career, question: str, vocabulary: Optional[Concepts] = None) -> List[Tuple[str, str]]:
    """The career's sentences (with source keys) about the concepts the question asks about, best first.

    A sentence counts when it shares a concept with the question; more shared concepts
    rank first, then more of the question's own concept words, then file order. The
    career's own name is not a concept word ("do truck drivers drive trucks" does not
    match every sentence naming trucks).
    """
    vocabulary = vocabulary or concepts()
    names = _name_words(career, question)
    asked_text = " ".join(w for w in _words(question) if stem(w) not in names)
    asked = concepts_in(asked_text, vocabulary)
    if not asked:
        return []
    concept_stems = frozenset().union(*(vocabulary.stems[name] for name in asked))
    said = {stem(w) for w in _words(asked_text)} & concept_stems
    scored: List[Tuple[int, int, int, str, str]] = []
    every = _sentences(career)
    for index, (text, source, section) in enumerate(every):
        shared = vocabulary.in_section(asked & concepts_in(text, vocabulary), section)
        if shared:
            same_words = len(said & {stem(w) for w in _words(text)})  # "weekends" before "part-time"
            scored.append((-len(shared), -same_words, index, text, source))
    chosen = [index for *_, index, _, _ in sorted(scored)[:MAX_SENTENCES]]
    found: List[Tuple[str, str]] = []
    for index in chosen:
        found.append(every[index][:2])
        after = index + 1
        if after < len(every) and after not in chosen and every[after][2] == every[index][2] \
                and _QUALIFIER.match(every[after][0]) and every[after][:2] not in found:
            found.append(every[after][:2])  # "... must have a Ph.D. But a master's degree may be enough ...": both
    return found


# A sentence that qualifies the one before it: said with it, never without it.
_QUALIFIER = re.compile(r"(?:But|However|Still|Yet|Even so)\b")


__all__: Sequence[str] = ["Concepts", "concepts", "concepts_in", "find", "rest_of_question", "sentences", "stem"]
