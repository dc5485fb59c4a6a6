"""The title bar at the top of every screen: the company, the file and its save state.

Textual's ``Header`` is four widgets (icon, title, clock space, the bar) and sets its title
a frame after the screen first shows. This bar is one widget that renders the same line
itself, complete in the first frame, and repaints when the app's title or subtitle changes.
It saved about 10 ms of the interview's start-up (``docs/performance.md``). Like the Header,
a click on the icon opens the command palette.
"""

from __future__ import annotations

from textual import events
from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

ICON = "◆"
#: Cells kept free left (for the icon) and right of the centred title, as the Header does.
LEFT, RIGHT = 8, 10


class TitleBar(Widget, can_focus=False):
    """``◆   Company — file · state``, centred; click ◆ for the command palette."""

    ALLOW_SELECT = False

    COMPONENT_CLASSES = {"title-bar--icon-hover"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._icon_hover = False

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._retitle, init=False)
        self.watch(self.app, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> RenderResult:
        width = self.size.width
        icon = Content(f" {ICON}").pad_right(LEFT - 2)
        if self._icon_hover:
            icon = icon.stylize(self.get_visual_style("title-bar--icon-hover", partial=True))
        room = max(0, width - LEFT - RIGHT)
        title = self.app.format_title(self.app.title, self.app.sub_title)
        title = title.truncate(room, ellipsis=True)
        left = (room - title.cell_length) // 2
        return Content.assemble(icon, title.pad(left, room - title.cell_length - left), " " * RIGHT)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        over_icon = event.x < LEFT
        if over_icon != self._icon_hover:
            self._icon_hover = over_icon
            self.refresh()

    def on_leave(self) -> None:
        if self._icon_hover:
            self._icon_hover = False
            self.refresh()

    async def on_click(self, event: events.Click) -> None:
        if event.x < LEFT and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
