"""The title bar: company, file and save state; ◆ opens the command palette."""

from __future__ import annotations

from tests.tui.helpers import SIZE, make_app
from textual.command import CommandPalette


async def test_the_bar_names_the_company_and_follows_the_save_state(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        painted = app.export_screenshot()  # what is on screen
        assert "Natuursteen&#160;Van&#160;Dijk" in painted and "opgeslagen" in painted
        assert "◆" in painted
        app.sub_title = "van-dijk.toml · NIET opgeslagen"
        await pilot.pause()
        assert "NIET&#160;opgeslagen" in app.export_screenshot()


async def test_clicking_the_icon_opens_the_command_palette(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("HeaderTitle")  # the title itself does nothing
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        await pilot.click("HeaderIcon")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
