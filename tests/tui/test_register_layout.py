"""The register screen without flows, and at 80x24."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.register_helpers import make_flow
from tests.tui.helpers import SIZE, make_app, open_by_key, text_of
from textual.widgets import DataTable, Static

from trustone_tui.answerfile.validate import MAX_REGISTER_FLOWS
from trustone_tui.answerfile.write import dump_session
from trustone_tui.engine.register import Register
from trustone_tui.tui.screens.register import RegisterScreen


async def open_register(app, pilot) -> RegisterScreen:
    return await open_by_key(app, pilot, "k", RegisterScreen)


async def test_an_empty_register_says_how_to_start_and_claims_no_category(framework):
    app = make_app(framework, demo=True)  # the demo has no register
    async with app.run_test(size=SIZE) as pilot:
        await open_register(app, pilot)
        figures = text_of(app, "#register-figures")
        assert "nog geen ketens" in figures and "register import" in figures
        assert "Categorie" not in figures and "niets te tellen" not in figures


async def test_at_80x24_the_score_is_one_line_on_top_and_the_table_has_the_room(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_register(app, pilot)
        compact = screen.query_one("#score-compact", Static)
        assert compact.display and compact.region.height >= 1
        assert "niveau" in text_of(app, "#score-compact")
        assert screen.query_one("#score-total", Static).region.height == 0
        table = screen.query_one(DataTable)
        assert table.region.width >= 78 and table.region.height >= 8
        # The filter line wraps rather than losing its end ("... toe te voegen").
        assert "toe te voegen" in text_of(app, "#register-filter")
        assert screen.query_one("#register-filter", Static).region.height == 2
        assert "voegen" in app.export_screenshot()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert screen.query_one("#score-total", Static).region.height >= 1
        assert not screen.query_one("#score-compact", Static).region.height


async def test_a_full_register_says_so_instead_of_opening_a_form_it_cannot_save(
    tmp_path: Path, demo_session, framework
):
    register = Register("m2", tuple(make_flow(1 + n) for n in range(MAX_REGISTER_FLOWS)))
    path = tmp_path / "vol.toml"
    path.write_bytes(dump_session(replace(demo_session, register=register), framework))
    app = make_app(framework, open_path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        screen = await open_register(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is screen  # no form
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert any("2.000 ketens" in toast for toast in toasts), toasts
