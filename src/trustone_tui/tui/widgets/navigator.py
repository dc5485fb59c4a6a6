"""The tree of steps, sections and questions with each question's status and points.

A question's line is ``✓ 1.1.5 Beschrijft je …   2/4 ⚑``: a status mark, the id, as much of
the question text as the navigator's width allows, then its points (or ``n.v.t.``, ``telt
niet mee``) and the follow-up flag at the right edge, so neither is ever cut off and neither
is told by colour alone. Labels are laid out again when the navigator's width changes.
"""

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
#: The label width used before the navigator has been laid out (its CSS width at 140 columns,
#: less its border, scrollbar and a question's indent).
DEFAULT_LABEL_WIDTH = 34
#: The follow-up flag's column: the flag, or blanks of the same width.
FLAG, NO_FLAG = " ⚑", "  "
#: Points are right-aligned in a column this wide (``10/10``), so they line up.
POINTS_WIDTH = 5


@dataclass(frozen=True, slots=True)
class NodeRef:
    """What a tree node stands for: a step, a section or a question."""

    kind: str
    key: str


def points_text(result: QuestionResult) -> str:
    """What a question's line shows at its right edge: ``2/4``, ``0/4`` (open), ``n.v.t.``."""
    if result.status == "not_counted":
        return "telt niet mee"
    if result.status == "nvt":
        return "n.v.t."
    return f"{formatting.points(result.points or 0)}/{formatting.points(result.max_points)}"


def question_label(
    result: QuestionResult,
    follow_up: bool,
    has_answer: bool,
    colours: dict[str, str],
    width: int = DEFAULT_LABEL_WIDTH,
) -> Text:
    """``✓ 1.1.5 Beschrijft je …  2/4 ⚑``, ``width`` cells wide, in the theme's colours.

    The text takes what the mark, id, points and flag leave; the points and flag sit at the
    right edge (aligned from line to line) and are never cut.
    """
    status = result.status
    mark = STATUS_MARKS[status]
    if status == "not_counted" and has_answer:
        mark = "◌"
    variable = STATUS_COLOURS[status]
    mark_style = (
        colours.get(variable, "") if variable else ("dim" if status == "not_counted" else "")
    )
    muted = status == "not_counted"
    label = Text()
    label.append(f"{mark} ", mark_style or None)
    label.append(result.question.id, "bold" if not muted else "dim")
    label.append(" ")
    points = f"  {points_text(result):>{POINTS_WIDTH}}"
    room = max(width - label.cell_len - len(points) - len(FLAG), 1)
    label.append(clip(result.question.text, room).ljust(room), "dim" if muted else None)
    if status == "answered":
        label.append(points, colours.get("text-success") or None)
    else:
        label.append(points, "dim italic" if muted else "dim")
    if follow_up:
        label.append(FLAG, f"bold {colours.get('text-warning', '')}".strip())
    else:
        label.append(NO_FLAG)
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
        self._drawn: dict[str, tuple[QuestionResult, object, dict[str, str], int]] = {}
        #: The width labels are laid out for (None: not laid out yet, use the default).
        self._width: int | None = None
        self._shown: tuple[Assessment, Session] | None = None
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
                    Text(f"{section.id} {section.title}", "italic"),
                    NodeRef("section", section.id),
                    expand=True,
                )
            for question in step.questions:
                parent = parents.get(question.parent or "") or parents.get(
                    question.section or "", step_node
                )
                if question.kind == "header":
                    node = parent.add(
                        Text(f"{question.id} {question.text}", "italic"),
                        NodeRef("question", question.id),
                        expand=True,
                    )
                    parents[question.id] = node
                else:
                    node = parent.add_leaf(question.id, NodeRef("question", question.id))
                self.question_nodes[question.id] = node
        self._relabel_fixed()

    def label_width(self, node: TreeNode[NodeRef]) -> int:
        """The cells a node's label has: the navigator's width less the node's indent (and
        the open/close icon of a node with children)."""
        depth = 0
        parent = node.parent
        while parent is not None:
            depth += 1
            parent = parent.parent
        if self._width is None:  # before the first layout: a question's default width
            return DEFAULT_LABEL_WIDTH + (3 - depth) * self.guide_depth
        icon = len(self.ICON_NODE_EXPANDED) if node.allow_expand else 0
        return max(self._width - depth * self.guide_depth - icon, 8)

    def on_resize(self) -> None:
        """Lay the labels out again for the new width (the text takes what is free)."""
        width = self.scrollable_content_region.width
        if not self.show_vertical_scrollbar:
            width -= 1  # the tree is taller than the screen: keep the scrollbar's column
        if width != self._width and width > 0:
            self._width = width
            self._relabel_fixed()
            if self._shown is not None:
                self.show_assessment(*self._shown)

    def _relabel_fixed(self) -> None:
        """Sections and group questions: their text clipped to the width."""
        for node in self._all_nodes():
            ref = node.data
            if ref is None or node.allow_expand is False or ref.kind == "step":
                continue
            title = (
                self.framework.questions[ref.key].text
                if ref.kind == "question"
                else self.framework.sections[ref.key].title
            )
            width = self.label_width(node) - len(ref.key) - 1
            self._set_label(node, Text(f"{ref.key} {clip(title, width)}", "italic"))

    def _all_nodes(self) -> list[TreeNode[NodeRef]]:
        nodes, todo = [], list(self.root.children)
        while todo:
            node = todo.pop()
            nodes.append(node)
            todo.extend(node.children)
        return nodes

    def show_assessment(self, assessment: Assessment, session: Session) -> None:
        """Refresh every label (cheap: a label is a short Text)."""
        self._shown = (assessment, session)
        for step in assessment.steps:
            node = self.step_nodes[step.number]
            points = (
                f"  {formatting.points(step.points)}/{formatting.points(step.max_points)}"
                if step.max_points
                else ""
            )
            still_open = f"  ({step.open} open)" if step.open else ""
            room = self.label_width(node) - len(points) - len(still_open) - 2
            label = Text()
            label.append(f"{step.number} {clip(step.title, max(room, 8))}", "bold")
            label.append(points)
            label.append(still_open, "dim")
            self._set_label(node, label)
        colours = self._colours()
        for result in assessment.results.values():
            self.refresh_question(result, session, colours)

    def refresh_question(
        self, result: QuestionResult, session: Session, colours: dict[str, str] | None = None
    ) -> None:
        given = session.answers.get(result.question.id)
        colours = colours if colours is not None else self._colours()
        node = self.question_nodes[result.question.id]
        width = self.label_width(node)
        drawn_from = (result, given, colours, width)
        previous = self._drawn.get(result.question.id)
        if (
            previous is not None
            and all(a is b for a, b in zip(previous[:3], drawn_from[:3], strict=True))
            and previous[3] == width
        ):
            return  # nothing this label shows has changed
        self._drawn[result.question.id] = drawn_from
        self._set_label(
            node,
            question_label(
                result,
                bool(given and given.follow_up),
                bool(given and (given.answer or given.percentage is not None)),
                colours,
                width,
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
