"""Undo and redo (Ctrl+Z, Ctrl+Y) of answer, element, percentage, note and flag changes, for
the whole session; each step is saved like any change and told in a toast."""

from __future__ import annotations

from tests.tui.helpers import SIZE, make_app

from trustone_tui.store.answerfiles import load_session


def toasts(app) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


async def saved(app, pilot, demo_file, framework):
    await pilot.pause()
    await app.workers.wait_for_complete()
    return load_session(demo_file, framework)


async def test_each_kind_of_change_is_undone_and_redone(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        original = app.session.answers
        screen.go_to("1.1.5")
        await pilot.press("j", "3", "f", "e", *"ok", "escape")
        screen.go_to("2.1.1b")
        await pilot.press("p", *["backspace"] * 6, *"90", "enter")
        await pilot.pause()
        changed = app.session.answers
        assert changed["2.1.1b"].percentage == 90
        steps = [
            "2.1.1b: percentage",
            "1.1.5: notitie",
            "1.1.5: opvolgen",
            "1.1.5: onderdelen",
            "1.1.5: antwoord",
        ]
        for step in steps:
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert toasts(app)[-1] == f"Ongedaan gemaakt: {step}"
            assert screen.current_id == step.split(":")[0]  # the question undone is shown
        assert app.session.answers == original
        assert (await saved(app, pilot, demo_file, framework)).answers == original
        screen.go_to("2.1.1b")
        await pilot.pause()
        assert screen.query_one("#percentage").value == "80"
        await pilot.press("ctrl+z")  # nothing left: nothing happens
        await pilot.pause()
        assert app.session.answers == original
        for step in reversed(steps):
            await pilot.press("ctrl+y")
            await pilot.pause()
            assert toasts(app)[-1] == f"Opnieuw gedaan: {step}"
        assert app.session.answers == changed
        assert (await saved(app, pilot, demo_file, framework)).answers == changed
        assert screen.query_one("#percentage").value == "90"


async def test_undo_shows_the_restored_note_and_ticks(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("1.1.4")
        note = app.session.answer("1.1.4").note
        await pilot.press("e", *" extra", "escape")
        screen.go_to("1.1.5")
        ticked_before = app.session.answer("1.1.5").elements
        await pilot.press("3")
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert screen.current_id == "1.1.4"
        assert screen.query_one("#note").text == note
        screen.go_to("1.1.5")
        await pilot.pause()
        boxes = [box.value for box in screen.query("#elements Checkbox")]
        assert [n for n, on in enumerate(boxes, start=1) if on] == list(ticked_before[""])


async def test_what_if_changes_are_not_kept_for_undo(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w", "j", "w")
        await pilot.pause()
        assert not app.history.can_undo
