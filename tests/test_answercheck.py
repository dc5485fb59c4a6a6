"""The pure-Python check of answer-file tables (``answercheck``) against the pydantic schema.

Whenever the check accepts a document, the schema accepts it too and returns the same result:
keys in the same order, equal values of the same types. Valid documents and the demo files take
the check's path, so reading a valid file never loads the schema; a broken file is still
reported from pydantic's errors, word for word as without the check.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import enum
import math
import subprocess
import sys
from collections.abc import Container, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proof_helpers import FW
from trustone_tui.answerfile import check as answercheck
from trustone_tui.answerfile import read as answerfile
from trustone_tui.answerfile import schema as answerschema
from trustone_tui.answerfile.check import accept_answer_file
from trustone_tui.answerfile.read import AnswerFileError, dump_session, parse_session
from trustone_tui.demo import demo_bytes, demo_previous_bytes
from trustone_tui.engine.session import Company, Interview, QuestionAnswer, Session

REFUSED = "refused by the schema"


def accept_answers(tables: Any) -> Any:
    """The check of answer tables alone: every table of ``tables`` as ``ANSWERS`` sees them."""
    return answercheck._accept_answers(tables, tables) if type(tables) is dict else None


def schema_result(adapter: Any, value: Any) -> Any:
    try:
        return adapter.validate_python(value)
    except answerschema.ValidationError:
        return REFUSED


def containers(value: Any) -> set[int]:
    """The ids of every table and list in ``value``."""
    found = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict | list | tuple):
            found.add(id(item))
            stack.extend(item.values() if isinstance(item, dict) else item)
    return found


def assert_same(fast: Any, slow: Any, shared: set[int], where: str = "") -> None:
    """Equal and of the same type throughout; dict keys in the same order; -0.0 is not 0.0.

    ``shared``: the input's tables and lists; a result holds one of them exactly where the
    schema's result does (values of ``Any`` fields), and new ones everywhere else.
    """
    assert type(fast) is type(slow), (where, fast, slow)
    assert (id(fast) in shared) == (id(slow) in shared), where
    if isinstance(fast, dict):
        assert list(fast) == list(slow), where
        for key in fast:
            assert_same(fast[key], slow[key], shared, f"{where}.{key}")
    elif isinstance(fast, list | tuple):
        assert len(fast) == len(slow), where
        for index, (one, other) in enumerate(zip(fast, slow, strict=True)):
            assert_same(one, other, shared, f"{where}[{index}]")
    elif isinstance(fast, float):
        assert fast == slow or (math.isnan(fast) and math.isnan(slow)), (where, fast, slow)
        assert math.copysign(1.0, fast) == math.copysign(1.0, slow), (where, fast, slow)
    elif isinstance(fast, dt.datetime):  # == ignores fold, and the zone of equal instants
        assert (fast, fast.tzinfo, fast.fold) == (slow, slow.tzinfo, slow.fold), where
    else:
        assert fast == slow, (where, fast, slow)


def check_document(document: Any, questions: Container[str] = FW.questions) -> tuple[bool, bool]:
    """Compare the check with the schema on a document, as the reader validates it.

    That is the top-level table and the answer tables of ``questions``; also all its answer
    tables on their own (``accept_answers``). Returns whether the check accepted the document,
    and its answer tables (when it has a table of them). Neither may change the document.
    """
    before = repr(document)
    fast = accept_answer_file(document, questions)
    if fast is not None:
        slow = schema_result(answerschema.ANSWER_FILE, document)
        assert slow is not REFUSED, "the check accepted a document the schema refuses"
        known = {qid: raw for qid, raw in document.get("answers", {}).items() if qid in questions}
        slow_known = schema_result(answerschema.ANSWERS, known)
        assert slow_known is not REFUSED, "the check accepted answers the schema refuses"
        shared = containers(document)
        assert_same(fast[0], slow, shared)
        assert_same(fast[1], slow_known, shared)
    fast_answers = None
    answers = document.get("answers") if isinstance(document, dict) else None
    if isinstance(answers, dict):
        fast_answers = accept_answers(answers)
        if fast_answers is not None:
            slow_answers = schema_result(answerschema.ANSWERS, answers)
            assert slow_answers is not REFUSED, "the check accepted answers the schema refuses"
            assert_same(fast_answers, slow_answers, containers(answers))
    assert repr(document) == before
    return fast is not None, fast_answers is not None


# --------------------------------------------------------------------------- valid documents


@st.composite
def tables(
    draw: st.DrawFn,
    required: dict[str, st.SearchStrategy[Any]],
    optional: dict[str, st.SearchStrategy[Any]],
) -> dict[str, Any]:
    """A table with every required key and some optional ones, often not in the schema's order."""
    items = [(key, draw(values)) for key, values in required.items()]
    items += [(key, draw(values)) for key, values in optional.items() if draw(st.booleans())]
    if draw(st.booleans()):
        items = draw(st.permutations(items))
    return dict(items)


def maybe_none(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), values)


texts = st.one_of(st.text(max_size=12), st.sampled_from(["é", "🪨", "\x00", "a\nb"]))
non_empty_texts = texts.filter(bool)
zones = st.builds(
    dt.timezone,
    st.timedeltas(-dt.timedelta(hours=23, minutes=59), dt.timedelta(hours=23, minutes=59)),
)
date_times = st.datetimes(timezones=st.one_of(st.none(), st.just(dt.UTC), zones))
percentages = st.one_of(st.floats(0, 100), st.integers(0, 100), st.just(-0.0))
points = st.one_of(
    st.floats(min_value=0, allow_infinity=False),
    st.integers(0, 2**53),
    st.sampled_from([-0.0, 2.0**53, sys.float_info.max]),
)
toml_values = st.recursive(
    st.one_of(
        st.booleans(),
        st.integers(),
        st.floats(),
        texts,
        st.dates(),
        st.times(),
        date_times,
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(texts, inner, max_size=3)),
    max_leaves=6,
)
known_ids = st.sampled_from(sorted(FW.questions))
unknown_ids = st.text(max_size=6).filter(lambda qid: qid not in FW.questions)
question_ids = st.one_of(known_ids, unknown_ids)

answer_tables = tables(
    {},
    {
        "answer": maybe_none(st.sampled_from(["nee", "gedeeltelijk", "ja", "nvt"])),
        "percentage": maybe_none(percentages),
        "elements": st.one_of(
            st.lists(st.integers(0, 12), max_size=4),
            st.dictionaries(st.sampled_from(["staf", "x"]), st.lists(st.integers(1, 4))),
            toml_values,
            st.none(),
        ),
        "note": texts,
        "follow_up": st.booleans(),
    },
)
companies = tables(
    {
        "name": non_empty_texts,
        "imports_from_risk_countries": st.booleans(),
        "employees": st.integers(min_value=0),
        "revenue_eur": st.integers(min_value=0),
    },
    {
        "joined_year": maybe_none(st.integers(1990, 2200)),
        "entry_level": maybe_none(st.integers(1, 5)),
    },
)
interviews = tables(
    {},
    {"interviewer": texts, "date": maybe_none(st.dates()), "previous_file": maybe_none(texts)},
)
history_entries = tables(
    {
        "year": st.integers(1990, 2200),
        "points": points,
        "max_points": points,
        "percentage": percentages,
    },
    {"level": maybe_none(texts)},
)
answer_sets = st.dictionaries(question_ids, answer_tables, max_size=6)
documents = tables(
    {"schema_version": st.integers(), "company": companies},
    {
        "framework_version": maybe_none(non_empty_texts),
        "created": maybe_none(date_times),
        "updated": maybe_none(date_times),
        "interview": interviews,
        # Answers to questions the bank does not know may be anything (they are kept as read).
        "answers": st.builds(
            lambda known, unknown: {**known, **unknown},
            st.dictionaries(known_ids, answer_tables, max_size=6),
            st.dictionaries(unknown_ids, st.one_of(answer_tables, toml_values), max_size=2),
        ),
        "history": st.lists(history_entries, max_size=3),
    },
)


@settings(max_examples=400, deadline=None)
@given(documents)
def test_a_valid_document_takes_the_fast_path_with_the_schemas_result(document):
    accepted, _ = check_document(document)
    assert accepted


@settings(max_examples=400, deadline=None)
@given(answer_sets)
def test_valid_answer_tables_take_the_fast_path_with_the_schemas_result(answers):
    _, accepted = check_document({"answers": answers})
    assert accepted


# --------------------------------------------------------------------------- broken documents


class Word(str):
    pass


class Number(enum.IntEnum):
    ONE = 1


class Real(float):
    pass


class Day(dt.date):
    pass


#: Values that are wrong somewhere (and a few that are right somewhere else).
ODD_VALUES = st.one_of(
    st.sampled_from(
        [
            None,
            True,
            False,
            0,
            1,
            5,
            6,
            -1,
            100,
            101,
            1989,
            2201,
            2**53 + 1,
            2**64,
            10**400,
            -0.0,
            0.5,
            100.0,
            100.5,
            -1e-300,
            math.nan,
            math.inf,
            -math.inf,
            "",
            "ja",
            "nvt",
            "misschien",
            "\ud800",
            "é\udfff",
            b"ja",
            [],
            [1],
            (),
            (1,),
            {},
            {"a": 1},
            {1: 2},
            dt.date(2026, 11, 12),
            dt.datetime(2026, 11, 12),
            dt.datetime(2026, 11, 12, 9, 30, tzinfo=dt.UTC),
            dt.time(9, 30),
            Word("ja"),
            Number.ONE,
            Real(50.0),
            Day(2026, 11, 12),
        ]
    ),
    st.integers(),
    st.floats(),
    texts,
    st.dates(),
    date_times,
)
#: Keys that belong to some table, and some that belong to none.
ANY_KEYS = st.one_of(
    st.sampled_from(
        sorted(
            answercheck.FILE_KEYS
            | answercheck.COMPANY_KEYS
            | answercheck.INTERVIEW_KEYS
            | answercheck.HISTORY_KEYS
            | answercheck.ANSWER_KEYS
        )
    ),
    st.sampled_from(["", "Answer", "\ud800", "nota"]),
    st.integers(0, 2),
)


def places(document: Any) -> list[tuple[Any, Any]]:
    """Every (table or list, key or index) in the document."""
    found = []
    stack = [document]
    while stack:
        container = stack.pop()
        if isinstance(container, dict):
            items = list(container.items())
        elif isinstance(container, list):
            items = list(enumerate(container))
        else:
            continue
        for key, value in items:
            found.append((container, key))
            stack.append(value)
    return found


class Table(dict):
    pass


def retyped(value: Any) -> Any:
    """The same content in a container of another type (a table or a list is kept as it is)."""
    if isinstance(value, dict):
        return Table(value)
    if isinstance(value, list):
        return tuple(value)
    return value


@st.composite
def broken(draw: st.DrawFn, valid: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    """A valid document with one to three values replaced or retyped, keys removed or added."""
    document = copy.deepcopy(draw(valid))
    for _ in range(draw(st.integers(1, 3))):
        where = places(document)
        changes = ["replace", "retype", "remove", "add"] if where else ["add"]
        change = draw(st.sampled_from(changes))
        if change == "add":
            tables_here = [document] + [c[k] for c, k in where if isinstance(c[k], dict)]
            table = draw(st.sampled_from(tables_here))
            value = draw(st.one_of(ODD_VALUES, toml_values, answer_tables))
            table[draw(ANY_KEYS)] = copy.deepcopy(value)
            continue
        container, key = draw(st.sampled_from(where))
        if change == "remove":
            del container[key]
        elif change == "retype":
            container[key] = retyped(container[key])
        else:
            container[key] = copy.deepcopy(draw(ODD_VALUES))
    return document


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken(documents))
def test_the_check_never_accepts_more_than_the_schema_nor_returns_something_else(document):
    check_document(document)
    check_document(document, questions=frozenset())  # no answer table to check


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken(st.builds(lambda answers: {"answers": answers}, answer_sets)))
def test_the_answer_check_never_accepts_more_than_the_schema(document):
    check_document(document)


VALID = {
    "schema_version": 1,
    "company": {
        "name": "X",
        "imports_from_risk_countries": True,
        "employees": 30,
        "revenue_eur": 1000,
    },
    "interview": {"date": dt.date(2026, 11, 12)},
    "answers": {"1.1.1": {"answer": "ja", "percentage": None}},
    "history": [{"year": 2025, "points": 90, "max_points": 248.0, "percentage": 36.29}],
}


def changed(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    document = copy.deepcopy(VALID)
    container = document
    for key in path[:-1]:
        container = container[key]
    if value is REMOVE:
        del container[path[-1]]
    else:
        container[path[-1]] = value
    return document


REMOVE = object()


def top_table(document: dict[str, Any]) -> Any:
    """The top-level table the check accepts (with the bank's questions), or None."""
    accepted = accept_answer_file(document, FW.questions)
    return None if accepted is None else accepted[0]


def level_of(path: tuple[Any, ...], document: dict[str, Any]) -> tuple[Any, Any, Any]:
    """The check, the schema and the input that decide about the value at ``path``."""
    if path[0] == "answers" and len(path) > 1:
        return accept_answers, answerschema.ANSWERS, document["answers"]
    return top_table, answerschema.ANSWER_FILE, document


#: Per field: values at its limits (both accept them), and values past them (both refuse).
LIMITS = {
    ("company", "employees"): ([0, 10**30], [-1, True, 30.0]),
    ("company", "revenue_eur"): ([0], [-1]),
    ("company", "joined_year"): ([None, 1990, 2200], [1989, 2201]),
    ("company", "entry_level"): ([None, 1, 5], [0, 6]),
    ("company", "imports_from_risk_countries"): ([True, False], [1, 0, "ja", None]),
    ("history", 0, "year"): ([1990, 2200], [1989, 2201, None]),
    ("history", 0, "points"): (
        [0, -0.0, 0.5, 2**53, sys.float_info.max],
        [-1, -1e-300, math.inf, math.nan, 10**400, True, None],
    ),
    ("history", 0, "max_points"): ([0, 2**53, sys.float_info.max], [-1, math.inf, None]),
    ("history", 0, "percentage"): (
        [0, -0.0, 100, 100.0],
        [-1, 100.5, 101, math.nextafter(100.0, 101.0), math.nan, None],
    ),
    ("answers", "1.1.1", "percentage"): (
        [None, 0, -0.0, 36.29, 100, 100.0],
        [-0.5, 100.5, 101, math.nextafter(100.0, 101.0), math.nan, math.inf, True],
    ),
}
AT_LIMITS = [(path, value) for path, (inside, _) in LIMITS.items() for value in inside]
PAST_LIMITS = [(path, value) for path, (_, outside) in LIMITS.items() for value in outside]


@pytest.mark.parametrize("path, value", AT_LIMITS)
def test_values_at_the_limits_are_accepted_with_the_schemas_result(path, value):
    check, schema, given = level_of(path, document := changed(path, value))
    fast = check(given)
    assert fast is not None
    assert_same(fast, schema.validate_python(given), containers(document))


REFUSED_BY_BOTH = {
    "a float for a whole number": (("company", "employees"), 30.0),
    "an empty name": (("company", "name"), ""),
    "an empty framework version": (("framework_version",), ""),
    "an answer that is no choice": (("answers", "1.1.1", "answer"), "misschien"),
    "an answer that is no choice, almost": (("answers", "1.1.1", "answer"), "Ja"),
    "an empty answer": (("answers", "1.1.1", "answer"), ""),
    "an answer in a list": (("answers", "1.1.1", "answer"), ["ja"]),
    "a note that is None": (("answers", "1.1.1", "note"), None),
    "a follow-up that is 1": (("answers", "1.1.1", "follow_up"), 1),
    "a datetime for a date": (("interview", "date"), dt.datetime(2026, 11, 12)),
    "a date for a datetime": (("created",), dt.date(2026, 11, 12)),
    "a time for a datetime": (("updated",), dt.time(9, 30)),
    "an unknown top-level key": (("extra",), 1),
    "an unknown company key": (("company", "nam"), "X"),
    "an unknown answer key": (("answers", "1.1.1", "notes"), "x"),
    "a missing company key": (("company", "employees"), REMOVE),
    "a missing history key": (("history", 0, "percentage"), REMOVE),
    "a missing company": (("company",), REMOVE),
    "a missing format version": (("schema_version",), REMOVE),
    "history as a table": (("history",), {"year": 2025}),
    "history in a tuple": (("history",), ()),
    "interview that is None": (("interview",), None),
    "answers that are a list": (("answers",), []),
    "an answer table that is not a table": (("answers", "1.1.1"), "ja"),
}


@pytest.mark.parametrize("path, value", [*PAST_LIMITS, *REFUSED_BY_BOTH.values()], ids=repr)
def test_wrong_values_are_left_to_the_schema_which_refuses_them(path, value):
    check, schema, given = level_of(path, document := changed(path, value))
    assert check(given) is None
    assert accept_answer_file(document, FW.questions) is None
    assert schema_result(schema, given) is REFUSED


SURROGATE_TEXT = {
    "name": ("company", "name"),
    "framework version": ("framework_version",),
    "interviewer": ("interview", "interviewer"),
    "previous file": ("interview", "previous_file"),
    "history level": ("history", 0, "level"),
    "note": ("answers", "1.1.1", "note"),
    "unknown key": ("company", "x\ud800"),
}


@pytest.mark.parametrize("name", SURROGATE_TEXT)
def test_text_with_a_lone_surrogate_is_left_to_the_schema(name):
    """pydantic refuses such text in some fields and keeps it in others: it decides."""
    path = SURROGATE_TEXT[name]
    check, _, given = level_of(path, document := changed(path, "x\ud800"))
    assert check(given) is None
    assert accept_answer_file(document, FW.questions) is None


@pytest.mark.parametrize(
    "qid", [1, "é\udfff", Word("1.1.2")], ids=["number", "surrogate", "str subclass"]
)
def test_odd_question_ids_are_left_to_the_schema(qid):
    document = changed(("answers", qid), {})
    assert accept_answer_file(document, FW.questions) is None
    assert accept_answers(document["answers"]) is None


def test_whole_numbers_for_float_fields_become_floats_as_with_the_schema():
    document = changed(("answers", "1.1.1", "percentage"), 50)
    accepted = accept_answer_file(document, FW.questions)
    assert accepted is not None
    table, answers = accepted
    assert type(answers["1.1.1"]["percentage"]) is float
    assert type(table["history"][0]["points"]) is float
    shared = containers(document)
    assert_same(answers, answerschema.ANSWERS.validate_python(document["answers"]), shared)
    assert_same(table, answerschema.ANSWER_FILE.validate_python(document), shared)


@pytest.mark.parametrize(
    "keys, schema",
    [
        (answercheck.FILE_KEYS, answerschema.AnswerFileTable),
        (answercheck.COMPANY_KEYS, answerschema.CompanyTable),
        (answercheck.INTERVIEW_KEYS, answerschema.InterviewTable),
        (answercheck.HISTORY_KEYS, answerschema.HistoryTable),
        (answercheck.ANSWER_KEYS, answerschema.AnswerTable),
    ],
)
def test_the_check_knows_exactly_the_fields_of_the_schema(keys, schema):
    assert keys == set(schema.__annotations__)


# --------------------------------------------------------------------------- reading files


@contextlib.contextmanager
def without_the_schema() -> Iterator[None]:
    """Any use of the pydantic schema fails."""

    def refuse() -> None:
        raise AssertionError("the pydantic schema was loaded")

    saved = answerfile._schema
    answerfile._schema = refuse  # type: ignore[assignment]
    try:
        yield
    finally:
        answerfile._schema = saved


@contextlib.contextmanager
def without_the_check() -> Iterator[None]:
    """Every table goes to pydantic, as before the check existed."""
    saved = answerfile.accept_answer_file
    answerfile.accept_answer_file = lambda document, questions: None
    try:
        yield
    finally:
        answerfile.accept_answer_file = saved


@pytest.mark.parametrize("data", [demo_bytes(), demo_previous_bytes()], ids=["demo", "2025"])
def test_the_demo_files_are_read_without_the_schema(data):
    with without_the_check():
        expected = parse_session(data, "demo", FW)
    with without_the_schema():
        session = parse_session(data, "demo", FW)
    assert repr(session) == repr(expected)  # repr: 50.0 and 50 differ


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    """A session with answers as the interview makes them, for every kind of question."""
    answers = {}
    for question in FW.scored_questions():
        if draw(st.integers(0, 4)) == 0:
            continue
        note = draw(st.sampled_from(["", "bewijs volgt", "één\ntwee"]))
        if question.kind in ("band", "percentage"):
            percentage = draw(st.one_of(st.floats(0, 100), st.integers(0, 100).map(float)))
            answers[question.id] = QuestionAnswer(percentage=percentage, note=note)
            continue
        words = ["nee", "gedeeltelijk", "ja"] + ["nvt"] * question.nvt_allowed
        elements = range(1, len(question.elements) + 1)
        ticks = {
            group: tuple(draw(st.lists(st.sampled_from(elements), unique=True).map(sorted)))
            for group in [g.key for g in question.element_groups] or [""]
            if elements
        }
        answers[question.id] = QuestionAnswer(
            answer=draw(st.sampled_from(words)),
            elements={group: ticked for group, ticked in ticks.items() if ticked},
            note=note,
            follow_up=draw(st.booleans()),
        )
    return Session(
        company=Company(
            name=draw(non_empty_texts),
            imports_from_risk_countries=draw(st.booleans()),
            employees=draw(st.integers(0, 500)),
            revenue_eur=draw(st.integers(0, 10**9)),
            joined_year=draw(maybe_none(st.integers(1990, 2200))),
        ),
        answers={q: a for q, a in answers.items() if not a.is_empty},
        interview=Interview(interviewer="Sanne", date=draw(maybe_none(st.dates()))),
        framework_version=FW.version,
        created=draw(maybe_none(st.datetimes(timezones=st.one_of(st.none(), st.just(dt.UTC))))),
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_a_valid_file_is_read_without_the_schema(session):
    data = dump_session(session, FW)
    with without_the_schema():
        assert parse_session(data, "valid.toml", FW) == session


def outcome(document: dict[str, Any]) -> tuple[list[str], str]:
    try:
        return [], repr(answerfile._session_from_current(document, "f.toml", FW))
    except AnswerFileError as exc:
        return exc.problems, ""


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(documents, broken(documents)))
def test_reading_gives_the_same_session_or_problems_as_without_the_check(document):
    with without_the_check():
        expected = outcome(copy.deepcopy(document))
    assert outcome(document) == expected


def test_a_broken_file_is_worded_from_the_schema():
    text = demo_bytes().replace(b"employees = 38", b"employees = -1")
    with without_the_schema(), pytest.raises(AssertionError, match="pydantic schema"):
        parse_session(text, "broken.toml", FW)
    with pytest.raises(AnswerFileError) as info:
        parse_session(text, "broken.toml", FW)
    assert info.value.problems == ["broken.toml: company.employees: must be at least 0 (got -1)"]


def test_reading_the_demo_in_a_fresh_process_imports_no_schema():
    """``answerfile`` itself imports no pydantic; the question bank still does (for now)."""
    code = (
        "import sys\n"
        "from trustone_tui.answerfile.read import parse_session\n"
        "print('pydantic' in sys.modules)\n"
        "from trustone_tui.demo import demo_bytes\n"
        "from trustone_tui.store.bankcache import default_framework\n"
        "parse_session(demo_bytes(), 'demo', default_framework())\n"
        "print('trustone_tui.answerfile.schema' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]
