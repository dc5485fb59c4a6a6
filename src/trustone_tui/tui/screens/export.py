"""Export dialog: pick a report format and a file name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from trustone_tui.report import SUFFIXES, ReportFormat
from trustone_tui.tui.screens.dialogs import PathSuggester

#: The choices in the order shown; the first is the default.
FORMAT_LABELS: dict[ReportFormat, str] = {
    "html": "HTML-rapport (print op A4)",
    "md": "Markdown-rapport",
    "csv": "CSV voor Excel (één rij per vraag)",
    "json": "JSON (gegevens)",
}


@dataclass(frozen=True, slots=True)
class ExportRequest:
    fmt: ReportFormat
    path: Path


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Returns the chosen format and path, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Annuleren")]

    def __init__(self, default_path: Path) -> None:
        """``default_path`` is the suggested HTML file (the default format)."""
        super().__init__(classes="dialog")
        self.default_path = default_path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static("Rapport exporteren", classes="dialog-title")
            with RadioSet(id="export-format"):
                for index, fmt in enumerate(FORMAT_LABELS):
                    yield RadioButton(FORMAT_LABELS[fmt], value=index == 0, id=f"fmt-{fmt}")
            yield Static("Bestand:", classes="form-label")
            yield Input(str(self.default_path), id="export-path", suggester=PathSuggester())
            yield Static(
                "Een bestaand rapport wordt vervangen; het antwoordbestand zelf nooit.",
                classes="dialog-hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Exporteren", variant="primary", id="ok")
                yield Button("Annuleren", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def _format(self) -> ReportFormat:
        index = self.query_one("#export-format", RadioSet).pressed_index
        return list(FORMAT_LABELS)[max(index, 0)]

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self) -> None:
        """Keep the file name's suffix in step with the chosen format."""
        path_input = self.query_one("#export-path", Input)
        path = Path(path_input.value)
        fmt = self._format()
        if path.suffix.lower() in SUFFIXES.values():
            path_input.value = str(path.with_suffix(SUFFIXES[fmt]))

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        if text:
            self.dismiss(ExportRequest(self._format(), Path(text).expanduser()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
