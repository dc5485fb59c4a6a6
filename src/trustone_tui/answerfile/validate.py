"""What a valid answer file is, in one place, and the words for what is wrong with one.

The tables of a file are described as data: :data:`FILE` (the top level, with :data:`COMPANY`,
:data:`INTERVIEW` and :data:`HISTORY` inside) and :data:`ANSWER` (the table of one answer).
Each is a :class:`Table` that maps a key to a :class:`Field`: whether the key is required, and
the check of its value (a type, a range, a choice, a nested table). :func:`check_table` returns
the validated table (keys in the description's order, which are the field names of the
session's records; a whole number given for a number field becomes a float) or raises
:class:`Invalid` with one :class:`Problem` per mistake: a missing key, an unknown key, a value
of the wrong type or out of range. :func:`check_answer` then checks an answer against its
question (n.v.t. allowed, answered by word or by percentage, element numbers and groups).
:func:`problem_lines` words the problems, one line each: ``file: key.path: message (got ...)``.

This is the only definition of a valid file, run on every file, valid or not. It is plain
Python, so reading a file imports no validation library (pydantic took about 75 ms to import);
a valid value costs one call of its check, and nothing is worded until something is wrong.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, get_args

from trustone_tui.answerfile import tomlwrite
from trustone_tui.engine.actions import ACTION_ID_RE, ACTION_STATUSES
from trustone_tui.engine.register import INVOLVEMENTS, RELATIONS, UNITS
from trustone_tui.engine.session import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_EMPLOYEES,
    MAX_REVENUE_EUR,
    UNGROUPED,
    AnswerChoice,
    QuestionAnswer,
)

if TYPE_CHECKING:
    from trustone_tui.framework.bank import Framework
    from trustone_tui.framework.model import Question

#: A place in the document: keys and list indices from the top.
Where = tuple[str | int, ...]

#: The stand-in for "no value to show" in a problem (``None`` is a value a file can hold).
NO_VALUE: Any = object()


class Problem(NamedTuple):
    """One mistake at ``where``; ``value`` (when given) is shown as ``(got ...)``."""

    where: Where
    message: str
    value: Any = NO_VALUE


class Invalid(Exception):
    """A value is not valid; ``problems`` are placed relative to the value checked."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__(problems)
        self.problems = problems


def fail(message: str, value: Any = NO_VALUE) -> NoReturn:
    raise Invalid(Problem((), message, value))


#: A check: the value as the session takes it, or :class:`Invalid`.
Check = Callable[[Any], Any]


class Field(NamedTuple):
    check: Check
    required: bool = False


class Table(Mapping[str, Field]):
    """A table's fields by key, in the order of a validated table's keys.

    Worked out once for :func:`check_table`: each key's place in that order with its check, and
    the required keys.
    """

    __slots__ = ("_fields", "placed_checks", "required")

    def __init__(self, fields: Mapping[str, Field]) -> None:
        self._fields = dict(fields)
        self.placed_checks = {
            name: (place, field.check) for place, (name, field) in enumerate(fields.items())
        }
        self.required = frozenset(name for name, field in fields.items() if field.required)

    def __getitem__(self, name: str) -> Field:
        return self._fields[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def __contains__(self, name: object) -> bool:
        return name in self._fields


# --------------------------------------------------------------------------- checks of values


def text(value: Any) -> str:
    if type(value) is not str:
        fail("must be text in quotes", value)
    return value


def non_empty_text(value: Any) -> str:
    checked = text(value)
    if not checked:
        fail("must not be empty", value)
    return checked


def flag(value: Any) -> bool:
    if type(value) is not bool:
        fail("must be true or false", value)
    return value


def date(value: Any) -> dt.date:
    if type(value) is not dt.date:  # exactly a date: a date and time is not one
        fail("must be a date like 2026-11-12", value)
    return value


def date_time(value: Any) -> dt.datetime:
    if type(value) is not dt.datetime:
        fail("must be a date and time like 2026-11-12T09:30:00+01:00", value)
    return value


def anything(value: Any) -> Any:
    """Any value (answer elements: checked against their question, :func:`check_elements`)."""
    return value


def whole(least: int | None = None, most: int | None = None) -> Check:
    """A whole number from ``least`` to ``most`` (None: no limit); not a bool."""

    def check(value: Any) -> int:
        if type(value) is not int:
            fail("must be a whole number", value)
        if least is not None and value < least:
            fail(f"must be at least {least}", value)
        if most is not None and value > most:
            fail(f"must be at most {most}", value)
        return value

    return check


def number(most: float = sys.float_info.max) -> Check:
    """A finite number from 0 to ``most``, as a float (a whole number is taken too)."""

    def check(value: Any) -> float:
        if type(value) is float:
            if 0.0 <= value <= most:  # the common case; NaN fails both comparisons
                return value
            converted = value
        elif type(value) is int:
            try:
                converted = float(value)
            except OverflowError:
                converted = math.inf
        else:
            fail("must be a number", value)
        if not math.isfinite(converted):
            fail("must be a finite number", value)
        if converted < 0:
            fail("must be at least 0", value)
        if converted > most:
            fail(f"must be at most {most:g}", value)  # 100.0 -> 100
        return converted

    return check


def positive(value: Any) -> float:
    """A finite number above 0, as a float."""
    checked: float = _NUMBER(value)
    if checked == 0:
        fail("must be more than 0", value)
    return checked


_NUMBER = number()


def list_of_text(value: Any) -> tuple[str, ...]:
    if type(value) is not list or any(type(item) is not str for item in value):
        fail("must be a list of texts in quotes", value)
    return tuple(value)


def pattern(regex: re.Pattern[str], example: str) -> Check:
    """Text matching ``regex`` (``example`` shows what is meant)."""

    def check(value: Any) -> str:
        if type(value) is not str or not regex.match(value):
            fail(f"must look like {example}", value)
        return value

    return check


def choice(*words: str) -> Check:
    """One of ``words``."""
    allowed = frozenset(words)
    message = "must be one of " + " or ".join(
        (", ".join(repr(w) for w in words[:-1]), repr(words[-1]))
    )

    def check(value: Any) -> str:
        if type(value) is not str or value not in allowed:
            fail(message, value)
        return value

    return check


def or_none(inner: Check) -> Check:
    """``inner``, or no value at all (``None``)."""

    def check(value: Any) -> Any:
        return None if value is None else inner(value)

    return check


def table_of(fields: Table) -> Check:
    def check(value: Any) -> dict[str, Any]:
        return check_table(value, fields)

    return check


def any_table(value: Any) -> dict[Any, Any]:
    """A table of anything, kept as it is (the answers: each checked with :data:`ANSWER`)."""
    if type(value) is not dict:
        fail("must be a table")
    return value


def list_of(fields: Table, most: int | None = None) -> Check:
    """A list of at most ``most`` tables described by ``fields``."""

    def check(value: Any) -> list[dict[str, Any]]:
        if type(value) is not list:
            fail("must be a list", value)
        if most is not None and len(value) > most:
            fail(f"holds {len(value):,} tables; an answer file keeps at most {most:,}")
        checked = []
        problems: list[Problem] = []
        for index, item in enumerate(value):
            try:
                checked.append(check_table(item, fields))
            except Invalid as exc:
                problems.extend(placed((index,), exc.problems))
        if problems:
            raise Invalid(*problems)
        return checked

    return check


#: The place and check of a key that is no field.
_UNKNOWN: tuple[int, Check] = (-1, anything)


def check_table(value: Any, fields: Table) -> dict[str, Any]:
    """The validated table, keys in the order of ``fields`` (raises :class:`Invalid`).

    All its problems are raised at once: in the order of ``fields``, then one per unknown key
    in the file's order.
    """
    if type(value) is not dict:
        fail("must be a table")
    # The common case first, checked as it comes: every key a field, every value valid (a
    # table as this program writes it also has its keys in the fields' order). Anything else
    # is checked field by field below, which words every problem.
    table: dict[str, Any] = {}
    placed_checks = fields.placed_checks
    in_order = True
    last = -1
    try:
        for name, item in value.items():
            place, check = placed_checks.get(name, _UNKNOWN)
            if place < 0:
                break
            if place < last:
                in_order = False
            last = place
            table[name] = check(item)
        else:
            if not fields.required or fields.required <= value.keys():
                return (
                    table if in_order else {name: table[name] for name in fields if name in table}
                )
    except Invalid:
        pass
    table = {}
    problems: list[Problem] = []
    known = 0
    for name, field in fields.items():
        if name in value:
            known += 1
            try:
                table[name] = field.check(value[name])
            except Invalid as exc:
                problems.extend(placed((name,), exc.problems))
        elif field.required:
            problems.append(Problem((name,), "missing"))
    if known != len(value):  # a key that is no field
        problems.extend(Problem((key,), "unknown key") for key in value if key not in fields)
    if problems:
        raise Invalid(*problems)
    return table


def placed(where: Where, problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` of a value at ``where``, placed from the top."""
    return [problem._replace(where=(*where, *problem.where)) for problem in problems]


# --------------------------------------------------------------------------- the tables

ANSWER_WORDS: tuple[str, ...] = get_args(AnswerChoice)  # nee, gedeeltelijk, ja, nvt
PERCENTAGE = number(most=100)

COMPANY = Table(
    {
        "name": Field(non_empty_text, required=True),
        "imports_from_risk_countries": Field(flag, required=True),
        "employees": Field(whole(0, MAX_EMPLOYEES), required=True),
        "revenue_eur": Field(whole(0, MAX_REVENUE_EUR), required=True),
        "joined_year": Field(or_none(whole(FIRST_YEAR, LAST_YEAR))),
        "entry_level": Field(or_none(whole(1, 5))),
    }
)

INTERVIEW = Table(
    {
        "interviewer": Field(text),
        "date": Field(or_none(date)),
        "previous_file": Field(or_none(text)),
        "last_question": Field(or_none(non_empty_text)),
    }
)

ANSWER = Table(
    {
        "answer": Field(or_none(choice(*ANSWER_WORDS))),
        "percentage": Field(or_none(PERCENTAGE)),
        #: A list of element numbers, or a table of such lists per element group; what is valid
        #: depends on the question (:func:`check_elements`).
        "elements": Field(anything),
        "note": Field(text),
        "follow_up": Field(flag),
    }
)

HISTORY = Table(
    {
        "year": Field(whole(FIRST_YEAR, LAST_YEAR), required=True),
        "level": Field(or_none(text)),
        "points": Field(number(), required=True),
        "max_points": Field(number(), required=True),
        "percentage": Field(PERCENTAGE, required=True),
    }
)

COUNTRY_CODE = pattern(re.compile(r"^[A-Z]{2}$"), "an ISO country code such as 'NL'")

#: One purchase flow of the register: the register's columns (``eenheid`` is the register's).
FLOW = Table(
    {
        "steentype": Field(non_empty_text, required=True),
        "kleur": Field(text),
        "hoeveelheid": Field(positive, required=True),
        "circulair": Field(flag),
        "eerste_schakel": Field(text),
        "eerste_schakel_adres": Field(text),
        "eerste_schakel_land": Field(COUNTRY_CODE),
        "fabriek": Field(text),
        "fabriek_adres": Field(text),
        "fabriek_land": Field(COUNTRY_CODE),
        "fabriek_relatie": Field(choice(*RELATIONS)),
        "fabriek_risico_overzicht": Field(flag),
        "groeve": Field(text),
        "groeve_adres": Field(text),
        "groeve_land": Field(COUNTRY_CODE),
        "groeve_risico_overzicht": Field(flag),
        "betrokkenheid": Field(choice(*INVOLVEMENTS)),
    }
)

#: The most flows an answer file keeps: reading must stay within a second (tomllib alone needs
#: about 10 microseconds per key, a flow has up to 17; docs/sessions.md "Limits").
MAX_REGISTER_FLOWS = 2_000

REGISTER = Table(
    {
        "eenheid": Field(choice(*UNITS), required=True),
        "ketens": Field(list_of(FLOW, most=MAX_REGISTER_FLOWS)),
    }
)

PROGRESS = Table(
    {
        "date": Field(date, required=True),
        "note": Field(non_empty_text, required=True),
    }
)

#: What an action aims for on one of its questions: an answer word or a percentage (one of them).
AIM = Table(
    {
        "question": Field(non_empty_text, required=True),
        "answer": Field(choice("gedeeltelijk", "ja")),
        "percentage": Field(PERCENTAGE),
    }
)

ACTION = Table(
    {
        "id": Field(
            pattern(ACTION_ID_RE, "'A1' (letters, digits, '.', '_' or '-')"), required=True
        ),
        "text": Field(non_empty_text, required=True),
        #: Question ids: checked against the bank when the file is read.
        "questions": Field(list_of_text),
        "owner": Field(text),
        "due": Field(date, required=True),
        "status": Field(choice(*ACTION_STATUSES)),
        "progress": Field(list_of(PROGRESS)),
        "created": Field(date),
        "aims": Field(list_of(AIM)),
    }
)

FILE = Table(
    {
        "schema_version": Field(whole(), required=True),
        "framework_version": Field(or_none(non_empty_text)),
        "created": Field(or_none(date_time)),
        "updated": Field(or_none(date_time)),
        "company": Field(table_of(COMPANY), required=True),
        "interview": Field(table_of(INTERVIEW)),
        #: Each answer is checked with :data:`ANSWER` when its question is known.
        "answers": Field(any_table),
        "history": Field(list_of(HISTORY)),
        "register": Field(table_of(REGISTER)),
        "actions": Field(list_of(ACTION)),
    }
)


# ------------------------------------------------------------- answers and their questions


def check_answer(
    question: Question, table: dict[str, Any], framework: Framework
) -> tuple[QuestionAnswer | None, list[str]]:
    """An answer's validated table (:data:`ANSWER`) checked against its question.

    Returns the answer, or None and the problems as ``.key: message`` suffixes of its place.
    """
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
        elements, element_problems = check_elements(question, table["elements"])
        if element_problems:
            return None, problems + element_problems
        table["elements"] = elements  # the validated table is ours: its keys are the fields
    if problems:
        return None, problems
    return QuestionAnswer(**table), problems


def check_elements(question: Question, raw: Any) -> tuple[dict[str, tuple[int, ...]], list[str]]:
    """Ticked elements as ``{group: numbers}`` ("" when ungrouped), with any problems."""
    count = len(question.elements)
    if type(raw) is list and not question.element_groups:
        # The common case, checked quickly: increasing numbers of elements, as this program
        # writes them. Anything else (in another order, repeated, wrong) takes the full check.
        if not raw:
            return {}, []
        previous = 0
        for number in raw:  # a plain loop: all() over a generator is slower for short lists
            if type(number) is not int or not previous < number <= count:
                break
            previous = number
        else:
            return {UNGROUPED: tuple(raw)}, []
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


# --------------------------------------------------------------------------- wording


def key_path(parts: Iterable[str | int]) -> str:
    """``('answers', '1.1.5', 'answer')`` -> ``answers."1.1.5".answer``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + tomlwrite.key(str(part))
    return out or "(top level)"


def problem_lines(source: str, problems: Iterable[Problem], where: Where = ()) -> list[str]:
    """One line per problem of a value at ``where``: ``source: key.path: message (got ...)``.

    Repeated lines are left out.
    """
    lines = []
    for problem in problems:
        message = problem.message
        if problem.value is not NO_VALUE:
            message += f" (got {_show(problem.value)})"
        lines.append(f"{source}: {key_path((*where, *problem.where))}: {message}")
    return list(dict.fromkeys(lines))


def _show(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."
