"""The key bar (Textual's Footer): the screen's keys, following the focus, clickable.

The Footer is no Tab stop: every key it shows is itself a key binding of the screen.
"""

from __future__ import annotations

from tests.tui.helpers import SIZE, key_word, make_app


def shown_keys(app) -> dict[str, str]:
    """Key -> what it does, for every key the footer shows (a key shown in a group, such as
    the answer keys under "Antwoord", says it in its tooltip)."""
    return {key.key: key_word(key) for key in app.screen.query("FooterKey")}


async def test_the_bar_shows_the_screens_keys(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("4.2.3")  # a question that allows n.v.t.
        await pilot.pause()
        keys = shown_keys(app)
        assert {
            "f1": "Hulp",
            "n": "Nee",
            "g": "Gedeeltelijk",
            "j": "Ja",
            "v": "n.v.t.",
        }.items() <= keys.items()
        assert keys["right_square_bracket"] == "Volgende"
        assert "x" not in keys  # x (clear) is bound but not shown
        app.screen.go_to("1.1.5")  # a is shown where ticked elements suggest an answer
        await pilot.press("3")
        await pilot.pause()
        assert shown_keys(app)["a"] == "Suggestie"


async def test_the_bar_follows_the_focus(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")  # typing a note: answer keys are text now
        await pilot.pause()
        assert "n" not in shown_keys(app) and "f1" in shown_keys(app)
        app.screen.query_one("#work").focus()
        await pilot.pause()
        assert shown_keys(app)["n"] == "Nee"


async def test_clicking_a_key_presses_it(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        question = app.screen.current_id
        nee = next(key for key in app.screen.query("FooterKey") if key.key == "n")
        assert await pilot.click(nee)
        await pilot.pause()
        assert app.session.answer(question).answer == "nee"
