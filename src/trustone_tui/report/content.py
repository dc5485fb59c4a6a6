"""What a report says, independent of its format (Markdown and HTML both render this).

Pure: built from a session, the framework and the engine's assessment; no I/O. All wording the
report shows (Dutch) is decided here, so the two renderers only differ in markup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from trustone_tui.engine.planner import Plan, best_case, plan
from trustone_tui.engine.scoring import Assessment, QuestionResult, StepResult
from trustone_tui.engine.session import ANSWER_LABELS, UNGROUPED, HistoryEntry, Session
from trustone_tui.engine.timeline import this_years_assessment, timeline_position
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.model import AnswerWord, Level
from trustone_tui.text import formatting
from trustone_tui.text.conditions import (
    CONDITION_LABELS,
    Condition,
    ConditionKind,
    gap_line,
    level_conditions,
)
from trustone_tui.text.criteria import band_table
from trustone_tui.text.plan import REASON_LABELS, blocker_texts, step_change, step_title
from trustone_tui.text.reportwords import (
    STATUS_DRAFT,
    STATUS_FINAL,
    assessment_sentence,
    best_case_sentence,
    plan_heading,
    timeline_sentences,
)
from trustone_tui.text.summary import assessment_year

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

OPEN_LABEL = "open"


def dutch_date(value: dt.date | None) -> str:
    """``12 november 2026`` (``onbekend`` without a date)."""
    if value is None:
        return "onbekend"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@dataclass(frozen=True, slots=True)
class TickedElement:
    number: int
    text: str


@dataclass(frozen=True, slots=True)
class TickedGroup:
    """Ticked elements of one group (label "" when the question has no groups)."""

    label: str
    elements: tuple[TickedElement, ...]


@dataclass(frozen=True, slots=True)
class CriterionLine:
    """One criterion of the variant that applies: ``Nee``/``Gedeeltelijk``/``Ja`` or a band."""

    label: str
    text: str
    #: The criterion the answer meets (none for an open or n.v.t. question).
    met: bool


@dataclass(frozen=True, slots=True)
class QuestionEntry:
    id: str
    text: str
    #: The 0-point header this question belongs to (id, text), on its first child only.
    group: tuple[str, str] | None
    status: str
    #: ``Ja``, ``Gedeeltelijk``, ``Nee``, ``n.v.t.`` or ``open``; band questions show their band.
    answer: str
    points: float | None
    max_points: float
    #: The heading of the criteria variant that applied, e.g. "Richtlijnen kleine bedrijven".
    criteria_heading: str | None
    #: The criterion that matched the answer (or the band scale); None when open or n.v.t.
    criterion: str | None
    elements_total: int
    ticked: tuple[TickedGroup, ...]
    note: str
    follow_up: bool
    #: The question's first sentence, cut short (for lists that point to the question).
    title: str = ""
    #: Every criterion of the variant, the met one marked (empty without criteria).
    criteria: tuple[CriterionLine, ...] = ()
    #: Elements not ticked yet, per group (empty for an n.v.t. question).
    unticked: tuple[TickedGroup, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanStepLine:
    number: int
    question_id: str
    #: The question's first sentence, cut short.
    title: str
    #: ``Nee → Gedeeltelijk``, ``55% → 60% (band 40<60% → 60-75%)``.
    change: str
    points: str
    #: Why the step is needed beyond points (``kernvraag``, ``inzicht groeves``) or "".
    reason: str


@dataclass(frozen=True, slots=True)
class PlanView:
    heading: str
    steps: tuple[PlanStepLine, ...]
    #: Why the level cannot be reached by better answers (empty when it can).
    blockers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NextSteps:
    """What to do next: the plans, the best case, the timeline and this year's assessment."""

    #: To the next level and (when it is another) to the category's top level.
    plans: tuple[PlanView, ...]
    best_case: str
    timeline: tuple[str, ...]
    assessment: str | None


@dataclass(frozen=True, slots=True)
class SignOff:
    status: str
    interviewer: str
    date: str


@dataclass(frozen=True, slots=True)
class StepEntry:
    result: StepResult
    questions: tuple[QuestionEntry, ...]


@dataclass(frozen=True, slots=True)
class LevelRow:
    level: Level
    conditions: tuple[Condition, ...]
    met: bool
    current: bool


@dataclass(frozen=True, slots=True)
class ReportContent:
    title: str
    company: str
    profile: str
    category_text: str
    employees: int
    revenue: str
    joined_year: int | None
    entry_level: int | None
    date: str
    interviewer: str
    framework: str
    points: float
    max_points: float
    percentage: float
    quarry_insight: float
    factory_insight: float
    level: str
    next_level: str
    levels: tuple[LevelRow, ...]
    steps: tuple[StepEntry, ...]
    #: Steps without questions for this category (e.g. steps 3, 4 and 6 for category B).
    steps_not_counted: tuple[int, ...]
    attention: tuple[QuestionEntry, ...]
    history: tuple[HistoryEntry, ...]
    #: Answers kept from another framework version, not counted in the score.
    orphans: tuple[str, ...]
    next_steps: NextSteps | None = None
    sign_off: SignOff | None = None


def answer_text(result: QuestionResult) -> str:
    """The answer as the report shows it."""
    if result.status == "nvt":
        return ANSWER_LABELS["nvt"]
    if result.status == "open":
        return OPEN_LABEL
    if result.band is not None and result.percentage is not None:
        return f"{formatting.percent(result.percentage)} (klasse {result.band.label})"
    label = ANSWER_LABELS[result.answer] if result.answer else OPEN_LABEL
    if result.source == "percentage" and result.percentage is not None:
        return f"{label} ({formatting.percent(result.percentage)})"
    return label


def criterion_text(result: QuestionResult) -> str | None:
    variant = result.criteria
    if variant is None or result.status != "answered":
        return None
    if result.band is not None:
        return (
            f"{result.band.label}: {formatting.points_count(result.band.points)} "
            f"(schaal: {band_table(variant)})"
        )
    if result.answer is None:
        return None
    label = ANSWER_LABELS[result.answer]
    return f"{label}: {getattr(variant, result.answer)}"


def criterion_lines(result: QuestionResult) -> tuple[CriterionLine, ...]:
    """Every criterion of the variant that applies, the one the answer meets marked.

    An open question lists what Nee, Gedeeltelijk and Ja require, none marked.
    """
    variant = result.criteria
    if variant is None:
        return ()
    answered = result.status == "answered"
    if variant.bands:
        return tuple(
            CriterionLine(
                band.label, formatting.points_count(band.points), answered and result.band == band
            )
            for band in variant.bands
        )
    words: tuple[AnswerWord, ...] = ("nee", "gedeeltelijk", "ja")
    return tuple(
        CriterionLine(
            ANSWER_LABELS[word], getattr(variant, word) or "", answered and result.answer == word
        )
        for word in words
    )


def _element_text(text: str) -> str:
    return text.strip().removesuffix(";").strip()


def ticked_groups(result: QuestionResult, session: Session) -> tuple[TickedGroup, ...]:
    question = result.question
    given = session.answer(question.id)
    groups = [(g.key, g.label) for g in question.element_groups] or [(UNGROUPED, "")]
    out = []
    for key, label in groups:
        numbers = given.ticked(key)
        if numbers:
            texts = (_element_text(question.elements[n - 1]) for n in numbers)
            out.append(TickedGroup(label, tuple(map(TickedElement, numbers, texts))))
    return tuple(out)


def unticked_groups(result: QuestionResult, session: Session) -> tuple[TickedGroup, ...]:
    """The elements not ticked yet, per group; none for an n.v.t. question."""
    question = result.question
    if result.status == "nvt" or not question.elements:
        return ()
    given = session.answer(question.id)
    groups = [(g.key, g.label) for g in question.element_groups] or [(UNGROUPED, "")]
    out = []
    for key, label in groups:
        ticked = set(given.ticked(key))
        numbers = [n for n in range(1, len(question.elements) + 1) if n not in ticked]
        if numbers:
            texts = (_element_text(question.elements[n - 1]) for n in numbers)
            out.append(TickedGroup(label, tuple(map(TickedElement, numbers, texts))))
    return tuple(out)


def question_entry(
    result: QuestionResult, session: Session, group: tuple[str, str] | None
) -> QuestionEntry:
    given = session.answer(result.question.id)
    return QuestionEntry(
        id=result.question.id,
        text=result.question.text,
        group=group,
        status=result.status,
        answer=answer_text(result),
        points=result.points,
        max_points=result.max_points,
        criteria_heading=result.criteria.heading if result.criteria else None,
        criterion=criterion_text(result),
        elements_total=len(result.question.elements),
        ticked=ticked_groups(result, session),
        note=given.note,
        follow_up=given.follow_up,
        title=step_title(result.question),
        criteria=criterion_lines(result),
        unticked=unticked_groups(result, session),
    )


def level_rows(assessment: Assessment) -> tuple[LevelRow, ...]:
    current = assessment.level.id if assessment.level else None
    return tuple(
        LevelRow(gap.level, level_conditions(gap), gap.met, gap.level.id == current)
        for gap in assessment.gaps
    )


def step_entries(
    assessment: Assessment, session: Session, framework: Framework
) -> tuple[StepEntry, ...]:
    by_step: dict[int, list[QuestionEntry]] = {s.number: [] for s in assessment.steps}
    headed: set[str] = set()
    for result in assessment.results.values():
        if not result.counted:
            continue
        parent = result.question.parent
        group = None
        if parent is not None and parent not in headed:
            headed.add(parent)
            group = (parent, framework.questions[parent].text)
        by_step[result.question.step].append(question_entry(result, session, group))
    return tuple(
        StepEntry(step, tuple(by_step[step.number]))
        for step in assessment.steps
        if by_step[step.number]
    )


def plan_view(the_plan: Plan, framework: Framework) -> PlanView:
    steps = tuple(
        PlanStepLine(
            number=number,
            question_id=step.question_id,
            title=step_title(framework.questions[step.question_id]),
            change=step_change(step),
            points="+" + formatting.points_count(step.points_gained),
            reason="" if step.reason == "points" else REASON_LABELS[step.reason],
        )
        for number, step in enumerate(the_plan.steps, start=1)
    )
    return PlanView(plan_heading(the_plan), steps, tuple(blocker_texts(the_plan)))


def next_steps(
    session: Session, framework: Framework, assessment: Assessment, year: int | None = None
) -> NextSteps:
    """The plans to the next and the top level, the best case, the timeline position and this
    year's assessment type (``year``: the interview's, else this year)."""
    year = assessment_year(session) if year is None else year
    category = assessment.profile.category
    plans = []
    the_plan = plan(framework, session, assessment=assessment)
    if the_plan is not None:
        plans.append(plan_view(the_plan, framework))
        to_top = plan(framework, session, framework.levels[category][-1], assessment)
        if to_top is not None and to_top.target.id != the_plan.target.id:
            plans.append(plan_view(to_top, framework))
    position = timeline_position(framework, session.company, assessment.level, year)
    levels = framework.levels[category]
    expected = None
    if position is not None and 0 < position.expected_level <= len(levels):
        expected = levels[position.expected_level - 1].id
    return NextSteps(
        plans=tuple(plans),
        best_case=best_case_sentence(best_case(framework, session, assessment)),
        timeline=timeline_sentences(
            position,
            session.company.joined_year,
            year,
            expected,
            assessment.level.id if assessment.level else None,
        ),
        assessment=assessment_sentence(this_years_assessment(framework, session, year), year),
    )


def build_content(
    session: Session, framework: Framework, assessment: Assessment, final: bool = False
) -> ReportContent:
    """Everything the Markdown and HTML reports show, in report order (``final``: the report
    is signed off as definitief rather than a concept)."""
    profile = assessment.profile
    company = session.company
    steps = step_entries(assessment, session, framework)
    counted_steps = {s.result.number for s in steps}
    attention = tuple(q for s in steps for q in s.questions if q.status == "open" or q.follow_up)
    gap = assessment.next
    return ReportContent(
        title=f"TruStone-beoordeling {company.name}",
        company=company.name,
        profile=profile.label,
        category_text=framework.meta.categories[profile.category].short,
        employees=company.employees,
        revenue=formatting.euros(company.revenue_eur),
        joined_year=company.joined_year,
        entry_level=company.entry_level,
        date=dutch_date(session.interview.date),
        interviewer=session.interview.interviewer,
        framework=f"{framework.meta.name}, versie {session.framework_version or framework.version}",
        points=assessment.points,
        max_points=assessment.max_points,
        percentage=assessment.percentage,
        quarry_insight=assessment.quarry_insight,
        factory_insight=assessment.factory_insight,
        level=assessment.level.id if assessment.level else "geen (onder niveau 1)",
        next_level=gap_line(gap) if gap else "hoogste niveau bereikt",
        levels=level_rows(assessment),
        steps=steps,
        steps_not_counted=tuple(
            s.number for s in assessment.steps if s.number not in counted_steps
        ),
        attention=attention,
        history=session.history,
        orphans=tuple(session.orphans),
        next_steps=next_steps(session, framework, assessment),
        sign_off=SignOff(
            STATUS_FINAL if final else STATUS_DRAFT,
            session.interview.interviewer,
            dutch_date(session.interview.date),
        ),
    )


def achieved(content: ReportContent) -> str:
    """What the company has against the level thresholds, in one line."""
    return (
        f"inzicht groeves {formatting.percent(content.quarry_insight)}, "
        f"inzicht fabrieken {formatting.percent(content.factory_insight)}, "
        f"due diligence-score {formatting.percent(content.percentage)} "
        f"({formatting.points(content.points)} van {formatting.points(content.max_points)} punten)"
    )


def condition_kinds(content: ReportContent) -> list[ConditionKind]:
    """The condition columns of the level table (core questions only when a level has them)."""
    present = {c.kind for row in content.levels for c in row.conditions}
    return [kind for kind in CONDITION_LABELS if kind in present]


def points_of(entry: QuestionEntry) -> str:
    """``3 van 6``; ``n.v.t.`` for a question that does not count."""
    if entry.points is None:
        return "n.v.t."
    return f"{formatting.points(entry.points)} van {formatting.points(entry.max_points)}"


def status_of(entry: QuestionEntry) -> str:
    """``open``, ``nader uitzoeken`` or both, for the attention list."""
    parts = []
    if entry.status == "open":
        parts.append("open")
    if entry.follow_up:
        parts.append("nader uitzoeken")
    return ", ".join(parts)
