"""The plan of action in the answer file: actions (with their optional aims) survive a save and
a load unchanged, and a bad aim is refused with one line naming file and key."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from trustone_tui.answerfile.read import AnswerFileError, parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.actions import Action, Aim, ProgressEntry
from trustone_tui.store.bankcache import default_framework

FW = default_framework()

PLAN = (
    Action(
        id="A1",
        text="2.1.1c: inzicht in groeves van 55% naar 60%",
        questions=("2.1.1c",),
        owner="Inkoop",
        due=dt.date(2027, 11, 12),
        status="bezig",
        progress=(
            ProgressEntry(dt.date(2026, 12, 1), "Leveranciers aangeschreven"),
            ProgressEntry(dt.date(2027, 2, 1), "Twee groeves\nbezocht"),
        ),
        created=dt.date(2026, 11, 12),
        aims=(Aim("2.1.1c", percentage=60.0),),
    ),
    Action(
        id="A2",
        text="Plan van aanpak afmaken",
        questions=("3.1.2", "2.2.4a"),
        due=dt.date(2027, 6, 1),
        aims=(Aim("3.1.2", answer="ja"), Aim("2.2.4a", percentage=76.0)),
    ),
    Action(id="A3", text="Zonder vraag", due=dt.date(2027, 1, 1), status="vervallen"),
)


def demo_with_plan() -> bytes:
    session = parse_session(demo_bytes(), "demo", FW)
    return dump_session(replace(session, actions=PLAN), FW)


def test_actions_round_trip_through_save_and_load():
    data = demo_with_plan()
    loaded = parse_session(data, "f.toml", FW)
    assert loaded.actions == PLAN
    assert dump_session(loaded, FW) == data
    text = data.decode()
    assert 'aims = [{ question = "3.1.2", answer = "ja" }' in text.replace("\n    ", " ")


def with_aims_text(aims: str, questions: str = '["2.1.1c", "3.1.2"]') -> bytes:
    session = parse_session(demo_bytes(), "demo", FW)
    one = Action(id="A1", text="x", questions=("2.1.1c",), due=dt.date(2027, 1, 1))
    text = dump_session(replace(session, actions=(one,)), FW).decode()
    text = text.replace('questions = ["2.1.1c"]', f"questions = {questions}\naims = {aims}")
    return text.encode()


@pytest.mark.parametrize(
    "aims, problem",
    [
        (
            '[{ question = "1.1.1", answer = "ja" }]',
            "actions[0].aims[0].question: '1.1.1' is not one of the action's questions",
        ),
        (
            '[{ question = "3.1.2", answer = "ja" }, { question = "3.1.2", answer = "ja" }]',
            "actions[0].aims[1].question: 3.1.2 has an aim already",
        ),
        ('[{ question = "3.1.2" }]', "actions[0].aims[0]: give either answer or percentage"),
        (
            '[{ question = "3.1.2", answer = "ja", percentage = 50 }]',
            "actions[0].aims[0]: give either answer or percentage",
        ),
        (
            '[{ question = "2.1.1c", answer = "ja" }]',
            "actions[0].aims[0].answer: 2.1.1c is answered with a percentage",
        ),
        (
            '[{ question = "3.1.2", percentage = 50 }]',
            "actions[0].aims[0].percentage: 3.1.2 is answered nee/gedeeltelijk/ja",
        ),
        (
            '[{ question = "3.1.2", answer = "nee" }]',
            "actions[0].aims[0].answer: must be one of 'gedeeltelijk' or 'ja' (got 'nee')",
        ),
        (
            '[{ question = "2.1.1c", percentage = 101 }]',
            "actions[0].aims[0].percentage: must be at most 100 (got 101)",
        ),
        (
            '[{ question = "3.1.2", answer = "ja", doel = 1 }]',
            "actions[0].aims[0].doel: unknown key",
        ),
    ],
)
def test_a_bad_aim_is_one_line_naming_file_and_key(aims, problem):
    with pytest.raises(AnswerFileError) as info:
        parse_session(with_aims_text(aims), "f.toml", FW)
    assert info.value.problems == [f"f.toml: {problem}"]


def test_good_aims_are_read():
    data = with_aims_text('[{ question = "2.1.1c", percentage = 60 }]')
    (read,) = parse_session(data, "f.toml", FW).actions
    assert read.aims == (Aim("2.1.1c", percentage=60.0),)
