"""Turn framework text and engine results into Rich/Textual renderables (no state, no I/O)."""

from __future__ import annotations

import re
from functools import lru_cache

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.content import Content

from trustone_tui import formatting
from trustone_tui.framework.model import CriteriaVariant

_LIST_ITEM = re.compile(r"^(\d+\.|[•−]|[a-c]\)|[A-C]\.)\s+(.*)$")


@lru_cache(maxsize=128)
def guidance(text: str) -> RenderableType:
    """Paragraphs and lists with hanging indents; cached per text (guidance never changes)."""
    parts: list[RenderableType] = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        items = [_LIST_ITEM.match(line) for line in lines]
        if all(items):
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True, style="bold")
            grid.add_column(ratio=1)
            for match in items:
                assert match is not None
                marker = "–" if match.group(1) == "−" else match.group(1)
                grid.add_row(marker, match.group(2))
            parts.append(Padding(grid, (0, 0, 0, 1)))
        else:
            parts.append(Text(block))
        parts.append(Text(""))
    return Group(*parts[:-1])


ANSWER_ROWS = (("nee", "Nee"), ("gedeeltelijk", "Gedeeltelijk"), ("ja", "Ja"))


def criteria_table(
    variant: CriteriaVariant, chosen: str | None, suggested: str | None
) -> RenderableType:
    """The Nee / Gedeeltelijk / Ja criteria of one variant, the chosen answer highlighted."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, min_width=13)
    grid.add_column(ratio=1)
    # Fixed width, so marking an answer never re-wraps the criteria (and changes the height).
    grid.add_column(no_wrap=True, width=12)
    for key, label in ANSWER_ROWS:
        text = getattr(variant, key) or ""
        marks = []
        if key == chosen:
            marks.append("◀ gekozen")
        if key == suggested and key != chosen:
            marks.append("◇ suggestie")
        style = "bold reverse" if key == chosen else ""
        grid.add_row(Text(f" {label} ", style=style), Text(text), Text(" ".join(marks), "italic"))
    return grid


def band_table(variant: CriteriaVariant, percentage: float | None) -> RenderableType:
    """A band table with the band of ``percentage`` highlighted."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(no_wrap=True)
    for band in variant.bands:
        hit = percentage is not None and band.contains(percentage)
        style = "bold reverse" if hit else ""
        grid.add_row(
            Text(f" {band.label} ", style=style),
            Text(f"{formatting.points(band.points)} punten"),
            Text("◀" if hit else "", "bold"),
        )
    return grid


def bar(points: float, maximum: float, width: int) -> Content:
    """A text bar: ``█████░░░░░``, filled in proportion to points/maximum."""
    filled = 0 if maximum <= 0 else round(width * min(points, maximum) / maximum)
    return Content.assemble(("█" * filled, "$success"), ("░" * (width - filled), "$foreground 30%"))
