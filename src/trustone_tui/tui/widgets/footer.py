"""The key bar at the bottom of every screen: the screen's bindings as one line of text.

Textual's ``Footer`` mounts a widget per key (fourteen on the interview screen) and builds
them only after the screen's bindings have settled, one frame after the screen first shows.
That cost about 43 ms of the interview's start-up (``benchmarks/startup_phases.py``), so this
bar is a single widget: it renders the keys itself, in the first frame, and only repaints
(no new widgets, no new layout) when the keys change. It looks and works like the compact
Footer: the theme's footer colours, a hover highlight, a click presses the key, disabled keys
are dimmed, and the command-palette key sits at the right edge.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import NamedTuple

from textual.app import RenderResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen

from trustone_tui.tui.widgets.parts import Part, PartsWidget


class ShownKey(NamedTuple):
    """One key as the bar shows it."""

    key: str
    display: str
    description: str
    enabled: bool


class KeyFooter(PartsWidget):
    """The active screen's shown bindings on one line; click a key to press it."""

    COMPONENT_CLASSES = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--disabled",
        "key-footer--separator",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        #: The keys shown: worked out when the screen's bindings change, not at every paint
        #: (a hover repaints too).
        self._shown: tuple[tuple[ShownKey, ...], ShownKey | None] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            keys = self.keys()
            if keys != self._shown:
                self._shown = keys
                self.refresh()

    def keys(self) -> tuple[tuple[ShownKey, ...], ShownKey | None]:
        """The keys to show (one per action, in binding order) and the command-palette key."""
        app = self.app

        def shown_key(binding: Binding, enabled: bool) -> ShownKey:
            return ShownKey(binding.key, app.get_key_display(binding), binding.description, enabled)

        active = self.screen.active_bindings
        shown: dict[str, ShownKey] = {}
        for _, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = shown_key(binding, enabled)
        palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _, binding, enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
            palette = shown_key(binding, enabled)
            shown.pop(binding.action, None)
        return tuple(shown.values()), palette

    def _key_content(self, shown: ShownKey) -> Content:
        names = ["key-footer--hover"] if shown == self.hover else []
        if not shown.enabled:
            names.append("key-footer--disabled")
        key_style = self.get_visual_style("key-footer--key", *names)
        if not shown.description:
            return Content.styled(shown.display, key_style)
        return Content.assemble(
            (shown.display, key_style),
            (" " + shown.description, self.get_visual_style("key-footer--description", *names)),
        )

    def render(self) -> RenderResult:
        if self._shown is None:  # the first frame comes before the screen's first bindings
            self._shown = self.keys()
        keys, palette = self._shown
        width = self.size.width
        right = Content()
        if palette is not None:
            separator = self.get_visual_style("key-footer--separator")
            right = Content.assemble(("│", separator), " ", self._key_content(palette))
        room = width - right.cell_length - 1 if right else width
        line = Content()
        parts: list[Part] = []
        for shown in keys:
            drawn = self._key_content(shown)
            start = line.cell_length + (1 if line else 0)
            if start + drawn.cell_length > room:
                break  # whole keys only; the first ones matter most
            line = line + " " + drawn if line else drawn
            parts.append(Part(start, start + drawn.cell_length, shown))
        if palette is not None:
            start = width - right.cell_length + 2
            parts.append(Part(start, width, palette))
            line = line.pad_right(max(0, width - right.cell_length - line.cell_length)) + right
        self.parts = parts
        return line

    def part_clicked(self, target: Hashable) -> None:
        assert isinstance(target, ShownKey)
        if target.enabled:
            self.app.simulate_key(target.key)
        else:
            self.app.bell()
