"""All answer tables of a file are validated in one call: the outcome is as if one by one.

Property: a file's problems are exactly the problems each of its answer tables has in a file
of its own, in the file's order; and a valid file has exactly their answers.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proof_helpers import FW
from trustone_tui.answerfile.read import AnswerFileError, parse_session

HEAD = (
    'schema_version = 2\n{version}\n[company]\nname = "X"\n'
    "imports_from_risk_countries = true\nemployees = 30\nrevenue_eur = 1000\n"
)
VALUES = {
    "answer": ['"ja"', '"nvt"', '"gedeeltelijk"', '"misschien"', "1", "true", '["ja"]'],
    "percentage": ["50.0", "50", "-1", "101", "nan", '"50"', "-0.0"],
    "elements": ["[1, 2]", "[]", "[0]", "[99]", '["1"]', "{ staf = [1] }", '"1"', "[[1]]"],
    "note": ['"bewijs volgt"', "1", '""'],
    "follow_up": ["true", "1"],
    "onbekend": ["1"],
}
IDS = [*FW.questions, "9.9", "1.1.99"]

tables = st.tuples(
    st.sampled_from(IDS),
    st.one_of(
        st.dictionaries(st.sampled_from(sorted(VALUES)), st.integers(0, 7), max_size=3),
        st.sampled_from(["1", '"ja"', "[1]"]),  # not a table at all
    ),
)


def text_of(version: str, answers: list[tuple[str, object]]) -> str:
    text = HEAD.format(version=version)
    scalars = []
    for qid, table in answers:
        if isinstance(table, str):
            scalars.append(f'"{qid}" = {table}')
            continue
        text += f'\n[answers."{qid}"]\n'
        for key, pick in table.items():
            text += f"{key} = {VALUES[key][pick % len(VALUES[key])]}\n"
    if scalars:
        text += "\n[answers]\n" + "\n".join(scalars) + "\n"
    return text


def outcome(text: str):
    try:
        session = parse_session(text.encode(), "f.toml", FW)
    except AnswerFileError as exc:
        return exc.problems, None
    return [], session


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    version=st.sampled_from(["", 'framework_version = "1.0"', 'framework_version = "0.9"']),
    answers=st.lists(tables, max_size=6, unique_by=lambda t: t[0]),
)
def test_a_file_reports_what_each_answer_table_reports_alone(version, answers):
    problems, session = outcome(text_of(version, answers))
    alone = [outcome(text_of(version, [table])) for table in answers]
    expected = [line for lines, _ in alone for line in lines]
    # Scalars are written in a table of their own after the others: compare in that order.
    order = [qid for qid, t in answers if not isinstance(t, str)] + [
        qid for qid, t in answers if isinstance(t, str)
    ]
    by_id = {qid: lines for (qid, _), (lines, _) in zip(answers, alone, strict=True)}
    assert problems == [line for qid in order for line in by_id[qid]]
    assert sorted(problems) == sorted(expected)
    if not problems:
        assert session is not None
        merged = {}
        for _, one in alone:
            merged.update(one.answers)
            assert set(one.orphans) <= set(session.orphans)
        assert session.answers == {q: merged[q] for q in FW.questions if q in merged}


def test_several_bad_tables_are_all_reported_in_file_order():
    text = text_of(
        "",
        [
            ("1.1.1", {"answer": 3}),  # "misschien"
            ("1.1.2", {"answer": 0}),  # fine
            ("2.1.1c", {"percentage": 3, "note": 1}),  # 101, a number as note
            ("9.9", {}),
            ("1.1.3", {"elements": 3, "onbekend": 0}),  # [99] and an unknown key
        ],
    )
    problems, _ = outcome(text)
    assert problems == [
        "f.toml: answers.\"1.1.1\".answer: must be one of 'nee', 'gedeeltelijk', 'ja' or 'nvt' "
        "(got 'misschien')",
        'f.toml: answers."2.1.1c".percentage: must be at most 100 (got 101)',
        'f.toml: answers."2.1.1c".note: must be text in quotes (got 1)',
        "f.toml: answers.\"9.9\": unknown question id '9.9'",
        'f.toml: answers."1.1.3".onbekend: unknown key',
        'f.toml: answers."1.1.3".elements: element 99 does not exist (elements: 1-1)',
    ]
