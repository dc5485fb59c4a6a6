"""A list of items to tick: a question's numbered elements, and the follow-up flag.

The interview ticks elements with the keys 1-9 (no question has more than eight) and the
follow-up flag with f; this widget shows what is ticked and takes mouse clicks. It is one
widget that draws its lines itself, with long items wrapped under their text instead of cut
off. It replaced a ``SelectionList`` and a ``Checkbox``, which with their option and toggle
widgets cost about 10 ms of the interview's start-up (``docs/performance.md``).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import NamedTuple

from textual.app import RenderResult
from textual.content import Content
from textual.geometry import Size
from textual.message import Message

from trustone_tui.tui.widgets.parts import Part, PartsWidget

#: The mark column (`` X ``), and the cell between it and the item's text.
MARK, GAP = " X ", 1


class Item(NamedTuple):
    """One thing to tick: ``key`` identifies it, ``label`` is what the list shows."""

    key: str
    label: str


class Checklist(PartsWidget):
    """`` X  1. item``, one item under the other; a click ticks or unticks an item."""

    COMPONENT_CLASSES = {"checklist--mark", "checklist--ticked", "checklist--hover"}

    class Toggled(Message):
        """An item was clicked: ``ticked`` is its new state."""

        def __init__(self, checklist: Checklist, key: str, ticked: bool) -> None:
            super().__init__()
            self.checklist = checklist
            self.key = key
            self.ticked = ticked

        @property
        def control(self) -> Checklist:
            return self.checklist

    def __init__(
        self,
        items: Sequence[Item] = (),
        ticked: Iterable[str] = (),
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.items: tuple[Item, ...] = tuple(items)
        self.ticked: frozenset[str] = frozenset(ticked)

    def show(self, items: Sequence[Item], ticked: Iterable[str]) -> None:
        """Show other items (another question), ``ticked`` ticked."""
        self.items, self.ticked = tuple(items), frozenset(ticked)
        self.refresh(layout=True)

    def tick(self, ticked: Iterable[str]) -> None:
        """Tick exactly ``ticked`` (the same items; never a change of height)."""
        ticked = frozenset(ticked)
        if ticked != self.ticked:
            self.ticked = ticked
            self.refresh()

    def toggle(self, key: str) -> None:
        """Tick or untick an item, as a click does (posts :class:`Toggled`)."""
        ticked = key not in self.ticked
        self.tick(self.ticked | {key} if ticked else self.ticked - {key})
        self.post_message(self.Toggled(self, key, ticked))

    def _lines(self, width: int) -> list[tuple[str, Content]]:
        room = max(1, width - len(MARK) - GAP)
        lines = []
        hover = self.get_visual_style("checklist--hover")
        for item in self.items:
            names = ["checklist--mark"]
            if item.key in self.ticked:
                names.append("checklist--ticked")
            mark = Content.styled(MARK, self.get_visual_style(*names)) + " " * GAP
            for number, text in enumerate(Content(item.label).wrap(room)):
                line = (mark if number == 0 else Content(" " * (len(MARK) + GAP))) + text
                if item.key == self.hover:  # the whole row, as far as the widget is wide
                    line = line.pad_right(width - line.cell_length).stylize_before(hover)
                lines.append((item.key, line))
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> RenderResult:
        width = self.size.width
        lines = self._lines(width)
        self.parts = [Part(0, width, key, y) for y, (key, _) in enumerate(lines)]
        return Content("\n").join(line for _, line in lines)

    def part_clicked(self, target: Hashable) -> None:
        assert isinstance(target, str)
        self.toggle(target)
