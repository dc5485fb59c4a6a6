"""The note: shown as text, and edited in a text area made when the interviewer writes."""

from __future__ import annotations

from tests.tui.helpers import SIZE, make_app
from textual.widgets import TextArea

from trustone_tui.tui.widgets.note import EMPTY_NOTE, NoteField


async def test_the_note_is_text_until_it_is_edited(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("1.1.1")
        await pilot.pause()
        assert not screen.query(TextArea)  # nothing is made for a note nobody edits
        note = app.session.answer("1.1.1").note
        assert note and str(screen.query_one("#note-text").content) == note
        screen.go_to("6.2.5")  # no note: the text says how to write one
        await pilot.pause()
        assert str(screen.query_one("#note-text").content) == EMPTY_NOTE


async def test_e_opens_the_editor_which_then_follows_the_questions(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("1.1.1")
        note = app.session.answer("1.1.1").note
        await pilot.press("e")
        await pilot.pause()
        editor = screen.query_one("#note", TextArea)
        assert editor.has_focus and editor.text == note
        assert not screen.query("#note-text")
        await pilot.press("end", *" Getekend.")
        await pilot.pause()
        assert app.session.answer("1.1.1").note == note + " Getekend."
        await pilot.press("escape")
        screen.go_to("6.2.5")
        await pilot.pause()
        assert screen.query_one("#note", TextArea) is editor and editor.text == ""
        assert app.session.answer("6.2.5").note == ""  # showing a note is not typing one
        assert app.session.answer("1.1.1").note == note + " Getekend."


async def test_a_click_or_tab_on_the_note_text_opens_the_editor(framework, demo_file):
    for way in ("click", "tab"):
        app = make_app(framework, open_path=demo_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = app.screen
            screen.go_to("6.2.5")
            await pilot.pause()
            text = screen.query_one("#note-text")
            if way == "click":
                text.scroll_visible(animate=False)
                await pilot.pause()
                await pilot.click("#note-text")
            else:  # from the work area: past the answer buttons and elements to the note
                for _ in range(12):
                    await pilot.press("tab")
                    await pilot.pause()
                    if screen.query_one(NoteField).editor is not None:
                        break
            await pilot.pause()
            editor = screen.query_one(NoteField).editor
            assert editor is not None and editor.has_focus, way
