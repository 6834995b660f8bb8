"""The crisis detector: whether a message speaks of suicide, self-harm, abuse, violence or danger.

A dedicated detector beside the intent classifier (which learns only from the
examples it was given): phrases in ``crisis-phrases.yml`` matched against
the normalised message (bot/safety/text.py). Hyperbole ("this homework is killing
me") is removed first. Topic words ("overdose", "suicidal") are a crisis when the
student speaks of themselves or someone close ("my friend overdosed"; in a
question about a job only "me", "my", "i was"... count), a concern (resources,
gently) when the message is not a question about a job, and nothing in a
question about a job ("do nurses deal with overdoses?"). Some topic words
("gun", "abuse") count only when the student speaks of themselves. The Rasa
component ``bot.nlp.safety_intents`` combines this with the classifier's
``crisis`` intent; the action picks the reply from the same result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Pattern, Tuple

import yaml

from bot.safety.gated import GatedPatterns, compile_groups
from bot.safety.text import normalise

PHRASES_FILE = Path(__file__).with_name("crisis-phrases.yml")

NONE = "none"
CONCERN = "concern"  # may be a crisis: give the resources gently
CRISIS = "crisis"


@dataclass(frozen=True)
class Signal:
    """What the detector found: the level, whether the danger is now, and the kinds matched."""

    level: str = NONE
    danger_now: bool = False
    kinds: Tuple[str, ...] = field(default_factory=tuple)

    @property
    def found(self) -> bool:
        """True for a crisis or a concern: either gets the crisis resources."""
        return self.level != NONE


@dataclass(frozen=True)
class Phrases:
    """The compiled phrase lists (gated: bot/safety/gated.py)."""

    crisis: Dict[str, GatedPatterns]
    concern: GatedPatterns
    topic: GatedPatterns
    topic_personal: GatedPatterns
    personal_reference: GatedPatterns
    strong_personal_reference: GatedPatterns
    career_question: GatedPatterns
    danger_now: GatedPatterns
    not_crisis: GatedPatterns
    softeners: GatedPatterns


_LISTS = ("concern", "topic", "topic_personal", "personal_reference", "strong_personal_reference", "career_question",
          "danger_now", "not_crisis", "softeners")


@lru_cache(maxsize=1)
def phrases(path: Path = PHRASES_FILE) -> Phrases:
    """The phrase file, compiled once."""
    with Path(path).open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    groups: Dict[str, List[str]] = {f"crisis:{kind}": items for kind, items in raw["crisis"].items()}
    groups.update({name: raw.get(name) or [] for name in _LISTS})
    compiled = compile_groups(groups)
    return Phrases(
        crisis={kind: compiled[f"crisis:{kind}"] for kind in raw["crisis"]},
        **{name: compiled[name] for name in _LISTS},  # type: ignore[arg-type]
    )


def job_titles() -> Pattern[str]:
    """Any job title the bot knows (the catalog: careers' names and aliases, other occupations), plural too.

    A message naming one is a question about a job, for the topic words' rule. Follows the
    loaded careers, so a counselor's new career file counts within a second. Names of one or two
    letters are left out ("rn" is also "right now").
    """
    from bot.knowledge.current import names_catalog

    global _titles
    catalog = names_catalog()
    if _titles is None or _titles[0] is not catalog:
        words = sorted((re.escape(name) for name in catalog.names if len(name) > 2), key=len, reverse=True)
        pattern = re.compile(r"\b(" + "|".join(words) + r")(s|es)?\b") if words else re.compile(r"(?!)")
        _titles = (catalog, pattern)
    return _titles[1]


_titles: Optional[Tuple[object, Pattern[str]]] = None


def about_a_job(normalised: str, table: Phrases) -> bool:
    """True if the message is a question about a job: job words or a job title."""
    return table.career_question.any(normalised) or bool(job_titles().search(normalised))


def without_hyperbole(normalised: str, table: Phrases) -> str:
    """The normalised message with hyperbole and slang spans blanked out."""
    return table.not_crisis.sub_each(" ", normalised)


def without_softeners(normalised: str, table: Phrases) -> str:
    """The message with softening words left out ("i do not really want" -> "i do not want")."""
    return table.softeners.sub_each("", normalised)


def hyperbole_found(text: str) -> bool:
    """True if the message uses hyperbole or slang the detector reads as not a crisis ("die of boredom").

    The intent classifier alone is not trusted on such a message: it learned "die" and "kill"
    from crisis examples, and the detector has already read the rest of the message.
    """
    table = phrases()
    normal = normalise(text or "")
    return without_hyperbole(normal, table) != normal


def detect(text: str) -> Signal:
    """Read one message (any spelling) and say whether it may be a crisis."""
    table = phrases()
    normal = normalise(text or "")
    cleaned = without_hyperbole(normal, table)
    plain = without_softeners(cleaned, table)
    readings = (cleaned,) if plain == cleaned else (cleaned, plain)  # most messages have no softener: one pass
    kinds = tuple(kind for kind, patterns in table.crisis.items() if any(patterns.any(t) for t in readings))
    level = CRISIS if kinds else NONE
    if not kinds and (table.topic.any(cleaned) or table.topic_personal.any(cleaned)):
        job = about_a_job(cleaned, table)
        personal = (table.strong_personal_reference if job else table.personal_reference).any(cleaned)
        if personal:
            level, kinds = CRISIS, ("topic",)
        elif not job and table.topic.any(cleaned):
            level, kinds = CONCERN, ("topic",)
    if level == NONE and any(table.concern.any(t) for t in readings):
        level, kinds = CONCERN, ("concern",)
    if level == NONE:
        return Signal()
    return Signal(level, table.danger_now.any(cleaned), kinds)
