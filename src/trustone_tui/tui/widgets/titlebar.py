"""The title bar at the top of every screen: the company, the file and its save state.

Textual's ``Header`` is four widgets (icon, title, clock space, the bar) and sets its title
a frame after the screen first shows. This bar is one widget that renders the same line
itself, complete in the first frame, and repaints when the app's title or subtitle changes.
It saved about 10 ms of the interview's start-up (``docs/performance.md``). Like the Header,
a click on the icon opens the command palette.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import RenderResult
from textual.content import Content

from trustone_tui.tui.widgets.parts import Part, PartsWidget

ICON = "◆"
#: Cells kept free left (for the icon) and right of the centred title, as the Header does.
LEFT, RIGHT = 8, 10


class TitleBar(PartsWidget):
    """``◆   Company — file · state``, centred; click ◆ for the command palette."""

    COMPONENT_CLASSES = {"title-bar--icon-hover"}

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._retitle, init=False)
        self.watch(self.app, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> RenderResult:
        width = self.size.width
        icon = Content(f" {ICON}").pad_right(LEFT - 2)
        self.parts = [Part(0, LEFT, "palette")] if self.app.ENABLE_COMMAND_PALETTE else []
        if self.hover == "palette":
            icon = icon.stylize(self.get_visual_style("title-bar--icon-hover"))
        room = max(0, width - LEFT - RIGHT)
        title = self.app.format_title(self.app.title, self.app.sub_title)
        title = title.truncate(room, ellipsis=True)
        left = (room - title.cell_length) // 2
        return Content.assemble(icon, title.pad(left, room - title.cell_length - left), " " * RIGHT)

    def part_clicked(self, target: Hashable) -> None:
        self.app.action_command_palette()
