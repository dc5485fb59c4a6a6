"""The JSON export: ``trustone score --format json`` plus notes, ticked elements and more."""

from __future__ import annotations

import json
from typing import Any

from trustone_tui.engine.planner import Plan, plan
from trustone_tui.engine.scoring import Assessment
from trustone_tui.engine.session import UNGROUPED, Session
from trustone_tui.framework.bank import Framework
from trustone_tui.report.scorejson import level_gap_json, plan_json, score_json


def elements_json(session: Session, qid: str) -> list[int] | dict[str, list[int]]:
    """Ticked elements as in the answer file: a list, or a table per element group."""
    ticked = {group: list(numbers) for group, numbers in session.answer(qid).elements.items()}
    if set(ticked) <= {UNGROUPED}:
        return ticked.get(UNGROUPED, [])
    return ticked


def export_json(session: Session, assessment: Assessment, framework: Framework) -> dict[str, Any]:
    """:func:`~trustone_tui.report.scorejson.score_json`, with per question the status, note, ticked
    elements and follow-up flag, plus the interview, the steps, every level's gap and the plan
    to the category's top level (``plan_top_level``)."""
    out = score_json(session, assessment, framework)
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
    out["quarry_insight"] = float(assessment.quarry_insight)
    out["factory_insight"] = float(assessment.factory_insight)
    out["steps"] = [
        {
            "number": s.number,
            "title": s.title,
            "points": float(s.points),
            "max_points": float(s.max_points),
            "answered": s.answered,
            "open": s.open,
        }
        for s in assessment.steps
    ]
    out["levels"] = [{**level_gap_json(gap), "met": gap.met} for gap in assessment.gaps]
    out["not_counted_answers"] = sorted(session.orphans)
    out["plan_top_level"] = plan_json(top_level_plan(framework, session, assessment))
    return out


def top_level_plan(framework: Framework, session: Session, assessment: Assessment) -> Plan | None:
    """The fewest steps to the category's top level; None when the company is there."""
    top = framework.levels[assessment.profile.category][-1]
    if assessment.level is not None and assessment.level.id == top.id:
        return None
    return plan(framework, session, top, assessment)


def render_json(session: Session, assessment: Assessment, framework: Framework) -> bytes:
    text = json.dumps(export_json(session, assessment, framework), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
