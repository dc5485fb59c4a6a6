"""The secretariat's overview of a folder (``report/overview``): rows, overdue actions, levels."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from trustone_tui.answerfile.read import parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.actions import Action
from trustone_tui.engine.session import Company, Interview, Session
from trustone_tui.report.overview import (
    ALL_LEVELS,
    OverviewError,
    filtered,
    load_overview,
)
from trustone_tui.store.bankcache import default_framework

TODAY = dt.date(2026, 12, 3)


@pytest.fixture
def framework():
    return default_framework()


@pytest.fixture
def demo(framework):
    return parse_session(demo_bytes(), "demo", framework)


def write(folder: Path, name: str, session: Session, framework) -> Path:
    path = folder / name
    path.write_bytes(dump_session(session, framework))
    return path


@pytest.fixture
def folder(tmp_path, framework, demo):
    folder = tmp_path / "map"
    folder.mkdir()
    actions = (
        Action(id="A1", text="Groeves", due=dt.date(2026, 11, 11)),  # before the interview
        Action(id="A2", text="Fabrieken", due=dt.date(2026, 11, 12)),  # on the day: not late
        Action(id="A3", text="Klaar", due=dt.date(2025, 1, 1), status="klaar"),
        Action(id="A4", text="Bezig", due=dt.date(2026, 1, 1), status="bezig"),
    )
    write(folder, "van-dijk.toml", replace(demo, actions=actions), framework)
    empty = Session(company=Company("Nieuw B.V.", False, 10, 1_000_000))
    write(folder, "nieuw.toml", empty, framework)
    (folder / "kapot.toml").write_text("schema_version = 2\n[company\n", encoding="utf-8")
    (folder / ".verborgen.toml").write_text("x", encoding="utf-8")
    (folder / "notities.txt").write_text("x", encoding="utf-8")
    return folder


def test_one_row_per_readable_file_and_the_others_listed(folder, framework):
    overview = load_overview(folder, framework, TODAY)
    assert [row.path.name for row in overview.rows] == ["nieuw.toml", "van-dijk.toml"]
    assert [Path(f.file).name for f in overview.failed] == ["kapot.toml"]
    assert "invalid TOML" in overview.failed[0].error


def test_a_row_says_what_the_next_level_needs_and_counts_follow_ups_and_late_actions(
    folder, framework
):
    row = {r.path.name: r for r in load_overview(folder, framework, TODAY).rows}["van-dijk.toml"]
    assert (row.company, row.category, row.level, row.next_level) == (
        "Natuursteen Van Dijk & Zn. B.V.",
        "C",
        "C2",
        "C3",
    )
    assert row.needs == (
        "C3: nog 28 punten; inzicht groeves nog 5 procentpunt; inzicht fabrieken nog 20 procentpunt"
    )
    assert row.date == dt.date(2026, 11, 12)
    assert row.follow_ups == 4
    # Judged on the interview date (12-11-2026): A1 and A4 are late, A2 is due that day.
    assert (row.open_actions, row.overdue_actions) == (3, 2)


def test_without_an_assessment_date_actions_are_judged_on_today(framework, demo, tmp_path):
    session = replace(
        demo,
        interview=Interview(),
        actions=(Action(id="A1", text="x", due=TODAY - dt.timedelta(days=1)),),
    )
    write(tmp_path, "a.toml", session, framework)
    (row,) = load_overview(tmp_path, framework, TODAY).rows
    assert row.overdue_actions == 1
    (row,) = load_overview(tmp_path, framework, TODAY - dt.timedelta(days=1)).rows
    assert row.overdue_actions == 0


def test_levels_for_the_filter_come_in_their_own_order(folder, framework):
    overview = load_overview(folder, framework, TODAY)
    assert overview.levels() == ["geen", "C2"]
    assert [r.path.name for r in filtered(overview.rows, "C2")] == ["van-dijk.toml"]
    assert [r.path.name for r in filtered(overview.rows, "geen")] == ["nieuw.toml"]
    assert len(filtered(overview.rows, ALL_LEVELS)) == 2


def test_a_path_that_is_no_folder_is_one_dutch_line(tmp_path, framework):
    with pytest.raises(OverviewError, match=r"geen map$"):
        load_overview(tmp_path / "bestaat-niet", framework, TODAY)


def test_one_row_per_company_its_latest_assessment_unless_every_year_is_asked(
    tmp_path, framework, demo
):
    from trustone_tui.demo import demo_previous_bytes

    write(tmp_path, "2026.toml", demo, framework)
    (tmp_path / "2025.toml").write_bytes(demo_previous_bytes())
    latest = load_overview(tmp_path, framework, TODAY)
    assert [(r.path.name, r.level) for r in latest.rows] == [("2026.toml", "C2")]
    assert (latest.files, latest.earlier_years) == (2, 1)
    every = load_overview(tmp_path, framework, TODAY, all_years=True)
    assert sorted((r.path.name, r.level) for r in every.rows) == [
        ("2025.toml", "C1"),
        ("2026.toml", "C2"),
    ]
