"""The summary: points per step, level and gaps, open and follow-up questions, and notes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import DataTable, Footer, OptionList, Static
from textual.widgets.option_list import Option

from trustone_tui.engine.scoring import Assessment
from trustone_tui.engine.session import ANSWER_LABELS, Session
from trustone_tui.text import formatting
from trustone_tui.text.plain import clip, printable
from trustone_tui.text.summary import next_steps_lines
from trustone_tui.tui.host import trustone_app
from trustone_tui.tui.sizes import NARROW_BELOW
from trustone_tui.tui.widgets.score import gap_lines
from trustone_tui.tui.widgets.titlebar import TitleBar


def show_paragraphs(container: Vertical, lines: list[Content]) -> None:
    """One Static per line, its leading spaces an indent that wrapped lines keep too (a line
    wrapped in one Static would go on at the left edge)."""
    container.remove_children()
    paragraphs = []
    for line in lines:
        indent = len(line.plain) - len(line.plain.lstrip(" "))
        paragraph = Static(line[indent:], classes="paragraph")
        paragraph.styles.padding = (0, 0, 0, indent)
        paragraphs.append(paragraph)
    container.mount_all(paragraphs)


class SummaryScreen(Screen[str | None]):
    """Returns the id of a question to jump to, or None."""

    BINDINGS = [
        Binding("escape,s", "close", "Terug"),
        Binding("u", "record_outcome", "Uitkomst vastleggen"),
        Binding("enter", "jump", "Naar vraag", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="summary"):
            with VerticalScroll(id="summary-left"):
                yield Static(id="summary-company")
                yield DataTable(id="summary-steps", cursor_type="none", zebra_stripes=True)
                yield Vertical(id="summary-levels", classes="paragraphs")
                yield Vertical(id="summary-outlook", classes="paragraphs")
            yield OptionList(id="summary-items")
        yield Footer()

    def on_resize(self, event: Resize) -> None:
        """Below 100 columns the lists go under the table, which then has the full width."""
        self.set_class(event.size.width < NARROW_BELOW, "-narrow")

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < NARROW_BELOW, "-narrow")
        self.show_current()
        self.query_one("#summary-items", OptionList).focus()

    def show_current(self) -> None:
        """Show the app's session (the summary is only opened while one is open)."""
        app = trustone_app(self)
        assert app.session is not None and app.assessment is not None
        self.show(app.session, app.assessment)

    def show(self, session: Session, assessment: Assessment) -> None:
        profile = assessment.profile
        company = session.company
        interview = session.interview
        details = [profile.label]
        if interview.date:
            details.append(interview.date.strftime("%d-%m-%Y"))
        if interview.interviewer:
            details.append(f"interviewer {interview.interviewer}")
        level = assessment.level.id if assessment.level else "geen niveau"
        self.query_one("#summary-company", Static).update(
            Content("\n").join(
                [
                    Content.styled(printable(company.name), "bold"),
                    Content.styled(printable(" · ".join(details)), "$text-muted"),
                    Content.assemble(
                        (formatting.points(assessment.points), "bold"),
                        f" van {formatting.points(assessment.max_points)} punten (",
                        (formatting.percent(assessment.percentage), "bold"),
                        ") · niveau ",
                        (f" {level} ", "bold reverse $accent"),
                        f" · inzicht groeves {formatting.percent(assessment.quarry_insight)}, "
                        f"fabrieken {formatting.percent(assessment.factory_insight)}",
                    ),
                ]
            )
        )
        table = self.query_one("#summary-steps", DataTable)
        table.clear(columns=True)
        table.add_columns("Stap", "Punten", "Max", "%", "Beantwoord", "Open")
        for step in assessment.steps:
            if not step.max_points and not step.open:
                continue
            table.add_row(
                f"{step.number} {clip(step.title, 30)}",
                formatting.points(step.points),
                formatting.points(step.max_points),
                formatting.percent(step.percentage),
                str(step.answered),
                str(step.open),
            )
        table.add_row(
            Content.styled("Totaal", "bold"),
            Content.styled(formatting.points(assessment.points), "bold"),
            Content.styled(formatting.points(assessment.max_points), "bold"),
            Content.styled(formatting.percent(assessment.percentage), "bold"),
            "",
            str(len(assessment.open_questions())),
        )
        level_lines: list[Content] = [Content.styled("Niveaus", "bold")]
        for gap in assessment.gaps:
            mark = ("✓", "$text-success") if gap.met else ("✗", "$text-error")
            level_lines.append(Content.assemble((f"{mark[0]} {gap.level.id}", f"bold {mark[1]}")))
            level_lines.extend(gap_lines(gap))
        show_paragraphs(self.query_one("#summary-levels", Vertical), level_lines)
        outlook = next_steps_lines(
            session, assessment, trustone_app(self).framework, trustone_app(self).assessment_year()
        )
        show_paragraphs(
            self.query_one("#summary-outlook", Vertical),
            [Content.styled("Wat nu", "bold"), *map(Content, outlook)],
        )
        self._items(session, assessment)

    def _items(self, session: Session, assessment: Assessment) -> None:
        items = self.query_one("#summary-items", OptionList)
        items.clear_options()
        framework = trustone_app(self).framework

        def heading(text: str) -> None:
            items.add_option(Option(Content.styled(text, "bold"), disabled=True))

        open_results = assessment.open_questions()
        heading(f"Open vragen ({len(open_results)})")
        for result in open_results:
            q = result.question
            items.add_option(Option(f"{q.id}  {clip(q.text, 60)}", id=f"open:{q.id}"))
        follow = [qid for qid in framework.questions if session.answer(qid).follow_up]
        heading(f"Opvolgen ({len(follow)})")
        for qid in follow:
            items.add_option(
                Option(f"⚑ {qid}  {clip(framework.questions[qid].text, 58)}", id=f"follow:{qid}")
            )
        notes = [
            (qid, session.answer(qid)) for qid in framework.questions if session.answer(qid).note
        ]
        heading(f"Notities ({len(notes)})")
        for qid, answer in notes:
            label = ANSWER_LABELS.get(answer.answer, "") if answer.answer else ""
            first = answer.note.strip().splitlines()[0] if answer.note.strip() else ""
            items.add_option(
                Option(
                    Content.assemble(
                        (qid, "bold"),
                        f" {label}: " if label else ": ",
                        clip(printable(first), 60),
                    ),
                    id=f"note:{qid}",
                )
            )

    @on(OptionList.OptionSelected, "#summary-items")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(event.option.id.split(":", 1)[1])

    def action_jump(self) -> None:
        items = self.query_one("#summary-items", OptionList)
        if items.highlighted is not None:
            option = items.get_option_at_index(items.highlighted)
            if option.id:
                self.dismiss(option.id.split(":", 1)[1])

    def action_record_outcome(self) -> None:
        trustone_app(self).action_record_outcome()
        self.show_current()

    def action_close(self) -> None:
        self.dismiss(None)
