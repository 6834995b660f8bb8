"""A second look at messages the intent classifier was unsure about.

The classifier sometimes spreads its confidence over several topics and falls
under the fallback threshold on a plain question ("is time management a big
deal in this job"), or calls a question off-topic because of extra words ("ok
so my dad wants to know how much production managers earn"). Before the bot
says "I didn't get that", it looks at the words (knowledge/vocabulary/
topic-words.yml) and the classifier's own ranking:

- a message naming another occupation (and not ours) together with a topic
  word ("carpenter pay?") is about another career;
- an unambiguous phrase ("career ladder") picks its topic;
- a hint word ("where", "pay") picks its topic only if the classifier also
  ranks that topic among its top three and the message refers to a job
  ("they", "this job"), or if the message names our career;
- the two best intents are one family (outlook and openings), close to each
  other, together score >= 0.6, and the message refers to a job: the family's general topic
  (its first, here outlook) is answered;
- a message naming our career whose best intent scored just under the
  threshold (>= 0.4) gets that intent's answer;
- right after an answer, a message pointing back at it ("when is that number
  from?") gets that answer's topic again (``back_reference``).

Off-topic messages are only reconsidered when they name our career. Plain
functions, no Rasa: the action in actions/scope.py passes the parsed message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Dict, Optional, Sequence, Tuple

import yaml

from bot.paths import VOCABULARY_DIR

TOPIC_WORDS_FILE = VOCABULARY_DIR / "topic-words.yml"
TOP_RANKS = 3
# A question naming our career whose best intent scored at least this (under the
# fallback threshold, 0.5 in config.yml) gets that intent's answer.
NEAR_THRESHOLD = 0.4
# The two best intents of one family together reach this: the family's general topic is answered.
FAMILY_THRESHOLD = 0.6


@dataclass(frozen=True)
class TopicWords:
    """The words that point to one answer topic."""

    topic: str
    phrases: Tuple[str, ...] = ()
    words: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    """All topics' words, and the words that show a message is about a job."""

    topics: Tuple[TopicWords, ...] = ()
    references: Tuple[str, ...] = ()
    families: Tuple[Tuple[str, ...], ...] = ()
    back_references: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    """What to do with an unsure message: ``other_career`` (with the occupation) or ``topic``."""

    kind: str
    value: str


def _padded(text: str) -> str:
    """Lower-case words with single spaces, padded for whole-word search: " what s the pay "."""
    return " " + " ".join(re.sub(r"[^\w]+", " ", text.lower().replace("'", "")).split()) + " "


def phrase_finder(text: str) -> Callable[[str], bool]:
    """A test for whole-word phrases in ``text``, which is normalised once for all of them."""
    said = _padded(text)
    return lambda phrase: _padded(phrase) in said


def mentions(text: str, phrase: str) -> bool:
    """Whether the text contains the phrase as whole words (case and punctuation ignored)."""
    return phrase_finder(text)(phrase)


def load_vocabulary(path: Path = TOPIC_WORDS_FILE) -> Vocabulary:
    """Read the vocabulary file (cached until the file changes)."""
    return _load(Path(path), Path(path).stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load(path: Path, _mtime: int) -> Vocabulary:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    topics = tuple(
        TopicWords(topic, tuple(entry.get("phrases") or ()), tuple(entry.get("words") or ()))
        for topic, entry in (data.get("topics") or {}).items()
    )
    families = tuple(tuple(family) for family in data.get("families") or ())
    return Vocabulary(
        topics, tuple(data.get("references") or ()), families, tuple(data.get("back_references") or ())
    )


def topic_of_intent(intent: str) -> Optional[str]:
    """``ask_pay`` → ``pay``; None for intents that aren't career questions."""
    return intent[len("ask_"):] if intent.startswith("ask_") else None


def back_reference(text: str, last_topic: Optional[str], vocabulary: Vocabulary) -> Optional[Decision]:
    """After an answer, "when is that number from?" gets that answer's topic again (it has the date)."""
    if not last_topic:
        return None
    has = phrase_finder(text)
    return Decision("topic", last_topic) if any(has(p) for p in vocabulary.back_references) else None


def decide(
    text: str,
    intent: str,
    ranking: Sequence[Tuple[str, float]],
    names_our_career: bool,
    other_occupation: Optional[str],
    vocabulary: Vocabulary,
    known_topics: Sequence[str],
) -> Optional[Decision]:
    """The second look: a Decision, or None to keep the usual reply.

    ``intent`` is what NLU decided (``nlu_fallback``, ``out_of_scope``,
    ``tell_more``, or ``ask_other_career`` without a job title: then only
    unambiguous phrases count); ``ranking`` the classifier's (intent,
    confidence) list, best first.
    """
    has = phrase_finder(text)
    topics = [entry for entry in vocabulary.topics if entry.topic in known_topics]
    if other_occupation and not names_our_career:
        asks = any(has(w) for entry in topics for w in (*entry.phrases, *entry.words))
        return Decision("other_career", other_occupation) if asks else None
    if intent == "out_of_scope" and not names_our_career:
        return None
    ranked_topics = [
        topic for topic in (topic_of_intent(name) for name, _ in ranking if name != "nlu_fallback") if topic
    ][:TOP_RANKS]
    # "and what about education?" (read as "more") is about the conversation's career.
    refers = names_our_career or intent == "tell_more" or any(has(r) for r in vocabulary.references)
    phrase_hits: Dict[str, int] = {}
    word_hits: Dict[str, int] = {}
    for entry in topics:
        phrase_len = max((len(p) for p in entry.phrases if has(p)), default=0)
        word_len = max((len(w) for w in entry.words if has(w)), default=0)
        if phrase_len:
            phrase_hits[entry.topic] = phrase_len
        hinted = names_our_career or (refers and entry.topic in ranked_topics)
        if word_len and hinted and intent != "ask_other_career":
            word_hits[entry.topic] = word_len
    for hits in (phrase_hits, word_hits):
        if hits:
            return Decision("topic", _best(hits, ranked_topics))
    family = _family_pick(ranking, vocabulary.families) if intent == "nlu_fallback" and refers else None
    if family and family in known_topics:
        return Decision("topic", family)
    if names_our_career and intent == "nlu_fallback":
        # "what do production managers do at work": our career, and a topic just under the threshold.
        best = next(((name, score) for name, score in ranking if name != "nlu_fallback"), None)
        topic = topic_of_intent(best[0]) if best else None
        if best and topic and topic in known_topics and best[1] >= NEAR_THRESHOLD:
            return Decision("topic", topic)
    return None


def _family_pick(ranking: Sequence[Tuple[str, float]], families: Sequence[Tuple[str, ...]]) -> Optional[str]:
    """The general topic of the first family holding the two best intents, if together they reach FAMILY_THRESHOLD."""
    scored = [(topic_of_intent(name), score) for name, score in ranking if name != "nlu_fallback"][:2]
    if len(scored) < 2 or not scored[0][0] or not scored[1][0] or scored[0][1] + scored[1][1] < FAMILY_THRESHOLD:
        return None
    if scored[1][1] < scored[0][1] / 2:
        return None  # not torn between the two: the near-threshold rule decides
    pair = {scored[0][0], scored[1][0]}
    return next((family[0] for family in families if pair <= set(family)), None)


def _best(hits: Dict[str, int], ranked_topics: Sequence[str]) -> str:
    """The topic the classifier ranked higher, then the one with the longer match."""

    def order(topic: str) -> Tuple[int, int]:
        rank = ranked_topics.index(topic) if topic in ranked_topics else TOP_RANKS
        return (rank, -hits[topic])

    return min(hits, key=order)
