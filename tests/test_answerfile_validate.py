"""The one definition of a valid answer file (``answerfile.validate``): every rule accepts what
it should and words what it refuses as one line, ``file: key.path: message``.

Each rule is tried through the whole reader on TOML text (one value changed in a valid file);
a few properties of the validated tables are checked on ``check_table`` itself.
"""

from __future__ import annotations

import datetime as dt
import math
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proof_helpers import FW
from trustone_tui.answerfile import tomlwrite, validate
from trustone_tui.answerfile.read import AnswerFileError, parse_session
from trustone_tui.answerfile.validate import Invalid, check_table
from trustone_tui.engine.session import FIRST_YEAR, LAST_YEAR, MAX_EMPLOYEES, MAX_REVENUE_EUR

VALID: dict[str, Any] = {
    "schema_version": 2,
    "framework_version": FW.version,
    "created": dt.datetime(2026, 11, 12, 9, 30, tzinfo=dt.UTC),
    "updated": dt.datetime(2026, 11, 12, 10, 0),
    "company": {
        "name": "Steen & Zo",
        "imports_from_risk_countries": True,
        "employees": 30,
        "revenue_eur": 6_000_000,
        "joined_year": 2024,
        "entry_level": 2,
    },
    "interview": {
        "interviewer": "Sanne",
        "date": dt.date(2026, 11, 12),
        "previous_file": "a",
        "last_question": "2.1.1c",
    },
    "answers": {
        "1.1.1": {"answer": "ja", "note": "bewijs volgt", "follow_up": True},
        "2.1.1c": {"percentage": 50.0},
    },
    "history": [{"year": 2025, "level": "2", "points": 90, "max_points": 248.0, "percentage": 36}],
    "register": {
        "eenheid": "ton",
        "ketens": [
            {
                "steentype": "Graniet",
                "kleur": "grijs",
                "hoeveelheid": 120.5,
                "circulair": False,
                "eerste_schakel": "Handel BV",
                "eerste_schakel_adres": "Kade 1, Gent",
                "eerste_schakel_land": "BE",
                "fabriek": "Fabriek",
                "fabriek_adres": "Xiamen",
                "fabriek_land": "CN",
                "fabriek_relatie": "direct",
                "fabriek_risico_overzicht": True,
                "groeve": "Groeve",
                "groeve_adres": "Shandong",
                "groeve_land": "CN",
                "groeve_risico_overzicht": False,
                "betrokkenheid": "verbonden",
            }
        ],
    },
    "actions": [
        {
            "id": "A1",
            "text": "Groeves in kaart brengen",
            "questions": ["2.1.1c"],
            "owner": "Inkoop",
            "due": dt.date(2027, 6, 1),
            "status": "bezig",
            "progress": [
                {"date": dt.date(2026, 11, 1), "note": "Leveranciers aangeschreven"},
                {"date": dt.date(2026, 11, 12), "note": "Twee antwoorden"},
            ],
            "created": dt.date(2026, 10, 1),
        },
        {"id": "A2", "text": "Risicoanalyse", "due": dt.date(2027, 1, 1)},
    ],
}

#: A value that is no TOML value of its own: replaced by the TOML text under test.
HOLE = "\x00hole\x00"


def with_value(path: tuple[Any, ...], toml: str | None) -> str:
    """The valid file with the value at ``path`` written as ``toml`` (None: the key left out)."""
    document = _copy(VALID)
    container = document
    for key in path[:-1]:
        container = container[key]
    if toml is None:
        del container[path[-1]]
    else:
        container[path[-1]] = HOLE
    text = tomlwrite.dumps(document)
    return text.replace(tomlwrite.string(HOLE), toml or "")


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def problems_of(text: str) -> list[str]:
    try:
        parse_session(text.encode(), "f.toml", FW)
    except AnswerFileError as exc:
        return exc.problems
    return []


ANSWER = ("answers", "1.1.1")
BAND = ("answers", "2.1.1c")
HISTORY = ("history", 0)
FLOW = ("register", "ketens", 0)
ACTION = ("actions", 0)
PROGRESS = (*ACTION, "progress", 1)

#: (place, values accepted, {value refused: its message}); values are TOML text.
RULES: list[tuple[tuple[Any, ...], list[str], dict[str, str]]] = [
    (
        ("framework_version",),
        [f'"{FW.version}"'],
        {'""': "must not be empty (got '')", "1.0": "must be text in quotes (got 1.0)"},
    ),
    (
        ("created",),
        ["2026-11-12T09:30:00+01:00", "2026-11-12T09:30:00"],
        {
            "2026-11-12": "must be a date and time like 2026-11-12T09:30:00+01:00 "
            "(got datetime.date(2026, 11, 12))",
            "09:30:00": "must be a date and time like 2026-11-12T09:30:00+01:00 "
            "(got datetime.time(9, 30))",
        },
    ),
    (
        ("updated",),
        ["2026-11-12T09:30:00Z"],
        {'"gisteren"': "must be a date and time like 2026-11-12T09:30:00+01:00 (got 'gisteren')"},
    ),
    (
        ("company", "name"),
        ['"X"', '"Ünïcode 🪨"'],
        {'""': "must not be empty (got '')", "5": "must be text in quotes (got 5)"},
    ),
    (
        ("company", "imports_from_risk_countries"),
        ["true", "false"],
        {'"ja"': "must be true or false (got 'ja')", "1": "must be true or false (got 1)"},
    ),
    (
        ("company", "employees"),
        ["0", str(MAX_EMPLOYEES)],
        {
            "-1": "must be at least 0 (got -1)",
            str(10**30): f"must be at most {MAX_EMPLOYEES} (got {10**30})",
            "3.5": "must be a whole number (got 3.5)",
            "30.0": "must be a whole number (got 30.0)",
            "true": "must be a whole number (got True)",
        },
    ),
    (
        ("company", "revenue_eur"),
        ["0", str(MAX_REVENUE_EUR)],
        {
            "-1": "must be at least 0 (got -1)",
            str(
                MAX_REVENUE_EUR + 1
            ): f"must be at most {MAX_REVENUE_EUR} (got {MAX_REVENUE_EUR + 1})",
        },
    ),
    (
        ("company", "joined_year"),
        [str(FIRST_YEAR), str(LAST_YEAR)],
        {
            str(FIRST_YEAR - 1): f"must be at least {FIRST_YEAR} (got {FIRST_YEAR - 1})",
            str(LAST_YEAR + 1): f"must be at most {LAST_YEAR} (got {LAST_YEAR + 1})",
            "2024-01-01": "must be a whole number (got datetime.date(2024, 1, 1))",
        },
    ),
    (
        ("company", "entry_level"),
        ["1", "5"],
        {"0": "must be at least 1 (got 0)", "6": "must be at most 5 (got 6)"},
    ),
    (("interview", "interviewer"), ['""', '"Sanne"'], {"1": "must be text in quotes (got 1)"}),
    (
        ("interview", "date"),
        ["2026-11-12"],
        {
            "2026-11-12T09:30:00": "must be a date like 2026-11-12 "
            "(got datetime.datetime(2026, 11, 12, 9, 30))",
            '"12-11-2026"': "must be a date like 2026-11-12 (got '12-11-2026')",
        },
    ),
    (("interview", "previous_file"), ['"oud.toml"'], {"[]": "must be text in quotes (got [])"}),
    (
        (*ANSWER, "answer"),
        ['"nee"', '"gedeeltelijk"', '"ja"'],
        {
            '"misschien"': "must be one of 'nee', 'gedeeltelijk', 'ja' or 'nvt' (got 'misschien')",
            '"Ja"': "must be one of 'nee', 'gedeeltelijk', 'ja' or 'nvt' (got 'Ja')",
            '["ja"]': "must be one of 'nee', 'gedeeltelijk', 'ja' or 'nvt' (got ['ja'])",
        },
    ),
    (
        (*BAND, "percentage"),
        ["0", "0.0", "-0.0", "36.29", "100", "100.0"],
        {
            "-0.5": "must be at least 0 (got -0.5)",
            "100.5": "must be at most 100 (got 100.5)",
            "101": "must be at most 100 (got 101)",
            "nan": "must be a finite number (got nan)",
            "inf": "must be a finite number (got inf)",
            "true": "must be a number (got True)",
            '"50"': "must be a number (got '50')",
        },
    ),
    (
        (*ANSWER, "note"),
        ['""', '"a\\r\\nb"'],
        {"7": "must be text in quotes (got 7)", "{}": "must be text in quotes (got {})"},
    ),
    (
        (*ANSWER, "follow_up"),
        ["false"],
        {'"ja"': "must be true or false (got 'ja')"},
    ),
    (
        (*HISTORY, "year"),
        [str(FIRST_YEAR), str(LAST_YEAR)],
        {str(LAST_YEAR + 1): f"must be at most {LAST_YEAR} (got {LAST_YEAR + 1})"},
    ),
    (
        (*HISTORY, "points"),
        ["0", "0.5", str(2**53), "1.7976931348623157e308"],
        {
            "-1": "must be at least 0 (got -1)",
            "inf": "must be a finite number (got inf)",
            "1" + "0" * 400: "must be a finite number (got 1" + "0" * 36 + "...)",
        },
    ),
    (
        (*HISTORY, "max_points"),
        ["248.0"],
        {"-1e-300": "must be at least 0 (got -1e-300)"},
    ),
    (
        (*HISTORY, "percentage"),
        ["100"],
        {"100.00000000000001": "must be at most 100 (got 100.00000000000001)"},
    ),
    (
        (*HISTORY, "level"),
        ['"2"'],
        {"2": "must be text in quotes (got 2)"},
    ),
    (
        ("history",),
        ["[]"],
        {"{ year = 2025 }": "must be a list (got {'year': 2025})"},
    ),
    (HISTORY, [], {"1": "must be a table"}),
    (("interview", "last_question"), ['"2.1.1c"', '"9.9.9"'], {'""': "must not be empty (got '')"}),
    (
        ("register", "eenheid"),
        ['"m2"', '"m3"', '"euro"'],
        {'"kg"': "must be one of 'm2', 'm3', 'ton' or 'euro' (got 'kg')"},
    ),
    (("register", "ketens"), ["[]"], {"{}": "must be a list (got {})"}),
    ((*FLOW, "steentype"), ['"Hardsteen"'], {'""': "must not be empty (got '')"}),
    (
        (*FLOW, "hoeveelheid"),
        ["1", "0.001", "1e6"],
        {
            "0": "must be more than 0 (got 0)",
            "-2.5": "must be at least 0 (got -2.5)",
            "nan": "must be a finite number (got nan)",
            '"12"': "must be a number (got '12')",
        },
    ),
    ((*FLOW, "circulair"), ["true"], {'"ja"': "must be true or false (got 'ja')"}),
    (
        (*FLOW, "fabriek_land"),
        ['"NL"', '"NO"'],
        {
            '"nl"': "must look like an ISO country code such as 'NL' (got 'nl')",
            '"Nederland"': "must look like an ISO country code such as 'NL' (got 'Nederland')",
            '"QQ"': "'QQ' is not a known country code",
        },
    ),
    (
        (*FLOW, "fabriek_relatie"),
        ['"indirect"'],
        {'"Direct"': "must be one of 'direct' or 'indirect' (got 'Direct')"},
    ),
    (
        (*FLOW, "betrokkenheid"),
        ['"veroorzaakt"', '"draagt bij"'],
        {'"ja"': "must be one of 'veroorzaakt', 'draagt bij' or 'verbonden' (got 'ja')"},
    ),
    (
        (*ACTION, "id"),
        ['"A-12"', '"groeve_2026.1"'],
        {
            '""': "must look like 'A1' (letters, digits, '.', '_' or '-') (got '')",
            '"A 1"': "must look like 'A1' (letters, digits, '.', '_' or '-') (got 'A 1')",
        },
    ),
    ((*ACTION, "text"), ['"x"'], {'""': "must not be empty (got '')"}),
    (
        (*ACTION, "questions", 0),
        ['"3.1.2"'],
        {
            '"9.9.9"': "unknown question id '9.9.9'",
            '"2.1.1"': "2.1.1 groups other questions and is not answered",
        },
    ),
    (
        (*ACTION, "questions"),
        ["[]"],
        {
            '"2.1.1c"': "must be a list of texts in quotes (got '2.1.1c')",
            "[1]": "must be a list of texts in quotes (got [1])",
        },
    ),
    (
        (*ACTION, "due"),
        ["2026-01-01"],
        {
            '"1 juni"': "must be a date like 2026-11-12 (got '1 juni')",
            "2027-06-01T00:00:00": "must be a date like 2026-11-12 "
            "(got datetime.datetime(2027, 6, 1, 0, 0))",
        },
    ),
    (
        (*ACTION, "status"),
        ['"open"', '"klaar"', '"vervallen"'],
        {'"done"': "must be one of 'open', 'bezig', 'klaar' or 'vervallen' (got 'done')"},
    ),
    (
        (*PROGRESS, "date"),
        ["2026-11-01", "2026-12-31"],
        {"2026-10-31": "progress notes go in date order, newest last"},
    ),
    ((*PROGRESS, "note"), ['"ok"'], {'""': "must not be empty (got '')"}),
    ((*ACTION, "created"), ["2026-01-01"], {"2026": "must be a date like 2026-11-12 (got 2026)"}),
    (("actions",), ["[]"], {"{}": "must be a list (got {})"}),
    (("company",), [], {'"Steen"': "must be a table"}),
    (("interview",), ["{}"], {"[]": "must be a table"}),
    (("answers",), ["{}"], {"[]": "must be a table"}),
    (ANSWER, ["{}"], {'"ja"': "must be a table"}),
]

ACCEPTED = [(path, value) for path, accepted, _ in RULES for value in accepted]
REFUSED = [(path, value, line) for path, _, refused in RULES for value, line in refused.items()]


def where(path: tuple[Any, ...]) -> str:
    return validate.key_path(path)


def test_the_valid_file_is_valid():
    assert problems_of(with_value(("schema_version",), "2")) == []


@pytest.mark.parametrize("path, value", ACCEPTED, ids=repr)
def test_a_rule_accepts(path, value):
    assert problems_of(with_value(path, value)) == []


@pytest.mark.parametrize("path, value, message", REFUSED, ids=repr)
def test_a_rule_refuses_with_one_line(path, value, message):
    assert problems_of(with_value(path, value)) == [f"f.toml: {where(path)}: {message}"]


@pytest.mark.parametrize(
    "path",
    [
        ("company", "name"),
        ("company", "imports_from_risk_countries"),
        ("company", "employees"),
        ("company", "revenue_eur"),
        (*HISTORY, "year"),
        (*HISTORY, "points"),
        (*HISTORY, "max_points"),
        (*HISTORY, "percentage"),
        ("company",),
        ("register", "eenheid"),
        (*FLOW, "steentype"),
        (*FLOW, "hoeveelheid"),
        (*ACTION, "id"),
        (*ACTION, "text"),
        (*ACTION, "due"),
        (*PROGRESS, "date"),
        (*PROGRESS, "note"),
    ],
)
def test_a_required_key_left_out_is_missing(path):
    assert problems_of(with_value(path, None)) == [f"f.toml: {where(path)}: missing"]


@pytest.mark.parametrize(
    "path",
    [
        ("framework_version",),
        ("created",),
        ("company", "joined_year"),
        ("company", "entry_level"),
        ("interview",),
        ("interview", "date"),
        ("interview", "interviewer"),
        ("answers",),
        (*ANSWER, "note"),
        (*HISTORY, "level"),
        ("history",),
        ("interview", "last_question"),
        ("register",),
        ("register", "ketens"),
        *(
            (*FLOW, key)
            for key in ("kleur", "circulair", "fabriek", "fabriek_land", "betrokkenheid")
        ),
        ("actions",),
        *((*ACTION, key) for key in ("questions", "owner", "status", "progress", "created")),
    ],
)
def test_an_optional_key_may_be_left_out(path):
    assert problems_of(with_value(path, None)) == []


@pytest.mark.parametrize(
    "table",
    [(), ("company",), ("interview",), ANSWER, HISTORY, ("register",), FLOW, ACTION, PROGRESS],
    ids=lambda t: where(t),
)
def test_an_unknown_key_is_a_problem_in_every_table(table):
    text = with_value((*table, "onbekend"), "1")
    assert problems_of(text) == [f"f.toml: {where((*table, 'onbekend'))}: unknown key"]


def test_a_duplicate_action_id_is_reported_at_the_later_action():
    assert problems_of(with_value((*ACTION, "id"), '"A2"')) == [
        "f.toml: actions[1].id: 'A2' is also the id of actions[0]"
    ]


def test_problems_come_in_the_order_of_the_fields_then_unknown_keys_in_the_files_order():
    document = {"zeta": 1, "employees": -1, "alpha": 2, "name": 5}
    with pytest.raises(Invalid) as info:
        check_table(document, validate.COMPANY)
    assert [(p.where, p.message) for p in info.value.problems] == [
        (("name",), "must be text in quotes"),
        (("imports_from_risk_countries",), "missing"),
        (("employees",), "must be at least 0"),
        (("revenue_eur",), "missing"),
        (("zeta",), "unknown key"),
        (("alpha",), "unknown key"),
    ]


def test_every_problem_of_a_file_is_reported_at_once():
    text = with_value(("company", "employees"), "-1").replace(
        'answer = "ja"', 'answer = "misschien"'
    )
    assert problems_of(text) == [
        "f.toml: company.employees: must be at least 0 (got -1)",
        'f.toml: answers."1.1.1".answer: '
        "must be one of 'nee', 'gedeeltelijk', 'ja' or 'nvt' (got 'misschien')",
    ]


def test_a_long_value_is_shown_shortened():
    text = with_value(("company", "employees"), '"' + "x" * 100 + '"')
    [line] = problems_of(text)
    assert line == "f.toml: company.employees: must be a whole number (got '" + "x" * 36 + "...)"


def test_none_is_taken_where_a_value_may_be_absent():
    """TOML has no null, but a migrated document may hold None for an optional value."""
    company = check_table({**VALID["company"], "joined_year": None}, validate.COMPANY)
    assert company["joined_year"] is None
    assert check_table({"date": None}, validate.INTERVIEW) == {"date": None}
    assert check_table({"percentage": None}, validate.ANSWER) == {"percentage": None}
    with pytest.raises(Invalid) as info:
        check_table({"note": None}, validate.ANSWER)
    assert info.value.problems == (validate.Problem(("note",), "must be text in quotes", None),)


def test_a_validated_table_has_the_fields_order_and_whole_numbers_as_floats():
    raw = {"follow_up": True, "percentage": 50, "answer": None}
    table = check_table(raw, validate.ANSWER)
    assert list(table) == ["answer", "percentage", "follow_up"]
    assert type(table["percentage"]) is float
    assert table == {"answer": None, "percentage": 50.0, "follow_up": True}
    entry = check_table(VALID["history"][0], validate.HISTORY)
    assert (type(entry["points"]), type(entry["percentage"])) == (float, float)
    assert raw == {"follow_up": True, "percentage": 50, "answer": None}  # the input is kept


def test_elements_are_kept_as_read_for_the_question_to_check():
    elements = {"staf": [1]}
    assert check_table({"elements": elements}, validate.ANSWER)["elements"] is elements


finite = st.floats(min_value=0, max_value=100)


@settings(max_examples=200, deadline=None)
@given(st.one_of(finite, st.integers(0, 100), st.floats(), st.integers(), st.booleans()))
def test_a_percentage_is_taken_exactly_when_it_is_a_number_from_0_to_100(value):
    valid = type(value) is not bool and not math.isnan(value) and 0 <= value <= 100
    try:
        result = check_table({"percentage": value}, validate.ANSWER)
    except Invalid:
        assert not valid
    else:
        assert valid
        assert result["percentage"] == value
        assert type(result["percentage"]) is float


def test_reading_a_file_imports_no_validation_library():
    code = (
        "import sys\n"
        "from trustone_tui.answerfile.read import parse_session\n"
        "from trustone_tui.answerfile.write import dump_session\n"
        "print('pydantic' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False"]
