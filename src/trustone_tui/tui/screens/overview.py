"""The secretariat's overview: every answer file of a folder as one table.

The files are read and scored in a worker thread (:func:`~trustone_tui.report.overview.
load_overview`); the table can be sorted by any column (``s`` moves the sort to the next column,
``S`` reverses it) and filtered by level; Enter opens the session. The summary's aggregates
(companies per level, average per step, most often Nee) are below the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Select, Static

from trustone_tui.report.overview import (
    ALL_LEVELS,
    Overview,
    OverviewError,
    OverviewRow,
    filtered,
    load_overview,
)
from trustone_tui.report.summaryformat import SHORT_SIZES, aggregate_lines
from trustone_tui.text import formatting
from trustone_tui.text.plain import printable
from trustone_tui.tui.host import trustone_app
from trustone_tui.tui.widgets.titlebar import TitleBar


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    cell: Callable[[OverviewRow], str]
    #: What the column sorts by (None values last).
    sort_key: Callable[[OverviewRow], Any]
    right: bool = False


def _date(row: OverviewRow) -> str:
    return row.date.strftime("%d-%m-%Y") if row.date else "—"


def _next(row: OverviewRow) -> str:
    return row.needs or "hoogste niveau"


COLUMNS: tuple[Column, ...] = (
    Column("Bedrijf", lambda r: printable(r.company), lambda r: r.company.casefold()),
    Column("Cat.", lambda r: r.category, lambda r: r.category),
    Column("Omvang", lambda r: SHORT_SIZES[r.size], lambda r: SHORT_SIZES[r.size]),
    Column("Niveau", lambda r: r.level_label, lambda r: r.level_rank),
    Column(
        "Punten",
        lambda r: f"{formatting.points(r.points)} / {formatting.points(r.max_points)}",
        lambda r: r.points,
        right=True,
    ),
    Column("%", lambda r: formatting.percent(r.percentage), lambda r: r.percentage, right=True),
    Column("Beoordeeld", _date, lambda r: (r.date is None, r.date or dt.date.min)),
    Column("Vervolg", lambda r: str(r.follow_ups), lambda r: r.follow_ups, right=True),
    Column(
        "Acties te laat",
        lambda r: f"{r.overdue_actions} van {r.open_actions}" if r.open_actions else "—",
        lambda r: (r.overdue_actions, r.open_actions),
        right=True,
    ),
    # Last: the longest text, so the short columns stay in view on a narrow terminal.
    Column("Volgend niveau", _next, lambda r: (r.next_level is None, r.needs)),
)


class OverviewScreen(Screen[None]):
    """Every answer file of ``folder``; Enter opens the highlighted one."""

    BINDINGS = [
        Binding("escape", "close", "Terug"),
        Binding("s", "sort_next", "Sorteren"),
        Binding("S", "sort_reverse", "Omkeren"),
        Binding("n", "filter_level", "Niveaufilter"),
        Binding("a", "toggle_years", "Alle jaren"),
        Binding("r", "reload", "Vernieuwen"),
    ]

    def __init__(self, folder: Path, today: dt.date | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.today = today or dt.date.today()
        self.overview: Overview | None = None
        self.sort_column = 0
        self.sort_reverse = False
        self.level = ALL_LEVELS
        #: Every year of each company, not only its latest assessment.
        self.all_years = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="overview-where")
        with Horizontal(id="overview-filter"):
            yield Label("Niveau:", id="overview-filter-label")
            yield Select[str](
                [("alle niveaus", ALL_LEVELS)],
                value=ALL_LEVELS,
                allow_blank=False,
                id="overview-level",
            )
            yield Static(id="overview-sorted")
        yield DataTable(id="overview-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="overview-aggregates"):
            yield Static(id="overview-totals")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.query_one("#overview-where", Static).update(f"{self.folder}: bestanden lezen…")
        # Read once the screen is painted: a worker started during the first layout competes
        # with it for the interpreter and made both several times slower.
        self.call_after_refresh(self.action_reload)

    def on_screen_resume(self) -> None:
        if self.overview is not None:  # a session opened from here may have changed
            self.action_reload()

    def action_reload(self) -> None:
        self.query_one("#overview-where", Static).update(f"{self.folder}: bestanden lezen…")
        self._load()

    @work(thread=True, exclusive=True, group="overview", exit_on_error=False)
    def _load(self) -> None:
        app = trustone_app(self)
        try:
            overview = load_overview(self.folder, app.framework, self.today, self.all_years)
        except OverviewError as exc:
            self.app.call_from_thread(self._show_problem, str(exc))
            return
        self.app.call_from_thread(self._show, overview)

    def _show_problem(self, line: str) -> None:
        self.query_one("#overview-where", Static).update(f"⚠ {line}")

    def _show(self, overview: Overview) -> None:
        self.overview = overview
        files, rows = overview.files, len(overview.rows)
        where = f"{overview.folder}: {files} {'bestand' if files == 1 else 'bestanden'}"
        if overview.all_years:
            where += ", elk jaar van elk bedrijf (a: alleen het laatste)"
        elif rows < files:
            where += f", {rows} {'bedrijf' if rows == 1 else 'bedrijven'} (laatste beoordeling"
            if overview.earlier_years:
                where += f"; a: ook de {overview.earlier_years} eerdere"
            where += ")"
        if overview.failed:
            where += f", {len(overview.failed)} niet ingelezen (zie onder de tabel)"
        self.query_one("#overview-where", Static).update(printable(where))
        levels = overview.levels()
        if self.level not in (ALL_LEVELS, *levels):
            self.level = ALL_LEVELS
        select = self.query_one("#overview-level", Select)
        with select.prevent(Select.Changed):
            select.set_options([("alle niveaus", ALL_LEVELS), *((lv, lv) for lv in levels)])
            select.value = self.level
        self._fill_table()
        lines = aggregate_lines(overview.summary) if overview.rows else []
        if overview.failed:
            lines += ["", f"Niet ingelezen ({len(overview.failed)})"]
            lines += [f"  {Path(f.file).name}: {f.error}" for f in overview.failed]
        if overview.duplicates:
            lines += ["", f"Dubbele bestanden ({len(overview.duplicates)})"]
            lines += [
                f"  {d.company} {d.year or 'zonder datum'}: gebruikt {Path(d.used).name}, "
                f"niet {', '.join(Path(f).name for f in d.ignored)}"
                for d in overview.duplicates
            ]
        if not overview.rows and not overview.failed:
            lines = ["Geen antwoordbestanden (*.toml) in deze map."]
        self.query_one("#overview-totals", Static).update(printable("\n".join(lines)))

    def _fill_table(self) -> None:
        if self.overview is None:
            return
        table = self.query_one(DataTable)
        highlighted = self.highlighted_path()
        table.clear(columns=True)
        for index, column in enumerate(COLUMNS):
            mark = ""
            if index == self.sort_column:
                mark = " ▼" if self.sort_reverse else " ▲"
            table.add_column(column.label + mark, key=str(index))
        column = COLUMNS[self.sort_column]
        rows = sorted(
            filtered(self.overview.rows, self.level),
            key=column.sort_key,
            reverse=self.sort_reverse,
        )
        for row in rows:
            cells = [c.cell(row) for c in COLUMNS]
            table.add_row(*cells, key=str(row.path))
        if highlighted is not None and str(highlighted) in {str(r.path) for r in rows}:
            table.move_cursor(row=table.get_row_index(str(highlighted)))
        arrow = "▼ aflopend" if self.sort_reverse else "▲ oplopend"
        shown = f"{len(rows)} van {len(self.overview.rows)}"
        self.query_one("#overview-sorted", Static).update(
            f"  {shown} getoond, op {column.label} {arrow}"
        )

    def highlighted_path(self) -> Path | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return Path(str(key.value))

    def action_sort_next(self) -> None:
        self.sort_column = (self.sort_column + 1) % len(COLUMNS)
        self.sort_reverse = False
        self._fill_table()

    def action_sort_reverse(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self._fill_table()

    @on(DataTable.HeaderSelected)
    def _header_chosen(self, event: DataTable.HeaderSelected) -> None:
        index = int(str(event.column_key.value))
        if index == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = index, False
        self._fill_table()

    def action_toggle_years(self) -> None:
        self.all_years = not self.all_years
        self.action_reload()

    def action_filter_level(self) -> None:
        self.query_one("#overview-level", Select).focus()

    @on(Select.Changed, "#overview-level")
    def _level_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.level = event.value
            self._fill_table()

    @on(DataTable.RowSelected)
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        trustone_app(self).open_file(Path(str(event.row_key.value)))

    def action_close(self) -> None:
        self.dismiss(None)
