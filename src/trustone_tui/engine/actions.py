"""The plan of action (plan van aanpak): what a company will do, by whom and by when.

Plain, immutable data like the rest of the session. An action serves zero or more questions,
has an owner, a due date and a status, and keeps its progress notes (newest last). Whether an
action is overdue depends on the day it is judged on: the assessment date, or today when the
session has none (:func:`reference_date`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal, get_args

from trustone_tui.framework.model import AnswerWord

ActionStatus = Literal["open", "bezig", "klaar", "vervallen"]
ACTION_STATUSES: tuple[ActionStatus, ...] = get_args(ActionStatus)
#: Statuses of an action that needs nothing more: never overdue.
CLOSED_STATUSES: frozenset[ActionStatus] = frozenset({"klaar", "vervallen"})
#: What an action id may look like: short, stable, easy to type (``A1``, ``groeve-2026``).
ACTION_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,23}$")


@dataclass(frozen=True, slots=True)
class ProgressEntry:
    """One dated progress note of an action."""

    date: dt.date
    note: str


@dataclass(frozen=True, slots=True)
class Aim:
    """What an action aims for on one of its questions: an answer word or a percentage.

    Kept in the file as ``aims = [{question = "3.1.2", answer = "ja"}]``. A question of the
    action without an aim aims for the best: *Ja*, or 100% for a band question
    (``engine.actionplan.aim_for``).
    """

    question: str
    answer: AnswerWord | None = None
    percentage: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Action:
    """One action of the plan; the fields are the keys of an ``[[actions]]`` table."""

    id: str
    text: str
    questions: tuple[str, ...] = ()
    owner: str = ""
    due: dt.date
    status: ActionStatus = "open"
    progress: tuple[ProgressEntry, ...] = ()
    created: dt.date | None = None
    #: What the action aims for per question (optional; see :class:`Aim`).
    aims: tuple[Aim, ...] = ()

    def is_overdue(self, on: dt.date) -> bool:
        """Whether the action is still to be done and was due before ``on``."""
        return self.status not in CLOSED_STATUSES and self.due < on


def reference_date(assessment_date: dt.date | None, today: dt.date) -> dt.date:
    """The day actions are judged overdue on: the assessment date, else today."""
    return today if assessment_date is None else assessment_date


def serving(actions: tuple[Action, ...], question_id: str) -> tuple[Action, ...]:
    """The actions that serve a question, in the plan's order."""
    return tuple(a for a in actions if question_id in a.questions)


def put_action(actions: tuple[Action, ...], action: Action) -> tuple[Action, ...]:
    """The plan with ``action`` in place of the one with its id, or added at the end."""
    if any(a.id == action.id for a in actions):
        return tuple(action if a.id == action.id else a for a in actions)
    return (*actions, action)


def drop_action(actions: tuple[Action, ...], action_id: str) -> tuple[Action, ...]:
    return tuple(a for a in actions if a.id != action_id)


def next_status(status: ActionStatus) -> ActionStatus:
    """The status after ``status`` in ``open → bezig → klaar → vervallen → open``."""
    return ACTION_STATUSES[(ACTION_STATUSES.index(status) + 1) % len(ACTION_STATUSES)]


@dataclass(frozen=True, slots=True)
class ProgressSummary:
    """Where a plan stands, as a limited assessment ends: done, on time, overdue, dropped."""

    done: int
    on_time: int
    overdue: int
    dropped: int


def progress_summary(actions: tuple[Action, ...], on: dt.date) -> ProgressSummary:
    """``klaar``, still to be done and not overdue on ``on``, overdue, ``vervallen``."""
    overdue = sum(a.is_overdue(on) for a in actions)
    done = sum(a.status == "klaar" for a in actions)
    dropped = sum(a.status == "vervallen" for a in actions)
    return ProgressSummary(done, len(actions) - done - dropped - overdue, overdue, dropped)


def add_progress(action: Action, note: str, today: dt.date) -> Action:
    """The action with a progress note dated today (or the last note's day, if later: notes
    stay in date order); the action itself for an empty note."""
    note = note.strip()
    if not note:
        return action
    day = max(today, action.progress[-1].date) if action.progress else today
    return replace(action, progress=(*action.progress, ProgressEntry(day, note)))
