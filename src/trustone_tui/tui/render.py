"""Turn framework text and engine results into Textual content (no state, no I/O).

Guidance and criteria are laid out by :class:`Blocks`, a small Textual ``Visual``: paragraphs,
and rows of cells of which one column wraps (hanging indents for lists, the criteria's
answer / text / mark columns). It replaced Rich tables, which Textual renders in full each
time it only needs their height; that cost about 8 ms of the interview's start-up
(``docs/performance.md``). A ``Blocks`` keeps its lines for the last width it was laid out at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from trustone_tui.framework.model import CriteriaVariant
from trustone_tui.text import formatting

_LIST_ITEM = re.compile(r"^(\d+\.|[•−]|[a-c]\)|[A-C]\.)\s+(.*)$")

#: A block's column widths: a number of cells, or ``None`` for the one column that takes the
#: rest of the width and wraps.
Widths = tuple[int | None, ...]
#: One block: its column widths, the cells of each row, and the cells left free before it.
Block = tuple[Widths, Sequence[tuple[Content, ...]], int]


class Blocks(Visual):
    """Blocks one below the other (``blank`` lines apart), each a set of rows whose cells sit
    in columns; the flexible column's text wraps, other cells take one line."""

    def __init__(self, blocks: Sequence[Block], *, gap: int = 1, blank: int = 1) -> None:
        self.blocks = tuple(blocks)
        self.gap = gap
        self.blank = blank
        self._laid_out: tuple[int, list[Content]] = (-1, [])

    def lines(self, width: int) -> list[Content]:
        """The lines at ``width`` cells (kept for the last width asked)."""
        if self._laid_out[0] != width:
            self._laid_out = (width, self._lay_out(max(width, 1)))
        return self._laid_out[1]

    def _lay_out(self, width: int) -> list[Content]:
        out: list[Content] = []
        for number, (widths, rows, indent) in enumerate(self.blocks):
            if number:
                out.extend([Content("")] * self.blank)
            fixed = sum(w for w in widths if w is not None) + self.gap * (len(widths) - 1)
            flexible = max(1, width - indent - fixed)
            for row in rows:
                columns = [
                    cell.wrap(flexible) if size is None else [cell]
                    for cell, size in zip(row, widths, strict=True)
                ]
                for y in range(max(map(len, columns))):
                    parts = [Content(" " * indent)] if indent else []
                    for x, (column, size) in enumerate(zip(columns, widths, strict=True)):
                        cell = column[y] if y < len(column) else Content("")
                        if x < len(widths) - 1:  # pad all but the last cell to its column
                            cell = cell.pad_right((size or flexible) - cell.cell_length)
                            cell = cell + " " * self.gap
                        parts.append(cell)
                    out.append(Content.assemble(*parts).rstrip())
        return out

    def __str__(self) -> str:
        return "\n".join(line.plain for line in self.lines(80))

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        lines = self.lines(width)
        if height is not None:
            lines = lines[:height]
        # Every line fits the width: Content renders them (styles, theme variables) unwrapped.
        return Content("\n").join(lines).render_strips(width, None, style, options)


@lru_cache(maxsize=128)
def guidance(text: str) -> Blocks:
    """Paragraphs and lists with hanging indents; cached per text (guidance never changes)."""
    blocks: list[Block] = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        items = [_LIST_ITEM.match(line) for line in lines]
        if all(items):
            markers = ["–" if m.group(1) == "−" else m.group(1) for m in items if m]
            width = max(len(marker) for marker in markers)
            rows = [
                (Content.styled(marker, "bold"), Content(m.group(2)))
                for marker, m in zip(markers, items, strict=True)
                if m
            ]
            blocks.append(((width, None), rows, 1))
        else:
            blocks.append(((None,), [(Content(block),)], 0))
    return Blocks(blocks)


@lru_cache(maxsize=8)
def tools(resources: tuple[tuple[str, tuple[str, ...]], ...]) -> Blocks:
    """The step's tools: each heading in bold, its items as a bulleted list with hanging
    indents (a blank line first, to part them from the guidance above)."""
    blocks: list[Block] = [((None,), [(Content(""),)], 0)]
    for heading, items in resources:
        blocks.append(((None,), [(Content.styled(heading, "bold"),)], 0))
        blocks.append(((1, None), [(Content("•"), Content(item)) for item in items], 1))
    return Blocks(blocks, blank=0)


ANSWER_ROWS = (("nee", "Nee"), ("gedeeltelijk", "Gedeeltelijk"), ("ja", "Ja"))
#: The criteria's answer column (`` Gedeeltelijk ``) and mark column (``◇ suggestie``).
ANSWER_WIDTH, MARK_WIDTH = 14, 11


def criteria_table(variant: CriteriaVariant, chosen: str | None, suggested: str | None) -> Blocks:
    """The Nee / Gedeeltelijk / Ja criteria of one variant, the chosen answer highlighted.

    The answer and mark columns have fixed widths, so marking an answer never re-wraps the
    criteria (and never changes the table's height).
    """
    rows = []
    for key, label in ANSWER_ROWS:
        marks = []
        if key == chosen:
            marks.append("◀ gekozen")
        if key == suggested and key != chosen:
            marks.append("◇ suggestie")
        rows.append(
            (
                Content.styled(f" {label} ", "bold reverse" if key == chosen else ""),
                Content(getattr(variant, key) or ""),
                Content.styled(" ".join(marks), "italic"),
            )
        )
    return Blocks([((ANSWER_WIDTH, None, MARK_WIDTH), rows, 0)])


def band_table(variant: CriteriaVariant, percentage: float | None) -> Content:
    """A band table with the band of ``percentage`` highlighted."""
    labels = [f" {band.label} " for band in variant.bands]
    points = [formatting.points_count(band.points) for band in variant.bands]
    label_width, points_width = max(map(len, labels)), max(map(len, points))
    lines = []
    for band, label, earned in zip(variant.bands, labels, points, strict=True):
        hit = percentage is not None and band.contains(percentage)
        lines.append(
            Content.assemble(
                (label, "bold reverse" if hit else ""),
                " " * (label_width - len(label) + 2),
                earned.rjust(points_width),
                ("  ◀" if hit else "", "bold"),
            )
        )
    return Content("\n").join(lines)


def bar(points: float, maximum: float, width: int) -> Content:
    """A text bar: ``█████░░░░░``, filled in proportion to points/maximum."""
    filled = 0 if maximum <= 0 else round(width * min(points, maximum) / maximum)
    return Content.assemble(("█" * filled, "$success"), ("░" * (width - filled), "$foreground 30%"))
