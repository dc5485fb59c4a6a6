"""The JSON export: ``trustone score --format json`` plus notes, ticked elements and more."""

from __future__ import annotations

import json
from typing import Any

from trustone_tui.engine.scoring import Assessment
from trustone_tui.engine.session import UNGROUPED, Session
from trustone_tui.report.scorejson import level_gap_json, score_json


def elements_json(session: Session, qid: str) -> list[int] | dict[str, list[int]]:
    """Ticked elements as in the answer file: a list, or a table per element group."""
    ticked = {group: list(numbers) for group, numbers in session.answer(qid).elements.items()}
    if set(ticked) <= {UNGROUPED}:
        return ticked.get(UNGROUPED, [])
    return ticked


def export_json(session: Session, assessment: Assessment) -> dict[str, Any]:
    """:func:`~trustone_tui.report.scorejson.score_json`, with per question the status, note, ticked
    elements and follow-up flag, plus the interview, the steps and every level's gap."""
    out = score_json(session, assessment)
    for qid, question in out["questions"].items():
        given = session.answer(qid)
        question["status"] = assessment.results[qid].status
        question["elements"] = elements_json(session, qid)
        question["note"] = given.note
        question["follow_up"] = given.follow_up
    interview = session.interview
    out["interview"] = {
        "interviewer": interview.interviewer,
        "date": interview.date.isoformat() if interview.date else None,
    }
    out["framework_version"] = session.framework_version
    out["quarry_insight"] = assessment.quarry_insight
    out["factory_insight"] = assessment.factory_insight
    out["steps"] = [
        {
            "number": s.number,
            "title": s.title,
            "points": s.points,
            "max_points": s.max_points,
            "answered": s.answered,
            "open": s.open,
        }
        for s in assessment.steps
    ]
    out["levels"] = [{**level_gap_json(gap), "met": gap.met} for gap in assessment.gaps]
    out["not_counted_answers"] = sorted(session.orphans)
    return out


def render_json(session: Session, assessment: Assessment) -> bytes:
    text = json.dumps(export_json(session, assessment), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
