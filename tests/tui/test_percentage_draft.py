"""The percentage field: what it shows is what the file holds, or plainly a draft.

A typed percentage is a draft until it is confirmed (Enter, or leaving the field); a draft
that is no percentage is marked in words and saves nothing; Escape puts the saved value back.
"""

from __future__ import annotations

from tests.tui.burst import burst
from tests.tui.helpers import SIZE, make_app, text_of
from textual.widgets import Input

from trustone_tui.store.answerfiles import load_session


def field(app) -> Input:
    return app.screen.query_one("#percentage", Input)


async def test_an_invalid_draft_is_marked_and_saves_nothing(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.go_to("2.1.1b")  # 80 in the demo
        await pilot.press("p", *["backspace"] * 6, *"150", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert field(app).value == "150" and field(app).has_focus
        assert text_of(app, "#percentage-result").startswith("✗ niet opgeslagen")
        assert load_session(demo_file, framework).answer("2.1.1b").percentage == 80
        assert app.assessment.results["2.1.1b"].percentage == 80
        await pilot.press("escape")  # the saved value back, and out of the field
        await pilot.pause()
        assert field(app).value == "80" and not field(app).has_focus
        assert "✗" not in text_of(app, "#percentage-result")


async def test_escape_restores_a_valid_draft_too(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("2.1.1b")
        await pilot.press("p", *["backspace"] * 6, *"40")
        await pilot.pause()
        assert text_of(app, "#percentage-result").startswith("✎ Enter bewaart")
        await pilot.press("escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert field(app).value == "80"
    assert load_session(demo_file, framework).answer("2.1.1b").percentage == 80


async def test_leaving_the_field_confirms_a_draft_or_throws_an_invalid_one_away(
    framework, demo_file
):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("2.1.1b")
        await pilot.press("p", *["backspace"] * 6, *"45")
        await pilot.pause()
        screen.query_one("#work").focus()  # left by another way than Escape: confirmed
        await pilot.pause()
        assert app.session.answer("2.1.1b").percentage == 45
        await pilot.press("p", *["backspace"] * 6, *"101")
        await pilot.pause()
        screen.query_one("#work").focus()
        await pilot.pause()
        assert field(app).value == "45"  # the screen shows what is saved
        assert app.session.answer("2.1.1b").percentage == 45
        assert any("101 is niet opgeslagen" in str(n.message) for n in app._notifications)
        await pilot.press("p", *["backspace"] * 6, *"30")
        screen.go_to("2.1.1c")  # moving on leaves the field too
        await pilot.pause()
        assert app.session.answer("2.1.1b").percentage == 30
        assert field(app).value == "55"


async def test_a_decimal_comma_reopens_as_typed(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("2.1.1b")
        await pilot.press("p", *["backspace"] * 6, *"82,5", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert load_session(demo_file, framework).answer("2.1.1b").percentage == 82.5
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("2.1.1b")
        await pilot.pause()
        assert field(app).value == "82,5"


async def test_a_burst_types_the_percentage_in_order_and_enter_leaves_the_field(
    framework, demo_file
):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("2.1.1b")  # 80, follow-up on, in the demo
        await pilot.pause()
        ticked = app.session.answer("2.1.1b").elements
        await burst(app, "p", *"4x5", "enter", "f")  # p selects the saved 80: typed over
        for _ in range(4):
            await pilot.pause()
        given = app.session.answer("2.1.1b")
        assert given.percentage == 45  # 4 and 5 typed, not elements 4 and 5 ticked
        assert given.elements == ticked
        assert not given.follow_up  # f after Enter: the screen's key again
        assert field(app).value == "45" and not field(app).has_focus
