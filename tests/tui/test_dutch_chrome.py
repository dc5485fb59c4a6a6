"""What Textual itself puts on screen reads Dutch: the palette, its system commands, the
Ctrl+C hint and the key bar's palette key."""

from __future__ import annotations

from tests.tui.helpers import SIZE, make_app
from textual.command import CommandInput, CommandList

ENGLISH = ("Search for commands", "Quit the application", "Change the current theme", "Keys")


async def test_the_command_palette_asks_in_dutch(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        prompt = app.screen.query_one(CommandInput)
        assert prompt.placeholder.startswith("Zoek een vraag")
        commands = app.screen.query_one(CommandList)
        shown = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
        text = "\n".join(shown)
        assert "Thema" in text and "Stoppen" in text and "Samenvatting" in text
        assert not any(word in text for word in ENGLISH), text


async def test_ctrl_c_says_in_dutch_how_to_stop(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert len(toasts) == 1 and "Stoppen?" in toasts[0] and "Ctrl+Q" in toasts[0], toasts


async def test_the_palette_key_is_labelled_in_dutch(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        palette = [key for key in app.screen.query("FooterKey") if key.key == "ctrl+p"]
        assert [key.description for key in palette] == ["Opdrachten"]
