"""The question in front of the interviewer: text, criteria of this company's variant, elements,
answer, percentage, note and follow-up flag, with the guidance in its own scrollable pane.

The panel renders what it is given and posts typed intents (``widgets/intents.py``); the
screen turns those into a new session. Moving to another question re-renders everything; a
changed answer re-renders only the small parts that show it (never the guidance).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Checkbox, Input, Static

from trustone_tui.engine.actions import Action
from trustone_tui.engine.scoring import QuestionResult
from trustone_tui.engine.session import ANSWER_LABELS, UNGROUPED, QuestionAnswer
from trustone_tui.engine.verdict import (
    PercentageVerdict,
    percentage_verdict,
    suggestion,
    suggests,
)
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.model import AnswerWord, Question
from trustone_tui.framework.profile import Profile
from trustone_tui.text import formatting
from trustone_tui.text.formatting import points_count
from trustone_tui.text.plain import printable
from trustone_tui.text.register import source_text
from trustone_tui.tui import render
from trustone_tui.tui.widgets.answerbar import AnswerBar
from trustone_tui.tui.widgets.checklist import ElementList, Item
from trustone_tui.tui.widgets.intents import (
    AnswerChosen,
    ElementToggled,
    FollowUpToggled,
    NoteChanged,
    PercentageEntered,
)
from trustone_tui.tui.widgets.keys import PercentageInput
from trustone_tui.tui.widgets.note import NoteField
from trustone_tui.tui.widgets.refresh import apply_classes, set_content
from trustone_tui.tui.widgets.toggles import TickBox

if TYPE_CHECKING:
    from textual.widgets import TextArea

    from trustone_tui.report.compare import AnswerSide

#: The follow-up flag's label.
FOLLOW_UP = "Opvolgen (f)"


class View(NamedTuple):
    """Everything the panel shows for one question."""

    question: Question
    profile: Profile
    given: QuestionAnswer
    result: QuestionResult | None  # None for a group header
    #: Last year's answer, when a previous file is attached to the session.
    previous: AnswerSide | None = None
    #: The actions of the plan of action that serve the question, and the day they are
    #: judged overdue on.
    actions: tuple[Action, ...] = ()
    actions_on: dt.date | None = None


class PercentageOutOfRange(ValueError):
    """A typed number that is not a percentage."""


def parse_percentage(text: str) -> float | None:
    """The percentage typed into the input: ``62,5`` and ``62.5`` are 62.5, empty is None.

    Raises :class:`PercentageOutOfRange` outside 0-100 and ValueError for text that is not a
    number (yet), such as a lone comma.
    """
    text = text.strip().replace(",", ".")
    if not text:
        return None
    value = float(text)
    if not 0 <= value <= 100:
        raise PercentageOutOfRange("een percentage ligt tussen 0 en 100")
    return value


def percentage_text(percentage: float | None) -> str:
    """A saved percentage as the input shows it: ``82,5`` (Dutch decimal comma), or empty."""
    return "" if percentage is None else formatting.points(percentage)


def _refused(problem: ValueError) -> Content:
    """Why a draft percentage is not saved, marked in words and sign, not by colour alone."""
    reason = str(problem) if isinstance(problem, PercentageOutOfRange) else "dit is geen getal"
    return Content.styled(f"✗ niet opgeslagen: {reason}", "bold $text-error")


def previous_text(side: AnswerSide) -> Content:
    """``Vorig jaar: Gedeeltelijk, 3 van 6 punten`` and last year's note below it."""
    from trustone_tui.report.compare import describe  # only needed once a file is attached

    line = Content.assemble(("Vorig jaar: ", "bold"), describe(side))
    if side.follow_up:
        line = line + Content.styled("  ⚑ opvolgen", "$text-warning")
    if side.note:
        line = line + Content("\n") + Content.styled(printable(side.note), "italic")
    return line


def panel_classes(view: View) -> dict[str, bool]:
    """The panel's classes for a question: which parts app.tcss shows."""
    question, result = view.question, view.result
    scored = result is not None
    return {
        "-header": not scored,
        "-has-percentage": question.kind in ("band", "percentage"),
        "-band": question.kind == "band",
        "-has-elements": bool(question.elements),
        "-not-counted": result is not None and result.status == "not_counted",
        "-has-previous": view.previous is not None,
    }


def element_items(view: View) -> tuple[list[Item], set[tuple[str, int]]]:
    """The question's elements to tick, and which of them are ticked."""
    question = view.question
    items: list[Item] = []
    ticked: set[tuple[str, int]] = set()
    groups = [(g.key, g.label) for g in question.element_groups] or [(UNGROUPED, "")]
    key = 0
    for group, label in groups if question.elements else ():
        ticked_here = set(view.given.ticked(group))
        for number, text in enumerate(question.elements, start=1):
            key += 1
            # Ungrouped: the key is the element's number. Grouped (1.2.14): keys run on.
            prompt = f"{key} · {label} {number}. {text}" if label else f"{number}. {text}"
            items.append(Item(group, number, prompt))
            if number in ticked_here:
                ticked.add((group, number))
    return items, ticked


class QuestionPanel(Vertical):
    """Shows one :class:`View`; see the module docstring for what re-renders when."""

    def __init__(
        self,
        framework: Framework,
        first: View | None = None,
        *,
        focus_work: bool = False,
        percentage_entered: Callable[[PercentageEntered], None] | None = None,
        **kwargs: Any,
    ) -> None:
        """``first``: the view that will be shown first; its classes are set before the parts
        exist, so showing it restyles nothing. ``focus_work``: the work area (``#work``) has
        the focus from the start, unless something else on the screen already has it.
        ``percentage_entered``: called with each typed percentage, in the same call as the
        key press, so the input's echo and the score it changes are painted in the same frame
        (a message would reach the screen after the echo was painted); without it, the
        intent is posted as a message like the others."""
        if first is not None:
            kwargs["classes"] = " ".join(
                [kwargs.get("classes") or "", *(c for c, on in panel_classes(first).items() if on)]
            ).strip()
        super().__init__(**kwargs)
        self.framework = framework
        self._first = first
        self._focus_work = focus_work
        self.view: View | None = None
        #: True while :meth:`show` puts a question's stored percentage into the input.
        self.filling = False
        #: The question and criteria variant the criteria table was last laid out for.
        self._criteria_for: tuple[str, str] | None = None
        #: The percentage row's label, input and result, once a question with a percentage
        #: has been shown (see :meth:`percentage_input`).
        self._percentage_parts: tuple[Static, PercentageInput, Static] | None = None
        self._percentage_entered = percentage_entered
        #: The saved percentage as the input showed it; any other text is a draft.
        self._saved_percentage_text = ""

    def compose(self) -> ComposeResult:
        work = VerticalScroll(id="work")
        if self._focus_work and self.screen.focused is None:
            # Focused before it has children, as Screen's AUTO_FOCUS does it after they are
            # mounted: a focus change restyles the focused widget's descendants (here 22,
            # about 8 ms); now they are styled once, when they mount.
            work.has_focus = True
            self.screen.set_focus(work)
        with work:
            yield Static(id="q-title")
            yield Static(id="q-text")
            yield Static(id="q-variant")
            first = self._first
            yield AnswerBar(
                chosen=first.given.answer if first is not None else None,
                nvt_allowed=first.question.nvt_allowed if first is not None else True,
                id="answer-bar",
            )
            yield Static(id="q-previous")
            actions = Static(id="q-actions", markup=False)
            actions.display = False  # shown when the question has actions
            yield actions
            yield Static(id="q-criteria")
            yield Static(id="elements-heading")
            # The first question's boxes are made with the list, not mounted after it.
            yield ElementList(*(element_items(first) if first else ()), id="elements")
            yield Static(id="q-suggestion")
            yield Static("Notitie [dim](e)[/dim]", id="note-label", markup=True)
            yield NoteField(first.given.note if first is not None else "", id="note-field")
            yield TickBox(FOLLOW_UP, first.given.follow_up if first else False, id="follow-up")
        with VerticalScroll(id="guidance-scroll"):
            yield Static(id="q-guidance")
            yield Static(id="q-tools")

    # ------------------------------------------------------------------ rendering

    def show(self, view: View) -> None:
        """Render a question from scratch (called when moving to it)."""
        self.view = view
        question = view.question
        step = self.framework.step_of(question)
        section = self.framework.sections.get(question.section or "")
        where = f"stap {step.number}" + (f" › {section.id} {section.title}" if section else "")
        title = Content.assemble((question.id, "bold"), "  ", (where, "$text-muted"))
        if question.core_levels:
            levels = " en ".join(str(lv) for lv in question.core_levels)
            title = title + Content.assemble(
                "  ", (f" kernvraag niveau {levels} ", "bold reverse $warning")
            )
        self.query_one("#q-title", Static).update(title)
        self.query_one("#q-text", Static).update(Content.styled(question.text, "bold"))
        self.query_one("#q-guidance", Static).update(render.guidance(question.guidance))
        self.query_one("#q-tools", Static).update(self._tools_text(step.number))
        scored = view.result is not None
        apply_classes(self, panel_classes(view))
        if not scored:
            children = ", ".join(c.id for c in self.framework.children(question.id))
            self.query_one("#q-variant", Static).update(
                Content(f"Groepsvraag zonder punten: beantwoord {children}.")
            )
            return
        self._show_elements(view)
        self.query_one(NoteField).show(view.given.note)
        if question.kind in ("band", "percentage"):
            self._show_percentage(view)
        self.refresh_answer(view)
        self.query_one("#work", VerticalScroll).scroll_home(animate=False)
        self.query_one("#guidance-scroll", VerticalScroll).scroll_home(animate=False)

    def percentage_input(self) -> PercentageInput:
        """The percentage input, made (with its row) the first time it is needed.

        Most questions have no percentage and the first one shown often has none: a row
        made up front cost about 6 ms of the interview's start-up (``docs/performance.md``).
        """
        if self._percentage_parts is None:
            percentage = PercentageInput(
                id="percentage",
                # Digits with a decimal comma (Dutch) or point.
                restrict=r"[0-9]*[.,]?[0-9]*",
                max_length=6,
                placeholder="0-100",
                compact=True,
                # Selected by the p key itself, at once (on focus would be after the keys
                # already on their way: see InterviewScreen.on_key).
                select_on_focus=False,
            )
            # Watched, not Input.Changed, which would pass through four message queues first.
            self.watch(percentage, "value", self._percentage_typed, init=False)
            self._percentage_parts = (
                Static(id="percentage-label"),
                percentage,
                Static(id="percentage-result"),
            )
            row = Horizontal(*self._percentage_parts, id="percentage-row")
            self.query_one("#work").mount(row, after="#answer-bar")
        return self._percentage_parts[1]

    def _show_percentage(self, view: View) -> None:
        question = view.question
        self._fill_percentage(view.given.percentage)
        assert self._percentage_parts is not None
        self._percentage_parts[0].update(
            Content(f"% {question.percentage_subject}: ") if question.percentage_subject else ""
        )

    def _fill_percentage(self, percentage: float | None) -> None:
        """Put the saved percentage into the input, with a Dutch decimal comma (``82,5``)."""
        entry = self.percentage_input()
        self._saved_percentage_text = percentage_text(percentage)
        self.filling = True  # the stored value, not typed: see _percentage_typed
        try:
            entry.value = self._saved_percentage_text
            entry.cursor_position = len(entry.value)
        finally:
            self.filling = False

    def refresh_answer(self, view: View) -> None:
        """Re-render only what shows the answer (called after every change)."""
        self.view = view
        result = view.result
        if result is None:
            return
        question = view.question
        variant = result.criteria
        assert variant is not None
        variant_line = Content.assemble(
            "Criteria voor ",
            (view.profile.label, "bold"),
            f": {variant.heading}",
        )
        if result.status == "not_counted":
            variant_line = Content.assemble(
                (f"Telt niet mee voor categorie {view.profile.category}", "bold $text-warning"),
                " — het antwoord blijft bewaard. ",
                variant_line,
            )
        oddity = question.oddity_for(variant)
        if oddity:  # where the framework itself is odd: one line from the question bank
            variant_line = Content.assemble(
                variant_line, "\n", ("Let op: ", "bold $text-warning"), (oddity, "$text")
            )
        set_content(self.query_one("#q-variant", Static), variant_line)
        given = view.given
        chosen = given.answer
        suggestion = self._suggestion(view)
        table: Content | render.Blocks
        if question.kind == "band":
            table = render.band_table(variant, result.percentage)
        else:
            shown = result.answer if result.source == "percentage" else chosen
            table = render.criteria_table(variant, shown, suggestion)
        criteria = self.query_one("#q-criteria", Static)
        if self._criteria_for == (question.id, variant.audience):
            # Same question and variant: marking an answer never changes the table's height.
            criteria.update(table, layout=False)
        else:
            criteria.update(table)
            self._criteria_for = (question.id, variant.audience)
        self.query_one(AnswerBar).show(
            chosen=chosen,
            nvt_allowed=question.nvt_allowed,
            points=self._points_text(result),
            points_width=self._widest_points_text(result, question.nvt_allowed),
        )
        if self._percentage_parts is not None:
            if percentage_text(view.given.percentage) != self._saved_percentage_text:
                self._fill_percentage(view.given.percentage)  # saved, or changed by undo
            set_content(self._percentage_parts[2], self._percentage_text(view))
        set_content(
            self.query_one("#q-suggestion", Static), self._suggestion_text(view, suggestion)
        )
        follow_up = self.query_one("#follow-up", TickBox)
        with follow_up.prevent(Checkbox.Changed):
            follow_up.value = given.follow_up
        if view.previous is not None:
            set_content(self.query_one("#q-previous", Static), previous_text(view.previous))
        self._show_actions(view)

    def _show_actions(self, view: View) -> None:
        """One line naming the question's actions (plan of action), when it has any."""
        line = self.query_one("#q-actions", Static)
        line.display = bool(view.actions)
        if view.actions and view.actions_on is not None:
            from trustone_tui.text.actions import question_actions_line

            set_content(line, Content(question_actions_line(view.actions, view.actions_on)))

    def _widest_points_text(self, result: QuestionResult, nvt_allowed: bool) -> int:
        """Cells of the widest points text the question can show, whatever its answer: the
        points go beside the answer buttons only when that fits, so that answering never moves
        them between beside and below (a jump under the reader's eyes, and a second layout)."""
        most = result.max_points
        shown = [result._replace(status="open")]
        shown += [result._replace(status="answered", points=p) for p in (most, most - 0.5)]
        if nvt_allowed:
            shown.append(result._replace(status="nvt"))
        return max(self._points_text(variant).cell_length for variant in shown)

    def _points_text(self, result: QuestionResult) -> Content:
        if result.status == "nvt":
            return Content.assemble(("n.v.t.", "bold"), " · telt niet mee")
        if result.status == "not_counted":
            return Content("")
        if result.status == "open":
            return Content.assemble(
                ("open", "$text-muted"), f" · max {formatting.points_count(result.max_points)}"
            )
        return Content.assemble(
            "→ ",
            (formatting.points(result.points or 0), "bold"),
            f" van {formatting.points_count(result.max_points)}",
        )

    def _percentage_text(self, view: View) -> Content:
        result = view.result
        if result is None or view.question.kind not in ("band", "percentage"):
            return Content("")
        # The percentage that counts: the register's when it has one (engine/sources), else
        # the one typed (a draft's, while it is typed).
        if result.percentage_source == "register":
            verdict = percentage_verdict(result, replace(view.given, percentage=result.percentage))
        else:
            verdict = percentage_verdict(result, view.given)
        source = source_text(result.percentage_source, result.percentage, view.given.percentage)
        if source is not None:
            return self._verdict_text(verdict) + Content.styled(f" · {source}", "$text-accent")
        return self._verdict_text(verdict)

    @staticmethod
    def _verdict_text(verdict: PercentageVerdict | None) -> Content:
        if verdict is None:
            return Content.styled("nog geen percentage", "$text-muted")
        if verdict.band is not None:
            return Content.assemble(
                "band ", (verdict.band.label, "bold"), f" → {points_count(verdict.band.points)}"
            )
        assert verdict.answer is not None
        text = Content.assemble(
            "→ ", (ANSWER_LABELS[verdict.answer], "bold"), " volgens de criteria"
        )
        if verdict.overridden_by is not None:
            text = text + Content.styled(
                f" (gekozen antwoord {ANSWER_LABELS[verdict.overridden_by]} telt)", "$text-warning"
            )
        return text

    def _suggestion(self, view: View) -> AnswerWord | None:
        return suggestion(self.framework, view.question.id, view.profile, view.given)

    def _suggestion_text(self, view: View, suggested: AnswerWord | None) -> Content:
        if not view.question.elements:
            return Content("")
        if not suggests(self.framework, view.question.id, view.profile):
            return Content.styled(
                "Geen automatische suggestie: de criteria gaan niet alleen over de onderdelen.",
                "$text-muted",
            )
        if suggested is None:
            return Content.styled("Vink onderdelen aan (1-9) voor een suggestie.", "$text-muted")
        if suggested == view.given.answer:
            return Content.assemble("Suggestie ", (ANSWER_LABELS[suggested], "bold"), " ✓")
        return Content.assemble(
            "Suggestie: ", (ANSWER_LABELS[suggested], "bold $text-accent"), " — a = overnemen"
        )

    def _show_elements(self, view: View) -> None:
        question = view.question
        heading = Content.assemble(("Onderdelen ", "bold"), question.elements_heading or "")
        self.query_one("#elements-heading", Static).update(heading if question.elements else "")
        self.query_one("#elements", ElementList).show(*element_items(view))

    def _tools_text(self, step_number: int) -> Content | render.Blocks:
        step = self.framework.steps[step_number - 1]
        if not step.resources:
            return Content("")
        return render.tools(tuple((r.heading, tuple(r.items)) for r in step.resources))

    # ------------------------------------------------------------------ intents

    def _scored_id(self) -> str | None:
        """The id of the question shown, if it has an answer of its own."""
        if self.view is None or self.view.result is None:
            return None
        return self.view.question.id

    @on(AnswerBar.Chosen)
    def _answer_chosen(self, event: AnswerBar.Chosen) -> None:
        event.stop()
        if (question_id := self._scored_id()) is not None:
            self.post_message(AnswerChosen(question_id, event.answer))

    @on(ElementList.Toggled)
    def _element_toggled(self, event: ElementList.Toggled) -> None:
        event.stop()
        if (question_id := self._scored_id()) is not None:
            self.post_message(ElementToggled(question_id, event.group, event.number, event.ticked))

    def _percentage_typed(self, text: str) -> None:
        """A typed percentage is a draft: say what it would give, or why it cannot be used.

        Nothing is saved until the draft is confirmed (:meth:`confirm_percentage`)."""
        if self.filling or self.view is None or self.view.result is None:
            return  # the question's stored value being shown, not typed
        assert self._percentage_parts is not None  # a percentage was typed: the input exists
        result_line = self._percentage_parts[2]
        if not self.percentage_draft():
            set_content(result_line, self._percentage_text(self.view))
            return
        try:
            value = parse_percentage(text)
        except ValueError as problem:
            set_content(result_line, _refused(problem))
            return
        draft = self.view._replace(given=replace(self.view.given, percentage=value))
        set_content(
            result_line,
            Content.assemble(("✎ Enter bewaart, Esc herstelt: ", "bold"))
            + self._percentage_text(draft),
        )

    def percentage_draft(self) -> bool:
        """Whether the percentage input holds text that is not the saved percentage."""
        parts = self._percentage_parts
        return parts is not None and parts[1].value != self._saved_percentage_text

    def confirm_percentage(self) -> bool:
        """Save the percentage typed (Enter, or leaving the field); False, with the reason
        shown, when it is no percentage, and then nothing is saved."""
        question_id = self._scored_id()
        if question_id is None or not self.percentage_draft():
            return True
        assert self._percentage_parts is not None
        entry, result_line = self._percentage_parts[1], self._percentage_parts[2]
        try:
            value = parse_percentage(entry.value)
        except ValueError as problem:
            set_content(result_line, _refused(problem))
            return False
        self._saved_percentage_text = entry.value
        intent = PercentageEntered(question_id, value)
        if self._percentage_entered is not None:
            self._percentage_entered(intent)
        else:
            self.post_message(intent)
        return True

    def restore_percentage(self) -> str | None:
        """Put the saved percentage back in place of a draft; the draft thrown away, if any."""
        if not self.percentage_draft() or self.view is None:
            return None
        assert self._percentage_parts is not None
        draft = self._percentage_parts[1].value
        self._fill_percentage(self.view.given.percentage)
        set_content(self._percentage_parts[2], self._percentage_text(self.view))
        return draft

    @on(Input.Blurred, "#percentage")
    def _percentage_left(self, event: Input.Blurred) -> None:
        """Leaving the field confirms a draft; one that is no percentage is thrown away."""
        event.stop()
        if self.percentage_draft() and not self.confirm_percentage():
            draft = self.restore_percentage()
            self.notify(
                f"{draft} is niet opgeslagen: een percentage ligt tussen 0 en 100.",
                title="Percentage",
                severity="warning",
            )

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """The note typed (a handler by name: the editor is only imported when first used)."""
        if event.text_area.id == "note" and (question_id := self._scored_id()) is not None:
            self.post_message(NoteChanged(question_id, event.text_area.text))

    @on(Checkbox.Changed, "#follow-up")
    def _follow_up_toggled(self, event: Checkbox.Changed) -> None:
        event.stop()
        if (question_id := self._scored_id()) is not None:
            self.post_message(FollowUpToggled(question_id, event.value))

    # ------------------------------------------------------------------ keyboard helpers

    def toggle_element(self, index: int) -> None:
        self.query_one("#elements", ElementList).toggle(index)

    def suggestion(self) -> str | None:
        return None if self.view is None else self._suggestion(self.view)
