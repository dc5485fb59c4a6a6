"""Textual's toggle buttons, drawn so that on and off differ in shape, not only in colour.

Textual's ``Checkbox`` and ``RadioButton`` draw the same ``X``/``●`` for on and off and tell
them apart by colour alone, which a monochrome terminal or a colour-blind interviewer cannot
see. These subclasses draw ``[x]``/``[ ]`` and ``●``/``○``; focus, Tab order, Space/Enter and
clicks stay Textual's. A tick's label wraps under its text instead of being cut off.

The on state is drawn with component classes instead of Textual's ``-on`` class: a class
change restyles the widget (about 2 ms each, twice per answer key), a repaint does not.
"""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Checkbox, RadioButton


class TickBox(Checkbox):
    """A checkbox drawn ``[x] label`` when ticked and ``[ ] label`` when not."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"tick-box--ticked"}

    DEFAULT_CSS = """
    TickBox {
        width: 1fr;
        height: auto;
        border: none;
        padding: 0;
        background: transparent;
        text-wrap: wrap;
        & > .toggle--button {
            background: transparent;
            color: $foreground 60%;
            text-style: bold;
        }
        & > .tick-box--ticked {
            color: $text-success;
            text-style: bold;
        }
        &:focus {
            border: none;
            & > .toggle--label {
                text-style: bold underline;
            }
        }
    }
    """

    #: The mark when ticked and when not.
    MARKS: ClassVar[tuple[str, str]] = ("[x]", "[ ]")

    def watch_value(self) -> None:
        self.refresh()
        self.post_message(self.Changed(self, self.value))

    def mark(self) -> Content:
        """The mark for the current state, in its style."""
        on, off = self.MARKS
        if self.value:
            return Content.styled(on, self.get_visual_style("tick-box--ticked"))
        return Content.styled(off, self.get_visual_style("toggle--button"))

    def _lines(self, width: int) -> list[Content]:
        mark = self.mark()
        indent = mark.cell_length + 1
        label = self.label.stylize_before(self.get_visual_style("toggle--label"))
        wrapped = label.wrap(max(1, width - indent)) or [Content("")]
        return [
            (mark + " " if number == 0 else Content(" " * indent)) + text
            for number, text in enumerate(wrapped)
        ]

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.size.width))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return len(self.MARKS[0]) + 1 + self.label.cell_length

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))


class ChoiceButton(RadioButton):
    """A radio button drawn `` ● label `` when chosen and `` ○ label `` when not."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice-button--chosen"}

    DEFAULT_CSS = """
    ChoiceButton {
        width: auto;
        height: 1;
        border: none;
        padding: 0;
        margin-right: 1;
        background: $surface;
        text-style: bold;
        & > .toggle--button {
            background: transparent;
            color: $foreground 60%;
        }
        & > .choice-button--chosen {
            background: $accent;
            color: $text;
            text-style: bold;
        }
        &:focus {
            border: none;
            & > .toggle--label {
                text-style: bold underline;
            }
        }
        &:hover {
            background: $surface-darken-1;
        }
    }
    """

    #: The mark when chosen and when not.
    MARKS: ClassVar[tuple[str, str]] = ("●", "○")

    def watch_value(self) -> None:
        self.refresh()
        self.post_message(self.Changed(self, self.value))

    def render(self) -> Content:
        on, off = self.MARKS
        label = self.label.stylize_before(self.get_visual_style("toggle--label"))
        if self.value:
            chosen = self.get_visual_style("choice-button--chosen")
            return Content.assemble(" ", on, " ", label, " ").stylize_before(chosen)
        mark = Content.styled(off, self.get_visual_style("toggle--button"))
        return Content.assemble(" ", mark, " ", label, " ")

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return 4 + self.label.cell_length

    def width_needed(self) -> int:
        """Cells the button takes in a row: its mark and label, padding and margin."""
        styles = self.styles
        return 4 + self.label.cell_length + styles.padding.width + styles.margin.width
