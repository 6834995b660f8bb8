"""Typed models of a career knowledge file (``knowledge/<career>.yml``).

The models are validated when the file is loaded, so a missing or malformed
field fails at start-up with the file and field named, never in the middle of a
conversation. Every figure (a number) carries a ``source`` key and a ``date``.
"""

from __future__ import annotations

from typing import Dict, List, Optional

from pydantic import BaseModel, Extra, Field, root_validator, validator


class _Model(BaseModel):
    """Base for all knowledge models: immutable, unknown keys rejected."""

    class Config:
        extra = Extra.forbid
        allow_mutation = False
        anystr_strip_whitespace = True


NonEmptyStr = Field(..., min_length=1)


class Source(_Model):
    """Where facts come from (referenced by key from every fact)."""

    name: str = NonEmptyStr
    note: str = ""


class Sourced(_Model):
    """A fact with the key of its source."""

    source: str = NonEmptyStr


class Figure(Sourced):
    """A number with its source and the date it refers to."""

    date: str = NonEmptyStr


class CareerCluster(Sourced):
    """The career cluster the career belongs to."""

    name: str = NonEmptyStr


class CareerInfo(Sourced):
    """Identity and one-paragraph summary of the career."""

    id: str = NonEmptyStr
    name: str = NonEmptyStr
    plural: str = NonEmptyStr
    aliases: List[str] = Field(..., min_items=1)
    summary: str = NonEmptyStr
    career_cluster: CareerCluster


class Products(Sourced):
    """Kinds of goods made where the career works."""

    intro: str = NonEmptyStr
    examples: List[str] = Field(..., min_items=1)


class WorkEnvironment(Sourced):
    """Where the work happens and what protective equipment is worn."""

    split_between: List[str] = Field(..., min_items=1)
    protective_equipment: List[str] = Field(default_factory=list)
    text: str = NonEmptyStr


DUTY_TOPICS = ("workers", "safety", "machines", "reports", "schedule_budget", "problems")


class Duty(_Model):
    """One task of the job, tagged with the follow-up topics it answers."""

    id: str = NonEmptyStr
    text: str = NonEmptyStr
    topics: List[str] = Field(default_factory=list)

    @validator("topics", each_item=True)
    def _known_topic(cls, topic: str) -> str:  # noqa: N805 - pydantic validator
        if topic not in DUTY_TOPICS:
            raise ValueError(f"unknown duty topic {topic!r}; use one of {', '.join(DUTY_TOPICS)}")
        return topic


class Duties(Sourced):
    """The list of duties."""

    intro: str = NonEmptyStr
    items: List[Duty] = Field(..., min_items=1)


class Skill(_Model):
    """A skill the career needs, with why it matters."""

    id: str = NonEmptyStr
    name: str = NonEmptyStr
    explanation: str = NonEmptyStr
    example: str = ""
    aliases: List[str] = Field(default_factory=list)


class Skills(Sourced):
    """The skills the career needs."""

    intro: str = NonEmptyStr
    items: List[Skill] = Field(..., min_items=1)


class Money(Figure):
    """An amount of money for a region at a date."""

    amount: int = Field(..., gt=0)
    currency: str = "USD"
    region: str = NonEmptyStr


class Pay(Sourced):
    """Average pay and what it depends on.

    ``not_known_for``: words of pay questions this file has no figure for
    ("per hour", "starting"); the bot says it doesn't know instead of giving
    the average as if it answered them. ``not_known_for_places``: the same for
    places ("texas", "my city") when the average is for a whole country.
    """

    average: Money
    factors_intro: str = NonEmptyStr
    factors: List[str] = Field(..., min_items=1)
    not_known_for: List[str] = Field(default_factory=list)
    not_known_for_places: List[str] = Field(default_factory=list)


class Openings(Figure):
    """Projected job openings per year."""

    amount: int = Field(..., gt=0)
    approximate: bool = False
    text: str = NonEmptyStr
    region: str = NonEmptyStr


class Growth(Figure):
    """Projected employment growth over a period."""

    percent: float
    period: str = NonEmptyStr
    comparison: str = NonEmptyStr


class Statement(Sourced):
    """A sourced sentence or paragraph."""

    text: str = NonEmptyStr


class Outlook(_Model):
    """Job outlook: openings, growth, and the productivity note."""

    openings: Openings
    growth: Growth
    productivity: Statement


class Degree(Statement):
    """The degree employers prefer."""

    level: str = NonEmptyStr


class Majors(Statement):
    """Which fields of study are common."""

    common: List[str] = Field(..., min_items=1)


class GraduateDegrees(Statement):
    """Graduate degrees some employers look for."""

    degrees: List[str] = Field(..., min_items=1)


class RelatedCourses(Statement):
    """Subjects whose courses relate to the career."""

    subjects: List[str] = Field(..., min_items=1)


class Education(_Model):
    """Education needed for the career."""

    degree: Degree
    majors: Majors
    experienced_workers: Statement
    graduate: GraduateDegrees
    related_courses: RelatedCourses


class Advancement(Sourced):
    """The usual ladder into the career and how promotion happens."""

    ladder: List[str] = Field(..., min_items=2)
    text: str = NonEmptyStr
    promotion: str = NonEmptyStr


class PathwayOption(_Model):
    """One answer to a pathway question: its value, button label and typed variants."""

    value: str = NonEmptyStr
    label: str = NonEmptyStr
    aliases: List[str] = Field(default_factory=list)
    weak_aliases: List[str] = Field(default_factory=list)
    max_years: Optional[float] = None


class PathwayQuestion(_Model):
    """A question of the pathway conversation."""

    ask: str = NonEmptyStr
    help: str = NonEmptyStr
    options: List[PathwayOption] = Field(..., min_items=2)
    fallback_option: Optional[str] = None
    yes_no: bool = False

    @root_validator(skip_on_failure=True)
    def _fallback_is_an_option(cls, values: dict) -> dict:  # noqa: N805
        fallback = values.get("fallback_option")
        if fallback and fallback not in {o.value for o in values["options"]}:
            raise ValueError(f"fallback_option {fallback!r} is not one of the options")
        return values

    def option(self, value: str) -> Optional[PathwayOption]:
        """The option with this value, if any."""
        return next((o for o in self.options if o.value == value), None)


class PathwayStep(_Model):
    """One step of a plan: what to do and why (from the career facts)."""

    do: str = NonEmptyStr
    why: str = NonEmptyStr


class PathwayPlan(_Model):
    """Which steps a student gets, for which answers."""

    when: Dict[str, str]
    steps: List[str] = Field(..., min_items=3, max_items=6)

    @validator("when")
    def _has_conditions(cls, when: Dict[str, str]) -> Dict[str, str]:  # noqa: N805
        if "stage" not in when:
            raise ValueError("every plan needs at least a 'stage' condition")
        return when


class Pathways(Sourced):
    """The education pathway: questions, starting points, steps and plans."""

    offer_button: str = NonEmptyStr
    questions: Dict[str, PathwayQuestion]
    starting_points: Dict[str, List[str]]
    steps: Dict[str, PathwayStep]
    plans: List[PathwayPlan] = Field(..., min_items=1)

    @root_validator(skip_on_failure=True)
    def _consistent(cls, values: dict) -> dict:  # noqa: N805
        """Check that the parts refer to each other and every combination of answers has a plan."""
        questions: Dict[str, PathwayQuestion] = values["questions"]
        if "stage" not in questions:
            raise ValueError("questions: a 'stage' question is required")
        stages = {o.value for o in questions["stage"].options}
        starting = values["starting_points"]
        if set(starting) != stages:
            raise ValueError(f"starting_points must list exactly the stage options: {', '.join(sorted(stages))}")
        for stage, asked in starting.items():
            for question in asked:
                if question not in questions or question == "stage":
                    raise ValueError(f"starting_points.{stage}: unknown question {question!r}")
        for index, plan in enumerate(values["plans"]):
            for step in plan.steps:
                if step not in values["steps"]:
                    raise ValueError(f"plans.{index}.steps: unknown step {step!r}")
            for question, answer in plan.when.items():
                if question not in questions or questions[question].option(answer) is None:
                    raise ValueError(f"plans.{index}.when: {question}={answer!r} is not a possible answer")
        for answers in _all_answer_combinations(questions, starting):
            if _best_plan(values["plans"], answers) is None:
                described = ", ".join(f"{k}={v}" for k, v in answers.items())
                raise ValueError(f"plans: no plan matches the answers {described}")
        return values

    def questions_for(self, stage: Optional[str]) -> List[str]:
        """The questions asked, in order, for a starting point."""
        return ["stage"] + (self.starting_points.get(stage, []) if stage else [])

    def plan_for(self, answers: Dict[str, str]) -> Optional[PathwayPlan]:
        """The most specific plan whose conditions all hold for these answers."""
        return _best_plan(self.plans, answers)


def _all_answer_combinations(
    questions: Dict[str, PathwayQuestion], starting: Dict[str, List[str]]
) -> List[Dict[str, str]]:
    combos: List[Dict[str, str]] = []
    for stage, asked in starting.items():
        partial: List[Dict[str, str]] = [{"stage": stage}]
        for question in asked:
            partial = [{**p, question: o.value} for p in partial for o in questions[question].options]
        combos += partial
    return combos


def _best_plan(plans: List[PathwayPlan], answers: Dict[str, str]) -> Optional[PathwayPlan]:
    matching = [p for p in plans if all(answers.get(k) == v for k, v in p.when.items())]
    return max(matching, key=lambda p: len(p.when), default=None)


class Career(_Model):
    """A whole career knowledge file."""

    schema_version: int = Field(..., ge=1, le=1)
    sources: Dict[str, Source]
    career: CareerInfo
    products: Products
    work_environment: WorkEnvironment
    duties: Duties
    skills: Skills
    pay: Pay
    outlook: Outlook
    education: Education
    advancement: Advancement
    pathways: Pathways

    @validator("sources")
    def _some_sources(cls, sources: Dict[str, Source]) -> Dict[str, Source]:  # noqa: N805
        if not sources:
            raise ValueError("list at least one source")
        return sources

    @root_validator(skip_on_failure=True)
    def _sources_exist(cls, values: dict) -> dict:  # noqa: N805 - pydantic validator
        """Every ``source:`` key must name an entry of ``sources``."""
        known = set(values["sources"])
        for path, key in _source_keys(values):
            if key not in known:
                raise ValueError(
                    f"{path}.source: unknown source {key!r}; "
                    f"add it under 'sources' or use one of {', '.join(sorted(known))}"
                )
        return values

    def source_name(self, key: str) -> str:
        """The human-readable name of a source key."""
        return self.sources[key].name


def _source_keys(values: dict) -> List[tuple]:
    """All (dotted path, source key) pairs found in the parsed model values."""
    found: List[tuple] = []

    def walk(obj: object, path: str) -> None:
        if isinstance(obj, Sourced):
            found.append((path, obj.source))
        if isinstance(obj, BaseModel):
            for name in obj.__fields__:
                walk(getattr(obj, name), f"{path}.{name}" if path else name)
        elif isinstance(obj, list):
            for index, item in enumerate(obj):
                walk(item, f"{path}.{index}")

    for name, value in values.items():
        if name != "sources":
            walk(value, name)
    return found
