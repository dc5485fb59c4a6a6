"""KeyFooter: the stock Footer, complete when its screen mounts, rebuilt when its keys change."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Button, Footer, Input

from trustone_tui.tui.widgets.footer import KeyFooter

SIZE = (100, 10)
GROUP = Binding.Group("Groep")


def keys_of(screen: Screen[object]) -> list[tuple[str, str, str, tuple[int, ...]]]:
    """Key, description, classes and place of every key a footer on ``screen`` shows."""
    return [
        (key.key, key.description, " ".join(sorted(key.classes)), tuple(key.region))
        for key in screen.query("FooterKey")
    ]


class KeysScreen(Screen[None]):
    BINDINGS = [
        Binding("n", "mark('nee')", "Nee"),
        Binding("j", "mark('ja')", "Ja"),
        Binding("x", "mark('wis')", "Wis", show=False),
        Binding("ctrl+1", "mark('een')", "Eén", group=GROUP),
        Binding("ctrl+2", "mark('twee')", "Twee", group=GROUP),
    ]

    def __init__(self, footer: Footer) -> None:
        super().__init__()
        self.footer = footer
        #: The keys the footer held when the screen mounted (before its first frame).
        self.keys_at_mount: list[str] = []

    def compose(self) -> ComposeResult:
        yield Button("Eerste", id="first")
        yield Button("Tweede", id="second")
        yield Input(id="text")
        yield self.footer

    def action_mark(self, what: str) -> None:
        self.notify(what)

    def on_mount(self) -> None:
        self.keys_at_mount = [key.key for key in self.query("FooterKey")]


class KeysApp(App[None]):
    BINDINGS = [Binding("ctrl+p", "command_palette", "Opdrachten", show=False)]

    def __init__(self, footer: Footer) -> None:
        super().__init__()
        self.footer = footer

    def on_mount(self) -> None:
        self.push_screen(KeysScreen(self.footer))


async def test_it_shows_what_the_stock_footer_shows_where_it_shows_it():
    shown = []
    for footer in (Footer(), KeyFooter()):
        app = KeysApp(footer)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            shown.append(keys_of(app.screen))
    stock, ours = shown
    assert [key for key, *_ in ours] == ["n", "j", "ctrl+1", "ctrl+2", "ctrl+p"]
    assert ours == stock


async def test_its_keys_are_there_when_the_screen_mounts():
    app = KeysApp(KeyFooter())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, KeysScreen)
        assert screen.keys_at_mount == ["n", "j", "ctrl+1", "ctrl+2", "ctrl+p"]


async def test_a_focus_change_that_keeps_the_keys_keeps_the_key_widgets():
    app = KeysApp(KeyFooter())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = list(app.screen.query("FooterKey"))
        app.screen.query_one("#second").focus()
        await pilot.pause()
        assert list(app.screen.query("FooterKey")) == before


async def test_it_follows_the_focus_when_the_keys_change():
    app = KeysApp(KeyFooter())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#text").focus()  # the input's own keys come first
        await pilot.pause()
        with_input = [key for key, *_ in keys_of(app.screen)]
        app.screen.query_one("#first").focus()
        await pilot.pause()
        assert [key for key, *_ in keys_of(app.screen)] == ["n", "j", "ctrl+1", "ctrl+2", "ctrl+p"]
    stock = KeysApp(Footer())
    async with stock.run_test(size=SIZE) as pilot:
        await pilot.pause()
        stock.screen.query_one("#text").focus()
        await pilot.pause()
        assert [key for key, *_ in keys_of(stock.screen)] == with_input
