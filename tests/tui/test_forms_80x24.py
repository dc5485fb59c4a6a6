"""Forms and dialogs at 80x24: errors visible where the field is, focus on the first field in
error, no cut labels, the export format chosen first, the summary's columns all in view."""

from __future__ import annotations

from tests.tui.helpers import make_app, text_of
from textual.widgets import Button, DataTable, Input, RadioButton

from trustone_tui.tui.screens.export import ExportDialog
from trustone_tui.tui.screens.profile import ProfileScreen

SMALL = (80, 24)


def on_screen(app, selector: str) -> bool:
    """Whether the widget is drawn, whole, inside the terminal."""
    widget = app.screen.query_one(selector)
    region = widget.region
    return bool(region.height) and app.screen.region.contains_region(region)


async def open_profile(app, pilot, **values: str) -> None:
    await pilot.pause()
    await pilot.press("b")
    await pilot.pause()
    assert isinstance(app.screen, ProfileScreen)
    for field, value in values.items():
        app.screen.query_one(f"#{field}", Input).value = value
    await pilot.pause()


async def test_profile_errors_show_at_the_field_in_error_and_clear_when_fixed(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SMALL) as pilot:
        await open_profile(app, pilot, name="", employees="-5", revenue="1" * 24)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)  # not saved
        assert app.screen.focused is app.screen.query_one("#name")
        assert on_screen(app, "#name-error")
        assert text_of(app, "#name-error") == "✗ Vul de naam van het bedrijf in."
        assert "kan niet negatief zijn" in text_of(app, "#employees-error")
        assert "hoogstens 100.000.000.000" in text_of(app, "#revenue-error")
        await pilot.press(*"Steen B.V.")
        await pilot.pause()
        assert not app.screen.query_one("#name-error").display  # fixed: the line is gone
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#employees")
        assert on_screen(app, "#employees-error")
        app.screen.query_one("#employees", Input).value = "12"
        app.screen.query_one("#revenue", Input).value = "2500000"
        await pilot.pause()
        assert not app.screen.query_one("#employees-error").display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ProfileScreen)
        assert app.session.company.employees == 12


async def test_profile_labels_are_whole_at_80x24(framework):
    app = make_app(framework)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        app.action_new_session()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        form = screen.query_one("#profile-form").content_region
        for button in screen.query(Button):
            button.scroll_visible(animate=False)
            await pilot.pause()
            label = str(button.label)
            assert button.content_region.width >= len(label), label
            assert form.contains_region(button.region), label  # not cut off by the form
        for radio in screen.query(RadioButton):
            assert radio.content_region.width >= len(str(radio.label)) + 4, radio.label
        select = screen.query_one("#entry-level")
        assert select.content_region.width >= len("onbekend") + 4


async def test_export_starts_on_the_formats_and_down_enter_exports_the_one_chosen(
    framework, demo_file
):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.focused is app.screen.query_one("#export-format")
        assert on_screen(app, "#ok") and on_screen(app, "#cancel")
        assert on_screen(app, "#export-format") and on_screen(app, "#export-path")
        await pilot.press("down")
        await pilot.pause()
        path = app.screen.query_one("#export-path", Input).value
        assert path.endswith(".md")
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert demo_file.parent.joinpath(path).read_text(encoding="utf-8").startswith("#")


async def test_the_summary_shows_every_column_at_80x24(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        table = app.screen.query_one("#summary-steps", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert on_screen(app, "#summary-steps")
        wrapped = [
            line
            for line in app.screen.query("#summary-levels Static, #summary-outlook Static")
            if str(line.content) and line.styles.padding.left
        ]
        assert wrapped  # indented lines keep their indent when they wrap
