"""The limited assessment (beperkte beoordeling): walk the plan of action instead of the questions.

From level 3 every other year's assessment "only discusses the progress of the plan of action".
This screen shows the actions still to be done one by one, by due date; for each the
interviewer records a progress note and the status, and the walk ends in a short summary: done,
on time, overdue, dropped. Every recorded action is saved at once, like an answer.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Input, Label, Select, Static

from trustone_tui.engine.actions import (
    ACTION_STATUSES,
    CLOSED_STATUSES,
    Action,
    add_progress,
    progress_summary,
    put_action,
)
from trustone_tui.text.actions import (
    STATUS_LABELS,
    date_text,
    due_text,
    progress_summary_line,
)
from trustone_tui.text.plain import printable
from trustone_tui.tui.screens.plan import ActionsScreen
from trustone_tui.tui.widgets.titlebar import TitleBar


class LimitedScreen(ActionsScreen):
    """Walk the actions still to be done; record progress and status; end with a summary."""

    BINDINGS = [
        Binding("escape", "close", "Terug"),
        Binding("ctrl+n", "skip", "Overslaan"),
    ]

    DEFAULT_CSS = """
    LimitedScreen #limited { padding: 1 2; }
    LimitedScreen #limited-head { margin-bottom: 1; }
    LimitedScreen #limited-action { margin-bottom: 1; padding: 0 1; border-left: thick $accent; }
    LimitedScreen #limited-form { height: auto; }
    LimitedScreen #limited-form Select { width: 30; }
    LimitedScreen .limited-buttons { height: auto; margin-top: 1; }
    LimitedScreen .limited-buttons Button { margin-right: 2; }
    LimitedScreen #limited-summary { margin-top: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        #: The ids of the actions to walk (those still to be done when the walk began).
        self.walk: list[str] = []
        self.position = 0

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="limited"):
            yield Static(id="limited-head")
            yield Static(id="limited-action", markup=False)
            with Vertical(id="limited-form"):
                yield Label("Status")
                yield Select(
                    [(STATUS_LABELS[s], s) for s in ACTION_STATUSES],
                    allow_blank=False,
                    id="limited-status",
                )
                yield Label("Voortgang (met de datum van vandaag; Enter legt vast)")
                yield Input(id="limited-note")
                with Horizontal(classes="limited-buttons"):
                    yield Button("Vastleggen en verder", variant="primary", id="limited-record")
                    yield Button("Overslaan (Ctrl+N)", id="limited-skip")
            yield Static(id="limited-summary")
        yield Footer()

    def on_mount(self) -> None:
        actions = sorted(self.session.actions, key=lambda a: a.due)
        self.walk = [a.id for a in actions if a.status not in CLOSED_STATUSES]
        self.show()

    def current(self) -> Action | None:
        if self.position >= len(self.walk):
            return None
        wanted = self.walk[self.position]
        return next((a for a in self.session.actions if a.id == wanted), None)

    def show(self) -> None:
        from trustone_tui.engine.timeline import this_years_assessment
        from trustone_tui.text.summary import frequency_line

        year = self.host.assessment_year()
        kind = frequency_line(this_years_assessment(self.host.framework, self.session, year), year)
        head = [
            Content.styled("Beperkte beoordeling: de voortgang van het plan van aanpak", "bold"),
            Content(kind.strip() if kind else f"Beoordeling {year}"),
        ]
        action = self.current()
        form = self.query_one("#limited-form")
        if action is None:
            self.query_one("#limited-head", Static).update(Content("\n").join(head))
            self.query_one("#limited-action").display = False
            form.display = False
            self._show_summary()
            return
        head.append(Content(f"Actie {self.position + 1} van {len(self.walk)}"))
        self.query_one("#limited-head", Static).update(Content("\n").join(head))
        lines = [
            f"{action.id}: {action.text}",
            f"Vragen: {', '.join(action.questions) or '—'}"
            + (f" · eigenaar: {action.owner}" if action.owner else ""),
            f"Vóór {due_text(action, self.judged_on())} · nu {STATUS_LABELS[action.status]}",
            *(f"{date_text(p.date)}: {p.note}" for p in action.progress),
        ]
        panel = self.query_one("#limited-action", Static)
        panel.display = True
        panel.update(printable("\n".join(lines)))
        form.display = True
        self.query_one("#limited-status", Select).value = action.status
        note = self.query_one("#limited-note", Input)
        note.value = ""
        note.focus()
        self.query_one("#limited-summary", Static).update("")

    def _show_summary(self) -> None:
        summary = progress_summary(self.session.actions, self.judged_on())
        walked = len(self.walk)
        self.query_one("#limited-summary", Static).update(
            Content("\n").join(
                [
                    Content.styled("Samenvatting", "bold"),
                    Content(progress_summary_line(summary)),
                    Content(
                        f"{walked} {'actie' if walked == 1 else 'acties'} besproken. Esc: terug."
                    ),
                ]
            )
        )

    @on(Input.Submitted, "#limited-note")
    @on(Button.Pressed, "#limited-record")
    def action_record(self) -> None:
        action = self.current()
        if action is None:
            return
        if self.host.what_if:
            self.notify(
                "Leg de voortgang buiten de wat-als-modus (w) vast: daar wordt niets bewaard.",
                severity="warning",
            )
            return
        status = self.query_one("#limited-status", Select).value
        assert isinstance(status, str) and status in ACTION_STATUSES
        note = self.query_one("#limited-note", Input).value
        changed = add_progress(replace(action, status=status), note, self.today())
        if changed != action:
            self.host.update_session(
                replace(self.session, actions=put_action(self.session.actions, changed))
            )
        self.position += 1
        self.show()

    @on(Button.Pressed, "#limited-skip")
    def action_skip(self) -> None:
        if self.current() is not None:
            self.position += 1
            self.show()

    def action_close(self) -> None:
        self.dismiss(None)
