"""The Dutch wording of the plan of action: draft actions from a plan, dates, statuses, counts."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from trustone_tui.engine.actions import ACTION_STATUSES, Action, ActionStatus, ProgressSummary
from trustone_tui.engine.session import Session, profile_of
from trustone_tui.text import formatting
from trustone_tui.text.plan import answer_label

if TYPE_CHECKING:  # the planner and its scoring load when a plan is made, not with the wording
    from trustone_tui.engine.actionplan import ActionTarget
    from trustone_tui.engine.planner import Plan
    from trustone_tui.framework.bank import Framework
    from trustone_tui.framework.profile import Profile

STATUS_LABELS: dict[ActionStatus, str] = {
    "open": "open",
    "bezig": "bezig",
    "klaar": "klaar",
    "vervallen": "vervallen",
}
#: Marks an overdue action in words, so that it is never marked by colour alone.
OVERDUE_MARK = "te laat"


def target_text(framework: Framework, profile: Profile, target: ActionTarget) -> str:
    """What a draft action must achieve, from the criterion the question must reach.

    ``2.1.1c: inzicht in groeves van 55% naar 60%``; ``3.1.2: van Gedeeltelijk naar Ja —
    <the Ja criterion of the company's variant>``; a percentage question names both.
    """
    question = framework.questions[target.question_id]
    variant = framework.criteria(question.id, profile)
    head = f"{question.id}: "
    if target.field == "percentage":
        assert target.to_percentage is not None
        subject = question.percentage_subject or ""
        if question.kind == "band":
            subject = f"inzicht in {subject}"
        start = (
            f" van {formatting.percent(target.from_percentage)}"
            if target.from_percentage is not None
            else ""
        )
        head += f"{subject}{start} naar {formatting.percent(target.to_percentage)}"
        if question.kind == "band" or target.to_answer is None:
            return head
        if target.from_answer != target.to_answer:
            head += f" ({answer_label(target.from_answer)} → {answer_label(target.to_answer)})"
    else:
        head += f"van {answer_label(target.from_answer)} naar {answer_label(target.to_answer)}"
    criterion = getattr(variant, target.to_answer) if target.to_answer else None
    return f"{head} — {' '.join(criterion.split())}" if criterion else head


def draft_actions(
    framework: Framework, session: Session, the_plan: Plan, today: dt.date
) -> tuple[Action, ...]:
    """The plan's steps as draft actions worded in the company's criteria variant."""
    from trustone_tui.engine.actionplan import draft_actions as drafts

    profile = profile_of(session.company, framework)
    return drafts(framework, session, the_plan, today, lambda t: target_text(framework, profile, t))


def date_text(day: dt.date) -> str:
    """``12-11-2026``: the Dutch way of writing a date."""
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def due_text(action: Action, on: dt.date) -> str:
    """The due date, with ``(te laat)`` when the action is overdue on ``on``."""
    text = date_text(action.due)
    return f"{text} ({OVERDUE_MARK})" if action.is_overdue(on) else text


def status_counts(actions: tuple[Action, ...], on: dt.date) -> dict[str, int]:
    """How many actions have each status, and how many are overdue (key ``overdue``)."""
    counts: dict[str, int] = dict.fromkeys(ACTION_STATUSES, 0)
    for action in actions:
        counts[action.status] += 1
    counts["overdue"] = sum(a.is_overdue(on) for a in actions)
    return counts


def counts_line(actions: tuple[Action, ...], on: dt.date) -> str:
    """``3 acties: 1 open, 1 bezig, 1 klaar, 0 vervallen; 1 te laat``."""
    counts = status_counts(actions, on)
    parts = ", ".join(f"{counts[s]} {STATUS_LABELS[s]}" for s in ACTION_STATUSES)
    word = "actie" if len(actions) == 1 else "acties"
    return f"{len(actions)} {word}: {parts}; {counts['overdue']} {OVERDUE_MARK}"


def question_actions_line(actions: tuple[Action, ...], on: dt.date) -> str:
    """The actions serving a question, one phrase each: ``A1 bezig, vóór 12-11-2027``."""
    parts = [f"{a.id} {STATUS_LABELS[a.status]}, vóór {due_text(a, on)}" for a in actions]
    return "Acties: " + " · ".join(parts) if parts else ""


def parse_date(text: str) -> dt.date:
    """``12-11-2027``, ``12-11-27`` or ``2027-11-12``; ValueError with a Dutch reason."""
    text = text.strip()
    for pattern in ("%d-%m-%Y", "%Y-%m-%d", "%d-%m-%y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is geen datum; schrijf bijvoorbeeld 12-11-2027")


def progress_summary_line(summary: ProgressSummary) -> str:
    """``2 klaar · 1 op schema · 1 te laat · 1 vervallen``."""
    return (
        f"{summary.done} klaar · {summary.on_time} op schema · "
        f"{summary.overdue} {OVERDUE_MARK} · {summary.dropped} vervallen"
    )
