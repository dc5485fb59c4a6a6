"""Cheap updates: repaint without a new layout when a height stays, restyle once per change.

``Static.update`` asks for a layout of the whole screen by default, which costs more than
everything else an answer key does. The score panel and the answer parts change text, not
height, on almost every key press, so they only need a repaint.
"""

from __future__ import annotations

from textual.content import Content
from textual.dom import DOMNode
from textual.visual import VisualType
from textual.widgets import Static


def set_content(static: Static, content: VisualType) -> None:
    """Show ``content``; lay the screen out again only when the widget's height changes."""
    if isinstance(content, str | Content) and static.content == content:
        return
    region = static.content_region
    if not static.display or region.width <= 0:
        # Not shown (or not laid out yet): showing it, or its first layout, lays it out.
        static.update(content, layout=False)
        return
    static.update(content, layout=False)
    height = static.get_content_height(static.container_size, static.app.size, region.width)
    if height != region.height:
        static.refresh(layout=True)


def apply_classes(node: DOMNode, wanted: dict[str, bool]) -> None:
    """Add and remove several classes with one restyle (``set_class`` restyles per class)."""
    classes = set(node.classes)
    classes |= {name for name, on in wanted.items() if on}
    classes -= {name for name, on in wanted.items() if not on}
    if classes != set(node.classes):
        node.set_classes(classes)
