"""The tree of steps, sections and questions with each question's status and points."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from trustone_tui.engine.scoring import Assessment, QuestionResult
from trustone_tui.engine.session import Session
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.model import Question
from trustone_tui.text import formatting
from trustone_tui.text.plain import clip

STATUS_MARKS = {"answered": "✓", "open": "○", "nvt": "–", "not_counted": "·"}
#: Theme variables for each status (resolved to colours of the active theme when drawing).
STATUS_COLOURS = {
    "answered": "text-success",
    "open": None,
    "nvt": "text-secondary",
    "not_counted": None,
}
TITLE_WIDTH = 46


@dataclass(frozen=True, slots=True)
class NodeRef:
    """What a tree node stands for: a step, a section or a question."""

    kind: str
    key: str


def question_label(
    result: QuestionResult, follow_up: bool, has_answer: bool, colours: dict[str, str]
) -> Text:
    """``✓ 1.1.5 Beschrijft je …  2/4 ⚑`` in the active theme's colours."""
    status = result.status
    mark = STATUS_MARKS[status]
    if status == "not_counted" and has_answer:
        mark = "◌"
    variable = STATUS_COLOURS[status]
    mark_style = (
        colours.get(variable, "") if variable else ("dim" if status == "not_counted" else "")
    )
    label = Text()
    label.append(f"{mark} ", mark_style or None)
    label.append(result.question.id, "bold" if status != "not_counted" else "dim")
    label.append(" ")
    label.append(
        clip(result.question.text, TITLE_WIDTH), "dim" if status == "not_counted" else None
    )
    if status == "answered":
        label.append(
            f"  {formatting.points(result.points or 0)}/{formatting.points(result.max_points)}",
            colours.get("text-success") or None,
        )
    elif status == "not_counted":
        label.append("  telt niet mee", "dim italic")
    if follow_up:
        label.append(" ⚑", f"bold {colours.get('text-warning', '')}".strip())
    return label


class Navigator(Tree[NodeRef]):
    """Steps > sections > questions; group headers such as 2.1.1 hold their a/b/c questions."""

    BINDINGS = [("space", "toggle_node", "Open/dicht")]

    def __init__(self, framework: Framework, **kwargs: Any) -> None:
        """Every node exists from the start; the screen makes a navigator only when it is
        first shown (see ``InterviewScreen.navigator``)."""
        super().__init__("Stappen", **kwargs)
        self.framework = framework
        self.show_root = False
        self.guide_depth = 2
        self.question_nodes: dict[str, TreeNode[NodeRef]] = {}
        #: The label each node shows, so only labels that change are set (each set redraws).
        self._labels: dict[int, Text] = {}
        #: What each question's label was drawn from; the engine reuses unchanged results.
        self._drawn: dict[str, tuple[QuestionResult, object, dict[str, str]]] = {}
        self._colours_for: tuple[str, dict[str, str]] | None = None
        self.step_nodes: dict[int, TreeNode[NodeRef]] = {}
        self._add_framework_nodes()
        # Lay out the lines now: move_cursor reads a node's line number from the last layout.
        _ = self.last_line

    def _add_framework_nodes(self) -> None:
        framework = self.framework
        for step in framework.steps:
            step_node = self.root.add(
                f"{step.number} {step.title}", NodeRef("step", str(step.number)), expand=True
            )
            self.step_nodes[step.number] = step_node
            parents: dict[str, TreeNode[NodeRef]] = {}
            for section in step.sections:
                parents[section.id] = step_node.add(
                    Text(f"{section.id} {clip(section.title, TITLE_WIDTH)}", "italic"),
                    NodeRef("section", section.id),
                    expand=True,
                )
            for question in step.questions:
                parent = parents.get(question.parent or "") or parents.get(
                    question.section or "", step_node
                )
                if question.kind == "header":
                    node = parent.add(
                        Text(f"{question.id} {clip(question.text, TITLE_WIDTH)}", "italic"),
                        NodeRef("question", question.id),
                        expand=True,
                    )
                    parents[question.id] = node
                else:
                    node = parent.add_leaf(question.id, NodeRef("question", question.id))
                self.question_nodes[question.id] = node

    def show_assessment(self, assessment: Assessment, session: Session) -> None:
        """Refresh every label (cheap: a label is a short Text)."""
        for step in assessment.steps:
            label = Text()
            label.append(f"{step.number} {clip(step.title, 34)}", "bold")
            if step.max_points:
                label.append(
                    f"  {formatting.points(step.points)}/{formatting.points(step.max_points)}"
                )
            if step.open:
                label.append(f"  ({step.open} open)", "dim")
            self._set_label(self.step_nodes[step.number], label)
        colours = self._colours()
        for result in assessment.results.values():
            self.refresh_question(result, session, colours)

    def refresh_question(
        self, result: QuestionResult, session: Session, colours: dict[str, str] | None = None
    ) -> None:
        given = session.answers.get(result.question.id)
        colours = colours if colours is not None else self._colours()
        drawn_from = (result, given, colours)
        previous = self._drawn.get(result.question.id)
        if previous is not None and all(a is b for a, b in zip(previous, drawn_from, strict=True)):
            return  # nothing this label shows has changed
        self._drawn[result.question.id] = drawn_from
        self._set_label(
            self.question_nodes[result.question.id],
            question_label(
                result,
                bool(given and given.follow_up),
                bool(given and (given.answer or given.percentage is not None)),
                colours,
            ),
        )

    def _set_label(self, node: TreeNode[NodeRef], label: Text) -> None:
        if self._labels.get(node.id) != label:
            self._labels[node.id] = label
            node.set_label(label)

    def _colours(self) -> dict[str, str]:
        """Hex colours of the active theme for the label variables (labels are Rich Text).

        The same dict is returned until the theme changes, so labels can tell it is unchanged.
        """
        theme = self.app.theme
        if self._colours_for is None or self._colours_for[0] != theme:
            variables = self.app.theme_variables
            colours: dict[str, str] = {
                name: variables[name]
                for name in ("text-success", "text-secondary", "text-warning")
                if name in variables and variables[name].startswith("#")
            }
            self._colours_for = (theme, colours)
        return self._colours_for[1]

    def reveal(self, question: Question) -> None:
        """Move the cursor to the question's node without selecting it."""
        node = self.question_nodes[question.id]
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.move_cursor(node)
