"""Score a session exactly as the beoordelingskader says: points, percentage, level, next level.

Pure functions over the framework and a session; no I/O and no Textual.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from fractions import Fraction
from typing import Literal, NamedTuple

from trustone_tui.engine.session import QuestionAnswer, Session, profile_of
from trustone_tui.engine.sources import PercentageSource, effective_answers
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.model import (
    AnswerWord,
    Band,
    Category,
    CriteriaVariant,
    Level,
    Question,
    StepFile,
)
from trustone_tui.framework.profile import Profile

Status = Literal["open", "answered", "nvt", "not_counted"]
AnswerSource = Literal["given", "percentage", "band"]


class QuestionResult(NamedTuple):
    """How one question scores for this company."""

    question: Question
    status: Status
    #: The answer that counts: given, or derived from the percentage (None when open, n.v.t.
    #: or for band questions, which earn band points instead).
    answer: AnswerWord | None
    source: AnswerSource | None
    percentage: float | None
    band: Band | None
    #: None when n.v.t. or not counted.
    points: float | None
    #: 0 when n.v.t. or not counted.
    max_points: float
    criteria: CriteriaVariant | None
    #: Where ``percentage`` comes from: the supply-chain register or typed in the interview.
    percentage_source: PercentageSource | None = None

    @property
    def counted(self) -> bool:
        return self.status != "not_counted"

    @property
    def is_open(self) -> bool:
        return self.status == "open"


class StepResult(NamedTuple):
    number: int
    title: str
    points: float
    max_points: float
    answered: int
    open: int

    @property
    def percentage(self) -> float:
        """points / max_points * 100; 0 for a step without counted questions."""
        return self.points / self.max_points * 100 if self.max_points else 0.0


class LevelGap(NamedTuple):
    """What a company still needs for ``level`` (all zero/empty when it meets the level)."""

    level: Level
    points_needed: float
    quarry_insight_needed: float
    factory_insight_needed: float
    core_questions_missing: tuple[str, ...]

    @property
    def met(self) -> bool:
        return (
            self.points_needed == 0
            and self.quarry_insight_needed == 0
            and self.factory_insight_needed == 0
            and not self.core_questions_missing
        )


class Assessment(NamedTuple):
    profile: Profile
    results: Mapping[str, QuestionResult]
    steps: tuple[StepResult, ...]
    points: float
    max_points: float
    #: points / max_points * 100 over the counted (not n.v.t.) questions.
    percentage: float
    quarry_insight: float
    factory_insight: float
    level: Level | None
    #: Gaps for every level of the category, lowest first.
    gaps: tuple[LevelGap, ...]

    @property
    def next(self) -> LevelGap | None:
        """The gap to the level above the current one (None at the top level)."""
        rank = self.level.rank if self.level else 0
        return next((gap for gap in self.gaps if gap.level.rank == rank + 1), None)

    def open_questions(self) -> list[QuestionResult]:
        return [r for r in self.results.values() if r.is_open]


#: The smallest shortfall :func:`insight_short` reports (its rounding keeps nine decimals).
INSIGHT_RESOLUTION = 1e-9


def insight_short(minimum: float, percentage: float) -> float:
    """Percentage points still needed, without float noise: 50 - 49.9 is 0.1.

    0 only when the minimum is met: 99.99999999999999% is not 100% however little is missing
    (a shortfall below the rounding is reported as ``INSIGHT_RESOLUTION``).
    """
    if percentage >= minimum:
        return 0.0
    return max(round(minimum - percentage, 9), INSIGHT_RESOLUTION)


def _exact(value: float) -> int | Fraction:
    """The exact value of a float: an int when whole, else a Fraction."""
    return int(value) if float(value).is_integer() else Fraction(value)


_UNANSWERED = QuestionAnswer()


def score_question(
    question: Question,
    given: QuestionAnswer | None,
    profile: Profile,
    framework: Framework,
    source: PercentageSource | None = None,
) -> QuestionResult:
    """How ``given`` scores; its percentage comes from ``source`` (default: it was entered)."""
    given = given or _UNANSWERED
    if source is None and given.percentage is not None:
        source = "entered"
    return _score(framework, question.id, given.answer, given.percentage, profile.key, source)


@functools.lru_cache(maxsize=4096, typed=True)
def _score(
    framework: Framework,
    question_id: str,
    answer_given: str | None,
    percentage: float | None,
    profile_key: str,
    percentage_source: PercentageSource | None = None,
) -> QuestionResult:
    """Score one question. The result depends on nothing else and is immutable, so identical
    inputs share one: scoring many sessions (or one session after each edit) repeats them."""
    result = _score_given(framework, question_id, answer_given, percentage, profile_key)
    if percentage_source is None or result.percentage is None:
        return result
    return result._replace(percentage_source=percentage_source)


def _score_given(
    framework: Framework,
    question_id: str,
    answer_given: str | None,
    percentage: float | None,
    profile_key: str,
) -> QuestionResult:
    question = framework.questions[question_id]
    category, size = profile_key.split(":")
    profile = Profile(category, size)  # type: ignore[arg-type]
    given = QuestionAnswer(answer=answer_given, percentage=percentage)  # type: ignore[arg-type]
    maximum = question.max_for(profile.category)
    if maximum is None:
        return QuestionResult(question, "not_counted", None, None, None, None, None, 0, None)
    variant = framework.criteria(question.id, profile)
    if given.answer == "nvt":
        if not question.nvt_allowed:
            raise ValueError(f"{question.id} does not allow n.v.t.")
        return QuestionResult(question, "nvt", None, "given", None, None, None, 0, variant)
    if question.kind == "band":
        if given.percentage is None:
            return QuestionResult(question, "open", None, None, None, None, 0, maximum, variant)
        band = variant.band_for(given.percentage)
        return QuestionResult(
            question,
            "answered",
            None,
            "band",
            given.percentage,
            band,
            band.points,
            maximum,
            variant,
        )
    answer: AnswerWord | None = given.answer
    source: AnswerSource | None = "given" if answer else None
    if answer is None and question.kind == "percentage" and given.percentage is not None:
        answer, source = variant.answer_for_percentage(given.percentage), "percentage"
    if answer is None:
        return QuestionResult(
            question, "open", None, None, given.percentage, None, 0, maximum, variant
        )
    points = answer_points(answer, maximum, framework)
    return QuestionResult(
        question, "answered", answer, source, given.percentage, None, points, maximum, variant
    )


def answer_points(answer: AnswerWord, maximum: float, framework: Framework) -> float:
    """*Ja* earns the maximum, *Gedeeltelijk* the partial fraction of it, *Nee* nothing."""
    if answer == "ja":
        return maximum
    if answer == "gedeeltelijk":
        return maximum * framework.meta.scoring.partial_fraction
    return 0.0


def _earned_x100(points: float) -> int | Fraction:
    """The points in hundredths, exactly (doubling a float is exact: points come in halves)."""
    return _exact(points * 2) * 50


class _LevelRule(NamedTuple):
    """A level with what its gap needs worked out once (exact values, core question ids).

    (Named tuples, not dataclasses, for these private records: creating a frozen dataclass
    costs the file tools more than half a millisecond at every start.)
    """

    level: Level
    score_min: int | Fraction
    #: "een puntenaantal hoger dan 200": points come in halves, so 200.5 is the least.
    points_above_x100: int | Fraction | None
    core_question_ids: tuple[str, ...]

    @classmethod
    def of(cls, level: Level, core_question_ids: tuple[str, ...]) -> _LevelRule:
        above = level.points_above
        return cls(
            level,
            _exact(level.score_min),
            None if above is None else _exact(above * 2) * 50 + 50,
            core_question_ids,
        )

    def gap(
        self,
        results: Mapping[str, QuestionResult],
        earned_x100: int | Fraction,
        max_points: int | Fraction,
        quarry: float,
        factory: float,
    ) -> LevelGap:
        # Exact arithmetic in hundredths of a point (required * 100 = score_min% of max_points);
        # whole numbers stay ints, which is much faster than Fraction.
        required_x100 = self.score_min * max_points
        if self.points_above_x100 is not None:
            required_x100 = max(required_x100, self.points_above_x100)
        # Round up to the next half point: ceil(deficit in half points) / 2.
        points_needed = max(0, -(-(required_x100 - earned_x100) // 50)) / 2
        missing = (
            tuple(
                qid
                for qid in self.core_question_ids
                if results[qid].status != "nvt" and results[qid].answer != "ja"
            )
            if self.core_question_ids  # most levels have none: no generator for nothing
            else ()
        )
        level = self.level
        return LevelGap(
            level,
            points_needed,
            insight_short(level.quarry_insight_min, quarry),
            insight_short(level.factory_insight_min, factory),
            missing,
        )


class _Layout(NamedTuple):
    """What scoring walks for every session, worked out once per framework and category."""

    #: The ids of the scored questions, in framework order (the keys of ``results``).
    question_ids: tuple[str, ...]
    #: Each step with the ids of its questions counted for the category, in framework order (a
    #: question is counted or not by the category alone: ``Question.max_for``).
    steps: tuple[tuple[StepFile, tuple[str, ...]], ...]
    #: Each level of the category, lowest first.
    levels: tuple[_LevelRule, ...]
    #: The index in ``steps`` of each counted question's step.
    step_of: dict[str, int]


@functools.lru_cache(maxsize=16)
def _layout(framework: Framework, category: Category) -> _Layout:
    steps = tuple(
        (
            step,
            tuple(q.id for q in step.questions if q.is_scored and q.max_for(category) is not None),
        )
        for step in framework.steps
    )
    return _Layout(
        question_ids=tuple(q.id for step in framework.steps for q in step.questions if q.is_scored),
        steps=steps,
        step_of={qid: index for index, (_step, ids) in enumerate(steps) for qid in ids},
        levels=tuple(
            _LevelRule.of(
                lv, tuple(q.id for q in framework.core_questions(lv.core_levels, lv.category))
            )
            for lv in framework.levels[category]
        ),
    )


def assess_answers(
    framework: Framework,
    profile: Profile,
    answers: Mapping[str, QuestionAnswer],
    sources: Mapping[str, PercentageSource] | None = None,
) -> Assessment:
    """Score the answers for a profile; ``sources`` says where each percentage comes from
    (default: every percentage was entered)."""
    layout = _layout(framework, profile.category)
    profile_key = profile.key
    results: dict[str, QuestionResult] = {}
    for qid in layout.question_ids:
        # score_question, inlined: this loop runs for every question of every session.
        given = answers.get(qid) or _UNANSWERED
        percentage = given.percentage
        if sources is None:
            source: PercentageSource | None = "entered" if percentage is not None else None
        else:
            source = sources.get(qid)
        results[qid] = _score(framework, qid, given.answer, percentage, profile_key, source)
    steps = tuple(_step_result(step, question_ids, results) for step, question_ids in layout.steps)
    return _summarise(framework, profile, layout, results, steps)


def with_results(
    framework: Framework, assessment: Assessment, changed: Mapping[str, QuestionResult]
) -> Assessment:
    """The assessment with some question results replaced, everything else worked out again.

    Equal to :func:`assess_answers` for answers that score ``changed`` (and as before for the
    other questions), without scoring the unchanged questions again nor adding up the steps
    they leave as they were.
    """
    if not changed:
        return assessment
    profile = assessment.profile
    layout = _layout(framework, profile.category)
    results = dict(assessment.results)
    results.update(changed)
    touched = {layout.step_of[qid] for qid in changed if qid in layout.step_of}
    steps = tuple(
        _step_result(step, question_ids, results) if index in touched else before
        for index, ((step, question_ids), before) in enumerate(
            zip(layout.steps, assessment.steps, strict=True)
        )
    )
    return _summarise(framework, profile, layout, results, steps)


def _step_result(
    step: StepFile, question_ids: tuple[str, ...], results: Mapping[str, QuestionResult]
) -> StepResult:
    """The points and counts of one step's counted questions."""
    points = max_points = 0.0
    answered = still_open = 0
    for qid in question_ids:
        result = results[qid]
        points += result.points or 0
        max_points += result.max_points
        if result.status == "open":
            still_open += 1
        else:
            answered += 1
    return StepResult(step.number, step.title, points, max_points, answered, still_open)


def _summarise(
    framework: Framework,
    profile: Profile,
    layout: _Layout,
    results: dict[str, QuestionResult],
    steps: tuple[StepResult, ...],
) -> Assessment:
    """Totals, insight, gaps and level of the scored questions' results and their steps."""
    points = sum(s.points for s in steps)
    max_points = sum(s.max_points for s in steps)
    percentage = points / max_points * 100 if max_points else 0.0
    quarry = _insight(results, framework.meta.insight.quarry_question)
    factory = _insight(results, framework.meta.insight.factory_question)
    earned_x100, exact_max = _earned_x100(points), _exact(max_points)
    gaps = tuple(
        rule.gap(results, earned_x100, exact_max, quarry, factory) for rule in layout.levels
    )
    level = None
    for gap in gaps:
        if gap.met:
            level = gap.level
    return Assessment(
        profile, results, steps, points, max_points, percentage, quarry, factory, level, gaps
    )


def assess(framework: Framework, session: Session) -> Assessment:
    """Score a session with the profile its company has, and the percentages that count
    (:func:`~trustone_tui.engine.sources.effective_answers`: the register's where it has them)."""
    profile = profile_of(session.company, framework)
    if session.register is None:  # every percentage was entered: no need to mark each
        return assess_answers(framework, profile, session.answers)
    answers, sources = effective_answers(session, framework)
    return assess_answers(framework, profile, answers, sources)


def _insight(results: Mapping[str, QuestionResult], question_id: str) -> float:
    result = results[question_id]
    return result.percentage if result.percentage is not None else 0.0
