"""The answer file: TOML text <-> :class:`~trustone_tui.session.Session`.

Reading validates everything and reports each problem as one line naming the file and the place
(line and column for syntax, the key path for values); it never raises anything else.
Writing is canonical: a stable key order, so load -> dump of a file we wrote gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from trustone_tui import tomlwrite
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.model import Question
from trustone_tui.session import (
    CURRENT_SCHEMA_VERSION,
    UNGROUPED,
    Company,
    HistoryEntry,
    Interview,
    QuestionAnswer,
    Session,
)

MAX_FILE_BYTES = 5 * 1024 * 1024
BOM = "\ufeff"


class AnswerFileError(Exception):
    """An answer file could not be read; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


Percentage = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]


class CompanyModel(_Model):
    name: Annotated[str, Field(min_length=1)]
    imports_from_risk_countries: bool
    employees: Annotated[int, Field(ge=0)]
    revenue_eur: Annotated[int, Field(ge=0)]
    joined_year: Annotated[int, Field(ge=1990, le=2200)] | None = None
    entry_level: Annotated[int, Field(ge=1, le=5)] | None = None


class InterviewModel(_Model):
    interviewer: str = ""
    date: dt.date | None = None
    previous_file: str | None = None


class AnswerModel(_Model):
    answer: Literal["nee", "gedeeltelijk", "ja", "nvt"] | None = None
    percentage: Percentage | None = None
    #: A list of element numbers, or a table of such lists per element group (checked below).
    elements: Any = Field(default_factory=list)
    note: str = ""
    follow_up: bool = False


class HistoryModel(_Model):
    year: Annotated[int, Field(ge=1990, le=2200)]
    level: str | None = None
    points: Annotated[float, Field(ge=0, allow_inf_nan=False)]
    max_points: Annotated[float, Field(ge=0, allow_inf_nan=False)]
    percentage: Percentage


class AnswerFileModel(_Model):
    schema_version: int
    framework_version: str | None = None
    created: dt.datetime | None = None
    updated: dt.datetime | None = None
    company: CompanyModel
    interview: InterviewModel = Field(default_factory=InterviewModel)
    answers: dict[str, Any] = Field(default_factory=dict)
    history: list[HistoryModel] = Field(default_factory=list)


# --------------------------------------------------------------------------- reading


def key_path(parts: tuple[Any, ...]) -> str:
    """``('answers', '1.1.5', 'answer')`` -> ``answers."1.1.5".answer``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + tomlwrite.key(str(part))
    return out or "(top level)"


_PYDANTIC_MESSAGES = {
    "extra_forbidden": "unknown key",
    "missing": "missing",
    "model_type": "must be a table",
    "dict_type": "must be a table",
}


def _pydantic_lines(source: str, error: ValidationError, prefix: tuple[Any, ...] = ()) -> list[str]:
    lines = []
    for err in error.errors(include_url=False):
        loc = err["loc"]
        message = _PYDANTIC_MESSAGES.get(err["type"], err["msg"])
        if err["type"] not in _PYDANTIC_MESSAGES and "input" in err:
            message += f" (got {_show(err['input'])})"
        lines.append(f"{source}: {key_path((*prefix, *loc))}: {message}")
    return _dedupe(lines)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _dedupe(lines: list[str]) -> list[str]:
    return list(dict.fromkeys(lines))


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def parse_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        if match:
            where = f"{source}:{match.group(1)}:{match.group(2)}"
            message = message[: match.start()]
        else:
            where = source
            message = message.replace(" (at end of document)", " at the end of the file")
        raise AnswerFileError([f"{where}: invalid TOML: {message}"]) from None


def decode(data: bytes, source: str) -> str:
    """UTF-8 text without a leading BOM (Windows editors add one)."""
    if len(data) > MAX_FILE_BYTES:
        raise AnswerFileError(
            [
                f"{source}: file is {len(data) / 1024 / 1024:.1f} MB; answer files are at most "
                f"{MAX_FILE_BYTES // 1024 // 1024} MB"
            ]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise AnswerFileError(
            [f"{source}:{line}:{column}: not UTF-8 text (byte 0x{data[exc.start]:02x})"]
        ) from None
    return text.removeprefix(BOM)


def read_bytes(path: Path) -> bytes:
    """Read a file, refusing anything over the size limit before reading it whole."""
    source = str(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise AnswerFileError([f"{source}: no such file"]) from None
    except IsADirectoryError:
        raise AnswerFileError([f"{source}: is a directory, not an answer file"]) from None
    except PermissionError:
        raise AnswerFileError([f"{source}: permission denied"]) from None
    except OSError as exc:
        raise AnswerFileError([f"{source}: cannot read: {exc.strerror or exc}"]) from None
    if len(data) > MAX_FILE_BYTES:
        raise AnswerFileError(
            [
                f"{source}: file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB; "
                "refusing to read it as an answer file"
            ]
        )
    return data


def load_session(path: Path, framework: Framework) -> Session:
    """Read and validate an answer file (raises :class:`AnswerFileError`)."""
    return parse_session(read_bytes(path), str(path), framework)


def parse_session(data: bytes, source: str, framework: Framework) -> Session:
    """Validate answer-file bytes into a session (raises :class:`AnswerFileError`)."""
    document = parse_toml(decode(data, source), source)
    return session_from_document(document, source, framework)


def check_schema_version(document: Mapping[str, Any], source: str) -> int:
    version = document.get("schema_version")
    if version is None:
        raise AnswerFileError(
            [f"{source}: schema_version: missing (this format is version {CURRENT_SCHEMA_VERSION})"]
        )
    if not isinstance(version, int) or isinstance(version, bool):
        raise AnswerFileError([f"{source}: schema_version: must be a whole number"])
    if version > CURRENT_SCHEMA_VERSION:
        raise AnswerFileError(
            [
                f"{source}: schema_version: file is format version {version}, newer than this "
                f"trustone-tui understands ({CURRENT_SCHEMA_VERSION}); "
                "upgrade trustone-tui to open it"
            ]
        )
    if version < 1:
        raise AnswerFileError(
            [f"{source}: schema_version: {version} is not a known format version"]
        )
    return version


def session_from_document(
    document: Mapping[str, Any], source: str, framework: Framework
) -> Session:
    """Validate a parsed document; every problem in the file is reported at once."""
    check_schema_version(document, source)
    problems: list[str] = []
    model: AnswerFileModel | None = None
    try:
        model = AnswerFileModel.model_validate(document)
    except ValidationError as exc:
        problems.extend(_pydantic_lines(source, exc))
    raw_answers = document.get("answers", {})
    version = document.get("framework_version")
    same_bank = version is None or version == framework.version
    answers: dict[str, QuestionAnswer] = {}
    orphans: dict[str, Mapping[str, Any]] = {}
    for qid, raw in raw_answers.items() if isinstance(raw_answers, dict) else ():
        where = ("answers", qid)
        if qid not in framework.questions:
            if same_bank:
                problems.append(f"{source}: {key_path(where)}: unknown question id {qid!r}")
            elif isinstance(raw, dict):
                orphans[qid] = raw
            continue
        try:
            answer_model = AnswerModel.model_validate(raw)
        except ValidationError as exc:
            problems.extend(_pydantic_lines(source, exc, where))
            continue
        answer, answer_problems = _check_answer(qid, answer_model, framework)
        if answer_problems:
            problems.extend(f"{source}: {key_path(where)}{p}" for p in answer_problems)
        if answer is not None and not answer.is_empty:
            answers[qid] = answer
    if problems or model is None:
        raise AnswerFileError(_dedupe(problems))
    ordered = {q: answers[q] for q in framework.questions if q in answers}
    company = model.company
    return Session(
        company=Company(
            name=company.name,
            imports_from_risk_countries=company.imports_from_risk_countries,
            employees=company.employees,
            revenue_eur=company.revenue_eur,
            joined_year=company.joined_year,
            entry_level=company.entry_level,
        ),
        answers=ordered,
        interview=Interview(
            interviewer=model.interview.interviewer,
            date=model.interview.date,
            previous_file=model.interview.previous_file,
        ),
        framework_version=model.framework_version,
        created=model.created,
        updated=model.updated,
        history=tuple(
            HistoryEntry(h.year, h.level, h.points, h.max_points, h.percentage)
            for h in model.history
        ),
        orphans=dict(sorted(orphans.items())),
        schema_version=CURRENT_SCHEMA_VERSION,
    )


def _check_answer(
    qid: str, model: AnswerModel, framework: Framework
) -> tuple[QuestionAnswer | None, list[str]]:
    """Check an answer against its question; problems are ``.key: message`` suffixes."""
    question = framework.questions[qid]
    problems: list[str] = []
    if question.kind == "header":
        children = ", ".join(c.id for c in framework.children(qid))
        return None, [f": {qid} groups {children} and is not answered itself"]
    if model.answer is not None:
        if question.kind == "band":
            problems.append(f".answer: {qid} is scored from its percentage; give percentage")
        elif model.answer == "nvt" and not question.nvt_allowed:
            problems.append(
                f".answer: n.v.t. is not allowed for {qid} (only for questions that "
                "start with 'Als je ...')"
            )
    if model.percentage is not None and question.kind == "choice":
        problems.append(
            f".percentage: {qid} is answered nee/gedeeltelijk/ja, not with a percentage"
        )
    elements, element_problems = _check_elements(question, model.elements)
    problems.extend(element_problems)
    if problems:
        return None, problems
    return QuestionAnswer(
        answer=model.answer,
        percentage=model.percentage,
        elements=elements,
        note=model.note,
        follow_up=model.follow_up,
    ), []


def _check_elements(question: Question, raw: Any) -> tuple[dict[str, tuple[int, ...]], list[str]]:
    """Ticked elements as ``{group: numbers}`` ("" when ungrouped), with any problems."""
    count = len(question.elements)
    if type(raw) is list and not question.element_groups:
        # The common case, checked quickly; anything wrong is reported by the full check below.
        if not raw:
            return {}, []
        if all(type(n) is int and 1 <= n <= count for n in raw):
            return {UNGROUPED: tuple(sorted(set(raw)))}, []
    groups = [g.key for g in question.element_groups]
    if isinstance(raw, dict):
        if not groups:
            return {}, [f".elements: {question.id} has no element groups; give a list like [1, 2]"]
        lists = {}
        problems = []
        for group, numbers in raw.items():
            if group in groups:
                lists[group] = numbers
            else:
                problems.append(
                    f".elements.{tomlwrite.key(group)}: unknown group (expected "
                    f"{' or '.join(groups)})"
                )
    elif isinstance(raw, list):
        if raw and groups:
            example = ", ".join(f"{g} = [1]" for g in groups)
            return {}, [f".elements: {question.id} counts elements per group; give {{ {example} }}"]
        lists, problems = {UNGROUPED: raw}, []
    else:
        return {}, [".elements: must be a list of element numbers like [1, 2]"]
    elements: dict[str, tuple[int, ...]] = {}
    for group, numbers in lists.items():
        place = ".elements" + (f".{group}" if group else "")
        if not isinstance(numbers, list) or not all(
            isinstance(n, int) and not isinstance(n, bool) for n in numbers
        ):
            problems.append(f"{place}: must be a list of element numbers like [1, 2]")
            continue
        bad = [n for n in numbers if not 1 <= n <= count]
        if bad:
            limit = f"1-{count}" if count else "none"
            problems.append(f"{place}: element {bad[0]} does not exist (elements: {limit})")
            continue
        if numbers:
            elements[group] = tuple(sorted(set(numbers)))
    return elements, problems


# --------------------------------------------------------------------------- writing


def session_document(session: Session, framework: Framework) -> dict[str, Any]:
    """The session as a TOML document in canonical key order."""
    doc: dict[str, Any] = {"schema_version": CURRENT_SCHEMA_VERSION}
    doc["framework_version"] = session.framework_version or framework.version
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
    return doc


def answer_document(answer: QuestionAnswer) -> dict[str, Any]:
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
