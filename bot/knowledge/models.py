"""The one schema of every career knowledge file (``knowledge/careers/<id>.yml``).

Every section except the career's identity (``career``: name, summary, source)
and ``sources`` is optional: a fact a file lacks is answered with "I don't have
that for <career> yet", never with another career's fact. Every figure carries
the key of its source and its own date, exactly as the source states it
("May 2022", "2022-32", "2023 to 2033"), because one page can pair one year's
pay with another period's projections.

Validated on load, so a malformed file fails at start-up (and in ``make check``)
with the file and the field named.
"""

from __future__ import annotations

from typing import Dict, List, Optional

from pydantic import BaseModel, Extra, Field, root_validator, validator

SCHEMA_VERSION = 2
NonEmptyStr = Field(..., min_length=1)


class _Model(BaseModel):
    """Base for all knowledge models: immutable, unknown keys rejected."""

    class Config:
        extra = Extra.forbid
        allow_mutation = False
        anystr_strip_whitespace = True


class Source(_Model):
    """Where facts come from (referenced by key from every fact)."""

    name: str = NonEmptyStr
    url: str = ""
    edition: str = ""
    note: str = ""


class Sourced(_Model):
    """A fact with the key of its source."""

    source: str = NonEmptyStr


class Paragraph(Sourced):
    """A sourced sentence or paragraph, in plain words for grades 6-12."""

    text: str = NonEmptyStr


class CareerInfo(Sourced):
    """Who the career is: its id, names, the words students use for it, its clusters and summary."""

    id: str = Field(..., regex=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = NonEmptyStr  # singular: "registered nurse"
    plural: str = NonEmptyStr  # "registered nurses"
    name: str = ""  # the occupation's full name where it differs ("Software Developers, Quality Assurance ...")
    aliases: List[str] = Field(default_factory=list)  # other words for it: "rn", "nurse", "nurces"
    clusters: List[str] = Field(..., min_items=1)
    summary: str = NonEmptyStr

    @validator("clusters", each_item=True)
    def _known_cluster(cls, cluster: str) -> str:  # noqa: N805 - pydantic validator
        if cluster not in CLUSTERS:
            raise ValueError(f"unknown career cluster {cluster!r}; use one of: {', '.join(CLUSTERS)}")
        return cluster


# The 16 clusters of the National Career Clusters framework (as the source files name them).
CLUSTERS = (
    "Agriculture, Food & Natural Resources", "Architecture & Construction",
    "Arts, A/V Technology & Communications", "Business Management & Administration", "Education & Training",
    "Finance", "Government & Public Administration", "Health Science", "Hospitality & Tourism", "Human Services",
    "Information Technology", "Law, Public Safety, Corrections & Security", "Manufacturing",
    "Marketing, Sales & Service", "Science, Technology, Engineering & Mathematics",
    "Transportation, Distribution & Logistics",
)


class Wage(Sourced):
    """A median wage: for whom, per year and/or per hour, and its date as the source states it."""

    who: str = NonEmptyStr  # "registered nurses", or a sub-occupation: "software quality assurance analysts"
    annual: Optional[float] = Field(None, gt=0)
    hourly: Optional[float] = Field(None, gt=0)
    date: str = NonEmptyStr

    @root_validator(skip_on_failure=True)
    def _some_amount(cls, values: dict) -> dict:  # noqa: N805
        if values.get("annual") is None and values.get("hourly") is None:
            raise ValueError("give the median per year (annual), per hour (hourly), or both")
        return values


class PayFactors(Sourced):
    """What pay depends on."""

    intro: str = NonEmptyStr
    items: List[str] = Field(..., min_items=1)


class Pay(_Model):
    """Median pay of the whole occupation, and of its sub-occupations where the source gives them."""

    median: Optional[Wage] = None
    groups: List[Wage] = Field(default_factory=list)
    factors: Optional[PayFactors] = None

    @root_validator(skip_on_failure=True)
    def _some_figure(cls, values: dict) -> dict:  # noqa: N805
        if values.get("median") is None and not values.get("groups"):
            raise ValueError("give the median (median) or the sub-occupations' medians (groups)")
        return values


class Jobs(Sourced):
    """How many jobs the occupation had, and when."""

    count: int = Field(..., gt=0)
    date: str = NonEmptyStr


class Growth(Sourced):
    """Projected change in employment, in percent, over a period, with the source's words for it."""

    percent: float
    period: str = NonEmptyStr  # "2022 to 2032" or "2022-32", as the source states it
    words: str = NonEmptyStr  # "faster than the average for all occupations"


class Change(Sourced):
    """Projected change in the number of jobs over the period."""

    count: int
    period: str = NonEmptyStr


class Openings(Sourced):
    """Projected openings each year, on average, over the projection period."""

    per_year: int = Field(..., gt=0)
    period: str = NonEmptyStr


class Outlook(_Model):
    """The job outlook: growth, change, openings, and any notes the source gives."""

    growth: Optional[Growth] = None
    change: Optional[Change] = None
    openings: Optional[Openings] = None
    notes: Optional[Paragraph] = None  # "Over the past several decades, ... fewer, but larger, farms."
    automation: Optional[Paragraph] = None


class EntryLevel(Sourced):
    """The typical entry-level education, as the source names it."""

    level: str = NonEmptyStr  # "Bachelor's degree", "Postsecondary nondegree award"


class Requirement(Sourced):
    """Work experience or on-the-job training, as the source words it ("None", "5 years or more")."""

    text: str = NonEmptyStr


class Majors(Paragraph):
    """Which fields of study are common."""

    common: List[str] = Field(..., min_items=1)


class GraduateDegrees(Paragraph):
    """Graduate degrees some employers look for."""

    degrees: List[str] = Field(..., min_items=1)


class RelatedCourses(Paragraph):
    """Subjects whose courses relate to the career."""

    subjects: List[str] = Field(..., min_items=1)


class Education(_Model):
    """Education and experience needed. Every part is optional."""

    entry_level: Optional[EntryLevel] = None
    work_experience: Optional[Requirement] = None
    on_the_job_training: Optional[Requirement] = None
    preferred: Optional[Paragraph] = None  # "Employers prefer ... at least a bachelor's degree."
    majors: Optional[Majors] = None
    graduate: Optional[GraduateDegrees] = None
    related_courses: Optional[RelatedCourses] = None
    without_degree: Optional[Paragraph] = None  # a way in without the usual degree, if the source gives one


class Products(Sourced):
    """Kinds of goods made where the career works."""

    intro: str = NonEmptyStr
    examples: List[str] = Field(..., min_items=1)


class WorkEnvironment(Paragraph):
    """Where the work happens (and any protective equipment worn)."""

    protective_equipment: List[str] = Field(default_factory=list)


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
    """A whole career knowledge file: identity and sources required, every other section optional."""

    schema_version: int = Field(..., ge=SCHEMA_VERSION, le=SCHEMA_VERSION)
    sources: Dict[str, Source]
    career: CareerInfo
    work_environment: Optional[WorkEnvironment] = None
    how_to_become: Optional[Paragraph] = None
    education: Optional[Education] = None
    pay: Optional[Pay] = None
    jobs: Optional[Jobs] = None
    outlook: Optional[Outlook] = None
    duties: Optional[Duties] = None
    products: Optional[Products] = None
    skills: Optional[Skills] = None
    advancement: Optional[Advancement] = None
    pathways: Optional[Pathways] = None
    # For the counselor who reviews the file (never shown to students): what the source lacked.
    review_notes: List[str] = Field(default_factory=list)

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

    @property
    def id(self) -> str:
        """The career's id (the file's name without .yml)."""
        return self.career.id

    def source(self, key: str) -> Source:
        """A source by its key."""
        return self.sources[key]

    def names(self) -> List[str]:
        """Every name students may use for the career: title, plural, full name, aliases."""
        found = [self.career.title, self.career.plural, self.career.name, *self.career.aliases]
        return [name for name in dict.fromkeys(n.strip() for n in found) if name]


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


class GeneralFacts(_Model):
    """Facts about all occupations together (``knowledge/general.yml``), for context in answers."""

    schema_version: int = Field(..., ge=SCHEMA_VERSION, le=SCHEMA_VERSION)
    sources: Dict[str, Source]
    all_occupations_median: Optional[Wage] = None

    @root_validator(skip_on_failure=True)
    def _sources_exist(cls, values: dict) -> dict:  # noqa: N805 - pydantic validator
        """Every ``source:`` key must name an entry of ``sources``."""
        known = set(values["sources"])
        for path, key in _source_keys(values):
            if key not in known:
                raise ValueError(f"{path}.source: unknown source {key!r}; use one of {', '.join(sorted(known))}")
        return values
