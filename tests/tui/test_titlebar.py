"""The title bar: company, file and save state from the first frame on; ◆ opens the palette."""

from __future__ import annotations

from tests.tui.helpers import SIZE, make_app
from textual.command import CommandPalette

from trustone_tui.tui.widgets.titlebar import LEFT, RIGHT, TitleBar


def bar_text(app) -> str:
    return app.screen.query_one(TitleBar).render().plain


async def test_the_first_frame_names_the_company_and_the_save_state(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE):
        text = bar_text(app)  # no pause: what the first frame was drawn from
        assert len(text) == SIZE[0] and text.startswith(" ◆ ")
        title = f"Natuursteen Van Dijk & Zn. B.V. — {demo_file.name} · opgeslagen"
        assert text.strip(" ◆") == title
        room = SIZE[0] - LEFT - RIGHT
        assert text.index("Natuursteen") == LEFT + (room - len(title)) // 2  # centred


async def test_the_bar_follows_the_save_state(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.sub_title = "van-dijk.toml · NIET opgeslagen"
        await pilot.pause()
        painted = app.export_screenshot()  # what is on screen, not what a render would give
        assert "NIET&#160;opgeslagen" in painted


async def test_a_long_title_is_cut_with_an_ellipsis(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=(50, 20)) as pilot:
        await pilot.pause()
        text = bar_text(app)
        assert len(text) == 50 and "…" in text and text.startswith(" ◆ ")


async def test_clicking_the_icon_opens_the_command_palette(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(TitleBar, offset=(20, 0))  # the title itself does nothing
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_the_icon_is_highlighted_under_the_mouse(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(TitleBar)
        assert bar.hover is None
        plain = list(bar.render().spans)
        await pilot.hover(TitleBar, offset=(1, 0))
        assert bar.hover == "palette"
        assert list(bar.render().spans) != plain  # the icon drawn highlighted
        await pilot.hover(TitleBar, offset=(30, 0))  # the title is not a part
        assert bar.hover is None and list(bar.render().spans) == plain
