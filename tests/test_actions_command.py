"""``trustone actions``: the plan of action in every format, the JSON contract, bad input as one
line and exit status 2."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from trustone_tui.answerfile.read import parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.cli import main
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.actions import Action, Aim, ProgressEntry
from trustone_tui.engine.session import Interview
from trustone_tui.store.bankcache import default_framework

FW = default_framework()
ASSESSED = dt.date(2026, 11, 12)  # the demo's assessment date

PLAN = (
    Action(
        id="A1",
        text="2.1.1c: inzicht in groeves van 55% naar 60%",
        questions=("2.1.1c",),
        owner="Inkoop",
        due=dt.date(2027, 11, 12),
        status="bezig",
        progress=(ProgressEntry(dt.date(2026, 11, 1), "Intern: twee groeves | gebeld"),),
        aims=(Aim("2.1.1c", percentage=60.0),),
    ),
    Action(
        id="A2",
        text="Fabrieken in kaart",
        questions=("2.1.1b",),
        due=ASSESSED - dt.timedelta(days=1),  # overdue on the assessment date
        aims=(Aim("2.1.1b", percentage=100.0),),
    ),
    Action(id="A3", text="Op tijd", due=ASSESSED, status="open"),  # due that day: on time
    Action(id="A4", text="Vervallen", due=dt.date(2025, 1, 1), status="vervallen"),
    Action(id="A5", text="Klaar", due=dt.date(2025, 1, 1), status="klaar"),
)


def write_plan(tmp_path: Path, actions=PLAN, interview: Interview | None = None) -> Path:
    session = parse_session(demo_bytes(), "demo", FW)
    session = replace(session, actions=actions, interview=interview or session.interview)
    path = tmp_path / "plan.toml"
    path.write_bytes(dump_session(session, FW))
    return path


def run_json(path: Path, capsys) -> dict:
    assert main(["actions", str(path), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_contract(tmp_path: Path, capsys):
    doc = run_json(write_plan(tmp_path), capsys)
    assert list(doc) == ["company", "date", "actions", "counts", "reaches"]
    assert doc["company"] == "Natuursteen Van Dijk & Zn. B.V."
    assert doc["date"] == "2026-11-12"
    first = doc["actions"][0]
    assert list(first) == [
        "id",
        "text",
        "questions",
        "owner",
        "due",
        "status",
        "overdue",
        "progress",
    ]
    # By due date: the two of 2025, the overdue one, the one due that day, then A1.
    assert [a["id"] for a in doc["actions"]] == ["A4", "A5", "A2", "A3", "A1"]
    overdue = {a["id"]: a["overdue"] for a in doc["actions"]}
    assert overdue == {"A1": False, "A2": True, "A3": False, "A4": False, "A5": False}
    a1 = doc["actions"][-1]
    assert a1["questions"] == ["2.1.1c"] and a1["owner"] == "Inkoop"
    assert a1["due"] == "2027-11-12" and a1["status"] == "bezig"
    assert a1["progress"] == [{"date": "2026-11-01", "note": "Intern: twee groeves | gebeld"}]
    assert doc["counts"] == {"open": 2, "bezig": 1, "klaar": 1, "vervallen": 1, "overdue": 1}
    # The demo is C2 with 55% quarries and 80% factories; A1 and A2 bring them to C3's 60% and
    # 100%, but the demo's score stays below C3's 60%: still C2.
    assert doc["reaches"] == "C2"


def test_reaches_the_level_the_open_actions_aim_for(tmp_path: Path, capsys):
    session = parse_session(demo_bytes(), "demo", FW)
    from trustone_tui.engine.planner import plan
    from trustone_tui.text.actions import draft_actions

    drafts = draft_actions(FW, session, plan(FW, session), ASSESSED)
    assert run_json(write_plan(tmp_path, drafts), capsys)["reaches"] == "C3"
    closed = tuple(replace(d, status="klaar") for d in drafts)
    assert run_json(write_plan(tmp_path, closed), capsys)["reaches"] == "C2"


def test_without_an_assessment_date_overdue_is_judged_today(tmp_path: Path, capsys):
    path = write_plan(tmp_path, interview=Interview(interviewer="S"))
    doc = run_json(path, capsys)
    today = dt.date.today()
    assert doc["date"] == today.isoformat()
    for entry in doc["actions"]:
        late = entry["status"] in ("open", "bezig") and dt.date.fromisoformat(entry["due"]) < today
        assert entry["overdue"] is late


def test_an_empty_plan(tmp_path: Path, capsys):
    doc = run_json(write_plan(tmp_path, ()), capsys)
    assert doc["actions"] == [] and doc["reaches"] == "C2"
    assert doc["counts"] == {"open": 0, "bezig": 0, "klaar": 0, "vervallen": 0, "overdue": 0}
    assert main(["actions", str(write_plan(tmp_path, ())), "--format", "md"]) == 0
    assert "Nog geen acties." in capsys.readouterr().out


def test_text_marks_overdue_in_words(tmp_path: Path, capsys):
    assert main(["actions", str(write_plan(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "A2  [open]  vóór 11-11-2026 (te laat)" in out
    assert "A3  [open]  vóór 12-11-2026\n" in out
    assert "5 acties: 2 open, 1 bezig, 1 klaar, 1 vervallen; 1 te laat" in out
    assert "01-11-2026: Intern: twee groeves | gebeld" in out


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_progress_notes_are_internal_unless_asked(tmp_path: Path, fmt: str, capsysbinary):
    path = write_plan(tmp_path)
    assert main(["actions", str(path), "--format", fmt]) == 0
    assert b"twee groeves" not in capsysbinary.readouterr().out
    assert main(["actions", str(path), "--format", fmt, "--notes"]) == 0
    assert b"twee groeves" in capsysbinary.readouterr().out


def test_html_is_one_escaped_a4_page(tmp_path: Path, capsys):
    assert main(["actions", str(write_plan(tmp_path)), "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and "size: A4" in page
    assert "Van Dijk &amp; Zn." in page
    assert '<td class="due overdue">11-11-2026 <span class="mark">te laat</span></td>' in page
    assert "<script" not in page


def test_csv_one_row_per_action(tmp_path: Path, capsysbinary):
    assert main(["actions", str(write_plan(tmp_path)), "--format", "csv"]) == 0
    lines = capsysbinary.readouterr().out.decode("utf-8-sig").splitlines()
    assert lines[0] == "bedrijf;actie;tekst;vragen;eigenaar;voor;status;te_laat"
    assert len(lines) == 6
    assert lines[3].split(";")[1:3] == ["A2", "Fabrieken in kaart"]
    assert lines[3].endswith(";open;ja")


def test_output_file_and_never_over_the_input(tmp_path: Path, capsys):
    path = write_plan(tmp_path)
    out = tmp_path / "plan.html"
    assert main(["actions", str(path), "--format", "html", "-o", str(out)]) == 0
    assert out.read_text().startswith("<!DOCTYPE html>")
    before = path.read_bytes()
    assert main(["actions", str(path), "-o", str(path)]) == 2
    assert path.read_bytes() == before
    assert capsys.readouterr().err.startswith("trustone actions: ")


@pytest.mark.parametrize(
    "change, problem",
    [
        ('status = "bezig"', "actions[0].status: must be one of"),
        ('questions = ["2.1.1c"]', "actions[0].questions[0]: unknown question id '9.9'"),
        ("due = 2027-11-12", "actions[0].due: must be a date like 2026-11-12"),
        ('id = "A2"', "actions[1].id: 'A1' is also the id of actions[0]"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, capsys, change: str, problem: str):
    path = write_plan(tmp_path, tuple(replace(a, aims=()) for a in PLAN[:2]))
    broken = {
        'status = "bezig"': 'status = "gedaan"',
        'questions = ["2.1.1c"]': 'questions = ["9.9"]',
        "due = 2027-11-12": 'due = "volgend jaar"',
        'id = "A2"': 'id = "A1"',
    }[change]
    text = path.read_text()
    assert change in text
    path.write_text(text.replace(change, broken, 1))
    assert main(["actions", str(path), "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith(f"{path}: {problem}")


# --------------------------------------------------------------------------- trustone overdue


def test_overdue_lists_every_overdue_action_across_companies(tmp_path: Path, capsys):
    folder = tmp_path / "2026"
    folder.mkdir()
    first = write_plan(tmp_path)
    first.rename(folder / "a.toml")
    session = parse_session(demo_bytes(), "demo", FW)
    other = replace(
        session,
        company=replace(session.company, name="Steen & Zo"),
        interview=Interview(date=dt.date(2027, 1, 10)),
        actions=(
            Action(id="X1", text="Later", due=dt.date(2027, 2, 1)),
            Action(id="X2", text="Te laat", due=dt.date(2027, 1, 9), owner="Inkoop"),
        ),
    )
    (folder / "b.toml").write_bytes(dump_session(other, FW))
    (folder / "kapot.toml").write_text("schema_version = 2\n")
    assert main(["overdue", str(folder), "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert [(r["company"], r["id"], r["date"]) for r in json.loads(captured.out)] == [
        ("Natuursteen Van Dijk & Zn. B.V.", "A2", "2026-11-12"),
        ("Steen & Zo", "X2", "2027-01-10"),
    ]
    assert captured.err.startswith(f"{folder / 'kapot.toml'}: ")
    assert main(["overdue", str(folder / "a.toml"), str(folder / "b.toml")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "2 acties te laat"
    assert "Steen & Zo · X2 [open] vóór 09-01-2027 (peildatum 10-01-2027) (Inkoop): Te laat" in out
    assert main(["overdue", str(folder / "b.toml"), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.lstrip("\ufeff").splitlines()
    assert lines[0] == "bestand;bedrijf;peildatum;actie;tekst;vragen;eigenaar;voor;status"
    assert lines[1].split(";")[1:4] == ["Steen & Zo", "2027-01-10", "X2"]
