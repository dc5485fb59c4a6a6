"""The supply-chain register (ketenoverzicht): its flows in a table, edited by keyboard.

The six percentages and the category are shown at the top, the live score beside the table.
Every change replaces the app's session (through the typed host), so the score, the questions
fed by the register and the saved file follow at once. The screen computes nothing itself:
the figures come from :mod:`~trustone_tui.engine.sources`, each row's check from
:func:`~trustone_tui.registerfile.read.parse_flow` (the same Dutch words as a file's problems).
"""

from __future__ import annotations

import math
from dataclasses import replace
from enum import StrEnum
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Input, Label, Select, Static

from trustone_tui.answerfile.validate import MAX_REGISTER_FLOWS
from trustone_tui.engine.register import (
    INVOLVEMENTS,
    PERCENTAGE_QUESTIONS,
    RELATIONS,
    UNITS,
    Flow,
    Register,
    RegisterFigures,
    Unit,
)
from trustone_tui.engine.session import Session, profile_of
from trustone_tui.engine.sources import register_figures
from trustone_tui.framework.countries import Countries
from trustone_tui.registerfile.read import parse_flow
from trustone_tui.registerfile.write import flow_cells, quantity_text
from trustone_tui.text.plain import printable
from trustone_tui.text.register import (
    EMPTY_REGISTER,
    PERCENTAGE_LABELS,
    category_text,
    figure_text,
)
from trustone_tui.tui.host import trustone_app
from trustone_tui.tui.sizes import NARROW_BELOW
from trustone_tui.tui.widgets.score import ScorePanel
from trustone_tui.tui.widgets.titlebar import TitleBar
from trustone_tui.tui.widgets.toggles import TickBox

if TYPE_CHECKING:
    from trustone_tui.framework.bank import Framework


class RowFilter(StrEnum):
    """Which flows the table shows."""

    ALL = "alle ketens"
    UNKNOWN = "onbekende schakels"
    NO_OVERVIEW = "zonder risico-overzicht"
    OUTSIDE_EEA = "buiten de EER"


FILTERS = tuple(RowFilter)

#: The form's text fields: column, label.
TEXT_FIELDS = (
    ("steentype", "Steentype"),
    ("kleur", "Kleur"),
    ("hoeveelheid", "Hoeveelheid"),
    ("eerste_schakel", "Eerste schakel"),
    ("eerste_schakel_adres", "Adres eerste schakel"),
    ("eerste_schakel_land", "Land eerste schakel"),
    ("fabriek", "Fabriek"),
    ("fabriek_adres", "Adres fabriek"),
    ("fabriek_land", "Land fabriek"),
    ("groeve", "Groeve"),
    ("groeve_adres", "Adres groeve"),
    ("groeve_land", "Land groeve"),
)
CHECKBOXES = (
    ("circulair", "Circulair (hergebruikt materiaal)"),
    ("fabriek_risico_overzicht", "Risico-overzicht van de fabriek"),
    ("groeve_risico_overzicht", "Risico-overzicht van de groeve"),
)


#: The table's columns and their widths.
TABLE_COLUMNS = (
    ("Nr.", 5),
    ("Steentype", 12),
    ("Kleur", 8),
    ("Hoeveelheid", 11),
    ("Circ.", 5),
    ("Eerste schakel", 24),
    ("Fabriek", 24),
    ("Groeve", 24),
    ("Risico F/G", 10),
    ("Betrokkenheid", 13),
)


def visible_flows(register: Register, figures: RegisterFigures, shown: RowFilter) -> list[int]:
    """The 0-based positions of the flows the filter shows."""
    if shown is RowFilter.ALL:
        return list(range(len(register.flows)))
    if shown is RowFilter.UNKNOWN:
        numbers = set().union(*figures.unknown.values())
    elif shown is RowFilter.OUTSIDE_EEA:
        numbers = set(figures.category_flows)
    else:
        numbers = {
            n
            for n, flow in enumerate(register.flows, start=1)
            if not flow.circulair
            and not (flow.fabriek_risico_overzicht and flow.groeve_risico_overzicht)
        }
    return sorted(n - 1 for n in numbers)


def link_cell(name: str, address: str, land: str, circular: bool = False) -> str:
    """A link in one cell: its name and country, after ``?`` when its name or address is
    missing (the link is not known; a circular flow counts as known). The mark comes first so
    that a narrow column never cuts it off."""
    known = circular or bool(name.strip() and address.strip())
    return f"{'' if known else '? '}{name or '—'}{f' ({land})' if land else ''}"


def figures_text(figures: RegisterFigures, register: Register) -> Content:
    """The register's size, its six percentages and its category; for an empty register,
    how to start one (no figures: there is nothing to count, and no category to claim)."""
    if not register.flows:
        return Content.assemble(
            ("Ketenoverzicht", "bold $accent"), " · nog geen ketens\n", EMPTY_REGISTER
        )
    lines = [
        Content.assemble(
            ("Ketenoverzicht", "bold $accent"),
            " · ",
            (f"{figures.flows} ketens", "bold"),
            f" · {quantity_text(math.fsum(f.hoeveelheid for f in register.flows))} {register.unit}",
        )
    ]
    for qid in PERCENTAGE_QUESTIONS:
        lines.append(
            Content.assemble(
                (f"{qid:<7}", "bold"),
                f"{PERCENTAGE_LABELS[qid]}: ",
                (figure_text(figures.percentages[qid]), "bold"),
            )
        )
    rows = ", ".join(str(n) for n in figures.category_flows[:12])
    if len(figures.category_flows) > 12:
        rows += f" … (+{len(figures.category_flows) - 12})"
    lines.append(Content(category_text(figures, rows, noun="keten")))
    return Content("\n").join(lines)


def category_warning(figures: RegisterFigures, session: Session, framework: Framework) -> Content:
    """A warning when the profile's category differs from the register's; else nothing."""
    profile = profile_of(session.company, framework)
    if not session.register or not session.register.flows or profile.category == figures.category:
        return Content("")
    return Content.styled(
        f"Let op: het bedrijfsprofiel zegt categorie {profile.category}, het ketenoverzicht "
        f"{figures.category}. Het profiel blijft zoals het is; pas het aan met b in het interview.",
        "$text-warning",
    )


class RegisterScreen(Screen[None]):
    """The flows of the session's register: add (a), edit (Enter), delete (Delete), filter (f)."""

    BINDINGS = [
        Binding("escape", "close", "Terug"),
        Binding("a", "add", "Toevoegen"),
        Binding("e", "edit", "Bewerken"),  # and Enter on a row
        Binding("delete,d", "delete", "Verwijderen"),
        Binding("f", "next_filter", "Filter"),
    ]

    DEFAULT_CSS = """
    RegisterScreen #register-main { height: 1fr; }
    RegisterScreen #register-left { width: 1fr; height: 1fr; }
    RegisterScreen #register-figures { height: auto; padding: 0 1; }
    RegisterScreen #register-warning { height: auto; padding: 0 1; }
    RegisterScreen #register-filter { height: auto; padding: 0 1; color: $text-muted; }
    RegisterScreen #register-table { height: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.row_filter = RowFilter.ALL
        #: The flow positions shown, in table order.
        self._shown: list[int] = []
        #: The flows and rows the table shows now (None before it is first filled).
        self._table_flows: tuple[Flow, ...] | None = None
        self._table_rows: list[int] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="register-main"):
            with Vertical(id="register-left"):
                yield Static(id="register-figures")
                yield Static(id="register-warning")
                yield Static(id="register-filter")
                yield DataTable(id="register-table", cursor_type="row", zebra_stripes=True)
            yield ScorePanel(trustone_app(self).framework, id="score")
        yield Footer()

    def on_resize(self, event: Resize) -> None:
        """Below 100 columns the score panel becomes a compact line on top (app.tcss)."""
        self.set_class(event.size.width < NARROW_BELOW, "-narrow")

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < NARROW_BELOW, "-narrow")
        table = self.query_one(DataTable)
        # Fixed widths: measuring every cell for its width took seconds for 5,000 flows, at
        # every change; a longer value is cut off here and shown whole in the edit form.
        self._columns = [table.add_column(label, width=width) for label, width in TABLE_COLUMNS]
        self.watch(self.app, "assessment", self._assessment_changed)
        table.focus()

    # ------------------------------------------------------------------ state

    @property
    def session(self) -> Session:
        session = trustone_app(self).session
        assert session is not None
        return session

    @property
    def register(self) -> Register:
        """The session's register; an empty one in square metres when it has none yet."""
        return self.session.register or Register("m2")

    def _assessment_changed(self) -> None:
        app = trustone_app(self)
        if app.session is None or app.assessment is None:
            return
        self.query_one(ScorePanel).show(app.assessment)
        self.show_register()

    def show_register(self) -> None:
        """Repaint the figures and the table from the session's register."""
        app = trustone_app(self)
        register = self.register
        figures = register_figures(register, app.framework.countries)
        self.query_one("#register-figures", Static).update(figures_text(figures, register))
        self.query_one("#register-warning", Static).update(
            category_warning(figures, self.session, app.framework)
        )
        self._shown = visible_flows(register, figures, self.row_filter)
        shown = len(self._shown)
        self.query_one("#register-filter", Static).update(
            f"Filter (f): {self.row_filter.value} · {shown} van {len(register.flows)} ketens"
            + ("" if register.flows else " · druk op a om een keten toe te voegen")
        )
        self._show_rows(register.flows, self._shown)

    def _show_rows(self, flows: tuple[Flow, ...], shown: list[int]) -> None:
        """Bring the table to ``shown`` rows of ``flows``, touching only what changed.

        An edit changes one row's cells and an added flow adds one row; anything else (a
        deletion, another filter) fills the table again. (Filling it with 5,000 flows takes
        seconds; a row's cells take milliseconds.)
        """
        table = self.query_one(DataTable)
        before, rows_before = self._table_flows, self._table_rows
        self._table_flows, self._table_rows = flows, list(shown)
        if before is not None and len(before) == len(flows) and rows_before == shown:
            for index in (i for i in shown if before[i] is not flows[i]):
                cells = self._cells(index + 1, flows[index])
                for column, value in zip(self._columns, cells, strict=True):
                    table.update_cell(str(index), column, value)
            return
        added = len(flows) - 1
        if before is not None and len(before) == added and shown == [*rows_before, added]:
            table.add_row(*self._cells(added + 1, flows[added]), key=str(added))
            table.move_cursor(row=len(shown) - 1)
            return
        cursor = table.cursor_row
        table.clear()
        for index in shown:
            table.add_row(*self._cells(index + 1, flows[index]), key=str(index))
        if shown:
            table.move_cursor(row=min(cursor, len(shown) - 1))

    @staticmethod
    def _cells(number: int, flow: Flow) -> tuple[str, ...]:
        """A flow's row; a control character in its text shown as :func:`printable` does."""
        cells = (
            str(number),
            flow.steentype,
            flow.kleur,
            quantity_text(flow.hoeveelheid),
            "ja" if flow.circulair else "",
            link_cell(
                flow.eerste_schakel,
                flow.eerste_schakel_adres,
                flow.eerste_schakel_land,
                flow.circulair,
            ),
            link_cell(flow.fabriek, flow.fabriek_adres, flow.fabriek_land, flow.circulair),
            link_cell(flow.groeve, flow.groeve_adres, flow.groeve_land, flow.circulair),
            f"{'ja' if flow.fabriek_risico_overzicht else 'nee'}/"
            f"{'ja' if flow.groeve_risico_overzicht else 'nee'}",
            flow.betrokkenheid or "",
        )
        if printable(joined := "\n".join(cells)) == joined:  # one look per row, not per cell
            return cells
        return tuple(map(printable, cells))

    def selected_index(self) -> int | None:
        """The 0-based position of the flow under the cursor, or None."""
        table = self.query_one(DataTable)
        if not self._shown or table.cursor_row < 0:
            return None
        return self._shown[min(table.cursor_row, len(self._shown) - 1)]

    def save(self, flows: tuple[Flow, ...], unit: Unit) -> None:
        """Replace the session's register: the app scores it again and saves it."""
        trustone_app(self).update_session(replace(self.session, register=Register(unit, flows)))

    # ------------------------------------------------------------------ actions

    def action_close(self) -> None:
        self.dismiss(None)

    def action_next_filter(self) -> None:
        self.row_filter = FILTERS[(FILTERS.index(self.row_filter) + 1) % len(FILTERS)]
        self.show_register()

    def action_add(self) -> None:
        if len(self.register.flows) >= MAX_REGISTER_FLOWS:
            most = f"{MAX_REGISTER_FLOWS:,}".replace(",", ".")
            self.notify(
                f"Het ketenoverzicht heeft al {most} ketens, het meeste dat een sessiebestand "
                "bewaart. Voeg ketens van dezelfde steensoort en schakels samen, of houd het "
                "volledige overzicht in een CSV- of XLSX-bestand (trustone register check).",
                title="Geen ketens meer",
                severity="warning",
            )
            return
        self._edit(None)

    def action_edit(self) -> None:
        index = self.selected_index()
        if index is not None:
            self._edit(index)

    @on(DataTable.RowSelected)
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_delete(self) -> None:
        index = self.selected_index()
        if index is None:
            return
        register = self.register
        flow = register.flows[index]
        self.save(register.flows[:index] + register.flows[index + 1 :], register.unit)
        self.notify(f"Keten {index + 1} ({flow.steentype}) verwijderd.")

    def _edit(self, index: int | None) -> None:
        register = self.register
        others = len(register.flows) - (0 if index is None else 1)
        flow = None if index is None else register.flows[index]

        def done(edited: Flow | None) -> None:
            if edited is None:
                return
            current = self.register
            if index is None:
                flows = (*current.flows, edited)
            else:
                flows = (*current.flows[:index], edited, *current.flows[index + 1 :])
            self.save(flows, edited.eenheid)

        self.app.push_screen(
            FlowForm(
                flow, register.unit if others else None, trustone_app(self).framework.countries
            ),
            done,
        )


class FlowForm(ModalScreen[Flow | None]):
    """One flow's fields; Opslaan checks them like a file's row and names each problem."""

    BINDINGS = [Binding("escape", "cancel", "Annuleren"), Binding("ctrl+s", "save", "Opslaan")]

    DEFAULT_CSS = """
    FlowForm { align: center middle; }
    FlowForm #flow-form { width: 90; max-width: 100%; height: 90%; border: thick $primary;
        background: $surface; padding: 0 1; }
    FlowForm #flow-fields { height: 1fr; }
    FlowForm .flow-row { height: auto; }
    FlowForm .flow-row Label { width: 24; padding: 1 1 0 0; }
    FlowForm .flow-row Input, FlowForm .flow-row Select { width: 1fr; }
    FlowForm .flow-problem { color: $text-error; padding-left: 24; height: auto; }
    FlowForm #flow-problems { color: $text-error; height: auto; }
    FlowForm #flow-buttons { height: auto; align-horizontal: right; }
    """

    def __init__(self, flow: Flow | None, unit: Unit | None, countries: Countries) -> None:
        super().__init__()
        self.flow = flow
        #: The register's unit when other flows share it (then it cannot change here).
        self.unit = unit
        self.countries = countries

    def compose(self) -> ComposeResult:
        cells = flow_cells(self.flow) if self.flow else {}
        title = "Nieuwe keten" if self.flow is None else f"Keten: {printable(self.flow.steentype)}"
        with Vertical(id="flow-form"):
            yield Static(Content.styled(title, "bold"))
            with VerticalScroll(id="flow-fields"):
                for column, label in TEXT_FIELDS:
                    with Horizontal(classes="flow-row"):
                        yield Label(label)
                        # A control character is shown as its escape (saved as that text).
                        value = printable(cells.get(column, ""))
                        yield Input(value, id=f"field-{column}", compact=True)
                    yield Static(classes="flow-problem", id=f"problem-{column}")
                with Horizontal(classes="flow-row"):
                    yield Label("Eenheid")
                    unit = self.unit or (self.flow.eenheid if self.flow else "m2")
                    yield Select(
                        [(u, u) for u in UNITS],
                        value=unit,
                        allow_blank=False,
                        id="field-eenheid",
                        disabled=self.unit is not None,
                        compact=True,
                    )
                yield Static(classes="flow-problem", id="problem-eenheid")
                with Horizontal(classes="flow-row"):
                    yield Label("Relatie met fabriek")
                    yield Select(
                        [(r, r) for r in RELATIONS],
                        value=self.flow.fabriek_relatie
                        if self.flow and self.flow.fabriek_relatie
                        else Select.NULL,
                        prompt="(niet ingevuld)",
                        id="field-fabriek_relatie",
                        compact=True,
                    )
                with Horizontal(classes="flow-row"):
                    yield Label("Betrokkenheid")
                    yield Select(
                        [(i, i) for i in INVOLVEMENTS],
                        value=self.flow.betrokkenheid
                        if self.flow and self.flow.betrokkenheid
                        else Select.NULL,
                        prompt="(niet beschreven)",
                        id="field-betrokkenheid",
                        compact=True,
                    )
                for column, label in CHECKBOXES:
                    yield TickBox(
                        label, bool(self.flow and getattr(self.flow, column)), id=f"field-{column}"
                    )
            yield Static(id="flow-problems")
            with Horizontal(id="flow-buttons"):
                yield Button("Opslaan (Ctrl+S)", variant="primary", id="flow-save")
                yield Button("Annuleren", id="flow-cancel")

    def on_mount(self) -> None:
        self.query_one("#field-steentype", Input).focus()

    def cells(self) -> dict[str, str]:
        """The form's fields as the register's cells (text, ja/nee)."""
        cells = {
            column: self.query_one(f"#field-{column}", Input).value for column, _ in TEXT_FIELDS
        }
        for column in ("eenheid", "fabriek_relatie", "betrokkenheid"):
            value = self.query_one(f"#field-{column}", Select).value
            cells[column] = "" if value is Select.NULL else str(value)
        for column, _ in CHECKBOXES:
            cells[column] = "ja" if self.query_one(f"#field-{column}", TickBox).value else "nee"
        return cells

    def action_save(self) -> None:
        flow, problems = parse_flow(self.cells(), self.countries, self.unit)
        for column, _ in (*TEXT_FIELDS, ("eenheid", "")):
            problem = problems.get(column, "")
            self.query_one(f"#problem-{column}", Static).update(problem)
        summary = self.query_one("#flow-problems", Static)
        if flow is None:
            summary.update(
                f"{len(problems)} veld(en) kloppen nog niet; zie de meldingen hierboven."
            )
            first = next(iter(problems))
            if first in dict(TEXT_FIELDS):
                self.query_one(f"#field-{first}", Input).focus()
            return
        summary.update("")
        self.dismiss(flow)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#flow-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#flow-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        """Check the field as it is typed: its problem shows (or goes) under it at once."""
        column = (event.input.id or "").removeprefix("field-")
        if column not in dict(TEXT_FIELDS) or not self.is_mounted:
            return
        _, problems = parse_flow(self.cells(), self.countries, self.unit)
        problem = self.query_one(f"#problem-{column}", Static)
        message = problems.get(column, "")
        # A new flow's empty fields are not reported until it is saved.
        if message and not event.value and self.flow is None:
            message = ""
        problem.update(message)
