"""A question's numbered elements, each a tick box.

Each element is an :class:`ElementBox` (a Tab stop; Space or Enter ticks it, as a click
does). The keys 1-9 tick elements from anywhere on the interview screen. The list keeps its
boxes from question to question (relabelled, hidden when not needed) and posts
:class:`ElementList.Toggled` with the element's group and number.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple

from textual import on
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Checkbox

from trustone_tui.tui.widgets.toggles import TickBox


class Item(NamedTuple):
    """One element to tick: number ``number`` of group ``group``, shown as ``label``."""

    group: str
    number: int
    label: str


class ElementBox(TickBox):
    """The tick box of one element."""

    def __init__(self, item: Item, ticked: bool = False) -> None:
        super().__init__(item.label, ticked)
        self.item = item


class ElementList(Vertical):
    """The elements one under the other; a long element wraps under its text."""

    DEFAULT_CSS = """
    ElementList {
        height: auto;
    }
    """

    def __init__(
        self,
        items: Sequence[Item] = (),
        ticked: Collection[tuple[str, int]] = (),
        *,
        id: str | None = None,
    ) -> None:
        boxes = [ElementBox(item, (item.group, item.number) in ticked) for item in items]
        super().__init__(*boxes, id=id)

    class Toggled(Message):
        """Element ``number`` of ``group`` was ticked (``ticked``) or unticked."""

        def __init__(self, group: str, number: int, ticked: bool) -> None:
            super().__init__()
            self.group = group
            self.number = number
            self.ticked = ticked

    def boxes(self) -> list[ElementBox]:
        """The boxes shown, in order."""
        return [box for box in self.query_children(ElementBox) if box.display]

    def show(self, items: Sequence[Item], ticked: Collection[tuple[str, int]]) -> None:
        """Show other items (another question), those in ``ticked`` ticked."""
        boxes = list(self.query_children(ElementBox))
        new: list[ElementBox] = []
        for index, item in enumerate(items):
            if index < len(boxes):
                box = boxes[index]
                box.item, box.label, box.display = item, item.label, True
            else:
                box = ElementBox(item)
                new.append(box)
            with box.prevent(Checkbox.Changed):
                box.value = (item.group, item.number) in ticked
        for box in boxes[len(items) :]:
            box.display = False
        if new:
            self.mount_all(new)

    def tick(self, ticked: Collection[tuple[str, int]]) -> None:
        """Tick exactly ``ticked`` of the items shown."""
        for box in self.boxes():
            with box.prevent(Checkbox.Changed):
                box.value = (box.item.group, box.item.number) in ticked

    def toggle(self, index: int) -> None:
        """Tick or untick the ``index``-th element shown, as a click does."""
        boxes = self.boxes()
        if 0 <= index < len(boxes):
            boxes[index].toggle()

    @on(Checkbox.Changed)
    def _toggled(self, event: Checkbox.Changed) -> None:
        event.stop()
        box = event.checkbox
        assert isinstance(box, ElementBox)
        self.post_message(self.Toggled(box.item.group, box.item.number, event.value))
