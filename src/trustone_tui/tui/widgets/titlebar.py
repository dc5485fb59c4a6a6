"""The title bar at the top of every screen: Textual's ``Header`` with the app's icon.

It shows the app's title (the company) and subtitle (the file and its save state); a click
on the icon opens the command palette. In the interview it also shows the progress at its
right edge (``31 van 39 beantwoord``), at every terminal size. When the line is too short,
the company name is shortened, never the save state.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Header, Static

from trustone_tui.engine.progress import progress
from trustone_tui.engine.scoring import Assessment
from trustone_tui.text.plain import clip
from trustone_tui.text.words import progress_text

ICON = "◆"
ICON_TOOLTIP = "Opdrachten (Ctrl+P)"
#: Cells the icon takes at the left edge: Textual's, or the icon between two blanks where
#: the progress needs the room.
ICON_WIDTH, NARROW_ICON_WIDTH = 8, 3
#: The shortest a shortened company name gets before the subtitle is cut as well.
SHORTEST_TITLE = 8


class TitleBar(Header):
    """The stock Header, with :data:`ICON`, no clock and (``progress=True``) the progress."""

    DEFAULT_CSS = f"""
    TitleBar.-progress HeaderIcon {{
        width: {NARROW_ICON_WIDTH};
    }}
    TitleBar #progress {{
        dock: right;
        width: auto;
        padding: 0 1;
    }}
    """

    def __init__(self, *, progress: bool = False) -> None:
        super().__init__(icon=ICON, classes="-progress" if progress else None)
        self.show_progress = progress

    def compose(self) -> ComposeResult:
        icon, title, clock_space = super().compose()
        yield icon
        yield title
        yield Static(id="progress") if self.show_progress else clock_space

    def on_mount(self) -> None:
        self.call_after_refresh(self._set_tooltip)
        if self.show_progress:
            self.watch(self.app, "assessment", self._show_progress)

    def _set_tooltip(self) -> None:
        for icon in self.query("HeaderIcon"):
            icon.tooltip = ICON_TOOLTIP

    def _show_progress(self, assessment: Assessment | None) -> None:
        text = progress_text(progress(assessment)) if assessment is not None else ""
        self.query_one("#progress", Static).update(text)
        self.call_after_refresh(self._update_title)

    def on_resize(self) -> None:
        self._update_title()

    def _update_title(self) -> None:
        for title in self.query("HeaderTitle"):
            if isinstance(title, Static):
                title.update(self.format_title())

    def format_title(self) -> Content:
        """``company — file · state``; when that does not fit, the company is shortened."""
        title, sub_title = self.screen_title, self.screen_sub_title
        room = self.size.width - ICON_WIDTH
        if self.show_progress and self.is_mounted:
            room += ICON_WIDTH - NARROW_ICON_WIDTH
            room -= self.query_one("#progress", Static).outer_size.width
        needed = len(title) + len(" — ") + len(sub_title)
        if sub_title and self.size.width and needed > room:
            title = clip(title, max(room - len(" — ") - len(sub_title), SHORTEST_TITLE))
        return self.app.format_title(title, sub_title)
