"""Normalising a student's message for the safety detectors: one spelling for many ways of typing.

Lower case, curly apostrophes straightened then dropped ("don't" -> "dont" ->
"do not"), punctuation turned into spaces, chat forms expanded ("wanna" ->
"want to", "u" -> "you", "rn" -> "right now"), "my self" -> "myself", letters
typed three or more times cut to two ("sooo" -> "soo"), dropped g's restored
("takin" -> "taking"), and misspelled key words
corrected ("sucide" -> "suicide"): a word is corrected only when it is not an
English word and is one letter (two for long words) from exactly one key word.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, Optional

# Chat forms and contractions, after apostrophes are dropped.
CHAT_FORMS: Dict[str, str] = {
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "cant": "can not", "cannot": "can not",
    "couldnt": "could not", "wont": "will not", "wouldnt": "would not", "shouldnt": "should not",
    "isnt": "is not", "arent": "are not", "wasnt": "was not", "werent": "were not", "aint": "am not",
    "havent": "have not", "hasnt": "has not", "hadnt": "had not", "im": "i am", "ive": "i have",
    "ill": "i will", "id": "i would", "wuld": "would", "wod": "would",
    "iam": "i am", "wanna": "want to", "gonna": "going to", "gotta": "got to",
    "finna": "going to", "tryna": "trying to", "kinda": "kind of", "u": "you", "ur": "your", "youre": "you are",
    "r": "are", "rn": "right now", "pls": "please", "plz": "please", "ppl": "people", "bf": "boyfriend",
    "gf": "girlfriend", "tmrw": "tomorrow", "tmr": "tomorrow", "2morrow": "tomorrow", "tonite": "tonight",
    "bc": "because", "cuz": "because", "cause": "because", "coz": "because", "idk": "i do not know",
    "idc": "i do not care", "nobodys": "nobody is", "noones": "no one is", "hes": "he is", "shes": "she is",
    "theyre": "they are", "thats": "that is", "whats": "what is", "its": "it is", "theres": "there is",
    "n": "and", "w": "with", "wit": "with", "mum": "mom", "mommy": "mom", "daddy": "dad",
    "myslef": "myself", "mysef": "myself", "meself": "myself", "kil": "kill", "kiling": "killing",
    "nolonger": "no longer", "noone": "no one",
    "everyones": "everyone is", "gon": "going to", "wen": "when", "wat": "what", "tho": "though",
    "goodby": "goodbye", "letr": "letter", "lettr": "letter",
    "iv": "i have", "leter": "letter", "famly": "family", "fam": "family", "wil": "will", "aroud": "around",
    "arund": "around", "aroun": "around", "yr": "year", "nxt": "next",
    "theyd": "they would", "hed": "he would", "shed": "she would",
    "hav": "have", "rite": "right", "evry": "every", "evryone": "everyone", "wud": "would", "cud": "could",
    "takin": "taking", "makin": "making", "tok": "took", "evry1": "everyone", "every1": "everyone",
    "some1": "someone", "sum1": "someone", "no1": "no one", "any1": "anyone",
    "gona": "going to", "alot": "a lot", "tuk": "took", "wnt": "want", "wnts": "wants", "wnats": "wants",
    "havnt": "have not", "hvnt": "have not", "scool": "school", "skool": "school", "bout": "about", "lil": "little",
    "wana": "want to", "agen": "again", "sef": "self", "slef": "self",
    "kiked": "kicked", "nowher": "nowhere", "nite": "night", "sumthing": "something", "somthing": "something",
    "thro": "throw", "trhow": "throw", "evrything": "everything", "goign": "going", "b": "be",
    "eatn": "eaten", "dys": "days", "dayz": "days", "purpos": "purpose",
    "nife": "knife", "cutt": "cut", "agian": "again", "ded": "dead",
    "agin": "again", "agan": "again", "al": "all", "stabb": "stab", "gunn": "gun", "starv": "starve",
    "throwup": "throw up", "aftr": "after", "kickd": "kicked", "outsid": "outside", "parnts": "parents",
    "hts": "hits", "brothr": "brother", "tomorow": "tomorrow", "famiy": "family",
    "dosnt": "does not", "dosent": "does not", "doesent": "does not",
    "bouta": "about to", "boutta": "about to", "imma": "i am going to", "ima": "i am going to",
    "theyll": "they will", "youll": "you will", "mistak": "mistake", "screms": "screams", "yels": "yells",
    "coch": "coach", "awya": "away", "awy": "away",
    "iwanna": "i want to", "iwana": "i want to", "igonna": "i am going to", "lik": "like", "purpus": "purpose",
    "purpous": "purpose", "scisors": "scissors", "sissors": "scissors", "hurted": "hurt",
    "dm": "message", "dms": "messages", "dming": "messaging", "dmed": "messaged", "dmd": "messaged",
    "idie": "i die", "nobodycares": "nobody cares", "noonecares": "no one cares", "hom": "home",
    "scrachin": "scratching", "scrachen": "scratching", "scraching": "scratching", "babysiting": "babysitting",
    "purpuse": "purpose", "diserve": "deserve", "sueside": "suicide", "suiside": "suicide", "abt": "about",
    "reson": "reason", "reasn": "reason", "chocking": "choking", "burnd": "burned",
}
# Emoji students use for what they can't type: read as the words they stand for ("🔪🩸", "💊💊💊").
EMOJI_WORDS: Dict[str, str] = {
    "\U0001f52a": " knife ", "\U0001fa78": " blood ", "\U0001f48a": " pills ", "\U0001f52b": " gun ",
    "\u26b0": " coffin ", "\U0001faa6": " grave ", "\U0001fa79": " bandage ", "\U0001f9e8": " bomb ",
    "\U0001f309": " bridge ", "\U0001faa2": " rope ",
    "\U0001f480": " lol ", "\U0001f602": " lol ", "\U0001f923": " lol ",  # skull and tears of joy: laughter
}
_JOINS = re.compile(r"\b(my|your|him|her|them|it|our) (self|selves)\b")
_DYE = re.compile(
    r"\b(want to|going to|wish i could|i will|i am going to|ready to|just) dye\b"
    r"(?! (my|her|his|their|your|the|it|hair))"
)
# "no one would care if i dyed": "died" typed as its sound-alike, after "if"/"when" and with nothing dyed
_DYED = re.compile(r"\b(if|when|after|once|before) i dyed\b(?! (my|her|his|their|your|the|it|hair|them|some))")
_REPEATS = re.compile(r"([a-z])\1{2,}")
# "got sa'd", "he SA'd me": sexual assault, read before apostrophes are dropped (else it is "sad").
_SA = re.compile(r"\bsa'd\b|\bsad(?= (me|her|him|them)\b)")
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")

# Key words of the safety phrases (crisis, counselor requests) that typos are corrected towards.
KEY_WORDS = (
    "suicide", "suicidal", "myself", "kill", "killing", "overdose", "overdosed", "overdosing", "pills", "alive",
    "die", "dying", "dead", "cutting", "hurting", "harming", "abuse", "abused", "abusive", "molested", "raped",
    "threatening", "threatened", "weapon", "knife", "hopeless", "worthless", "unalive", "disappear", "anymore",
    "living", "hanging", "depressed", "depression", "tablets", "medicine", "bleeding", "following", "stalking",
    "goodbye", "forever", "life", "herself", "himself", "themselves", "wrists", "burning", "starving", "existing",
    "exist", "touched", "touching", "beating", "hitting", "punches", "scared", "afraid", "terrified",
    "nobody", "everyone", "somebody", "someone", "without", "better", "wish", "want", "tired", "pointless", "worth",
    "counselor", "counselors", "counseling", "guidance", "talk", "appointment",
    "touches", "boyfriend", "girlfriend", "stepdad", "easiest", "secret", "circling", "hurts", "blackmailing",
    "blackmail", "notes", "bridge", "took", "help", "house", "poison", "window", "trying", "inside",
    "drank", "bleach", "jump", "live", "dont", "assaulted", "assault", "wrist", "safe", "funeral", "bathroom",
    "self", "choked", "choking", "strangled", "stopped", "train", "screaming", "sexual", "ending", "nudes",
)


def damerau(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


# Small words the lemma tables leave out (they list inflected forms): never "corrected" either.
FUNCTION_WORDS = frozenset("""
a about above after again against all almost along already also although always am among an and another any anyone
anything are around as at be because been before being below between both but by can could did do does doing done
down during each either else enough even ever every few for from further had has have having he her here hers
herself him himself his how however i if in into is it its itself just least less like many may me might mine more
most much must my myself neither never no nobody none nor not nothing now of off often on once one only onto or
other others our ours ourselves out over own per perhaps quite rather really same several she should since so some
someone something sometimes still such than that the their theirs them themselves then there these they this those
though through thus to together too toward towards under until up upon us very via was we well were what whatever
when where whether which while who whoever whole whom whose why will with within without would yet you your yours
yourself yourselves
""".split())


@lru_cache(maxsize=1)
def english_words() -> FrozenSet[str]:
    """English word forms (spaCy's lemma tables, installed with the project, and function words): never corrected."""
    try:
        import spacy_lookups_data
    except ImportError:  # pragma: no cover - the package is in requirements.txt
        return frozenset()
    folder = Path(spacy_lookups_data.__file__).parent / "data"
    words: set = set()
    with gzip.open(folder / "en_lemma_lookup.json.gz", "rt", encoding="utf-8") as handle:
        lookup = json.load(handle)
    words.update(lookup)
    words.update(lookup.values())
    with gzip.open(folder / "en_lemma_index.json.gz", "rt", encoding="utf-8") as handle:
        for forms in json.load(handle).values():
            words.update(forms)
    words.update(FUNCTION_WORDS)
    return frozenset(w for w in words if w.isalpha())


@lru_cache(maxsize=4096)
def correct_word(word: str, keys: Iterable[str] = KEY_WORDS) -> Optional[str]:
    """The key word a misspelled word stands for, or None (English words and near-ties are left alone)."""
    if len(word) < 3 or not word.isalpha() or word in keys or word in english_words():
        return None
    limit = 2 if len(word) >= 8 else 1
    best: Optional[str] = None
    best_distance = limit + 1
    tie = False
    for key in keys:
        if len(key) < 4:
            continue
        distance = damerau(word, key, limit)
        if distance < best_distance:
            best, best_distance, tie = key, distance, False
        elif distance == best_distance:
            tie = True
    return None if best is None or tie else best


def dropped_g(word: str) -> Optional[str]:
    """The "-ing" word a chat spelling drops the g of ("takin" -> "taking"), or None."""
    if len(word) < 4 or not word.endswith("in") or word in english_words():
        return None
    full = word + "g"
    return full if full in english_words() else None


# Digits typed for letters inside a word ("su1c1dal", "k1ll"): a digit with letters on both sides
_LEET_WORD = re.compile(r"\b[a-z013457]*[a-z][013457][a-z][a-z013457]*\b")
_LEET = str.maketrans({"1": "i", "0": "o", "3": "e", "4": "a", "5": "s", "7": "t"})


# "wants me to meat him": "meet" typed as its sound-alike
_MEAT = re.compile(r"\bmeat (him|her|them|up|me)\b")
# "i want too die": "to" typed as "too" before a verb
_TOO = re.compile(r"\b(want|need|have|going|trying|ready|about) too(?= (die|dye|kill|end|hurt|cut|be|live|run)\b)")
# "i have ben throwing up": "been" (not the name); "ive" is "i have" by then
_BEN = re.compile(r"\b(i|have|has|had) ben\b")


def without_accents(text: str) -> str:
    """Accents dropped, not the letters: "papá me pega" -> "papa me pega", "schlägt" -> "schlagt"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """The message in the one spelling the detectors' phrases are written for (see module docstring)."""
    lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    for emoji, word in EMOJI_WORDS.items():
        lowered = lowered.replace(emoji, word)
    lowered = _SA.sub(" sexually assaulted ", lowered)
    lowered = lowered.replace("'", "").replace("w/o", " without ").replace("with out ", "without ")
    lowered = re.sub(r"\bs/h\b", "sh", lowered)  # "wanna s/h": self-harm
    lowered = re.sub(r"\bs/h(ing|ed|d)\b", lambda m: " self harm" + ("ing" if m.group(1) == "ing" else "ed"), lowered)
    lowered = without_accents(lowered)
    lowered = _LEET_WORD.sub(lambda m: m.group(0).translate(_LEET), lowered)  # "su1c1dal" -> "suicidal"
    lowered = _NON_WORD.sub(" ", lowered)
    lowered = _REPEATS.sub(r"\1\1", lowered)
    words = []
    for word in lowered.split():
        word = CHAT_FORMS.get(word, word)
        corrected = (dropped_g(word) or correct_word(word)) if " " not in word else None
        words.append(CHAT_FORMS.get(corrected, corrected) if corrected else word)  # "dnot" -> "dont" -> "do not"
    joined = _SPACES.sub(" ", " ".join(words)).strip()
    joined = _JOINS.sub(lambda m: m.group(1) + m.group(2), joined)
    joined = joined.replace("themselfs", "themselves").replace("themself", "themselves")
    joined = _DYED.sub(lambda m: m.group(1) + " i died", joined)
    joined = _MEAT.sub(r"meet \1", joined)
    joined = _TOO.sub(r"\1 to", joined)
    joined = _BEN.sub(r"\1 been", joined)
    return _DYE.sub(lambda m: m.group(1) + " die", joined)
