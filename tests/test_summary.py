"""``trustone summary`` over a directory of valid, invalid and mixed B/C answer files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from report_fixtures import framework, uniform_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.cli import main
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.scoring import assess
from trustone_tui.report.summary import find_answer_files, one_line
from trustone_tui.store.answerfiles import load_session


def write(path: Path, session) -> Path:
    path.write_bytes(dump_session(session, framework()))
    return path


@pytest.fixture
def members(tmp_path: Path) -> Path:
    """Five valid files (3 C, 2 B), two broken ones, and files a directory scan must skip."""
    (tmp_path / "demo.toml").write_bytes(demo_bytes())
    write(tmp_path / "c_top.toml", uniform_session("Top Steen BV"))
    write(tmp_path / "c_none.toml", uniform_session("Nul Steen BV", choice="nee", percentage=0))
    write(tmp_path / "b_top.toml", uniform_session("Klein B", category="B", size="small"))
    write(
        tmp_path / "b_half.toml",
        uniform_session("Half B", category="B", choice="gedeeltelijk", percentage=60),
    )
    (tmp_path / "broken.toml").write_text("schema_version = 2\n[company\n", encoding="utf-8")
    (tmp_path / "wrong.toml").write_text(
        'schema_version = 2\n[company]\nname = "X"\nimports_from_risk_countries = "ja"\n'
        "employees = 3\nrevenue_eur = 1\ncolour = 1\n",
        encoding="utf-8",
    )
    write(tmp_path / ".hidden.toml", uniform_session("Verborgen"))
    (tmp_path / ".demo.toml.tmp").write_bytes(demo_bytes())
    (tmp_path / "notes.txt").write_text("geen antwoordbestand", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "deeper.toml", uniform_session("Dieper BV"))
    return tmp_path


def run_json(capsys, *args: str) -> tuple[int, dict]:
    status = main(["summary", *args, "--format", "json"])
    return status, json.loads(capsys.readouterr().out)


def test_directory_scan_skips_hidden_temporary_and_other_files(members: Path):
    files, problems = find_answer_files([members])
    assert [p.name for p in files] == [
        "b_half.toml",
        "b_top.toml",
        "broken.toml",
        "c_none.toml",
        "c_top.toml",
        "demo.toml",
        "wrong.toml",
    ]
    assert problems == []
    deep, _ = find_answer_files([members], recursive=True)
    assert [p.relative_to(members).as_posix() for p in deep][-1] == "wrong.toml"
    assert "sub/deeper.toml" in [p.relative_to(members).as_posix() for p in deep]
    again, _ = find_answer_files([members, members / "demo.toml", members / "notes.txt"])
    assert len(again) == len(files) + 1  # demo.toml once; notes.txt named explicitly is read


def test_summary_rows_levels_and_failures(members: Path, capsys):
    status, data = run_json(capsys, str(members))
    assert status == 2  # some files failed; the rest is still summarised
    companies = {row["name"]: row for row in data["companies"]}
    assert set(companies) == {
        "Natuursteen Van Dijk & Zn. B.V.",
        "Top Steen BV",
        "Nul Steen BV",
        "Klein B",
        "Half B",
    }
    demo = companies["Natuursteen Van Dijk & Zn. B.V."]
    assert (demo["points"], demo["max_points"], demo["level"]) == (121, 248, "C2")
    assert (demo["next_level"], demo["next_points_needed"], demo["open_questions"]) == ("C3", 28, 3)
    assert (companies["Top Steen BV"]["level"], companies["Top Steen BV"]["next_level"]) == (
        "C5",
        None,
    )
    assert companies["Nul Steen BV"]["level"] is None
    assert (companies["Klein B"]["category"], companies["Klein B"]["size"]) == ("B", "small")
    assert data["levels"] == {
        # Half B has 60% factory insight: enough for B1 (50%), not for B2 (75%).
        "B": {"B1": 1, "B2": 0, "B3": 0, "B4": 1, "geen": 0},
        "C": {"C1": 0, "C2": 1, "C3": 0, "C4": 0, "C5": 1, "geen": 1},
    }
    failed = {Path(f["file"]).name: f["error"] for f in data["failed"]}
    assert set(failed) == {"broken.toml", "wrong.toml"}
    assert failed["broken.toml"].startswith(f"{members / 'broken.toml'}:2:")
    assert "invalid TOML" in failed["broken.toml"]
    assert "\n" not in failed["wrong.toml"]
    assert failed["wrong.toml"].endswith("(and 1 more problem)")


def test_level_counts_agree_with_the_engine(members: Path, capsys):
    _, data = run_json(capsys, str(members))
    fw = framework()
    for row in data["companies"]:
        assessment = assess(fw, load_session(Path(row["file"]), fw))
        assert row["level"] == (assessment.level.id if assessment.level else None)
        assert row["percentage"] == pytest.approx(assessment.percentage)


def test_step_averages_per_category(members: Path, capsys):
    _, data = run_json(capsys, str(members))
    b = {a["step"]: a for a in data["step_averages"]["B"]}
    assert sorted(b) == [0, 1, 2, 5]  # steps 3, 4 and 6 have no B questions
    # Klein B answered everything Ja (100%), Half B everything Gedeeltelijk (50%).
    assert b[1]["percentage"] == pytest.approx(75) and b[1]["companies"] == 2
    assert b[5]["percentage"] == pytest.approx(75)
    c = {a["step"]: a for a in data["step_averages"]["C"]}
    assert sorted(c) == [0, 1, 2, 3, 4, 5, 6]
    # Step 1 of the demo: 33 of 48 points; the other two C companies score 100% and 0%.
    assert c[1]["percentage"] == pytest.approx((33 / 48 * 100 + 100 + 0) / 3)
    assert c[0]["percentage"] == pytest.approx((121 / 248 * 100 + 100 + 0) / 3)


def test_most_often_nee(members: Path, capsys):
    _, data = run_json(capsys, str(members), "--top", "3")
    # Nul Steen BV answered everything Nee; the demo has Nee on 2.2.4b (from 30%), 2.4.9, 6.1.1.
    assert [(m["question_id"], m["count"], m["counted_for"]) for m in data["most_nee"]] == [
        ("2.2.4b", 2, 3),
        ("2.4.9", 2, 3),
        ("6.1.1", 2, 3),
    ]


def test_recursive_adds_subdirectories(members: Path, capsys):
    _, flat = run_json(capsys, str(members))
    _, deep = run_json(capsys, str(members), "--recursive")
    assert len(deep["companies"]) == len(flat["companies"]) + 1
    assert "Dieper BV" in {row["name"] for row in deep["companies"]}


def test_text_summary(members: Path, capsys):
    status = main(["summary", str(members)])
    out, err = capsys.readouterr()
    assert status == 2
    assert out.startswith("Samenvatting: 5 bedrijven (2 van 7 bestanden niet ingelezen)")
    assert "Natuursteen Van Dijk & Zn. B.V." in out and "C3 (nog 28)" in out
    assert "Categorie C: C1 0, C2 1, C3 0, C4 0, C5 1, geen 1" in out
    # The report names the files it could not read; their problems go to stderr, every one.
    assert "Niet ingelezen (2)" in out
    assert f"  {members / 'broken.toml'}\n" in out and f"  {members / 'wrong.toml'}\n" in out
    assert "broken.toml:2:" in err and "wrong.toml" in err
    assert "broken.toml:2:" not in out


def test_csv_summary_lists_failures_in_the_error_column(members: Path, capsysbinary):
    status = main(["summary", str(members), "--format", "csv"])
    data = capsysbinary.readouterr().out
    assert status == 2
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert len(rows) == 7
    ok = [r for r in rows if not r["fout"]]
    bad = [r for r in rows if r["fout"]]
    assert len(ok) == 5 and len(bad) == 2
    assert all(r["punten"] == "" and r["bedrijf"] == "" for r in bad)
    demo = next(r for r in ok if r["bedrijf"].startswith("Natuursteen"))
    assert (demo["punten"], demo["max"], demo["percentage"], demo["niveau"]) == (
        "121",
        "248",
        "48,79",
        "C2",
    )


def test_all_valid_exits_zero_and_an_empty_directory_is_reported(tmp_path: Path, capsys):
    write(tmp_path / "a.toml", uniform_session("A BV"))
    assert main(["summary", str(tmp_path)]) == 0
    capsys.readouterr()
    empty = tmp_path / "leeg"
    empty.mkdir()
    status, data = run_json(capsys, str(tmp_path), str(empty))
    assert status == 2
    assert data["failed"] == [
        {"file": str(empty), "error": f"{empty}: no answer files (*.toml) in this directory"}
    ]


def test_text_output_shows_control_characters_instead_of_sending_them(tmp_path: Path, capsys):
    write(tmp_path / "a.toml", uniform_session("Evil\x1b[2J BV"))
    main(["summary", str(tmp_path)])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "Evil\\x1b[2J BV" in out


def test_one_line():
    assert one_line(["a: x"]) == "a: x"
    assert one_line(["a: x", "a: y", "a: z"]) == "a: x (and 2 more problems)"
