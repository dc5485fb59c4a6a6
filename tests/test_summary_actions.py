"""`trustone summary`: actions open and overdue per company, and `--overdue` (issue 15)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import replace

from proof_helpers import FW
from trustone_tui.answerfile.read import parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.cli import main
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.actions import Action


def folder_with_a_plan(tmp_path):
    demo = parse_session(demo_bytes(), "demo", FW)  # assessed on 12-11-2026
    actions = (
        Action(id="A1", text="Groeves", due=dt.date(2026, 11, 11)),  # overdue
        Action(id="A2", text="Fabrieken", due=dt.date(2026, 11, 12), status="bezig"),
        Action(id="A3", text="Klaar", due=dt.date(2025, 1, 1), status="klaar"),
    )
    (tmp_path / "van-dijk.toml").write_bytes(dump_session(replace(demo, actions=actions), FW))
    return tmp_path


def test_text_csv_and_json_count_actions_open_and_overdue(tmp_path, capsys):
    folder = folder_with_a_plan(tmp_path)
    assert main(["summary", str(folder)]) == 0
    text = capsys.readouterr().out
    assert "Acties" in text and "2 open, 1 te laat" in text
    assert main(["summary", str(folder), "--format", "csv"]) == 0
    rows = list(
        csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff")), delimiter=";")
    )
    assert (rows[0]["acties_open"], rows[0]["acties_te_laat"]) == ("2", "1")
    assert main(["summary", str(folder), "--format", "json"]) == 0
    (company,) = json.loads(capsys.readouterr().out)["companies"]
    assert (company["open_actions"], company["overdue_actions"]) == (2, 1)


def test_overdue_lists_every_overdue_action_as_trustone_overdue_does(tmp_path, capsys):
    folder = folder_with_a_plan(tmp_path)
    assert main(["summary", str(folder), "--overdue", "--format", "json"]) == 0
    through_summary = capsys.readouterr().out
    assert main(["overdue", str(folder), "--format", "json"]) == 0
    assert through_summary == capsys.readouterr().out
    assert '"A1"' in through_summary and '"A2"' not in through_summary
