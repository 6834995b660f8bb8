"""Which careers a message names: the bot's own (from the knowledge files) and others (vocabulary).

Built from the career files' names (title, plural, full name, aliases) and
``knowledge/vocabulary/occupations.yml`` (job titles the bot has no file for,
grouped by career cluster), so a new career file is recognised as soon as it is
loaded: no training examples, no retraining.

Matching is on whole words after normalising (lower case, apostrophes dropped,
punctuation as spaces); plurals and singulars of every name are generated
("nurse" / "nurses", "fireman" / "firemen"); a misspelled word ("nurce",
"regestered") is corrected toward a word of a known name when it is not an
English word and is one letter (two for long words) from exactly one such word.
Names of one or two letters ("RN", "EE") count only when typed in capitals or after
"a", "an", "the", "be", "vs" or "or", or before a job word ("an rn", "emt vs rn", "rn jobs"),
so "rn" meaning "right now" is not a nurse.
Longer names win over shorter ones ("industrial engineer" over "engineer").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, Mapping, Optional, Tuple

import yaml

from bot.knowledge.models import Career
from bot.paths import VOCABULARY_DIR
from bot.safety.text import english_words

OCCUPATIONS_FILE = VOCABULARY_DIR / "occupations.yml"
MAX_NAME_WORDS = 8
# Words after which a one- or two-letter name counts in lower case ("an rn", "emt vs rn").
_ARTICLES = frozenset({"a", "an", "the", "be", "become", "as", "vs", "versus", "or"})
# Words before which a one- or two-letter name counts in lower case too ("rn jobs", "rn pay").
_JOB_WORDS = frozenset({"jobs", "job", "pay", "salary", "salaries", "school", "program", "programs", "degree",
                        "license", "openings", "career", "careers", "wage", "wages", "hourly"})
_NON_WORD = re.compile(r"[^a-z0-9&]+")
# Words after which a title the bot has no file for is a field of study ("a biology degree", "marketing classes").
_STUDY_WORDS = frozenset({"degree", "degrees", "major", "majors", "class", "classes", "course", "courses",
                          "program", "programs", "bachelors", "masters"})


@dataclass(frozen=True)
class Mentions:
    """What a message names: known careers (ids, in the order named) and other job titles."""

    careers: Tuple[str, ...] = ()
    others: Tuple[str, ...] = ()  # titles the bot has no file for, as written in the vocabulary
    other_clusters: Tuple[str, ...] = ()  # the clusters of those titles, where the vocabulary says

    @property
    def any(self) -> bool:
        """True if any job is named."""
        return bool(self.careers or self.others)


def normalise(text: str) -> str:
    """Lower-case words separated by single spaces (apostrophes dropped, other punctuation a space)."""
    lowered = text.lower().replace("\u2019", "'").replace("'", "")
    return " ".join(_NON_WORD.sub(" ", lowered).split())


def word_forms(name: str) -> List[str]:
    """A name and its plural or singular: "nurse" -> nurse, nurses; "firemen" -> firemen, fireman."""
    name = normalise(name)
    words = name.split()
    if not words:
        return []
    last = words[-1]
    forms = {last}
    if last.endswith("men"):
        forms.add(last[:-3] + "man")
    elif last.endswith("man"):
        forms.add(last[:-3] + "men")
    elif last.endswith("ies") and len(last) > 4:
        forms.add(last[:-3] + "y")
    elif last.endswith("techs"):  # "nail techs", "vet techs": a hard "ch"
        forms.add(last[:-1])
    elif last.endswith("tech"):
        forms.add(last + "s")
    elif last.endswith(("ches", "shes", "sses", "xes")):
        forms.add(last[:-2])
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        forms.add(last[:-1])
    elif last.endswith("y") and len(last) > 3 and last[-2] not in "aeiou":
        forms.add(last[:-1] + "ies")
    elif last.endswith(("ch", "sh", "ss", "x")):
        forms.add(last + "es")
    else:
        forms.add(last + "s")
    return [" ".join(words[:-1] + [form]) for form in sorted(forms)]


_SHORT_WORDS = {"technician": "tech", "technologist": "tech"}


def short_forms(title: str) -> List[str]:
    """The short forms students type for a title of two words or more: "nail technician" -> nail tech, nail techs."""
    words = normalise(title).split()
    if len(words) < 2 or words[-1] not in _SHORT_WORDS:
        return []
    return word_forms(" ".join(words[:-1] + [_SHORT_WORDS[words[-1]]]))


def field_forms(title: str) -> List[str]:
    """The field an engineer of two or more words works in: "mechanical engineer" -> mechanical engineering."""
    words = normalise(title).split()
    if len(words) < 2 or words[-1] not in {"engineer", "engineers"}:
        return []
    return [" ".join(words[:-1] + ["engineering"])]


def activity_forms(name: str) -> List[str]:
    """The work a title names: "truck driver" -> truck driving, "production management", "journalism".

    "-or" titles of two or more words too ("quality control inspector" -> quality control inspecting).

    "-ist" titles give their field ("journalist" -> journalism, "psychologist" -> psychology); the
    "-er" forms only for titles of two or more words: a single "-ing" word ("writing", "teaching")
    is too often a hobby or a school subject to be taken for a career; a career file
    lists such a word among its aliases when students use it ("trucking").
    """
    words = normalise(name).split()
    field = _field_of_study(words[-1]) if words else None
    if field:  # "journalist" -> journalism, "psychologists" -> psychology
        return [" ".join(words[:-1] + [field])]
    if len(words) < 2:
        return []
    last = words[-1]
    if last.endswith(("ers", "ors")):
        last = last[:-1]
    if last.endswith("selor"):  # "school counselor" -> school counseling
        return [" ".join(words[:-1] + [last[:-2] + "ing"])]
    if last.endswith("or") and len(last) >= 6:  # "quality control inspector" -> quality control inspecting
        return [" ".join(words[:-1] + [last[:-2] + "ing"])]
    if not last.endswith("er") or last.endswith("eer") or len(last) < 5:
        return []
    forms = [last[:-2] + "ing"]
    if last.endswith("ager"):  # "construction manager" -> construction management
        forms.append(last[:-2] + "ement")
    return [" ".join(words[:-1] + [form]) for form in forms]


def verb_forms(name: str) -> List[str]:
    """The work a title names as a verb and its object: "truck driver" -> drive trucks, driving trucks.

    Titles of two or more words ending in "-er" ("software developer" -> develop software).
    """
    words = normalise(name).split()
    if len(words) < 2 or not words[-1].endswith(("er", "ers")) or words[-1].endswith(("eer", "eers")):
        return []
    base = words[-1][:-1] if words[-1].endswith("s") else words[-1]
    base = base[:-2]
    if len(base) < 3:
        return []
    if base[-1] == base[-2] and base[-1] not in "aeiouls":
        base = base[:-1]  # "programmer" -> program
    verb = base + "e" if base.endswith(("v", "c", "ag", "ud", "rs")) else base  # drive, produce, manage, nurse
    doing = (verb[:-1] if verb.endswith("e") else verb) + "ing"
    does = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")  # "he drives a semi"
    thing = " ".join(words[:-1])
    objects = [thing] if thing.endswith("s") else [thing, thing + "s"]  # "news" stays news; never "new"
    forms = {f"{v} {o}" for v in (verb, does, doing) for o in objects}
    if not thing.endswith("s"):
        forms |= {f"{v} {a} {thing}" for v in (verb, does, doing) for a in ("a", "an")}  # "driving an 18 wheeler"
    return sorted(forms)


def _field_of_study(word: str) -> Optional[str]:
    """The field a "-ist" title works in: journalist -> journalism, psychologist -> psychology (else None)."""
    word = word[:-1] if word.endswith("ists") else word
    if word.endswith("ologist"):
        return word[:-3] + "y"
    if word.endswith("ist") and len(word) > 6:
        return word[:-1] + "m"
    return None


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance, or ``limit + 1`` once it is certainly larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: List[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


# Names of apps and sites students learn from: never a misspelled job title ("learn off youtube" is not "youtuber").
_NOT_MISSPELT = frozenset({"youtube", "tiktok", "instagram", "insta", "google", "reddit", "twitch", "snapchat",
                           "facebook", "linkedin", "indeed", "khan", "coursera", "udemy", "duolingo", "chatgpt"})
# Last words of titles that say nothing about the job ("coding jobs"): never a shared head.
_GENERIC_HEADS = frozenset({"job", "jobs", "work", "career", "careers", "field", "fields", "person", "people"})


@dataclass(frozen=True)
class _Entry:
    career: Optional[str]  # a known career's id, or None for another occupation
    title: str
    cluster: str = ""
    short: bool = False  # one or two letters: only in capitals


@dataclass
class Catalog:
    """The names of every career, known or not, and how to find them in a message."""

    names: Dict[str, _Entry] = field(default_factory=dict)  # normalised phrase -> entry
    name_words: FrozenSet[str] = frozenset()
    word_owners: Dict[str, FrozenSet[str]] = field(default_factory=dict)  # word -> careers/titles it is part of
    shared_heads: Dict[str, FrozenSet[str]] = field(default_factory=dict)  # "engineers" -> the careers it ends
    qualifiers: Dict[str, FrozenSet[str]] = field(default_factory=dict)  # "civil" -> the careers it sets apart
    # The typo search's index of name_words by length (built on first use; see _words_near_in_length).
    _by_length: Optional[Dict[int, List[Tuple[int, str]]]] = field(default=None, init=False, repr=False, compare=False)
    _beyond_reach: Optional[str] = field(default=None, init=False, repr=False, compare=False)
    # Words already corrected (word -> as corrected): students and training examples repeat their words.
    _corrections: Dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def build(cls, careers: Mapping[str, Career], occupations: Mapping[str, str]) -> Catalog:
        """From the loaded careers and the vocabulary of other titles ({title: cluster or ""})."""
        names: Dict[str, _Entry] = {}
        for title, cluster in occupations.items():
            for form in word_forms(title) + short_forms(title) + field_forms(title):
                names.setdefault(form, _Entry(None, title, cluster))
        for career_id, career in careers.items():  # known careers win over the vocabulary
            for name in career.names():
                for form in word_forms(name) + short_forms(name):
                    names[form] = _Entry(career_id, career.career.plural, short=len(form) <= 2)
        for career_id, career in careers.items():  # "truck driving": never over another name
            for name in career.names():
                for form in activity_forms(name) + verb_forms(name) + field_forms(name):
                    names.setdefault(form, _Entry(career_id, career.career.plural))
        owners: Dict[str, set] = {}
        for phrase, entry in names.items():
            for word in phrase.split():
                if len(word) >= 4:
                    owners.setdefault(word, set()).add(entry.career or entry.title)
        forms = [(career_id, form.split()) for career_id, career in careers.items()
                 for name in career.names() for form in word_forms(name)]
        heads: Dict[str, set] = {}
        for career_id, words in forms:
            if len(words) >= 2 and words[-1] not in _GENERIC_HEADS:
                heads.setdefault(words[-1], set()).add(career_id)
        shared = {w: frozenset(c) for w, c in heads.items() if len(c) >= 2}
        qualifiers: Dict[str, set] = {}
        for career_id, words in forms:
            if words[-1] in shared:  # "civil engineers": "civil" tells which of the engineers
                for word in words[:-1]:
                    if len(word) >= 4 and word not in _GENERIC_HEADS:
                        qualifiers.setdefault(word, set()).add(career_id)
        return cls(names, frozenset(owners), {w: frozenset(o) for w, o in owners.items()}, shared,
                   {w: frozenset(c) for w, c in qualifiers.items()})

    def shared_head(self, text: str) -> Optional[str]:
        """A word that ends the titles of several known careers, said alone, or None.

        "do engineers need a license", "become an agent": the student means one of them, not which.
        """
        return next((w for w in normalise(text).split() if w in self.shared_heads), None)

    @cached_property
    def names_with_and(self) -> Tuple[str, ...]:
        """The names with "and" in them, longest first ("school and career counselors" is one name, not two)."""
        return tuple(sorted((n for n in self.names if " and " in n), key=len, reverse=True))

    def picked(self, text: str) -> Optional[str]:
        """The one career a reply to "which of these?" picks by a word of its title, or None.

        "civil ones, the roads kind" (civil engineers), "the construction one" (construction managers);
        "industrial" names two careers, so it picks none.
        """
        words = (self._correct(w) for w in normalise(text).split())
        owners = [self.qualifiers[w] for w in words if w in self.qualifiers]
        careers = frozenset().union(*owners) if owners else frozenset()
        return next(iter(careers)) if len(careers) == 1 else None

    def lone_shared_head(self, text: str) -> Optional[str]:
        """A word several known careers' titles end with, not part of a job title the message names, or None.

        "engineer vs lawyer" has one ("engineer"); "how much do hvac techs make" has none ("techs" is HVAC's).
        """
        words, found = self._matches(text)
        covered = {i for start, length, _ in found for i in range(start, start + length)}
        return next((w for i, w in enumerate(words) if w in self.shared_heads and i not in covered), None)

    def _correct(self, word: str) -> str:
        """A misspelled word of a job title, corrected; any other word as it is."""
        if len(word) < 4 or word in self.name_words or not word.isalpha() or word in english_words() \
                or word in _NOT_MISSPELT:
            return word
        corrected = self._corrections.get(word)
        if corrected is None:
            limit = _typo_limit(word)
            best, distance = _closest(word, self._words_near_in_length(len(word), limit), limit)
            if distance > limit:  # no title word within reach: what a search of them all gives then
                corrected = self._beyond_reach or word
            else:
                corrected = _pick(best, self.word_owners) or word
            if len(self._corrections) >= _KEEP_CORRECTIONS:
                self._corrections.clear()
            self._corrections[word] = corrected
        return corrected

    def _words_near_in_length(self, length: int, limit: int) -> List[str]:
        """The title words ``limit`` letters or fewer longer or shorter than ``length``, in ``name_words`` order.

        No other word can be within ``limit`` edits, so the typo search (about 1,100 words, 1.3 ms per
        message and per training example) reads only these.
        """
        if self._by_length is None:
            by_length: Dict[int, List[Tuple[int, str]]] = {}
            for index, word in enumerate(self.name_words):
                by_length.setdefault(len(word), []).append((index, word))
            self._by_length = by_length
            self._beyond_reach = _pick(list(self.name_words), self.word_owners)
        near = [entry for size in range(length - limit, length + limit + 1) for entry in self._by_length.get(size, ())]
        return [word for _, word in sorted(near)]

    def _matches(self, text: str) -> Tuple[List[str], List[Tuple[int, int, _Entry]]]:
        """The message's words (normalised, typos corrected) and each name found: (start, length, entry)."""
        original = text.replace("\u2019", "'").replace("'", "")
        capitals = {w.lower() for w in re.findall(r"\b[A-Z]{2}s?\b", original)}
        words = [self._correct(w) for w in normalise(text).split()]
        found: List[Tuple[int, int, _Entry]] = []
        position = 0
        while position < len(words):
            for length in range(min(MAX_NAME_WORDS, len(words) - position), 0, -1):
                phrase = " ".join(words[position:position + length])
                entry = self.names.get(phrase)
                after_article = position > 0 and words[position - 1] in _ARTICLES
                next_word = words[position + length] if position + length < len(words) else ""
                job_context = after_article or next_word in _JOB_WORDS or next_word in {"vs", "versus"}
                if entry is None or (entry.short and phrase not in capitals and not job_context):
                    continue
                found.append((position, length, entry))
                position += length - 1
                break
            position += 1
        return words, found

    def _shared_heads(self, words: List[str], found: List[Tuple[int, int, _Entry]]) -> List[Tuple[int, int, _Entry]]:
        """Names that share their last words with the next one.

        "electrical or industrial engineering" names electrical engineering too, "civil and industrial
        engineers" civil engineers.
        """
        extra: List[Tuple[int, int, _Entry]] = []
        for start, length, _ in found:
            if length < 2:
                continue
            head = " ".join(words[start + 1:start + length])
            if start >= 2 and words[start - 1] in {"or", "and", "vs", "versus", "nor"}:
                entry = self.names.get(f"{words[start - 2]} {head}")
                if entry is not None and not any(s <= start - 2 < s + n for s, n, _ in found):
                    extra.append((start - 2, 1, entry))
            # "is electrical engineering growing faster than civil": the title's last words go with a word after
            after = next((i for i in range(start + length, min(start + length + 6, len(words) - 1))
                          if words[i] in {"than", "or", "vs", "versus"}), None)
            if after is not None:
                entry = self.names.get(f"{words[after + 1]} {head}")
                if entry is not None and entry.career and not any(s <= after + 1 < s + n for s, n, _ in found):
                    extra.append((after + 1, 1, entry))
        return sorted(found + extra, key=lambda item: item[0])

    def find(self, text: str) -> Mentions:
        """The careers and other job titles a message names, in the order they appear."""
        careers: List[str] = []
        others: List[str] = []
        clusters: List[str] = []
        words, matches = self._matches(text)
        for start, length, entry in self._shared_heads(words, matches):
            if entry.career:
                if entry.career not in careers:
                    careers.append(entry.career)
            elif start + length < len(words) and words[start + length] in _STUDY_WORDS:
                continue  # "with a mechanical engineering degree": a field of study, not a career asked about
            elif entry.title not in others:
                others.append(entry.title)
                if entry.cluster:
                    clusters.append(entry.cluster)
        return Mentions(tuple(careers), tuple(others), tuple(dict.fromkeys(clusters)))

    def replace_names(self, text: str, replacement: str) -> str:
        """The message (normalised) with every job title replaced: "what do chefs do" -> "what do they do"."""
        words, found = self._matches(text)
        for start, length, _ in reversed(found):
            words[start:start + length] = [replacement]
        return " ".join(words)


_KEEP_CORRECTIONS = 50_000  # words whose correction is remembered (a catalog is rebuilt when a file changes)


def _typo_limit(word: str) -> int:
    """How many edits a misspelled title word may be away: 2 for words of 8 letters or more, else 1."""
    return 2 if len(word) >= 8 else 1


def _closest(word: str, candidates: Iterable[str], limit: int) -> Tuple[List[str], int]:
    """The candidates at the smallest distance (in their order) and that distance (``limit + 1``: none closer)."""
    best: List[str] = []
    best_distance = limit + 1
    for candidate in candidates:
        distance = _distance(word, candidate, limit)
        if distance < best_distance:
            best, best_distance = [candidate], distance
        elif distance == best_distance:
            best.append(candidate)
    return best, best_distance


def _pick(best: List[str], owners: Mapping[str, FrozenSet[str]]) -> Optional[str]:
    """One of the closest candidates; a tie counts only between words of different careers ("cheff": chef, chefs)."""
    if not best:
        return None
    if len({owners.get(c, frozenset()) for c in best}) > 1:
        # "drivr": "driver" (truck, bus, taxi drivers) and "drive" (truck drivers only): the word whose titles
        # include every other's is no real tie
        widest = max(best, key=lambda c: len(owners.get(c, frozenset())))
        if not all(owners.get(c, frozenset()) <= owners.get(widest, frozenset()) for c in best):
            return None
        return widest
    return min(best, key=len)


def load_occupations(path: Path = OCCUPATIONS_FILE) -> Dict[str, str]:
    """Other job titles and their cluster: ``{"dentist": "Health Science", ...}`` ("" when not grouped)."""
    return dict(_occupations(Path(path), Path(path).stat().st_mtime_ns if Path(path).exists() else 0))


@lru_cache(maxsize=4)
def _occupations(path: Path, _stamp: int) -> Tuple[Tuple[str, str], ...]:
    if not path.exists():
        return ()
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    found: Dict[str, str] = {}
    for cluster, titles in (data.get("clusters") or {}).items():
        for title in titles or []:
            found[str(title).lower()] = str(cluster)
    for title in data.get("occupations") or []:
        found.setdefault(str(title).lower(), "")
    return tuple(found.items())
