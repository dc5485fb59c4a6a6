"""The main screen: navigator, the question, and the live score panel."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Key, Resize, ScreenResume
from textual.screen import Screen

from trustone_tui.engine.history import Change
from trustone_tui.engine.scoring import Assessment
from trustone_tui.engine.session import QuestionAnswer, Session
from trustone_tui.engine.verdict import suggestion as suggested_answer
from trustone_tui.framework.model import Question
from trustone_tui.text.history import change_text
from trustone_tui.tui.host import AppHost, trustone_app
from trustone_tui.tui.sizes import NARROW_BELOW
from trustone_tui.tui.widgets.footer import KeyFooter
from trustone_tui.tui.widgets.intents import (
    AnswerChosen,
    AnswerIntent,
    ElementToggled,
    FollowUpToggled,
    NoteChanged,
    PercentageEntered,
)
from trustone_tui.tui.widgets.keys import PercentageInput, TypingField
from trustone_tui.tui.widgets.note import NoteField
from trustone_tui.tui.widgets.question import QuestionPanel, View
from trustone_tui.tui.widgets.refresh import apply_classes
from trustone_tui.tui.widgets.score import ScorePanel
from trustone_tui.tui.widgets.titlebar import TitleBar

if TYPE_CHECKING:
    from textual.widgets import Tree

    from trustone_tui.tui.widgets.navigator import Navigator, NodeRef

#: Terminal widths at which the layout changes (see app.tcss; NARROW_BELOW in tui/sizes.py).
NAVIGATOR_FROM = 140
SIDE_GUIDANCE_FROM = 190


#: Actions that only work on a question with an answer of its own.
QUESTION_ACTIONS = frozenset(
    {
        "answer",
        "answer_not_here",
        "clear_answer",
        "accept_suggestion",
        "focus_percentage",
        "edit_note",
        "toggle_follow_up",
        "toggle_element",
    }
)
#: The shown keys whose working depends on the question or the session (see check_action).
KEYS_THAT_VARY: tuple[tuple[str, tuple[object, ...]], ...] = (
    ("answer", ("nee",)),
    ("answer", ("nvt",)),
    ("accept_suggestion", ()),
    ("focus_percentage", ()),
    ("edit_note", ()),
    ("undo", ()),
    ("redo", ()),
)


def ticked(
    elements: Mapping[str, tuple[int, ...]], group: str, number: int, on: bool
) -> dict[str, tuple[int, ...]]:
    """``elements`` with element ``number`` of ``group`` ticked (``on``) or not."""
    numbers = set(elements.get(group, ())) - {number} | ({number} if on else set())
    others = {key: value for key, value in elements.items() if key != group}
    return {**others, group: tuple(sorted(numbers))} if numbers else others


def layout_classes(width: int) -> dict[str, bool]:
    """The screen's layout classes for a terminal ``width`` (see app.tcss)."""
    return {
        "-narrow": width < NARROW_BELOW,
        "-drawer": width < NAVIGATOR_FROM,
        "-wide": width >= SIDE_GUIDANCE_FROM,
    }


#: Keys the key bar shows together, under one word (each key's own word is its tooltip).
ANSWER_KEYS = Binding.Group("Antwoord")
MOVE_KEYS = Binding.Group("Vorige/volgende")
UNDO_KEYS = Binding.Group("Ongedaan/opnieuw")


class InterviewScreen(Screen[None]):
    """Walk through the questions in any order; every change is scored and saved at once."""

    #: Focus the question (not the navigator) from the first frame on. The question panel
    #: focuses it while composing (``focus_work``), which is cheaper; this is the fallback.
    AUTO_FOCUS = "#work"

    BINDINGS = [
        # First, so it stays visible when a narrow footer cuts off the end.
        Binding("f1", "app.help", "Hulp"),
        # The answer buttons name their keys ("Nee (n)"): the bar shows them as one group,
        # which leaves room for the keys after them at 80 and 120 columns.
        Binding("n", "answer('nee')", "Nee", group=ANSWER_KEYS),
        Binding("g", "answer('gedeeltelijk')", "Gedeeltelijk", group=ANSWER_KEYS),
        Binding("j", "answer('ja')", "Ja", group=ANSWER_KEYS),
        Binding("v", "answer('nvt')", "n.v.t.", group=ANSWER_KEYS),
        # Where an answer key does not work, it says why (and the key bar leaves it out).
        Binding("n,g,j,v", "answer_not_here", show=False),
        Binding("x", "clear_answer", "Wis", show=False),
        # Taking the suggested answer is answering too (the suggestion says "a = overnemen").
        Binding("a", "accept_suggestion", "Suggestie", group=ANSWER_KEYS),
        Binding("left_square_bracket", "move(-1)", "Vorige", group=MOVE_KEYS),
        Binding("right_square_bracket", "move(1)", "Volgende", group=MOVE_KEYS),
        # Notes before the rest: in a meeting they are taken on every question.
        Binding("e", "edit_note", "Notitie"),
        Binding("o", "next_open", "Open"),
        Binding("p", "focus_percentage", "%"),
        Binding("f", "toggle_follow_up", "Opvolgen"),
        Binding("t", "toggle_navigator", "Navigator", show=False),
        Binding("w", "app.toggle_what_if", "Wat-als"),
        Binding("s", "app.summary", "Samenvatting"),
        Binding("b", "app.profile", "Profiel"),
        # Shown where the bar has room (from about 160 columns); always in F1 and Ctrl+P.
        Binding("k", "app.register", "Ketenoverzicht"),
        Binding("m", "app.plan", "Plan"),
        Binding("ctrl+z", "undo", "Ongedaan", group=UNDO_KEYS),
        Binding("ctrl+y", "redo", "Opnieuw", group=UNDO_KEYS),
        Binding("escape", "leave_field", "Terug", show=False),
        *(Binding(str(n), f"toggle_element({n - 1})", show=False) for n in range(1, 10)),
    ]

    def __init__(self, start_question: str | None = None) -> None:
        # Classes given here (not set later) cost no restyling: nothing is styled yet.
        wanted = layout_classes(self.app.size.width)
        super().__init__(classes=" ".join(name for name, on in wanted.items() if on))
        self.current_id = start_question
        #: Which keys worked when the key bar was last drawn (see :meth:`_refresh_keys`).
        self._working_keys: tuple[bool | None, ...] = ()
        #: The navigator tree; as a drawer (narrow terminals) it is made when first shown.
        self._navigator: Navigator | None = None
        #: True until the screen is first shown: then every widget has just been styled.
        self._first_show = True

    @property
    def trustone(self) -> AppHost:
        """The app, typed (``self.app`` is any Textual app to the type checker)."""
        return trustone_app(self)

    @property
    def session(self) -> Session:
        """The session shown (the screen only exists while there is one)."""
        session = self.trustone.session
        assert session is not None
        return session

    @property
    def assessment(self) -> Assessment:
        """The live assessment of :attr:`session`."""
        assessment = self.trustone.assessment
        assert assessment is not None
        return assessment

    def compose(self) -> ComposeResult:
        framework = self.trustone.framework
        self.current_id = (
            self.current_id or self._resumed() or self._first_open() or self._navigable()[0]
        )
        yield TitleBar(progress=True)
        with Horizontal(id="interview"):
            if not self.has_class("-drawer"):
                yield self._new_navigator()
            yield QuestionPanel(
                framework,
                self._view(framework.questions[self.current_id]),
                focus_work=True,
                percentage_entered=self._percentage_entered,  # same frame: see QuestionPanel
                id="question",
            )
            yield ScorePanel(framework, id="score")
        yield KeyFooter()

    def on_screen_resume(self, event: ScreenResume) -> None:
        """Skip Textual's restyle of every widget when the screen is shown, the first time:
        each widget was styled as it mounted, a moment earlier, with the classes it was made
        with (see docs/performance.md). Later resumes restyle as usual."""
        if self._first_show:
            self._first_show = False
            event.refresh_styles = False

    def on_mount(self) -> None:
        self.watch(self.app, "assessment", self._assessment_changed, init=False)
        self.watch(self.app, "what_if", self._what_if_changed)
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self.watch(
            self.app,
            "outlook",
            lambda _: self.query_one(ScorePanel).show_outlook(
                self.trustone.plan, self.trustone.best
            ),
        )
        session, assessment = self.session, self.assessment
        if self._navigator is not None:
            self._navigator.show_assessment(assessment, session)
        self.query_one(ScorePanel).show(assessment)
        assert self.current_id is not None  # chosen in compose
        # The key bar was made for this question: showing it needs no second one.
        self._working_keys = self._keys_working()
        self.go_to(self.current_id)

    # ------------------------------------------------------------------ layout

    def on_resize(self, event: Resize) -> None:
        self._apply_layout(event.size.width)
        if not self.has_class("-drawer"):
            self.navigator()

    def _apply_layout(self, width: int) -> None:
        apply_classes(self, layout_classes(width))

    def action_toggle_navigator(self) -> None:
        """Show the navigator drawer (narrow terminals) or move focus to the navigator."""
        navigator = self.navigator()
        if self.has_class("-drawer"):
            self.toggle_class("-show-navigator")
            if not self.has_class("-show-navigator"):
                self.query_one("#work").focus()
                return
        navigator.focus()

    def navigator(self) -> Navigator:
        """The navigator tree, made and mounted the first time it is needed.

        A drawer nobody opens is never made: the tree's ~100 nodes, its widget and its CSS
        cost about 14 ms of the interview's start-up at 120 columns. A new tree shows the
        current score and question before it is mounted, so its first frame is complete.
        """
        if self._navigator is None:
            self.query_one("#interview").mount(self._new_navigator(), before=0)
        assert self._navigator is not None
        return self._navigator

    def _new_navigator(self) -> Navigator:
        from trustone_tui.tui.widgets.navigator import Navigator

        navigator = self._navigator = Navigator(self.trustone.framework, id="navigator")
        if self.is_mounted:  # up to date before its first frame (else on_mount does it)
            navigator.show_assessment(self.assessment, self.session)
            if self.current_id is not None:
                navigator.reveal(self.trustone.framework.questions[self.current_id])
        return navigator

    # ------------------------------------------------------------------ navigation

    def _navigable(self) -> list[str]:
        """Question ids that next/previous visit: the questions that count for this company."""
        return [qid for qid, result in self.assessment.results.items() if result.counted]

    def _resumed(self) -> str | None:
        """The last question worked on, kept in the file (None when unknown or not counted)."""
        last = self.session.interview.last_question
        result = self.assessment.results.get(last or "")
        return last if result is not None and result.counted else None

    def _first_open(self) -> str | None:
        return next((r.question.id for r in self.assessment.open_questions()), None)

    def go_to(self, question_id: str) -> None:
        """Show a question (re-renders the whole question panel)."""
        panel = self.query_one(QuestionPanel)
        panel.confirm_percentage()  # leaving the question leaves its percentage field
        self.current_id = question_id
        question = self.trustone.framework.questions[question_id]
        panel.show(self._view(question))
        self._refresh_keys()
        if self._navigator is not None:
            self._navigator.reveal(question)
        focused = self.focused
        if focused is not None and focused is not panel and panel in focused.ancestors:
            # A field of the previous question (note, percentage, ...) may now be hidden.
            self.query_one("#work").focus()

    def _view(self, question: Question) -> View:
        session = self.session
        assessment = self.assessment
        result = assessment.results.get(question.id)
        view = View(
            question,
            assessment.profile,
            session.answer(question.id),
            result,
            self.trustone.previous_side(question.id) if result is not None else None,
        )
        if session.actions:  # the plan of action's line under the answer
            from trustone_tui.engine.actions import reference_date, serving

            today = self.trustone.clock().date()
            view = view._replace(
                actions=serving(session.actions, question.id),
                actions_on=reference_date(session.interview.date, today),
            )
        return view

    def refresh_question(self) -> None:
        """Render the current question again (e.g. after last year's file was attached)."""
        if self.current_id is not None:
            self.query_one(QuestionPanel).show(
                self._view(self.trustone.framework.questions[self.current_id])
            )

    def action_move(self, delta: int) -> None:
        """Next (+1) or previous (-1) question that counts, from wherever the cursor is."""
        order = {qid: i for i, qid in enumerate(self.trustone.framework.questions)}
        here = order.get(self.current_id or "", -1)
        if delta > 0:
            target = next((q for q in self._navigable() if order[q] > here), None)
        else:
            target = next((q for q in reversed(self._navigable()) if order[q] < here), None)
        if target is None:
            self.notify("Dit is de " + ("laatste" if delta > 0 else "eerste") + " vraag.")
        else:
            self.go_to(target)

    def action_next_open(self) -> None:
        open_ids = [r.question.id for r in self.assessment.open_questions()]
        if not open_ids:
            self.notify("Alle vragen die meetellen zijn beantwoord.", title="Geen open vragen")
            return
        all_ids = list(self.trustone.framework.questions)
        position = all_ids.index(self.current_id) if self.current_id else -1
        later = [q for q in open_ids if all_ids.index(q) > position]
        self.go_to((later or open_ids)[0])

    def on_tree_node_selected(self, event: Tree.NodeSelected[NodeRef]) -> None:
        """A question chosen in the navigator (a handler by name: the Tree module is only
        imported when the navigator is first made)."""
        ref = event.node.data
        if event.control is self._navigator and ref is not None and ref.kind == "question":
            self.go_to(ref.key)
            if self.has_class("-drawer"):
                self.remove_class("-show-navigator")
                self.query_one("#work").focus()

    # ------------------------------------------------------------------ answering

    def _change(self, **changes: Any) -> None:
        self._update(lambda given: replace(given, **changes))

    def _update(self, change: Callable[[QuestionAnswer], QuestionAnswer]) -> None:
        """Give the current question the answer ``change`` makes of its answer."""
        if self.current_id is None:
            return
        question = self.trustone.framework.questions[self.current_id]
        if not question.is_scored:
            self.notify("Een groepsvraag heeft geen eigen antwoord.", severity="warning")
            return
        session = self.session
        updated = change(session.answer(self.current_id))
        after = session.with_answer(self.current_id, updated)
        if session.interview.last_question != self.current_id:  # where reopening resumes
            interview = replace(session.interview, last_question=self.current_id)
            after = replace(after, interview=interview)
        self.trustone.update_session(after)
        if session.actions:
            from trustone_tui.tui.screens.plan import offer_done

            offer_done(self, session, after, self.current_id)

    def _is_current(self, event: AnswerIntent) -> bool:
        """Whether ``event`` is about the question shown (not one the interviewer left)."""
        return event.question_id == self.current_id

    @on(AnswerChosen)
    def _answer_chosen(self, event: AnswerChosen) -> None:
        if self._is_current(event):
            self._change(answer=event.answer)

    @on(ElementToggled)
    def _element_toggled(self, event: ElementToggled) -> None:
        if self._is_current(event):
            self._update(
                lambda given: replace(
                    given, elements=ticked(given.elements, event.group, event.number, event.ticked)
                )
            )

    @on(FollowUpToggled)
    def _follow_up_toggled(self, event: FollowUpToggled) -> None:
        if self._is_current(event):
            self._change(follow_up=event.follow_up)

    @on(PercentageEntered)
    def _percentage_entered(self, event: PercentageEntered) -> None:
        if self._is_current(event):
            self._change(percentage=event.percentage)

    @on(NoteChanged)
    def _note_changed(self, event: NoteChanged) -> None:
        if self._is_current(event):
            self._change(note=event.note)

    def action_answer(self, answer: str) -> None:
        """Answer the question (only where the answer is possible: see check_action)."""
        self._change(answer=answer)
        if self.trustone.settings.auto_advance:  # a setting (Ctrl+P → Instellingen)
            self.action_move(1)

    def action_answer_not_here(self) -> None:
        """Say why an answer key does not work on this question."""
        question = self.trustone.framework.questions.get(self.current_id or "")
        if question is None or not question.is_scored:
            return
        if question.kind == "band":
            self.notify("Deze vraag wordt gescoord op het percentage (p).", severity="warning")
            self.action_focus_percentage()
        else:
            self.notify(
                f"n.v.t. kan alleen bij vragen die met 'Als je ...' beginnen; {question.id} niet.",
                severity="warning",
            )

    def action_clear_answer(self) -> None:
        self._change(answer=None)

    def action_accept_suggestion(self) -> None:
        suggestion = self.query_one(QuestionPanel).suggestion()
        if suggestion is None:
            self.notify("Er is geen suggestie voor deze vraag.", severity="warning")
            return
        self._change(answer=suggestion)

    def action_toggle_element(self, index: int) -> None:
        self.query_one(QuestionPanel).toggle_element(index)

    def action_toggle_follow_up(self) -> None:
        session = self.session
        if self.current_id is not None:
            self._change(follow_up=not session.answer(self.current_id).follow_up)

    def action_focus_percentage(self) -> None:
        question = self.trustone.framework.questions.get(self.current_id or "")
        if question is not None and question.kind in ("band", "percentage"):
            # At once (focus() would wait for the keys already queued): they are typed in it,
            # over the saved value.
            entry = self.query_one(QuestionPanel).percentage_input()
            self.set_focus(entry)
            entry.select_all()

    async def action_edit_note(self) -> None:
        await self.query_one(NoteField).edit()

    async def on_key(self, event: Key) -> None:
        """Keys pressed in a burst land, in order, where the cursor is.

        ``e`` and ``p`` move the cursor into the note or the percentage here, before the keys
        behind them are handled (as bindings they would run only after those keys had
        reached the screen's other bindings). Keys that were on their way before the field
        had the focus are typed into it; Enter (percentage) and Escape leave it at once, so
        the keys behind them are the screen's again (see ``widgets/keys.py``).
        """
        field = self._typing_field()
        if field is not None:
            if event.key == "escape":
                self.action_leave_field()
            elif event.key == "enter" and isinstance(field, PercentageInput):
                if self.query_one(QuestionPanel).confirm_percentage():
                    self.action_leave_field()
            elif field.handles(event):
                await field.press(event)
            else:
                return
        elif event.key == "e" and self.check_action("edit_note", ()):
            await self.query_one(NoteField).edit()
        elif event.key == "p" and self.check_action("focus_percentage", ()):
            self.action_focus_percentage()
        else:
            return
        event.stop()
        event.prevent_default()

    def _typing_field(self) -> TypingField | None:
        """The percentage input or the note editor, when it has the focus."""
        focused = self.focused
        if isinstance(focused, PercentageInput):
            return focused
        if focused is None or focused.id != "note":
            return None
        editor = self.query_one(NoteField).editor
        return editor if focused is editor else None

    # ------------------------------------------------------------------ undo

    def action_undo(self) -> None:
        self._step(self.trustone.undo(), "Ongedaan gemaakt")

    def action_redo(self) -> None:
        self._step(self.trustone.redo(), "Opnieuw gedaan")

    def _step(self, change: Change | None, title: str) -> None:
        """Show the question an undo or redo changed, and say what it changed."""
        if change is None:
            return
        question_id = change.question_ids[0]
        if question_id in self.trustone.framework.questions:
            self.go_to(question_id)
        self.notify(change_text(change), title=title)

    # ------------------------------------------------------------------ keys that work here

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the keys that do something for this question (and the key bar shows only
        those): no n.v.t. where it is not allowed, no % without a percentage, ..."""
        question = self.trustone.framework.questions.get(self.current_id or "")
        if action in QUESTION_ACTIONS:
            if question is None or not question.is_scored:
                return False
            if action == "answer":
                return question.kind != "band" and (parameters != ("nvt",) or question.nvt_allowed)
            if action == "focus_percentage":
                return question.kind in ("band", "percentage")
            if action == "accept_suggestion":
                given = self.session.answer(question.id)
                profile = self.assessment.profile
                return (
                    suggested_answer(self.trustone.framework, question.id, profile, given)
                    is not None
                )
            if action == "toggle_element":
                index = parameters[0] if parameters else 0
                return isinstance(index, int) and index < len(question.elements) * max(
                    1, len(question.element_groups)
                )
        if action == "undo":
            return self.trustone.history.can_undo and not self.trustone.what_if
        if action == "redo":
            return self.trustone.history.can_redo and not self.trustone.what_if
        return True

    def _keys_working(self) -> tuple[bool | None, ...]:
        return tuple(self.check_action(action, args) for action, args in KEYS_THAT_VARY)

    def _refresh_keys(self) -> None:
        """Redraw the key bar when the keys that work have changed (not on every change:
        redrawing it costs more than the change itself)."""
        working = self._keys_working()
        if working != self._working_keys:
            self._working_keys = working
            self.refresh_bindings()

    def action_leave_field(self) -> None:
        self.query_one(QuestionPanel).restore_percentage()  # Escape: the saved value back
        if self.has_class("-drawer"):
            self.remove_class("-show-navigator")
        # At once (focus() would wait for the keys already queued): they go to the screen.
        self.set_focus(self.query_one("#work"))

    # ------------------------------------------------------------------ live updates

    def _what_if_changed(self, on: bool) -> None:
        self.set_class(on, "-what-if")
        self._refresh_keys()

    def _theme_changed(self) -> None:
        """Tree labels are Rich Text with the theme's colours baked in: draw them again."""
        if self._navigator is not None:
            self.call_after_refresh(self._navigator.show_assessment, self.assessment, self.session)

    def _assessment_changed(self, assessment: Assessment) -> None:
        """Repaint what shows the score: the score panel, tree labels and the answer parts."""
        session = self.session
        self.query_one(ScorePanel).show(assessment)
        if self._navigator is not None:
            self._navigator.show_assessment(assessment, session)
        if self.current_id is not None:
            question = self.trustone.framework.questions[self.current_id]
            panel = self.query_one(QuestionPanel)
            view = self._view(question)
            if panel.view is not None and panel.view.profile != view.profile:
                panel.show(view)  # another criteria variant applies: render it all again
            else:
                panel.refresh_answer(view)
        self._refresh_keys()
