"""Snapshot at 80x24: ticked and unticked elements, chosen and other answers, told apart by
their glyphs ([x]/[ ], ●/○), not by colour alone.

Regenerate after an intended change with
``pytest tests/tui/test_snapshots_access.py --snapshot-update`` and look at the SVG.
"""

from __future__ import annotations

from textual.pilot import Pilot

from trustone_tui.tui.app import TrustoneApp
from trustone_tui.tui.widgets.checklist import ElementBox

#: Element 1 ticked, 2 and 3 not, "Gedeeltelijk" chosen, in the demo.
QUESTION = "3.1.1"


async def show_the_elements(pilot: Pilot) -> None:
    app = pilot.app
    await pilot.pause()
    app.clear_notifications()
    app.jump_to(QUESTION)
    await pilot.pause()
    boxes = [box for box in app.screen.query(ElementBox) if box.display]
    boxes[1].focus()  # a visible focus, and the elements scrolled into view
    await pilot.pause()
    app.clear_notifications()
    await pilot.pause()


def test_ticks_are_distinguishable_without_colour_at_80x24(snap_compare, framework):
    assert snap_compare(
        TrustoneApp(framework, demo=True), terminal_size=(80, 24), run_before=show_the_elements
    )
