"""Modal dialogs: problems with a file, a path to open or save, choices after a conflict."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Static

from trustone_tui.text.plain import printable

#: A dialog's choices: members of one string enum (their value names the button).
ChoiceT = TypeVar("ChoiceT", bound=StrEnum)


class PathSuggester(Suggester):
    """Completes file-system paths as you type (like a shell's tab completion, inline)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        path = Path(value).expanduser()
        folder, stem = (path, "") if value.endswith(("/", "\\")) else (path.parent, path.name)
        try:
            names = sorted(
                p.name + ("/" if p.is_dir() else "")
                for p in folder.iterdir()
                if p.name.startswith(stem) and not p.name.startswith(".")
            )
        except OSError:
            return None
        if not names:
            return None
        return value + names[0][len(stem) :]


class PathDialog(ModalScreen[Path | None]):
    """Ask for a file path (with inline completion); None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Annuleren")]

    def __init__(self, title: str, prompt: str, *, value: str = "", action: str = "Openen") -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.prompt = prompt
        self.value = value
        self.action_label = action

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.title_text, classes="dialog-title")
            yield Static(self.prompt, markup=False)
            # A control character in a suggested name is shown as its escape, as in export.
            yield Input(printable(self.value), id="path", suggester=PathSuggester())
            yield Static(
                "→ of Tab vult aan · Enter bevestigt · Esc annuleert", classes="dialog-hint"
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.action_label, variant="primary", id="ok")
                yield Button("Annuleren", id="cancel")

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if text:
            self.dismiss(Path(text).expanduser())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceDialog(ModalScreen[ChoiceT]):
    """Explain a situation and offer choices; returns the chosen one (Esc: ``default``).

    The first choice is the primary button; each button's id is ``choice-<value>``.
    """

    BINDINGS = [Binding("escape", "choose_default", "Annuleren")]

    def __init__(
        self,
        title: str,
        lines: list[str],
        choices: list[tuple[ChoiceT, str]],
        *,
        default: ChoiceT,
        severity: str = "warning",
    ) -> None:
        super().__init__(classes=f"dialog -{severity}")
        # Problems quote file names and cells: a control character in them is shown.
        self.title_text = printable(title)
        self.lines = [printable(line) for line in lines]
        self.choices = choices
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.title_text, classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static("\n".join(self.lines), markup=False)
            with Horizontal(classes="dialog-buttons"):
                for index, (choice, label) in enumerate(self.choices):
                    yield Button(
                        label, id=f"choice-{choice}", variant="primary" if index == 0 else "default"
                    )

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        chosen = {f"choice-{choice}": choice for choice, _ in self.choices}
        self.dismiss(chosen[event.button.id or ""])

    def action_choose_default(self) -> None:
        self.dismiss(self.default)


class Close(StrEnum):
    CLOSE = "close"


class MessageDialog(ChoiceDialog[Close]):
    """A title and lines of text (e.g. one line per problem in a file), closed with Enter/Esc."""

    BINDINGS = [Binding("enter", "choose_default", "Sluiten")]

    def __init__(self, title: str, lines: list[str], *, severity: str = "error") -> None:
        super().__init__(
            title, lines, [(Close.CLOSE, "Sluiten")], default=Close.CLOSE, severity=severity
        )
