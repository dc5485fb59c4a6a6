"""Accept the tables of a plainly valid answer file without pydantic.

Reading a file validates its top-level table with the schema in
:mod:`trustone_tui.answerfile.schema` (``ANSWER_FILE``, where an answer may be anything) and the
answer tables of the questions the bank knows (``ANSWERS``). :func:`accept_answer_file` returns
exactly what those two validations return (new dicts with the keys in the schema's order, the
same values; a whole number given for a float field becomes a float), or None when it is not
sure. On None the reader validates with pydantic, which decides and words every error.

The check is conservative: exact built-in types only (no subclasses), whole numbers for a float
field only up to 2**53, and text or keys with a surrogate code point are left to pydantic
(which refuses such text in some fields and keeps it in others). It must never accept what the
schema refuses: ``tests/test_answercheck.py`` compares both on generated documents. A change to
the schema needs the same change here.

Written for speed: a file has about 35 answer tables, checked in one plain loop over the ids
with no helper call per value; ``type(x) is int`` also keeps out bools, which strict mode
does not take for whole numbers.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from typing import TYPE_CHECKING, Any

from trustone_tui.engine.session import FIRST_YEAR, LAST_YEAR

if TYPE_CHECKING:
    from collections.abc import Container, Mapping

    from trustone_tui.answerfile.schema import (
        AnswerFileTable,
        AnswerTable,
        CompanyTable,
        HistoryTable,
        InterviewTable,
    )

ANSWER_WORDS = frozenset(("nee", "gedeeltelijk", "ja", "nvt"))
FILE_KEYS = frozenset(
    (
        "schema_version",
        "framework_version",
        "created",
        "updated",
        "company",
        "interview",
        "answers",
        "history",
    )
)
COMPANY_KEYS = frozenset(
    (
        "name",
        "imports_from_risk_countries",
        "employees",
        "revenue_eur",
        "joined_year",
        "entry_level",
    )
)
INTERVIEW_KEYS = frozenset(("interviewer", "date", "previous_file"))
HISTORY_KEYS = frozenset(("year", "level", "points", "max_points", "percentage"))
ANSWER_KEYS = frozenset(("answer", "percentage", "elements", "note", "follow_up"))

#: Whole numbers up to this size become floats exactly; larger ones are left to pydantic.
_EXACT_FLOAT_INT = 2**53
_FLOAT_MAX = sys.float_info.max
_SURROGATE = re.compile("[\ud800-\udfff]")


def _is_text(value: Any) -> bool:
    """Exactly a str, without a surrogate code point."""
    return type(value) is str and (value.isascii() or _SURROGATE.search(value) is None)


def _number(value: Any, most: float) -> float | None:
    """The value as a float from 0 to ``most`` as pydantic returns it, or None (also for NaN)."""
    if type(value) is float:
        return value if 0.0 <= value <= most else None  # NaN fails both comparisons
    if type(value) is int and 0 <= value <= most and value <= _EXACT_FLOAT_INT:
        return float(value)
    return None


def _whole(value: Any, least: int, most: int) -> bool:
    return type(value) is int and least <= value <= most


def accept_answer_file(
    document: Mapping[str, Any], questions: Container[str]
) -> tuple[AnswerFileTable, dict[str, AnswerTable]] | None:
    """The validated top-level table and answer tables of a plainly valid file, or None.

    The answer tables are those whose question id is in ``questions``, in the file's order, as
    ``ANSWERS`` validates them; the top-level table keeps every answer as it is, as
    ``ANSWER_FILE`` does. None: not sure, ask pydantic (about both).
    """
    if type(document) is not dict or not document.keys() <= FILE_KEYS:
        return None
    version = document.get("schema_version")
    if type(version) is not int:
        return None
    table: dict[str, Any] = {"schema_version": version}
    if "framework_version" in document:
        value = document["framework_version"]
        if value is not None and not (_is_text(value) and value):
            return None
        table["framework_version"] = value
    if "created" in document:
        value = document["created"]
        if value is not None and type(value) is not dt.datetime:
            return None
        table["created"] = value
    if "updated" in document:
        value = document["updated"]
        if value is not None and type(value) is not dt.datetime:
            return None
        table["updated"] = value
    company = _accept_company(document.get("company"))
    if company is None:
        return None
    table["company"] = company
    if "interview" in document:
        interview = _accept_interview(document["interview"])
        if interview is None:
            return None
        table["interview"] = interview
    answers: dict[str, AnswerTable] | None = {}
    if "answers" in document:
        everything = document["answers"]
        if type(everything) is not dict:
            return None
        answers = _accept_answers(everything, questions)
        if answers is None:
            return None
        table["answers"] = dict(everything)
    if "history" in document:
        history = _accept_history(document["history"])
        if history is None:
            return None
        table["history"] = history
    return table, answers  # type: ignore[return-value]


def _accept_company(value: Any) -> CompanyTable | None:
    if type(value) is not dict or not value.keys() <= COMPANY_KEYS:
        return None
    name = value.get("name")
    flag = value.get("imports_from_risk_countries")
    employees = value.get("employees")
    revenue = value.get("revenue_eur")
    if (
        not (_is_text(name) and name)
        or type(flag) is not bool
        or type(employees) is not int
        or employees < 0
        or type(revenue) is not int
        or revenue < 0
    ):
        return None
    company: dict[str, Any] = {
        "name": name,
        "imports_from_risk_countries": flag,
        "employees": employees,
        "revenue_eur": revenue,
    }
    if "joined_year" in value:
        year = value["joined_year"]
        if year is not None and not _whole(year, FIRST_YEAR, LAST_YEAR):
            return None
        company["joined_year"] = year
    if "entry_level" in value:
        level = value["entry_level"]
        if level is not None and not _whole(level, 1, 5):
            return None
        company["entry_level"] = level
    return company  # type: ignore[return-value]


def _accept_interview(value: Any) -> InterviewTable | None:
    if type(value) is not dict or not value.keys() <= INTERVIEW_KEYS:
        return None
    interview: dict[str, Any] = {}
    if "interviewer" in value:
        interviewer = value["interviewer"]
        if not _is_text(interviewer):
            return None
        interview["interviewer"] = interviewer
    if "date" in value:
        date = value["date"]
        # Exactly a date: strict pydantic refuses a datetime (a subclass of date) here.
        if date is not None and type(date) is not dt.date:
            return None
        interview["date"] = date
    if "previous_file" in value:
        previous = value["previous_file"]
        if previous is not None and not _is_text(previous):
            return None
        interview["previous_file"] = previous
    return interview  # type: ignore[return-value]


def _accept_history(value: Any) -> list[HistoryTable] | None:
    if type(value) is not list:
        return None
    history: list[Any] = []
    for entry in value:
        if type(entry) is not dict or not entry.keys() <= HISTORY_KEYS:
            return None
        year = entry.get("year")
        points = _number(entry.get("points"), _FLOAT_MAX)
        max_points = _number(entry.get("max_points"), _FLOAT_MAX)
        percentage = _number(entry.get("percentage"), 100.0)
        if (
            not _whole(year, FIRST_YEAR, LAST_YEAR)
            or points is None
            or max_points is None
            or percentage is None
        ):
            return None
        table: dict[str, Any] = {"year": year}
        if "level" in entry:
            level = entry["level"]
            if level is not None and not _is_text(level):
                return None
            table["level"] = level
        table["points"] = points
        table["max_points"] = max_points
        table["percentage"] = percentage
        history.append(table)
    return history


def _accept_answers(answers: dict[Any, Any], questions: Container[str]) -> dict[str, Any] | None:
    """The validated tables of the ids in ``questions``; None when any id or table is in doubt.

    Every id is checked (the top-level table keeps them all); only the tables of ``questions``.
    """
    accepted: dict[str, Any] = {}
    for qid, raw in answers.items():
        if type(qid) is not str or not (qid.isascii() or _SURROGATE.search(qid) is None):
            return None
        if qid not in questions:
            continue
        if type(raw) is not dict:
            return None
        # One membership test per field, the table built in the schema's order; a key that is
        # no field leaves the table shorter than the file's (checked at the end).
        table: dict[str, Any] = {}
        if "answer" in raw:
            value = raw["answer"]
            if value is not None and (type(value) is not str or value not in ANSWER_WORDS):
                return None
            table["answer"] = value
        if "percentage" in raw:
            value = raw["percentage"]
            if type(value) is float:
                if not 0.0 <= value <= 100.0:  # NaN fails both comparisons
                    return None
            elif type(value) is int:
                if not 0 <= value <= 100:
                    return None
                value = float(value)
            elif value is not None:
                return None
            table["percentage"] = value
        if "elements" in raw:
            table["elements"] = raw["elements"]
        if "note" in raw:
            value = raw["note"]
            if type(value) is not str or not (value.isascii() or _SURROGATE.search(value) is None):
                return None
            table["note"] = value
        if "follow_up" in raw:
            value = raw["follow_up"]
            if type(value) is not bool:
                return None
            table["follow_up"] = value
        if len(table) != len(raw):
            return None
        accepted[qid] = table
    return accepted
