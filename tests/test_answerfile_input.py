"""The answer file: the example loads; bad input gets one line naming the file and the place."""

from __future__ import annotations

import pytest

from proof_helpers import EXAMPLE, FW
from trustone_tui.answerfile.read import AnswerFileError, parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.engine.scoring import assess
from trustone_tui.framework.profile import Profile
from trustone_tui.store.answerfiles import load_session


def test_the_hand_written_example_loads(tmp_path):
    path = tmp_path / "jansen.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    session = load_session(path, FW)
    company = session.company
    assert (company.name, company.imports_from_risk_countries) == ("Natuursteen Jansen B.V.", True)
    assert (company.employees, company.revenue_eur) == (18, 3_200_000)
    assert session.framework_version is None
    assert list(session.answers) == ["1.1.5", "2.1.1c"]
    answer = session.answers["1.1.5"]
    assert (answer.answer, answer.elements, answer.note) == (
        "gedeeltelijk",
        {"": (1,)},
        "Beleidsverklaring 2025",
    )
    assert session.answers["2.1.1c"].percentage == 45
    a = assess(FW, session)
    # 18 employees (< 25) and 3.2 mln (<= 5 mln), risk countries: small C company.
    assert a.profile == Profile("C", "small")
    # 1.1.5 Gedeeltelijk: 4 / 2 = 2; 2.1.1c 45%: C band "40<60% 4 punten".
    assert (a.points, a.max_points) == (2 + 4, 252)


def test_written_back_and_read_again_it_is_byte_identical(tmp_path):
    session = parse_session(EXAMPLE.encode(), "example", FW)
    written = dump_session(session, FW)
    again = parse_session(written, "written", FW)
    assert again.answers == session.answers and again.company == session.company
    assert dump_session(again, FW) == written


def test_utf8_bom_is_accepted():
    session = parse_session("\ufeff".encode() + EXAMPLE.encode(), "bom.toml", FW)
    assert session.company.name == "Natuursteen Jansen B.V."


def replace(old: str, new: str) -> str:
    assert old in EXAMPLE
    return EXAMPLE.replace(old, new, 1)


BAD_INPUT = [
    pytest.param(
        replace('[answers."2.1.1c"]', '[answers."2.1.1c"'),
        "bad.toml:11:18: invalid TOML: Expected ']' at the end of a table declaration",
        id="not-toml",
    ),
    pytest.param(
        replace("employees = 18", 'employees = "18"'),
        "bad.toml: company.employees: must be a whole number (got '18')",
        id="wrong-type",
    ),
    pytest.param(
        replace("employees = 18", "employees = 18000000"),
        "bad.toml: company.employees: must be at most 1000000 (got 18000000)",
        id="employees-beyond-the-form",
    ),
    pytest.param(
        replace("employees = 18", "employees = -18"),
        "bad.toml: company.employees: must be at least 0 (got -18)",
        id="employees-negative",
    ),
    pytest.param(
        replace("revenue_eur = 3200000", "revenue_eur = 3200000000000"),
        "bad.toml: company.revenue_eur: must be at most 100000000000 (got 3200000000000)",
        id="revenue-beyond-the-form",
    ),
    pytest.param(
        replace('[answers."1.1.5"]', '[answers."1.1.6"]'),
        "bad.toml: answers.\"1.1.6\": unknown question id '1.1.6'",
        id="unknown-question-id",
    ),
    pytest.param(
        replace("percentage = 45", "percentage = 120"),
        'bad.toml: answers."2.1.1c".percentage: must be at most 100 (got 120)',
        id="percentage-above-100",
    ),
    pytest.param(
        replace("percentage = 45", "percentage = -0.5"),
        'bad.toml: answers."2.1.1c".percentage: must be at least 0 (got -0.5)',
        id="percentage-below-0",
    ),
    pytest.param(
        replace('answer = "gedeeltelijk"', 'answer = "nvt"'),
        'bad.toml: answers."1.1.5".answer: n.v.t. is not allowed for 1.1.5 (only for questions '
        "that start with 'Als je ...')",
        id="nvt-not-allowed",
    ),
    pytest.param(
        replace("revenue_eur = 3200000\n", ""),
        "bad.toml: company.revenue_eur: missing",
        id="missing-company-field",
    ),
    pytest.param(
        replace('answer = "gedeeltelijk"', 'answer = "misschien"'),
        "bad.toml: answers.\"1.1.5\".answer: must be one of 'nee', 'gedeeltelijk', 'ja' or "
        "'nvt' (got 'misschien')",
        id="unknown-answer-word",
    ),
    pytest.param(
        replace("elements = [1]", "elements = [1, 9]"),
        'bad.toml: answers."1.1.5".elements: element 9 does not exist (elements: 1-3)',
        id="element-9",
    ),
    pytest.param(
        replace("percentage = 45", 'answer = "ja"'),
        'bad.toml: answers."2.1.1c".answer: 2.1.1c is scored from its percentage; give percentage',
        id="answer-on-a-band-question",
    ),
    pytest.param(
        replace("note = ", "notes = "),
        'bad.toml: answers."1.1.5".notes: unknown key',
        id="unknown-key",
    ),
    pytest.param(
        replace("schema_version = 2\n", ""),
        "bad.toml: schema_version: missing (this format is version 2)",
        id="no-schema-version",
    ),
    pytest.param(
        replace('[answers."2.1.1c"]', '[answers."2.1.1"]'),
        'bad.toml: answers."2.1.1": 2.1.1 groups 2.1.1a, 2.1.1b, 2.1.1c and is not answered itself',
        id="header-answered",
    ),
]


@pytest.mark.parametrize(("text", "line"), BAD_INPUT)
def test_bad_input_is_one_line_naming_file_and_place(text, line):
    with pytest.raises(AnswerFileError) as info:
        parse_session(text.encode(), "bad.toml", FW)
    assert info.value.problems == [line]


def test_every_problem_in_a_file_is_reported_at_once():
    text = replace("employees = 18", 'employees = "18"').replace(
        "percentage = 45", "percentage = 120"
    )
    with pytest.raises(AnswerFileError) as info:
        parse_session(text.encode(), "bad.toml", FW)
    assert len(info.value.problems) == 2


@pytest.mark.parametrize(
    ("version", "loads"),
    [(None, False), ("1.0", False), ("0.9", True)],
)
def test_unknown_question_ids_are_kept_only_from_another_framework_version(version, loads):
    """Reading 16: an unknown id is an error for this bank's version (or none, as in
    hand-written files); a file made with another version keeps it verbatim and writes it back."""
    header = f'framework_version = "{version}"\n' if version else ""
    text = replace("schema_version = 2\n", f"schema_version = 2\n{header}")
    text += '[answers."1.1.6"]\nanswer = "ja"\nnote = "oude vraag"\n'
    if not loads:
        with pytest.raises(AnswerFileError, match=r"unknown question id '1.1.6'"):
            parse_session(text.encode(), "old.toml", FW)
        return
    session = parse_session(text.encode(), "old.toml", FW)
    assert session.orphans == {"1.1.6": {"answer": "ja", "note": "oude vraag"}}
    assert "1.1.6" not in session.answers
    written = dump_session(session, FW)
    assert '[answers."1.1.6"]\nanswer = "ja"\nnote = "oude vraag"\n' in written.decode()
    assert parse_session(written, "again.toml", FW).orphans == session.orphans
