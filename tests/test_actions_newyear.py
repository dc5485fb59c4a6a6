"""``trustone new-year``: next year's session carries the company, the history with this year's
outcome and the actions still to be done, names last year's file, and never changes it."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace
from pathlib import Path

from trustone_tui.answerfile.read import parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.cli import main
from trustone_tui.commands import newyear
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.actions import Action, ProgressEntry
from trustone_tui.engine.scoring import assess
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.bankcache import default_framework
from trustone_tui.store.previous import load_previous

FW = default_framework()
NOW = dt.datetime(2027, 9, 1, 10, 0, tzinfo=dt.UTC)

PLAN = (
    Action(
        id="A1",
        text="Groeves",
        questions=("2.1.1c",),
        due=dt.date(2027, 6, 1),
        status="bezig",
        progress=(ProgressEntry(dt.date(2026, 11, 1), "Begonnen"),),
    ),
    Action(id="A2", text="Open", due=dt.date(2027, 1, 1)),
    Action(id="A3", text="Klaar", due=dt.date(2026, 1, 1), status="klaar"),
    Action(id="A4", text="Vervallen", due=dt.date(2026, 1, 1), status="vervallen"),
)


def last_year(tmp_path: Path) -> Path:
    session = replace(parse_session(demo_bytes(), "demo", FW), actions=PLAN)
    folder = tmp_path / "2026"
    folder.mkdir()
    path = folder / "van-dijk-2026.toml"
    path.write_bytes(dump_session(session, FW))
    return path


def digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_next_years_session(tmp_path: Path, capsys):
    old = last_year(tmp_path)
    before = digest(old)
    new = tmp_path / "2027" / "van-dijk-2027.toml"
    new.parent.mkdir()
    assert newyear.run([str(old), "-o", str(new)], now=NOW) == 0
    assert digest(old) == before  # last year's file: byte-identical, not even touched
    out = capsys.readouterr().out
    assert out.startswith(
        f"{new}: Natuursteen Van Dijk & Zn. B.V., jaar 2027; 2 acties overgenomen"
    )

    previous = load_session(old, FW)
    session = load_session(new, FW)
    assert session.company == previous.company
    assert session.answers == {}
    assert [a.id for a in session.actions] == ["A1", "A2"]
    assert session.actions == PLAN[:2]  # progress and all
    # This year's (2026, the assessment date's) outcome joins the history.
    assessment = assess(FW, previous)
    entry = session.history[-1]
    assert (entry.year, entry.level, entry.points) == (2026, "C2", assessment.points)
    assert session.history[:-1] == tuple(h for h in previous.history if h.year != 2026)
    # Last year's file is named relative to the new one, and loads as the previous session.
    assert session.interview.previous_file == str(Path("..", "2026", "van-dijk-2026.toml"))
    assert session.interview.date is None
    assert load_previous(new, session, FW) == previous
    assert session.created == NOW


def test_through_the_command_line_and_with_a_year(tmp_path: Path):
    old = last_year(tmp_path)
    before = digest(old)
    new = tmp_path / "next.toml"
    assert main(["new-year", str(old), "-o", str(new), "--year", "2025"]) == 0
    assert digest(old) == before
    assert load_session(new, FW).history[-1].year == 2025


def test_an_existing_output_is_never_overwritten(tmp_path: Path, capsys):
    old = last_year(tmp_path)
    taken = tmp_path / "taken.toml"
    taken.write_bytes(b"iets anders")
    assert newyear.run([str(old), "-o", str(taken)], now=NOW) == 2
    assert taken.read_bytes() == b"iets anders"
    assert capsys.readouterr().err == (
        f"trustone new-year: {taken}: already exists; choose another name\n"
    )
    # Not even the input itself.
    before = digest(old)
    assert newyear.run([str(old), "-o", str(old)], now=NOW) == 2
    assert digest(old) == before


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, capsys):
    old = last_year(tmp_path)
    old.write_text(old.read_text().replace('status = "bezig"', 'status = "half"'))
    new = tmp_path / "next.toml"
    assert newyear.run([str(old), "-o", str(new)], now=NOW) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{old}: actions[0].status: must be one of")
    assert not new.exists()
    assert newyear.run([str(old), "-o", str(new), "--year", "99"], now=NOW) == 2
    assert "--year 99: must be from 1990 to 2200" in capsys.readouterr().err
