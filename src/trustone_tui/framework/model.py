"""The question bank's model: frozen dataclasses that describe the files in ``questions/``.

The classes are plain standard-library dataclasses, so using a loaded bank needs no pydantic
import (start-up time is a budget). They are frozen, compared, hashed and shown by their
fields, but those four methods are written once in :class:`_Strict` instead of being generated
per class: ``@dataclass(frozen=True)`` compiles six methods for each class, about 0.65 ms a
class on Python 3.11, 15 ms for the 23 classes of every start (see ``docs/performance.md``).

:mod:`trustone_tui.framework.validation` validates the files
into these classes with pydantic: the field types come from the annotations, unknown keys are
rejected (``__pydantic_config__``), and each class checks its own value ranges and shape in
``__post_init__``, which pydantic calls after the field types are validated.
:mod:`trustone_tui.framework.bank` then checks how the files fit together.
"""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError, dataclass, field
from functools import partial
from typing import Any, ClassVar, Literal

Category = Literal["B", "C"]
Size = Literal["small", "medium_large"]
AnswerWord = Literal["nee", "gedeeltelijk", "ja"]
QuestionKind = Literal["choice", "band", "percentage", "header"]

PROFILE_RE = re.compile(r"^(B|C):(small|medium_large)$")
QUESTION_ID_RE = re.compile(r"^[1-6](\.[1-9])?(\.\d{1,2}[a-c]?)?$")
ELEMENT_GROUP_KEY_RE = re.compile(r"^[a-z_]+$")


class _Strict:
    """Base of every bank class: unknown keys are errors, and ``check`` runs on validation.

    Also what ``@dataclass(frozen=True)`` would generate, once for all classes (see the module
    docstring): fields are set once, by ``__init__``, and never again; equality and the hash
    are those of the field values (like a frozen dataclass, a class with a dict field has
    none); the repr lists the fields.
    """

    __pydantic_config__: ClassVar[dict[str, str]] = {"extra": "forbid"}
    __dataclass_fields__: ClassVar[dict[str, Any]]

    def __setattr__(self, name: str, value: object) -> None:
        if name in self.__dict__ or name not in self.__dataclass_fields__:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _field_values(self) -> tuple[object, ...]:
        return tuple(map(partial(getattr, self), self.__dataclass_fields__))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, _Strict)
        return self._field_values() == other._field_values()

    def __hash__(self) -> int:
        return hash(self._field_values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__dataclass_fields__)
        return f"{type(self).__qualname__}({fields})"

    def __post_init__(self) -> None:
        self.check()

    def check(self) -> None:
        """Raise ``ValueError`` naming the field when a value is out of its range."""


def _at_least(name: str, value: float | None, low: float) -> None:
    if value is not None and value < low:
        raise ValueError(f"{name} must be at least {low:g}, got {value:g}")


def _above(name: str, value: float | None, low: float) -> None:
    if value is not None and value <= low:
        raise ValueError(f"{name} must be more than {low:g}, got {value:g}")


def _at_most(name: str, value: float | None, high: float) -> None:
    if value is not None and value > high:
        raise ValueError(f"{name} must be at most {high:g}, got {value:g}")


def _percentage(name: str, value: float | None) -> None:
    _at_least(name, value, 0)
    _at_most(name, value, 100)


#: The longest oddity note: one short line under the question.
ODDITY_MAX_CHARS = 160


def _one_short_line(name: str, text: str | None) -> None:
    """An oddity note: one line of at most :data:`ODDITY_MAX_CHARS` characters, not blank."""
    if text is None:
        return
    if not text.strip() or "\n" in text:
        raise ValueError(f"{name} must be one line of text")
    if len(text) > ODDITY_MAX_CHARS:
        raise ValueError(f"{name} must be at most {ODDITY_MAX_CHARS} characters, got {len(text)}")


def _not_empty(name: str, items: tuple[object, ...]) -> None:
    if not items:
        raise ValueError(f"{name} must list at least one item")


@dataclass(kw_only=True, repr=False, eq=False)
class ElementCondition(_Strict):
    """ "At least N of these ticked elements" (N defaults to all of them)."""

    of: tuple[int, ...]
    at_least: int | None = None
    majority: bool = False
    group: str | None = None

    def check(self) -> None:
        _not_empty("of", self.of)
        _at_least("at_least", self.at_least, 1)
        if self.majority and self.at_least is not None:
            raise ValueError("use either at_least or majority, not both")
        if self.at_least is not None and self.at_least > len(self.of):
            raise ValueError(f"at_least = {self.at_least} exceeds the {len(self.of)} listed")

    @property
    def required(self) -> int:
        """How many of ``of`` must be ticked."""
        if self.majority:
            return len(self.of) // 2 + 1
        return self.at_least if self.at_least is not None else len(self.of)


@dataclass(kw_only=True, repr=False, eq=False)
class ElementRule(_Strict):
    """Conditions (all must hold) that suggest *Gedeeltelijk* or *Ja* from ticked elements."""

    gedeeltelijk: tuple[ElementCondition, ...] = ()
    ja: tuple[ElementCondition, ...]

    def check(self) -> None:
        _not_empty("ja", self.ja)


@dataclass(kw_only=True, repr=False, eq=False)
class Band(_Strict):
    """One row of a percentage band table: ``min <= x < below`` earns ``points``."""

    label: str
    min: float
    below: float | None = None
    points: float

    def check(self) -> None:
        _percentage("min", self.min)
        _above("below", self.below, 0)
        _at_most("below", self.below, 100)
        _at_least("points", self.points, 0)

    def contains(self, percentage: float) -> bool:
        return percentage >= self.min and (self.below is None or percentage < self.below)


@dataclass(kw_only=True, repr=False, eq=False)
class CriteriaVariant(_Strict):
    """The *Nee / Gedeeltelijk / Ja* criteria for one audience, verbatim from the seed."""

    audience: str
    heading: str
    nee: str | None = None
    gedeeltelijk: str | None = None
    ja: str | None = None
    bands: tuple[Band, ...] = ()
    gedeeltelijk_from: float | None = None
    ja_above: float | None = None
    #: Where the framework is odd for this audience only, in one short Dutch line (shown under
    #: the question; ``docs/framework-notes.md`` has the reading), e.g. identical criteria.
    oddity: str | None = None

    def check(self) -> None:
        _one_short_line("oddity", self.oddity)
        _percentage("gedeeltelijk_from", self.gedeeltelijk_from)
        _percentage("ja_above", self.ja_above)
        texts = (self.nee, self.gedeeltelijk, self.ja)
        if self.bands:
            if any(t is not None for t in texts):
                raise ValueError("a band variant has bands, not nee/gedeeltelijk/ja texts")
        elif any(t is None for t in texts):
            raise ValueError("needs nee, gedeeltelijk and ja texts (or bands)")
        if (self.gedeeltelijk_from is None) != (self.ja_above is None):
            raise ValueError("gedeeltelijk_from and ja_above go together")
        if self.ja_above is not None and self.gedeeltelijk_from > self.ja_above:  # type: ignore[operator]
            raise ValueError("gedeeltelijk_from must not exceed ja_above")

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


@dataclass(kw_only=True, repr=False, eq=False)
class ElementGroup(_Strict):
    key: str
    label: str

    def check(self) -> None:
        if not ELEMENT_GROUP_KEY_RE.match(self.key):
            raise ValueError(f"key {self.key!r} must be lower-case letters and underscores")


@dataclass(kw_only=True, repr=False, eq=False)
class Question(_Strict):
    """One question (or a 0-point group heading such as 2.1.1) of the framework."""

    id: str
    section: str | None = None
    parent: str | None = None
    kind: QuestionKind
    text: str
    max_b: float | None = None
    max_c: float | None = None
    core_levels: tuple[int, ...] = ()
    nvt_allowed: bool = False
    percentage_subject: str | None = None
    elements_heading: str | None = None
    elements: tuple[str, ...] = ()
    element_groups: tuple[ElementGroup, ...] = ()
    criteria_from: str | None = None
    guidance: str
    rules: dict[str, ElementRule] = field(default_factory=dict)
    criteria: tuple[CriteriaVariant, ...] = ()
    #: Where the framework itself is odd at this question, in one short Dutch line (shown under
    #: the question; ``docs/framework-notes.md`` has the reading).
    oddity: str | None = None

    def check(self) -> None:
        _one_short_line("oddity", self.oddity)
        if not QUESTION_ID_RE.match(self.id):
            raise ValueError(f"id {self.id!r} is not a question id like 1.1.5, 2.1.1a or 5.2")
        _at_least("max_b", self.max_b, 0)
        _at_least("max_c", self.max_c, 0)
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

    @property
    def step(self) -> int:
        return int(self.id.split(".", 1)[0])

    @property
    def is_scored(self) -> bool:
        return self.kind != "header"

    def max_for(self, category: Category) -> float | None:
        """Maximum points for the category, or None when the question is not scored for it."""
        return self.max_b if category == "B" else self.max_c

    def oddity_for(self, variant: CriteriaVariant | None) -> str | None:
        """The oddity note that applies: the variant's own, else the question's."""
        return (variant.oddity if variant is not None else None) or self.oddity


@dataclass(kw_only=True, repr=False, eq=False)
class ResourceList(_Strict):
    heading: str
    items: tuple[str, ...]


@dataclass(kw_only=True, repr=False, eq=False)
class Section(_Strict):
    id: str
    title: str


@dataclass(kw_only=True, repr=False, eq=False)
class StepFile(_Strict):
    """One ``questions/stepN.toml``."""

    number: int
    title: str
    introduction: str
    resources: tuple[ResourceList, ...] = ()
    sections: tuple[Section, ...] = ()
    questions: tuple[Question, ...]

    def check(self) -> None:
        _at_least("number", self.number, 1)
        _at_most("number", self.number, 6)
        _not_empty("questions", self.questions)


@dataclass(kw_only=True, repr=False, eq=False)
class Audience(_Strict):
    key: str
    label: str
    profiles: tuple[str, ...]

    def check(self) -> None:
        _not_empty("profiles", self.profiles)
        for profile in self.profiles:
            if not PROFILE_RE.match(profile):
                raise ValueError(
                    f"profiles: {profile!r} is not a profile like 'C:small' or 'B:medium_large'"
                )


@dataclass(kw_only=True, repr=False, eq=False)
class Level(_Strict):
    id: str
    category: Category
    rank: int
    quarry_insight_min: float
    factory_insight_min: float
    score_min: float
    points_above: float | None = None
    core_levels: tuple[int, ...] = ()
    description: str

    def check(self) -> None:
        _at_least("rank", self.rank, 1)
        _percentage("quarry_insight_min", self.quarry_insight_min)
        _percentage("factory_insight_min", self.factory_insight_min)
        _percentage("score_min", self.score_min)


@dataclass(kw_only=True, repr=False, eq=False)
class WeightRow(_Strict):
    sections: tuple[str, ...]
    title: str
    b_points: float | None = None
    b_percentage: float | None = None
    c_points: float
    c_percentage: float


@dataclass(kw_only=True, repr=False, eq=False)
class WeightTotal(_Strict):
    b_points: float
    b_percentage: float
    c_points: float
    c_percentage: float


@dataclass(kw_only=True, repr=False, eq=False)
class Scoring(_Strict):
    partial_fraction: float
    text: str

    def check(self) -> None:
        if not 0 < self.partial_fraction < 1:
            raise ValueError(
                f"partial_fraction must lie between 0 and 1, got {self.partial_fraction:g}"
            )


@dataclass(kw_only=True, repr=False, eq=False)
class Insight(_Strict):
    quarry_question: str
    factory_question: str


@dataclass(kw_only=True, repr=False, eq=False)
class CategoryText(_Strict):
    description: str
    short: str


@dataclass(kw_only=True, repr=False, eq=False)
class SmallCompanyRule(_Strict):
    employees_below: int
    revenue_at_most_eur: int
    text: str

    def check(self) -> None:
        _at_least("employees_below", self.employees_below, 1)
        _at_least("revenue_at_most_eur", self.revenue_at_most_eur, 0)


@dataclass(kw_only=True, repr=False, eq=False)
class TimelineStage(_Strict):
    level: int
    years: int

    def check(self) -> None:
        _at_least("level", self.level, 1)
        _at_least("years", self.years, 1)


@dataclass(kw_only=True, repr=False, eq=False)
class DelayConsequence(_Strict):
    """What the seed says follows a delay, for companies at these levels (0: no level yet)."""

    from_level: int
    to_level: int | None = None
    text: str

    def check(self) -> None:
        _at_least("from_level", self.from_level, 0)
        _at_least("to_level", self.to_level, 0)
        if self.to_level is not None and self.to_level < self.from_level:
            raise ValueError("to_level must not be below from_level")

    def covers(self, level: int) -> bool:
        return level >= self.from_level and (self.to_level is None or level <= self.to_level)


@dataclass(kw_only=True, repr=False, eq=False)
class Timeline(_Strict):
    text: str
    max_delay_years: int
    delay_text: str
    exceptions_text: str
    stages: tuple[TimelineStage, ...]
    consequences: tuple[DelayConsequence, ...] = ()

    def check(self) -> None:
        _at_least("max_delay_years", self.max_delay_years, 0)
        _not_empty("stages", self.stages)
        levels = [stage.level for stage in self.stages]
        if levels != list(range(levels[0], levels[0] + len(levels))):
            raise ValueError(f"stage levels must be consecutive and rising, got {levels}")


@dataclass(kw_only=True, repr=False, eq=False)
class FrequencyColumn(_Strict):
    year: int
    level: str
    medium_large: str
    small: str

    def check(self) -> None:
        _at_least("year", self.year, 1)


@dataclass(kw_only=True, repr=False, eq=False)
class Frequency(_Strict):
    text: str
    limited_text: str
    columns: tuple[FrequencyColumn, ...]

    def check(self) -> None:
        _not_empty("columns", self.columns)


@dataclass(kw_only=True, repr=False, eq=False)
class FrameworkFile(_Strict):
    """``questions/framework.toml``."""

    name: str
    version: str
    steps: tuple[str, ...]
    scoring: Scoring
    insight: Insight
    categories: dict[Category, CategoryText]
    small_company: SmallCompanyRule
    audiences: tuple[Audience, ...]
    levels: tuple[Level, ...]
    weights: tuple[WeightRow, ...]
    weights_total: WeightTotal
    timeline: Timeline
    frequency: Frequency

    def check(self) -> None:
        _not_empty("steps", self.steps)
        _not_empty("audiences", self.audiences)
        _not_empty("levels", self.levels)
