"""The key bar shows the keys that work here, now, at every width (200 columns too)."""

from __future__ import annotations

import pytest
from tests.tui.helpers import SIZE, key_word, make_app


def visible_keys(app) -> dict[str, str]:
    """Key -> what it does, for the keys the bar shows within the screen's width."""
    width = app.screen.size.width
    return {
        key.key: key_word(key)
        for key in app.screen.query("FooterKey")
        if key.region.width and key.region.right <= width
    }


@pytest.mark.parametrize("width", [200, 120])
async def test_percentage_note_follow_up_and_export_keys_are_shown(framework, demo_file, width):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=(width, 50)) as pilot:
        await pilot.pause()
        app.screen.go_to("2.1.1b")  # a band question: scored by its percentage
        await pilot.pause()
        keys = {key.key: key.description for key in app.screen.query("FooterKey")}
        assert {"p": "%", "e": "Notitie", "f": "Opvolgen", "ctrl+e": "Exporteren"}.items() <= (
            keys.items()
        )
        assert not {"n", "g", "j", "v", "a"} & keys.keys()  # no answer keys on a band
        if width == 200:
            assert {"p", "e", "f", "ctrl+e", "f1", "s", "k", "m"} <= visible_keys(app).keys()


async def test_no_nvt_where_it_is_not_allowed_but_the_key_says_why(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        app.screen.go_to("4.2.3")
        await pilot.pause()
        assert visible_keys(app)["v"] == "n.v.t."
        app.screen.go_to("1.1.4")
        await pilot.pause()
        keys = visible_keys(app)
        assert "v" not in keys and keys["n"] == "Nee" and "p" not in keys
        before = app.session.answer("1.1.4")
        await pilot.press("v")
        await pilot.pause()
        assert app.session.answer("1.1.4") == before
        assert any("n.v.t. kan alleen" in str(n.message) for n in app._notifications)


async def test_a_group_question_shows_no_answer_keys(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        app.screen.go_to("2.1.1")  # the header of 2.1.1a-c
        await pilot.pause()
        keys = visible_keys(app)
        assert not {"n", "g", "j", "v", "a", "p", "e", "f"} & keys.keys()
        assert {"right_square_bracket", "s", "ctrl+e"} <= keys.keys()


async def test_undo_and_redo_are_shown_once_they_work(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert not {"ctrl+z", "ctrl+y"} & visible_keys(app).keys()
        await pilot.press("j")
        await pilot.pause()
        assert visible_keys(app)["ctrl+z"] == "Ongedaan" and "ctrl+y" not in visible_keys(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert visible_keys(app)["ctrl+y"] == "Opnieuw" and "ctrl+z" not in visible_keys(app)


async def test_no_export_key_without_a_session(framework):
    app = make_app(framework)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "ctrl+e" not in {key.key for key in app.screen.query("FooterKey")}


def uncovered_keys(app) -> set[str]:
    """The keys the bar shows readable, left of the command palette's key (docked on the
    right, it covers whatever scrolls under it; a key's last cell is a space)."""
    keys = list(app.screen.query("FooterKey"))
    palette = next(key for key in keys if key.has_class("-command-palette"))
    return {
        key.key for key in keys if key is not palette and key.region.right - 1 <= palette.region.x
    }


@pytest.mark.parametrize(
    ("width", "shown"),
    [
        (
            120,
            {
                "f1",
                "n",
                "g",
                "j",
                "left_square_bracket",
                "right_square_bracket",
                "o",
                "e",
                "f",
                "w",
                "s",
            },
        ),
        (80, {"f1", "n", "g", "j", "left_square_bracket", "right_square_bracket", "e"}),
    ],
)
async def test_answer_and_move_keys_are_grouped_so_the_working_keys_fit(
    framework, demo_file, width, shown
):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.pause()
        app.screen.go_to("1.1.5")  # ticked elements: "a" takes the suggested answer
        await pilot.pause()
        assert "a" in uncovered_keys(app)
        assert shown <= uncovered_keys(app)
        labels = [str(label.render()) for label in app.screen.query("FooterLabel")]
        assert labels[:2] == ["Antwoord", "Vorige/volgende"]
        words = {key.key: key_word(key) for key in app.screen.query("FooterKey")}
        assert [words[k] for k in ("n", "g", "j")] == ["Nee", "Gedeeltelijk", "Ja"]
