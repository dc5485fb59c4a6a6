"""Plain Dutch text lines about an assessment: score, gaps, plan, timeline, history.

Shared by ``trustone score --format text``, the reports and the TUI's summary screen.
"""

from __future__ import annotations

import datetime as dt
import textwrap

from trustone_tui.engine.planner import best_case, plan
from trustone_tui.engine.scoring import Assessment
from trustone_tui.engine.session import Session
from trustone_tui.engine.timeline import (
    AssessmentType,
    TimelinePosition,
    this_years_assessment,
    timeline_position,
)
from trustone_tui.framework.bank import Framework
from trustone_tui.text import formatting, timeline
from trustone_tui.text.conditions import gap_line
from trustone_tui.text.plain import printable
from trustone_tui.text.plan import plan_lines


def assessment_year(session: Session, today: dt.date | None = None) -> int:
    """The year the session assesses: its interview date's, else today's."""
    if session.interview.date is not None:
        return session.interview.date.year
    return (today or dt.date.today()).year


def level_name(rank: int) -> str:
    return f"niveau {rank}" if rank else "geen niveau"


def wrapped(text: str, indent: str, width: int = 100) -> list[str]:
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent)


def timeline_lines(position: TimelinePosition | None, session: Session, year: int) -> list[str]:
    """The timeline in plain Dutch (see :mod:`trustone_tui.text.timeline`)."""
    return timeline.timeline_lines(position, session, year)


def frequency_line(kind: AssessmentType | None, year: int) -> str | None:
    """This year's kind of assessment in plain Dutch (see :mod:`trustone_tui.text.timeline`)."""
    return timeline.frequency_line(kind, year)


def text_summary(
    session: Session, assessment: Assessment, framework: Framework, year: int | None = None
) -> str:
    """The text ``trustone score`` prints for one session (``year`` defaults to the interview's)."""
    profile = assessment.profile
    category = framework.meta.categories[profile.category].short
    level = assessment.level.id if assessment.level else "geen (onder niveau 1)"
    lines = [
        printable(session.company.name),  # a hand-edited name may hold escape codes
        f"  Profiel:  {profile.label} ({category})",
        f"  Score:    {formatting.points(assessment.points)} van "
        f"{formatting.points(assessment.max_points)} punten "
        f"({formatting.percent(assessment.percentage)})",
        f"  Inzicht:  groeves {formatting.percent(assessment.quarry_insight)}, "
        f"fabrieken {formatting.percent(assessment.factory_insight)}",
        f"  Niveau:   {level}",
    ]
    gap = assessment.next
    lines.append(f"  Volgend:  {gap_line(gap)}" if gap else "  Volgend:  hoogste niveau bereikt")
    lines.append("")
    width = max(len(s.title) for s in assessment.steps) + 2
    lines.append(f"  {'Stap':<{width + 2}} {'Punten':>13}  {'Open':>4}")
    for step in assessment.steps:
        if not step.max_points and not step.open:
            continue
        score = f"{formatting.points(step.points)} / {formatting.points(step.max_points)}"
        lines.append(f"  {step.number} {step.title:<{width}} {score:>13}  {step.open:>4}")
    open_ids = [r.question.id for r in assessment.open_questions()]
    lines.append("")
    lines.append(f"  Open vragen ({len(open_ids)}): " + (", ".join(open_ids) or "geen"))
    lines.append("")
    lines.extend(next_steps_lines(session, assessment, framework, year))
    return "\n".join(lines) + "\n"


def next_steps_lines(
    session: Session, assessment: Assessment, framework: Framework, year: int | None = None
) -> list[str]:
    """Best case, plan to the next level, timeline, this year's assessment type and history."""
    level = assessment.level.id if assessment.level else "geen niveau"
    lines: list[str] = []
    best = best_case(framework, session, assessment)
    best_level = best.level.id if best.level else "geen niveau"
    if best.open_questions == 1:
        lines.append(f"  Beste geval: {best_level} als de open vraag Ja wordt (nu {level})")
    elif best.open_questions:
        lines.append(
            f"  Beste geval: {best_level} als de {best.open_questions} open vragen Ja worden "
            f"(nu {level})"
        )
    else:
        lines.append(f"  Beste geval: geen open vragen meer (nu {level})")
    the_plan = plan(framework, session, assessment=assessment)
    if the_plan is not None:
        lines.append("")
        lines.extend(plan_lines(the_plan, framework))
    year = assessment_year(session) if year is None else year
    lines.append("")
    lines.extend(
        timeline_lines(
            timeline_position(framework, session.company, assessment.level, year), session, year
        )
    )
    frequency = frequency_line(this_years_assessment(framework, session, year), year)
    if frequency:
        lines.append(frequency)
    for entry in session.history:
        reached = entry.level or "geen niveau"
        lines.append(
            f"  Historie {entry.year}: {reached}, {formatting.points(entry.points)} van "
            f"{formatting.points(entry.max_points)} punten ({formatting.percent(entry.percentage)})"
        )
    return lines
