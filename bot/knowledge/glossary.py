"""The glossary: plain definitions of the words the career files use (knowledge/glossary.yml).

"what's an associate's degree?" is answered from it, and an answer that uses one
of its words offers a button to explain the word. Validated by ``make check``;
a definition holds no figures (those belong to a career file, with their source).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from pydantic import BaseModel, validator

from bot.interpret.words import padded
from bot.knowledge.loader import parse_model
from bot.paths import KNOWLEDGE_DIR
from bot.safety.text import correct_word, damerau

GLOSSARY_FILE = KNOWLEDGE_DIR / "glossary.yml"
# "what is X", "what's X", "what does X mean", "define X", "meaning of X", "X meaning", "X?" alone.
# Words before the question that change nothing: "hold up what is a phd", "ok so whats a cdl".
_LEAD = (r"(?:(?:so|ok|okay|and|but|um|sry|sorry|srry|dumb question|stupid question|quick question|random question|"
         r"real quick|quick q|wait|hey|yo|bro|like|hmm|uh|hold up|hold on|lol|lmao|ngl|omg|bruh) )*")
_ASKS = re.compile(r"^ " + _LEAD + r"(?:what is|whats|what are|what does|"
                   r"what do|what s|whats a|wats|wat is|wat s|wat r|what r|wut is|wuts|whut is|wat does|wut does|"
                   r"what counts as|who counts as|who is considered|who is a|"
                   r"what does it mean if (?:someone|you|a person|somebody) (?:is|are)|define|definition of|"
                   r"meaning of|what exactly is|what the heck is|wth is|"
                   r"what even is|whats even|what even are|what is even|"
                   r"explain|(?:can|could) (?:you|u) explain(?: what)?|what is meant by|what do you mean by|"
                   r"what do they mean by|what do u mean by|what does it mean by|huh what is|"
                   r"i dont know what|idk what|what does it mean to have|what does it mean to be|"
                   r"how long is|how long are)\b")
_HOW_MUCH = frozenset({"much", "many", "enough", "more", "less", "long"})
_THE = frozenset({"the", "their", "his", "her", "my", "your", "its", "this", "that", "our"})
_MEANS = re.compile(r"\b(?:mean|means|meaning|stand for|stands for|what exactly|what is that|whats that|what is it|"
                    r"what are those|what are they|what is this|whats this|what even is that|what even is it|"
                    r"what even are those|what is that even|whats that even)\b")
# "..., what does that mean?": the one glossary word of the message is asked about.
_THAT_MEANS = re.compile(r" what does (?:that|it|this) (?:even )?mean| what is that supposed to mean| what does that "
                         r"involve")
# Words that say a word is new to the student, anywhere in the message: "never heard that word", "idk what ... is",
# "... whats that lol", "explain pls". With exactly one glossary word in the message, it is asked.
_NEW_WORD = re.compile(r" (?:never heard (?:of )?(?:that|this|it|the word)|"
                       r"(?:what|wat|wut) (?:is|s|r|are) (?:that|those|it|this)|whats (?:that|this|those)|"
                       r"what even is|i dont (?:get|know|understand) what|idk what|"
                       r"explain (?:pls|please|plz|it|that|this)|like what is|is that like|"
                       r"(?:average|faster|slower) (?:of|than) what|compared to what|"  # "average of what tho"
                       r"what counts as|what is considered|how long (?:exactly|is that|is it|does it take(?! to ))|"
                       r"how many hours (?:is that|is it|a week|per week)) "
                       r"| (?:what|wat|wut) (?:r|are) (?:they|those|them)(?: anyway| even| exactly| tho| though)? $")
_HOW_LONG = re.compile(r"^ " + _LEAD + r"how long (?:is|are) ")
# "what do i need to get licensed", "what does it take to be a barber": asks what someone needs or does, not a meaning.
_DOES_WHAT = re.compile(r"^ " + _LEAD + r"what (?:do|does|did|would|will|should) (?:i|you|u|we|they|he|she|it|one|"
                        r"someone|somebody|people|ppl) ")
# "post secondary education = ??", "long term training = how long???": a word, then "= what?"
_EQUALS_WHAT = re.compile(r"\s*(?:=+|->)\s*(?:\?+|how long|what|meaning|means what)?\W*$", re.IGNORECASE)
# Where a question may start inside a sentence ("im in 7th grade whats a bachelors degree").
_CLAUSE_START = re.compile(r"\b(?:what|whats|what's|wat|wats|wut|wuts|define|explain)\b", re.IGNORECASE)
# "how does an apprenticeship work": asks what the word means in practice.
_WORKS = re.compile(r"^ " + _LEAD + r"how (?:does|do) .{1,40} work ")
# "what's the difference between a license and a certification": two words asked together.
_DIFFERENCE = re.compile(r" (?:difference between|differences between|diff between|diff btwn|difference btwn|"
                         r"different from|same as|same thing as|vs|versus|"
                         r"compared to) ")



class Entry(BaseModel):
    """One word and its plain definition."""

    term: str
    also: List[str] = []
    definition: str
    # True for a word that is also one of a career's topics ("median pay"): "what's the median pay" asks for
    # a career's figure, not for the word's meaning (unless the message asks what it means).
    career_topic: bool = False

    class Config:
        """Unknown keys are mistakes."""

        extra = "forbid"

    @validator("definition")
    def no_figures(cls, value: str) -> str:  # noqa: N805 - pydantic validator
        """Figures belong to career files, with their source and date."""
        if re.search(r"\$|\d{3,}|percent|%", value):
            raise ValueError("a definition holds no figures (pay, counts, percents): put them in a career file")
        return value


class Glossary(BaseModel):
    """The glossary file."""

    schema_version: int
    terms: List[Entry]

    class Config:
        """Unknown keys are mistakes."""

        extra = "forbid"


@dataclass(frozen=True)
class Found:
    """A glossary word a message or an answer uses."""

    term: str
    definition: str
    said: str  # the form used
    leading: bool = False  # the question's first words ask for it: "what is the bar that lawyers pass"
    career_topic: bool = False  # also a topic of a career ("median pay")


def load_glossary(path: Path = GLOSSARY_FILE) -> Glossary:
    """Read and validate the glossary (KnowledgeError on a problem)."""
    return parse_model(path, Glossary)


@lru_cache(maxsize=4)
def _forms(path: Path, _stamp: int) -> Tuple[Tuple[str, Entry], ...]:
    glossary = load_glossary(path)
    said = [(padded(form), entry) for entry in glossary.terms for form in [entry.term, *entry.also]]
    plurals = [(form[:-1] + "s ", entry) for form, entry in said  # "certifications", "licenses"
               if len(form.strip()) > 3 and not form.rstrip().endswith("s")]
    known = {form for form, _ in said}
    forms = said + [(form, entry) for form, entry in plurals if form not in known]
    return tuple(sorted(forms, key=lambda item: -len(item[0])))  # the longest form first


def _all_forms(path: Path) -> Tuple[Tuple[str, Entry], ...]:
    return _forms(path, path.stat().st_mtime_ns) if path.exists() else ()


@lru_cache(maxsize=4)
def _long_words(path: Path, _stamp: int) -> Tuple[str, ...]:
    return tuple(sorted({w for form, _ in _all_forms(path) for w in form.split() if w.isalpha() and len(w) >= 7}))


def spelled(text: str, path: Path = GLOSSARY_FILE) -> str:
    """The message with misspelled glossary words put right ("wat is an apprenticship" -> "apprenticeship").

    Only words that are not English words, one letter off (two in long words), towards a long glossary word;
    inside a glossary phrase of several words, also an English word ("comunity collage" -> "community college").
    """
    if not path.exists():
        return text
    keys = _long_words(path, path.stat().st_mtime_ns)
    text = re.sub(r"[A-Za-z]{7,}", lambda m: correct_word(m.group(0).lower(), keys) or m.group(0), text)
    return _phrase_spelled(text, _phrases(path, path.stat().st_mtime_ns))


@lru_cache(maxsize=4)
def _phrases(path: Path, _stamp: int) -> Dict[str, Tuple[Tuple[Tuple[str, ...], int], ...]]:
    """The glossary's forms of two or three words, as word tuples, by each of their words (with its place)."""
    phrases = {tuple(form.split()) for form, _ in _all_forms(path)
               if 2 <= len(form.split()) <= 3 and all(w.isalpha() for w in form.split())}
    index: Dict[str, List[Tuple[Tuple[str, ...], int]]] = {}
    for phrase in sorted(phrases):
        for place, word in enumerate(phrase):
            index.setdefault(word, []).append((phrase, place))
    return {word: tuple(entries) for word, entries in index.items()}


def _phrase_spelled(text: str, index: Dict[str, Tuple[Tuple[Tuple[str, ...], int], ...]]) -> str:
    """The words of a glossary phrase one letter off put right (two in words of 8 letters or more).

    Only when the phrase's other words are there as they are: "community collage" -> "community college".
    """
    words = text.split()
    lowered = [re.sub(r"[^a-z]", "", w.lower()) for w in words]
    for position, word in enumerate(lowered):
        for phrase, place in index.get(word, ()):
            start = position - place
            window = tuple(lowered[start:start + len(phrase)]) if start >= 0 else ()
            if len(window) != len(phrase) or window == phrase:
                continue
            off = [i for i in range(len(phrase)) if window[i] != phrase[i]]
            if len(off) != 1:
                continue
            i = off[0]
            said, meant = window[i], phrase[i]
            if any(_at(lowered, start + i - p, other) for other, p in index.get(said, ())):
                continue  # the word is part of another glossary phrase as it is ("community colleges")
            limit = 2 if len(meant) >= 8 else 1
            if len(meant) >= 6 and said and damerau(said, meant, limit) <= limit:
                match = re.match(r"[A-Za-z]+", words[start + i])
                if match:
                    words[start + i] = meant + words[start + i][match.end():]  # punctuation after it stays
                    lowered[start + i] = meant
    return " ".join(words)


def _at(words: List[str], start: int, phrase: Tuple[str, ...]) -> bool:
    """True if ``phrase`` is at ``start`` of ``words``."""
    return start >= 0 and tuple(words[start:start + len(phrase)]) == phrase


def asked_term(text: str, path: Path = GLOSSARY_FILE) -> Optional[Found]:
    """The glossary word a message asks the meaning of ("whats an associates degree"), or None.

    The whole message is read first, then each of its sentences ("whats a certification? is it the same as a
    degree": the first sentence asks). Misspelled glossary words are read as meant.
    """
    text = spelled(text, path)
    found = _asked_term(text, path)
    said = padded(text)
    alone = padded(_EQUALS_WHAT.sub("", text)) if _EQUALS_WHAT.search(text) else said
    # "OJT??", "post secondary = ??": the word alone, asked
    if found is None and (text.strip().endswith("?") or alone != said):
        found = next((Found(e.term, e.definition, f.strip(), True, e.career_topic)
                      for f, e in _all_forms(path) if f == alone), None)
    if found is None and (_THAT_MEANS.search(said) or _NEW_WORD.search(said)):
        named = terms_in(text, path, limit=3)  # "when a job needs a license, what does that mean exactly?"
        found = named[0] if len(named) == 1 else None
    if found is None:
        sentences = [s for s in re.split(r"[?.!,\u2600-\u27bf\U0001f000-\U0001ffff]+", text) if s.strip()]
        if len(sentences) > 1:
            found = next((f for f in (_asked_term(s, path) for s in sentences) if f is not None), None)
    if found is None:
        # "sry im in 7th grade whats a bachelors degree": a question after a statement, in one sentence
        clauses = [text[m.start():] for m in _CLAUSE_START.finditer(text) if m.start() > 0]
        found = next((f for f in (_asked_term(c, path) for c in clauses) if f is not None), None)
    return found


def _asked_term(text: str, path: Path) -> Optional[Found]:
    said = padded(text)
    if not (_ASKS.search(said) or _MEANS.search(said) or _WORKS.search(said)):
        return None
    rest = re.sub(r"^ " + _LEAD, " ", said)
    words = len(rest.split())
    means = _MEANS.search(said) is not None or re.search(r" defin", said) is not None
    if _DOES_WHAT.search(said) and not means:
        return None
    for form, entry in _all_forms(path):
        direct = form in said and said[said.index(form) + len(form):].startswith(("mean ", "means ", "stand for "))
        # a short question is about the word, and so is a longer one that opens with it ("what is a phd lol i ...")
        if form in said and (direct or len(form.split()) * 4 + 4 >= words or _leads_to(said, form)):
            before = said[:said.index(form)].split()[-1:]
            if not means and entry.career_topic and before and before[0] in _THE:
                return None  # "what's the job outlook like", "what's their median pay": about a career, not the word
            if not direct and before and before[0] in _HOW_MUCH:
                return None  # "whats the pay and how much work experience do i need": an amount, not the word
            if _HOW_LONG.search(said) and ((before and before[0] in _THE) or " for " in said[said.index(form):]):
                return None  # "how long is the on the job training for hvac": the career's training, not the word
            return Found(entry.term, entry.definition, form.strip(), _leads_to(said, form), entry.career_topic)
    return None


def _leads_to(said: str, form: str) -> bool:
    """True if the question's first words ask for ``form``: "what is the bar ...", "how does an apprenticeship work"."""
    if _WORKS.search(said):
        return True
    lead = said[:said.index(form)]
    asked = _ASKS.search(lead if lead.endswith(" ") else lead + " ")
    return asked is not None and lead[asked.end():].strip() in {"", "a", "an", "the"}


def compared_terms(text: str, path: Path = GLOSSARY_FILE) -> List[Found]:
    """Two glossary words a message asks the difference of ("license vs certification"), else nothing."""
    said = padded(text)
    if not _DIFFERENCE.search(said):
        return []
    found: List[Tuple[int, Found]] = []
    for form, entry in _all_forms(path):
        if len(form.strip()) > 2 and form in said and entry.term not in [f.term for _, f in found]:
            found.append((said.index(form), Found(entry.term, entry.definition, form.strip(), True)))
            said = said.replace(form, " " * len(form))  # positions of the other words kept
    return [f for _, f in sorted(found, key=lambda pair: pair[0])] if len(found) == 2 else []


def only_term(text: str, path: Path = GLOSSARY_FILE) -> Optional[Found]:
    """The one glossary word a message uses (forms of three letters or more: "GED", "MBA"), or None for none or more."""
    found = terms_in(text, path, limit=2, shortest=3)
    return found[0] if len(found) == 1 else None


def terms_in(text: str, path: Path = GLOSSARY_FILE, limit: int = 2, shortest: int = 4) -> List[Found]:
    """Glossary words an answer uses (each term once, the longest forms first).

    Only forms of ``shortest`` letters or more: not "AS" in an answer.
    """
    said = padded(text)
    found: List[Found] = []
    for form, entry in _all_forms(path):
        if len(form.strip()) >= shortest and form in said and entry.term not in [f.term for f in found]:
            found.append(Found(entry.term, entry.definition, form.strip(), career_topic=entry.career_topic))
            said = said.replace(form, " ")
    return found[:limit]
