"""Textual's toggle buttons, drawn so that on and off differ in shape, not only in colour.

Textual's ``Checkbox`` and ``RadioButton`` draw the same ``X``/``●`` for on and off and tell
them apart by colour alone, which a monochrome terminal or a colour-blind interviewer cannot
see. These subclasses draw ``[x]``/``[ ]`` and ``●``/``○``; focus, Tab order, Space/Enter and
clicks stay Textual's. A tick's label wraps under its text instead of being cut off.
"""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Checkbox, RadioButton


class TickBox(Checkbox):
    """A checkbox drawn ``[x] label`` when ticked and ``[ ] label`` when not."""

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
        &.-on > .toggle--button {
            background: transparent;
            color: $text-success;
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

    def mark(self) -> Content:
        """The mark for the current state, in the button's style."""
        on, off = self.MARKS
        return Content.styled(on if self.value else off, self.get_visual_style("toggle--button"))

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
    """A radio button drawn ``● label`` when chosen and ``○ label`` when not."""

    DEFAULT_CSS = """
    ChoiceButton {
        width: auto;
        height: 1;
        border: none;
        padding: 0 1;
        margin-right: 1;
        background: $surface;
        text-style: bold;
        & > .toggle--button {
            background: transparent;
            color: $foreground 60%;
        }
        &.-on {
            background: $accent;
            color: $text;
            & > .toggle--button {
                color: $text;
            }
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

    def render(self) -> Content:
        on, off = self.MARKS
        mark = Content.styled(on if self.value else off, self.get_visual_style("toggle--button"))
        label = self.label.stylize_before(self.get_visual_style("toggle--label"))
        return Content.assemble(mark, " ", label)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return 2 + self.label.cell_length

    def width_needed(self) -> int:
        """Cells the button takes in a row: its mark and label, padding and margin."""
        styles = self.styles
        return 2 + self.label.cell_length + styles.padding.width + styles.margin.width
