"""The Dutch wording of a plan: its steps, their reasons and why a level is out of reach."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trustone_tui.engine.session import ANSWER_LABELS
from trustone_tui.text import formatting
from trustone_tui.text.plain import clip, first_sentence
from trustone_tui.text.words import quantity

if TYPE_CHECKING:  # the interface words plans before it has made one: the planner loads later
    from trustone_tui.engine.planner import Blocker, Plan, PlanStep, StepReason
    from trustone_tui.framework.bank import Framework
    from trustone_tui.framework.model import AnswerWord, Question

REASON_LABELS: dict[StepReason, str] = {
    "core": "kernvraag",
    "quarry_insight": "inzicht groeves",
    "factory_insight": "inzicht fabrieken",
    "points": "punten",
}
#: Characters a step's question title takes at most.
TITLE_LIMIT = 70


def step_title(question: Question, limit: int = TITLE_LIMIT) -> str:
    """The question's first sentence, cut between words to ``limit`` characters."""
    return clip(first_sentence(question.text), limit)


def answer_label(answer: AnswerWord | None) -> str:
    return ANSWER_LABELS[answer] if answer else "open"


def step_change(step: PlanStep) -> str:
    """One line: ``Nee → Gedeeltelijk``, ``60% → 76% (Gedeeltelijk → Ja)``."""
    if step.field == "answer":
        return f"{answer_label(step.from_answer)} → {answer_label(step.to_answer)}"
    assert step.to_percentage is not None
    start = "open" if step.from_percentage is None else formatting.percent(step.from_percentage)
    text = f"{start} → {formatting.percent(step.to_percentage)}"
    if step.to_band is not None:
        if step.from_band != step.to_band:
            text += f" (band {step.from_band or 'open'} → {step.to_band})"
    elif step.from_answer != step.to_answer:
        text += f" ({answer_label(step.from_answer)} → {answer_label(step.to_answer)})"
    return text


def blocker_text(the_plan: Plan, blocker: Blocker) -> str:
    """Why the plan's level is out of reach, e.g. ``kernvraag 3.1.1 kan niet op Ja``."""
    if blocker.kind == "core":
        return f"kernvraag {blocker.question_id} kan niet op Ja"
    if blocker.kind == "insight":
        assert blocker.insight_min is not None
        return f"{blocker.question_id} kan niet naar {formatting.percent(blocker.insight_min)}"
    assert blocker.best_points is not None and blocker.points_required is not None
    return (
        f"ook met alle verbeteringen {formatting.points_count(blocker.best_points)}; "
        f"{the_plan.target.id} vraagt {formatting.points(blocker.points_required)}"
    )


def blocker_texts(the_plan: Plan) -> list[str]:
    return [blocker_text(the_plan, blocker) for blocker in the_plan.blockers]


def steps_count(count: int) -> str:
    """``1 stap``, ``6 stappen``."""
    return quantity(count, "stap", "stappen")


def plan_headline(the_plan: Plan) -> str:
    """``6 stappen, +33 punten (nodig 28)``; without the points needed when none are (a plan
    that only lifts insight or core questions): ``1 stap, +3 punten``."""
    text = f"{steps_count(len(the_plan.steps))}, +{formatting.points_count(the_plan.points_gained)}"
    if the_plan.points_needed > 0:
        text += f" (nodig {formatting.points(the_plan.points_needed)})"
    return text


def plan_lines(the_plan: Plan, framework: Framework) -> list[str]:
    """The plan as numbered steps, each with its change, points and question title."""
    target = the_plan.target.id
    if not the_plan.reachable:
        lines = [f"  Plan naar {target}: niet haalbaar door betere antwoorden"]
        return lines + [f"    - {reason}" for reason in blocker_texts(the_plan)]
    steps = the_plan.steps
    lines = [f"  Plan naar {target}: {plan_headline(the_plan)}"]
    for number, step in enumerate(steps, start=1):
        why = "" if step.reason == "points" else f"  [{REASON_LABELS[step.reason]}]"
        lines.append(
            f"    {number:>2}. {step.question_id:<7} +{formatting.points(step.points_gained):<4} "
            f"{step_change(step)}{why}"
        )
        lines.append(f"        {step_title(framework.questions[step.question_id])}")
    return lines
