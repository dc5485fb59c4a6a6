"""The secretariat's overview in the app: a folder of answer files as one table."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tests.tui.helpers import SIZE, make_app, text_of
from textual.widgets import DataTable, Input, Select

from trustone_tui.answerfile.write import dump_session
from trustone_tui.engine.actions import Action
from trustone_tui.engine.session import Company, Session
from trustone_tui.tui.screens.dialogs import PathDialog
from trustone_tui.tui.screens.interview import InterviewScreen
from trustone_tui.tui.screens.overview import OverviewScreen
from trustone_tui.tui.screens.start import StartScreen


def make_folder(tmp_path, framework, demo_session):
    folder = tmp_path / "bedrijven"
    folder.mkdir()
    late = Action(id="A1", text="Groeves in kaart", due=dt.date(2026, 1, 1))
    (folder / "van-dijk.toml").write_bytes(
        dump_session(replace(demo_session, actions=(late,)), framework)
    )
    small = Session(company=Company("Aardewerk & Steen", False, 4, 300_000))
    (folder / "aardewerk.toml").write_bytes(dump_session(small, framework))
    (folder / "kapot.toml").write_text("schema_version = 2\n[company\n", encoding="utf-8")
    return folder


async def open_overview(app, pilot, folder) -> OverviewScreen:
    """From the start screen: v, the folder's path, Enter; then wait for the table."""
    await pilot.pause()
    assert isinstance(app.screen, StartScreen)
    await pilot.press("v")
    await pilot.pause()
    assert isinstance(app.screen, PathDialog)
    app.screen.query_one("#path", Input).value = str(folder)
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, OverviewScreen)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


def column(table: DataTable, label: str) -> list[str]:
    index = next(i for i, c in enumerate(table.ordered_columns) if str(c.label).startswith(label))
    return [str(table.get_row_at(r)[index]) for r in range(table.row_count)]


async def test_the_folder_is_one_table_with_what_each_company_needs(
    framework, demo_session, tmp_path
):
    folder = make_folder(tmp_path, framework, demo_session)
    app = make_app(framework)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_overview(app, pilot, folder)
        table = screen.query_one(DataTable)
        assert column(table, "Bedrijf") == ["Aardewerk & Steen", "Natuursteen Van Dijk & Zn. B.V."]
        assert column(table, "Niveau") == ["geen", "C2"]
        assert column(table, "Cat.") == ["B", "C"]
        assert column(table, "Omvang") == ["klein", "mg/groot"]
        needs = column(table, "Volgend niveau")
        assert needs[1].startswith("C3: nog 28 punten; inzicht groeves nog 5 procentpunt")
        assert column(table, "Beoordeeld")[1] == "12-11-2026"
        assert column(table, "Acties te laat") == ["—", "1 van 1"]
        where = text_of(app, "#overview-where")
        assert "2 bestanden, 1 niet ingelezen" in where
        totals = text_of(app, "#overview-totals")
        assert "Bedrijven per niveau" in totals and "kapot.toml" in totals


async def test_sorting_by_each_column_by_keyboard_and_marked_in_the_header(
    framework, demo_session, tmp_path
):
    folder = make_folder(tmp_path, framework, demo_session)
    app = make_app(framework)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_overview(app, pilot, folder)
        table = screen.query_one(DataTable)
        assert str(table.ordered_columns[0].label) == "Bedrijf ▲"
        await pilot.press("S")  # reverse
        assert str(table.ordered_columns[0].label) == "Bedrijf ▼"
        assert column(table, "Bedrijf")[0].startswith("Natuursteen")
        for _ in range(4):  # Cat., Omvang, Niveau, Punten
            await pilot.press("s")
        assert str(table.ordered_columns[4].label) == "Punten ▲"
        assert column(table, "Bedrijf")[0] == "Aardewerk & Steen"  # 0 points first
        assert "op Punten ▲ oplopend" in text_of(app, "#overview-sorted")


async def test_filtering_by_level(framework, demo_session, tmp_path):
    folder = make_folder(tmp_path, framework, demo_session)
    app = make_app(framework)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_overview(app, pilot, folder)
        screen.query_one("#overview-level", Select).value = "C2"
        await pilot.pause()
        table = screen.query_one(DataTable)
        assert column(table, "Bedrijf") == ["Natuursteen Van Dijk & Zn. B.V."]
        assert "1 van 2 getoond" in text_of(app, "#overview-sorted")


async def test_enter_opens_the_session_and_escape_from_there_comes_back(
    framework, demo_session, tmp_path
):
    folder = make_folder(tmp_path, framework, demo_session)
    app = make_app(framework)
    async with app.run_test(size=SIZE) as pilot:
        await open_overview(app, pilot, folder)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.session.company.name == "Natuursteen Van Dijk & Zn. B.V."
        assert app.session_file.path == folder / "van-dijk.toml"


async def test_a_path_that_is_no_folder_says_so_in_dutch(framework, tmp_path):
    app = make_app(framework)
    async with app.run_test(size=SIZE) as pilot:
        await open_overview(app, pilot, tmp_path / "bestaat-niet")
        assert text_of(app, "#overview-where") == f"⚠ {tmp_path / 'bestaat-niet'}: geen map"


async def test_an_empty_folder_says_so(framework, tmp_path):
    app = make_app(framework)
    async with app.run_test(size=SIZE) as pilot:
        await open_overview(app, pilot, tmp_path)
        assert "Geen antwoordbestanden" in text_of(app, "#overview-totals")


async def test_a_shows_every_year_of_each_company(framework, demo_session, tmp_path):
    from trustone_tui.demo import demo_previous_bytes

    folder = make_folder(tmp_path, framework, demo_session)
    (folder / "van-dijk-2025.toml").write_bytes(demo_previous_bytes())
    app = make_app(framework)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_overview(app, pilot, folder)
        table = screen.query_one(DataTable)
        assert column(table, "Niveau") == ["geen", "C2"]
        assert "3 bestanden, 2 bedrijven (laatste beoordeling; a: ook de 1 eerdere)" in text_of(
            app, "#overview-where"
        )
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert sorted(column(table, "Niveau")) == ["C1", "C2", "geen"]
