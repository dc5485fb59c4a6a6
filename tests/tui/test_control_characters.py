"""A company name or interviewer holding control characters (TOML can hold them as \\u
escapes) is shown as its escapes on every screen, never sent to the terminal raw (an escape
sequence would clear or restyle it). The file itself keeps its text exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.tui.helpers import make_app
from textual.widgets import Input

from trustone_tui.demo import demo_bytes

NAME = "Evil\\u001b[2J\\u0007Co"
INTERVIEWER = "Sanne\\u009b31m"
RAW = ("\x1b", "\x07", "\x9b")


def evil_file(folder: Path) -> Path:
    text = demo_bytes().decode()
    text = text.replace('name = "Natuursteen Van Dijk & Zn. B.V."', f'name = "{NAME}"', 1)
    text = text.replace(
        'interviewer = "Sanne Bakker (secretariaat)"', f'interviewer = "{INTERVIEWER}"'
    )
    assert NAME in text and INTERVIEWER in text
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "evil.toml"
    path.write_text(text, encoding="utf-8")
    return path


def assert_shown_not_obeyed(svg: str) -> None:
    assert not [char for char in RAW if char in svg]
    assert "\\x1b[2J\\x07Co" in svg.replace("&#160;", " ")


@pytest.mark.parametrize("key", ["", "s", "m", "b"])
async def test_each_screen_shows_the_escapes(framework, data_dir, key):
    path = evil_file(data_dir)
    before = path.read_bytes()
    app = make_app(framework, open_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if key:
            await pilot.press(key)
            await pilot.pause()
        assert_shown_not_obeyed(app.export_screenshot())
    assert path.read_bytes() == before


async def test_the_start_screen_lists_it_with_the_escapes(framework, data_dir):
    evil_file(data_dir)
    app = make_app(framework)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert_shown_not_obeyed(app.export_screenshot())


ESCAPE = "X\x1b[2J\x07"


async def test_notes_actions_and_register_rows_show_the_escapes(framework, data_dir):
    import datetime as dt
    from dataclasses import replace

    from tests.register_helpers import make_flow

    from trustone_tui.engine.actions import Action, ProgressEntry
    from trustone_tui.engine.register import Register

    path = evil_file(data_dir)
    app = make_app(framework, open_path=path)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        session = app.session
        assert session is not None
        note = replace(session.answer("1.1.4"), note=f"{ESCAPE} notitie")
        action = Action(
            id="A1",
            text=f"{ESCAPE} actie",
            owner=f"{ESCAPE} eigenaar",
            due=dt.date(2027, 6, 1),
            progress=(ProgressEntry(dt.date(2026, 11, 1), f"{ESCAPE} voortgang"),),
        )
        flow = make_flow(10, steentype=f"graniet{ESCAPE}", fabriek=f"F{ESCAPE}")
        app.update_session(
            replace(
                session,
                answers={**session.answers, "1.1.4": note},
                actions=(action,),
                register=Register("m2", (flow,)),
            )
        )
        await pilot.pause()
        screens = []
        app.screen.go_to("1.1.4")
        await pilot.pause()
        screens.append(app.export_screenshot())
        await pilot.press("e")  # the note's editor
        await pilot.pause()
        assert app.screen.query_one("#note").has_focus
        screens.append(app.export_screenshot())
        await pilot.press("escape")
        await pilot.pause()
        # The summary; the plan and its form for the action; the register and its form.
        for keys in (("s",), ("m",), ("m", "enter"), ("k",), ("k", "e")):
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            screens.append(app.export_screenshot())
            for _ in keys:
                await pilot.press("escape")
                await pilot.pause()
        forms = [svg.replace("&#160;", " ") for svg in (screens[4], screens[6])]
        assert "Klaar v" in forms[0] and "Keten: granietX\\x1b" in forms[1]
        for svg in screens:
            assert not [char for char in RAW if char in svg]
            assert "X\\x1b[2J\\x07" in svg.replace("&#160;", " ")


async def test_a_file_name_with_an_escape_is_shown_in_the_problem(framework, data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    broken = data_dir / "kapot\x1b[2J.toml"
    broken.write_text("schema_version = [\n", encoding="utf-8")  # not TOML: a problem dialog
    app = make_app(framework, open_path=broken)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "MessageDialog"
        assert any("kapot\\x1b[2J.toml" in line for line in app.screen.lines)
        assert not [char for char in RAW if char in app.export_screenshot()]


async def test_the_path_suggested_for_a_copy_shows_the_escapes(framework, data_dir):
    named = evil_file(data_dir).rename(data_dir / "kopie\x1b[2J.toml")
    app = make_app(framework, open_path=named)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_save_copy()
        await pilot.pause()
        value = app.screen.query_one("#path", Input).value
        assert "kopie\\x1b[2J" in value and "\x1b" not in value
        assert not [char for char in RAW if char in app.export_screenshot()]
