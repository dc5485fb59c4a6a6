"""``trustone score --format json`` of a session that keeps a register: ``percentage`` and
``percentage_source`` per percentage question (reading R8)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from proof_helpers import FW, make_session
from register_helpers import make_flow
from trustone_tui.answerfile.write import dump_session
from trustone_tui.cli import main
from trustone_tui.engine.register import Flow, Register
from trustone_tui.engine.scoring import assess
from trustone_tui.report.scorejson import ScoreLineEncoder, score_json


def flow(quantity: float, quarry_address: str = "Berg 3", **extra: object) -> Flow:
    return make_flow(
        quantity,
        eenheid="ton",
        fabriek_land="IN",
        fabriek_risico_overzicht=True,
        groeve_adres=quarry_address,
        groeve_land="IN",
        betrokkenheid="verbonden",
        **extra,
    )


#: 2.1.1a/b 100%, 2.1.1c 60% (40 ton through a quarry without an address), 2.2.4a 100%,
#: 2.2.4b 50% (two quarries, one with an overview), 2.3.7 100%.
REGISTER = Register("ton", (flow(60, groeve_risico_overzicht=True), flow(40, quarry_address="")))


def session_with_register(**answers: object):
    return replace(make_session("C:medium_large", answers), register=REGISTER)


def score_json_of(capsys, *paths: Path) -> object:
    assert main(["score", *map(str, paths), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_score_json_says_where_each_percentage_comes_from(capsys, tmp_path):
    path = tmp_path / "ketens.toml"
    path.write_bytes(dump_session(session_with_register(**{"2.1.1c": 30, "1.1.5": "ja"}), FW))
    questions = score_json_of(capsys, path)["questions"]  # type: ignore[index]
    expected = {
        "2.1.1a": 100,
        "2.1.1b": 100,
        "2.1.1c": 60,
        "2.2.4a": 100,
        "2.2.4b": 50,
        "2.3.7": 100,
    }
    for qid, percentage in expected.items():
        assert questions[qid]["percentage"] == percentage, qid
        assert questions[qid]["percentage_source"] == "register", qid
    # 60% quarries: the C band 60-75% gives 6 points; 2.2.4b 50% for a medium/large company
    # is Gedeeltelijk (40 - 60%).
    assert questions["2.1.1c"]["points"] == 6
    assert questions["2.2.4b"]["answer"] == "gedeeltelijk"
    assert "percentage" not in questions["1.1.5"]


def test_without_a_register_entered_or_null(capsys, tmp_path):
    path = tmp_path / "zonder.toml"
    path.write_bytes(dump_session(make_session("C:small", {"2.1.1c": 30}), FW))
    questions = score_json_of(capsys, path)["questions"]  # type: ignore[index]
    assert (questions["2.1.1c"]["percentage"], questions["2.1.1c"]["percentage_source"]) == (
        30,
        "entered",
    )
    assert (questions["2.1.1b"]["percentage"], questions["2.1.1b"]["percentage_source"]) == (
        None,
        None,
    )


@pytest.mark.parametrize(
    "answers",
    [{}, {"2.1.1c": 30.0, "2.2.4a": -0.0}, {"2.2.4b": "nee", "2.3.7": 10}],
)
def test_the_fast_line_encoder_equals_score_json_with_a_register(answers):
    encoder = ScoreLineEncoder(FW)
    for session in (session_with_register(**answers), make_session("C:small", answers)):
        for _ in range(2):  # the second time from the kept text
            line = encoder.encode(session, assess(FW, session))
            expected = score_json(session, assess(FW, session), FW)
            assert line == json.dumps(expected, ensure_ascii=False)


def test_an_array_of_files_with_and_without_a_register(capsys, tmp_path):
    with_register = tmp_path / "a.toml"
    with_register.write_bytes(dump_session(session_with_register(**{"2.1.1c": 30}), FW))
    typed = tmp_path / "b.toml"
    typed.write_bytes(dump_session(make_session("C:medium_large", {"2.1.1c": 30}), FW))
    first, second = score_json_of(capsys, with_register, typed)  # type: ignore[misc]
    assert first["questions"]["2.1.1c"]["percentage_source"] == "register"
    assert first["questions"]["2.1.1c"]["percentage"] == 60
    assert second["questions"]["2.1.1c"]["percentage_source"] == "entered"
    assert second["questions"]["2.1.1c"]["percentage"] == 30
