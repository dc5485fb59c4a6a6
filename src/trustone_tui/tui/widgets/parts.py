"""A widget that draws several clickable parts itself: the base of the key bar, title bar,
answer buttons and checklists.

Each of those replaced a handful of Textual widgets by one (for start-up time, see
``docs/performance.md``), so each needs the same few things widgets would have given it:
which part is under the mouse (drawn highlighted), and which part was clicked.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import NamedTuple

from textual import events
from textual.widget import Widget


class Part(NamedTuple):
    """A clickable part of the drawing: cells ``start`` up to ``end`` of line ``y``."""

    start: int
    end: int
    target: Hashable
    y: int = 0


class PartsWidget(Widget, can_focus=False):
    """Keeps :attr:`hover` (the part under the mouse; repainted when it changes) and calls
    :meth:`part_clicked`. A subclass sets :attr:`parts` when it renders."""

    ALLOW_SELECT = False

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        #: Where the clickable parts were drawn by the last render.
        self.parts: list[Part] = []
        #: The target of the part under the mouse, if any.
        self.hover: Hashable | None = None

    def part_at(self, x: int, y: int) -> Hashable | None:
        """The target of the part drawn at ``(x, y)``, if any."""
        return next(
            (part.target for part in self.parts if part.y == y and part.start <= x < part.end),
            None,
        )

    def part_clicked(self, target: Hashable) -> None:
        """A part was clicked (the subclass says what that does)."""

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self.part_at(event.x, event.y)
        if hover != self.hover:
            self.hover = hover
            self.refresh()

    def on_leave(self) -> None:
        if self.hover is not None:
            self.hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        target = self.part_at(event.x, event.y)
        if target is not None:
            event.stop()
            self.part_clicked(target)
