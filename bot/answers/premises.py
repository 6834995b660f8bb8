"""Wrong premises corrected first: "since you need a master's to start, what should i major in?".

A question may take something for granted about a career: the degree it needs,
whether it is growing or disappearing, whether it pays a lot or a little. When the
career's file says otherwise, the answer starts by saying so ("Actually, no: ..."),
with the file's figure and its source; when the file agrees or says nothing, nothing
is added. Only the career's own file and the median of all occupations are read.
"""

from __future__ import annotations

import re
from typing import List, Optional, Sequence, Tuple

from bot.answers.facts import initials, money, say, source_label
from bot.answers.honesty import starts_yes_no
from bot.interpret.words import padded
from bot.knowledge.models import Career, GeneralFacts, Wage

# Education levels, lowest first (the OOH's typical entry-level education).
_LEVELS = ["no formal", "high school diploma", "postsecondary nondegree award", "associate", "bachelor", "master",
           "doctoral"]
# What a student may claim a career needs, as whole words (apostrophes dropped), and the level each means.
_CLAIMED_LEVELS = [
    (("need a masters", "need a master", "need masters", "need a graduate degree", "need grad school",
      "need a masters degree", "requires a masters", "masters to start", "masters degree to start",
      "have to get a masters", "have to have a masters", "need an mba", "have to get an mba"), "master"),
    (("need a phd", "need a doctorate", "need a doctoral", "requires a phd", "have to get a phd", "need a ph d",
      "need to go to med school", "need law school", "need a law degree", "need a medical degree"), "doctoral"),
    (("need a bachelors", "need a 4 year degree", "need a four year degree", "need a college degree",
      "need college", "have to go to college", "requires a bachelors", "requires a college degree",
      "need a degree", "have to get a degree", "have to have a degree"), "bachelor"),
    (("dont need a degree", "dont need college", "no degree needed", "without a degree", "dont need school",
      "no college needed", "skip college", "just high school", "only need high school"), "high school diploma"),
]
_DECLINE_CLAIMS = ("dying", "disappearing", "disapearing", "dissapearing", "going away", "going extinct", "shrinking",
                   "declining", "no future",
                   "going down", "less nurses", "fewer jobs", "less jobs", "way less", "way fewer",
                   "going to disappear", "gonna disappear", "wont be any", "jobs are gone", "being cut", "getting cut",
                   "wont exist", "will not exist", "no more jobs", "no jobs left", "being replaced", "getting replaced",
                   "decreasing", "dropping", "on the decline", "in decline", "drying up", "getting smaller",
                   "going downhill", "less and less", "fewer and fewer", "dead end", "dying out", "dead job",
                   "on its way out",
                   "losing jobs", "basically dead", "are dead", "wont be needed", "will not be needed",
                   "not needed anymore", "no longer needed", "arent needed anymore",
                   "r dead", "is dead", "dead now", "jobs are dead")
_GROWTH_CLAIMS = ("booming", "growing so fast", "growing really fast", "exploding", "huge demand",
                  "super in demand", "growing a lot", "growing super fast", "growing very fast", "growing crazy fast",
                  "growing fast", "blowing up", "in high demand", "in huge demand", "growing like crazy",
                  "fastest growing", "one of the fastest", "among the fastest", "growing the fastest",
                  "growing way faster", "way faster than", "faster than every other", "faster than any other",
                  "faster than all other", "faster than all the other", "faster than everything")
# Growth called slow where the source says faster than average: "industrial engineering growth is really slow tho"
_SLOW_CLAIMS = ("growth is slow", "growth is really slow", "growth is pretty slow", "growing slowly", "growing slow",
                "barely growing", "not growing", "isnt growing", "is not growing", "not really growing", "slow growth",
                "growing really slow", "growing so slow", "grows slowly", "growth is so slow", "hardly growing",
                "growing slower", "slower than average", "slower than the average", "slower than most",
                "slower than other jobs", "grows slower", "growth is slower")
_LOW_PAY_CLAIMS = ("so little", "pays so little", "pay so little", "paid so little", "dont make much",
                   "dont make any money", "only make", "barely make", "not much money", "why so little", "so low",
                   "make no money", "pays badly", "bad pay", "low pay", "poorly paid", "minimum wage", "so broke",
                   "make barely anything", "pays nothing", "below average", "paid below", "less than average",
                   "under average", "lower than average", "pay below", "pays below", "pay is low", "pay is pretty low",
                   "pretty low", "really low", "super low", "pay is bad", "pays low", "less than most",
                   "lower than most", "worse than most", "less than other jobs", "less than everyone",
                   "less than the average")
_HIGH_PAY_CLAIMS = ("make bank", "so rich", "get rich", "pays so much", "make so much", "make a ton",
                    "six figures", "6 figures", "millionaire", "pays a lot", "make a lot of money", "more than most",
                    "higher than most", "better than most", "more than other jobs")


_NO_LICENSE_CLAIMS = ("dont need a license", "dont need any license", "dont need any special license", "no license",
                      "without a license", "dont need a licence", "no license needed", "dont need to be licensed",
                      "dont need a cdl", "without a cdl", "normal drivers license", "regular drivers license",
                      "normal license", "regular license", "probably dont need one", "dont need one")
_NO_LICENSE_PATTERN = re.compile(r"\b(?:dont|do not|doesnt|does not|no|without)\s+(?:need|needs|require|requires|"
                                 r"have to get|having)?\s*(?:a |an |any )?(?:special |real |extra |fancy )?"
                                 r"licen[cs]e")

# A degree level named in a question that takes it for granted: "with just a bachelors", "which bachelors degree is
# best for", "what college degree do i need", "you dont need any degree to", "have to get a masters".
_LEVEL_WORDS = (
    (re.compile(r"\b(?:masters?|master s|grad(?:uate)? (?:school|degree)|mba)\b"), "master"),
    (re.compile(r"\b(?:phd|ph d|doctorate|doctoral|med school|medical school|law school|law degree|medical degree)\b"),
     "doctoral"),
    (re.compile(r"\b(?:bachelors?|bachelor s|(?:4|four) (?:year|yr) (?:\w+ )?(?:degree|college|university)|"
                r"college degree|"
                r"university degree|(?:finish|graduate from|complete|go to) college)\b"), "bachelor"),
    (re.compile(r"\b(?:associates?|associate s|2 year degree|two year degree)\b"), "associate"),
    (re.compile(r"\b(?:(?:high school|hs) diploma|ged|just high school|only high school|straight out of high school|"
                r"right after high school|right out of high school)\b"), "high school diploma"),
)
# Levels named in a career's own how-to-become sentences ("usually need an advanced degree, such as a master's").
_STATED_LEVEL_WORDS = _LEVEL_WORDS[:4] + ((re.compile(r"\badvanced degree\b"), "master"),)
_NO_DEGREE_CLAIM = re.compile(r"\b(?:dont|do not|doesnt|does not|wont|no|without|never)\s+(?:really |even |actually )?"
                              r"(?:need|needs|require|requires|have|having|needing|get|getting|go to|attend|"
                              r"need to go to|have to go to)?\s*(?:a|an|any|to go to|to have)?\s*"
                              r"(?:college|degree|diploma|schooling|school)\b")
# "you cant be one without a masters": the level is claimed to be required.
_REQUIRED_WITHOUT = re.compile(r"\b(?:cant|can not|cannot|not able to|impossible to)\b.{0,60}\bwithout\b")
# Words that make a named level a premise (what is needed, enough, the best), not a question about it.
_NEEDED = re.compile(r"\b(?:need|needs|needed|require|requires|required|have to|has to|must|just|only|with|enough|"
                     r"best for|to start|to become|to be|to get into|right|gotta|got to|before)\b")
# "... and then start working as one right after": the level named is taken to be enough
_ENOUGH = re.compile(r" (?:just|only|enough|is fine|is all|no more than|all you need|all i need|right after|"
                     r"straight after|right away|then start working|and start working|and then work) ")
_NO_EXPERIENCE_CLAIM = re.compile(r"\b(?:dont|do not|doesnt|does not|no|without|zero|never)\s+(?:need|needs|"
                                  r"require|requires|needing)?\s*(?:any|a|much)?\s*(?:work |job |prior )?"
                                  r"experience\b")
_DECLINE_PATTERNS = re.compile(r"\b(?:no|zero|hardly any|barely any) (?:\w+ ){0,3}jobs (?:anymore|left|now)|"
                               r"\b(?:arent|are not|isnt|is not|aint) (?:really |even |hardly )?(?:any|many) "
                               r"(?:\w+ ){0,3}(?:jobs|openings)(?: open| available| out there| hiring)? "
                               r"(?:anymore|left)\b|"
                               r"\btake (?:all|over) (?:the )?(?:\w+ ){0,3}jobs|\breplace all\b|"
                               r"\btaking (?:all|over) (?:the )?(?:\w+ ){0,3}jobs|"
                               r"\b(?:nobody|no one|noone|nobodys) (?:is )?(?:gonna|going to|will|gon) "
                               r"(?:need|hire|want)\b|"
                               r"\bwont need (?:any )?(?:more )?\w+ (?:anymore|in the future)\b")
# The verbs a pay claim is made with ("they make", "nurses earn", "paid").
_PAY_VERBS = r"make|makes|making|earn|earns|earning|get paid|gets paid|paid|pay|pays"
# A pay figure a question takes for granted: "they make like 100k a year right", "do they earn $150,000".
_CLAIMED_PAY = re.compile(r"\b(?:" + _PAY_VERBS + r"|salary is|"
                          r"salary of|take home|bring in|pay is \w+ \w+ like|pay is like|is only|like only|"
                          r"(?:pay|salary|wage|wages|income)(?: (?!is\b|are\b|was\b)\w+){1,4} (?:is|are|was))\s+"
                          r"(?:like |about |around |over |at least |almost |nearly |roughly |maybe |only |just |)"
                          r"\$?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|thousand|grand)?\b")

# A growth figure a question takes for granted: "production manager jobs are growing like 15 percent".
_CLAIMED_GROWTH = re.compile(r"\b(?:grow|grows|growing|growth|increase|increases|increasing|go up|going up)\b"
                             r"(?: (?!by\b)[a-z]+){0,3}? (?:by )?(?:like |about |around |almost |nearly |)"
                             r"(\d+(?:\.\d+)?) ?(?:%|percent|pct)")
# An openings figure a question takes for granted: "theres like 100,000 chef job openings every year".
_CLAIMED_OPENINGS = re.compile(r"(?<![\d,.$])(\d{1,3}(?:,\d{3})+|\d+)\s*(k|thousand)? (?:[a-z]+ ){0,3}?openings\b|"
                               r"\bopenings (?:[a-z]+ ){0,4}?(?:is|are) (?:like |about |around |)"
                               r"(\d{1,3}(?:,\d{3})+|\d+)\s*(k|thousand)?\b")
# Years of school a question takes for granted ("its like 8 years of school right"), and the level that many mean.
_CLAIMED_YEARS = re.compile(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten) (?:more )?(?:years?|yrs?) "
                            r"(?:of )?(?:school|schooling|college|university|studying)\b")
# Words that make a figure a bound, not a claim: "more than 10 percent", "over 50,000 openings".
_BOUND = re.compile(r"\b(?:more than|less than|fewer than|at least|over|under|above|below|faster than|slower than|"
                    r"at most|up to)\b")
_YEAR_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# "you need an engineering degree": some degree (at least two years) when no level is named.
_SOME_DEGREE = re.compile(r"\b(?:need|needs|require|requires|have to have|has to have|must have|gotta have|"
                          r"have to get|has to get) (?:a |an )?(?:[a-z]+ ){0,2}degree\b")


def _number(text: str, scale: Optional[str]) -> float:
    """A figure as the student wrote it: "100,000", "15", "50" with "k" or "thousand"."""
    return float(text.replace(",", "")) * (1000 if scale else 1)


def claimed_growth(question: str) -> Optional[float]:
    """A growth percentage a question takes for granted ("growing like 15 percent"), or None."""
    match = _CLAIMED_GROWTH.search(question.lower().replace("'", ""))
    if not match or _BOUND.search(match.group(0)):
        return None  # "growing more than 10 percent" sets a bound, it states no figure
    return float(match.group(1))


def claimed_openings(question: str) -> Optional[float]:
    """A yearly openings figure a question takes for granted ("like 100,000 chef job openings"), or None."""
    match = _CLAIMED_OPENINGS.search(question.lower().replace("'", ""))
    if not match or _BOUND.search(question.lower()[max(0, match.start() - 15):match.end()]):
        return None
    figure, scale = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    amount = _number(figure, scale)
    return amount if amount >= 100 else None  # "2 openings" or "3 job openings near me" is not a national figure


def _level_of_years(said: str) -> Optional[str]:
    """The education level the years of school a question names would mean (2: associate, 4: bachelor ...)."""
    match = _CLAIMED_YEARS.search(said)
    if not match:
        return None
    years = int(match.group(1)) if match.group(1).isdigit() else _YEAR_WORDS[match.group(1)]
    if years <= 1:
        return "postsecondary nondegree award"
    if years >= 7:
        return "doctoral"
    return {2: "associate", 3: "associate", 4: "bachelor", 5: "bachelor", 6: "master"}[years]


def claimed_level(question: str) -> Optional[str]:
    """The one education level a question takes for granted, or None (none, several, or only asked about)."""
    said = " ".join(re.findall(r"[a-z0-9]+", question.lower().replace("'", "")))
    if _NO_DEGREE_CLAIM.search(said) and not _REQUIRED_WITHOUT.search(said):
        return "high school diploma"
    named = {level for pattern, level in _LEVEL_WORDS if pattern.search(said)}
    years = _level_of_years(said)
    if years and (not named or named == {years} or years == "doctoral"):
        named = {years}  # "med school like doctors so its like 8 years of school": one claim, the years say which
    if not named and _REQUIRED_WITHOUT.search(said) and re.search(r"\bwithout\b.{0,40}\bdegree\b", said):
        return "associate"  # "you cant become a chef without a culinary school degree": some degree, at least 2 years
    if not named and _SOME_DEGREE.search(said):
        return "associate"  # "you need an engineering degree to be one": some degree, at least 2 years
    if len(named) != 1 or not (_NEEDED.search(said) or _REQUIRED_WITHOUT.search(said)):
        return None  # "bachelors or the 2 year thing?" asks which; it takes neither for granted
    level = next(iter(named))
    if level == "high school diploma" and not _ENOUGH.search(f" {said} "):
        return None  # "what high school diploma classes" asks; "only need a high school diploma" claims
    return level


# An hourly figure a question takes for granted: "hairstylists make like 30 bucks an hour right".
_CLAIMED_HOURLY = re.compile(r"\b(?:" + _PAY_VERBS + r"|pay is|"
                             r"pay is like|wage is|wage is like)\s+(?:like |about |around |over |almost |nearly |"
                             r"roughly |maybe |only |just |)\$?\s?(\d{1,3}(?:\.\d{1,2})?)\s*"
                             r"(?:bucks |dollars |dollar |usd )?"
                             r"(?:an|a|per|/|every)\s?(?:hour|hr|hrs)\b")


def claimed_hourly(question: str) -> Optional[float]:
    """An hourly pay figure a question takes for granted ("they make like 30 bucks an hour right"), or None."""
    match = _CLAIMED_HOURLY.search(question.lower().replace("'", ""))
    return float(match.group(1)) if match else None


# A pay bound a question takes for granted: "they make under 50k", "earn less than 40,000 a year".
_PAY_BOUND = re.compile(r"\b(?:" + _PAY_VERBS + r"|take home)\s+"
                        r"(?:like |only |just |)"
                        r"(under|less than|below|not even|barely|over|more than|above|at least)\s+"
                        r"\$?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|thousand|grand)?\b")


def pay_bound(question: str) -> Optional[Tuple[bool, int]]:
    """A yearly pay bound a question takes for granted: (True for "under" / False for "over", amount), or None."""
    match = _PAY_BOUND.search(question.lower().replace("'", ""))
    if not match:
        return None
    amount = _number(match.group(2), match.group(3))
    return (match.group(1) in {"under", "less than", "below", "not even", "barely"}, int(amount)) \
        if amount >= 10000 else None


def _wrong_pay_figure(question: str, median: float) -> bool:
    """True when a yearly figure or bound the question takes for granted is wrong for most of them.

    A bound ("they make under 50k" where half earn more than $99,890) is read before a figure.
    """
    bound = pay_bound(question)
    if bound:
        under, amount = bound
        return median > 1.25 * amount if under else median < 0.8 * amount
    figure = claimed_pay(question)
    return figure is not None and abs(figure - median) > 0.25 * median


def claimed_pay(question: str) -> Optional[int]:
    """A yearly pay figure a question takes for granted ("they make like 100k a year right"), or None."""
    match = _CLAIMED_PAY.search(question.lower().replace("'", ""))
    if not match:
        return None
    amount = _number(match.group(1), match.group(2))
    return int(amount) if amount >= 10000 else None  # an hourly figure or a small number is not a yearly claim


def stated_level(career: Career) -> Optional[Tuple[int, str]]:
    """The education level a career's how-to-become text says is needed, and the sentence that says it.

    For a file without a typical entry-level education: "Psychologists usually need an advanced
    degree in psychology, such as a master's or doctoral degree." gives the master's level (the
    lowest one named). Only sentences saying something is needed count ("may be enough" does not).
    """
    text = career.how_to_become.text if career.how_to_become else ""
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text):
        plain = re.sub(r"\([^)]*\)", " ", sentence)  # "(a doctoral degree, the highest college degree)" explains
        lowered = " ".join(re.findall(r"[a-z0-9]+", plain.lower().replace("'", "")))
        if not re.search(r"\b(?:need|needs|must|require|requires|required)\b", lowered):
            continue
        named = [_LEVELS.index(level) for pattern, level in _STATED_LEVEL_WORDS if pattern.search(lowered)]
        if named:
            return min(named), sentence.strip()
    return None


def _license_sentence(career: Career) -> Optional[str]:
    """The sentence of the career's how-to-become text that says a license is needed, if any."""
    text = career.how_to_become.text if career.how_to_become else ""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        lowered = sentence.lower()
        if ("licens" in lowered or "cdl" in lowered) and any(w in lowered for w in ("must", "require", "need")):
            return sentence.strip()
    return None


def _level_rank(text: str) -> Optional[int]:
    lowered = text.lower().replace("'", "")
    for rank, name in enumerate(_LEVELS):
        if name in lowered:
            return rank
    return None


def _has(said: str, phrases: tuple) -> bool:
    return any(padded(p) in said for p in phrases)


_HIGH_SCHOOL_WAY = re.compile(r"\b(?:with|have|has|need|needs) (?:only )?(?:a|just a) high school diploma\b",
                              re.IGNORECASE)


# A lower college level named as a way in: "a master's degree may be enough for some of them" (no degree at all
# is still corrected: "some employers hire people with a high school diploma" is not "straight out of high school")
_WAY_IN_WORDS = {"postsecondary nondegree award": r"certificate|nondegree", "associate": r"associate",
                 "bachelor": r"bachelor", "master": r"master"}
_A_WAY = re.compile(r"\b(?:may be enough|is enough|enough for|some employers|some of them|may hire|may accept|"
                    r"can qualify|may qualify|also hire|hire (?:people|workers|candidates|those) with)\b",
                    re.IGNORECASE)


def _level_is_a_way(career: Career, claimed: str) -> bool:
    """True when the file says a lower level than the typical one is a way in for some ("... at community colleges")."""
    word = _WAY_IN_WORDS.get(claimed)
    if word is None:
        return False
    education = career.education
    parts = [career.how_to_become] + ([education.preferred, education.without_degree] if education else [])
    texts = [part.text for part in parts if part is not None]
    sentences = [s for text in texts for s in re.split(r"(?<=[.!?])\s+", text)]
    return any(re.search(rf"\b(?:{word})", s, re.IGNORECASE) and _A_WAY.search(s) for s in sentences)


# "nurses only work in hospitals", "they just sit at a desk all day", "outside 24/7": an all-or-nothing claim about
# where or when the work happens. A file's work environment that names several places or "may"/"some"/"most"
# says otherwise.
_ABSOLUTE = re.compile(r"\b(?:only|just|all|always|never|24/7|24 7|all day|all the time|every day|every night|"
                       r"whole time|exclusively|nothing but|basically)\b")
_PLACE_OR_TIME = re.compile(r"\b(?:hospitals?|offices?|desks?|outside|outdoors|inside|indoors|sites?|field|labs?|"
                            r"home|road|nights?|weekends?|compan(?:y|ies)|stations?|schools?|clinics?|factor(?:y|ies)|"
                            r"salons?|shops?|kitchens?|restaurants?|computers?|alone|cubicles?|9 to 5|nine to five|"
                            r"mondays?|weekdays?|mornings?)\b")
_VARIETY = re.compile(r"\b(?:or|many|some|may|most|split|also|sometimes|often|such as|various|different)\b|,")


# "what do they do all day": an open question claims nothing
_OPEN_QUESTION = re.compile(r"\s*(?:so |ok |okay |and |but )?(?:what|whats|how|where|when|which|who|why)\b")


def absolute_claim(question: str, career: Career) -> bool:
    """True for an all-or-nothing claim about the job's place or hours that the file's work environment varies."""
    said = question.lower().replace("'", "").replace("\u2019", "")
    environment = career.work_environment.text if career.work_environment else ""
    return bool(environment) and bool(_VARIETY.search(environment.lower())) and any(
        _near(part, _ABSOLUTE, _PLACE_OR_TIME) and not _OPEN_QUESTION.match(part) for part in re.split(r"[.!?;]", said))


def _near(text: str, first: re.Pattern[str], second: re.Pattern[str], words: int = 5) -> bool:
    """True when matches of both patterns have at most ``words`` words between them.

    "only in hospitals", "always have to work at a hospital"; not "someone at my old school said a kid like me
    would never be a scientist".
    """
    ones = [m.span() for m in first.finditer(text)]
    twos = [m.span() for m in second.finditer(text)]
    return any(len(text[min(a[1], b[1]):max(a[0], b[0])].split()) <= words for a in ones for b in twos)


# Pay asked for a degree ("how much does an environmental scientist with a phd make"): a question, not a claim.
_DEGREE_SAID = (r"with (?:a|an|their|his|her) "
                r"(?:phd|ph d|doctorate|masters?|master s|bachelors?|bachelor s|associates?|associate s|degree)")
_PAY_BY_DEGREE = re.compile(rf"\b{_DEGREE_SAID}\b[\w ]{{0,20}}\b(?:make|makes|earn|earns|paid|salary|pay)\b"
                            rf"|\b(?:make|makes|earn|earns|paid|salary|pay)\b[\w ]{{0,30}}\b{_DEGREE_SAID}\b")


def correction(question: str, career: Career, general: Optional[GeneralFacts]) -> Optional[str]:
    """The sentence that corrects a wrong premise of ``question`` about ``career`` (None: nothing to correct)."""
    said = padded(question)
    plural = career.career.plural
    notes: List[str] = []
    education = career.education.entry_level if career.education else None
    general_claim = claimed_level(question)
    no_degree = general_claim == "high school diploma"  # "dont need college" before "need college"
    claimed = "high school diploma" if no_degree else \
        next((level for phrases, level in _CLAIMED_LEVELS if _has(said, phrases)), None) or general_claim
    if claimed and _PAY_BY_DEGREE.search(re.sub(r"[^a-z0-9 ]", " ", question.lower())):
        claimed = None
    stated = stated_level(career) if claimed and education is None else None
    if stated and no_degree and career.how_to_become and _HIGH_SCHOOL_WAY.search(career.how_to_become.text):
        stated = None  # "... But some people can qualify with a high school diploma": no degree is a way in too
    if claimed and (education is not None or stated is not None):
        have = _level_rank(education.level) if education is not None else stated[0] if stated else None
        want = _LEVELS.index(claimed)
        # More than needed is always wrong; less only when said to be enough ("with just a bachelors"), not when
        # asked ("do lawyers need a bachelors?": they do, and more, which the education answer says).
        enough = want == 0 or claimed == "high school diploma" or _ENOUGH.search(said) is not None
        if have is not None and want < have and enough and _level_is_a_way(career, claimed):
            have = None  # "just a masters": the file says "a master's degree may be enough ... at community colleges"
        if have is not None and (want > have or (want < have and enough)):
            if education is not None:
                notes.append(say("premise_education", plural=plural, level=education.level.lower(),
                                 source=source_label(career, education.source)))
            elif stated is not None:
                notes.append(say("premise_education_stated", sentence=stated[1]))
    experience = career.education.work_experience if career.education else None
    if experience is not None and experience.text.strip().lower() != "none" \
            and _NO_EXPERIENCE_CLAIM.search(said.replace("'", "")):
        notes.append(say("premise_experience", plural=plural, experience=experience.text.lower(),
                         source=source_label(career, experience.source)))
    if _has(said, _NO_LICENSE_CLAIMS) or _NO_LICENSE_PATTERN.search(said):
        sentence = _license_sentence(career)
        if sentence:
            notes.append(say("premise_license", plural=plural, sentence=sentence))
    growth = career.outlook.growth if career.outlook else None
    growth_noted = False
    if growth is not None:
        declined = (_has(said, _DECLINE_CLAIMS) or _DECLINE_PATTERNS.search(said)) and growth.percent > 0
        if declined or (_has(said, _SLOW_CLAIMS) and "faster" in growth.words.lower()):
            notes.append(say("premise_growing", plural=plural, percent=f"{growth.percent:g}", period=growth.period,
                             words=growth.words))
            growth_noted = True
        elif _has(said, _GROWTH_CLAIMS) and (growth.percent <= 2 or "faster" not in growth.words.lower()):
            # "one of the fastest growing jobs" where the source says "about as fast as the average"
            notes.append(say("premise_not_booming", plural=plural, percent=f"{growth.percent:g}",
                             period=growth.period, words=growth.words))
            growth_noted = True
    wage = (career.pay.median or (career.pay.groups[0] if career.pay.groups else None)) if career.pay else None
    everyone = general.all_occupations_median if general else None
    pay_notes = len(notes)
    if wage and wage.annual and everyone and everyone.annual:
        if _has(said, _LOW_PAY_CLAIMS) and wage.annual > everyone.annual:
            notes.append(say("premise_pay_higher", plural=plural, amount=money(wage.annual), date=wage.date,
                             all=money(everyone.annual), all_date=everyone.date))
        elif _has(said, _HIGH_PAY_CLAIMS) and wage.annual < everyone.annual:
            notes.append(say("premise_pay_lower", plural=plural, amount=money(wage.annual), date=wage.date,
                             all=money(everyone.annual), all_date=everyone.date))
    order = _pay_order_claim(said, career) or _same_pay_claim(said, career)
    if order:
        notes.append(order)
    if len(notes) == pay_notes and wage and wage.annual and _wrong_pay_figure(question, wage.annual):
        notes.append(say("premise_pay_figure", plural=plural, amount=money(wage.annual), date=wage.date))
    hourly = claimed_hourly(question)
    if len(notes) == pay_notes and wage and wage.hourly and hourly and abs(hourly - wage.hourly) > 0.25 * wage.hourly:
        notes.append(say("premise_pay_hourly", plural=plural, amount=money(wage.hourly, hourly=True), date=wage.date))
    outlook = career.outlook
    growth_claim = claimed_growth(question)
    if growth is not None and growth.percent >= 0 and growth_claim is not None and not growth_noted \
            and abs(growth_claim - growth.percent) > max(2.0, 0.5 * growth.percent):
        notes.append(say("premise_growing", plural=plural, percent=f"{growth.percent:g}", period=growth.period,
                         words=growth.words))
    openings_claim = claimed_openings(question)
    openings = outlook.openings if outlook else None
    if openings is not None and openings_claim is not None \
            and abs(openings_claim - openings.per_year) > 0.25 * openings.per_year:
        notes.append(say("premise_openings_figure", plural=plural, openings=f"{openings.per_year:,}",
                         period=openings.period))
    if not notes and absolute_claim(question, career):
        notes.append(say("premise_not_always", plural=plural))
    if not notes:
        return None
    text = " ".join(notes)
    if starts_yes_no(question):  # "do you need a degree to drive trucks?" asks; "No:" answers it
        text = text.replace("Actually, no:", "No:").replace("Actually,", "In fact,")
    return text


_MORE_THAN = re.compile(r" ((?:\w+ ){1,5}?)(?:(?:prob|probably|def|definitely|obviously|usually|always|must|totally) )?"
                        r"(?:make|makes|earn|earns|get paid|gets paid|are paid|is paid|take home)"
                        r" (more|less|(?:way|a lot|so much|much|a bit|a little|way way) (?:more|less))"
                        r"(?: money)? than (?:the |a |an )?"
                        r"((?:\w+ ){0,5}?\w+?)"
                        r"(?= right| dont| don t| do not| is that| isnt| correct| yeah| true| so | and | but | since |"
                        r" because | cuz | cause | bc | $)")
# Two jobs of one file said to be paid alike: "emts and paramedics get paid the same right".
_SAME_PAY = re.compile(r" ((?:\w+ ){1,4}?)(?:and|&) ((?:\w+ ){1,4}?)(?:get paid|make|earn|are paid|get|have) "
                       r"(?:about |basically |pretty much |roughly |exactly )?"
                       r"(?:the (?:exact |exactly )?same|equal|same pay|the same pay|the same money)\b")


def _group_of(words: str, career: Career) -> Optional[Wage]:
    """The pay group of ``career`` whose title shares the most words with ``words`` (its own words first)."""
    if not career.pay or len(career.pay.groups) < 2:
        return None
    said = {w.rstrip("s") for w in re.findall(r"[a-z]+", words.lower()) if len(w) > 1}
    titles = {id(g): {w.rstrip("s") for w in re.findall(r"[a-z]+", g.who.lower())} | {initials(g.who)}
              for g in career.pay.groups}
    shared = set.intersection(*titles.values())
    scored = sorted(((len(said & (titles[id(g)] - shared)), len(said & titles[id(g)]), g) for g in career.pay.groups),
                    key=lambda item: (item[0], item[1]), reverse=True)
    best = scored[0]
    if best[0] == 0 or (len(scored) > 1 and scored[1][:2] == best[:2]):
        return None
    return best[2]


def _wrong_order(first: Tuple[str, Wage], second: Tuple[str, Wage], more: bool
                 ) -> Optional[Tuple[Tuple[str, Wage], Tuple[str, Wage]]]:
    """(higher, lower) of two named wages when a student said ``first`` earns ``more`` (or less) wrongly; else None."""
    if not first[1].annual or not second[1].annual or first[1].annual == second[1].annual:
        return None
    high, low = sorted((first, second), key=lambda pair: pair[1].annual or 0, reverse=True)
    said_higher = first if more else second
    return None if high is said_higher else (high, low)


def _same_pay_claim(said: str, career: Career) -> Optional[str]:
    """"emts and paramedics get paid the same right?" about two jobs of one file whose medians differ by a tenth."""
    claim = _SAME_PAY.search(said.replace("'", " "))
    if not claim:
        return None
    first, second = _group_of(claim.group(1), career), _group_of(claim.group(2), career)
    if first is None or second is None or first is second or not first.annual or not second.annual:
        return None
    if abs(first.annual - second.annual) <= 0.1 * max(first.annual, second.annual):
        return None
    (high, low) = (first, second) if first.annual > second.annual else (second, first)
    return _pay_order_note(high.who, high, low.who, low)


def _pay_order_claim(said: str, career: Career) -> Optional[str]:
    """"emts make more than paramedics right?" about two jobs of one file, when their medians say otherwise."""
    claim = _MORE_THAN.search(said.replace("'", " "))
    if not claim:
        return None
    first, second = _group_of(claim.group(1), career), _group_of(claim.group(3), career)
    if first is None or second is None or first is second:
        return None
    wrong = _wrong_order((first.who, first), (second.who, second), "more" in claim.group(2))
    if wrong is None:
        return None
    (high_who, high), (low_who, low) = wrong
    return _pay_order_note(high_who, high, low_who, low)


def _pay_order_note(high_who: str, high: Wage, low_who: str, low: Wage) -> str:
    """"Actually, no: <high> earn more (<pay> a year, median) than <low> (<pay>), in <date>."."""
    return say("premise_pay_order", high=high_who, high_pay=money(high.annual or 0), low=low_who,
               low_pay=money(low.annual or 0), date=high.date)


def _career_named(words: str, careers: Sequence[Career]) -> Optional[Career]:
    """The one career of ``careers`` whose title, plural or an alias is in ``words`` (None: none or both)."""
    said = padded(words)
    named = [c for c in careers
             if any(padded(name) in said for name in (c.career.title, c.career.plural, *c.career.aliases))]
    return named[0] if len(named) == 1 else None


def compared_pay_claim(question: str, careers: Sequence[Career]) -> Optional[str]:
    """The order a student states for two careers' pay, corrected when the medians say otherwise.

    "chefs make way more than nurses right?": nurses earn more; each figure with its own date.
    """
    claim = _MORE_THAN.search(padded(question))
    if not claim or len(careers) != 2:
        return None
    first, second = _career_named(claim.group(1), careers), _career_named(claim.group(3), careers)
    if first is None or second is None or first is second:
        return None
    if not first.pay or not second.pay or not first.pay.median or not second.pay.median:
        return None
    wrong = _wrong_order((first.career.plural, first.pay.median), (second.career.plural, second.pay.median),
                         "more" in claim.group(2))
    if wrong is None:
        return None
    (high, high_wage), (low, low_wage) = wrong
    return say("premise_compare_pay_order", high=high, high_pay=money(high_wage.annual or 0),
               high_date=high_wage.date, low=low, low_pay=money(low_wage.annual or 0), low_date=low_wage.date)


__all__ = ["absolute_claim", "compared_pay_claim", "correction"]
