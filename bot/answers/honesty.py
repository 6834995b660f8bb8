"""Never a false "yes": a yes/no question whose own words the answer does not contain says so first.

"do they program robots?" may get the duties that mention equipment, but the
file does not say they program robots: the reply starts by saying the bot's
information doesn't mention that, then gives what it does say. Plain functions.
"""

from __future__ import annotations

import re
from typing import FrozenSet, Iterable, List, Optional

from bot.answers import facts
from bot.answers.search import stem
from bot.interpret.words import EXPERIENCE_ASKED
from bot.knowledge.models import Career

# Questions a student can answer with yes or no.
_YES_NO = re.compile(r"^\s*(?:(?:so|but|and|ok|okay|wait|hey|um|like|yo|oh|also|alright|hmm)[ ,]+){0,3}"
                     r"(?:do|does|did|can|could|will|would|is|are|was|were|should|have|has|must|may|might|dont|"
                     r"doesnt|isnt|arent|r)\b", re.IGNORECASE)
# Topics whose answers describe the job in words; a pay or outlook answer is checked too, but the words that
# ask for the figure itself ("paid", "money", "growing") are not counted (PAY_AND_OUTLOOK_WORDS).
DESCRIPTIVE = frozenset({"summary", "duties", "products", "duty_workers", "duty_safety", "duty_machines",
                         "duty_reports", "duty_schedule", "work_environment", "skills", "automation", "pay",
                         "pay_factors", "outlook", "openings", "education", "how_to_become", "without_degree",
                         "major", "graduate_degree", "courses", "advancement", "career_cluster"})
# Words of the question that say nothing about what is asked.
_GENERIC = frozenset("""
do does did can could will would is are was were should have has must may might dont doesnt isnt arent they them
their theyre you your i me my we our it its this that these those a an the of to in on at for with from by about
as or and but so if then than also too very really actually ever usually always often sometimes much many lot lots
any some all every job jobs work works working worker workers career careers people person someone one ones get
got need needs needed use used make makes making go goes going have has having be been being being kind kinds
thing things stuff like well just still even only ok okay wait hey um yes no not never tho though r u ur ya
good bad decent great enough high low big small fast slow hard easy right true really actually know
paid pay pays paying money salary salaries wage wages earn earns earning income make bank rich
grow growing growth demand future jobs openings hiring hired degree college school education study become
more gonna gunna going wanna yearly annual annually hourly per thing
how what when where why who which whose whom there here into onto without within
give gives given giving own
naw nah nope yep yeah fr frfr lol lmao bro bruh
super crazy pretty totally kinda sorta lowkey highkey
before after first start starts starting begin beginning beforehand prior already yet now later
""".split())


# A statement turned into a yes/no question: "they have to lift heavy stuff all day right?", "..., is that true?".
_TAG = re.compile(r"(?:\bright|\btrue|\bis that true|\bis it true|\bisnt it|\bis it|\bdont they|\bdo they|"
                  r"\bcorrect|\bor not|\bya|\byeah)\s*\?+(?:\s|$)", re.IGNORECASE)


# ... also without a question mark at the very end: "barbers make a lot in tips, don't they".
_END_TAG = re.compile(r",\s*(?:don'?t|doesn'?t|isn'?t|aren'?t|won'?t|can'?t|didn'?t)\s+(?:they|it|you|he|she)"
                      r"\s*[.!]*\s*$|,\s*(?:right|correct|true)\s*[.!]*\s*$", re.IGNORECASE)


# A student asking about their own wish, not the job: "is that dumb?", "am i crazy for wanting this?".
_SELF_JUDGED = re.compile(r"\s*(?:is that|is it|is this|am i|would that be|would it be)\s+"
                          r"(?:so |really |kinda |too |just )?"
                          r"(?:dumb|stupid|weird|crazy|silly|unrealistic|a bad idea|a dumb idea|dumb of me|normal|"
                          r"wrong|embarrassing|cringe)\b[^.!?]{0,25}[.!?]*\s*$", re.IGNORECASE)


def yes_no_part(question: str) -> Optional[str]:
    """The part of a message that asks a yes/no question, or None.

    "my grandpa drove semis. do they get paid by the mile?" -> its second sentence; a tag question
    ("they lift heavy stuff all day right?") -> the whole message.
    """
    if not question:
        return None
    sentences = [s.strip() for s in re.split(r"(?<=[.!?:])\s+|\s+-+\s+", question) if s.strip()]
    asked = next((s for s in sentences if _YES_NO.search(s) and not _SELF_JUDGED.match(s)), None)
    if asked is not None:
        return asked
    return question if _TAG.search(question.replace("'", "").replace("\u2019", "")) or _END_TAG.search(question) \
        else None


def starts_yes_no(question: str) -> bool:
    """True for a message that opens with a yes/no question ("do you need a degree to ...?")."""
    return bool(question) and _YES_NO.search(question) is not None


def is_yes_no(question: str) -> bool:
    """True for a question that expects yes or no ("do they ...?", "is it ...?", "..., right?")."""
    return yes_no_part(question) is not None


def _name_words(career: Career) -> FrozenSet[str]:
    names: Iterable[str] = career.names()
    return frozenset(stem(w) for name in names for w in re.findall(r"[a-z]+", name.lower()))


def asked_words(question: str, career: Career) -> List[str]:
    """The question's own words: not small words, not the career's names (as stems)."""
    names = _name_words(career)
    words = [w for w in re.findall(r"[a-z][a-z'-]*", question.lower()) if len(w) > 2 and w not in _GENERIC]
    return [stem(w) for w in words if stem(w) not in names]


def unmentioned(question: str, topics: Iterable[str], answer: str, career: Career) -> bool:
    """True when a yes/no question about the job is answered with text that lacks its own words.

    Two words or fewer must all be in the answer; of three or more, one may be missing; a question with
    alternatives ("... or ...?") needs one of its words.
    """
    part = yes_no_part(question)
    if part is None or not set(topics) <= DESCRIPTIVE:
        return False
    asked = asked_words(part, career)
    if not asked:
        return False
    said = {stem(w) for w in re.findall(r"[a-z][a-z'-]*", answer.lower())}
    missing = [word for word in asked if word not in said]
    if re.search(r"\bor\b", part):  # "do they go out to sites or just sit at a desk": either side answered
        return len(missing) == len(asked)
    # "do they design iphones": "design" alone is not the question; one word of three or more may be missing
    return len(missing) > (1 if len(asked) >= 3 else 0)


# Words of _GENERIC that still name what a question asks ("does this job need college"): the answer must have one.
_TOPIC_NOUNS = frozenset("college degree school education pay paid salary money wage wages income growth demand "
                         "future openings hiring".split())


def answered_by(question: str, text: str, career: Career) -> bool:
    """True when a yes/no question's own words are all in ``text`` (one of them per side of an "or")."""
    part = yes_no_part(question)
    if part is None:
        return False
    if not asked_words(part, career):  # "does this job need college or naw": only words the topic has
        nouns = _TOPIC_NOUNS & set(re.findall(r"[a-z]+", part.lower()))
        return bool(nouns) and bool(nouns & set(re.findall(r"[a-z]+", text.lower())))
    return not unmentioned(question, ("duties",), text, career)


def not_mentioned_note(question: Optional[str], topics: Iterable[str], parts: List[str], career: Career) -> bool:
    """Whether the reply must start by saying the file doesn't mention what was asked."""
    return bool(question) and bool(parts) and unmentioned(question or "", topics, " ".join(parts), career)


# "how long is paramedic school?", "how many years does it take": a question about time ...
_HOW_LONG = re.compile(r"\b(?:how long|how many (?:years|yrs|months|weeks|semesters)|how much time|how quickly|"
                       r"how fast can)\b", re.IGNORECASE)
# ... which an answer only answers with a length of time
_DURATION = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|a couple of)"
                       r"(?:\s*(?:to|-|–|or)\s*(?:\d+|two|three|four|five|six|seven|eight|nine|ten))?"
                       r"\s+(?:more\s+)?(?:years?|months?|weeks?|semesters?)\b|\b(?:four|two)-year\b", re.IGNORECASE)
_TIME_TOPICS = frozenset({"education", "how_to_become", "without_degree", "graduate_degree", "major", "courses",
                          "advancement"})


def duration_unstated(question: Optional[str], topics: Iterable[str], parts: List[str]) -> bool:
    """Whether a "how long does it take" question gets an answer that names no length of time."""
    if not question or not _HOW_LONG.search(question) or not set(topics) & _TIME_TOPICS:
        return False
    return _DURATION.search(" ".join(parts)) is None


_EXPERIENCE_TOPICS = frozenset({"education", "how_to_become", "without_degree", "advancement"})


def experience_unstated(question: Optional[str], topics: Iterable[str], parts: List[str], career: Career) -> bool:
    """Whether a question about the work experience needed gets an answer from a file that doesn't state it."""
    if not question or not EXPERIENCE_ASKED.search(question) or not set(topics) & _EXPERIENCE_TOPICS:
        return False
    stated = career.education.work_experience if career.education else None
    return stated is None and "experience" not in " ".join(parts).lower()


def experience_to_add(question: Optional[str], topics: Iterable[str], parts: List[str],
                       career: Career) -> Optional[str]:
    """The file's work-experience line when a question about the experience needed got an answer without it.

    "do i need work experience to be a production manager or can i get hired right after college": the no-degree
    answer says how people move up; the years the file states are said too.
    """
    if not question or not EXPERIENCE_ASKED.search(question) or not set(topics) & _EXPERIENCE_TOPICS:
        return None
    line = facts.experience_line(career)
    return line if line and not any(line in part for part in parts) else None
