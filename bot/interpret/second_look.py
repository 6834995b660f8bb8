"""A second look at messages the intent classifier was unsure about, called off-topic, or read as "more".

The classifier sometimes spreads its confidence over several topics and falls
under the fallback threshold on a plain question ("is time management a big
deal in this job"), or calls a question off-topic because of extra words ("ok
so my dad wants to know how much nurses earn"). Before the bot says "I didn't
get that", the interpreter's ``second_look`` rule looks at the words
(knowledge/vocabulary/topic-words.yml) and the classifier's own ranking:

- a message naming another occupation (and none of the bot's careers) together
  with a topic word ("carpenter pay?") is about another career;
- an unambiguous phrase ("career ladder") picks its topic;
- a hint word ("where", "pay") picks its topic only if the classifier also
  ranks that topic among its top three and the message refers to a job
  ("they", "this job"), or if the message names a career;
- the two best intents are one family (outlook and openings), close to each
  other, together reach FAMILY_THRESHOLD, and the message refers to a job: the
  family's general topic (its first, here outlook) is answered;
- a message naming a career whose best intent scored just under the threshold
  (at least NEAR_THRESHOLD) gets that intent's answer.

Off-topic messages are only reconsidered when they name a career. Plain
functions, no Rasa; every threshold is in bot/interpret/rules.py's THRESHOLDS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple

from bot.interpret.words import TopicVocabulary, phrase_finder
from bot.knowledge.topics import topic_of_intent

MIN_GUESS = 0.001  # the least score of a guess that counts among the classifier's best


@dataclass(frozen=True)
class Decision:
    """What an unsure message is about: ``other_career`` (with the occupation) or ``topic``."""

    kind: str
    value: str


def back_reference(text: str, last_topic: Optional[str], vocabulary: TopicVocabulary) -> Optional[Decision]:
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
    vocabulary: TopicVocabulary,
    known_topics: Sequence[str],
    thresholds: Limits,
    career_in_context: bool = False,
) -> Optional[Decision]:
    """The second look: a Decision, or None to keep the usual reply.

    ``intent`` is what NLU decided (``nlu_fallback``, ``out_of_scope`` or
    ``tell_more``); ``ranking`` the classifier's (intent, confidence) list,
    best first; ``names_our_career``: the message names one of the bot's careers;
    ``career_in_context``: the conversation is about one of them.
    """
    has = phrase_finder(text)
    topics = [entry for entry in vocabulary.topics if entry.topic in known_topics]
    if other_occupation and not names_our_career:
        asks = any(has(w) for entry in topics for w in (*entry.phrases, *entry.words))
        return Decision("other_career", other_occupation) if asks else None
    off_topic = intent == "out_of_scope" and not names_our_career
    if off_topic and not career_in_context:
        return None
    # a guess of almost nothing (7e-05) is no guess: ties among those change with every retraining
    ranked_topics = [
        topic for topic in (topic_of_intent(name) for name, score in ranking
                            if name != "nlu_fallback" and score >= MIN_GUESS) if topic
    ][: thresholds.top_ranks]
    # "and what about education?" (read as "more") is about the conversation's career.
    refers = names_our_career or intent == "tell_more" or any(has(r) for r in vocabulary.references)
    # off-topic, but unsure of it, and a topic the next guess: "what's the pay and do i need a license"
    unsure_off = off_topic and len(ranking) > 1 and ranking[0][0] == "out_of_scope" \
        and ranking[0][1] < thresholds.off_topic_unsure
    next_guess = topic_of_intent(ranking[1][0]) if unsure_off else None
    phrase_hits: Dict[str, int] = {}
    word_hits: Dict[str, int] = {}
    guessed_hits: Dict[str, int] = {}  # words of a topic the classifier also ranks among its best guesses
    for entry in topics:
        phrase_len = max((len(p) for p in entry.phrases if has(p)), default=0)
        word_len = max((len(w) for w in entry.words if has(w)), default=0)
        if phrase_len:
            phrase_hits[entry.topic] = phrase_len
        hinted = names_our_career or (refers and entry.topic in ranked_topics)
        if word_len and hinted:
            word_hits[entry.topic] = word_len
        if word_len and entry.topic == next_guess:
            guessed_hits[entry.topic] = word_len
    if off_topic:
        # on a career's page, "what's the pay and do i need a license" read as off-topic: a topic's phrase, or
        # its words when the classifier's next guess is that topic too, say it is about that career
        hits = phrase_hits or guessed_hits
        return Decision("topic", _best(hits, ranked_topics)) if hits else None
    for hits in (phrase_hits, word_hits):
        if hits:
            return Decision("topic", _best(hits, ranked_topics))
    family = _family_pick(ranking, vocabulary.families, thresholds.family) if intent == "nlu_fallback" and refers \
        else None
    if family and family in known_topics:
        return Decision("topic", family)
    if intent == "nlu_fallback" and (names_our_career or (career_in_context and refers)):
        # "what do production managers do at work": our career, and a topic just under the threshold.
        # "what makes it go up or down" after the pay: the conversation's career, referred to; there an
        # off-topic guess just above the topic does not hide it.
        skip = {"nlu_fallback", "out_of_scope"} if career_in_context and refers else {"nlu_fallback"}
        best = next(((name, score) for name, score in ranking if name not in skip), None)
        topic = topic_of_intent(best[0]) if best else None
        if best and topic and topic in known_topics and best[1] >= thresholds.near_threshold:
            return Decision("topic", topic)
    return None


def _family_pick(
    ranking: Sequence[Tuple[str, float]], families: Sequence[Tuple[str, ...]], threshold: float
) -> Optional[str]:
    """The general topic of the first family holding the two best intents, if together they reach ``threshold``."""
    scored = [(topic_of_intent(name), score) for name, score in ranking if name != "nlu_fallback"][:2]
    if len(scored) < 2 or not scored[0][0] or not scored[1][0] or scored[0][1] + scored[1][1] < threshold:
        return None
    if scored[1][1] < scored[0][1] / 2:
        return None  # not torn between the two: the near-threshold rule decides
    pair = {scored[0][0], scored[1][0]}
    return next((family[0] for family in families if pair <= set(family)), None)


def _best(hits: Dict[str, int], ranked_topics: Sequence[str]) -> str:
    """The topic the classifier ranked higher, then the one with the longer match."""

    def order(topic: str) -> Tuple[int, int]:
        rank = ranked_topics.index(topic) if topic in ranked_topics else len(ranked_topics) + 1
        return (rank, -hits[topic])

    return min(hits, key=order)


@dataclass(frozen=True)
class Limits:
    """The second look's thresholds (set in bot/interpret/rules.py, THRESHOLDS)."""

    top_ranks: int
    near_threshold: float
    family: float
    off_topic_unsure: float  # on a career's page, an off-topic guess under this may be a topic's question
