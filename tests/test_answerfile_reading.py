"""Reading an answer file: size limits, the nesting limit, and what the tables are read into."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proof_helpers import FW
from trustone_tui.answerfile import read as answerfile
from trustone_tui.answerfile import validate
from trustone_tui.answerfile.read import (
    MAX_FILE_BYTES,
    MAX_NESTING,
    AnswerFileError,
    _nested_deeper_than,
    check_nesting,
)
from trustone_tui.engine.session import Company, HistoryEntry, Interview, QuestionAnswer
from trustone_tui.store.answerfiles import read_answer_bytes

CHUNK = 64 * 1024


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 7])
def test_reading_returns_the_whole_file_whatever_its_size(tmp_path: Path, size: int):
    data = bytes(i % 251 for i in range(size))
    path = tmp_path / "a.toml"
    path.write_bytes(data)
    assert read_answer_bytes(path) == data


def test_reading_takes_the_limit_and_refuses_one_byte_more(tmp_path: Path):
    path = tmp_path / "big.toml"
    path.write_bytes(b"#" * MAX_FILE_BYTES)
    assert len(read_answer_bytes(path)) == MAX_FILE_BYTES
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(AnswerFileError) as info:
        read_answer_bytes(path)
    assert info.value.problems == [
        f"{path}: file is larger than 5 MB; refusing to read it as an answer file"
    ]


def nested(depth: int, innermost: Any) -> Any:
    """``innermost`` under ``depth`` alternating tables and arrays."""
    value = innermost
    for level in range(depth):
        value = {"k": value} if level % 2 else [value]
    return value


def max_depth(value: Any, depth: int = 0) -> int:
    """The reference: the longest key path to any value (the document itself is depth 0)."""
    children = value.values() if isinstance(value, dict) else value
    if not isinstance(value, dict | list) or not children:
        return depth
    return max(max_depth(child, depth + 1) for child in children)


@pytest.mark.parametrize("depth", [MAX_NESTING - 2, MAX_NESTING - 1, MAX_NESTING, MAX_NESTING + 1])
@pytest.mark.parametrize("innermost", [1, [], {}, [1], {"a": "b"}])
def test_check_nesting_refuses_exactly_what_is_too_deep(depth: int, innermost: Any):
    document = {"answers": nested(depth, innermost)}
    too_deep = max_depth(document) > MAX_NESTING
    if too_deep:
        with pytest.raises(AnswerFileError) as info:
            check_nesting(document, "f.toml")
        [problem] = info.value.problems
        assert problem.startswith("f.toml: answers")
        assert problem.endswith(f": values nested more than {MAX_NESTING} levels deep")
    else:
        check_nesting(document, "f.toml")
    # Both sides of the limit are exercised by the parameters.
    assert too_deep == (depth + (1 if innermost in (1, [], {}) else 2) > MAX_NESTING)


scalars = st.one_of(st.integers(), st.text(max_size=3), st.booleans())
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=3)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(document=documents, limit=st.integers(min_value=0, max_value=8))
def test_depth_check_agrees_with_the_reference(document: Any, limit: int):
    assert _nested_deeper_than({"x": document}, limit) == (max_depth({"x": document}) > limit)


def test_the_slow_walk_runs_only_for_documents_that_are_too_deep(monkeypatch):
    """The fast check decides; a shallow document never reaches the walk that builds paths."""
    calls = []
    real = answerfile.key_path
    monkeypatch.setattr(answerfile, "key_path", lambda parts: calls.append(parts) or real(parts))
    check_nesting({"answers": nested(MAX_NESTING - 1, 1)}, "f.toml")
    assert calls == []
    with pytest.raises(AnswerFileError):
        check_nesting({"answers": nested(MAX_NESTING + 1, 1)}, "f.toml")
    assert calls


@pytest.mark.parametrize(
    "table, record",
    [
        (validate.COMPANY, Company),
        (validate.INTERVIEW, Interview),
        (validate.ANSWER, QuestionAnswer),
        (validate.HISTORY, HistoryEntry),
    ],
)
def test_validated_tables_have_the_field_names_of_the_session_records(table, record):
    """Validated tables are passed on as keyword arguments (defaults for absent keys)."""
    assert set(table) <= {f.name for f in dataclasses.fields(record)}


VALID = (
    "schema_version = 2\n"
    '[company]\nname = "X"\nimports_from_risk_countries = true\nemployees = 30\n'
    "revenue_eur = 1000\n"
    '[answers."1.1.1"]\nanswer = "ja"\n'
)
DEEP = "[" * 40 + "1" + "]" * 40

#: A value nested 40 deep in each place a file can hold one.
DEEP_FILES = {
    "unknown top-level key": VALID.replace("[company]", f"extra = {DEEP}\n[company]"),
    "company value": VALID.replace('name = "X"', f"name = {DEEP}"),
    "elements": VALID + f"elements = {DEEP}\n",
    "elements of a group": VALID + f'[answers."1.2.14"]\nelements = {{ staf = {DEEP} }}\n',
    "note": VALID + f"note = {DEEP}\n",
    "unknown question, same bank": VALID + f'[answers."9.9"]\nx = {DEEP}\n',
    "unknown question, other bank (kept verbatim)": 'framework_version = "0.9"\n'
    + VALID
    + f'[answers."9.9"]\nx = {DEEP}\n',
    "dotted table header": VALID + '[answers."9.9".' + ".".join(["a"] * 40) + "]\nx = 1\n",
    "history": VALID + f"[[history]]\nyear = 2024\nlevel = {DEEP}\n",
    "old format version": VALID.replace("schema_version = 2", "schema_version = 0")
    + f"note = {DEEP}\n",
}


@pytest.mark.parametrize("name", DEEP_FILES)
@pytest.mark.parametrize("other_problem", [False, True])
def test_a_file_nested_too_deep_is_reported_with_that_alone(name: str, other_problem: bool):
    text = DEEP_FILES[name]
    if other_problem:
        text = text.replace("employees = 30", "employees = -1")
    with pytest.raises(AnswerFileError) as info:
        answerfile.parse_session(text.encode(), "f.toml", FW)
    [problem] = info.value.problems
    if name == "dotted table header":  # more parts than any answer file: refused before parsing
        assert problem.startswith("f.toml:9: too large for an answer file: a key or table header")
        return
    assert problem.startswith("f.toml: ")
    assert problem.endswith(f": values nested more than {MAX_NESTING} levels deep")


def test_the_depth_walk_runs_only_when_a_file_is_not_plainly_valid(monkeypatch):
    walks = []
    real = answerfile.check_nesting
    monkeypatch.setattr(answerfile, "check_nesting", lambda d, s: walks.append(s) or real(d, s))
    answerfile.parse_session(VALID.encode(), "valid.toml", FW)
    assert walks == []  # the schema already bounds the depth of a valid file
    with pytest.raises(AnswerFileError):
        answerfile.parse_session(VALID.replace("30", "-1").encode(), "bad.toml", FW)
    assert walks == ["bad.toml"]  # once, before the problem is reported
    kept = 'framework_version = "0.9"\n' + VALID + '[answers."9.9"]\nx = 1\n'
    assert answerfile.parse_session(kept.encode(), "kept.toml", FW).orphans
    assert walks == ["bad.toml", "kept.toml"]
