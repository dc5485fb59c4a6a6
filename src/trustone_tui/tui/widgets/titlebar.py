"""The title bar at the top of every screen: Textual's ``Header`` with the app's icon.

It shows the app's title (the company) and subtitle (the file and its save state); a click
on the icon opens the command palette.
"""

from __future__ import annotations

from textual.widgets import Header

ICON = "◆"


class TitleBar(Header):
    """The stock Header, with :data:`ICON` and no clock."""

    def __init__(self) -> None:
        super().__init__(icon=ICON)
