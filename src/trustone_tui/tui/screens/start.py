"""The start screen: new session, the demo, recent sessions and opening a file by path."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from trustone_tui.store.sessions import RecentSession
from trustone_tui.tui.widgets.titlebar import TitleBar

ACTIONS = (
    ("new", "Nieuwe sessie", "n", "bedrijfsprofiel invullen en het interview beginnen"),
    ("demo", "Demo openen", "d", "een fictief bedrijf met een half ingevuld interview"),
    ("open", "Bestand openen…", "o", "een antwoordbestand (TOML) op een ander pad"),
)


def recent_label(row: RecentSession) -> Content:
    """``Natuursteen Jansen B.V.  C  C2  12-11-2026 10:32  jansen-2026.toml`` (or the problem)."""
    # The session's own stamp as recorded (its time zone), else the file's local time.
    when = (row.updated or row.modified).strftime("%d-%m-%Y %H:%M")
    if not row.ok:
        return Content.assemble(
            ("⚠ ", "$text-error"),
            (row.path.name, "bold"),
            f"  {when}\n  ",
            (row.problems[0], "$text-error"),
        )
    return Content.assemble(
        (f"{row.company or '':<40.40}", "bold"),
        f"  {row.category or '?'}  ",
        (f" {row.level or '—':<2} ", "reverse $accent" if row.level else "$text-muted"),
        f"  {when}  ",
        (row.path.name, "$text-muted"),
    )


class StartScreen(Screen[None]):
    BINDINGS = [
        Binding("n", "app.new_session", "Nieuw"),
        Binding("d", "app.open_demo", "Demo"),
        Binding("o", "app.open_path", "Openen"),
        Binding("ctrl+q", "app.quit", "Stoppen"),
        Binding("r", "reload_recent", "Vernieuwen", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.recent_rows: list[RecentSession] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="start"):
            yield Static(
                "Beoordelingskader Initiatief TruStone — interview en zelfevaluatie",
                id="start-title",
            )
            yield OptionList(
                *(
                    Option(
                        Content.assemble((label, "bold"), f"  ({key})  ", (help_, "$text-muted")),
                        id=action,
                    )
                    for action, label, key, help_ in ACTIONS
                ),
                id="start-actions",
            )
            yield Static("Recente sessies", classes="start-heading")
            yield OptionList(id="recent")
            yield Static(id="recent-where", classes="start-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#start-actions", OptionList).focus()
        self.action_reload_recent()

    def on_screen_resume(self) -> None:
        self.action_reload_recent()

    def action_reload_recent(self) -> None:
        recent = self.query_one("#recent", OptionList)
        recent.clear_options()
        recent.add_option(Option(Content.styled("sessies zoeken…", "$text-muted"), disabled=True))
        self._load_recent()

    @work(thread=True, exclusive=True, group="recent")
    def _load_recent(self) -> None:
        rows = self.app.recent_sessions()
        self.app.call_from_thread(self._show_recent, rows)

    def _show_recent(self, rows: list[RecentSession]) -> None:
        self.recent_rows = rows
        recent = self.query_one("#recent", OptionList)
        recent.clear_options()
        if not rows:
            recent.add_option(
                Option(Content.styled("nog geen sessies", "$text-muted"), disabled=True)
            )
        recent.add_options(
            Option(recent_label(row), id=f"recent-{index}") for index, row in enumerate(rows)
        )
        if rows:
            recent.highlighted = 0  # Tab to the list, Enter opens the newest session
        self.query_one("#recent-where", Static).update(
            Content.styled(f"Sessies staan in {self.app.data_directory()}", "$text-muted")
        )

    @on(OptionList.OptionSelected, "#start-actions")
    def _action_chosen(self, event: OptionList.OptionSelected) -> None:
        actions = {
            "new": self.app.action_new_session,
            "demo": self.app.action_open_demo,
            "open": self.app.action_open_path,
        }
        actions[event.option.id or ""]()

    @on(OptionList.OptionSelected, "#recent")
    def _recent_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            index = int(event.option.id.removeprefix("recent-"))
            self.app.open_file(self.recent_rows[index].path)
