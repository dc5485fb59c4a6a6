"""The key bar: the screen's keys on one line, repainted only when they change, clickable."""

from __future__ import annotations

from tests.tui.helpers import SIZE, make_app

from trustone_tui.tui.widgets.footer import KeyFooter


def bar_of(app) -> KeyFooter:
    return app.screen.query_one(KeyFooter)


def shown_text(app) -> str:
    return bar_of(app).render().plain


async def test_the_bar_shows_the_screens_keys_with_the_palette_at_the_right(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = shown_text(app)
        assert text.startswith("f1 Help n Nee g Gedeeltelijk j Ja v n.v.t. a Suggestie")
        assert text.endswith("│ ^p palette") and len(text) == SIZE[0]
        assert "Wis" not in text  # x (clear) is bound but not shown
        assert [part.target.key for part in bar_of(app).parts][-1] == "ctrl+p"


async def test_a_narrow_bar_shows_whole_keys_only(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = shown_text(app)
        assert len(text) == 80 and text.endswith("│ ^p palette")
        shown = text.removesuffix("│ ^p palette").rstrip()
        # Every key shown is whole: the text is a prefix of the keys joined at full width.
        full = "f1 Help n Nee g Gedeeltelijk j Ja v n.v.t. a Suggestie ] Volgende [ Vorige o Open"
        assert full.startswith(shown) and full[len(shown)] == " "


async def test_the_bar_repaints_only_when_its_keys_change(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = bar_of(app)
        renders: list[str] = []
        render = bar.render

        def counted():
            content = render()
            renders.append(content.plain)
            return content

        bar.render = counted
        app.screen.refresh_bindings()  # same keys: nothing to repaint
        await pilot.pause()
        assert renders == []

        await pilot.press("e")  # typing a note: answer keys are text now
        await pilot.pause()
        assert renders and renders[-1].startswith("f1 Help ")
        assert " n Nee" not in renders[-1]

        app.screen.query_one("#work").focus()
        await pilot.pause()
        assert renders[-1].startswith("f1 Help n Nee")


async def test_clicking_a_key_presses_it(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        question = app.screen.current_id
        nee = next(part for part in bar_of(app).parts if part.target.key == "n")
        assert await pilot.click(KeyFooter, offset=(nee.start, 0))
        await pilot.pause()
        assert app.session.answer(question).answer == "nee"


async def test_the_key_under_the_mouse_is_highlighted(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = bar_of(app)
        ja = next(part for part in bar.parts if part.target.key == "j")

        def style_at(x: int):
            return bar.render().get_style_at_offset(x)

        before, f1_before = style_at(ja.start), style_at(0)
        await pilot.hover(KeyFooter, offset=(ja.start + 1, 0))
        await pilot.pause()
        assert style_at(ja.start) != before
        assert style_at(0) == f1_before  # only the key under the mouse
