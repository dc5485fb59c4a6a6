"""The answer file read: TOML bytes -> :class:`~trustone_tui.engine.session.Session`.

Bytes -> text -> TOML -> the current format (:mod:`~trustone_tui.answerfile.migrations`) ->
validated tables and answers checked against their questions
(:mod:`~trustone_tui.answerfile.validate`, the one definition of a valid file) -> a session.
Every problem is reported as one line naming the file and the place (line and column for
syntax, the key path for values); it never raises anything else. Writing is
:mod:`~trustone_tui.answerfile.write`.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from trustone_tui.answerfile import migrations, tomlwrite
from trustone_tui.answerfile.crosscheck import actions_from, register_from
from trustone_tui.answerfile.prescan import prescan_problems
from trustone_tui.answerfile.validate import (
    ANSWER,
    FILE,
    Invalid,
    check_answer,
    check_elements,
    check_table,
    key_path,
    problem_lines,
)
from trustone_tui.engine.actions import Action
from trustone_tui.engine.session import (
    CURRENT_SCHEMA_VERSION,
    Company,
    HistoryEntry,
    Interview,
    QuestionAnswer,
    Session,
)

if TYPE_CHECKING:
    from trustone_tui.framework.bank import Framework

MAX_FILE_BYTES = 5 * 1024 * 1024
BOM = "\ufeff"


class AnswerFileError(Exception):
    """An answer file could not be read; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


# --------------------------------------------------------------------------- reading


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
    table: dict[str, Any] | None = None
    try:
        table = check_table(document, FILE)
    except Invalid as exc:
        before_reporting()
        problems.extend(problem_lines(source, exc.problems))
    raw_answers = document.get("answers", {})
    if not isinstance(raw_answers, dict):
        raw_answers = {}  # reported above: answers must be a table
    version = document.get("framework_version")
    same_bank = version is None or version == framework.version
    questions = framework.questions
    places = _question_places(framework)
    answers: dict[str, QuestionAnswer] = {}
    in_order = True  # the answers come in the framework's order (as this program writes them)
    last_place = -1
    orphans: dict[str, Mapping[str, Any]] = {}
    for qid, raw in raw_answers.items():
        where = ("answers", qid)
        question = questions.get(qid)
        if question is not None:
            try:
                validated = check_table(raw, ANSWER)
            except Invalid as exc:
                before_reporting()
                problems.extend(problem_lines(source, exc.problems, where))
                if isinstance(raw, dict) and "elements" in raw:  # report these too, all at once
                    _, element_problems = check_elements(question, raw["elements"])
                    problems.extend(f"{source}: {key_path(where)}{p}" for p in element_problems)
                continue
            answer, answer_problems = check_answer(question, validated, framework)
            if answer is None:
                problems.extend(f"{source}: {key_path(where)}{p}" for p in answer_problems)
            elif not answer.is_empty:
                answers[qid] = answer
                place_in_framework = places[qid]
                in_order = in_order and place_in_framework > last_place
                last_place = place_in_framework
        elif same_bank:
            problems.append(f"{source}: {key_path(where)}: unknown question id {qid!r}")
        elif isinstance(raw, dict):
            before_reporting()  # kept verbatim, written back later
            unwritable = _unwritable(raw)
            if unwritable:
                problems.append(f"{source}: {key_path(where)}: cannot be saved back ({unwritable})")
            else:
                orphans[qid] = raw
        else:
            problems.append(f"{source}: {key_path(where)}: must be a table")
    register = None
    actions: tuple[Action, ...] = ()
    if table is not None:
        if "register" in table:
            register, more = register_from(table["register"], framework)
            problems.extend(f"{source}: {p}" for p in more)
        actions, more = actions_from(table.get("actions", ()), framework, same_bank)
        problems.extend(f"{source}: {p}" for p in more)
    if problems or table is None:
        before_reporting()
        raise AnswerFileError(_dedupe(problems))
    if not in_order:
        answers = dict(sorted(answers.items(), key=lambda item: places[item[0]]))
    return Session(
        company=Company(**table["company"]),
        answers=answers,
        interview=Interview(**table.get("interview", {})),
        framework_version=table.get("framework_version"),
        created=table.get("created"),
        updated=table.get("updated"),
        history=tuple(
            HistoryEntry(h["year"], h.get("level"), h["points"], h["max_points"], h["percentage"])
            for h in table.get("history", ())
        ),
        orphans=dict(sorted(orphans.items())),
        register=register,
        actions=actions,
        schema_version=CURRENT_SCHEMA_VERSION,
    )


@functools.lru_cache(maxsize=8)
def _question_places(framework: Framework) -> dict[str, int]:
    """Each question's place in the framework's order (the order of a session's answers)."""
    return {qid: place for place, qid in enumerate(framework.questions)}


def _unwritable(table: Mapping[str, Any]) -> str | None:
    """Why the writer could not save this table back (None when it can)."""
    try:
        tomlwrite.dumps(table)
    except (ValueError, TypeError) as exc:
        return str(exc)
    return None
