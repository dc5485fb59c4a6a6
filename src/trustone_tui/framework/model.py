"""Pydantic models of the question bank files in ``questions/``.

Every model forbids unknown keys, so a typo in a TOML file is an error that names the key.
These models describe the files; :mod:`trustone_tui.framework.bank` checks how they fit together.
"""

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Category = Literal["B", "C"]
Size = Literal["small", "medium_large"]
AnswerWord = Literal["nee", "gedeeltelijk", "ja"]
QuestionKind = Literal["choice", "band", "percentage", "header"]

PROFILE_RE = re.compile(r"^(B|C):(small|medium_large)$")
QUESTION_ID_RE = re.compile(r"^[1-6](\.[1-9])?(\.\d{1,2}[a-c]?)?$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ElementCondition(_Strict):
    """ "At least N of these ticked elements" (N defaults to all of them)."""

    of: tuple[int, ...] = Field(min_length=1)
    at_least: int | None = Field(default=None, ge=1)
    majority: bool = False
    group: str | None = None

    @model_validator(mode="after")
    def _one_threshold(self) -> "ElementCondition":
        if self.majority and self.at_least is not None:
            raise ValueError("use either at_least or majority, not both")
        if self.at_least is not None and self.at_least > len(self.of):
            raise ValueError(f"at_least = {self.at_least} exceeds the {len(self.of)} listed")
        return self

    @property
    def required(self) -> int:
        """How many of ``of`` must be ticked."""
        if self.majority:
            return len(self.of) // 2 + 1
        return self.at_least if self.at_least is not None else len(self.of)


class ElementRule(_Strict):
    """Conditions (all must hold) that suggest *Gedeeltelijk* or *Ja* from ticked elements."""

    gedeeltelijk: tuple[ElementCondition, ...] = ()
    ja: tuple[ElementCondition, ...] = Field(min_length=1)


class Band(_Strict):
    """One row of a percentage band table: ``min <= x < below`` earns ``points``."""

    label: str
    min: float = Field(ge=0, le=100)
    below: float | None = Field(default=None, gt=0, le=100)
    points: float = Field(ge=0)

    def contains(self, percentage: float) -> bool:
        return percentage >= self.min and (self.below is None or percentage < self.below)


class CriteriaVariant(_Strict):
    """The *Nee / Gedeeltelijk / Ja* criteria for one audience, verbatim from the seed."""

    audience: str
    heading: str
    nee: str | None = None
    gedeeltelijk: str | None = None
    ja: str | None = None
    bands: tuple[Band, ...] = ()
    gedeeltelijk_from: float | None = Field(default=None, ge=0, le=100)
    ja_above: float | None = Field(default=None, ge=0, le=100)

    @model_validator(mode="after")
    def _shape(self) -> "CriteriaVariant":
        texts = (self.nee, self.gedeeltelijk, self.ja)
        if self.bands:
            if any(t is not None for t in texts):
                raise ValueError("a band variant has bands, not nee/gedeeltelijk/ja texts")
        elif any(t is None for t in texts):
            raise ValueError("needs nee, gedeeltelijk and ja texts (or bands)")
        if (self.gedeeltelijk_from is None) != (self.ja_above is None):
            raise ValueError("gedeeltelijk_from and ja_above go together")
        if self.ja_above is not None and self.gedeeltelijk_from > self.ja_above:
            raise ValueError("gedeeltelijk_from must not exceed ja_above")
        return self

    @property
    def has_percentage_rule(self) -> bool:
        return self.ja_above is not None

    def answer_for_percentage(self, percentage: float) -> AnswerWord:
        """Turn a % of factories, quarries or chains into the answer this variant gives it."""
        assert self.gedeeltelijk_from is not None and self.ja_above is not None
        if percentage > self.ja_above:
            return "ja"
        if percentage >= self.gedeeltelijk_from:
            return "gedeeltelijk"
        return "nee"

    def band_for(self, percentage: float) -> Band:
        for band in self.bands:
            if band.contains(percentage):
                return band
        raise ValueError(f"no band for {percentage}%")  # the bank loader proves this cannot happen


class ElementGroup(_Strict):
    key: str = Field(pattern=r"^[a-z_]+$")
    label: str


class Question(_Strict):
    """One question (or a 0-point group heading such as 2.1.1) of the framework."""

    id: str
    section: str | None = None
    parent: str | None = None
    kind: QuestionKind
    text: str
    max_b: float | None = Field(default=None, ge=0)
    max_c: float | None = Field(default=None, ge=0)
    core_levels: tuple[int, ...] = ()
    nvt_allowed: bool = False
    percentage_subject: str | None = None
    elements_heading: str | None = None
    elements: tuple[str, ...] = ()
    element_groups: tuple[ElementGroup, ...] = ()
    criteria_from: str | None = None
    guidance: str
    rules: dict[str, ElementRule] = Field(default_factory=dict)
    criteria: tuple[CriteriaVariant, ...] = ()

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not QUESTION_ID_RE.match(value):
            raise ValueError(f"{value!r} is not a question id like 1.1.5, 2.1.1a or 5.2")
        return value

    @model_validator(mode="after")
    def _kind_shape(self) -> "Question":
        if self.max_c is None:
            raise ValueError("every question has a category C maximum (max_c)")
        if self.kind == "header" and ((self.max_b or 0) != 0 or self.max_c != 0 or self.criteria):
            raise ValueError("a header has 0 points and no criteria")
        if self.kind in ("band", "percentage") and not self.percentage_subject:
            raise ValueError(f"a {self.kind} question names its percentage_subject")
        if self.kind != "choice" and (self.elements or self.rules):
            raise ValueError(f"a {self.kind} question has no elements or rules")
        if self.rules and not self.elements:
            raise ValueError("rules need elements")
        if self.elements and not self.elements_heading:
            raise ValueError("elements need their elements_heading")
        if any(level not in (4, 5) for level in self.core_levels):
            raise ValueError("core_levels holds 4 and/or 5")
        return self

    @property
    def step(self) -> int:
        return int(self.id.split(".", 1)[0])

    @property
    def is_scored(self) -> bool:
        return self.kind != "header"

    def max_for(self, category: Category) -> float | None:
        """Maximum points for the category, or None when the question is not scored for it."""
        return self.max_b if category == "B" else self.max_c


class ResourceList(_Strict):
    heading: str
    items: tuple[str, ...]


class Section(_Strict):
    id: str
    title: str


class StepFile(_Strict):
    """One ``questions/stepN.toml``."""

    number: int = Field(ge=1, le=6)
    title: str
    introduction: str
    resources: tuple[ResourceList, ...] = ()
    sections: tuple[Section, ...] = ()
    questions: tuple[Question, ...] = Field(min_length=1)


class Audience(_Strict):
    key: str
    label: str
    profiles: tuple[str, ...] = Field(min_length=1)

    @field_validator("profiles")
    @classmethod
    def _profile_shape(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for profile in value:
            if not PROFILE_RE.match(profile):
                raise ValueError(f"{profile!r} is not a profile like 'C:small' or 'B:medium_large'")
        return value


class Level(_Strict):
    id: str
    category: Category
    rank: int = Field(ge=1)
    quarry_insight_min: float = Field(ge=0, le=100)
    factory_insight_min: float = Field(ge=0, le=100)
    score_min: float = Field(ge=0, le=100)
    points_above: float | None = None
    core_levels: tuple[int, ...] = ()
    description: str


class WeightRow(_Strict):
    sections: tuple[str, ...]
    title: str
    b_points: float | None = None
    b_percentage: float | None = None
    c_points: float
    c_percentage: float


class WeightTotal(_Strict):
    b_points: float
    b_percentage: float
    c_points: float
    c_percentage: float


class Scoring(_Strict):
    partial_fraction: float = Field(gt=0, lt=1)
    text: str


class Insight(_Strict):
    quarry_question: str
    factory_question: str


class CategoryText(_Strict):
    description: str
    short: str


class SmallCompanyRule(_Strict):
    employees_below: int = Field(ge=1)
    revenue_at_most_eur: int = Field(ge=0)
    text: str


class TimelineStage(_Strict):
    level: int = Field(ge=1)
    years: int = Field(ge=1)


class DelayConsequence(_Strict):
    """What the seed says follows a delay, for companies at these levels (0: no level yet)."""

    from_level: int = Field(ge=0)
    to_level: int | None = Field(default=None, ge=0)
    text: str

    @model_validator(mode="after")
    def _range(self) -> "DelayConsequence":
        if self.to_level is not None and self.to_level < self.from_level:
            raise ValueError("to_level must not be below from_level")
        return self

    def covers(self, level: int) -> bool:
        return level >= self.from_level and (self.to_level is None or level <= self.to_level)


class Timeline(_Strict):
    text: str
    max_delay_years: int = Field(ge=0)
    delay_text: str
    exceptions_text: str
    stages: tuple[TimelineStage, ...] = Field(min_length=1)
    consequences: tuple[DelayConsequence, ...] = ()

    @model_validator(mode="after")
    def _stages_climb(self) -> "Timeline":
        levels = [stage.level for stage in self.stages]
        if levels != list(range(levels[0], levels[0] + len(levels))):
            raise ValueError(f"stage levels must be consecutive and rising, got {levels}")
        return self


class FrequencyColumn(_Strict):
    year: int = Field(ge=1)
    level: str
    medium_large: str
    small: str


class Frequency(_Strict):
    text: str
    limited_text: str
    columns: tuple[FrequencyColumn, ...] = Field(min_length=1)


class FrameworkFile(_Strict):
    """``questions/framework.toml``."""

    name: str
    version: str
    steps: tuple[str, ...] = Field(min_length=1)
    scoring: Scoring
    insight: Insight
    categories: dict[Category, CategoryText]
    small_company: SmallCompanyRule
    audiences: tuple[Audience, ...] = Field(min_length=1)
    levels: tuple[Level, ...] = Field(min_length=1)
    weights: tuple[WeightRow, ...]
    weights_total: WeightTotal
    timeline: Timeline
    frequency: Frequency
