"""A file in any order reads the same: keys of a table, element numbers, answers.

The reader checks what this program writes (keys in the fields' order, element numbers
increasing, answers in the framework's order) as it comes; anything in another order takes
the full check. Both must give the same validated values and the same problems.
"""

from __future__ import annotations

import tomllib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from proof_helpers import FW
from trustone_tui.answerfile import tomlwrite, validate
from trustone_tui.answerfile.read import AnswerFileError, parse_session
from trustone_tui.answerfile.validate import Invalid, check_elements, check_table
from trustone_tui.demo import demo_bytes

#: Values for the keys of some tables: mostly valid, now and then wrong.
NUMBER = st.one_of(st.floats(0, 300), st.integers(-1, 300), st.just(float("nan")))
TABLE_VALUES: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    "ANSWER": {
        "answer": st.sampled_from(["nee", "gedeeltelijk", "ja", "nvt", None, "misschien"]),
        "percentage": st.one_of(st.none(), NUMBER),
        "elements": st.lists(st.integers(0, 4), max_size=3),
        "note": st.one_of(st.text(max_size=3), st.just(None)),
        "follow_up": st.one_of(st.booleans(), st.just(1)),
    },
    "COMPANY": {
        "name": st.sampled_from(["Steen & Zo", "", 5]),
        "imports_from_risk_countries": st.one_of(st.booleans(), st.just("ja")),
        "employees": st.integers(-1, 300),
        "revenue_eur": st.integers(-1, 10**7),
        "joined_year": st.one_of(st.none(), st.integers(1985, 2205)),
        "entry_level": st.one_of(st.none(), st.integers(0, 6)),
    },
    "HISTORY": {
        "year": st.integers(1985, 2205),
        "level": st.sampled_from([None, "2", 3]),
        "points": NUMBER,
        "max_points": NUMBER,
        "percentage": NUMBER,
    },
    "AIM": {
        "question": st.sampled_from(["1.1.1", ""]),
        "answer": st.sampled_from(["ja", "gedeeltelijk", "nee"]),
        "percentage": NUMBER,
    },
}


def outcome(table: dict[str, Any], fields: validate.Table) -> object:
    """The validated table with its keys in their order, or the problems."""
    try:
        checked = check_table(table, fields)
    except Invalid as exc:
        return exc.problems
    return list(checked.items())


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(TABLE_VALUES)), st.data())
def test_a_table_s_keys_in_any_order_give_the_same_table_or_problems(name, data):
    fields: validate.Table = getattr(validate, name)
    strategies = TABLE_VALUES[name]
    assert list(strategies) == list(fields)
    names = data.draw(st.lists(st.sampled_from(list(fields)), unique=True))
    values = {key: data.draw(strategies[key], label=key) for key in names}
    in_order = {key: values[key] for key in fields if key in values}
    shuffled = data.draw(st.permutations(list(values.items())))
    found = outcome(dict(shuffled), fields)
    assert found == outcome(in_order, fields)
    for key in fields:
        if fields[key].required and key not in values:
            assert validate.Problem((key,), "missing") in found


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["1.1.2", "6.2.3", "1.1.1", "1.1.4"]), st.data())
def test_element_numbers_in_any_order_give_the_same_elements(qid, data):
    question = FW.questions[qid]
    count = len(question.elements)
    numbers = data.draw(st.lists(st.integers(1, max(count, 1)), max_size=10))
    increasing = sorted(set(numbers))
    expected = check_elements(question, increasing)
    assert check_elements(question, numbers) == expected
    if count and increasing:
        assert expected == ({"": tuple(increasing)}, [])


def test_element_numbers_out_of_range_or_not_numbers_are_refused_in_any_order():
    question = FW.questions["1.1.2"]  # six elements
    for raw in ([1, 7], [7, 1], [2, 2, 0], [True, 2], [2, True], [1.0], ["1"]):
        elements, problems = check_elements(question, raw)
        assert elements == {} and len(problems) == 1, raw


def demo_document() -> dict[str, Any]:
    return tomllib.loads(demo_bytes().decode())


def test_answers_in_another_order_read_into_the_framework_s_order():
    document = demo_document()
    in_order = parse_session(demo_bytes(), "demo.toml", FW)
    document["answers"] = dict(reversed(document["answers"].items()))
    reversed_file = tomlwrite.dumps(document).encode()
    session = parse_session(reversed_file, "reversed.toml", FW)
    assert session == in_order
    assert list(session.answers) == [q for q in FW.questions if q in session.answers]
    assert len(session.answers) > 10


def test_answers_with_keys_and_elements_in_another_order_read_the_same():
    document = demo_document()
    for table in document["answers"].values():
        items = list(reversed(table.items()))
        table.clear()
        table.update((k, list(reversed(v)) if isinstance(v, list) else v) for k, v in items)
    session = parse_session(tomlwrite.dumps(document).encode(), "reversed.toml", FW)
    assert session == parse_session(demo_bytes(), "demo.toml", FW)


def test_a_wrong_value_is_reported_whatever_the_order_of_its_table():
    document = demo_document()
    qid, table = next(iter(document["answers"].items()))
    table["follow_up"] = 1
    problems = []
    for order in (list(table.items()), list(reversed(table.items()))):
        document["answers"][qid] = dict(order)
        try:
            parse_session(tomlwrite.dumps(document).encode(), "f.toml", FW)
        except AnswerFileError as exc:
            problems.append(exc.problems)
    assert (
        problems[0]
        == problems[1]
        == [f'f.toml: answers."{qid}".follow_up: must be true or false (got 1)']
    )
