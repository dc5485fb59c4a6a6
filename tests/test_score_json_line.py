"""``ScoreLineEncoder`` writes exactly ``json.dumps(score_json(...), ensure_ascii=False)``."""

from __future__ import annotations

import gc
import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proof_helpers import COMPANIES, FW
from trustone_tui.answerfile.read import parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.cli import main
from trustone_tui.commands.score import utf8_writer
from trustone_tui.demo import demo_bytes
from trustone_tui.engine import scoring
from trustone_tui.engine.scoring import assess
from trustone_tui.engine.session import Company, QuestionAnswer, Session
from trustone_tui.framework.model import Question
from trustone_tui.report.scorejson import ScoreLineEncoder, score_json

#: Shared by every generated session below, as ``trustone score`` shares one for all its files.
SHARED = ScoreLineEncoder(FW)


def reference(session: Session) -> str:
    return json.dumps(score_json(session, assess(FW, session), FW), ensure_ascii=False)


def test_demo_session_is_encoded_exactly_as_json_dumps():
    session = parse_session(demo_bytes(), "demo", FW)
    line = ScoreLineEncoder(FW).encode(session, assess(FW, session))
    assert line == reference(session)
    assert json.loads(line) == score_json(session, assess(FW, session), FW)


# Percentages as a file gives them (floats) and as code may (ints, -0.0, long fractions).
percentages = st.one_of(
    st.none(),
    st.sampled_from([0.0, -0.0, 20.0, 40.0, 50.0, 75.0, 90.0, 100.0, 0, 45, 100]),
    st.floats(min_value=0, max_value=100, allow_nan=False),
)


def answers_for(question: Question) -> st.SearchStrategy[QuestionAnswer]:
    words = ["nee", "gedeeltelijk", "ja", *(["nvt"] if question.nvt_allowed else [])]
    return st.builds(
        QuestionAnswer,
        answer=st.none() | st.sampled_from(words),
        percentage=percentages,
        note=st.sampled_from(["", "Navragen bij de inkoper."]),
    )


companies = st.one_of(
    st.sampled_from(list(COMPANIES.values())),
    st.builds(
        Company,
        name=st.text(min_size=1, max_size=20),  # quotes, backslashes, control characters, ...
        imports_from_risk_countries=st.booleans(),
        employees=st.integers(0, 400),
        revenue_eur=st.integers(0, 60_000_000),
    ),
)

sessions = st.builds(
    Session,
    company=companies,
    answers=st.fixed_dictionaries(
        {}, optional={q.id: answers_for(q) for q in FW.scored_questions()}
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(session=sessions, forget_results=st.booleans())
def test_generated_sessions_are_encoded_exactly_as_json_dumps(session, forget_results):
    if forget_results:
        # New result objects, some at the addresses of freed ones: only identical results
        # may share their text.
        scoring._score.cache_clear()
    expected = reference(session)
    assert SHARED.encode(session, assess(FW, session)) == expected
    assert ScoreLineEncoder(FW).encode(session, assess(FW, session)) == expected


@pytest.mark.parametrize("first, second", [(0.0, -0.0), (-0.0, 0.0), (45.0, 45), (45, 45.0)])
def test_equal_percentages_are_printed_as_each_session_gives_them(first, second):
    """The engine shares one result between percentages that compare equal; each is written
    as the float the session gives (``-0.0`` stays ``-0.0``; ``45`` is written ``45.0``: JSON
    numbers are of one type)."""
    encoder = ScoreLineEncoder(FW)
    for share in (first, second):
        session = Session(
            company=COMPANIES["C:small"],
            answers={
                "2.2.4a": QuestionAnswer(percentage=share),
                "2.1.1c": QuestionAnswer(percentage=share),
            },
        )
        line = encoder.encode(session, assess(FW, session))
        assert line == reference(session)
        assert f'"percentage": {float(share)!r}, "percentage_source": "entered"}}' in line


def test_text_kept_for_another_result_at_the_same_address_is_not_used():
    """Kept text is keyed by ``id(result)``; a different object at that id must not match."""
    session = parse_session(demo_bytes(), "demo", FW)
    assessment = assess(FW, session)
    encoder = ScoreLineEncoder(FW)
    impostor = assess(FW, Session(company=COMPANIES["B:small"])).results["1.1.1"]
    for result in assessment.results.values():
        encoder._questions[id(result)] = (impostor, '"x": {"answer": "bogus"')
    assert encoder.encode(session, assessment) == reference(session)


def test_a_full_encoder_starts_again(monkeypatch):
    monkeypatch.setattr(ScoreLineEncoder, "MAX_KEPT", 3)
    encoder = ScoreLineEncoder(FW)
    session = parse_session(demo_bytes(), "demo", FW)
    for _ in range(2):
        assert encoder.encode(session, assess(FW, session)) == reference(session)
    assert len(encoder._questions) <= 3


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    """The demo and a few sessions of every profile, written as answer files."""
    demo = tmp_path / "demo.toml"
    demo.write_bytes(demo_bytes())
    paths = [demo]
    questions = FW.scored_questions()
    for number, (key, company) in enumerate(COMPANIES.items()):
        answers = {
            q.id: QuestionAnswer(
                answer=None if q.kind == "band" else ("nee", "gedeeltelijk", "ja")[i % 3],
                percentage=None if q.kind == "choice" else float((i * 17 + number) % 101),
            )
            for i, q in enumerate(questions)
            if (i + number) % 4
        }
        path = tmp_path / f"{key.replace(':', '-')}.toml"
        path.write_bytes(dump_session(Session(company=company, answers=answers), FW))
        paths.append(path)
    return paths


def expected_objects(paths: list[Path]) -> list[dict]:
    sessions = [parse_session(p.read_bytes(), str(p), FW) for p in paths]
    return [
        json.loads(json.dumps(score_json(s, assess(FW, s), FW), ensure_ascii=False))
        for s in sessions
    ]


def test_score_command_prints_the_same_data_for_many_files(capsys, files):
    assert main(["score", "--format", "json", *map(str, files)]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == expected_objects(files)
    lines = out.splitlines()
    assert (lines[0], lines[-1]) == ("[", "]")
    assert len(lines) == len(files) + 2  # one compact object per line


def test_score_command_prints_the_same_data_for_one_file(capsys, files):
    for path in files:
        assert main(["score", "--format", "json", str(path)]) == 0
        out = capsys.readouterr().out
        assert json.loads(out) == expected_objects([path])[0]
        assert out.startswith('{\n  "company": ')  # one file: an indented object


def test_utf8_lines_go_to_the_binary_buffer_of_a_utf8_text_stream():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)
    stream.write("voor ")  # written earlier through the text layer: flushed first
    utf8_writer(stream)("één ≥ 90%\n".encode())
    assert raw.getvalue().decode("utf-8") == "voor één ≥ 90%\n"


@pytest.mark.parametrize("make", [io.StringIO, lambda: io.TextIOWrapper(io.BytesIO(), "latin-1")])
def test_utf8_lines_go_through_the_text_layer_of_any_other_stream(make):
    stream = make()
    utf8_writer(stream)("één\n".encode())
    stream.flush()
    if isinstance(stream, io.StringIO):
        assert stream.getvalue() == "één\n"
    else:
        assert stream.buffer.getvalue() == "één\n".encode("latin-1")


def test_score_command_through_a_text_only_stdout(files, monkeypatch):
    stdout = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main(["score", "--format", "json", *map(str, files)]) == 0
    assert json.loads(stdout.getvalue()) == expected_objects(files)


@pytest.mark.parametrize("enabled", [True, False])
def test_score_leaves_the_garbage_collector_as_it_found_it(files, capsys, enabled):
    """Scoring switches collection off while it starts; the caller's setting comes back."""
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        assert main(["score", "--format", "json", str(files[0])]) == 0
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    capsys.readouterr()
