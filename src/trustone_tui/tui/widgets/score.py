"""The live score panel: points per step, total, level and what the next level needs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from trustone_tui.engine.scoring import Assessment, LevelGap
from trustone_tui.framework.bank import Framework
from trustone_tui.text import formatting
from trustone_tui.text.conditions import level_conditions
from trustone_tui.text.plan import blocker_texts, step_change, steps_count
from trustone_tui.text.words import quantity
from trustone_tui.tui.render import bar
from trustone_tui.tui.widgets.refresh import set_content

if TYPE_CHECKING:
    from trustone_tui.engine.planner import BestCase, Plan

BAR_WIDTH = 12
PLAN_LINES = 6


def gap_lines(gap: LevelGap) -> list[Content]:
    """Each condition of the level: met (✓), or not (✗) with what is missing below it."""
    lines = []
    for condition in level_conditions(gap):
        mark, style = ("✓", "$text-success") if condition.met else ("✗", "$text-error")
        lines.append(
            Content.assemble((f" {mark} ", style), f"{condition.label} {condition.required}")
        )
        if condition.shortfall:  # on a line of its own: the panel is narrow
            lines.append(Content.assemble("   ", (condition.shortfall, style)))
    return lines


def compact_line(assessment: Assessment) -> Content:
    """Everything in one line, for narrow terminals."""
    level = assessment.level.id if assessment.level else "geen"
    parts = [
        Content.assemble(
            (formatting.points(assessment.points), "bold"),
            f"/{formatting.points(assessment.max_points)} ",
            f"({formatting.percent(assessment.percentage)}) · niveau ",
            (f" {level} ", "bold reverse $accent"),
        )
    ]
    gap = assessment.next
    if gap is not None:
        needs = []
        if gap.points_needed:
            needs.append(f"+{formatting.points(gap.points_needed)} pt")
        if gap.quarry_insight_needed:
            needs.append(f"groeves +{formatting.shortfall(gap.quarry_insight_needed)}")
        if gap.factory_insight_needed:
            needs.append(f"fabrieken +{formatting.shortfall(gap.factory_insight_needed)}")
        if gap.core_questions_missing:
            needs.append(quantity(len(gap.core_questions_missing), "kernvraag", "kernvragen"))
        parts.append(Content.assemble(" · naar ", (gap.level.id, "bold"), ": " + ", ".join(needs)))
    return Content("").join(parts)


def plan_text(plan: Plan | None, best: BestCase | None, limit: int = PLAN_LINES) -> Content:
    """The best case and the fewest steps to the next level, one line per step."""
    lines: list[Content] = []
    if best is not None:
        now = best.level_now.id if best.level_now else "geen"
        reach = best.level.id if best.level else "geen niveau"
        if best.open_questions:
            which = (
                "de open vraag Ja wordt"
                if best.open_questions == 1
                else f"{best.open_questions} open vragen Ja worden"
            )
            lines.append(
                Content.assemble("Beste geval: ", (reach, "bold"), f" als {which} (nu {now})")
            )
        else:
            lines.append(Content.styled("Geen open vragen meer.", "$text-muted"))
    if plan is None:
        return Content("\n").join(lines)
    if not plan.reachable:
        lines.append(
            Content.assemble(("Plan naar ", "bold"), (plan.target.id, "bold"), ": niet haalbaar")
        )
        lines.extend(
            Content.styled(f" • {reason}", "$text-muted") for reason in blocker_texts(plan)
        )
    elif plan.steps:
        lines.append(
            Content.assemble(
                ("Plan naar ", "bold"),
                (plan.target.id, "bold"),
                f": {steps_count(len(plan.steps))}, +{formatting.points_count(plan.points_gained)}",
            )
        )
        for step in plan.steps[:limit]:
            lines.append(
                Content.assemble(
                    (f" {step.question_id:<7}", "bold"),
                    (f"+{formatting.points(step.points_gained):<3}", "$text-success"),
                    f" {step_change(step)}",
                )
            )
        if len(plan.steps) > limit:
            lines.append(
                Content.styled(f" … en nog {len(plan.steps) - limit} (samenvatting)", "$text-muted")
            )
    return Content("\n").join(lines)


class ScorePanel(VerticalScroll):
    """Renders an :class:`Assessment`; it never computes anything itself."""

    can_focus = False

    def __init__(self, framework: Framework, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.framework = framework

    def compose(self) -> ComposeResult:
        yield Static(id="score-compact")
        yield Static(id="score-total")
        yield Static(id="score-level")
        yield Static(id="score-next")
        yield Static(id="score-plan")
        yield Static(id="score-steps")

    def show_outlook(self, plan: Plan | None, best: BestCase | None) -> None:
        """The best case and the plan (they follow the score by one frame)."""
        set_content(self.query_one("#score-plan", Static), plan_text(plan, best))

    def show(self, assessment: Assessment) -> None:
        set_content(
            self.query_one("#score-total", Static),
            Content.assemble(
                (formatting.points(assessment.points), "bold"),
                f" / {formatting.points(assessment.max_points)} punten  ",
                (formatting.percent(assessment.percentage), "bold"),
            ),
        )
        level = assessment.level.id if assessment.level else "geen"
        set_content(
            self.query_one("#score-level", Static),
            Content.assemble(
                "Niveau ",
                (f" {level} ", "bold reverse $accent"),
                f"\nInzicht groeves {formatting.percent(assessment.quarry_insight)}"
                f" · fabrieken {formatting.percent(assessment.factory_insight)}",
            ),
        )
        gap = assessment.next
        if gap is None:
            nxt = Content.from_markup("[b]Hoogste niveau bereikt[/b]")
        else:
            nxt = Content("\n").join(
                [Content.assemble("Naar ", (gap.level.id, "bold"), ":"), *gap_lines(gap)]
            )
        set_content(self.query_one("#score-next", Static), nxt)
        rows = []
        for step in assessment.steps:
            if not step.max_points and not step.open:
                continue
            rows.append(
                Content.assemble(
                    f"{step.number} ",
                    bar(step.points, step.max_points, BAR_WIDTH),
                    f" {formatting.points(step.points):>4}/{formatting.points(step.max_points):<3}",
                    (f" {step.open} open" if step.open else "", "$text-muted"),
                )
            )
        set_content(self.query_one("#score-steps", Static), Content("\n").join(rows))
        set_content(self.query_one("#score-compact", Static), compact_line(assessment))
