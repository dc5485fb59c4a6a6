"""The settings dialog (Ctrl+P → Instellingen): stock widgets, each change saved at once."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Static

from trustone_tui.store.settings import Settings, settings_path
from trustone_tui.tui.widgets.toggles import TickBox

AUTO_ADVANCE_LABEL = "Na een antwoord (n, g, j, v) naar de volgende vraag"


class SettingsScreen(ModalScreen[Settings]):
    """Shows the settings; returns them as they are when closed (Esc or the button)."""

    BINDINGS = [Binding("escape", "close", "Sluiten")]

    def __init__(self, settings: Settings) -> None:
        super().__init__(classes="dialog")
        self.settings = settings

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static("Instellingen", classes="dialog-title")
            yield TickBox(AUTO_ADVANCE_LABEL, self.settings.auto_advance, id="auto-advance")
            yield Static(f"Bewaard in {settings_path()}", classes="dialog-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Sluiten", variant="primary", id="close")

    def on_mount(self) -> None:
        self.query_one("#auto-advance", TickBox).focus()

    @on(Checkbox.Changed, "#auto-advance")
    def _auto_advance_changed(self, event: Checkbox.Changed) -> None:
        self.settings = replace(self.settings, auto_advance=event.value)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(self.settings)
