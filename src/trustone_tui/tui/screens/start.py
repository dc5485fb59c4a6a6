"""The start screen: new session, the demo, recent sessions and opening a file by path."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from trustone_tui.store.sessions import RecentSession
from trustone_tui.text.plain import printable
from trustone_tui.text.words import progress_text
from trustone_tui.tui.host import AppHost, trustone_app
from trustone_tui.tui.widgets.titlebar import TitleBar


@dataclass(frozen=True, slots=True)
class StartAction:
    """One choice in the start screen's list; ``key`` is its key binding."""

    label: str
    key: str
    help: str
    run: Callable[[AppHost], None]


ACTIONS = (
    StartAction(
        "Nieuwe sessie",
        "n",
        "bedrijfsprofiel invullen en het interview beginnen",
        lambda app: app.action_new_session(),
    ),
    StartAction(
        "Demo openen",
        "d",
        "een fictief bedrijf met een half ingevuld interview",
        lambda app: app.action_open_demo(),
    ),
    StartAction(
        "Bestand openen…",
        "o",
        "een antwoordbestand (TOML) op een ander pad",
        lambda app: app.action_open_path(),
    ),
    StartAction(
        "Overzicht van een map…",
        "v",
        "alle antwoordbestanden van een map als één tabel (secretariaat)",
        lambda app: app.action_open_overview(),
    ),
)


def recent_label(row: RecentSession) -> Content:
    """``Natuursteen Jansen B.V.  C  C2  31 van 39 beantwoord  12-11-2026 10:32  jansen.toml``
    (or the problem)."""
    # The session's own stamp as recorded (its time zone), else the file's local time.
    when = (row.updated or row.modified).strftime("%d-%m-%Y %H:%M")
    if not row.ok:
        return Content.assemble(
            ("⚠ ", "$text-error"),
            (printable(row.path.name), "bold"),
            f"  {when}\n  ",
            ("kan niet worden gelezen: " + printable(row.problems[0]), "$text-error"),
        )
    return Content.assemble(
        (f"{printable(row.company or ''):<40.40}", "bold"),
        f"  {row.category or '?'}  ",
        (f" {row.level or '—':<2} ", "reverse $accent" if row.level else "$text-muted"),
        f"  {progress_text(row.progress) if row.progress else ''}",
        f"  {when}  ",
        (printable(row.path.name), "$text-muted"),
    )


class StartScreen(Screen[None]):
    BINDINGS = [
        Binding("n", "app.new_session", "Nieuw"),
        Binding("d", "app.open_demo", "Demo"),
        Binding("o", "app.open_path", "Openen"),
        Binding("v", "app.open_overview", "Overzicht"),
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
                        Content.assemble(
                            (action.label, "bold"),
                            f"  ({action.key})  ",
                            (action.help, "$text-muted"),
                        )
                    )
                    for action in ACTIONS
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
        rows = trustone_app(self).recent_sessions()
        self.app.call_from_thread(self._show_recent, rows)

    def _show_recent(self, rows: list[RecentSession]) -> None:
        self.recent_rows = rows
        recent = self.query_one("#recent", OptionList)
        recent.clear_options()
        if not rows:
            recent.add_option(
                Option(Content.styled("nog geen sessies", "$text-muted"), disabled=True)
            )
        recent.add_options(Option(recent_label(row)) for row in rows)
        if rows:
            recent.highlighted = 0  # Tab to the list, Enter opens the newest session
        self.query_one("#recent-where", Static).update(
            Content.styled(f"Sessies staan in {trustone_app(self).data_directory()}", "$text-muted")
        )

    @on(OptionList.OptionSelected, "#start-actions")
    def _action_chosen(self, event: OptionList.OptionSelected) -> None:
        ACTIONS[event.option_index].run(trustone_app(self))

    @on(OptionList.OptionSelected, "#recent")
    def _recent_chosen(self, event: OptionList.OptionSelected) -> None:
        # The options are the rows (the placeholder shown when there are none is disabled).
        trustone_app(self).open_file(self.recent_rows[event.option_index].path)
