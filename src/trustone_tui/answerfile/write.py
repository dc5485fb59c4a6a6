"""The answer file written: :class:`~trustone_tui.engine.session.Session` -> TOML bytes.

Writing is canonical: a fixed key order (the header, ``[company]``, ``[interview]``, the answers
in the order of the question bank, ``[[history]]``, ``[register]`` with its ``[[register.ketens]]``,
``[[actions]]``) and one layout
(:mod:`~trustone_tui.answerfile.tomlwrite`), so reading and writing again a file we wrote gives
the same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trustone_tui.answerfile import tomlwrite
from trustone_tui.engine.actions import Action
from trustone_tui.engine.register import COLUMNS, Register
from trustone_tui.engine.session import CURRENT_SCHEMA_VERSION, UNGROUPED, QuestionAnswer, Session

if TYPE_CHECKING:
    from trustone_tui.framework.bank import Framework


def session_document(session: Session, framework: Framework) -> dict[str, Any]:
    """The session as a TOML document in canonical key order."""
    doc: dict[str, Any] = {"schema_version": CURRENT_SCHEMA_VERSION}
    # Keep the version the answers were made with: answers kept for unknown questions are only
    # valid under it.
    doc["framework_version"] = (
        framework.version if session.framework_version is None else session.framework_version
    )
    if session.created is not None:
        doc["created"] = session.created
    if session.updated is not None:
        doc["updated"] = session.updated
    company = session.company
    doc["company"] = {
        "name": company.name,
        "imports_from_risk_countries": company.imports_from_risk_countries,
        "employees": company.employees,
        "revenue_eur": company.revenue_eur,
    }
    if company.joined_year is not None:
        doc["company"]["joined_year"] = company.joined_year
    if company.entry_level is not None:
        doc["company"]["entry_level"] = company.entry_level
    interview: dict[str, Any] = {}
    if session.interview.interviewer:
        interview["interviewer"] = session.interview.interviewer
    if session.interview.date is not None:
        interview["date"] = session.interview.date
    if session.interview.previous_file is not None:
        interview["previous_file"] = session.interview.previous_file
    if session.interview.last_question is not None:
        interview["last_question"] = session.interview.last_question
    if interview:
        doc["interview"] = interview
    answers: dict[str, Any] = {}
    for qid in framework.questions:
        if qid in session.answers and not session.answers[qid].is_empty:
            answers[qid] = answer_document(session.answers[qid])
    for qid, raw in session.orphans.items():
        answers[qid] = dict(raw)
    if answers:
        doc["answers"] = answers
    if session.history:
        doc["history"] = [
            {
                "year": h.year,
                **({"level": h.level} if h.level is not None else {}),
                "points": h.points,
                "max_points": h.max_points,
                "percentage": h.percentage,
            }
            for h in session.history
        ]
    if session.register is not None:
        doc["register"] = register_document(session.register)
    if session.actions:
        doc["actions"] = [action_document(action) for action in session.actions]
    return doc


#: Register columns written per flow (the unit is the register's); empty values are left out.
_FLOW_KEYS = tuple(column for column in COLUMNS if column != "eenheid")


def register_document(register: Register) -> dict[str, Any]:
    """The register as its ``[register]`` table: the unit, then one table per flow."""
    flows = []
    for flow in register.flows:
        table: dict[str, Any] = {}
        for column in _FLOW_KEYS:
            value = getattr(flow, column)
            if value or column == "hoeveelheid" or column == "steentype":
                table[column] = value
        flows.append(table)
    return {"eenheid": register.unit, "ketens": flows} if flows else {"eenheid": register.unit}


def action_document(action: Action) -> dict[str, Any]:
    """One action as its ``[[actions]]`` table (empty optional keys left out)."""
    table: dict[str, Any] = {"id": action.id, "text": action.text}
    if action.questions:
        table["questions"] = list(action.questions)
    if action.owner:
        table["owner"] = action.owner
    table["due"] = action.due
    table["status"] = action.status
    if action.progress:
        table["progress"] = [{"date": p.date, "note": p.note} for p in action.progress]
    if action.created is not None:
        table["created"] = action.created
    return table


def answer_document(answer: QuestionAnswer) -> dict[str, Any]:
    """One answer as its table in the file (only what is given)."""
    out: dict[str, Any] = {}
    if answer.answer is not None:
        out["answer"] = answer.answer
    if answer.percentage is not None:
        out["percentage"] = answer.percentage
    ticked = {g: list(n) for g, n in answer.elements.items() if n}
    if ticked:
        out["elements"] = ticked[UNGROUPED] if set(ticked) == {UNGROUPED} else ticked
    if answer.note:
        out["note"] = answer.note
    if answer.follow_up:
        out["follow_up"] = True
    return out


def dump_session(session: Session, framework: Framework) -> bytes:
    """Canonical UTF-8 TOML bytes for the session."""
    return tomlwrite.dumps(session_document(session, framework)).encode("utf-8")
