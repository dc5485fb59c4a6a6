"""Keys pressed in one burst (a paste, fast typing while the app is busy) land in the note
editor, in order, where the cursor is; the editor opens with the cursor at the end."""

from __future__ import annotations

from tests.tui.burst import burst
from tests.tui.helpers import SIZE, make_app

from trustone_tui.store.answerfiles import load_session

TYPED = [*"abc123", "backspace", "backspace", "backspace", *"456 klaar"]


async def settle(app, pilot) -> None:
    for _ in range(4):
        await pilot.pause()
    await app.workers.wait_for_complete()


async def test_a_burst_in_the_open_editor_lands_in_order(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("1.1.4")
        note = app.session.answer("1.1.4").note
        await pilot.press("e")
        await pilot.pause()
        await burst(app, *TYPED, "escape")
        await settle(app, pilot)
        assert app.session.answer("1.1.4").note == note + "abc456 klaar"
    assert load_session(demo_file, framework).answer("1.1.4").note == note + "abc456 klaar"


async def test_keys_right_after_e_go_to_the_editor_not_the_bindings(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("1.1.5")
        await pilot.press("3")  # ticked elements suggest an answer: a would accept it
        await pilot.pause()
        before = app.session.answer("1.1.5")
        await burst(app, "e", *TYPED, "escape")
        await settle(app, pilot)
        after = app.session.answer("1.1.5")
        assert after.note == before.note + "abc456 klaar"
        assert after.answer == before.answer and not after.follow_up  # no a, no f
        assert app.screen.focused is app.screen.query_one("#work")


async def test_the_editor_opens_with_the_cursor_at_the_end(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("1.1.4")
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen.query_one("#note")
        assert editor.cursor_location == editor.document.end
        await pilot.press("escape")
        app.screen.go_to("2.1.1b")  # another note, the editor kept: again at the end
        await pilot.press("e", *"!")
        await pilot.pause()
        assert app.session.answer("2.1.1b").note.endswith("adresgegevens.!")


async def test_keys_after_escape_in_a_burst_go_to_the_screen_again(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("1.1.5")  # Gedeeltelijk in the demo
        await pilot.pause()
        note = app.session.answer("1.1.5").note
        await burst(app, "e", *"abc", "escape", "j")
        await settle(app, pilot)
        assert app.session.answer("1.1.5").note == note + "abc"
        assert app.session.answer("1.1.5").answer == "ja"
