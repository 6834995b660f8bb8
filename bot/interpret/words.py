"""The vocabulary files the interpreter reads, and whole-word phrase search.

- ``topic-words.yml``: words that point to an answer topic, topic families,
  back-references ("that number"), and words that show a message is about a job.
- ``pay-words.yml``: pay periods, levels and places (what a pay question asks for).
- ``cluster-words.yml``: students' words for each career cluster (browsing).

Each file is re-read when it changes. Plain functions, no Rasa.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Dict, List, Optional, Pattern, Sequence, Tuple

import yaml

from bot.paths import VOCABULARY_DIR

TOPIC_WORDS_FILE = VOCABULARY_DIR / "topic-words.yml"
PAY_WORDS_FILE = VOCABULARY_DIR / "pay-words.yml"
CLUSTER_WORDS_FILE = VOCABULARY_DIR / "cluster-words.yml"
EXPLAIN_WORDS_FILE = VOCABULARY_DIR / "explain-words.yml"


@lru_cache(maxsize=1 << 16)
def padded(text: str) -> str:
    """Lower-case words with single spaces, padded for whole-word search: " what s the pay "."""
    lowered = _WITH_SLASH.sub(lambda m: "without " if m.group(0).lower().startswith("w/o") else "with ", text.lower())
    return " " + " ".join(re.sub(r"[^\w]+", " ", lowered.replace("'", "").replace("\u2019", "")).split()) + " "


# "w/o a degree", "w/ animals": chat shorthand for "without" and "with".
_WITH_SLASH = re.compile(r"\bw/o\b\s*|\bw/(?!o\b)\s*")


# Chat spellings of question words, read as written out on both sides of a phrase search ("wat do they do").
_CHAT_WORDS = re.compile(r" (?:wat|wut|whut|wht) | (?:wats|wuts) ")
_CHAT_WHICH = re.compile(r" (?:wich|whitch|wihch|whcih|whic) ")  # "wich trades": "which trades"


@lru_cache(maxsize=1 << 16)
def _chat_read(said: str) -> str:
    """" wat do they do " -> " what do they do " (a padded text; applied twice for neighbours)."""
    for _ in range(2):
        said = _CHAT_WORDS.sub(lambda m: " whats " if m.group(0).strip().endswith("s") else " what ", said)
        said = _CHAT_WHICH.sub(" which ", said)
    return said


def phrase_finder(text: str) -> Callable[[str], bool]:
    """A test for whole-word phrases in ``text``, which is normalised once for all of them.

    A phrase written in capitals ("IT") is an abbreviation: it matches only as typed in capitals, so the
    pronoun in "afford it" is not the Information Technology cluster. Chat spellings of "what" ("wat",
    "wut") read as "what" in the text and in the phrase.
    """
    said = _chat_read(padded(text))

    def has(phrase: str) -> bool:
        if phrase.isupper():
            return _abbreviation(phrase).search(text) is not None
        return _chat_read(padded(phrase)) in said

    return has


@lru_cache(maxsize=1 << 12)
def _abbreviation(phrase: str) -> Pattern[str]:
    """A phrase in capitals ("IT") as typed, as a whole word."""
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


def phrase_finder_through(text: str, fillers: Pattern[str]) -> Callable[[str], bool]:
    """Like ``phrase_finder``, also matching once the ``fillers`` are taken out ("i get really nervous")."""
    plain, calm = phrase_finder(text), phrase_finder(fillers.sub(" ", text))
    return lambda phrase: plain(phrase) or calm(phrase)


# Words that set a phrase aside: "the middle number not the top", "not bonuses, just the normal number".
_LEVEL_ASIDE = r"(?:not|no|nor|instead of|rather than)\s+(?:the\s+|a\s+)?"
_KIND_ASIDE = r"(?:not|no|nor|without|instead of|rather than|besides|except)\s+(?:the\s+|any\s+|a\s+)?"


def _set_aside(text: str, found: str, aside: str) -> bool:
    """True if ``found`` comes right after a word that sets it aside (``aside``, a pattern ending in spaces)."""
    return re.search(rf"\b{aside}{re.escape(found)}\b", text.lower()) is not None


class PhraseIndex:
    """Phrases prepared once for ``phrase_finder``'s whole-word search, found through their first word.

    ``found(text)`` gives the same phrases as testing each one with ``phrase_finder(text)``, without
    touching those whose first word the text lacks (the worry words are about 950 phrases, read on
    every turn). Phrases in capitals are abbreviations, searched as typed (see ``phrase_finder``).
    """

    def __init__(self, phrases: Sequence[str]) -> None:
        self.phrases: Tuple[str, ...] = tuple(phrases)
        self._capitals = tuple((i, _abbreviation(p)) for i, p in enumerate(self.phrases) if p.isupper())
        by_first: Dict[str, List[Tuple[int, str]]] = {}
        self._wordless: List[Tuple[int, str]] = []  # phrases of no words: tested as they are
        for index, phrase in enumerate(self.phrases):
            if phrase.isupper():
                continue
            prepared = _chat_read(padded(phrase))
            words = prepared.split()
            if words:
                by_first.setdefault(words[0], []).append((index, prepared))
            else:
                self._wordless.append((index, prepared))
        self._by_first = {word: tuple(entries) for word, entries in by_first.items()}

    def indices(self, text: str) -> List[int]:
        """The positions (in the list given) of the phrases the text contains, in list order."""
        said = _chat_read(padded(text))
        hits = [i for i, prepared in self._wordless if prepared in said]
        for word in set(said.split()):
            hits.extend(i for i, prepared in self._by_first.get(word, ()) if prepared in said)
        hits.extend(i for i, pattern in self._capitals if pattern.search(text))
        return sorted(set(hits))

    def found(self, text: str) -> List[str]:
        """The phrases the text contains as whole words, in list order."""
        return [self.phrases[i] for i in self.indices(text)]


@lru_cache(maxsize=512)
def phrase_index(phrases: Tuple[str, ...]) -> PhraseIndex:
    """The index of a tuple of phrases (built once per tuple)."""
    return PhraseIndex(phrases)


def first_found(text: str, phrases: Tuple[str, ...]) -> Optional[str]:
    """The longest of the phrases that the text contains as whole words, or None (the first of equals)."""
    found = phrase_index(phrases).found(text)
    return max(found, key=len) if found else None


@dataclass(frozen=True)
class TopicWords:
    """The words that point to one answer topic."""

    topic: str
    phrases: Tuple[str, ...] = ()
    words: Tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicVocabulary:
    """All topics' words, topic families, back-references, and the words that show a message is about a job."""

    topics: Tuple[TopicWords, ...] = ()
    references: Tuple[str, ...] = ()
    families: Tuple[Tuple[str, ...], ...] = ()
    back_references: Tuple[str, ...] = ()

    def entry(self, topic: str) -> Optional[TopicWords]:
        """The words of one topic."""
        return next((t for t in self.topics if t.topic == topic), None)


@dataclass(frozen=True)
class PayWords:
    """What a pay question may ask for besides the yearly median."""

    periods: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()  # (period, words)
    levels: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()  # (level said in the reply, words asking for it)
    places: Tuple[str, ...] = ()
    kinds: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()  # (kind, words)
    costs: Tuple[str, ...] = ()  # what school or training costs: no file has prices

    def year(self, text: str) -> Optional[int]:
        """A year the pay is asked for ("what will nurses get paid in 2030", "pay in 2019"), if any."""
        found = _PAY_YEAR.search(text)
        return int(found.group(1)) if found else None

    def cost(self, text: str) -> bool:
        """True if the text asks what school or training costs ("price of beauty school"), not what the job pays."""
        return first_found(text, self.costs) is not None

    def period(self, text: str) -> Optional[str]:
        """"hour", "month", "week" or "day" if the text asks for pay per that period."""
        has = phrase_finder(text)
        return next((period for period, words in self.periods if any(has(w) for w in words)), None)

    def level(self, text: str) -> Optional[str]:
        """Starting, top or lowest pay, if the text asks for it ("the middle number not the top": none)."""
        for level, words in self.levels:
            found = first_found(text, words)
            if found and not _set_aside(text, found, _LEVEL_ASIDE):
                return level
        return None

    def kind(self, text: str) -> Optional[str]:
        """A kind of pay other than the median wage ("tips", "commission"), if the text asks about one.

        Not one the text sets aside: "not bonuses or whatever, just the normal number".
        """
        for kind, words in self.kinds:
            found = first_found(text, words)
            if found and not _set_aside(text, found, _KIND_ASIDE):
                return kind
        return None

    def place(self, text: str) -> Optional[str]:
        """The place a pay question names ("texas", "my city"), if any.

        A place told in a sentence of its own is the student's story, not the question: "how much do farmers
        make a year? my family has a dairy farm in wisconsin" asks the pay. A short fragment ("in texas?") and a
        sentence that asks or names the pay ("i live in ohio, what do nurses make there") still ask for it.
        """
        # ... also a clause after a comma about someone else ("..., my grandparents have a farm in iowa")
        sentences = [s for s in re.split(r"(?<=[.!?])\s+|,\s+(?=(?:my|our) )", text.strip()) if s.strip()]
        if len(sentences) > 1:
            text = " ".join(s for s in sentences if s.rstrip().endswith("?") or len(s.split()) <= 4
                            or _PAY_NAMED.search(s))
        return first_found(text, self.places) if text else None


# "in 2030", "by 2035", "for 2019": a year the pay is asked for (not "2022-32", a projection period).
_PAY_YEAR = re.compile(r"\b(?:in|by|for|around|during|back in) ((?:19|20)\d\d)\b(?![-\u2013/]\d)", re.IGNORECASE)
_PAY_NAMED = re.compile(r"\b(?:pay|pays|paid|make|makes|earn|earns|salary|salaries|wage|wages|money|income)\b",
                        re.IGNORECASE)


def _stamp(path: Path) -> int:
    return Path(path).stat().st_mtime_ns if Path(path).exists() else 0


def _read(path: Path) -> dict:
    if not Path(path).exists():
        return {}
    with Path(path).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def topic_vocabulary(path: Path = TOPIC_WORDS_FILE) -> TopicVocabulary:
    """The topic words (cached until the file changes)."""
    return _topic_vocabulary(Path(path), _stamp(path))


@lru_cache(maxsize=4)
def _topic_vocabulary(path: Path, _stamp: int) -> TopicVocabulary:
    data = _read(path)
    topics = tuple(
        TopicWords(topic, tuple(entry.get("phrases") or ()), tuple(entry.get("words") or ()))
        for topic, entry in (data.get("topics") or {}).items()
    )
    return TopicVocabulary(
        topics,
        tuple(data.get("references") or ()),
        tuple(tuple(family) for family in data.get("families") or ()),
        tuple(data.get("back_references") or ()),
    )


def pay_words(path: Path = PAY_WORDS_FILE) -> PayWords:
    """The pay words (cached until the file changes)."""
    return _pay_words(Path(path), _stamp(path))


@lru_cache(maxsize=4)
def _pay_words(path: Path, _stamp: int) -> PayWords:
    data = _read(path)
    periods = tuple((str(k), tuple(str(w) for w in v or ())) for k, v in (data.get("periods") or {}).items())
    kinds = tuple((str(k), tuple(str(w) for w in v or ())) for k, v in (data.get("kinds") or {}).items())
    levels = tuple((str(k), tuple(str(w) for w in v or ())) for k, v in (data.get("levels") or {}).items())
    return PayWords(periods, levels, tuple(data.get("places") or ()), kinds,
                    tuple(data.get("costs") or ()))


def cluster_words(path: Path = CLUSTER_WORDS_FILE) -> Dict[str, Tuple[str, ...]]:
    """Students' words for each career cluster (cached until the file changes)."""
    return dict(_cluster_words(Path(path), _stamp(path)))


@lru_cache(maxsize=4)
def _cluster_words(path: Path, _stamp: int) -> Tuple[Tuple[str, Tuple[str, ...]], ...]:
    data = _read(path)
    return tuple((str(k), tuple(str(w) for w in v or ())) for k, v in (data.get("clusters") or {}).items())


def clusters_named(text: str, path: Path = CLUSTER_WORDS_FILE) -> Tuple[str, ...]:
    """The career clusters a message names by their longest matching words.

    "jobs in health care" -> Health Science; "jobs with food" -> both clusters that list "food".
    """
    found_by_cluster = [(len(found), cluster) for cluster, words in cluster_words(path).items()
                        if (found := first_found(text, (cluster.lower(), *words)))]
    longest = max((length for length, _ in found_by_cluster), default=0)
    return tuple(cluster for length, cluster in found_by_cluster if length == longest)


def _title_words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("&", " and ")))


def clusters_titled_in(text: str, path: Path = CLUSTER_WORDS_FILE) -> Tuple[str, ...]:
    """The clusters whose full name is in the message ("whats in the education and training cluster")."""
    said = f" {_title_words(text)} "
    return tuple(cluster for cluster in cluster_words(path) if f" {_title_words(cluster)} " in said)


def cluster_titled(text: str, path: Path = CLUSTER_WORDS_FILE) -> Optional[str]:
    """The cluster whose full name is the whole message ("architecture & construction", "Health Science!")."""
    said = _title_words(text)
    return next((cluster for cluster in cluster_words(path) if _title_words(cluster) == said), None)


@lru_cache(maxsize=4)
def _explain_words(path: Path, _stamp: int) -> Tuple[Tuple[str, Tuple[str, ...]], ...]:
    data = _read(path)
    return tuple((str(k), tuple(str(w) for w in v or ())) for k, v in (data.get("explain") or {}).items())


def explain_asked(text: str, path: Path = EXPLAIN_WORDS_FILE) -> Optional[str]:
    """What a follow-up asks about the figure just given: ``judge``, ``meaning`` or ``why`` (or None).

    Fillers are read through: "what does that even mean lol" is "what does that mean".
    """
    has = phrase_finder_through(text, _FOLLOW_UP_FILLERS)
    for kind, phrases in _explain_words(path, path.stat().st_mtime_ns):
        if any(has(p) for p in phrases):
            return kind
    if _JUDGED_FIGURE.search(padded(text)):  # "is 7% good", "is 2 percent bad?"
        return "judge"
    if _MEANT_FIGURE.search(padded(text)):  # "what does 9 percent mean", "what does much faster than average mean"
        return "meaning"
    return None


_FOLLOW_UP_FILLERS = re.compile(r"\b(?:even|really|actually|exactly|like|lol|tho|though|so)\b", re.IGNORECASE)
_SIGN = r"(?:negative |minus |-)?"
_MEANT_FIGURE = re.compile(r" what (?:does|do|is) (?:the |a |that )?(?:" + _SIGN
                           + r"\d[\d,.]*(?: percent| %|%)?|\$\d[\d,.]*k?|"
                           r"(?:much |a little |little )?(?:faster|slower) than (?:the )?average|about as fast as "
                           r"(?:the )?average|median|decline|declining) (?:\w+ )?(?:mean|means) ")
_JUDGED = (r"(?:good|bad|a lot|alot|high|low|fast|slow|much|enough|decent|normal|okay|ok|terrible|awful|horrible|"
           r"great|amazing|small|big|little|tiny|huge|weak|solid|trash|crazy|insane) ")
# "is 7% good", "is minus 3 percent bad?", "so -3 percent is bad then?"
_JUDGED_FIGURE = re.compile(r" (?:is|are|isnt) (?:" + _SIGN + r"\d+(?: percent| %|%)?|\$?\d[\d,]*k?) (?:\w+ )?"
                            + _JUDGED + r"| " + _SIGN + r"\d+(?: percent| %|%)? (?:is|was|sounds|seems) (?:\w+ )?"
                            + _JUDGED + r"| (?:isnt|aint|is not) (?:that|it|this) (?:\w+ )?" + _JUDGED
                            + r"|^ (?:ok |so |hmm |wait |but )?(?:thats|that is|that seems|seems|sounds) (?:\w+ )?"
                            + _JUDGED)
# ("isnt that kinda terrible": a figure just given, judged)


# "how much work experience do you need before becoming an emt", "how many years of experience do paramedics need"
EXPERIENCE_ASKED = re.compile(r"\b(?:how much|how many years|how many yrs|how long|what kind of|what|do you need|"
                              r"do they need|need any|need)\b.{0,40}\bexperience\b|"
                              r"\bexperience\b.{0,30}\b(?:need|needed|required|require|do you need|do they need)\b",
                              re.IGNORECASE)
