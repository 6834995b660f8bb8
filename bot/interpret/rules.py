"""What a turn means: one pure function from the parse and the conversation state to a decision.

``decide`` tries the rules of ``RULES`` in order; the first that applies makes
the decision. Every threshold is in ``THRESHOLDS``. The same rules run for every
career and every channel, whichever intent the classifier picked: the order of
checks never depends on which action happened to catch the message.

Safety comes first (a crisis, a request for a counselor, the answer to the
handoff offer, an insult), then the plan questions while they run, then small
talk, browsing, comparing, careers the bot doesn't have, and the career
questions themselves. Each rule's docstring names the messages it exists for;
tests/unit/test_interpret.py has them as cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from bot.answers import search  # the concepts of search-words.yml: a file's own sentences
from bot.answers.honesty import is_yes_no
from bot.interpret import second_look
from bot.interpret.decision import (
    ANSWER,
    BOUNDARY,
    BROWSE,
    COMPARE,
    COUNSELOR,
    CRISIS,
    EXPLAIN,
    FALLBACK,
    GLOSSARY,
    HANDOFF,
    HANDOFF_DECLINED,
    NO_MORE,
    NOT_KNOWN,
    OTHER_LANGUAGE,
    OUT_OF_SCOPE,
    PLAN,
    RESTART,
    SMALL_TALK,
    UNKNOWN_CAREER,
    WHICH_CAREER,
    WORRY,
    Decision,
    PayQuery,
    PlanMove,
)
from bot.interpret.inputs import Parse, PathwayState, State
from bot.interpret.language import asked_language, language_of, language_topics
from bot.interpret.words import (
    EXPERIENCE_ASKED,
    PayWords,
    TopicVocabulary,
    cluster_titled,
    clusters_named,
    clusters_titled_in,
    explain_asked,
    padded,
    pay_words,
    phrase_finder,
    phrase_finder_through,
    topic_vocabulary,
)
from bot.interpret.worries import worry_in
from bot.knowledge.catalog import Catalog, Mentions
from bot.knowledge.catalog import normalise as catalog_normalise
from bot.knowledge.glossary import asked_term, compared_terms, only_term
from bot.knowledge.models import Career
from bot.knowledge.topics import OVERVIEW, PLAN_OFFER_AFTER, TOPICS, more_topic, topic_of_intent
from bot.pathway import flow
from bot.safety import crisis
from bot.safety.requests import asks_for_counselor


@dataclass(frozen=True)
class Thresholds:
    """Every number the rules use, in one place."""

    top_ranks: int = 3  # a hint word counts if the classifier ranks its topic this high
    near_threshold: float = 0.4  # a message naming a career gets its best intent from this confidence (fallback: 0.5)
    family: float = 0.6  # two intents of one topic family together reach this: the family's general answer
    follow_up_max_words: int = 6  # "and in ohio?" right after the pay is about the pay
    points_back_words: int = 8  # ... and this many more when it starts "is that ..." ("is that above the median ...")
    topic_word_max_words: int = 2  # "school?" alone while a career is talked about asks its education
    unknown_detail: float = 0.3  # an unsure message whose best guess is an unknown detail (at least this): I don't know
    switch_max_words: int = 6  # "what about chefs?": the last topic for another career
    pick_max_words: int = 12  # "civil ones, the roads and bridges kind" after "which engineers?": a pick
    switch_overruled: float = 0.9  # ...unless the classifier is this sure of a topic and there is no "what about"
    second_topic_rank: int = 8  # the second question of a message must be among the classifier's best this many
    max_failed_tries: int = 3  # unclear answers in a row before the plan questions stop
    max_digressions: int = 3  # other questions in a row before the plan questions pause
    phrase_over: float = 0.7  # below this, a topic phrase in the message ("in the field") beats the guessed topic
    detail_phrase_words: int = 4  # a topic phrase this long beats "a detail I don't know" ("who do they work for")
    career_phrase_words: int = 3  # ...and this long, "i want to be one" or "compare them" ("how many they r there")
    hinted_topic: float = 0.3  # an unsure "detail I don't know" is this ranked topic if the message has its words
    pending_overruled: float = 0.7  # after "which career?", a topic this sure (or with topic words) is a new question
    counselor_unsure: float = 0.8  # below this, a classifier-only "ask_counselor" naming a career is its next guess
    worry_intent: float = 0.6  # a worry only the classifier heard (no word of worry-words.yml) needs this much
    plan_question_words: int = 5  # a question this long during the plan questions is not an answer to one
    language_topic: float = 0.9  # a message in another language with no topic phrase takes a topic this sure
    ambiguous_head: int = 5  # a title word several careers end with, this long ("agent", not "tech"): which one?


THRESHOLDS = Thresholds()

SMALL_TALK_INTENTS = ("greet", "goodbye", "thank", "help", "bot_challenge", "affirm", "deny")
# Answers after which the plan questions start (for careers whose file has a plan).
PLAN_AFTER = ("how_to_become", "major")
HANDOFF_OFFER = "handoff"
# Words that say nothing about the topic: "what do they actually do" asks what they do.
_FILLERS = re.compile(r"\b(?:actually|really|exactly|basically|even|usually|tho|though)\b")
# "the emt field", "the nursing industry": the word after a career's name (read as "they") is part of the name,
# not a question about a major.
_NAME_FIELD = re.compile(r"\bthey (?:field|industry|profession|business|line of work|world)\b")
# A question about the people in the job: a question word, and "they" (career names read as "they").
_ASKS_ABOUT_THEM = re.compile(r" (?:what|how|do|does|are|is|where|when|which|who|can) .*\bthey\b")
# "what does a psychologist do" read as "what do they do": the article and the singular verb go with the name
_AS_THEY = re.compile(r"\b(?:(does|do|is|are|has|have) )?(?:a |an |the )?they\b")
_PLURAL_VERB = {"does": "do", "is": "are", "has": "have"}
_THEY_VERB = re.compile(r"\bthey (does|is|has)\b")


def _as_they(text: str) -> str:
    """A clause with job titles already "they": "what does a they do" -> "what do they do"."""
    def plural(m: re.Match[str]) -> str:
        verb = m.group(1)
        return f"{_PLURAL_VERB.get(verb, verb)} they" if verb else "they"
    text = _AS_THEY.sub(plural, text)
    return _THEY_VERB.sub(lambda m: f"they {_PLURAL_VERB[m.group(1)]}", text)  # "what a machinist does": "what they do"
_CLAUSES = re.compile(r"\?|,|;|\+|&|\band\b|\bn\b|\balso\b|\bplus\b|\bthen\b")  # "n": texting "and"
_NO_DEGREE = ("no college", "without college", "without a degree", "no degree", "dont need a degree",
              "dont need college", "not need a degree", "not need college", "skip college", "without going to college",
              "no bachelors", "without a bachelors", "trade school", "right out of high school", "out of high school",
              "instead of college", "dont wanna go to college", "dont want to go to college", "not going to college",
              "not go to college", "learn a trade", "a trade", "the trades", "what trades", "which trades",
              "only need a high school diploma", "just need a high school diploma", "only a high school diploma",
              "just a high school diploma", "just need a certificate", "only need a certificate", "just a certificate",
              "not a whole degree", "not a full degree", "no four year degree", "no 4 year degree")
# "don't require a degree", "do not need a college degree", "without needing college", "without a college degree"
_NO_DEGREE_SAID = re.compile(r" (?:(?:dont|do not|doesnt|does not|not|without|no) (?:need|require|needing|requiring|"
                             r"have|having|ask for) |without |no )(?:a |any |an )?"
                             r"(?:college |4 year |four year |university )?(?:degree|college|diploma|university) ")
# Topics without an intent of their own: their phrases turn a question the classifier gave one of these
# topics into theirs ("can nurses get promoted" was read as how to get in), unless the message also
# speaks of a degree or college (then it is the classifier's).
PHRASE_TOPICS: Mapping[str, Tuple[str, ...]] = {
    "advancement": ("how_to_become", "without_degree", "education", "graduate_degree"),
}
# Openings are per year; jobs added over the projection's years are the outlook's: "how many more X by 2032".
_GROWTH_CUES = ("how many more", "how many new", "more jobs by", "new jobs by", "be added", "jobs added", "added by",
                "will there be by", "more of them by", "new ones by", "how many extra")
# "by how many jobs is it supposed to grow", "how much will the number of jobs go up": a change in the number of jobs.
_CHANGE_IN_NUMBER = re.compile(
    r"\bby how (?:many|much)\b|\b(?:how many|how much|number of|amount of)\b(?:\s+\w+){0,8}?\s+"
    r"(?:go(?:es)? (?:up|down)|going (?:up|down)|increase|decrease|grow|change|drop|shrink|rise)\b")
_PER_YEAR = re.compile(r"\bopen|\b(?:each|every|per|a) (?:year|yr)\b|\byearly\b|\bannual")
_DEGREE_WORDS = ("degree", "college", "diploma", "bachelors", "masters", "university", "uni", "school")
_FASTEST = ("fastest", "growing fastest", "fastest growing", "most growth", "growing the most", "most in demand",
            "in demand", "best outlook", "grow the most", "highest growth")
_FASTEST_ONLY = ("fastest", "most growth", "growing the most", "grow the most", "highest growth", "most in demand")
_JOB_NOUNS = ("career", "careers", "job", "jobs", "field", "fields", "occupation", "occupations", "one", "ones")
# Other superlatives over the careers: the most openings a year, the highest pay, a graduate degree to start.
_MOST_OPENINGS = ("most openings", "most job openings", "most jobs open", "most hiring", "hiring the most",
                  "most openings every year", "most openings each year", "most openings a year", "most positions open")
_MOST_JOBS = ("most workers", "most people working", "most people work", "most employees", "most employed",
              "biggest workforce", "largest workforce", "employs the most people", "most common job",
              "most common career", "the most jobs")
_TOP_PAY = ("pays the most", "pay the most", "highest paying", "highest pay", "best paying", "best pay",
            "makes the most", "make the most", "most money", "earns the most", "earn the most", "highest salary",
            "biggest salary")
_GRADUATE = ("masters", "master s", "masters degree", "graduate degree", "grad school", "phd", "doctorate", "doctoral",
             "professional degree", "more than a bachelors", "beyond a bachelors")
# "what healthcare jobs do u know besides nursing": the careers named are left out, their neighbours listed.
_EXCEPT = ("besides", "other than", "apart from", "aside from", "except", "excluding", "not counting")
_RELATED = ("similar", "related", "like this", "like that", "like this one", "other jobs like", "same cluster",
            "other careers like", "careers like", "kinda like", "kind of like", "careers similar",
            "same field", "jobs like", "same group", "same area", "same category", "same kind of", "same type of",
            "jobs are like", "careers are like", "jobs are similar", "careers are similar", "jobs r like")
# A question for a named career's neighbours, whatever the classifier guessed ("whats similar to being a nurse").
_RELATED_ASK = ("whats similar to", "what is similar to", "what else is similar to", "what else is like",
                "jobs similar to", "careers similar to", "jobs like being", "careers like being", "other jobs like",
                "other careers like", "anything similar to", "something similar to", "what else is kinda like",
                "what else is kind of like", "what else is sorta like", "whats kinda like", "anything kinda like",
                "anything else like", "what other jobs are like", "what other careers are like",
                "what else is in this field", "what else is in that field", "other jobs in this field",
                "other careers in this field", "what else is in this cluster", "other jobs in this cluster")
# In a comparison only: "are there more nurses or chefs?" asks how many jobs each has (the openings answer
# gives the number of jobs too). Not topic phrases: alone they would put a figure on a vague message.
# "are there gonna be more jobs for farmers or env scientists in the future": the growth, not today's count
_FUTURE_CUES = ("in the future", "gonna be more", "going to be more", "will there be more", "will be more",
                "in 10 years", "in ten years", "down the road", "future", "losing more", "lose more", "losing jobs",
                "cutting more", "shrinking more", "growing more")  # "which is losing more jobs": the change
_COMPARE_COUNT_CUES = ("are there more", "is there more", "r there more", "are there less", "are there fewer",
                       "how many of each", "more common", "which has more jobs", "more people work as",
                       "which one has more jobs", "more of them", "more jobs", "most jobs", "fewer jobs",
                       "how many jobs", "number of jobs", "employs more", "employ more", "employs the most",
                       "employ the most", "more people", "more workers", "bigger field", "more positions", "total jobs",
                       "total number", "how many total", "more total", "more ppl", "more peeps", "more folks",
                       "bigger job field", "larger field", "bigger job", "larger job field",
                       "people working in", "ppl working in", "bigger workforce")
_COMPARE_CUES = ("than", "compare", "compared", "comparison", "vs", "versus", "them or", "or them", "they or",
                 "or they", "who makes more", "who earns more", "who gets paid more", "which pays more",
                 "which one pays", "which one makes", "which is better", "stack up", "stacks up", "stack up against",
                 "measure up", "up against", "side by side", "this or", "or this", "this job or", "or this job",
                 "that job or", "or that job", "make more doing")
_SWITCH_CUES = ("what about", "how about", "what abt", "how abt", "wat about", "wat abt", "and", "same for", "what of",
                "for", "and for", "also", "now")
# Open questions about what to do, not about one career: "what can i do", "what are my options".
_OPEN_ASK = ("what can i do", "what could i do", "what can i be", "what should i do", "my options", "what jobs",
             "what do you have for", "what do u have for", "what do you got for", "what do u got for",
             "which jobs", "what careers", "which careers", "any jobs", "any careers", "what kind of jobs", "jobs that",
             "careers that", "jobs where", "careers where", "jobs i can", "jobs you can", "careers i can", "good jobs",
             "anything in", "do you have anything", "what do you have", "jobs do you have", "careers do you have",
             "what trades", "which trades", "trades do you know", "trades do u know", "what could i be",
             "what should i be", "what can i become", "what could i become", "what would fit me", "what fits me",
             "what job fits", "what jobs fit", "a job working with", "jobs working with", "careers working with",
             "a job with", "jobs with", "a career with", "careers with")
# A student telling what they like: "i like animals", "i really love writing", "im into computers".
_INTEREST = re.compile(r"^(?:\W*(?:ok|so|well|hmm|idk|honestly|lowkey|um|uh|yeah|hi|hey)\b\W*)*(?:i|im|i am|i m)\s+"
                       r"(?:(?:really|rly|also|just|kinda|kind of|lowkey|honestly|realy|relly|do|actually|always) )*"
                       r"(?:like|love|enjoy|luv|am into|into|m into|am good at|good at|am interested in|interested in)"
                       r"\b")
_INTEREST_INTENTS = frozenset({"nlu_fallback", "out_of_scope", "inform", "browse_careers", "want_career", "help"})
_LIST = ("what careers", "which careers", "what jobs", "which jobs", "list", "careers do you know", "career clusters",
         "what clusters", "which clusters",
         "jobs do you know", "what can you tell me about", "all careers", "all jobs", "options")


@dataclass(frozen=True)
class Knowledge:
    """What the rules need to know about the careers: the files and the catalog of names."""

    careers: Mapping[str, Career]
    catalog: Catalog


@dataclass(frozen=True)
class Turn:
    """Everything one rule looks at."""

    parse: Parse
    state: State
    mentions: Mentions
    knowledge: Knowledge
    topics: TopicVocabulary
    pay: PayWords
    in_plan: bool = False  # the plan questions asked this turn's question (a digression is being answered)
    worry_heard: bool = False  # the worry rule is deciding the rest of this message
    limits: Thresholds = THRESHOLDS

    @property
    def text(self) -> str:
        return self.parse.text

    @property
    def intent(self) -> str:
        return self.parse.intent

    def careers_asked(self) -> Tuple[str, ...]:
        """The careers a question is about: those it names, else the conversation's."""
        if self.mentions.careers:
            return self.mentions.careers
        if self.state.career and self.state.career in self.knowledge.careers:
            return (self.state.career,)
        return ()

    @cached_property
    def has_read_as_they(self) -> Callable[[str], bool]:
        """Whether the message has a phrase once its job titles read as "they" ("what do chefs do").

        Worked out once per turn, on first use.
        """
        return phrase_finder(self.knowledge.catalog.replace_names(self.text, "they"))

    def word_count(self) -> int:
        """The message's words; a figure is one word ("49,300", "$130,160", "3.5")."""
        return len(re.findall(r"\d[\d,.]*\d|\w+", self.text))

    def has_topic_words(self) -> bool:
        """True if any topic word or phrase of the vocabulary is in the message.

        Job titles read as "they": "school counselors" is a career, not a question about school.
        """
        return _topic_word_found(self.has_read_as_they, self.topics)


Rule = Callable[[Turn], Optional[Decision]]


# --- Safety -----------------------------------------------------------------------------------


def crisis_rule(turn: Turn) -> Optional[Decision]:
    """A crisis message, whatever else it asks: "i want to kill myself", "how much do nurses make, i wont be alive".

    The NLU pipeline's safety stage already set the intent; the detector is asked again here so
    that a message reaching the action server by any path still gets the crisis reply. When only the
    classifier said crisis and the message asks what a glossary word means ("wat does apprenticeship
    mean") or uses hyperbole the detector read ("im gonna die of boredom"), with no word the detector
    reads as a crisis, the message is answered as what it is.
    """
    if crisis.detect(turn.text).found:
        return Decision("crisis", CRISIS)
    if turn.intent == "crisis" and asked_term(turn.text) is None and not crisis.hyperbole_found(turn.text):
        return Decision("crisis", CRISIS)
    return None  # only the classifier, on a word question or on hyperbole: no crisis words the detector reads


def language_rule(turn: Turn) -> Optional[Decision]:
    """A message in another language ("¿cuánto gana una enfermera?"): the bot answers in English for now.

    It says so in that language where it can, with the counselor's contact and the crisis lines. A question
    whose words the language's topic phrases know, about a career the bot has, is answered after that.
    """
    if turn.parse.is_button:
        return None
    # job titles are no evidence of English: "cuanto gana un civil engineer" is Spanish
    code = language_of(turn.text) or language_of(turn.knowledge.catalog.replace_names(turn.text, " "))
    if not code:
        asked = asked_language(turn.text)  # "can you answer in spanish? my english is not so good"
        return Decision("other_language", OTHER_LANGUAGE, details={"language": asked}) if asked else None
    note = Decision("other_language", OTHER_LANGUAGE, details={"language": code})
    topics = language_topics(turn.text, code)  # "cuanto gana un truck driver": the answer follows, in English
    if not topics and turn.parse.confidence >= turn.limits.language_topic:
        sure = topic_of_intent(turn.intent)  # "cuantas openings hay pa hairstylists": the English words say it
        topics = (sure,) if sure else ()
    if not topics:
        return note
    careers = turn.careers_asked()
    if not careers:
        answer = Decision("other_language", WHICH_CAREER, topics=topics)
    elif len(careers) > 1:
        answer = Decision("other_language", COMPARE, topics=topics, careers=careers)
    else:
        answer = Decision("other_language", ANSWER, topics=topics, careers=careers)
    return replace(note, topics=answer.topics, careers=answer.careers, then=answer)


def counselor_rule(turn: Turn) -> Optional[Decision]:
    """"can I talk to a counselor?", "i want a real person": the office's contact and the handoff offer.

    Not in another language ("mi counselor me dijo que te preguntara..."): the language rule's reply, in that
    language, gives the office's contact.
    """
    if turn.intent != "ask_counselor" or language_of(turn.text) is not None:
        return None
    return Decision("counselor", COUNSELOR)


def handoff_rule(turn: Turn) -> Optional[Decision]:
    """Yes or no right after the handoff offer (typed or a button): pass the chat on only after a yes."""
    if turn.state.offer != HANDOFF_OFFER or turn.intent not in {"affirm", "deny"}:
        return None
    return Decision("handoff", HANDOFF if turn.intent == "affirm" else HANDOFF_DECLINED)


def boundary_rule(turn: Turn) -> Optional[Decision]:
    """Insults, sexual messages, bullying aimed at the bot ("ur useless"): a calm boundary; the chat goes on."""
    return Decision("boundary", BOUNDARY) if turn.intent == "insult" else None


def restart_rule(turn: Turn) -> Optional[Decision]:
    """"start over": the plan's answers and the conversation's context are cleared."""
    return Decision("restart", RESTART) if turn.intent == "restart" else None


# --- The plan questions --------------------------------------------------------------------------


def _plan_career(turn: Turn) -> Optional[Career]:
    career_id = turn.state.pathway.career or turn.state.career
    return turn.knowledge.careers.get(career_id or "")


def _flow_turn(turn: Turn, career: Career) -> flow.Turn:
    # The career's own names ("production manager") are not answers ("production").
    text = flow.without_phrases(turn.text, career.names())
    return flow.Turn(text, turn.intent, flow.answers_from_entities(dict(turn.parse.entities)))


# Replies to what a message also asks, given after the worry is heard.
_FIGURE_TOPICS = frozenset({"pay", "outlook", "openings"})  # topics answered with a figure, never by a look-up
ANSWERS_AFTER_A_WORRY = frozenset({ANSWER, COMPARE, BROWSE, GLOSSARY, EXPLAIN, NOT_KNOWN, UNKNOWN_CAREER, WHICH_CAREER})

# Worries about school, college or money: for a career the message names, its way in is the fact that applies.
SCHOOL_WORRIES = frozenset({"grades", "college", "money"})


def _explains_the_last_figure(turn: Turn) -> bool:
    """Right after a figure, "2 percent seems like nothing, should i be worried" asks what it means."""
    return turn.state.last_topic in EXPLAINED_TOPICS and explain_asked(turn.text) is not None


def _asks_in_the_plan(turn: Turn) -> bool:
    """True for a question of several words: during the plan questions it is not an answer to one.

    "my grades in math are really bad, is that a problem?": a worry the classifier hears in it is heard.
    """
    return turn.text.strip().endswith("?") and turn.word_count() >= turn.limits.plan_question_words


def _file_speaks_of_the_worry(turn: Turn, career_id: str) -> bool:
    """Whether the message has a worry concept of search-words.yml ("the stress of it") that the file speaks of."""
    vocabulary = search.concepts()
    career = turn.knowledge.careers.get(career_id)
    if career is None or not search.concepts_in(turn.text, vocabulary) & vocabulary.worries:
        return False
    return bool(search.find(career, turn.text))


# A worry that points at the career being talked about: "can i still do this", "could i be one".
_WORRY_REFERS = re.compile(r"\b(?:do this|do that|do it|be one|this job|that job|this career|that career|this field|"
                           r"get into it|get into this|make it|cut out for (?:this|it))\b")


def _figure_asked(turn: Turn) -> Optional[str]:
    """The pay, outlook or openings a question sentence of the message asks ("... is it a real job that grows?")."""
    return next((t for t in _asked_in_a_question(turn) if t in _FIGURE_TOPICS), None)


# A worried question whether a career is still open to the student: its answer is the way in.
_STILL_POSSIBLE = re.compile(r"\b(?:too late|too far behind|too old|can i still|could i still|is it still possible|"
                             r"still possible|still an option|am i doomed|still have a chance|still a chance|"
                             r"is there still time|ruined my chances|blew my chance)\b")


def _still_possible_asked(turn: Turn) -> bool:
    """A sentence asks whether the career is still open to the student, and no figure ("can i still be a lawyer?")."""
    for sentence in _sentences(turn.text):
        if _STILL_POSSIBLE.search(sentence.lower()):
            has = phrase_finder(turn.knowledge.catalog.replace_names(sentence, "they"))
            return not any(has(w) for topic in _FIGURE_TOPICS for w in _topic_words(topic, turn.topics))
    return False


def worry_rule(turn: Turn) -> Optional[Decision]:
    """A worry that is not a crisis ("i'm failing math", "my parents want me to be a doctor"): heard first.

    The reply acknowledges it and gives the counselor's contact; a career question in the same message
    is answered after it (``then``), and a waiting plan question is asked again (not counted as unclear).
    A worry about grades, college or money that names a career gets that career's way in.
    """
    if turn.worry_heard or turn.in_plan or turn.parse.is_button:
        return None
    if (turn.state.pathway.active or turn.state.pathway.answers) and flow.changes_mind(turn.text):
        return None  # "hold on i changed my mind, engineering sounds more like me": the plan questions hear it
    kind = worry_in(turn.text)
    heard_in_words = kind is not None
    if kind is None and turn.intent == "share_worry" and turn.parse.confidence >= turn.limits.worry_intent \
            and (not turn.state.pathway.active or _asks_in_the_plan(turn)) and not _explains_the_last_figure(turn):
        kind = "stress"  # the classifier heard a worry the word list lacks (not an answer to a plan question)
    if kind is None:
        return None
    details = {"worry": kind}
    pathway = turn.state.pathway
    career = _plan_career(turn) if pathway.active else None
    if career is not None and career.pathways is not None:
        again = Decision("plan_again", PLAN, careers=(career.id,), plan=PlanMove("ask", pathway.question))
        return Decision("worry", WORRY, careers=(career.id,), details=details, then=again)
    parse = turn.parse
    if parse.intent == "share_worry":  # the rest of the message: the classifier's next guess ("how would i become...")
        # (not "crisis": the crisis rule has read this message already, with the classifier's first guess)
        others = tuple((name, score) for name, score in parse.ranking if name not in {"share_worry", "crisis"})
        if others:
            parse = replace(parse, intent=others[0][0], confidence=others[0][1], ranking=others)
    rest = decide_turn(replace(turn, worry_heard=True, parse=parse))
    named = turn.mentions.careers
    if not named and kind in SCHOOL_WORRIES and _WORRY_REFERS.search(turn.text.lower()) and turn.careers_asked():
        named = turn.careers_asked()  # "im failing algebra 2, can i still do this" on a career's page
    # a question sentence asking a figure, which the rest left to a look-up in the file ("a real job that grows?")
    figure = _figure_asked(turn) if rest.kind == NOT_KNOWN and len(named) == 1 else None
    guessed = (rest.topics or ("summary",))[0]  # a topic the classifier guessed, not one the question asks
    if len(named) == 1 and _still_possible_asked(turn) and (
            rest.kind not in {ANSWER, COMPARE} or guessed in {"summary", "jobs", *_FIGURE_TOPICS}):
        # "only just started thinking about careers. is it too late to be a software developer?": the way in
        rest = Decision("worry_way_in", ANSWER, topics=("how_to_become",), careers=named)
    elif kind in SCHOOL_WORRIES and len(named) == 1 and rest.rule != "unknown_cost" \
            and (rest.kind not in {ANSWER, COMPARE} or rest.topics == ("summary",)):
        # "my grades are bad, can i still be a truck driver?": what the facts say is the way in
        # (also for a detail the file lacks: "im failing chem, is environmental science still possible"; not for
        # what a school costs, which no file gives: "were kinda broke, what does the program cost" is told so)
        rest = Decision("worry_way_in", ANSWER, topics=("how_to_become",), careers=named)
    elif len(named) == 1 and (rest.kind not in ANSWERS_AFTER_A_WORRY or (
            rest.rule == "career_named" and _topic_in_words(turn) not in {None, "summary"}) or figure):
        # a worry about the job itself with nothing else asked (or only its name): the topic its words name
        # ("scared self-driving trucks take the trucking jobs": automation), or the way in ("test anxiety");
        # also when the rest was left to a look-up in the file but a question asks a figure ("a real job that grows?")
        rest = Decision("worry_way_in", ANSWER, topics=(figure or _topic_in_words(turn) or "how_to_become",),
                        careers=named)
    elif turn.intent == "share_worry" and len(named) == 1 and rest.kind == ANSWER and rest.rule == "topic" \
            and len(_sentences(turn.text)) > 1 \
            and (asked := _asked_in_a_question(turn)) not in {(), ("summary",), rest.topics[:1]} \
            and not _topic_in_question(turn, rest.topics[0]):
        # "my parents said if i dont become a lawyer im wasting my life. what do lawyers even make": the classifier's
        # next guess read the worry's words ("become"), not the question; the question sentence asks the pay
        rest = replace(rest, topics=asked)
    elif kind == "stress" and len(named) == 1 and rest.rule in {"career_named", "want_career"} \
            and _file_speaks_of_the_worry(turn, named[0]):
        # "i want to be a paramedic but im nervous i wont handle the stress of it": what its file says of that
        rest = Decision("worry_detail", NOT_KNOWN, careers=named, question=turn.text)
    if not heard_in_words and rest.kind == GLOSSARY:
        return rest  # "whats grad school?? my sister is applying": a word asked about with a story, no word of worry
    if rest.kind in ANSWERS_AFTER_A_WORRY:
        return Decision("worry", WORRY, careers=rest.careers, details=details, then=rest)
    return Decision("worry", WORRY, details=details)


def plan_rule(turn: Turn) -> Optional[Decision]:
    """While a plan question waits: an answer, a correction, a question (answered, then asked again), or stop.

    "high school", a button, "actually i'm in college" are answers; "wait how much do they make?" is
    answered and the question asked again; "stop" stops. After the third unclear answer in a row the
    questions stop; after the third other question in a row they pause (answers are kept).
    """
    pathway = turn.state.pathway
    if not pathway.active or turn.in_plan:
        return None
    career = _plan_career(turn)
    if career is None or career.pathways is None:
        return None
    flows = career.pathways
    meaning = flow.interpret(flows, pathway.question, _flow_turn(turn, career), dict(pathway.answers))
    if meaning.kind == "leave":
        if turn.intent == "goodbye":
            return Decision("plan_goodbye", SMALL_TALK, response="utter_goodbye", plan=PlanMove("left"))
        return Decision("plan_stop", PLAN, careers=(career.id,), plan=PlanMove("stopped"))
    if meaning.kind == "digression":
        if pathway.digressions + 1 >= turn.limits.max_digressions:
            answer = decide_turn(replace(turn, in_plan=True))
            return replace(answer, rule="plan_paused", plan=PlanMove("paused"), then=None)
        answer = decide_turn(replace(turn, in_plan=True))
        again = Decision("plan_again", PLAN, careers=(career.id,), plan=PlanMove("ask", pathway.question))
        return replace(answer, plan=PlanMove("digression"), then=again)  # its details too ("what's that")
    if meaning.kind == "answer":
        answers = flow.apply(flows, dict(pathway.answers), meaning.updates)
        following = flow.next_question(flows, answers)
        move = PlanMove("ask", following) if following else PlanMove("plan")
        return Decision("plan_answer", PLAN, careers=(career.id,), plan=move,
                        details={"answers": _encode(answers)})
    if meaning.kind == "neutral":
        return Decision("plan_neutral", PLAN, careers=(career.id,), plan=PlanMove("ask", pathway.question))
    if meaning.kind == "between":  # "i work on the line and take a class at community college": which fits best?
        return Decision("plan_between", PLAN, careers=(career.id,),
                        plan=PlanMove("ask", pathway.question, retry=pathway.failed, choices=meaning.choices))
    if meaning.kind == "unsure":
        return Decision("plan_unsure", PLAN, careers=(career.id,),
                        plan=PlanMove("ask", pathway.question, retry=pathway.failed, unsure=True))
    failed = pathway.failed + 1
    if failed >= turn.limits.max_failed_tries:
        return Decision("plan_gave_up", PLAN, careers=(career.id,), plan=PlanMove("gave_up"))
    return Decision("plan_unclear", PLAN, careers=(career.id,), plan=PlanMove("ask", pathway.question, retry=failed))


def _encode(answers: Mapping[str, str]) -> str:
    return ";".join(f"{k}={v}" for k, v in answers.items())


def decode_answers(text: str) -> Dict[str, str]:
    """Answers carried in a decision's details (the inverse of the encoding used by the plan rules)."""
    pairs = (item.partition("=") for item in text.split(";") if item)
    return {key: value for key, _, value in pairs if key and value}


# "actually", "wait", "oops": a message correcting what was said before.
_CORRECTS = re.compile(r"(?:^|[\s,.!])(?:actually|acutally|wait|oops|sorry|i meant|no|nope|nah|correction)[\s,.!]")


def plan_change_rule(turn: Turn) -> Optional[Decision]:
    """After the plan, "i changed my mind" or "actually i'm in college now": the answers redone.

    A corrected answer needs a word that says so ("actually", "wait", "oops"): "my brother is in college"
    said without one is not a change of mind.

    New answers in the message replace the old ones (and the plan is given again, or the next question
    asked); without any, the questions start again from the first.
    """
    pathway = turn.state.pathway
    if pathway.active or not pathway.answers or turn.in_plan:
        return None
    career = turn.knowledge.careers.get(pathway.career or "")
    if career is None or career.pathways is None:
        return None
    flows = career.pathways
    found = flow.read_all(flows, _flow_turn(turn, career).text, pathway.answers.get("stage"))
    if not flow.changes_mind(turn.text) and not (found and _CORRECTS.search(f" {turn.text.lower()} ")):
        return None  # no change of mind said, and no corrected answer ("oh wait, actually i'm in college")
    answers = flow.apply(flows, dict(pathway.answers), found) if found else {}
    following = flow.next_question(flows, answers)
    move = PlanMove("ask", following) if following else PlanMove("plan")
    return Decision("plan_change", PLAN, careers=(career.id,), plan=move, details={"answers": _encode(answers)})


def stop_rule(turn: Turn) -> Optional[Decision]:
    """"stop" when no plan question is waiting: the plan can be asked for again any time."""
    return Decision("stop", PLAN, plan=PlanMove("stopped")) if turn.intent == "stop" else None


# --- Small talk, browsing, comparing, other careers ---------------------------------------------------


_DEFINITION_ASKED = re.compile(r" (?:what is that|whats that|what does that mean|what does it mean|what is it|"
                               r"what are those|what are they|what even is that|what is this|whats this|"
                               r"mean|means|meaning|define|definition) ")


def glossary_rule(turn: Turn) -> Optional[Decision]:
    """"what's an associate's degree?", "what does first-line supervisor mean?": the plain definition.

    A message naming a career asks about it ("what is the outlook for nurses"), unless it asks what the
    word means ("what does residency mean for psychologists", "what is the bar that lawyers pass").
    Two words compared ("license vs certification") get both definitions.
    """
    pair = compared_terms(turn.text)
    if pair:  # "whats the difference between a license and a certification"
        return Decision("glossary", GLOSSARY, details={"term": pair[0].term, "definition": pair[0].definition,
                                                       "term2": pair[1].term, "definition2": pair[1].definition})
    found = asked_term(turn.text)
    if found is None or (_explains_the_last_figure(turn) and explain_asked(turn.text) == "judge"):
        return None  # "whats that compared to the pay for all occupations" right after a figure judges it
    meaning = _DEFINITION_ASKED.search(padded(turn.text)) is not None
    if not meaning and found.said.rstrip("s").endswith("cluster") and clusters_titled_in(turn.text):
        return None  # "whats in the education and training cluster": that cluster's careers, not the word
    if not meaning and found.career_topic and not found.leading and turn.careers_asked():
        return None  # "whats the growth outlook" on a career's page: that career's outlook
    if turn.mentions.careers:
        names = [n.lower() for c in turn.mentions.careers for n in turn.knowledge.careers[c].names()]
        in_a_name = any(found.said.lower() in name for name in names)  # "postsecondary" of "postsecondary teachers"
        if in_a_name or not (meaning or (found.leading and not found.career_topic)):
            return None  # "what is the outlook for nurses" asks about nurses
    if turn.mentions.others and not (meaning or (found.leading and not found.career_topic)):
        return None  # "whats a doctorate? only for doctors?" and "my teacher keeps saying career cluster, what is
        # that" ask what the words mean; "is being a teacher a first-line supervisor job" asks about teachers
    return Decision("glossary", GLOSSARY, details={"term": found.term, "definition": found.definition})


_WORD_LEAD = r"(?:(?:so|ok|okay|and|but|um|sry|sorry|wait|hey|yo|bro|bruh|lol|ngl|hmm|uh) )*"
# "what does ventilation mean", "private practice means??", "whats a profit exactly", "culinary school whats that".
_WORD_MEANING = re.compile(
    r"^" + _WORD_LEAD + r"(?:what|wat|wut) (?:does|do|dose|did) (?:the word |the phrase |the term )?"
    r"(?P<a>[a-z][a-z -]{1,40}?) (?:even |really |actually )?mean\b"
    r"|^" + _WORD_LEAD + r"(?:whats|what is|wats|wat is) (?:a |an |the )?"
    r"(?P<b>[a-z][a-z -]{1,40}?) (?:mean|means|exactly)$"
    r"|^" + _WORD_LEAD + r"(?:what are|what r|wat r) (?P<c>[a-z][a-z -]{1,40}?) (?:exactly|even)$"
    r"|^" + _WORD_LEAD + r"(?P<d>[a-z][a-z -]{1,40}?) (?:means|mean|meaning)(?: what(?: exactly)?)?$"
    r"|^" + _WORD_LEAD + r"(?P<e>[a-z][a-z -]{1,40}?) (?:whats that|what is that|what does that mean)$")
# Not a word to define ("what does it mean"); a first word pointing back ("the problem solving one") isn't either.
_NOT_A_WORD = frozenset({"it", "they", "them", "you", "u", "he", "she", "ur name", "life", "love"})
_POINTING_WORDS = frozenset({"the", "that", "this", "those", "these", "their", "its", "his", "her", "your", "my"})


def unknown_word_rule(turn: Turn) -> Optional[Decision]:
    """A word asked about that the glossary doesn't have ("what does ventilation mean"): said so, not "can't help"."""
    if turn.intent not in {"out_of_scope", "nlu_fallback"} or turn.mentions.careers or turn.mentions.others \
            or re.search(r"\d", turn.text):
        return None  # "what does negative 1 percent mean" is about a figure (the explain rule)
    plain = " ".join(re.sub(r"[^a-z -]+", " ", turn.text.lower().replace("\u2019", "").replace("'", "")).split())
    found = _WORD_MEANING.search(plain)
    if found is None:
        return None
    word = next(g for g in found.groups() if g).strip()
    words = word.split()
    if word in _NOT_A_WORD or len(words) > 4 or words[0] in _POINTING_WORDS or words[-1] in {"one", "ones", "part"}:
        return None  # "what does the problem solving one mean": a part of the last answer (the follow-up rules)
    return Decision("unknown_word", GLOSSARY, details={"unknown_word": word})


def small_talk_rule(turn: Turn) -> Optional[Decision]:
    """Greetings, thanks, help, "are you a bot?", a plain yes or no."""
    # A message naming a career is about it ("ok and chefs?" read as goodbye), except a greeting from its page.
    if turn.intent == "help" and turn.careers_asked() and turn.has_topic_words():
        # "how do u learn this trade" on a career's page: a question about it, not "what can you do"
        return _second_look(replace(turn, parse=replace(turn.parse, intent="nlu_fallback")))
    if turn.intent in SMALL_TALK_INTENTS and not (turn.mentions.careers and turn.intent != "greet"):
        careers = turn.careers_asked()
        if turn.intent == "greet" and careers:  # the widget on a career's own page
            return Decision("small_talk", SMALL_TALK, careers=careers[:1], response="utter_greet_career")
        return Decision("small_talk", SMALL_TALK, response=f"utter_{turn.intent}")
    return None


def browse_rule(turn: Turn) -> Optional[Decision]:
    """"what jobs are in health care?", "jobs that don't need college", "fastest growing jobs", "similar careers"."""
    has = phrase_finder(turn.text)
    no_degree = any(has(p) for p in _NO_DEGREE) or _NO_DEGREE_SAID.search(padded(turn.text)) is not None
    listing = turn.intent == "browse_careers" or (
        not turn.mentions.any and any(has(p) for p in _LIST) and turn.intent in {"nlu_fallback", "out_of_scope"}
    ) or (
        # "what can i do without going to college?" with no career in the message or the chat: the careers
        # that need no degree, not "which career do you mean?"
        no_degree and not turn.mentions.any and not turn.state.career and any(has(p) for p in _OPEN_ASK)
    ) or (
        # "whats the fastest growing career u have": a superlative over the careers, none of them named
        not turn.mentions.any and any(has(p) for p in _FASTEST_ONLY) and any(has(p) for p in _JOB_NOUNS)
    ) or (
        # "what jobs r in human services? my teacher said thats my cluster": a cluster asked for; the other
        # occupation is only mentioned
        not turn.mentions.careers and clusters_named(turn.text)
        and (any(has(p) for p in _OPEN_ASK) or has("cluster"))  # "what's in the manufacturing cluster"
    ) or (
        # "i like animals and being outside all day", "i like writing ... is there a job for that": an interest
        # told with no career named or asked about yet; the cluster its words name
        not turn.mentions.any and not turn.state.career and _INTEREST.search(turn.text.lower()) is not None
        and bool(clusters_named(turn.text)) and turn.intent in _INTEREST_INTENTS
    ) or cluster_titled(turn.text) is not None or (  # "architecture & construction": a cluster's name alone
        # "whats similar to being an electrical engineer", "what else is kinda like this job": its neighbours
        len(turn.careers_asked()) == 1 and any(has(p) for p in _RELATED_ASK)
    ) or (
        # "which job has the most openings every year", "which careers need a masters or more": over all careers
        not turn.mentions.any
        and (any(has(p) for p in _MOST_OPENINGS + _MOST_JOBS + _TOP_PAY) or (any(has(p) for p in _GRADUATE)
                                                               and any(has(p) for p in _OPEN_ASK)))
        # (the catalog's title-word look-up last: only for a message that asks a superlative)
        and (any(has(p) for p in _JOB_NOUNS) or turn.knowledge.catalog.lone_shared_head(turn.text) is not None)
    )
    if not listing:
        return None
    if len(turn.state.compared) > 1 and compare_again_rule(turn) is not None:
        return None  # "which 1 has more jobs" about the two careers just talked about, not a list of careers
    # "what else is like being a nurse", "what healthcare jobs do u know besides nursing"
    related = any(has(p) for p in _RELATED + _RELATED_ASK) or bool(
        turn.mentions.careers and any(has(p) for p in _EXCEPT))
    # "jobs like being an environmental scientist": that career's neighbours, not a cluster read in its title
    clusters = () if related and turn.mentions.careers else clusters_named(turn.text)
    if clusters and any(has(p) for p in _OPEN_ASK) and not no_degree:  # "any jobs to do with farming": the cluster
        return Decision("browse", BROWSE, browse="cluster", clusters=clusters)
    if turn.mentions.careers and not related:
        # "r hvac jobs in demand": a question about that career; its words decide the topic.
        unsure = replace(turn, parse=replace(turn.parse, intent="nlu_fallback"))
        return _second_look(unsure)
    head = turn.knowledge.catalog.lone_shared_head(turn.text)
    among = tuple(sorted(turn.knowledge.catalog.shared_heads[head])) if head and not turn.mentions.careers else ()
    ranked = {"head": head} if among and head else {}  # "which engineer makes the most": among its careers
    if no_degree and any(has(p) for p in _FASTEST_ONLY):  # "the fastest growing job that doesnt need a degree"
        return Decision("browse", BROWSE, browse="fastest", details={"only": "no_degree"})
    if no_degree:
        return Decision("browse", BROWSE, browse="no_degree")
    if any(has(p) for p in _FASTEST):
        return Decision("browse", BROWSE, browse="fastest", careers=among, details=ranked)
    if not turn.mentions.any and any(has(p) for p in _MOST_OPENINGS):
        return Decision("browse", BROWSE, browse="most_openings", careers=among, details=ranked)
    if not turn.mentions.any and any(has(p) for p in _MOST_JOBS):
        return Decision("browse", BROWSE, browse="most_jobs", careers=among, details=ranked)
    if not turn.mentions.any and any(has(p) for p in _TOP_PAY):
        return Decision("browse", BROWSE, browse="top_pay", careers=among, details=ranked)
    if not turn.mentions.any and any(has(p) for p in _GRADUATE):
        return Decision("browse", BROWSE, browse="graduate")
    if clusters:
        return Decision("browse", BROWSE, browse="cluster", clusters=clusters)
    current = turn.knowledge.careers.get((turn.mentions.careers or (turn.state.career,))[0] or "")
    if related and current:
        return Decision("browse", BROWSE, browse="related", careers=(current.id,),
                        clusters=tuple(current.career.clusters))
    return Decision("browse", BROWSE, browse="all")


def _topic_in_words(turn: Turn) -> Optional[str]:
    """A comparison's topic from its words when the classifier named none: a phrase, a hinted or a word topic."""
    return _phrase_topic(turn, 2) or _hinted_topic(turn) or _word_topic(turn)


# A figure as students quote it: "130,160", "$99,890", "130k".
_QUOTED_FIGURE = re.compile(r"(?<![\d.])\$?(\d{1,3}(?:,\d{3})+|\d{2,6})(?:\s?(k)\b)?")


def quoted_figure_rule(turn: Turn) -> Optional[Decision]:
    """A pay figure of the career quoted back: the pay answer, which says which figure is whose, per year.

    "is the 130k for the developers or the testers", "why does it say 130,160 and also 132,270".
    """
    asked = turn.careers_asked()
    if turn.intent not in {"nlu_fallback", "out_of_scope", "compare_careers", "ask_unknown_detail"} or len(asked) != 1:
        return None
    career = turn.knowledge.careers[asked[0]]
    if any(_is_a_wage_of(career, match) for match in _QUOTED_FIGURE.finditer(turn.text.lower())):
        return Decision("quoted_figure", ANSWER, topics=("pay",), careers=(career.id,))
    return None


def _is_a_wage_of(career: Career, match: re.Match[str]) -> bool:
    """True when a figure found by ``_QUOTED_FIGURE`` is one of the career's yearly wages."""
    wages = [w for w in ([career.pay.median] + list(career.pay.groups) if career.pay else []) if w and w.annual]
    amount = float(match.group(1).replace(",", "")) * (1000 if match.group(2) else 1)
    close = 1000 if match.group(2) else 1  # "130k" rounds $130,160; "130,160" is the figure itself
    return any(abs(amount - float(w.annual or 0)) < close for w in wages)


# What a question about a whole field ("is engineering growing", "does engineering pay well") asks of its careers.
_FIELD_ASKED = frozenset({"pay", "outlook", "openings", "jobs"})


def ambiguous_title_rule(turn: Turn) -> Optional[Decision]:
    """A title word that ends several careers' titles, said alone in a career question: which one is meant.

    "engineer vs lawyer, who makes more", "is being an agent hard to get into", "what about managers, are they
    growing?" on the chefs' page. Not when a career the word ends is named or talked about ("civil engineers vs
    lawyers", "what do managers make" after production managers), nor when another job is named ("travel agents").
    """
    catalog = turn.knowledge.catalog
    head = catalog.lone_shared_head(turn.text)
    if head is None or len(head) < turn.limits.ambiguous_head or turn.parse.is_button or turn.mentions.others:
        return None
    owners = catalog.shared_heads[head]
    if owners & {*turn.mentions.careers, *turn.state.compared, turn.state.career}:
        return None
    if head.endswith(("ing", "ings")) and (turn.state.career or not set(_question_topics(turn)) & _FIELD_ASKED):
        return None  # "should i study engineering": a field, not a title ("is engineering growing" asks which)
    pointed = any(word == head or turn.state.career in catalog.shared_heads.get(word, ())
                  for word in re.findall(r"\b(?:these|those|this|that|such)\s+(\w+)", padded(turn.text)))
    if turn.careers_asked() and pointed:
        # "how many of these techs are working" on the HVAC page, "my brother is a junior engineer, what skills do
        # these managers need" on the production managers' page: the career talked about
        return None
    has = phrase_finder(turn.text)
    if turn.mentions.careers and not any(has(cue) for cue in _COMPARE_CUES):
        return None  # "can truck drivers move up to manager": the career named is asked about, not compared
    if turn.state.career and re.search(rf"\b(?:to|into|as)\s+(?:(?:be|become|like|a|an|the|some)\s+){{0,3}}{head}\b",
                                       padded(turn.text)):
        return None  # "can they get promoted to like a manager": where the career talked about leads, not another
    if _unnamed_title(turn.text) is not None or word_question_rule(turn) is not None:
        return None  # "how much does a warehouse manager make": a title the bot has no file for; a word's meaning
    topics = _question_topics(turn)
    if not topics and not turn.mentions.careers:  # "what does an analyst do": the topic the words ask
        looked = _second_look(turn)
        topics = looked.topics if looked is not None and looked.kind == WHICH_CAREER else ()
    if not topics and not turn.mentions.careers:  # "my dad's an engineer ... what do engineers do": its question
        # the title word read as "they"
        as_they = re.sub(rf"\b{re.escape(head)}s?\b", "they", turn.text, flags=re.IGNORECASE)
        topics = _asked_in_a_question(replace(turn, parse=replace(turn.parse, text=as_they)))
    if not topics and not (turn.intent.startswith("ask_") or turn.intent in {"compare_careers", "nlu_fallback"}):
        return None
    options = ",".join(sorted(owners, key=lambda c: turn.knowledge.careers[c].career.plural))
    return Decision("ambiguous_title", WHICH_CAREER, topics=topics, details={"head": head, "options": options})


def compare_rule(turn: Turn) -> Optional[Decision]:
    """Two or more of the bot's careers: "who makes more, a nurse or a chef?", "compare lawyers and developers".

    Also the conversation's career and one named with a comparison ("do they earn more than barbers?").
    The topic of the question (pay, outlook, ...) side by side, or pay, outlook and education.
    """
    has = phrase_finder(turn.text)
    careers = turn.mentions.careers
    before = turn.state.career
    if len(careers) == 1 and before and before in turn.knowledge.careers and before != careers[0] \
            and any(has(cue) for cue in _COMPARE_CUES):
        careers = (before, careers[0])  # "do they make more than barbers?" after chefs
    if len(careers) < 2:
        return None
    counted = any(has(cue) for cue in _COMPARE_COUNT_CUES) \
        and not any(has(cue) for cue in _FUTURE_CUES)  # "more jobs in the future": growth
    topics = ("openings",) if counted else _question_topics(turn)  # "r there more X or Y": how many jobs each
    if topics[:1] == ("summary",) and turn.parse.confidence < turn.limits.phrase_over and _topic_in_words(turn) is None:
        topics = OVERVIEW  # "how does it stack up against lawyers": an unsure "what is it", compared side by side
    last = turn.state.last_topic
    if not counted and last in OVERVIEW and before in careers and turn.parse.confidence < turn.limits.phrase_over \
            and _topic_in_words(turn) is None:
        topics = (last,)  # "how's that compare to production managers" right after a pay answer: the same topic
    if not topics:  # "compare_careers": the topic asked may still be in its words ("X vs Y, where do they work")
        # ... or a topic word alone ("which has a crazier schedule, paramedics or truckers"): it names a side
        asked = _topic_in_words(turn)
        second = _second_topic(turn, asked) if asked else None  # "..., pay and outlook"
        topics = ((asked, second) if second else (asked,)) if asked else OVERVIEW
    named = _overview_topics_named(turn)
    if len(named) >= 2 and not counted:  # "which pays more, which is growing faster, and which needs more school"
        topics = tuple(dict.fromkeys((*topics, *named)))
    return Decision("compare", COMPARE, topics=topics, careers=careers, pay=_pay_query(turn))


def _overview_topics_named(turn: Turn) -> Tuple[str, ...]:
    """The overview topics (pay, outlook, education) a message names by their words, in that order."""
    has = turn.has_read_as_they
    return tuple(entry.topic for entry in turn.topics.topics if entry.topic in OVERVIEW
                 and any(has(w) for w in (*entry.phrases, *entry.words)))


# A choice between two careers: after a switch only these compare the two ("which 1 has more jobs").
_CHOICE_CUES = ("which one", "which of them", "which of the two", "which is", "which has", "which pays",
                "which needs", "which makes", "which gets", "which would", "which 1", "who makes", "who earns",
                "who gets", "who has", "who needs", "both", "either", "the two", "compare them", "compare the two",
                "between them", "of the two", "those two", "these two", "those 2", "these 2", "the 2")
# Right after a comparison these also point back at its careers ("and their outlook?", "how many each").
_AGAIN_CUES = _CHOICE_CUES + ("which job", "which career", "each", "what about their", "how about their", "and their",
                              "what about them", "how about them")


def compare_again_rule(turn: Turn) -> Optional[Decision]:
    """Right after a comparison, "which one pays better?" or "do both need college?" compares the same careers.

    Only when the message names no career and asks a topic (or how many jobs each has).
    """
    compared = tuple(c for c in turn.state.compared if c in turn.knowledge.careers)
    if len(compared) < 2 or turn.mentions.careers or turn.mentions.others or turn.parse.is_button:
        return None
    has = phrase_finder(turn.text)
    if not any(has(cue) for cue in _AGAIN_CUES):
        return None
    # the pair of a switch ("what about professors?") ends with the career now talked about, a comparison's
    # starts with it: after a switch only a choice between the two ("which 1", "both") is about both
    if compared[-1] == turn.state.career != compared[0] and not any(has(cue) for cue in _CHOICE_CUES):
        return None
    if any(has(cue) for cue in _COMPARE_COUNT_CUES):
        topics: Tuple[str, ...] = ("openings",)
    else:
        topics = _question_topics(turn)
        if not topics:
            asked = _topic_in_words(turn)
            topics = (asked,) if asked else ()
    if not topics:
        return None
    return Decision("compare_again", COMPARE, topics=topics, careers=compared, pay=_pay_query(turn))


_NOT_A_QUESTION_INTENTS = frozenset({"greet", "thank", "goodbye", "affirm", "deny", "stop", "restart", "inform"})


def word_question_rule(turn: Turn) -> Optional[Decision]:
    """A question about one glossary word itself, naming no career and with none to be about: the word's meaning.

    The word is what the question is about when it follows the question's first words ("is trade school like
    college", "whats an internship and do u get paid", "is a GED the same as graduating"), when the message
    asks what it means, or compares it with something ("the diff between full time and part time"). A career
    question that only uses the word ("do i need a bachelors?") still gets "Which career?"; a career the bot
    doesn't know keeps its reply unless the message asks what the word means.
    """
    if turn.mentions.careers or turn.state.career or turn.intent in _NOT_A_QUESTION_INTENTS:
        return None
    found = only_term(turn.text)
    if found is None:
        return None
    said = padded(turn.text)
    meaning = _DEFINITION_ASKED.search(said) is not None
    if (found.career_topic or turn.mentions.others) and not meaning:
        return None  # "what's the median pay": which career?; "how much do doctors with a phd make": unknown career
    form = padded(found.said)
    about_the_word = any(said.startswith(lead + form) for lead in _WORD_LEADS) or (
        _COMPARED_WITH.search(said) is not None and form in said)
    if not (meaning or about_the_word):
        return None
    return Decision("glossary", GLOSSARY, details={"term": found.term, "definition": found.definition})


_LEAD_FILLERS = ("", " so", " ok", " okay", " wait", " yo", " hey", " um", " like", " and", " but", " bro", " hmm")
_ASKING = (" is", " are", " was", " does", " do", " can", " will", " whats", " what is", " what are", " how does",
           " how do", " how long is", " how long does", " is there", " explain")
_WORD_LEADS = tuple(f"{filler}{ask}{article}" for filler in _LEAD_FILLERS for ask in _ASKING
                    for article in ("", " a", " an", " the", " like a", " like an"))
_COMPARED_WITH = re.compile(r" (?:same as|same thing as|the same|different from|difference between|diff between|"
                            r"diff btwn|difference btwn|vs|versus|like college|like a degree) ")


_TELL_ME_ABOUT_A_JOB = re.compile(r"\b(?:tell me|tell us|teach me|talk to me)(?: more)? about\b"
                                  r"|\b(?:info|information) (?:on|about)\b|\bwhat do (?:you|u) know about\b")


def unknown_career_rule(turn: Turn) -> Optional[Decision]:
    """A job the bot has no file for ("how much do astronauts make?"): say so, name known careers of its cluster."""
    if not turn.mentions.others or turn.mentions.careers:
        return None
    asks = (
        turn.intent.startswith("ask_")
        or turn.intent in {"want_career", "compare_careers", "what_next", "tell_more"}
        or turn.has_topic_words()
        or (turn.intent in {"nlu_fallback", "out_of_scope", "inform"} and turn.word_count() <= 3)
        or _TELL_ME_ABOUT_A_JOB.search(turn.text.lower()) is not None  # "tell me about architects, i love drawing"
    )
    if not asks:
        return None
    mentions = turn.mentions
    # the topic asked is kept: "electricians make how much" then "what about electrical engineers?" asks their pay
    return Decision("unknown_career", UNKNOWN_CAREER, others=mentions.others, clusters=mentions.other_clusters,
                    topics=_question_topics(turn))


# Words of a wish to work in a job ("i wanna be one", "becoming a nurse", "my dream"): a plan request, not a switch.
_WANT_WORDS = re.compile(r"\b(?:want|wanna|wants|be an?|become|becoming|plan|dream|interested|like to be)\b",
                         re.IGNORECASE)


def want_career_rule(turn: Turn) -> Optional[Decision]:
    """"i want to be a nurse", "make my plan", "what should i do next?": the plan questions, or the way in.

    Careers whose file has a plan get the plan questions (answers typed in the same message count);
    the others get how to become one and the typical education: never a plan the file can't back.
    """
    if turn.intent not in {"want_career", "what_next", "inform"}:
        return None
    if turn.intent == "inform" and switch_rule(turn) is not None:
        return None  # "civil engineers?" right after electricians' pay: the same question for them, not a plan
    if (turn.intent == "want_career" and turn.parse.confidence < turn.limits.switch_overruled
            and not _WANT_WORDS.search(turn.text) and switch_rule(turn) is not None):
        return None  # "now do civil engineers" after an answer, the classifier unsure: a switch, no wish said
    asked = _question_topics(turn) if turn.intent == "want_career" else ()
    if asked and not set(asked) & (PLAN_OFFER_AFTER | set(PLAN_AFTER)) and turn.careers_asked():
        return None  # "how many head chefs r there? i wanna run my own kitchen": the question is answered
    careers = turn.careers_asked()
    if turn.intent == "inform" and not turn.mentions.careers:
        return None  # "my uncle runs a factory", "im a junior": a statement, not a request for the plan
    asked_after = _asked_in_a_question(turn) if turn.intent == "inform" and careers else ()
    if asked_after and not set(asked_after) & (PLAN_OFFER_AFTER | set(PLAN_AFTER)):
        # "thinking about skipping college n just driving big rigs, whats the money like": the question asked
        return Decision("want_career", ANSWER, topics=asked_after, careers=careers[:1], pay=_pay_query(turn))
    clauses = _clauses(turn.text) if turn.intent == "inform" else []
    if careers and not asked_after and len(clauses) > 1 and not _is_question(clauses[0]) \
            and _question_clauses(turn.text):
        # "im in 9th grade and im good at math, do production managers use math a lot": a question no topic
        # names, looked up in the file (or "I don't know"), never the plan questions
        return Decision("want_career", NOT_KNOWN, careers=careers[:1], question=turn.text)
    if not careers:
        return Decision("want_career", WHICH_CAREER, topics=("how_to_become",))
    career = turn.knowledge.careers[careers[0]]
    if career.pathways is None:
        return _way_in(turn, career, "want_career")
    intro: Tuple[str, ...] = ()
    start_words = _topic_words("how_to_become", turn.topics)
    if turn.intent == "want_career" and not turn.state.pathway.answers and flow.asks_how_to_start(
        turn.text, start_words
    ) and _names_the_career(turn):
        intro = ("how_to_become",)  # "I'm 15 and want to be one. Where do I start?": the way in, then the questions
    return _plan_start(turn, career, "want_career", intro)


def _way_in(turn: Turn, career: Career, rule: str) -> Decision:
    """Wanting to become one: the plan questions where the file has a plan, else how to become one and the education."""
    if career.pathways is not None:
        return _plan_start(turn, career, rule)
    return Decision(rule, ANSWER, topics=("how_to_become", "education"), careers=(career.id,),
                    plan=PlanMove("not_available"))


_ABOUT_ME = re.compile(r"\b(?:i|im|i'm|i am|ive|i've|my|myself|currently|already)\b")


def _plan_start(turn: Turn, career: Career, rule: str, intro: Tuple[str, ...] = ()) -> Decision:
    """Start (or go on with) the plan questions for a career whose file has a plan; answers typed now count."""
    assert career.pathways is not None
    flows = career.pathways
    known = dict(turn.state.pathway.answers) if turn.state.pathway.career in (None, career.id) else {}
    # Answers typed with the request count only when the student speaks of themselves ("i'm in high school, make
    # me a plan"); "build me a plan for production management" says nothing about where they are.
    about_me = _ABOUT_ME.search(turn.text.lower()) is not None
    found = flow.read_all(flows, flow.without_phrases(turn.text, career.names())) if about_me else {}
    found.update(flow.answers_from_entities(dict(turn.parse.entities)))
    answers = flow.apply(flows, known, found)
    following = flow.next_question(flows, answers)
    move = PlanMove("ask", following, intro_topics=intro) if following else PlanMove("plan", intro_topics=intro)
    return Decision(rule, PLAN, careers=(career.id,), plan=move, details={"answers": _encode(answers)})


# "can my brother become one without college", "can he become a manager": asked for someone else, so the
# student's own plan questions are not started.
_ABOUT_SOMEONE_ELSE = re.compile(
    r"\b(?:can|could|does|would|should|will) (?:he|she|my (?:brother|sister|friend|cousin|mom|dad|mother|"
    r"father|uncle|aunt|boyfriend|girlfriend|bf|gf))\b|\bmy (?:brother|sister|friend|cousin|mom|dad|mother|father|"
    r"uncle|aunt|boyfriend|girlfriend)\b.{0,80}\b(?:can|could) (?:he|she) (?:still )?(?:become|be|get|do)\b")


# Words that ask for a plan of one's own with a how-to-become question: "i need a roadmap to become one",
# "personalized steps ... based on my situation", "where do i start". Not "is there a plan b", "im planning on".
_ASKS_FOR_A_PLAN = re.compile(r"\b(?:road ?maps?|(?<!\bno )plan(?! b\b| is\b| was\b)|step[- ]by[- ]step|"
                              r"steps?(?! ?(?:\d|one|two|three)\b)|"
                              r"personali[sz]ed|my situation|where (?:do|should|can) i (?:start|begin)|"
                              r"what should i do (?:first|next))\b")


# "what do they start out as", "what step comes before becoming a manager": a question about the workers' path,
# answered (the plan offered), not the student's own plan questions.
_ABOUT_THE_WORKERS = re.compile(r"\b(?:they|them|their|theyre|they're|before becoming|start(?:s|ed)? (?:out|off) as|"
                                r"(?:job|step|position|role|title|rung) (?:right |just )?before)\b")


def _plan_after(turn: Turn, career_id: str) -> Optional[Decision]:
    """After "how do i become one?" or a message asking for a plan: the plan questions, if the file has one.

    "which major is better for this job?" is answered and the plan offered (a button); no questions follow.
    """
    career = turn.knowledge.careers.get(career_id)
    text = turn.text.lower()
    if career is None or career.pathways is None or turn.in_plan or turn.state.pathway.active \
            or _ABOUT_SOMEONE_ELSE.search(text):
        return None
    if _ABOUT_THE_WORKERS.search(text) and not _ABOUT_ME.search(text):
        return None
    if turn.intent != "ask_how_to_become" and not _ASKS_FOR_A_PLAN.search(text):
        return None  # "which major is better?", "can you become one without a degree?": answered, the plan offered
    start = _plan_start(turn, career, "plan_after_answer")
    return start if start.plan is not None and start.plan.kind == "ask" else None


def _names_the_career(turn: Turn) -> bool:
    """The message names a career or points at one ("one", "this job"), not the NBA."""
    has = phrase_finder(turn.text)
    return bool(turn.mentions.careers) or any(
        has(p) for p in ("one", "this job", "this career", "that job", "that career", "it")
    )


def _topic_words(topic: str, vocabulary: TopicVocabulary) -> List[str]:
    entry = vocabulary.entry(topic)
    return [*entry.phrases, *entry.words] if entry else []


# --- Career questions ------------------------------------------------------------------------------


# "how much do truckers get per mile", "what's the usual tip": an amount asked, not whether they get it.
_AMOUNT_ASKED = re.compile(r"\b(?:how much|how many|what(?:s| is| are| r)? (?:the |their |a |an )?"
                           r"(?:usual |typical |normal |average )?(?:rate|amount|percent|percentage|cut)"
                           r"|cents|dollars|how big)\b")


def _pay_query(turn: Turn) -> PayQuery:
    kind = turn.pay.kind(turn.text)
    amount = bool(kind) and _AMOUNT_ASKED.search(turn.text.lower().replace("'", "")) is not None
    return PayQuery(turn.pay.period(turn.text), turn.pay.level(turn.text), turn.pay.place(turn.text),
                    kind=kind, amount=amount, cost=_cost_asked(turn), year=turn.pay.year(turn.text))


def _phrase_topic(turn: Turn, min_words: int) -> Optional[str]:
    """The topic one of whose phrases of ``min_words`` or more the message has, the longest ("in the field")."""
    has = turn.has_read_as_they
    hits = [(len(p), entry.topic) for entry in turn.topics.topics for p in entry.phrases
            if len(p.split()) >= min_words and has(p)]
    return max(hits)[1] if hits else None


def _question_topics(turn: Turn) -> Tuple[str, ...]:
    """The topic of the classifier's intent, and a second question's topic in another clause of the message.

    A topic phrase in the message wins over an unsure guess (below ``phrase_over``: "stay in labs"),
    and a long one over "a detail I don't know" ("who do they work for", not "to be one").
    """
    first = topic_of_intent(turn.intent)
    phrased = None
    if first and turn.parse.confidence < turn.limits.phrase_over:
        phrased = _phrase_topic(turn, 2)
        if phrased and phrased not in OVERVIEW and first in OVERVIEW \
                and any(turn.has_read_as_they(w) for w in _topic_words(first, turn.topics)):
            phrased = None  # "which field is expanding faster": the growth its words ask, not "field" of a major
    elif turn.intent == "ask_unknown_detail":
        phrased = _phrase_topic(turn, turn.limits.detail_phrase_words)
    elif turn.intent in _CAREER_INTENTS:
        phrased = _phrase_topic(turn, turn.limits.career_phrase_words)
        if not phrased and turn.intent == "want_career":
            phrased = next(iter(_asked_in_a_question(turn)), None)  # "i wanna design circuits. do they make money?"
        if not phrased and turn.intent == "compare_careers" and len(turn.mentions.careers) == 1:
            phrased = _word_topic(turn)  # "the pay gap between an emt and a paramedic": one file, two of its jobs
    if phrased and phrased != first:
        first = phrased
    if first and turn.intent != "want_career":
        first = _the_question_asked(turn, first)
    first = _phrase_only_topic(turn, first) if first else first
    if first and first != "summary" and _only_told_about(turn):
        first = "summary"  # "i like animals and being outside, tell me about ranchers": what the job is
    if not first:
        return ()
    second = _second_topic(turn, first)
    return (first, second) if second else (first,)


# The last clause asks for a career as a whole: "..., tell me about ranchers", "... so tell me about being a nurse".
_TELL_ABOUT = re.compile(r"^\W*(?:(?:so|ok|okay|and|but|pls|please|can you|could you|can u) )*(?:tell me|tell us) "
                         r"(?:more )?about (?:being |becoming )?(?:an? |the )?they\W*$")


def _only_told_about(turn: Turn) -> bool:
    """The message ends asking about a named career as a whole; what came before it only tells."""
    clauses = _clauses(turn.text)
    if len(clauses) < 2 or not turn.mentions.careers:
        return False
    last = turn.knowledge.catalog.replace_names(clauses[-1], "they")
    return _TELL_ABOUT.match(last) is not None


def _longest_topic(has: Callable[[str], bool], vocabulary: TopicVocabulary) -> Optional[str]:
    """The topic whose longest word or phrase ``has`` finds is the longest of all, if any."""
    hits = [(len(w), entry.topic) for entry in vocabulary.topics for w in (*entry.phrases, *entry.words) if has(w)]
    return max(hits)[1] if hits else None


def _word_topic(turn: Turn) -> Optional[str]:
    """The topic with the longest word or phrase in the message (job titles read as "they"), if any."""
    return _longest_topic(turn.has_read_as_they, turn.topics)


def _sentences(text: str) -> List[str]:
    """The message's sentences, stripped (split after ".", "!" or "?")."""
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.strip()]


def _asked_in_a_question(turn: Turn) -> Tuple[str, ...]:
    """The topic of a sentence ending in "?", by its words with job titles read as "they".

    "i wanna design circuits. do electronics engineers make good money?": pay. A later sentence or clause asks
    too when it opens like a question, "?" or not ("i wanna be a head chef someday. what do chefs make").
    """
    questions = _question_clauses(turn.text)
    if not questions:
        return ()
    asked = turn.knowledge.catalog.replace_names(" ".join(questions), "they")
    topic = _longest_topic(phrase_finder_through(asked, _FILLERS), turn.topics)  # "what do they even do"
    return (topic,) if topic else ()


def _topic_in_question(turn: Turn, topic: str) -> bool:
    """Whether the message's question clauses have a word of the topic ("how much school is that": education)."""
    has = phrase_finder(turn.knowledge.catalog.replace_names(" ".join(_question_clauses(turn.text)), "they"))
    return any(has(w) for w in _topic_words(topic, turn.topics))


# Chat words that end a statement before a question: "i have no plan lol what do chefs even do".
_CLAUSE_BREAK = re.compile(r"(?<=[.!?,;])\s+|\s+(?=but\s)"
                           r"|(?:(?<=\blol)|(?<=\blmao)|(?<=\btbh)|(?<=\bngl)|(?<=\bhaha))\s+")


def _clauses(text: str) -> List[str]:
    """The message's clauses: after ".", "!", "?", ",", ";", before "but", after "lol" and the like."""
    return [c for c in _CLAUSE_BREAK.split(text.strip()) if c.strip()]


def _question_clauses(text: str) -> List[str]:
    """The sentences ending in "?" and a last one that opens like a question; else such later clauses.

    Not a clause asking for a plan ("can u make me a plan": the wish itself, asked).
    """
    sentences = _sentences(text)
    questions = [q for q in sentences if q.endswith("?")]
    if questions and not sentences[-1].endswith("?") and _QUESTION_START.match(sentences[-1]) \
            and not _ASKS_FOR_A_PLAN.search(sentences[-1].lower()):
        questions.append(sentences[-1])  # "... would it make it worse? what are their hours like": asked too
    if not questions:  # "..., whats the median wage for them", "i love nature but can i make money at it"
        questions = [c for c in _clauses(text)[1:]  # not "can u make me a plan": the wish itself, asked
                     if _QUESTION_START.match(c) and not _ASKS_FOR_A_PLAN.search(c.lower())]
    return questions


_POINTS_AT_STATEMENT = re.compile(r"\b(?:that|this|it|so|then)\b", re.IGNORECASE)


def _the_question_asked(turn: Turn, first: str) -> str:
    """The topic of the question, not of the statement before it.

    "I'm in college majoring in business. How much do financial analysts make?": pay, not majors. Only when
    the message has a statement and then a question, and the question has none of the first topic's words.
    """
    sentences = _sentences(turn.text)
    if len(sentences) < 2 or sentences[0].endswith("?") or not sentences[-1].endswith("?"):
        return first
    question = phrase_finder(turn.knowledge.catalog.replace_names(sentences[-1], "they"))
    if any(question(w) for w in _topic_words(first, turn.topics)) or _POINTS_AT_STATEMENT.search(sentences[-1]):
        return first  # "... declining in some industries. Does that affect them?": the question is about the statement
    asked = _asked_in_a_question(turn)
    return asked[0] if asked else first


def _hinted_topic(turn: Turn) -> Optional[str]:
    """The best-ranked topic among the classifier's best few (at least ``hinted_topic``) whose words the message has."""
    has = turn.has_read_as_they
    for name, score in turn.parse.ranking[: turn.limits.top_ranks]:
        if score < turn.limits.hinted_topic:
            break
        topic = topic_of_intent(name)
        entry = turn.topics.entry(topic) if topic else None
        if entry and any(has(w) for w in (*entry.phrases, *entry.words)):
            return topic
    return None


def _has_job_change(turn: Turn) -> bool:
    """True if the career asked about has the projected change in the number of jobs ("89,300 more jobs")."""
    careers = turn.careers_asked()
    career = turn.knowledge.careers.get(careers[0]) if careers else None
    return bool(career and career.outlook and career.outlook.change)


# "what does a production manager at a factory make?": asked of people, "make" at the end is their pay.
_WHAT_DO_THEY_MAKE = re.compile(
    r"^\s*(?:so |and |ok |okay |but )?(?:what|wat|wht) (?:do|does|did|would|will) .{1,60}? make"
    r"(?: (?:a|per|in a|each) (?:year|yr|hour|hr|month)| now| these days| nowadays| today| tho| though| lol"
    r"| on average| usually| normally)?\s*[?.!]*\s*$", re.IGNORECASE)


# "what a machinist makes and how they get trained": "makes" closing the first of two questions is the pay.
_WHAT_THEY_MAKE_AND = re.compile(r"\bwhat (?:a |an |the |do |does |did )?(?:\w+ ){1,4}?makes? (?:and|&|\+) "
                                 r"(?:how|what|where|do|does|is|are|if|whether|the|their)\b", re.IGNORECASE)


# "where do civil engineers work and what do they make": "make" closing the last of two questions is the pay too.
_AND_WHAT_THEY_MAKE = re.compile(r"\b(?:and|&|\+) (?:what|how much) (?:do|does|would|will|can) (?:they|you|u|\w+s) "
                                 r"(?:usually |normally |really |actually )?make\s*[?.!]*\s*$", re.IGNORECASE)


def _phrase_only_topic(turn: Turn, topic: str) -> str:
    """``topic``, or a topic without an intent whose phrases the message has (see PHRASE_TOPICS)."""
    if topic in {"products", "summary", "duties"} and (
            (_WHAT_DO_THEY_MAKE.search(turn.text) and " and " not in turn.text.lower())
            or _WHAT_THEY_MAKE_AND.search(turn.text) or _AND_WHAT_THEY_MAKE.search(turn.text)):
        return "pay"
    if topic == "pay_factors" and turn.parse.confidence < turn.limits.phrase_over \
            and not any(turn.has_read_as_they(w) for w in _topic_words("pay_factors", turn.topics)):
        return "pay"  # an unsure "what affects pay" without a word of it: "money wise what does it pay"
    if topic == "openings" and (any(turn.has_read_as_they(c) for c in _GROWTH_CUES)
                                or _CHANGE_IN_NUMBER.search(turn.text.lower())) \
            and not _PER_YEAR.search(turn.text.lower()) and _has_job_change(turn):
        return "outlook"  # "how many new truck driving jobs by 2032": the growth (its answer has "N more jobs")
    for special, replaces in PHRASE_TOPICS.items():
        if topic not in replaces:
            continue
        entry = turn.topics.entry(special)
        has = turn.has_read_as_they
        if entry and any(has(p) for p in entry.phrases) and not any(has(w) for w in _DEGREE_WORDS):
            return special
    return topic


# "how much school do they need": "how much" asks about the noun after it, not the pay.
_HOW_MUCH_OF = re.compile(r"\bhow much(?= (?:school|schooling|training|education|college|experience|time|math|science|"
                          r"studying|homework|stress|travel|traveling|practice|sleep|free time|vacation)\b)")


def _second_topic(turn: Turn, first: str) -> Optional[str]:
    """"how much do they make and what degree do i need?": pay and education.

    The message has two clauses; one has the first topic's words, another a phrase of a second
    topic, or a word of a topic the classifier also ranks among its best few. A topic of the
    first one's family counts too ("outlook and openings?"); an answer given twice is said once.
    """
    # Career names read as "they", so "what do chefs do" has the words of "what do they do".
    catalog = turn.knowledge.catalog
    # Names with "and" first ("school and career counselors" is one name, not two clauses), then clauses.
    text = turn.text.lower()
    for name in (n for n in catalog.names_with_and if n in text):
        text = re.sub(rf"\b{re.escape(name)}\b", "they", text)
    clauses = [_NAME_FIELD.sub("they", _FILLERS.sub(" ", _as_they(catalog.replace_names(c, "they"))))
               for c in _CLAUSES.split(text) if c.split()]
    if len(clauses) < 2:
        return None
    clauses = [_HOW_MUCH_OF.sub(" ", clause) for clause in clauses]  # "how much school": not the pay
    ranked = [topic_of_intent(name) for name, _ in turn.parse.ranking[: turn.limits.second_topic_rank]]
    first_words = _topic_words(first, turn.topics)
    found: List[str] = []
    in_first_clause: List[str] = []  # topics met in a clause that has the first topic's words come last
    for clause in clauses:
        has = phrase_finder(clause)
        first_here = any(has(w) for w in first_words)
        for entry in turn.topics.topics:
            if entry.topic == first or entry.topic in found or entry.topic in in_first_clause:
                continue
            strong = any(has(p) for p in entry.phrases)
            hinted = entry.topic in ranked and any(has(w) for w in entry.words)
            # A clause that asks about them ("and what do they get paid?") needs no ranking for its topic word.
            strong = strong or (not first_here and _ASKS_ABOUT_THEM.search(f" {clause} ") is not None
                                and any(has(w) for w in entry.words if len(w) > 3))
            if strong or hinted:
                (in_first_clause if first_here else found).append(entry.topic)
    found = found + in_first_clause  # the two lists never share a topic
    family = next((f for f in turn.topics.families if first in f), ())
    others = [t for t in found if t not in family]  # another family first: "pay and degree", not "pay and factors"
    chosen = others or found
    return chosen[0] if chosen else None


# The last word of a job title ("assembly line worker", "insurance sales agents"): with words before it that
# say which job, it names a career even when the occupations vocabulary lacks the title.
_TITLE_HEADS = ("agent", "agents", "worker", "workers", "manager", "managers", "supervisor", "supervisors", "clerk",
                "clerks", "technician", "technicians", "operator", "operators", "assistant", "assistants", "attendant",
                "attendants", "installer", "installers", "repairer", "repairers", "mechanic", "mechanics",
                "driver", "drivers",
                "appraiser", "appraisers", "inspector", "inspectors", "engineer", "engineers", "teacher", "teachers",
                "specialist", "specialists", "analyst", "analysts", "officer", "officers", "designer", "designers",
                "coordinator", "coordinators", "director", "directors", "representative", "representatives")
# Words that never say which job: "a worker", "how much do good managers make", "my manager".
_NOT_A_MODIFIER = frozenset("""a an the my your his her their our its this that these those some any all most every
each other another of for to in on at by with from as and or but not no do does did is are was were be being been
become becoming how what which who whom whose why when where much many make makes made earn earns get gets paid pay
salary salaries job jobs career careers work works good great best top bad new real average typical kind type sort
like just really very so im i u you they them we me us it if can could would should will wanna want entry level
senior junior head chief assistant general regular normal full part time said says told tells heard hear think
thinks know knows met meet saw see seen about abt bout than vs versus into""".split())
_TITLE_WORD = re.compile(r"^[a-z]{3,}$")


def _unnamed_title(text: str) -> Optional[str]:
    """A job title the vocabulary lacks, read from its shape: one or two describing words and a job word.

    "assembly line worker salary?" -> "assembly line worker"; "how much do managers make" -> None.
    """
    words = catalog_normalise(text).split()
    for position, word in enumerate(words):
        if word not in _TITLE_HEADS or position == 0:
            continue
        start = position
        while start > 0 and position - start < 2 and _TITLE_WORD.match(words[start - 1]) \
                and words[start - 1] not in _NOT_A_MODIFIER:
            start -= 1
        if start < position:
            return " ".join(words[start:position + 1])
    return None


def which_career_rule(turn: Turn) -> Optional[Decision]:
    """A career question before any career is named ("how much do they make?" as the first message).

    A title the occupations vocabulary lacks ("what do insurance sales agents earn") is a career the bot
    has no file for: it says so rather than asking which career.
    """
    if turn.careers_asked():
        return None
    topics = _question_topics(turn)
    if not topics and turn.intent == "tell_more" and turn.state.last_topic:
        topics = (more_topic(turn.state.last_topic) or turn.state.last_topic,)
    if not topics:
        return None
    title = _unnamed_title(turn.text)
    if title is not None:
        return Decision("unknown_career", UNKNOWN_CAREER, others=(title,), topics=topics)
    if topics[0] == "pay" and _ALL_JOBS.search(turn.text):
        # "whats the median pay for all jobs in the US": the one figure about every job, then which career
        return Decision("which_career", WHICH_CAREER, topics=topics, details={"all_jobs": "pay"})
    return Decision("which_career", WHICH_CAREER, topics=topics)


# Every job together: "the median pay for all jobs", "what does the average worker make", "everyone together".
_ALL_JOBS = re.compile(r"\b(?:all (?:jobs|occupations|careers|workers|the jobs)|every (?:job|occupation|worker)|"
                       r"(?:the )?average (?:worker|job|american|person)|everyone together|all together|"
                       r"whole (?:country|us|u s)|workers overall|everybody together)\b", re.IGNORECASE)


EXPLAINED_TOPICS = frozenset({"pay", "pay_factors", "outlook", "openings"})  # figures "is that a lot?" can follow


def explain_rule(turn: Turn) -> Optional[Decision]:
    """Right after a figure, "is that a lot?", "what does that mean?" or "why?" gets the figure explained.

    So does a figure of the career quoted back, also as the first message on its page ("it says -3%. does that
    mean nobody is gonna hire inspectors?", "is 4 percent slow?", "54,320 sounds decent but is it good?").
    """
    topic, career = turn.state.last_topic, turn.state.career
    if not career and len(turn.careers_asked()) == 1:
        career = turn.careers_asked()[0]
    if not career or career not in turn.knowledge.careers:
        return None
    quoted = _figure_quoted(turn, career) if topic not in EXPLAINED_TOPICS else None  # the figure just given first
    if quoted and quoted == topic_of_intent(turn.intent) and turn.parse.confidence >= turn.limits.phrase_over \
            and explain_asked(turn.text) != "why":  # "241,200 openings but only 89,300 new jobs, how does that add up"
        quoted = None  # "production managers only grow 2 percent?? is that bad": the outlook answer says it
    topic = quoted or topic
    if topic not in EXPLAINED_TOPICS:
        return None
    if turn.mentions.others or turn.mentions.careers not in {(), (career,)}:
        return None  # another career: a question about it ("why so many nurse openings" right after nurses is not)
    asked = explain_asked(turn.text)
    if asked is None and re.search(r"\bmeans?\b", turn.text.lower()) \
            and (quoted or _figure_quoted(turn, career) == topic):  # (also "wait -3 means what" after the outlook)
        asked = "meaning"  # "it says -3%. does that mean nobody is gonna hire them?"
    if asked is None or (quoted == "pay" and asked != "judge"):
        return None  # "is 99,890 a year or a month": the pay answer says whose figure it is and per what
    if _after_what_about(turn.text) and group_rule(turn) is not None:
        return None  # "thats kinda low. what about just hairstylists": the pay of one job of the group
    # "ok is that above the median for all jobs", "why that many openings if the field is only growing 6%"
    points_back = _POINTS_BACK.match(turn.text.lower()) is not None or asked == "why" or quoted is not None \
        or _figure_quoted(turn, career) == topic  # "about as fast as average... so is that good or bad?"
    if turn.word_count() > turn.limits.follow_up_max_words + (turn.limits.points_back_words if points_back else 4):
        return None
    other = topic_of_intent(turn.intent)
    entry = turn.topics.entry(other) if other else None
    said = any(turn.has_read_as_they(w) for w in (*entry.phrases, *entry.words)) if entry else False
    if other and (_POINTS_BACK.match(turn.text.lower()) or quoted) and not said:
        other = None  # "is that good or bad next to other jobs": the figure just given, whatever the guess
    if other and other != topic and turn.parse.confidence >= turn.limits.phrase_over:
        if asked != "why" or other not in EXPLAINED_TOPICS:
            return None  # "and how many openings?" asks another topic
        topic = other  # "if it's declining why are there still openings": why there are openings
    return Decision("explain", EXPLAIN, topics=(topic,), careers=(career,), details={"asked": asked})


# A growth figure quoted back: "-3%", "minus one percent", "4 percent".
_QUOTED_PERCENT = re.compile(r"(?<![\w.])(minus |negative |-|\+|plus )?"
                             r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s?(?:%|percent\b|per cent\b)")
# A growth quoted as a bare negative number: "wait -3 means what exactly" (never a positive one: "3 classes").
_QUOTED_NEGATIVE = re.compile(r"(?<![\w.])(minus |negative |-)(\d{1,2})\b(?![.,]\d)")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10}


# The words the BLS gives a growth figure: "about as fast as average", "much faster than the average".
_OUTLOOK_WORDS = re.compile(r"\b(?:(?:much |a little )?(?:faster|slower) than (?:the )?average|about as fast as "
                            r"(?:the )?average|little or no change)\b")


def _figure_quoted(turn: Turn, career_id: str) -> Optional[str]:
    """The topic of a figure of the career the message quotes back: its growth ("outlook") or a yearly wage ("pay")."""
    career = turn.knowledge.careers[career_id]
    text = turn.text.lower()
    growth = career.outlook.growth if career.outlook else None
    if growth is not None:
        for match in (*_QUOTED_PERCENT.finditer(text), *_QUOTED_NEGATIVE.finditer(text)):
            number = match.group(2)
            value = float(_NUMBER_WORDS.get(number, 0) or number)
            if match.group(1) and match.group(1).strip() in {"minus", "negative", "-"}:
                value = -value
            if value == growth.percent or (not match.group(1) and value == abs(growth.percent)):
                return "outlook"
        said = _OUTLOOK_WORDS.search(text)
        if said and said.group(0).replace("the ", "") in growth.words.lower().replace("the ", ""):
            return "outlook"  # "about as fast as average... so is that good or bad?": its growth words quoted back
    figures = [m for m in _QUOTED_FIGURE.finditer(text) if "," in m.group(1) or m.group(2)]  # not "3 tests", "2023"
    if len(figures) != 1:
        return None  # "why does it say 130,160 and also 132,270": which figure is whose (quoted_figure_rule)
    return "pay" if _is_a_wage_of(career, figures[0]) else None


# A follow-up that points back at the figure may be longer: "is that what i'd make right out of college?"
_POINTS_BACK = re.compile(r"\s*(?:(?:so|ok|okay|k|kk|and|but|wait|hmm|hold up|hold on|bruh|yo|um|uh|lol|wow|dang"
                          r"|damn|oh|ohh) )*(?:is that|is it|is this|would that|will that|"
                          r"does that|thats|that is|how much is that|how much is it|how much would that be|"
                          r"how much would it be|whats that|what is that)\b")


_MEDIAN_ASKED = re.compile(r"\b(?:whats|what is|what s|then|just|give me|tell me)\b.*"
                           r"\b(?:median|average|typical|normal)(?: pay| salary| wage)?\b")


def pay_follow_up_rule(turn: Turn) -> Optional[Decision]:
    """Right after the pay, a short "and in ohio?" or "per hour?" asks for pay of that place or period."""
    longest = turn.limits.follow_up_max_words + (4 if _POINTS_BACK.match(turn.text.lower()) else 0)
    after_pay = turn.state.last_topic in {"pay", "pay_factors"}
    # "wait how much is that per hour" as the first message on a career's page: that career's pay, per hour
    first_on_a_page = turn.state.last_topic is None and bool(turn.careers_asked()) and _word_topic(turn) == "pay"
    if not (after_pay or first_on_a_page) or turn.word_count() > longest:
        return None
    query = _pay_query(turn)
    if not (query.period or query.level or query.place or query.kind):
        # "ok then whats the median" after "no starting pay for lawyers": the median itself
        if after_pay and _MEDIAN_ASKED.search(turn.text.lower()):
            return Decision("pay_follow_up", ANSWER, topics=("pay",), careers=turn.careers_asked()[:1], pay=query)
        return None
    if not (query.level or query.place or query.kind) and _word_topic(turn) not in {None, "pay", "pay_factors"}:
        return None  # "how many openings each year?": another topic, whose words name a period
    careers = turn.careers_asked()
    return Decision("pay_follow_up", ANSWER, topics=("pay",), careers=careers[:1], pay=query)


def back_reference_rule(turn: Turn) -> Optional[Decision]:
    """Right after an answer, "when is that number from?" gets that answer again (it has the date and source)."""
    if turn.intent not in {"nlu_fallback", "out_of_scope", "tell_more"} or not turn.careers_asked():
        return None
    pointing = second_look.back_reference(turn.text, turn.state.last_topic, turn.topics)
    if pointing and pointing.value in TOPICS:
        return Decision("back_reference", ANSWER, topics=(pointing.value,), careers=turn.careers_asked()[:1])
    return None


def _skill_named(turn: Turn, career_id: str) -> Optional[str]:
    career = turn.knowledge.careers.get(career_id)
    if career is None or career.skills is None:
        return None
    has = phrase_finder(turn.text)
    found = [s.id for s in career.skills.items if any(has(a) for a in [s.name, *s.aliases])]
    return found[0] if len(found) == 1 else None


def listed_skill_rule(turn: Turn) -> Optional[Decision]:
    """Right after the list of skills, "which one is about deadlines?" is about that skill."""
    careers = turn.careers_asked()
    if turn.state.last_topic != "skills" or not careers:
        return None
    skill = _skill_named(turn, careers[0])
    return Decision("listed_skill", ANSWER, topics=("skills",), careers=careers[:1], skill=skill) if skill else None


def group_rule(turn: Turn) -> Optional[Decision]:
    """"and brokers?", "what about hairdressers specifically" after an answer about a file of several jobs.

    A short follow-up naming one of the jobs the career's file gives its own pay for (real estate brokers and
    sales agents) gets the last topic again for that career: its answer names each job's figure.
    """
    career = turn.knowledge.careers.get(turn.state.career or "")
    if career is None or not career.pay or not career.pay.groups or not turn.state.last_topic:
        return None
    asked = _after_what_about(turn.text) or turn.text  # "thats kinda low. what about just hairstylists"
    if set(turn.mentions.careers) - {career.id} or turn.mentions.others or len(asked.split()) > 6:
        return None
    if turn.has_topic_words() and turn.state.last_topic not in {"pay", "pay_factors"}:
        return None
    # each job's own title words, without a qualifier ("electronics engineers, except computer")
    titles = [set(re.findall(r"[a-z]+", re.sub(r",? except .*", "", group.who.lower()))) for group in career.pay.groups]
    shared = set.intersection(*titles) if titles else set()
    own = {w for words in titles for w in words - shared if len(w) > 3}
    said = set(re.findall(r"[a-z]+", turn.text.lower()))
    if not said & (own | {w.rstrip("s") for w in own}):
        return None
    topic = turn.state.last_topic if turn.state.last_topic in {"pay", "outlook", "openings", "jobs"} else "pay"
    return Decision("group", ANSWER, topics=(topic,), careers=(career.id,))


_WHAT_ABOUT = re.compile(r"\b(?:what|wat|how) (?:about|abt)\b", re.IGNORECASE)


def _after_what_about(text: str) -> str:
    """The words from the last "what about" on ("what about just hairstylists"), or "" without one."""
    cues = list(_WHAT_ABOUT.finditer(text))
    return text[cues[-1].start():].strip() if cues else ""


# A clause ends at a question mark, full stop, comma or dash: "what about paramedics? she almost picked that".
_CLAUSE_END = re.compile(r"[?!.;,]+(?:\s+|$)|\s+[-\u2013\u2014]+\s+")
# "now do construction managers, same question": the last question again, however long the rest.
_SAME_AGAIN = ("same question", "same thing", "same q", "same for", "same deal", "same info")


def _topic_word_found(has: Callable[[str], bool], topics: TopicVocabulary) -> bool:
    """Whether a phrase finder finds any topic word or phrase of the vocabulary."""
    return any(has(w) for entry in topics.topics for w in (*entry.phrases, *entry.words))


def _has_topic_words(turn: Turn, text: str) -> bool:
    """Whether ``text`` (a part of the message) has a topic word, its job titles read as "they"."""
    return _topic_word_found(phrase_finder(turn.knowledge.catalog.replace_names(text, "they")), turn.topics)


def _switch_clause(turn: Turn, limit: int) -> bool:
    """A short "what about X" clause leading a longer message whose rest is a story, not a question of its own.

    "hmm and paramedics? she almost picked that instead lol", "now do construction managers, same question,
    since my dad's a contractor": the clause names the one career and asks nothing itself; the rest asks no
    topic, or says "same question".
    """
    parts = [p for p in _CLAUSE_END.split(turn.text) if p.strip()]
    if len(parts) < 2:
        return False
    lead, rest = parts[0], " ".join(parts[1:])
    if turn.knowledge.catalog.find(lead).careers != turn.mentions.careers:
        return False
    if len(re.findall(r"\w+", lead)) > limit or _has_topic_words(turn, lead):
        return False
    in_lead, in_rest = phrase_finder(lead), phrase_finder(rest)
    if not any(in_lead(c) for c in _SWITCH_CUES):
        return False
    if any(in_rest(c) for c in _SAME_AGAIN):
        return True
    asks = "?" in rest or any(_QUESTION_START.match(part.strip()) for part in parts[1:])
    return not (asks and _has_topic_words(turn, rest))  # a story around it ("mine got me into ap classes")


def switch_rule(turn: Turn) -> Optional[Decision]:
    """"what about civil engineers?" after an answer: the same topic for the career just named."""
    if len(turn.mentions.careers) != 1 or not turn.state.last_topic or turn.state.pending_topics:
        return None
    if turn.mentions.careers[0] == turn.state.career:
        return None  # the same career again: a question of its own
    limit = turn.limits.switch_max_words + len(turn.knowledge.careers[turn.mentions.careers[0]].career.plural.split())
    if turn.word_count() > limit or turn.has_topic_words():
        if _switch_clause(turn, limit):
            return Decision("switch", ANSWER, topics=(turn.state.last_topic,), careers=turn.mentions.careers)
        return None
    has = phrase_finder(turn.text)
    cue = any(has(c) for c in _SWITCH_CUES)
    if not cue and topic_of_intent(turn.intent) and turn.parse.confidence >= turn.limits.switch_overruled:
        return None  # "tell me about chefs" is a question of its own
    return Decision("switch", ANSWER, topics=(turn.state.last_topic,), careers=turn.mentions.careers)


def pending_rule(turn: Turn) -> Optional[Decision]:
    """After "Which career do you mean?", the career named ("nurses", "about nurses") gets the question asked.

    A word of one listed title picks it too ("civil ones" after "which engineers?", "the construction one").
    """
    if turn.state.pending_topics and not turn.mentions.any and turn.word_count() <= turn.limits.pick_max_words:
        picked = turn.knowledge.catalog.picked(turn.text)
        if picked is not None:
            return Decision("pending", ANSWER, topics=turn.state.pending_topics, careers=(picked,),
                            pay=_pay_query(turn))
    if not turn.state.pending_topics or len(turn.mentions.careers) != 1:
        return None
    if topic_of_intent(turn.intent) and (turn.parse.confidence >= turn.limits.pending_overruled
                                         or turn.has_topic_words()):
        return None  # a question of its own ("what do nurses do"), not just the career asked for
    return Decision("pending", ANSWER, topics=turn.state.pending_topics, careers=turn.mentions.careers,
                    pay=_pay_query(turn))


def topic_rule(turn: Turn) -> Optional[Decision]:
    """A question about a topic ("how much do nurses make?", "what degree do they need"), for its career(s)."""
    topics = _question_topics(turn)
    careers = turn.careers_asked()
    if not topics or not careers:
        return None
    skill = _skill_named(turn, careers[0]) if {"skills", "summary", "duties"} & set(topics) or \
        any(t.startswith("duty_") for t in topics) else None
    then = _plan_after(turn, careers[0]) if topics[-1] in PLAN_AFTER else None
    return Decision("topic", ANSWER, topics=topics, careers=careers[:1], pay=_pay_query(turn), skill=skill, then=then)


def tell_more_rule(turn: Turn) -> Optional[Decision]:
    """"tell me more": the topic that follows the last one (pay -> what pay depends on)."""
    if turn.intent != "tell_more":
        return None
    looked = _second_look(turn)
    if looked:
        return looked
    following = more_topic(turn.state.last_topic)
    careers = turn.careers_asked()
    if following is None or not careers:
        return Decision("tell_more", NO_MORE)
    return Decision("tell_more", ANSWER, topics=(following,), careers=careers[:1])


def _asks_a_file_detail(turn: Turn) -> bool:
    """True for a yes/no question about a detail the file may state ("r most realtors their own boss")."""
    return is_yes_no(turn.text) and bool(search.concepts_in(turn.text, search.concepts()))


# "compare paramedics and firefighters", "nurse vs midwife": side by side (pay, outlook, education); but "what's the
# difference between a cook and a head cook", "is an electrical engineer the same as an electrician": what it is.
_SIDE_BY_SIDE = re.compile(r"\b(?:compare|comparison|vs|versus|stack up|stacks up|better)\b")
_WHAT_IT_IS = re.compile(r"\b(?:difference|diff|differ|same as|same thing|what does|what do|mixed up)\b")


def career_named_rule(turn: Turn) -> Optional[Decision]:
    """A message that names one career and asks nothing else ("tell me about chefs", "nurses").

    It gets the topics asked before any career was named, else what the career is.
    """
    if len(turn.mentions.careers) != 1:
        return None
    unsure = turn.intent in {"out_of_scope", "nlu_fallback"}
    if unsure and not turn.state.pending_topics and (turn.word_count() > 6 or turn.has_topic_words()
                                                     or _asks_a_file_detail(turn)):
        return None  # the second look reads its words first; a detail of search-words.yml is looked up
    asked = _topic_in_words(turn) if turn.intent == "compare_careers" or turn.mentions.others else None
    # "truck driver vs electrician which makes more": the topic asked, for the one career the bot has;
    # "compare paramedics and firefighters": what a comparison gives (pay, outlook, education), for that one
    overview = OVERVIEW if turn.intent == "compare_careers" and turn.mentions.others \
        and _SIDE_BY_SIDE.search(turn.text.lower()) and not _WHAT_IT_IS.search(turn.text.lower()) else ("summary",)
    topics = turn.state.pending_topics or ((asked,) if asked else overview)
    return Decision("career_named", ANSWER, topics=topics, careers=turn.mentions.careers, pay=_pay_query(turn))


def _second_look(turn: Turn) -> Optional[Decision]:
    careers = turn.careers_asked()
    other = turn.mentions.others[0] if turn.mentions.others and not turn.mentions.careers else None
    text = turn.knowledge.catalog.replace_names(turn.text, "they")  # "what do chefs do": "what do they do"
    head = turn.knowledge.catalog.shared_head(turn.text)
    if head and not careers:  # "what do analysts earn": several careers' analysts, which one?
        text = re.sub(rf"\b(?:an? |the )?{re.escape(head)}\b", "they", text, flags=re.IGNORECASE)
        text = re.sub(r"\b(does|do) they\b", "do they", text, flags=re.IGNORECASE)  # "what does an agent do"
    looked = second_look.decide(
        text=text,
        intent=turn.intent,
        ranking=turn.parse.ranking,
        names_our_career=bool(turn.mentions.careers),
        other_occupation=other,
        vocabulary=turn.topics,
        known_topics=list(TOPICS),
        thresholds=second_look.Limits(turn.limits.top_ranks, turn.limits.near_threshold, turn.limits.family,
                                      turn.limits.phrase_over),
        career_in_context=bool(careers),
    )
    if looked is None:
        return None
    if looked.kind == "other_career":
        return Decision("second_look", UNKNOWN_CAREER, others=(looked.value,), clusters=turn.mentions.other_clusters)
    if not careers:
        title = _unnamed_title(turn.text)  # "solar panel installer pay?": a job the vocabulary lacks, not "which?"
        if title is not None:
            return Decision("second_look", UNKNOWN_CAREER, others=(title,), topics=(looked.value,))
        return Decision("second_look", WHICH_CAREER, topics=(looked.value,))
    if looked.value == "summary" and not turn.has_topic_words() and _asks_a_file_detail(turn):
        return Decision("second_look", NOT_KNOWN, careers=careers[:1])  # "r most realtors their own boss": look it up
    second = _second_topic(turn, looked.value)  # "how many are there and what do they earn"
    topics = (looked.value, second) if second else (looked.value,)
    return Decision("second_look", ANSWER, topics=topics, careers=careers[:1], pay=_pay_query(turn),
                    skill=_skill_named(turn, careers[0]))


def topic_word_rule(turn: Turn) -> Optional[Decision]:
    """While a career is talked about, a topic word on its own ("school?", "money??") asks that topic."""
    career = turn.state.career
    if turn.intent not in {"nlu_fallback", "out_of_scope", "inform"} or turn.mentions.careers or turn.mentions.others:
        return None
    if not career or career not in turn.knowledge.careers or turn.word_count() > turn.limits.topic_word_max_words:
        return None
    topic = _word_topic(turn)
    return Decision("topic_word", ANSWER, topics=(topic,), careers=(career,)) if topic else None


def second_look_rule(turn: Turn) -> Optional[Decision]:
    """Unsure or off-topic messages get a second look at their words and the classifier's ranking."""
    if turn.intent not in {"nlu_fallback", "out_of_scope"}:
        return None
    return _second_look(turn)


# Words that point at a job the message doesn't name ("do they ...", "do you need ... for this job").
_JOB_REFERENCES = ("they", "them", "their", "this job", "that job", "this career", "the job", "this field", "you need",
                   "do you have to", "do u need")
_REFERS = re.compile(r"\b(?:" + "|".join(_JOB_REFERENCES + ("it", "that career", "that field", "do you get")) + r")\b")


def _refers_to_a_career(turn: Turn) -> bool:
    """The message is about some job it doesn't name.

    "do they work weekends", "do you need a license for it", or only a word several known careers' titles end
    in ("are technicians on call at night").
    """
    named_one = turn.knowledge.catalog.shared_head(turn.text) is not None
    return _REFERS.search(turn.text.lower()) is not None or named_one


# Words of earnings: a message with them asks the pay, also when it names a cost ("is it worth the tuition").
_EARNINGS = re.compile(r"\b(?:make|makes|earn|earns|paid|salary|salaries|wage|wages|income)\b", re.IGNORECASE)


def _cost_asked(turn: Turn) -> bool:
    """What school or a program costs ("price of beauty school", "how much does the school cost"): no file says.

    "lawyer salary, is it worth the tuition" names earnings: it still asks the pay.
    """
    return turn.pay.cost(turn.text) and not _EARNINGS.search(turn.text)


def unknown_detail_rule(turn: Turn) -> Optional[Decision]:
    """A detail no career file has ("do they get health insurance?"): I don't know, never a guess.

    Also when the classifier was unsure or called it off-topic but ranked an unknown detail first
    ("do chefs get benefits"): better "I don't know" than what the job is. A message that also
    asks a topic in another clause ("how much do barbers make and do they need a license") gets
    that topic's answer; the answer looks the detail up in the file.
    """
    unsure = turn.intent in {"nlu_fallback", "out_of_scope", "browse_careers"}
    ranked_first = next((name for name, _ in turn.parse.ranking if name != "nlu_fallback"), "")
    if turn.intent != "ask_unknown_detail" and not (unsure and ranked_first == "ask_unknown_detail"
                                                    and turn.parse.score(ranked_first) >= turn.limits.unknown_detail):
        return None
    careers = turn.careers_asked()
    if not careers and _refers_to_a_career(turn):
        # "do they have to work nights?", "do you need a license for it" as a first message: which career?
        covering = _hinted_topic(turn) or search.concepts().topic_of(turn.text) or "summary"
        return Decision("unknown_detail", WHICH_CAREER, topics=(covering,))
    if careers and _cost_asked(turn):
        return Decision("unknown_cost", NOT_KNOWN, careers=careers[:1])  # "how much does the school cost"
    # "how many years of work experience do paramedics need": its line says it, or not ("how much work
    # experience" is not a pay question)
    topic = "education" if careers and EXPERIENCE_ASKED.search(turn.text) else None
    topic = topic or (_second_topic(turn, "unknown_detail") if careers else None)
    another = _second_topic(turn, topic) if topic else None  # "do chefs need culinary school and whats their salary"
    if careers and not topic and turn.word_count() <= turn.limits.follow_up_max_words and _pay_query(turn).period:
        topic = "pay"  # "realtor per hour": a pay period and a career, nothing else
    if careers and not topic and turn.parse.confidence < turn.limits.phrase_over:
        topic = _hinted_topic(turn)  # "how many nurses are employed in total": unsure, and the words of a guess
    if careers and not topic:  # "what's the work like for QC inspectors", "total number of jobs for realtors"
        topic = _phrase_topic(turn, turn.limits.detail_phrase_words)  # a long topic phrase beats "a detail"
    if topic:
        topics = (topic, another) if another and another != topic else (topic,)
        return Decision("unknown_detail", ANSWER, topics=topics, careers=careers[:1], pay=_pay_query(turn))
    return Decision("unknown_detail", NOT_KNOWN, careers=careers[:1])


# Words that put a question on the job talked about ("are they allowed to ...", "can i open my own office doing this").
# Not "it" ("is it going to rain"), which alone says nothing about a job.
_ABOUT_THE_JOB = re.compile(r"\b(?:" + "|".join(_JOB_REFERENCES + ("theyre", "doing this", "do this", "on the job"))
                            + r")\b")
# A question: "how many years of experience do you need to be a broker", "do realtors ... ?".
_ASKS_SOMETHING = re.compile(r"^\s*(?:how|what|whats|when|where|which|who|why|do|does|did|is|are|can|could|will|would|"
                             r"should)\b|\?\s*$")


def file_lookup_rule(turn: Turn) -> Optional[Decision]:
    """An unsure message naming one of our careers, about something its file speaks of: its sentences.

    "are truck drivers away from home a lot?": the file's sentences about it, not "I didn't get that";
    a question about a detail its file doesn't speak of ("how many years of experience do brokers
    need"): "I don't know that", not "I didn't get that".
    """
    if turn.intent in {"nlu_fallback", "out_of_scope"} and not turn.mentions.any:
        # on a career's page, "what kinda license would i need to do this": a question its file speaks of;
        # called off-topic, only a question about the job ("are they allowed to run red lights"), never "I can't
        # help" in a career's chat
        talked_about = turn.knowledge.careers.get(turn.state.career or "")
        said = turn.text.lower()
        if talked_about is None or not _ASKS_SOMETHING.search(said):
            return None
        if turn.intent == "out_of_scope" and not (_ABOUT_THE_JOB.search(said) and
                                                  (is_yes_no(turn.text) or search.find(talked_about, turn.text))):
            return None
        if turn.intent == "out_of_scope" or search.find(talked_about, turn.text):
            return Decision("file_lookup", NOT_KNOWN, careers=(talked_about.id,))
        return None
    if turn.intent not in {"nlu_fallback", "out_of_scope"} or not turn.mentions.careers:
        return None
    career = turn.knowledge.careers.get(turn.mentions.careers[0])
    if career is None:
        return None
    # a question about the career ("is that true?", "how many years of experience ...") is answered "I don't know
    # that", not "I can't help with that"; anything else only when its file speaks of it
    asks = is_yes_no(turn.text) or (_ASKS_SOMETHING.search(turn.text.lower()) is not None
                                    and bool(search.concepts_in(turn.text, search.concepts())))
    if not asks and not search.find(career, turn.text):
        return None
    return Decision("file_lookup", NOT_KNOWN, careers=turn.mentions.careers[:1])


# "ive been thinking about being a chef": wanting to become the career the message names.
_WANTS_TO_BE = re.compile(r"\b(?:want|wanna|thinking (?:about|of)|considering|dream(?:ing)? (?:of|about)|"
                          r"plan(?:ning)? (?:to|on)|hoping to|hope to|would like to|id like to|interested in)"
                          r" (?:to )?(?:be|being|become|becoming|work as|working as)\b")


def named_unsure_rule(turn: Turn) -> Optional[Decision]:
    """An unsure message naming one of our careers that nothing above read: never "I didn't get that".

    "i love cooking and ive been thinking about being a chef": the way in (the plan where the file has
    one); otherwise what the career is, with the topic buttons.
    """
    if turn.intent != "nlu_fallback" or len(turn.mentions.careers) != 1:
        return None
    career = turn.knowledge.careers[turn.mentions.careers[0]]
    if _WANTS_TO_BE.search(turn.text.lower().replace("'", "").replace("\u2019", "")):
        return _way_in(turn, career, "named_unsure")
    return Decision("named_unsure", ANSWER, topics=("summary",), careers=(career.id,))


def fallback_rule(turn: Turn) -> Optional[Decision]:
    """Anything else: the off-topic reply, or "I didn't quite get that", with the topic buttons."""
    if turn.intent == "out_of_scope":
        return Decision("out_of_scope", OUT_OF_SCOPE)
    return Decision("fallback", FALLBACK)


RULES: Sequence[Tuple[str, Rule]] = (
    ("crisis", crisis_rule),
    ("counselor", counselor_rule),
    ("handoff", handoff_rule),
    ("boundary", boundary_rule),
    ("language", language_rule),
    ("restart", restart_rule),
    ("worry", worry_rule),
    ("plan", plan_rule),
    ("plan_change", plan_change_rule),
    ("stop", stop_rule),
    ("glossary", glossary_rule),
    ("explain", explain_rule),  # "why tho" right after a figure is a question, not an "ok"
    ("unknown_word", unknown_word_rule),  # a word the glossary doesn't have: said so, never "can't help"
    ("small_talk", small_talk_rule),
    ("group", group_rule),  # "and brokers?" after realtor pay: not a list of careers
    ("browse", browse_rule),
    ("quoted_figure", quoted_figure_rule),  # "is the 130k for the developers or the testers": the pay, whose is which
    ("ambiguous_title", ambiguous_title_rule),  # "engineer vs lawyer": which engineers?
    ("compare", compare_rule),
    ("compare_again", compare_again_rule),  # "which one pays better?" right after a comparison
    ("word_question", word_question_rule),  # one glossary word asked about, no career to be about
    ("unknown_career", unknown_career_rule),
    ("pending", pending_rule),
    ("want_career", want_career_rule),
    ("which_career", which_career_rule),
    ("pay_follow_up", pay_follow_up_rule),
    ("back_reference", back_reference_rule),
    ("listed_skill", listed_skill_rule),
    ("switch", switch_rule),
    ("topic", topic_rule),
    ("tell_more", tell_more_rule),
    ("unknown_detail", unknown_detail_rule),
    ("career_named", career_named_rule),
    ("topic_word", topic_word_rule),
    ("second_look", second_look_rule),
    ("file_lookup", file_lookup_rule),
    ("named_unsure", named_unsure_rule),  # a career named, nothing read: the way in or what it is
    ("fallback", fallback_rule),
)


def decide_turn(turn: Turn) -> Decision:
    """The first rule that applies (the fallback rule always does)."""
    for _, rule in RULES:
        decision = rule(turn)
        if decision is not None:
            return decision
    raise AssertionError("the fallback rule always decides")  # pragma: no cover


@dataclass
class Interpreter:
    """Reads turns with the current knowledge and vocabulary (the vocabulary files are re-read when they change)."""

    knowledge: Knowledge
    limits: Thresholds = field(default_factory=Thresholds)

    def decide(self, parse: Parse, state: State) -> Decision:
        """What the message means in this conversation."""
        if parse.page_career in self.knowledge.careers and not state.career:
            state = state.but(career=parse.page_career)
        mentions = self.knowledge.catalog.find(parse.text) if not parse.is_button else Mentions()
        mentions = _kind_of_current_career(mentions, state, self.knowledge)
        mentions = _people_not_jobs(parse.text, mentions)
        mentions = _not_the_dismissed(parse.text, mentions, self.knowledge)
        mentions = _careers_of_the_question(parse.text, mentions, self.knowledge.catalog)
        mentions = _unknown_career_of_the_question(parse.text, mentions, self.knowledge.catalog)
        parse = _without_unasked_counselor(parse, mentions, self.limits.counselor_unsure, state, self.knowledge)
        parse = _career_intent_near_threshold(parse, mentions, self.limits.near_threshold)
        parse = _unheard_worry(parse, mentions, self.limits.worry_intent)
        turn = Turn(parse, state, mentions, self.knowledge, topic_vocabulary(), pay_words(), limits=self.limits)
        decision = decide_turn(turn)
        if decision.kind in {ANSWER, NOT_KNOWN, COMPARE} and not parse.is_button:
            decision = replace(decision, question=parse.text)
            if mentions.others and mentions.careers and not decision.others and _TOGETHER.search(parse.text):
                # "nurse vs doctor pay?": nurses' answer, and that the bot has nothing on doctors
                decision = replace(decision, others=mentions.others)
        then = decision.then
        if then is not None and then.kind in {ANSWER, NOT_KNOWN, COMPARE} and not then.question \
                and not parse.is_button:
            if then.kind == NOT_KNOWN or is_yes_no(parse.text):
                # "im bad at math. do u have to be good at math to be a developer": checked like any yes/no
                # question; "i get test anxiety and i heard theres a huge test you have to pass": looked up
                decision = replace(decision, then=replace(then, question=parse.text))
            else:
                # "electrical engineering jobs are shrinking so i should pick something else": the worry is
                # heard, and the answer after it still corrects the premise
                decision = replace(decision, then=replace(then, claims=parse.text))
        return decision


# Two jobs asked about together: "nurse vs doctor", "a trucker or an airline pilot", "chefs and bakers".
_TOGETHER = re.compile(r"\b(?:vs|versus|compare|compared|than|difference|both|either|or|and)\b", re.IGNORECASE)

_CAREER_INTENTS = ("want_career", "compare_careers")  # intents about named careers that are not a topic


_QUESTION_START = re.compile(r"^\s*(?:so |ok |and |but )?(?:what|whats|how|do|does|is|are|can|could|which|who|where|"
                             r"why|when|should|would|will)\b", re.IGNORECASE)
_COMPARING = re.compile(r"\b(?:vs|versus|compare|compared|comparison|than|difference|both|either|which)\b",
                        re.IGNORECASE)


def _is_question(sentence: str) -> bool:
    """A sentence that asks: it ends in "?" or opens like a question ("what do realtors even do")."""
    return sentence.endswith("?") or _QUESTION_START.match(sentence) is not None


def _careers_of_the_question(text: str, mentions: Mentions, catalog: Catalog) -> Mentions:
    """"my brother wants to drive trucks and i wanna sell houses. what do realtors even do": realtors only.

    A statement and then a question: the careers the question names, when it names some and compares nothing.
    """
    if len(mentions.careers) < 2 or _COMPARING.search(text):
        return mentions
    sentences = _sentences(text)
    last = sentences[-1] if len(sentences) > 1 else ""
    if not last or not _is_question(last) or re.search(r"\bor\b", last):
        return mentions
    if any(_is_question(s) for s in sentences[:-1]):
        return mentions  # "pay for barbers? and also for realtors?": two questions, both asked
    asked = catalog.find(last).careers
    if not asked or not set(asked) < set(mentions.careers):
        return mentions
    return replace(mentions, careers=asked)


def _unknown_career_of_the_question(text: str, mentions: Mentions, catalog: Catalog) -> Mentions:
    """The job asked is one the bot has no file for; a known career is only the story's comparison.

    "nurse practitioner salary? i heard its way more than regular nurses": no known career's figure is given.
    """
    if not (mentions.others and mentions.careers):
        return mentions
    sentences = _sentences(text)
    questions = [s for s in sentences if _is_question(s)]
    if len(sentences) < 2 or not questions or len(questions) == len(sentences):
        return mentions
    asked = catalog.find(" ".join(questions))
    story = " ".join(s for s in sentences if s not in questions)
    if asked.others and not asked.careers and _THAN.search(story):
        return replace(mentions, careers=())  # not "procurement agent... is that like a spy": the job is the topic
    return mentions


_THAN = re.compile(r"\b(?:than|compared to|compared with)\b", re.IGNORECASE)


# "my teacher said ...", "the teacher talked about ...", "an office like my therapist has": a person the student
# knows, not a job asked about.
_PERSON_BEFORE = r"\b(?:my|our|the|his|her|their|your) (?:\w+ )?"
_PERSON_AFTER = (r"s? (?:said|says|told|tells|talked|talks|keeps|kept|asked|explained|mentioned|thinks|thought|wants|"
                 r"wanted|made|makes us|gave|gives|showed|shows|called|was like|is like|goes|went over|does|"
                 r"did|has|had|is|was)\b")


def _people_not_jobs(text: str, mentions: Mentions) -> Mentions:
    """Job titles named only as people ("whats a median? my teacher said it"): not jobs the bot lacks."""
    if not mentions.others:
        return mentions
    said = catalog_normalise(text)

    def named_as_a_job(other: str) -> bool:
        as_person = len(re.findall(_PERSON_BEFORE + re.escape(other) + _PERSON_AFTER, said))
        return as_person == 0 or len(re.findall(r"\b" + re.escape(other), said)) > as_person

    kept = tuple(other for other in mentions.others if named_as_a_job(other))
    if kept == mentions.others:
        return mentions
    return replace(mentions, others=kept, other_clusters=mentions.other_clusters if kept else ())


# "ok forget nursing, what do truck drivers make", "nvm the chefs. lawyers?": a career put aside, up to the comma.
_DISMISSED = re.compile(r"\b(?:forget(?: about)?|never ?mind(?: about)?|nvm|enough about|done with|"
                        r"scratch that|moving on from)\b([^,.;!?]*)(?:[,.;!?]|\s+(?=what|how|and|so|tell|lets)\b)",
                        re.IGNORECASE)


# A correction: "realtors not truckers, ..." (only a career's name between "not" and the end of the clause).
_NOT_THIS_ONE = re.compile(r"\bnot\s+([\w' ]{2,40}?)\s*(?=[,.;!?]|$)", re.IGNORECASE)


def _not_the_dismissed(text: str, mentions: Mentions, knowledge: Knowledge) -> Mentions:
    """A career the student puts aside ("forget nursing, what do truck drivers make", "realtors not truckers").

    Only when another career is named too: "forget nursing" alone still names nursing.
    """
    if len(mentions.careers) < 2:
        return mentions
    put_aside = {c for match in _DISMISSED.finditer(text) for c in knowledge.catalog.find(match.group(1)).careers}
    for match in _NOT_THIS_ONE.finditer(text):  # "i meant realtors not truckers, what do they earn"
        if not re.sub(r"\b(?:the|a|an)\b", "", knowledge.catalog.replace_names(match.group(1), " ")).strip():
            put_aside |= set(knowledge.catalog.find(match.group(1)).careers)
    kept = tuple(c for c in mentions.careers if c not in put_aside)
    return replace(mentions, careers=kept) if kept and kept != mentions.careers else mentions


def _kind_of_current_career(mentions: Mentions, state: State, knowledge: Knowledge) -> Mentions:
    """"that kind of scientist" about environmental scientists: the conversation's career.

    The job named is made of words of that career's names, so it is not a job the bot doesn't have.
    """
    career = knowledge.careers.get(state.career or "")
    if career is None or mentions.careers or not mentions.others:
        return mentions
    words = {w for name in career.names() for w in re.findall(r"[a-z]+", name.lower())}
    if all(set(re.findall(r"[a-z]+", other.lower())) <= words for other in mentions.others):
        return Mentions(careers=(career.id,))
    return mentions


def _career_intent_near_threshold(parse: Parse, mentions: Mentions, near: float) -> Parse:
    """An unsure message naming a career takes "i want to be one" or "compare them" guessed at ``near`` or more.

    "my son wants to be a barber" at 0.49, as topic questions do in the second look.
    """
    if parse.intent != "nlu_fallback" or not mentions.careers:
        return parse
    best = next(((name, score) for name, score in parse.ranking if name != "nlu_fallback"), None)
    if best is None or best[0] not in _CAREER_INTENTS or best[1] < near:
        return parse
    return replace(parse, intent=best[0], confidence=best[1])


def _unheard_worry(parse: Parse, mentions: Mentions, unsure: float) -> Parse:
    """The classifier's unsure "a worry" for a story around a career question, with no word of worry: unsure.

    "i do my friends braids all the time. wat do hair stylists get paid" at share_worry 0.57 is read like any
    unsure message naming a career (its words and the classifier's other guesses), not as a worry nor a summary.
    """
    if (parse.intent != "share_worry" or parse.confidence >= unsure or not mentions.careers
            or worry_in(parse.text) is not None):
        return parse
    rest = tuple((name, score) for name, score in parse.ranking if name not in {"share_worry", "crisis"})
    return replace(parse, intent="nlu_fallback", confidence=rest[0][1] if rest else 0.0, ranking=rest)


def _without_unasked_counselor(parse: Parse, mentions: Mentions, unsure: float, state: State,
                               knowledge: Knowledge) -> Parse:
    """The classifier's unsure "a request for a counselor" for a question about a named career: its next guess.

    Only when the words ask for no person ("what does a masters for school counseling cost"). On the page of a
    career whose name has the word ("how many counselors r there total" about school counselors), however sure.
    """
    if parse.intent != "ask_counselor" or asks_for_counselor(parse.text):
        return parse
    unsure_about_a_career = bool(mentions.careers) and parse.confidence < unsure
    if not unsure_about_a_career and not _the_career_by_its_word(parse.text, state, knowledge):
        return parse
    rest = tuple((name, score) for name, score in parse.ranking if name != "ask_counselor")
    return replace(parse, intent=rest[0][0], confidence=rest[0][1], ranking=rest) if rest else parse


def _the_career_by_its_word(text: str, state: State, knowledge: Knowledge) -> bool:
    """The message says "counselor(s)" while the conversation is about a career whose name has that word."""
    career = knowledge.careers.get(state.career or "")
    if career is None:
        return False
    said = set(re.findall(r"[a-z]+", text.lower()))
    return any(w.rstrip("s") in {s.rstrip("s") for s in said} for name in career.names()
               for w in re.findall(r"[a-z]+", name.lower()) if len(w) >= 6 and w.startswith("counsel"))


def decide(parse: Parse, state: State, knowledge: Knowledge) -> Decision:
    """What one message means, given the conversation so far: the interpreter's one entry point."""
    return Interpreter(knowledge).decide(parse, state)


__all__ = ["Knowledge", "RULES", "THRESHOLDS", "Thresholds", "decide", "decode_answers", "PathwayState"]
