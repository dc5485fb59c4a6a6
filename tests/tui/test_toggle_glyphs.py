"""Every on/off control outside the interview (the profile's category, the register form's
ja/nee boxes, the settings' switch) shows its state by its glyph, not by colour alone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.register_helpers import make_flow
from tests.tui.helpers import SIZE, make_app, open_by_key
from textual.screen import Screen
from textual.widgets import Checkbox, RadioButton

from trustone_tui.answerfile.write import dump_session
from trustone_tui.engine.register import Register
from trustone_tui.store.settings import Settings
from trustone_tui.tui.screens.profile import ProfileScreen
from trustone_tui.tui.screens.register import FlowForm
from trustone_tui.tui.screens.settings import SettingsScreen

#: (on, off) glyph pairs the project's toggles draw.
GLYPHS = (("●", "○"), ("[x]", "[ ]"))


def drawn_states(screen: Screen[object]) -> list[tuple[bool, str]]:
    """Each shown toggle's value and the plain text it draws."""
    return [
        (toggle.value, toggle.render().plain)  # type: ignore[union-attr]
        for kind in (Checkbox, RadioButton)
        for toggle in screen.query(kind)
        if toggle.display
    ]


def assert_glyphs_tell_the_state(states: list[tuple[bool, str]]) -> None:
    assert states
    for value, text in states:
        marks = [pair for pair in GLYPHS if pair[0] in text or pair[1] in text]
        assert marks, f"no on/off glyph in {text!r}"
        on, off = marks[0]
        assert (on in text) == value and (off in text) == (not value), text


async def test_the_profile_category_choice(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_by_key(app, pilot, "b", ProfileScreen)
        states = drawn_states(screen)
        assert sorted(value for value, _ in states) == [False, True]
        assert_glyphs_tell_the_state(states)


async def test_the_register_forms_ja_nee_boxes(tmp_path: Path, demo_session, framework):
    register = Register("m2", (make_flow(60, fabriek_risico_overzicht=True),))
    path = tmp_path / "ketens.toml"
    path.write_bytes(dump_session(replace(demo_session, register=register), framework))
    app = make_app(framework, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("k", "enter")  # edit the flow: a factory overview, no quarry one
        await pilot.pause()
        assert isinstance(app.screen, FlowForm)
        states = drawn_states(app.screen)
        assert any(value for value, _ in states) and not all(value for value, _ in states)
        assert_glyphs_tell_the_state(states)


async def test_the_settings_switch(framework, config_dir: Path):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(SettingsScreen(Settings()))
        await pilot.pause()
        assert_glyphs_tell_the_state(drawn_states(app.screen))
        await pilot.press("space")
        await pilot.pause()
        (state,) = drawn_states(app.screen)
        assert state[0] is True
        assert_glyphs_tell_the_state([state])
