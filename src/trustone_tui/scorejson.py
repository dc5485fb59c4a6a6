"""The machine-readable score of a session (``trustone score --format json`` and JSON export)."""

from __future__ import annotations

from typing import Any

from trustone_tui import formatting
from trustone_tui.engine.scoring import Assessment, LevelGap, QuestionResult
from trustone_tui.framework.model import CriteriaVariant
from trustone_tui.session import Session


def band_table(variant: CriteriaVariant) -> str:
    """``"0<20%: 0 punten; 20<40%: 2 punten; ..."``."""
    return "; ".join(f"{b.label}: {formatting.points(b.points)} punten" for b in variant.bands)


def criteria_json(variant: CriteriaVariant) -> dict[str, str] | str:
    if variant.bands:
        return band_table(variant)
    return {
        "nee": variant.nee or "",
        "gedeeltelijk": variant.gedeeltelijk or "",
        "ja": variant.ja or "",
    }


def question_json(result: QuestionResult, session: Session) -> dict[str, Any]:
    given = session.answer(result.question.id)
    answer = "nvt" if result.status == "nvt" else result.answer
    out: dict[str, Any] = {
        "answer": answer,
        "points": result.points,
        "max": result.max_points,
        "criteria": criteria_json(result.criteria) if result.criteria else None,
    }
    if result.question.kind in ("band", "percentage"):
        out["percentage"] = given.percentage
    return out


def gap_json(gap: LevelGap | None) -> dict[str, Any] | None:
    if gap is None:
        return None
    return {
        "level": gap.level.id,
        "points_needed": gap.points_needed,
        "quarry_insight_needed": gap.quarry_insight_needed,
        "factory_insight_needed": gap.factory_insight_needed,
        "core_questions_missing": list(gap.core_questions_missing),
    }


def score_json(session: Session, assessment: Assessment) -> dict[str, Any]:
    """The object ``trustone score --format json`` prints for one file."""
    return {
        "company": session.company.name,
        "category": assessment.profile.category,
        "size": assessment.profile.size,
        "points": assessment.points,
        "max_points": assessment.max_points,
        "percentage": assessment.percentage,
        "level": assessment.level.id if assessment.level else None,
        "next": gap_json(assessment.next),
        "questions": {
            qid: question_json(result, session)
            for qid, result in assessment.results.items()
            if result.counted
        },
    }
