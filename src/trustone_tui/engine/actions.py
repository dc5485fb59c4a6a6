"""The plan of action (plan van aanpak): what a company will do, by whom and by when.

Plain, immutable data like the rest of the session. An action serves zero or more questions,
has an owner, a due date and a status, and keeps its progress notes (newest last). Whether an
action is overdue depends on the day it is judged on: the assessment date, or today when the
session has none (:func:`reference_date`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal, get_args

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

    def is_overdue(self, on: dt.date) -> bool:
        """Whether the action is still to be done and was due before ``on``."""
        return self.status not in CLOSED_STATUSES and self.due < on


def reference_date(assessment_date: dt.date | None, today: dt.date) -> dt.date:
    """The day actions are judged overdue on: the assessment date, else today."""
    return today if assessment_date is None else assessment_date
