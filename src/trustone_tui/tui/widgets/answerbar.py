"""The answer row: *Nee / Gedeeltelijk / Ja* (and *n.v.t.*) to click, with the points beside.

The keys n/g/j/v answer from anywhere on the interview screen (they are shown in the key
bar); this row shows which answer is chosen and takes mouse clicks. It was four compact
``Button`` widgets and a ``Static`` for the points; it is now one widget that draws the same
line, which saved about 10 ms of the interview's start-up (``docs/performance.md``). The
points go on a line of their own when they do not fit beside the buttons (a narrow column).
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import RenderResult
from textual.content import Content
from textual.geometry import Size
from textual.message import Message

from trustone_tui.engine.session import ANSWER_LABELS
from trustone_tui.tui.widgets.parts import Part, PartsWidget

#: The key that gives each answer (the interview screen's bindings).
ANSWER_KEYS = {"nee": "n", "gedeeltelijk": "g", "ja": "j", "nvt": "v"}
#: A button is its label with a cell either side, and at least this wide.
BUTTON_MIN_WIDTH = 10
#: Cells between two buttons, and between the last button and the points.
BUTTON_GAP, POINTS_GAP = 1, 2


class AnswerBar(PartsWidget):
    """``[ Nee (n) ] [ Gedeeltelijk (g) ] [ Ja (j) ]  → 2 van 4 punten``; click to answer."""

    COMPONENT_CLASSES = {"answer-bar--button", "answer-bar--chosen", "answer-bar--hover"}

    class Chosen(Message):
        """An answer's button was clicked."""

        def __init__(self, answer: str) -> None:
            super().__init__()
            self.answer = answer

    def __init__(
        self,
        *,
        chosen: str | None = None,
        nvt_allowed: bool = True,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.chosen = chosen
        self.nvt_allowed = nvt_allowed
        self.points = Content("")

    def show(self, *, chosen: str | None, nvt_allowed: bool, points: Content) -> None:
        """Show the chosen answer, whether n.v.t. is offered, and the question's points."""
        if (chosen, nvt_allowed) == (self.chosen, self.nvt_allowed) and points.is_same(self.points):
            return
        lines_before = len(self._lines(self.size.width)[0])
        self.chosen, self.nvt_allowed, self.points = chosen, nvt_allowed, points
        # Only a change of height needs a new layout; an answer change never makes one.
        self.refresh(layout=len(self._lines(self.size.width)[0]) != lines_before)

    def answers(self) -> list[str]:
        """The answers offered, in order."""
        return [answer for answer in ANSWER_LABELS if answer != "nvt" or self.nvt_allowed]

    def _buttons(self) -> tuple[Content, list[Part]]:
        line, parts = Content(""), []
        for answer in self.answers():
            label = f"{ANSWER_LABELS[answer]} ({ANSWER_KEYS[answer]})"
            width = max(BUTTON_MIN_WIDTH, len(label) + 2)
            left = (width - len(label)) // 2
            names = ["answer-bar--button"]
            if answer == self.chosen:
                names.append("answer-bar--chosen")
            elif answer == self.hover:
                names.append("answer-bar--hover")
            button = Content.styled(
                " " * left + label + " " * (width - len(label) - left),
                self.get_visual_style(*names),
            )
            start = line.cell_length + (BUTTON_GAP if parts else 0)
            line = line + " " * BUTTON_GAP + button if parts else button
            parts.append(Part(start, start + width, answer))
        return line, parts

    def _lines(self, width: int) -> tuple[list[Content], list[Part]]:
        """The lines at ``width``, and where the buttons are on the first."""
        buttons, parts = self._buttons()
        if not self.points:
            return [buttons], parts
        if buttons.cell_length + POINTS_GAP + self.points.cell_length <= width:
            return [buttons + " " * POINTS_GAP + self.points], parts
        return [buttons, self.points], parts  # too narrow for both: the points below

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width)[0])

    def render(self) -> RenderResult:
        lines, self.parts = self._lines(self.size.width)
        return Content("\n").join(lines)

    def part_clicked(self, target: Hashable) -> None:
        assert isinstance(target, str)
        self.post_message(self.Chosen(target))
