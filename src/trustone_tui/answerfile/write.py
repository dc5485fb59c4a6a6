"""The answer file written: :class:`~trustone_tui.engine.session.Session` -> TOML bytes.

Writing is canonical: a fixed key order (the header, ``[company]``, ``[interview]``, the answers
in the order of the question bank, ``[[history]]``, ``[register]`` with its ``[[register.ketens]]``,
``[[actions]]``) and one layout
(:mod:`~trustone_tui.answerfile.tomlwrite`), so reading and writing again a file we wrote gives
the same bytes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from trustone_tui.answerfile import tomlwrite
from trustone_tui.engine.actions import Action
from trustone_tui.engine.register import COLUMNS, Flow, Register
from trustone_tui.engine.session import CURRENT_SCHEMA_VERSION, UNGROUPED, QuestionAnswer, Session

if TYPE_CHECKING:
    from trustone_tui.engine.actions import Aim
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
    flows = [flow_table(flow) for flow in register.flows]
    return {"eenheid": register.unit, "ketens": flows} if flows else {"eenheid": register.unit}


def flow_table(flow: Flow) -> dict[str, Any]:
    """One flow's table: its columns but the unit, empty ones left out."""
    table: dict[str, Any] = {}
    for column in _FLOW_KEYS:
        value = getattr(flow, column)
        if value or column == "hoeveelheid" or column == "steentype":
            table[column] = value
    return table


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
    if action.aims:
        table["aims"] = [aim_document(aim) for aim in action.aims]
    return table


def aim_document(aim: Aim) -> dict[str, Any]:
    """One aim as its inline table: the question and its answer word or percentage."""
    if aim.answer is not None:
        return {"question": aim.question, "answer": aim.answer}
    return {"question": aim.question, "percentage": aim.percentage}


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
    """Canonical UTF-8 TOML bytes for the session.

    The register is written from the text kept per flow (:func:`register_rendered`): the same
    text as its table, without writing a large register again on every save.
    """
    document = session_document(session, framework)
    if session.register is not None:
        document["register"] = register_rendered(session.register)
    return tomlwrite.dumps(document).encode("utf-8")


REGISTER_PATH = ("register", "ketens")


def register_rendered(register: Register) -> tomlwrite.Rendered:
    """The ``[register]`` table as :func:`~trustone_tui.answerfile.tomlwrite.dumps` writes it."""
    lines = ["", "[register]", f"eenheid = {tomlwrite.scalar(register.unit)}"]
    for flow in register.flows:
        lines.extend(flow_lines(flow))
    return tomlwrite.Rendered(lines)


@lru_cache(maxsize=8192)
def flow_lines(flow: Flow) -> tuple[str, ...]:
    """One flow's ``[[register.ketens]]`` table; flows are immutable, and an edit of a register
    makes one new flow, so every other flow's text is kept."""
    return tuple(tomlwrite.array_table_lines(REGISTER_PATH, flow_table(flow)))
