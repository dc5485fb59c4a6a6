"""The Textual application: holds the session, scores it on every change and saves it at once."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.actions import SkipAction
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen

from trustone_tui.answerfile.read import AnswerFileError, parse_session
from trustone_tui.engine.history import Change, History
from trustone_tui.engine.scoring import Assessment, assess
from trustone_tui.engine.session import Session
from trustone_tui.framework.bank import Framework
from trustone_tui.store.answerfiles import load_session as load_answer_file
from trustone_tui.store.sessions import (
    ConflictError,
    RecentSession,
    SessionFile,
    StoreError,
    create_session,
    data_directory,
    open_session,
    recent_sessions,
    save_as,
    session_file_stem,
)
from trustone_tui.store.settings import Settings, SettingsError, load_settings, save_settings
from trustone_tui.text.plain import printable
from trustone_tui.tui.screens.interview import InterviewScreen
from trustone_tui.tui.startup import IdleCollector, resume_collection

if TYPE_CHECKING:
    from textual.command import Provider

    from trustone_tui.engine.planner import BestCase, Plan
    from trustone_tui.report.compare import AnswerSide
    from trustone_tui.tui.screens.export import ExportRequest
    from trustone_tui.tui.screens.profile import ProfileResult

# Screens, dialogs, the timeline and report modules are not needed for the first frame of an
# interview; they are imported when first used: start-up time is a budget (see
# benchmarks/bench_tui.py). The planner is imported by the first interview, which is planned
# before its first frame (start_interview); the start screen does not need it.

Clock = Callable[[], dt.datetime]
SLOW_SAVE_SECONDS = 0.4
OPEN_FAILED = "{path} kan niet worden geopend"
PALETTE_PLACEHOLDER = "Zoek een vraag (2.1.1c, klachten) of een opdracht…"
#: How long quitting waits for a save that is still being written.
QUIT_WAITS_FOR_SAVE_SECONDS = 10.0


class ConflictChoice(StrEnum):
    """After a save was refused because someone else changed the file."""

    COPY = "copy"
    RELOAD = "reload"
    KEEP = "keep"


class QuitChoice(StrEnum):
    """Quitting while the last changes are not saved."""

    COPY = "copy"
    STAY = "stay"
    QUIT = "quit"


@cache
def freeze_startup_objects() -> None:
    """Keep the objects made while starting (Textual's and the question bank's) out of the
    garbage collector's way: a full collection over them paused answer keys by 30-50 ms.
    Runs once per process."""
    gc.freeze()


def question_jump_provider() -> type[Provider]:
    """The command palette's question search (imported when the palette first opens)."""
    from trustone_tui.tui.commands import QuestionJumpProvider

    return QuestionJumpProvider


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


class TrustoneApp(App[None]):
    """Start screen, company profile, interview, summary and help around one live session."""

    CSS_PATH = "app.tcss"
    TITLE = "TruStone due diligence"
    COMMANDS = App.COMMANDS | {question_jump_provider}
    BINDINGS = [
        Binding("f1", "help", "Hulp"),
        Binding("ctrl+e", "export", "Exporteren"),
        # Textual adds an English "palette" binding unless the app has its own.
        Binding(
            "ctrl+p",
            "command_palette",
            "Opdrachten",
            show=False,
            priority=True,
            tooltip="Zoek een vraag of een opdracht",
        ),
        # Shown on the start screen; on the busy interview footer the palette and F1 list it.
        Binding("ctrl+q", "quit", "Stoppen", priority=True, show=False),
        # Tab moves the focus while the app takes the key, before it hands on the keys behind
        # it. Textual's own Tab is a binding of the screen, carried out only after the focused
        # field has had the key, and by then the keys behind it in a burst (a paste, fast
        # typing while the app is busy) have been handed to that same field: "graniet<Tab>
        # grijs" typed "granietgrijs" into one field.
        Binding("tab", "focus_in_order(1)", show=False, priority=True),
        Binding("shift+tab", "focus_in_order(-1)", show=False, priority=True),
    ]

    #: The session being interviewed (immutable; every change replaces it).
    session: var[Session | None] = var(None, always_update=True)
    #: The engine's score of ``session``; widgets watch this to repaint.
    assessment: var[Assessment | None] = var(None, always_update=True)
    #: The session that ``plan`` (fewest steps to the next level) and ``best`` (every open
    #: question Ja) were computed for; set a frame after the score, so the score paints first.
    outlook: var[Session | None] = var(None, always_update=True)
    #: True while trying answers that are not saved (the real session waits in ``_real``).
    what_if: var[bool] = var(False)
    #: Short save state for the title bar ("opgeslagen", "opslaan…", a problem).
    save_state: var[str] = var("")

    def __init__(
        self,
        framework: Framework,
        *,
        open_path: Path | None = None,
        demo: bool = False,
        clock: Clock = local_now,
    ) -> None:
        super().__init__()
        self.framework = framework
        self.clock = clock
        self.initial_path = open_path
        self.initial_demo = demo
        #: The open file; None for the in-memory demo.
        self.session_file: SessionFile | None = None
        self._save_lock = threading.Lock()
        self._pending: Session | None = None
        self._saving = False
        self.save_problem: str | None = None
        #: Last year's session attached with interview.previous_file, and its score.
        self.previous: Session | None = None
        self.previous_assessment: Assessment | None = None
        self.plan: Plan | None = None
        self.best: BestCase | None = None
        self._real: Session | None = None
        self._outlook_for: Session | None = None
        self._collector = IdleCollector()
        #: The user's settings (store/settings), read when the app starts.
        self.settings = Settings()
        #: Undo and redo of answer changes in the open session.
        self.history = History()

    # ------------------------------------------------------------------ start-up

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        """Restyle ``node`` and its descendants, unless it is not in the DOM yet.

        Textual styles every widget when it is mounted. Until then a restyle is wasted: the
        class changes made in widgets' constructors (compact buttons, inputs, the text area,
        the selection list, ...) each restyled a widget that had no place in the DOM yet.
        """
        if node is self or node.is_attached:
            super().update_styles(node, animate)

    def on_mount(self) -> None:
        self.settings, problem = load_settings()
        if problem:
            self.notify(problem, title="Instellingen", severity="warning", timeout=10)
        if self.initial_demo:
            self.action_open_demo()
        elif self.initial_path is not None:
            self.open_file(self.initial_path)  # falls back to the start screen itself
        else:
            self.show_start_screen()
        # The trustone command pauses garbage collection while starting (tui/startup.py).
        self.call_after_refresh(resume_collection)

    def on_idle(self) -> None:
        # A due full garbage collection runs after the frame, not inside a key (startup.py).
        self._collector.collect_when_due(self.call_after_refresh)

    def show_start_screen(self) -> None:
        from trustone_tui.tui.screens.start import StartScreen

        self.push_screen(StartScreen())

    def show_problems(self, title: str, problems: list[str]) -> None:
        """A dialog that says what went wrong."""
        from trustone_tui.tui.screens.dialogs import MessageDialog

        self.push_screen(MessageDialog(title, problems))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's toast; a control character in it (a file's name or text) is shown."""
        super().notify(
            printable(message),
            title=printable(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def data_directory(self) -> Path:
        """The session folder (its path even when it cannot be created; saving then says so)."""
        try:
            return data_directory()
        except StoreError as exc:
            return exc.path

    def recent_sessions(self) -> list[RecentSession]:
        """Sessions in the data directory, newest first (called from a worker thread)."""
        try:
            return recent_sessions(self.framework)
        except StoreError as exc:
            self.call_from_thread(self.notify, exc.dutch, severity="error")
            return []

    # ------------------------------------------------------------------ opening sessions

    def start_interview(
        self, session: Session, session_file: SessionFile | None, *, demo: bool = False
    ) -> None:
        self.close_session_file()
        self.session_file = session_file
        self.save_problem = None
        self.what_if = False
        self._real = None
        self.history = History()
        self._score(session)
        # Planned now, not a frame later as after a change: the first frame of the screen
        # then shows the plan, instead of a second layout showing it.
        self.ensure_outlook()
        self.save_state = "demo, niet bewaard" if demo else "opgeslagen"
        # Shown by the title bar and as an exported screenshot's title: control characters
        # as escapes (so is the subtitle, in _update_subtitle).
        self.title = printable(session.company.name)
        self._update_subtitle()
        self.previous = self.previous_assessment = None
        if session.interview.previous_file:
            self._load_previous(session, session_file.path if session_file else None)
        if isinstance(self.screen, InterviewScreen):
            self.switch_screen(InterviewScreen())
        else:
            self.push_screen(InterviewScreen())
        self.call_after_refresh(freeze_startup_objects)

    def action_open_demo(self) -> None:
        from trustone_tui.demo import demo_bytes, demo_previous_bytes  # the demo only

        session = parse_session(demo_bytes(), "demo", self.framework)
        self.start_interview(session, None, demo=True)
        self._show_previous(parse_session(demo_previous_bytes(), "demo 2025", self.framework))
        self.notify(
            "Een fictief bedrijf. Wijzigingen worden niet bewaard, tenzij je een kopie opslaat "
            "(Ctrl+P → Kopie opslaan als).",
            title="Demo",
        )

    def open_file(self, path: Path) -> None:
        """Open an answer file in the interview, or show why it cannot be opened."""
        try:
            self._open_file(path)
        except AnswerFileError as exc:
            if len(self.screen_stack) <= 1:
                self.show_start_screen()
            self.show_problems(OPEN_FAILED.format(path=path), exc.problems)

    def _open_file(self, path: Path) -> None:
        """Open an answer file in the interview; raises AnswerFileError."""
        session_file = open_session(path, self.framework)
        self.start_interview(session_file.session, session_file)
        from trustone_tui.store.opennotices import dutch_notices

        for line in dutch_notices(session_file):
            self.notify(line, severity="warning", timeout=10)

    def action_open_path(self) -> None:
        self.ask_path(
            "Bestand openen",
            "Pad naar een antwoordbestand (.toml):",
            start=str(Path.cwd()) + "/",
            action="Openen",
            use=self._open_file,
            failure=OPEN_FAILED,
        )

    def action_open_overview(self) -> None:
        """Ask for a folder and show its answer files as one table (the secretariat's view)."""
        from trustone_tui.tui.screens.overview import OverviewScreen

        def show(folder: Path) -> None:
            self.push_screen(OverviewScreen(folder))

        self.ask_path(
            "Overzicht van een map",
            "Map met antwoordbestanden (.toml):",
            start=str(self.data_directory()) + "/",
            action="Tonen",
            use=show,
            failure="Kan de map {path} niet tonen",
        )

    def ask_path(
        self,
        title: str,
        prompt: str,
        *,
        start: str,
        action: str,
        use: Callable[[Path], None],
        failure: str,
    ) -> None:
        """Ask for a path (starting from ``start``) and hand it to ``use``.

        What ``use`` raises (a file that cannot be read, a copy that cannot be written) is shown
        in a dialog titled ``failure``, in which ``{path}`` stands for the path. Cancelling
        does nothing.
        """
        from trustone_tui.tui.screens.dialogs import PathDialog

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            try:
                use(path)
            except AnswerFileError as exc:
                self.show_problems(failure.format(path=path), exc.problems)
            except StoreError as exc:  # the answers stay in memory; nothing was overwritten
                self.show_problems(failure.format(path=path), [exc.dutch])

        self.push_screen(PathDialog(title, prompt, value=start, action=action), chosen)

    def action_new_session(self) -> None:
        from trustone_tui.tui.screens.profile import ProfileScreen

        def created(result: ProfileResult | None) -> None:
            if result is None:
                return
            now = self.clock()
            session = Session(
                company=result.company,
                interview=replace(result.interview, date=now.date()),
                framework_version=self.framework.version,
                created=now,
                updated=now,
            )
            try:
                session_file = create_session(session, self.framework)
            except StoreError as exc:
                self.show_problems("Sessie kan niet worden aangemaakt", [exc.dutch])
                return
            self.start_interview(session, session_file)

        self.push_screen(ProfileScreen(None), created)

    # ------------------------------------------------------------------ changes and saving

    def _score(self, session: Session) -> None:
        """Make ``session`` current: score it (watchers of ``assessment`` repaint at once), then
        plan it once that frame is painted (watchers of ``outlook`` show the plan)."""
        self.session = session
        self.assessment = assess(self.framework, session)
        self.call_after_refresh(self.ensure_outlook)

    def ensure_outlook(self) -> None:
        """Compute the plan and best case for the current session if they are out of date."""
        if self.session is None or self._outlook_for is self.session:
            return
        from trustone_tui.engine.planner import best_case, plan

        self.plan = plan(self.framework, self.session, assessment=self.assessment)
        self.best = best_case(self.framework, self.session, assessment=self.assessment)
        self._outlook_for = self.session
        self.outlook = self._outlook_for

    def update_session(self, session: Session) -> None:
        """Record a change: score it, repaint (via ``assessment``) and save it.

        In what-if mode the change is scored but never saved (nor kept for undo).
        """
        if self.what_if:
            self._score(session)
            return
        if self.session is not None:
            self.history = self.history.record(self.session, session)
        self._save_change(session)

    def _save_change(self, session: Session) -> None:
        session = replace(session, updated=self.clock())
        self._score(session)
        if self.session_file is not None:
            self._queue_save(session)

    def undo(self) -> Change | None:
        """Take back the last answer change (saved like any change); what it changed, or None
        when there is nothing to undo (or in what-if mode)."""
        return self._step(self.history.undo)

    def redo(self) -> Change | None:
        """Make the last undone answer change again; what it changed, or None."""
        return self._step(self.history.redo)

    def _step(
        self, walk: Callable[[Session], tuple[Session, Change, History] | None]
    ) -> Change | None:
        if self.session is None or self.what_if or (stepped := walk(self.session)) is None:
            return None
        session, change, self.history = stepped
        self._save_change(session)
        return change

    # ------------------------------------------------------------------ what-if

    def action_toggle_what_if(self) -> None:
        """Try other answers without saving; leaving restores the real session."""
        if self.session is None:
            return
        if not self.what_if:
            self._real = self.session
            self.what_if = True
            self.notify(
                "Probeer andere antwoorden: score en niveau rekenen mee, maar niets wordt "
                "opgeslagen. Druk nogmaals op w om terug te gaan.",
                title="Wat-als",
            )
        else:
            real, self._real = self._real, None
            self.what_if = False
            if real is not None:
                self._score(real)
            self.notify("Terug naar de echte antwoorden.", title="Wat-als beëindigd")
        self._update_subtitle()

    def action_apply_plan(self) -> None:
        """In what-if mode: take every step of the plan, to see the level it reaches."""
        self.ensure_outlook()
        if self.session is None or self.plan is None or not self.plan.steps:
            self.notify("Er is geen plan om toe te passen.", severity="warning")
            return
        from trustone_tui.engine.planner import apply_plan

        if not self.what_if:
            self.action_toggle_what_if()
        self._score(apply_plan(self.session, self.plan))

    def action_fill_best_case(self) -> None:
        """In what-if mode: answer every open question Ja."""
        if self.session is None or self.assessment is None:
            return
        if not self.what_if:
            self.action_toggle_what_if()
        from trustone_tui.engine.planner import best_case_answers

        answers = best_case_answers(self.session.answers, self.assessment.open_questions())
        self._score(replace(self.session, answers=answers))

    # ------------------------------------------------------------------ history

    def action_record_outcome(self) -> None:
        """Record this year's level and points in the session's history (and save it)."""
        if self.session is None or self.what_if:
            self.notify("Leg de uitkomst vast buiten de wat-als-modus.", severity="warning")
            return
        from trustone_tui.engine.timeline import record_outcome

        year = self.assessment_year()
        self.update_session(
            record_outcome(self.session, self.framework, year, assessment=self.assessment)
        )
        level = self.assessment.level.id if self.assessment and self.assessment.level else "geen"
        self.notify(f"{year}: niveau {level} vastgelegd in de historie.", title="Uitkomst")

    def assessment_year(self) -> int:
        """The year being assessed: the interview date's year, else this year."""
        from trustone_tui.text.summary import assessment_year

        assert self.session is not None
        return assessment_year(self.session, self.clock().date())

    def _queue_save(self, session: Session) -> None:
        with self._save_lock:
            self._pending = session
            start = not self._saving
            self._saving = True
        if start:
            # Start writing once the change is on screen, so the save never delays the paint.
            self.call_after_refresh(self._save_worker, self.session_file)
            # Say "saving" only when a save takes long enough to notice (a slow or network
            # disk); a flash of it on every key would only distract.
            self.set_timer(SLOW_SAVE_SECONDS, self._show_saving)

    def _show_saving(self) -> None:
        if self._saving and self.save_problem is None:
            self.save_state = "opslaan…"

    @work(thread=True, group="save", exit_on_error=False)
    def _save_worker(self, session_file: SessionFile) -> None:
        """Save the newest pending session until none is pending (one writer at a time).

        "opgeslagen" is said only after the worker has marked itself done: said before, the
        slow-save timer could still fire in between and leave "opslaan…" in the title bar
        for good, after a save that had finished.
        """
        saved = False
        while True:
            with self._save_lock:
                session, self._pending = self._pending, None
                if session is None:
                    self._saving = False
                    break
            try:
                session_file.save(session)
            except ConflictError as exc:
                with self._save_lock:
                    self._saving = False
                    self._pending = None
                self.call_from_thread(self._save_conflict, session, exc.dutch)
                return
            except StoreError as exc:
                saved = False
                self.call_from_thread(self._save_failed, exc.dutch)
            except OSError as exc:
                saved = False
                self.call_from_thread(self._save_failed, f"het systeem meldt: {exc}")
            else:
                saved = True
        if saved:
            self.call_from_thread(self._saved)

    def _saved(self) -> None:
        """The last save succeeded and no other is under way or waiting."""
        if not self._saving and self._pending is None:
            self.save_problem = None
            self.save_state = "opgeslagen"

    def _save_failed(self, message: str) -> None:
        self.save_problem = message
        self.save_state = "NIET opgeslagen"
        self.notify(
            f"{message}\nJe antwoorden staan veilig in het geheugen; de volgende wijziging "
            "probeert het opnieuw, of sla een kopie op (Ctrl+P → Kopie opslaan als).",
            title="Opslaan mislukt",
            severity="error",
            timeout=15,
        )

    def _save_conflict(self, session: Session, message: str) -> None:
        from trustone_tui.tui.screens.dialogs import ChoiceDialog

        self.save_problem = message
        self.save_state = "NIET opgeslagen (conflict)"

        def decided(choice: ConflictChoice | None) -> None:
            if choice is ConflictChoice.COPY:
                self.action_save_copy()
            elif choice is ConflictChoice.RELOAD:
                self._reload_from_disk()

        self.push_screen(
            ChoiceDialog(
                "Het bestand is door iemand anders gewijzigd",
                [
                    message,
                    "",
                    "Je antwoorden zijn NIET overschreven en staan veilig in het geheugen.",
                    "Kopie opslaan: bewaar jouw versie als nieuw bestand (beide versies blijven).",
                    "Opnieuw laden: toon de versie op schijf (jouw wijzigingen vervallen).",
                ],
                [
                    (ConflictChoice.COPY, "Kopie opslaan als…"),
                    (ConflictChoice.RELOAD, "Opnieuw laden"),
                    (ConflictChoice.KEEP, "Later"),
                ],
                default=ConflictChoice.KEEP,
            ),
            decided,
        )

    def _reload_from_disk(self) -> None:
        if self.session_file is None:
            return
        try:
            session = self.session_file.reload()
        except AnswerFileError as exc:
            self.show_problems("Opnieuw laden mislukt", exc.problems)
            return
        self.save_problem = None
        self.save_state = "opgeslagen"
        self.history = History()  # the steps were taken on answers that are gone
        self._score(session)

    def action_save_copy(self) -> None:
        if self.session is None:
            return
        if self.session_file is not None:
            suggestion = self.session_file.suggest_copy_path()
        else:
            suggestion = self.data_directory() / f"{session_file_stem(self.session)}.toml"
        self.ask_path(
            "Kopie opslaan als",
            "Nieuw bestand (.toml); een bestaand bestand wordt nooit overschreven:",
            start=str(suggestion),
            action="Opslaan",
            use=self._save_copy,
            failure="Kopie opslaan mislukt",
        )

    def _save_copy(self, path: Path) -> None:
        """Save the answers as a new file at ``path`` and go on in it; raises StoreError."""
        if self.session is None:
            return
        # In what-if mode the real answers are saved, never the tried ones. With a file open,
        # its save_copy waits for a save still being written in the worker.
        session = self._real or self.session
        if self.session_file is not None:
            new_file = self.session_file.save_copy(session, path)
        else:
            new_file = save_as(session, self.framework, path)
        self.close_session_file()
        self.session_file = new_file
        self.save_problem = None
        self.save_state = "opgeslagen"
        self.notify(f"Verder in {new_file.path}", title="Kopie opgeslagen")

    def close_session_file(self) -> None:
        if self.session_file is not None:
            self.session_file.close()
            self.session_file = None

    # ------------------------------------------------------------------ last year's answers

    @work(thread=True, exclusive=True, group="previous", exit_on_error=False)
    def _load_previous(self, session: Session, session_path: Path | None) -> None:
        from trustone_tui.store.previous import load_previous

        try:
            previous = load_previous(session_path, session, self.framework)
        except AnswerFileError as exc:
            self.call_from_thread(
                self.notify,
                "\n".join(exc.problems),
                title="Vorig jaar niet geladen",
                severity="warning",
                timeout=10,
            )
            return
        if previous is not None:
            self.call_from_thread(self._show_previous, previous)

    def _show_previous(self, previous: Session) -> None:
        self.previous = previous
        self.previous_assessment = assess(self.framework, previous)
        if isinstance(self.screen, InterviewScreen):
            self.screen.refresh_question()

    def previous_side(self, question_id: str) -> AnswerSide | None:
        """Last year's answer to the question, when a previous file is attached."""
        if self.previous is None or self.previous_assessment is None:
            return None
        from trustone_tui.report.compare import answer_side

        return answer_side(self.previous_assessment.results[question_id], self.previous)

    def action_attach_previous(self) -> None:
        if self.session is None:
            return
        start = self.session_file.path.parent if self.session_file else self.data_directory()
        self.ask_path(
            "Vorig jaar koppelen",
            "Antwoordbestand van de vorige beoordeling; de antwoorden en notities staan dan "
            "naast elke vraag:",
            start=str(start) + "/",
            action="Koppelen",
            use=self._attach_previous,
            failure="{path} kan niet worden gebruikt",
        )

    def _attach_previous(self, path: Path) -> None:
        """Show last year's answers (the file at ``path``) beside each question.

        Raises AnswerFileError when the file cannot be used.
        """
        if self.session is None:
            return
        previous = load_answer_file(path, self.framework)
        here = self.session_file.path.parent if self.session_file else None
        named = str(path.absolute())
        if here is not None:
            with contextlib.suppress(ValueError):
                named = os.path.relpath(path.absolute(), here)
        interview = replace(self.session.interview, previous_file=named)
        self.update_session(replace(self.session, interview=interview))
        self._show_previous(previous)
        self.notify(f"Vorig jaar: {previous.company.name} ({path.name})", title="Gekoppeld")

    # ------------------------------------------------------------------ export

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Export only works (and the key bar only shows Ctrl+E) with a session open."""
        if action == "export":
            return self.session is not None
        return True

    def action_export(self) -> None:
        if self.session is None:
            return
        from trustone_tui.report import default_filename
        from trustone_tui.tui.screens.export import ExportDialog

        folder = self.session_file.path.parent if self.session_file else Path.cwd()

        def chosen(request: ExportRequest | None) -> None:
            if request is not None and self.session is not None:
                self._export(self.session, request)

        self.push_screen(ExportDialog(folder / default_filename(self.session, "html")), chosen)

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, session: Session, request: ExportRequest) -> None:
        from trustone_tui.report import render_report
        from trustone_tui.store.output import OutputError, write_atomic

        protect = [self.session_file.path] if self.session_file else []
        try:
            data = render_report(session, self.framework, request.fmt)
            write_atomic(request.path, data, protect=protect)
        except OutputError as exc:
            self.call_from_thread(
                self.notify,
                f"Het rapport is niet geschreven. Melding: {exc}",
                title="Exporteren mislukt",
                severity="error",
                timeout=10,
            )
            return
        self.call_from_thread(self.notify, str(request.path), title="Rapport opgeslagen")

    # ------------------------------------------------------------------ title bar

    def watch_save_state(self) -> None:
        self._update_subtitle()

    def _update_subtitle(self) -> None:
        if self.session is None:
            self.sub_title = ""
            return
        where = self.session_file.path.name if self.session_file is not None else "demo"
        state = "WAT-ALS: niets wordt opgeslagen" if self.what_if else self.save_state
        self.sub_title = printable(f"{where} · {state}")

    # ------------------------------------------------------------------ screens

    def action_focus_in_order(self, step: int) -> None:
        """Move the focus to the next (1) or previous (-1) control now; a text area that
        indents with Tab keeps its Tab."""
        # A TextArea's ``tab_behavior`` (read by name: importing TextArea costs the start 4 ms).
        if getattr(self.focused, "tab_behavior", "focus") == "indent":
            raise SkipAction()
        if step > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    def action_help(self) -> None:
        from trustone_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_summary(self) -> None:
        if self.session is None:
            return
        from trustone_tui.tui.screens.summary import SummaryScreen

        def back(question_id: str | None) -> None:
            if question_id:
                self.jump_to(question_id)

        self.push_screen(SummaryScreen(), back)

    def action_plan(self) -> None:
        """The plan of action (plan van aanpak) of the open session."""
        if self.session is None:
            return
        from trustone_tui.tui.screens.plan import PlanScreen

        if not isinstance(self.screen, PlanScreen):
            self.push_screen(PlanScreen())

    def action_limited_assessment(self) -> None:
        """The limited assessment: walk the plan of action instead of the questions."""
        if self.session is None:
            return
        from trustone_tui.tui.screens.limited import LimitedScreen

        if not self.session.actions:
            self.notify(
                "Er zijn nog geen acties: maak ze in het plan van aanpak (m).",
                title="Beperkte beoordeling",
                severity="warning",
            )
            return
        self.push_screen(LimitedScreen())

    def action_profile(self) -> None:
        if self.session is None:
            return
        if self.what_if:
            self.notify("Wijzig het profiel buiten de wat-als-modus (w).", severity="warning")
            return
        from trustone_tui.tui.screens.profile import ProfileScreen

        def changed(result: ProfileResult | None) -> None:
            if result is not None and self.session is not None:
                self.update_session(
                    replace(self.session, company=result.company, interview=result.interview)
                )
                self.title = printable(result.company.name)

        self.push_screen(ProfileScreen(self.session), changed)

    def action_register(self) -> None:
        """The supply-chain register (ketenoverzicht) of the session."""
        if self.session is None:
            return
        from trustone_tui.tui.screens.register import RegisterScreen

        if not isinstance(self.screen, RegisterScreen):
            self.push_screen(RegisterScreen())

    def jump_to(self, question_id: str) -> None:
        while not isinstance(self.screen, InterviewScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        if isinstance(self.screen, InterviewScreen):
            self.screen.go_to(question_id)

    def action_command_palette(self) -> None:
        """The command palette, with a Dutch prompt."""
        if self.use_command_palette and not any(
            isinstance(screen, CommandPalette) for screen in self.screen_stack
        ):
            self.push_screen(
                CommandPalette(placeholder=PALETTE_PLACEHOLDER, id="--command-palette")
            )

    def action_settings(self) -> None:
        """The settings dialog; what it returns is kept and saved."""
        from trustone_tui.tui.screens.settings import SettingsScreen

        def closed(settings: Settings | None) -> None:
            if settings is None or settings == self.settings:
                return
            self.settings = settings
            try:
                save_settings(settings)
            except SettingsError as exc:
                self.notify(str(exc), title="Instellingen", severity="error", timeout=10)

        self.push_screen(SettingsScreen(self.settings), closed)

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit (it copies in a text field): say which key does."""
        self.notify("Druk op Ctrl+Q om te stoppen.", title="Stoppen?")

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own commands in Dutch, then the app's."""
        yield SystemCommand("Thema", "Kies een ander kleurenthema", self.action_change_theme)
        yield SystemCommand("Stoppen", "Sluit de app", self.action_quit)
        yield SystemCommand(
            "Instellingen", "Automatisch naar de volgende vraag, ...", self.action_settings
        )
        if screen.query("HelpPanel"):
            yield SystemCommand("Toetsen", "Verberg het toetsenpaneel", self.action_hide_help_panel)
        else:
            yield SystemCommand(
                "Toetsen",
                "Toon de toetsen van dit scherm en hulp bij het gekozen veld",
                self.action_show_help_panel,
            )
        if screen.maximized is not None:
            yield SystemCommand(
                "Herstellen", "Terug naar de gewone weergave", screen.action_minimize
            )
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(
                "Maximaliseren", "Toon het gekozen veld schermvullend", screen.action_maximize
            )
        yield SystemCommand(
            "Schermafbeelding",
            "Bewaar een SVG-afbeelding van dit scherm",
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )
        yield SystemCommand(
            "Overzicht van een map",
            "Alle antwoordbestanden van een map als één tabel (secretariaat)",
            self.action_open_overview,
        )
        if self.session is not None:
            yield SystemCommand(
                "Samenvatting", "Punten per stap, niveau, open vragen", self.action_summary
            )
            yield SystemCommand("Bedrijfsprofiel", "Naam, categorie, omvang", self.action_profile)
            yield SystemCommand(
                "Ketenoverzicht",
                "Ketens: eerste schakel, fabriek, groeve; inzicht en categorie (k)",
                self.action_register,
            )
            yield SystemCommand(
                "Plan van aanpak",
                "Acties, eigenaars, datums en voortgang; acties uit het plan (m)",
                self.action_plan,
            )
            yield SystemCommand(
                "Beperkte beoordeling",
                "Loop de acties van het plan van aanpak langs: voortgang en status",
                self.action_limited_assessment,
            )
            yield SystemCommand(
                "Kopie opslaan als", "Sla de sessie op onder een nieuwe naam", self.action_save_copy
            )
            yield SystemCommand(
                "Wat-als aan/uit",
                "Probeer antwoorden zonder op te slaan (w)",
                self.action_toggle_what_if,
            )
            yield SystemCommand(
                "Plan toepassen (wat-als)",
                "Zet de stappen van het plan in de wat-als-modus en zie het niveau",
                self.action_apply_plan,
            )
            yield SystemCommand(
                "Beste geval (wat-als)",
                "Alle open vragen Ja, in de wat-als-modus",
                self.action_fill_best_case,
            )
            yield SystemCommand(
                "Uitkomst vastleggen",
                "Leg niveau en punten van dit jaar vast in de historie",
                self.action_record_outcome,
            )
            yield SystemCommand(
                "Exporteren", "Rapport als HTML, Markdown, CSV of JSON (Ctrl+E)", self.action_export
            )
            yield SystemCommand(
                "Vorig jaar koppelen",
                "Toon de antwoorden van de vorige beoordeling naast elke vraag",
                self.action_attach_previous,
            )
        yield SystemCommand("Bestand openen", "Een antwoordbestand openen", self.action_open_path)
        yield SystemCommand(
            "Nieuwe sessie", "Een nieuw bedrijf interviewen", self.action_new_session
        )
        yield SystemCommand("Demo openen", "Een fictief bedrijf", self.action_open_demo)
        yield SystemCommand("Hulp", "Toetsen en scoreregels", self.action_help)

    # ------------------------------------------------------------------ quitting

    async def action_quit(self) -> None:
        # A change still being written decides whether quitting loses anything: wait for it
        # (a conflict found now must be told, not dropped with the app).
        deadline = time.monotonic() + QUIT_WAITS_FOR_SAVE_SECONDS
        while self._saving and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        if self.save_problem is not None and self.session is not None:
            from trustone_tui.tui.screens.dialogs import ChoiceDialog

            def decided(choice: QuitChoice | None) -> None:
                if choice is QuitChoice.QUIT:
                    self.exit()
                elif choice is QuitChoice.COPY:
                    self.action_save_copy()

            self.push_screen(
                ChoiceDialog(
                    "Laatste wijzigingen zijn niet opgeslagen",
                    [self.save_problem, "", "Stoppen gooit de niet-opgeslagen antwoorden weg."],
                    [
                        (QuitChoice.COPY, "Kopie opslaan als…"),
                        (QuitChoice.STAY, "Niet stoppen"),
                        (QuitChoice.QUIT, "Toch stoppen"),
                    ],
                    default=QuitChoice.STAY,
                ),
                decided,
            )
            return
        self.exit()

    def on_unmount(self) -> None:
        self.close_session_file()


if TYPE_CHECKING:
    from trustone_tui.tui.host import AppHost

    def _provides_host(app: TrustoneApp) -> AppHost:
        """Never called: mypy checks here that the app offers all that trustone_app() promises."""
        return app
