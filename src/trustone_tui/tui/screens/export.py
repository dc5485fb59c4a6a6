"""Export dialog: pick a report format and a file name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from trustone_tui.report import SUFFIXES, ReportFormat
from trustone_tui.text.plain import printable
from trustone_tui.tui.screens.dialogs import PathSuggester

#: The choices in the order shown; the first is the default.
FORMAT_LABELS: dict[ReportFormat, str] = {
    "html": "HTML-rapport (print op A4)",
    "md": "Markdown-rapport",
    "csv": "CSV voor Excel (één rij per vraag)",
    "json": "JSON (gegevens)",
}


def format_prompt(fmt: ReportFormat, chosen: bool) -> str:
    """``● HTML-rapport (print op A4)``: the chosen format marked by its sign, not by colour
    alone."""
    return f"{'●' if chosen else '○'} {FORMAT_LABELS[fmt]}"


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
        # Scrolls (visibly) where the terminal is too low for the whole dialog.
        with VerticalScroll(classes="dialog-box", id="export-box"):
            yield Static("Rapport exporteren", classes="dialog-title")
            yield OptionList(
                *(
                    Option(format_prompt(fmt, index == 0), id=fmt)
                    for index, fmt in enumerate(FORMAT_LABELS)
                ),
                id="export-format",
            )
            yield Static("Bestand:", classes="form-label")
            yield Input(
                printable(str(self.default_path)), id="export-path", suggester=PathSuggester()
            )
            yield Static(
                "Een bestaand rapport wordt vervangen, het antwoordbestand nooit.",
                classes="dialog-hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Exporteren", variant="primary", id="ok")
                yield Button("Annuleren", id="cancel")

    def on_mount(self) -> None:
        """The format first: Down and Enter choose one, Tab goes on to the file name."""
        formats = self.query_one("#export-format", OptionList)
        formats.highlighted = 0
        formats.focus()

    def _format(self) -> ReportFormat:
        index = self.query_one("#export-format", OptionList).highlighted
        return list(FORMAT_LABELS)[index or 0]

    @on(OptionList.OptionHighlighted, "#export-format")
    def _format_changed(self) -> None:
        """Mark the chosen format and keep the file name's suffix in step with it."""
        formats = self.query_one("#export-format", OptionList)
        for index, fmt in enumerate(FORMAT_LABELS):
            formats.replace_option_prompt_at_index(
                index, format_prompt(fmt, index == formats.highlighted)
            )
        path_input = self.query_one("#export-path", Input)
        path = Path(path_input.value)
        fmt = self._format()
        if path.suffix.lower() in SUFFIXES.values():
            path_input.value = str(path.with_suffix(SUFFIXES[fmt]))

    @on(Input.Submitted, "#export-path")
    @on(OptionList.OptionSelected, "#export-format")
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        if text:
            self.dismiss(ExportRequest(self._format(), Path(text).expanduser()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
