"""The answer file: TOML text <-> :class:`~trustone_tui.engine.session.Session`.

Reading validates everything and reports each problem as one line naming the file and the place
(line and column for syntax, the key path for values); it never raises anything else. A plainly
valid file is accepted by :mod:`trustone_tui.answerfile.check`; any other is validated with
the pydantic schema (:mod:`trustone_tui.answerfile.schema`, imported then), whose errors are
worded here.
Writing is canonical: a stable key order, so load -> dump of a file we wrote gives the same bytes.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

from trustone_tui.answerfile import migrations
from trustone_tui.answerfile.check import accept_answer_file
from trustone_tui.answerfile.prescan import prescan_problems
from trustone_tui.engine.session import (
    CURRENT_SCHEMA_VERSION,
    UNGROUPED,
    Company,
    HistoryEntry,
    Interview,
    QuestionAnswer,
    Session,
)

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

    from trustone_tui.answerfile.schema import AnswerFileTable, AnswerTable
    from trustone_tui.framework.bank import Framework
    from trustone_tui.framework.model import Question

MAX_FILE_BYTES = 5 * 1024 * 1024
_FIRST_READ = 64 * 1024
BOM = "\ufeff"


def _tomlwrite() -> ModuleType:
    """The TOML writer, imported on first use: reading a valid file never needs it."""
    from trustone_tui.answerfile import tomlwrite

    return tomlwrite


class AnswerFileError(Exception):
    """An answer file could not be read; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@cache
def _schema() -> ModuleType:
    """The pydantic schema (:mod:`trustone_tui.answerfile.schema`), imported on first use.

    Reading a file that :mod:`trustone_tui.answerfile.check` accepts never needs it: it is for files
    that may be broken, whose problems are worded from pydantic's errors.
    """
    from trustone_tui.answerfile import schema as answerschema

    return answerschema


# --------------------------------------------------------------------------- reading


def key_path(parts: tuple[Any, ...]) -> str:
    """``('answers', '1.1.5', 'answer')`` -> ``answers."1.1.5".answer``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + _tomlwrite().key(str(part))
    return out or "(top level)"


_PYDANTIC_MESSAGES = {
    "extra_forbidden": "unknown key",
    "missing": "missing",
    "model_type": "must be a table",
    "dict_type": "must be a table",
}

#: Plain wording for the value errors people make when editing a file by hand.
_VALUE_MESSAGES = {
    "literal_error": "must be one of {expected}",
    "string_type": "must be text in quotes",
    "bool_type": "must be true or false",
    "int_type": "must be a whole number",
    "float_type": "must be a number",
    "list_type": "must be a list",
    "less_than_equal": "must be at most {le}",
    "greater_than_equal": "must be at least {ge}",
    "string_too_short": "must not be empty",
    "finite_number": "must be a finite number",
    "date_type": "must be a date like 2026-11-12",
    "datetime_type": "must be a date and time like 2026-11-12T09:30:00+01:00",
}


def _pydantic_lines(source: str, error: ValidationError, prefix: tuple[Any, ...] = ()) -> list[str]:
    return _error_lines(source, error.errors(include_url=False), prefix)


def _error_lines(source: str, errors: Iterable[ErrorDetails], prefix: tuple[Any, ...]) -> list[str]:
    lines = []
    for err in errors:
        loc = err["loc"]
        kind = err["type"]
        if kind in _PYDANTIC_MESSAGES:
            message = _PYDANTIC_MESSAGES[kind]
        else:
            template = _VALUE_MESSAGES.get(kind)
            try:
                context = {k: _plain_number(v) for k, v in err.get("ctx", {}).items()}
                message = template.format(**context) if template else err["msg"]
            except (KeyError, IndexError):
                message = err["msg"]
            if "input" in err:
                message += f" (got {_show(err['input'])})"
        lines.append(f"{source}: {key_path((*prefix, *loc))}: {message}")
    return _dedupe(lines)


def _plain_number(value: Any) -> Any:
    """100.0 -> 100 in messages; anything else as it is."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _dedupe(lines: list[str]) -> list[str]:
    return list(dict.fromkeys(lines))


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def parse_toml(text: str, source: str) -> dict[str, Any]:
    if problems := prescan_problems(text, source):  # before the parser: see prescan.py
        raise AnswerFileError(problems)
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise AnswerFileError(
            [f"{source}: invalid TOML: arrays or tables nested too deeply"]
        ) from None
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
    except ValueError as exc:  # Python's limit on digits in an integer (4300 by default)
        if "integer string conversion" not in str(exc):
            raise
        raise AnswerFileError(
            [f"{source}: invalid TOML: a number has too many digits to be an answer"]
        ) from None


MAX_NESTING = 32
_CONTAINERS = (dict, list)


def check_nesting(document: Mapping[str, Any], source: str) -> None:
    """Refuse values nested deeper than :data:`MAX_NESTING` (answer files need about 4).

    The parser itself only stops at Python's recursion limit; anything that walks the values
    afterwards (validation, the writer) must not be the one to hit it.
    """
    if not _nested_deeper_than(document, MAX_NESTING):
        return  # the common case; the walk below finds the place to report
    stack: list[tuple[Any, tuple[Any, ...]]] = [(document, ())]
    while stack:
        value, where = stack.pop()
        if len(where) > MAX_NESTING:
            raise AnswerFileError(
                [
                    f"{source}: {key_path(where[:3])}: values nested more than "
                    f"{MAX_NESTING} levels deep"
                ]
            )
        if isinstance(value, dict):
            stack.extend((v, (*where, k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, (*where, i)) for i, v in enumerate(value))


def _nested_deeper_than(document: Mapping[str, Any], limit: int) -> bool:
    """Whether any value lies more than ``limit`` keys or indices below the top.

    Walks one depth at a time and keeps only the tables and arrays, which is several times
    faster than keeping the path to every value.
    """
    level: list[Any] = [document]
    for _ in range(limit):
        level = [
            value
            for container in level
            for value in (container.values() if isinstance(container, dict) else container)
            if isinstance(value, _CONTAINERS)
        ]
        if not level:
            return False
    return any(level)  # a non-empty table or array at depth ``limit`` has values below it


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
            # One read of the limit would allocate 5 MB for every file; answer files are a few
            # kB, so read a small first chunk and only go on when it comes back full.
            data = fh.read(_FIRST_READ)
            if len(data) == _FIRST_READ:
                data += fh.read(MAX_FILE_BYTES + 1 - _FIRST_READ)
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
    return read_session(data, source, framework).session


class ReadSession(NamedTuple):
    session: Session
    #: The file's format version before migration (``CURRENT_SCHEMA_VERSION`` when current).
    from_version: int

    @property
    def migrated(self) -> bool:
        return self.from_version != CURRENT_SCHEMA_VERSION


def read_session(data: bytes, source: str, framework: Framework) -> ReadSession:
    """Like :func:`parse_session`, also telling whether the file was in an older format.

    A file nested too deep (:func:`check_nesting`) is reported with that one problem. The walk
    that finds out is done only when needed: before a migration copies the document, and before
    any problem is reported or an answer is kept verbatim. A file the schema accepts is at most
    five levels deep, so for a valid file in the current format it would find nothing.
    """
    document = parse_toml(decode(data, source), source)
    version = document.get("schema_version")
    current: Mapping[str, Any] = document  # a file in the current format needs no migration
    if type(version) is not int or version != CURRENT_SCHEMA_VERSION:
        check_nesting(document, source)
        upgraded = upgrade_document(document, source)
        current, version = upgraded.document, upgraded.from_version
    return ReadSession(
        _session_from_current(current, source, framework, walk_before_reporting=document), version
    )


def upgrade_document(document: Mapping[str, Any], source: str) -> migrations.Upgraded:
    """The document migrated to the current format (:mod:`~trustone_tui.answerfile.migrations`)."""
    try:
        migrations.document_version(document)
    except migrations.MigrationError as exc:
        raise AnswerFileError([f"{source}: schema_version: {exc}"]) from None
    try:
        return migrations.upgrade(document)
    except migrations.MigrationError as exc:
        raise AnswerFileError([f"{source}: {exc}"]) from None


def _session_from_current(
    document: Mapping[str, Any],
    source: str,
    framework: Framework,
    walk_before_reporting: Mapping[str, Any] | None = None,
) -> Session:
    """Validate a document in the current format.

    ``walk_before_reporting``: the document as read, checked with :func:`check_nesting` before
    the first problem is put into words or an answer is kept verbatim (see :func:`read_session`).
    """

    walked = walk_before_reporting is None

    def before_reporting() -> None:
        nonlocal walked
        if not walked:
            walked = True
            check_nesting(walk_before_reporting, source)  # type: ignore[arg-type]

    problems: list[str] = []
    raw_answers = document.get("answers", {})
    if not isinstance(raw_answers, dict):
        raw_answers = {}  # reported by the schema: answers must be a table
    version = document.get("framework_version")
    same_bank = version is None or version == framework.version
    questions = framework.questions
    table: AnswerFileTable | None
    invalid: dict[str, list[str]] = {}
    accepted = accept_answer_file(document, questions)
    if accepted is not None:  # plainly valid: pydantic is not needed (see answercheck)
        table, validated = accepted
    else:  # pydantic decides, and its errors are the problems reported
        schema = _schema()
        table = None
        try:
            table = schema.ANSWER_FILE.validate_python(document)
        except schema.ValidationError as exc:
            before_reporting()
            problems.extend(_pydantic_lines(source, exc))
        validated, invalid_errors = _validate_answers(
            {qid: raw for qid, raw in raw_answers.items() if qid in questions}
        )
        if invalid_errors:
            before_reporting()
            invalid = {
                qid: _error_lines(source, errors, ("answers",))
                for qid, errors in invalid_errors.items()
            }
    answers: dict[str, QuestionAnswer] = {}
    orphans: dict[str, Mapping[str, Any]] = {}
    for qid, raw in raw_answers.items():
        question = questions.get(qid)
        if question is not None and qid not in invalid:  # the common case first
            answer, answer_problems = _check_answer(question, validated[qid], framework)
            if answer_problems:
                problems.extend(
                    f"{source}: {key_path(('answers', qid))}{p}" for p in answer_problems
                )
            elif not answer.is_empty:
                answers[qid] = answer
            continue
        where = ("answers", qid)
        if question is None:
            if same_bank:
                problems.append(f"{source}: {key_path(where)}: unknown question id {qid!r}")
            elif isinstance(raw, dict):
                before_reporting()  # kept verbatim, written back later
                unwritable = _unwritable(raw)
                if unwritable:
                    problems.append(
                        f"{source}: {key_path(where)}: cannot be saved back ({unwritable})"
                    )
                else:
                    orphans[qid] = raw
            else:
                problems.append(f"{source}: {key_path(where)}: must be a table")
            continue
        problems.extend(invalid[qid])
        if isinstance(raw, dict) and "elements" in raw:  # report these too, all at once
            _, element_problems = _check_elements(question, raw["elements"])
            problems.extend(f"{source}: {key_path(where)}{p}" for p in element_problems)
    if problems or table is None:
        before_reporting()
        raise AnswerFileError(_dedupe(problems))
    ordered = {q: answers[q] for q in framework.questions if q in answers}
    return Session(
        company=Company(**table["company"]),
        answers=ordered,
        interview=Interview(**table.get("interview", {})),
        framework_version=table.get("framework_version"),
        created=table.get("created"),
        updated=table.get("updated"),
        history=tuple(
            HistoryEntry(h["year"], h.get("level"), h["points"], h["max_points"], h["percentage"])
            for h in table.get("history", ())
        ),
        orphans=dict(sorted(orphans.items())),
        schema_version=CURRENT_SCHEMA_VERSION,
    )


def _validate_answers(
    tables: dict[str, Any],
) -> tuple[dict[str, AnswerTable], dict[str, list[ErrorDetails]]]:
    """The valid answer tables, and pydantic's errors for the others by question id."""
    schema = _schema()
    try:
        return schema.ANSWERS.validate_python(tables), {}
    except schema.ValidationError as exc:
        errors = exc.errors(include_url=False)
    invalid: dict[str, list[ErrorDetails]] = {}
    for err in errors:
        invalid.setdefault(str(err["loc"][0]), []).append(err)
    valid = {qid: raw for qid, raw in tables.items() if qid not in invalid}
    return schema.ANSWERS.validate_python(valid), invalid


def _unwritable(table: Mapping[str, Any]) -> str | None:
    """Why the writer could not save this table back (None when it can)."""
    try:
        _tomlwrite().dumps(table)
    except (ValueError, TypeError) as exc:
        return str(exc)
    return None


def _check_answer(
    question: Question, table: AnswerTable, framework: Framework
) -> tuple[QuestionAnswer | None, list[str]]:
    """Check an answer against its question; problems are ``.key: message`` suffixes."""
    qid = question.id
    kind = question.kind
    problems: list[str] = []
    if kind == "header":
        children = ", ".join(c.id for c in framework.children(qid))
        return None, [f": {qid} groups {children} and is not answered itself"]
    answer = table.get("answer")
    if answer is not None:
        if kind == "band":
            problems.append(f".answer: {qid} is scored from its percentage; give percentage")
        elif answer == "nvt" and not question.nvt_allowed:
            problems.append(
                f".answer: n.v.t. is not allowed for {qid} (only for questions that "
                "start with 'Als je ...')"
            )
    if kind == "choice" and table.get("percentage") is not None:
        problems.append(
            f".percentage: {qid} is answered nee/gedeeltelijk/ja, not with a percentage"
        )
    if "elements" in table:  # else none ticked: QuestionAnswer's default
        elements, element_problems = _check_elements(question, table["elements"])
        if element_problems:
            return None, problems + element_problems
        table["elements"] = elements  # the validated table is ours: its keys are the fields
    if problems:
        return None, problems
    return QuestionAnswer(**table), problems


def _check_elements(question: Question, raw: Any) -> tuple[dict[str, tuple[int, ...]], list[str]]:
    """Ticked elements as ``{group: numbers}`` ("" when ungrouped), with any problems."""
    count = len(question.elements)
    if type(raw) is list and not question.element_groups:
        # The common case, checked quickly; anything wrong is reported by the full check below.
        if not raw:
            return {}, []
        for number in raw:  # a plain loop: all() over a generator is slower for short lists
            if type(number) is not int or not 1 <= number <= count:
                break
        else:
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
                    f".elements.{_tomlwrite().key(group)}: unknown group (expected "
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
    return _tomlwrite().dumps(session_document(session, framework)).encode("utf-8")
