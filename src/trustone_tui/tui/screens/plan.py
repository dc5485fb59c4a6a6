"""The plan of action: a table of the actions by due date, edited by keyboard.

``a`` adds, Enter edits, ``d`` deletes (after a question), space moves the status on, ``p``
turns the current plan's steps (the fewest steps to the next level) into draft actions, ``l``
does the same for a level picked from a list. Every change goes through the app's
``update_session``, so it is scored and saved like an answer. Nothing is created without one of
those keys.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from trustone_tui.engine.actionplan import newly_reached, next_action_ids
from trustone_tui.engine.actions import (
    ACTION_STATUSES,
    Action,
    ActionStatus,
    add_progress,
    drop_action,
    next_status,
    put_action,
    reference_date,
)
from trustone_tui.engine.session import Session
from trustone_tui.framework.bank import Framework
from trustone_tui.text.actions import (
    OVERDUE_MARK,
    STATUS_LABELS,
    counts_line,
    date_text,
    parse_date,
)
from trustone_tui.text.plain import clip, printable
from trustone_tui.tui.host import AppHost, trustone_app
from trustone_tui.tui.widgets.titlebar import TitleBar

if TYPE_CHECKING:
    from trustone_tui.engine.planner import Plan

#: Characters of an action's text shown in the table (the form shows all of it): the width
#: the other columns leave, within these bounds.
TEXT_WIDTH = (20, 60)
#: Terminal columns the table's other columns and margins take (owner clipped to 14).
OTHER_COLUMNS = 62
OWNER_WIDTH = 14
COLUMNS = ("Actie", "Wat", "Vragen", "Eigenaar", "Vóór", "Status")
_SEPARATORS = re.compile(r"[\s,;]+")


class Confirm(StrEnum):
    YES = "yes"
    NO = "no"


# --------------------------------------------------------------------------- the form


def action_from_form(
    framework: Framework,
    *,
    action_id: str,
    text: str,
    questions: str,
    owner: str,
    due: str,
    status: ActionStatus,
    progress_note: str,
    today: dt.date,
    old: Action | None,
) -> Action:
    """The action the form describes; ValueError with a Dutch reason when it is not one.

    The question ids may be separated by spaces, commas or semicolons. A progress note is
    added with today's date (or the last note's date, so that notes stay in date order). Aims
    of questions no longer served are dropped.
    """
    text = text.strip()
    if not text:
        raise ValueError("Beschrijf wat er moet gebeuren.")
    ids = tuple(dict.fromkeys(q for q in _SEPARATORS.split(questions.strip()) if q))
    for qid in ids:
        question = framework.questions.get(qid)
        if question is None:
            raise ValueError(f"Vraag {qid!r} bestaat niet.")
        if not question.is_scored:
            raise ValueError(f"{qid} is een groepsvraag; kies een van de deelvragen.")
    if not due.strip():
        raise ValueError("Geef een datum waarvoor de actie klaar moet zijn.")
    due_date = parse_date(due)
    action = Action(
        id=action_id,
        text=text,
        questions=ids,
        owner=owner.strip(),
        due=due_date,
        status=status,
        progress=old.progress if old else (),
        created=old.created if old else today,
        aims=tuple(aim for aim in (old.aims if old else ()) if aim.question in ids),
    )
    return add_progress(action, progress_note, today)


class ActionForm(ModalScreen[Action | None]):
    """Add or edit one action with stock fields; None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Annuleren")]

    DEFAULT_CSS = """
    ActionForm .dialog-box { max-width: 90; height: 90%; max-height: 30; }
    ActionForm #form-fields { height: 1fr; }
    ActionForm Input { background: $panel; }
    ActionForm Input:focus { background: $primary 30%; }
    ActionForm Select:focus > SelectCurrent { background: $primary 30%; }
    ActionForm Label { margin-top: 1; }
    ActionForm #form-problem { color: $text-error; }
    ActionForm #form-progress-log { color: $text-muted; }
    """

    def __init__(
        self, framework: Framework, action_id: str, old: Action | None, today: dt.date, due: dt.date
    ) -> None:
        super().__init__(classes="dialog")
        self.framework = framework
        self.action_id = action_id
        self.old = old
        self.today = today
        self.default_due = due

    def compose(self) -> ComposeResult:
        old = self.old
        title = f"Actie {self.action_id} bewerken" if old else f"Nieuwe actie {self.action_id}"
        with Vertical(classes="dialog-box"):
            yield Static(title, classes="dialog-title", markup=False)
            fields = VerticalScroll(id="form-fields")
            fields.can_focus = False  # Tab goes from field to field
            with fields:
                yield Label("Wat moet er gebeuren")
                # A control character is shown as its escape (saved as that text).
                yield Input(printable(old.text) if old else "", id="form-text", compact=True)
                yield Label("Vragen (bijv. 2.1.1c 3.1.2; mag leeg)")
                yield Input(
                    " ".join(old.questions) if old else "", id="form-questions", compact=True
                )
                yield Label("Eigenaar")
                yield Input(printable(old.owner) if old else "", id="form-owner", compact=True)
                yield Label("Klaar vóór (dd-mm-jjjj)")
                yield Input(
                    date_text(old.due if old else self.default_due), id="form-due", compact=True
                )
                yield Label("Status")
                yield Select(
                    [(STATUS_LABELS[s], s) for s in ACTION_STATUSES],
                    value=old.status if old else "open",
                    allow_blank=False,
                    compact=True,
                    id="form-status",
                )
                if old and old.progress:
                    log = printable(
                        "\n".join(f"{date_text(p.date)}: {p.note}" for p in old.progress)
                    )
                    yield Label("Voortgang")
                    yield Static(log, id="form-progress-log", markup=False)
                yield Label("Voortgang toevoegen (met de datum van vandaag; mag leeg)")
                yield Input("", id="form-progress", compact=True)
            yield Static("", id="form-problem", markup=False)
            yield Static("Enter of Opslaan bewaart · Esc annuleert", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Opslaan", variant="primary", id="save")
                yield Button("Annuleren", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#form-text", Input).focus()
        fields = self.query_one("#form-fields", VerticalScroll)
        self.call_after_refresh(fields.scroll_home, animate=False)  # the first label too

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        status = self.query_one("#form-status", Select).value
        assert isinstance(status, str) and status in ACTION_STATUSES
        try:
            action = action_from_form(
                self.framework,
                action_id=self.action_id,
                text=self._value("#form-text"),
                questions=self._value("#form-questions"),
                owner=self._value("#form-owner"),
                due=self._value("#form-due"),
                status=status,
                progress_note=self._value("#form-progress"),
                today=self.today,
                old=self.old,
            )
        except ValueError as problem:
            self.query_one("#form-problem", Static).update(str(problem))
            return
        self.dismiss(action)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class LevelPicker(ModalScreen[str | None]):
    """Pick the level to plan toward; None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Annuleren")]

    def __init__(self, levels: list[tuple[str, str]]) -> None:
        super().__init__(classes="dialog")
        self.levels = levels

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static("Acties maken voor niveau", classes="dialog-title")
            yield OptionList(
                *(Option(label, id=level_id) for level_id, label in self.levels), id="levels"
            )
            yield Static("Enter kiest · Esc annuleert", classes="dialog-hint")

    @on(OptionList.OptionSelected, "#levels")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


# --------------------------------------------------------------------------- the screen


class ActionsScreen(Screen[None]):
    """A screen about the open session's plan of action (opened only with a session)."""

    @property
    def host(self) -> AppHost:
        return trustone_app(self)

    @property
    def session(self) -> Session:
        session = self.host.session
        assert session is not None  # the screen is only opened with a session
        return session

    def today(self) -> dt.date:
        return self.host.clock().date()

    def judged_on(self) -> dt.date:
        """The day actions are judged overdue on: the assessment date, else today."""
        return reference_date(self.session.interview.date, self.today())


class PlanScreen(ActionsScreen):
    """The plan of action of the open session."""

    BINDINGS = [
        Binding("escape", "close", "Terug"),
        Binding("a", "add", "Toevoegen"),
        Binding("enter", "edit", "Bewerken"),
        Binding("space", "next_status", "Status"),
        Binding("d,delete", "delete", "Verwijderen"),
        Binding("p", "draft", "Uit plan"),
        Binding("l", "draft_for_level", "Niveau kiezen"),
        Binding("v", "app.limited_assessment", "Voortgang"),
    ]

    DEFAULT_CSS = """
    PlanScreen #plan-head { padding: 1 1 0 1; height: auto; }
    PlanScreen #plan-table { height: 1fr; margin: 1 1 0 1; }
    PlanScreen #plan-empty { padding: 1 1; color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__()
        #: Action ids in the order of the table's rows.
        self.row_ids: list[str] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="plan-head")
        yield DataTable(id="plan-table", cursor_type="row", zebra_stripes=True)
        yield Static(
            "Nog geen acties. a = actie toevoegen, p = acties uit het plan naar het volgende "
            "niveau, l = uit het plan naar een niveau naar keuze.",
            id="plan-empty",
        )
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#plan-table", DataTable)
        table.add_columns(*COLUMNS)
        self.watch(self.app, "assessment", lambda _: self.show(), init=False)
        self.show()
        table.focus()

    # ------------------------------------------------------------------ showing

    def on_resize(self) -> None:
        if self.is_mounted:
            self.show()

    def show(self, current: str | None = None) -> None:
        """Render the session's plan; the cursor stays on ``current`` (or its action)."""
        from trustone_tui.report.actionplan import by_due_date, date_line, plan_view, reaches_line

        table = self.query_one("#plan-table", DataTable)
        if current is None and self.row_ids and 0 <= table.cursor_row < len(self.row_ids):
            current = self.row_ids[table.cursor_row]
        host = self.host
        session = self.session
        view = plan_view(host.framework, session, self.today())
        on = view.on
        self.query_one("#plan-head", Static).update(
            Content("\n").join(
                [
                    Content.styled(f"Plan van aanpak — {printable(session.company.name)}", "bold"),
                    Content(f"{date_line(view)} · {reaches_line(view)}"),
                    Content(counts_line(session.actions, on)),
                ]
            )
        )
        table.clear()
        actions = by_due_date(session.actions)
        self.row_ids = [a.id for a in actions]
        low, high = TEXT_WIDTH
        text_width = min(max(self.app.size.width - OTHER_COLUMNS, low), high)
        for action in actions:
            due: str | Content = date_text(action.due)
            if action.is_overdue(on):
                due = Content.styled(f"{due} ⚠ {OVERDUE_MARK}", "bold $text-error")
            table.add_row(
                action.id,
                clip(printable(action.text), text_width),
                " ".join(action.questions),
                clip(printable(action.owner), OWNER_WIDTH),
                due,
                STATUS_LABELS[action.status],
                key=action.id,
            )
        table.display = bool(actions)
        self.query_one("#plan-empty").display = not actions
        if current in self.row_ids:
            table.move_cursor(row=self.row_ids.index(current))

    def selected(self) -> Action | None:
        table = self.query_one("#plan-table", DataTable)
        if not self.row_ids or not 0 <= table.cursor_row < len(self.row_ids):
            return None
        wanted = self.row_ids[table.cursor_row]
        return next((a for a in self.session.actions if a.id == wanted), None)

    # ------------------------------------------------------------------ changing

    def _editable(self) -> bool:
        if self.host.what_if:
            self.notify(
                "Wijzig het plan buiten de wat-als-modus (w): daar wordt niets bewaard.",
                severity="warning",
            )
            return False
        return True

    def _save(self, actions: tuple[Action, ...], current: str | None = None) -> None:
        self.host.update_session(replace(self.session, actions=actions))
        self.show(current)

    def action_add(self) -> None:
        if not self._editable():
            return
        (new_id,) = next_action_ids((a.id for a in self.session.actions), 1)
        self._open_form(new_id, None)

    def action_edit(self) -> None:
        action = self.selected()
        if action is not None and self._editable():
            self._open_form(action.id, action)

    @on(DataTable.RowSelected, "#plan-table")
    def _row_selected(self) -> None:
        self.action_edit()

    def _open_form(self, action_id: str, old: Action | None) -> None:
        from trustone_tui.engine.actionplan import due_for_level

        today = self.today()
        assessment = self.host.assessment
        rank = assessment.level.rank if assessment is not None and assessment.level else 0
        due = due_for_level(self.host.framework, self.session, rank + 1, self.judged_on())

        def done(action: Action | None) -> None:
            if action is not None:
                self._save(put_action(self.session.actions, action), action.id)

        self.app.push_screen(ActionForm(self.host.framework, action_id, old, today, due), done)

    def action_next_status(self) -> None:
        action = self.selected()
        if action is None or not self._editable():
            return
        changed = replace(action, status=next_status(action.status))
        self._save(put_action(self.session.actions, changed), action.id)
        self.notify(f"{action.id}: {STATUS_LABELS[changed.status]}")

    def action_delete(self) -> None:
        action = self.selected()
        if action is None or not self._editable():
            return
        from trustone_tui.tui.screens.dialogs import ChoiceDialog

        def decided(choice: Confirm | None) -> None:
            if choice is Confirm.YES:
                self._save(drop_action(self.session.actions, action.id))
                self.notify(f"Actie {action.id} verwijderd.")

        self.app.push_screen(
            ChoiceDialog(
                f"Actie {action.id} verwijderen?",
                [
                    action.text,
                    "",
                    "Wil je alleen aangeven dat ze niet meer nodig is, kies dan "
                    "de status vervallen (spatie).",
                ],
                [(Confirm.YES, "Verwijderen"), (Confirm.NO, "Behouden")],
                default=Confirm.NO,
            ),
            decided,
        )

    # ------------------------------------------------------------------ drafts from the plan

    def action_draft(self) -> None:
        self.host.ensure_outlook()
        self._draft(self.host.plan)

    def action_draft_for_level(self) -> None:
        assessment = self.host.assessment
        if assessment is None:
            return
        rank = assessment.level.rank if assessment.level else 0
        levels = [
            (gap.level.id, f"{gap.level.id}: {clip(gap.level.description, 70)}")
            for gap in assessment.gaps
            if gap.level.rank > rank
        ]
        if not levels:
            self.notify("Het bedrijf heeft het hoogste niveau al.", title="Geen plan")
            return

        def chosen(level_id: str | None) -> None:
            if level_id is None:
                return
            from trustone_tui.engine.planner import plan

            self._draft(plan(self.host.framework, self.session, level_id))

        self.app.push_screen(LevelPicker(levels), chosen)

    def _draft(self, the_plan: Plan | None) -> None:
        if not self._editable():
            return
        if the_plan is None:
            self.notify("Het bedrijf heeft het hoogste niveau al.", title="Geen plan")
            return
        if not the_plan.reachable:
            from trustone_tui.text.plan import blocker_texts

            self.notify(
                "\n".join(blocker_texts(the_plan)),
                title=f"{the_plan.target.id} is niet haalbaar door betere antwoorden",
                severity="warning",
            )
            return
        from trustone_tui.text.actions import draft_actions

        drafts = draft_actions(self.host.framework, self.session, the_plan, self.today())
        if not drafts:
            self.notify(
                f"Elke stap naar {the_plan.target.id} heeft al een actie.", title="Niets toegevoegd"
            )
            return
        self._save((*self.session.actions, *drafts), drafts[0].id)
        ids = drafts[0].id if len(drafts) == 1 else f"{drafts[0].id}–{drafts[-1].id}"
        self.notify(
            f"{len(drafts)} conceptacties naar {the_plan.target.id} ({ids}). "
            "Pas ze aan met Enter: eigenaar, datum, tekst.",
            title="Acties uit het plan",
        )

    def action_close(self) -> None:
        self.dismiss(None)


# --------------------------------------------------------------------------- from the interview


def offer_done(node: Screen[Any], before: Session, after: Session, question_id: str) -> None:
    """After an answer changed: offer to mark ``klaar`` the actions that now reach their aim."""
    host = trustone_app(node)
    if host.what_if:
        return
    reached = newly_reached(host.framework, before, after, question_id)
    if not reached:
        return
    from trustone_tui.tui.screens.dialogs import ChoiceDialog

    ids = {a.id for a in reached}

    def decided(choice: Confirm | None) -> None:
        session = host.session
        if choice is not Confirm.YES or session is None:
            return
        actions = tuple(replace(a, status="klaar") if a.id in ids else a for a in session.actions)
        host.update_session(replace(session, actions=actions))
        node.notify(f"{', '.join(sorted(ids))}: klaar", title="Plan van aanpak")

    word = "Actie" if len(reached) == 1 else "Acties"
    node.app.push_screen(
        ChoiceDialog(
            f"{word} uit het plan van aanpak bereikt",
            [*(f"{a.id}: {a.text}" for a in reached), "", "Als klaar markeren?"],
            [(Confirm.YES, "Klaar"), (Confirm.NO, "Nog niet")],
            default=Confirm.NO,
            severity="info",
        ),
        decided,
    )
