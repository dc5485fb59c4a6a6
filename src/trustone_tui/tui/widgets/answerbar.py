"""The answer row: *Nee / Gedeeltelijk / Ja* (and *n.v.t.*) as buttons, the points beside.

Each answer is a :class:`ChoiceButton` (a Tab stop; Space or Enter chooses it, as a click
does; choosing the chosen answer again takes it back). The keys n/g/j/v answer from anywhere
on the interview screen. The row only shows the answer it is given: a press posts
:class:`AnswerBar.Chosen` and the screen decides. The points go below the buttons when they
do not fit beside them (a narrow column); that is worked out when the bar's size changes.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Resize
from textual.message import Message
from textual.widget import Widget
from textual.widgets import RadioButton, Static

from trustone_tui.engine.session import ANSWER_LABELS, AnswerChoice
from trustone_tui.tui.widgets.refresh import set_content
from trustone_tui.tui.widgets.toggles import ChoiceButton

#: The key that gives each answer (the interview screen's bindings).
ANSWER_KEYS: dict[AnswerChoice, str] = {"nee": "n", "gedeeltelijk": "g", "ja": "j", "nvt": "v"}


class AnswerButton(ChoiceButton):
    """The button of one answer."""

    def __init__(self, answer: AnswerChoice) -> None:
        super().__init__(f"{ANSWER_LABELS[answer]} ({ANSWER_KEYS[answer]})", id=f"answer-{answer}")
        self.answer = answer


class AnswerBar(Widget):
    """``● Nee (n)  ○ Gedeeltelijk (g)  ○ Ja (j)  → 2 van 4 punten``."""

    DEFAULT_CSS = """
    AnswerBar {
        height: auto;
        layout: vertical;
        & > #answer-buttons {
            width: auto;
            height: auto;
        }
        & > #answer-points {
            width: 1fr;
            height: auto;
        }
        &.-points-beside {
            layout: horizontal;
            & > #answer-points {
                margin-left: 1;
            }
        }
    }
    """

    class Chosen(Message):
        """An answer button was pressed: ``answer`` is wanted (None: take the answer back)."""

        def __init__(self, answer: AnswerChoice | None) -> None:
            super().__init__()
            self.answer = answer

    def __init__(
        self,
        *,
        chosen: AnswerChoice | None = None,
        nvt_allowed: bool = True,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.chosen = chosen
        self.nvt_allowed = nvt_allowed
        self._buttons = {answer: AnswerButton(answer) for answer in ANSWER_LABELS}
        self._points = Static(id="answer-points")
        self._points_text = Content("")
        self._points_width = 0
        self._mark_buttons()
        self.add_class("-points-beside")

    def compose(self) -> ComposeResult:
        with Horizontal(id="answer-buttons"):
            yield from self._buttons.values()
        yield self._points

    def on_resize(self, event: Resize) -> None:
        self._place_points(event.size.width)

    def _place_points(self, width: int) -> None:
        """Points beside the buttons if they fit there, else below.

        Not before the bar has a width: its first resize places them, and a class set before
        that would restyle the bar twice while the screen starts.
        """
        if width == 0:
            return
        buttons = sum(button.width_needed() for button in self._buttons.values() if button.display)
        needed = max(self._points_width, self._points_text.cell_length)
        self.set_class(buttons + 1 + needed <= width, "-points-beside")

    def show(
        self,
        *,
        chosen: AnswerChoice | None,
        nvt_allowed: bool,
        points: Content,
        points_width: int = 0,
    ) -> None:
        """Show the chosen answer, whether n.v.t. is offered, and the question's points;
        ``points_width`` is the widest points text the question can show (they go beside the
        buttons only if that fits)."""
        self.chosen, self.nvt_allowed = chosen, nvt_allowed
        self._points_width = points_width
        self._mark_buttons()
        if not points.is_same(self._points_text):
            self._points_text = points
            set_content(self._points, points)  # a new layout only if its height changes
        self._place_points(self.size.width)

    def answers(self) -> list[AnswerChoice]:
        """The answers offered, in order."""
        return [answer for answer in ANSWER_LABELS if answer != "nvt" or self.nvt_allowed]

    def button(self, answer: AnswerChoice) -> AnswerButton:
        """The button of ``answer``."""
        return self._buttons[answer]

    def _mark_buttons(self) -> None:
        for answer, button in self._buttons.items():
            with button.prevent(RadioButton.Changed):
                button.value = answer == self.chosen
            shown = answer != "nvt" or self.nvt_allowed
            if button.display != shown:
                button.display = shown

    @on(RadioButton.Changed)
    def _pressed(self, event: RadioButton.Changed) -> None:
        event.stop()
        button = event.radio_button
        assert isinstance(button, AnswerButton)
        self.post_message(self.Chosen(button.answer if event.value else None))
