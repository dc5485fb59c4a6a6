"""Dutch words of the reports, the summary and the diff that no other text module has.

The report's "what to do next" section is worded here from engine data (plans, best case,
timeline position, this year's assessment type); the plan's steps reuse :mod:`text.plan`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trustone_tui.framework.model import Size
from trustone_tui.text import formatting
from trustone_tui.text.plan import steps_count

if TYPE_CHECKING:
    from trustone_tui.engine.planner import BestCase, Plan
    from trustone_tui.engine.timeline import AssessmentType, TimelinePosition

#: The company size as a CSV cell or a table column: ``klein``, ``middelgroot/groot``.
SIZE_WORDS: dict[Size, str] = {"small": "klein", "medium_large": "middelgroot/groot"}

#: Report status in the sign-off block.
STATUS_DRAFT = "concept"
STATUS_FINAL = "definitief"


def level_word(level_id: str | None) -> str:
    """``C2``; ``geen niveau`` for none."""
    return level_id or "geen niveau"


def plan_heading(the_plan: Plan) -> str:
    """``Naar C3: 6 stappen, +33 punten (nodig 28)``; ``Naar C5: niet haalbaar ...``."""
    target = the_plan.target.id
    if not the_plan.reachable:
        return f"Naar {target}: niet haalbaar door alleen betere antwoorden"
    return (
        f"Naar {target}: {steps_count(len(the_plan.steps))}, "
        f"+{formatting.points_count(the_plan.points_gained)} "
        f"(nodig {formatting.points(the_plan.points_needed)})"
    )


def best_case_sentence(best: BestCase) -> str:
    """What the level would be if every open question became *Ja*."""
    now = level_word(best.level_now.id if best.level_now else None)
    then = level_word(best.level.id if best.level else None)
    if best.open_questions == 0:
        return f"Geen open vragen meer: het niveau is {now}."
    if best.open_questions == 1:
        return f"Als de open vraag Ja wordt: {then} (nu {now})."
    return f"Als alle {best.open_questions} open vragen Ja worden: {then} (nu {now})."


def timeline_sentences(
    position: TimelinePosition | None,
    joined_year: int | None,
    year: int,
    expected_id: str | None,
    level_id: str | None,
) -> tuple[str, ...]:
    """Where the company stands against the timeline in ``year``, in plain sentences (how far
    behind, in the words of the terminal's timeline lines)."""
    from trustone_tui.text.timeline import schedule_sentence  # engine modules: on first use

    if position is None:
        if joined_year is None:
            return ("Onbekend: er is geen jaar van toetreding vastgelegd.",)
        return (f"{year} ligt vóór het jaar van toetreding ({joined_year}).",)
    entry = f"instapniveau {position.entry_level}"
    if position.entry_level_assumed:
        entry += ", aangenomen omdat er geen is vastgelegd"
    lines = [
        f"Deelnemer sinds {joined_year} ({entry}); {year} is deelnamejaar "
        f"{position.participation_year}. Verwacht: {level_word(expected_id)}; "
        f"behaald: {level_word(level_id)}."
    ]
    lines.append(schedule_sentence(position))
    lines += [text for text in (position.consequence, position.exceptions) if text]
    return tuple(lines)


def assessment_sentence(kind: AssessmentType | None, year: int) -> str | None:
    """``Beoordeling 2026: volledig (deelnamejaar 3).``; None without a joining year."""
    if kind is None:
        return None
    return f"Beoordeling {year}: {kind.label} (deelnamejaar {kind.participation_year})."


def percent_bar(percentage: float, width: int = 10) -> str:
    """A text bar of ``width`` cells, full cells rounded down: ``██████░░░░``."""
    full = max(0, min(width, int(percentage / 100 * width + 1e-9)))
    return "█" * full + "░" * (width - full)
