"""Tab in a burst of keys (a paste from a spreadsheet, fast typing while the app is busy) moves
to the next field before the keys behind it are typed, in every form."""

from __future__ import annotations

from tests.tui.burst import burst
from tests.tui.helpers import SIZE, make_app
from textual.widgets import Input

from trustone_tui.tui.screens.profile import ProfileScreen
from trustone_tui.tui.screens.register import FlowForm


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()


def values(screen, *ids: str) -> list[str]:
    return [screen.query_one(f"#{id_}", Input).value for id_ in ids]


async def test_the_register_form_fills_field_after_field(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k", "a")
        await settle(pilot)
        assert isinstance(app.screen, FlowForm)
        await burst(
            app, *"graniet", "tab", *"grijs", "tab", *"12,5", "shift+tab", "end", "backspace"
        )
        await settle(pilot)
        fields = ("field-steentype", "field-kleur", "field-hoeveelheid")
        assert values(app.screen, *fields) == ["graniet", "grij", "12,5"]


async def test_the_profile_form_fills_field_after_field(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        employees = app.screen.query_one("#employees", Input)
        employees.focus()
        employees.value = ""
        await settle(pilot)
        await burst(app, *"12", "tab", "ctrl+a", "backspace", *"4000000")
        await settle(pilot)
        assert values(app.screen, "employees", "revenue") == ["12", "4000000"]
