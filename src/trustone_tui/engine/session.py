"""A company's assessment session as plain, immutable data (no I/O, no Textual).

Changes produce a new :class:`Session` (``dataclasses.replace``), which keeps undo, what-if
and autosave simple: whoever holds a session can never see it change underneath them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from trustone_tui.engine.actions import Action
from trustone_tui.engine.register import Register
from trustone_tui.framework.profile import Profile, category_for, size_for

if TYPE_CHECKING:
    from trustone_tui.framework.bank import Framework

AnswerChoice = Literal["nee", "gedeeltelijk", "ja", "nvt"]
ANSWER_LABELS: dict[AnswerChoice, str] = {
    "nee": "Nee",
    "gedeeltelijk": "Gedeeltelijk",
    "ja": "Ja",
    "nvt": "n.v.t.",
}

#: Ticked elements per group; ungrouped questions use the key "".
ElementTicks = Mapping[str, tuple[int, ...]]
UNGROUPED = ""

#: The answer-file format. 2 added the supply-chain register, the plan of action and the
#: last question worked on (``answerfile/migrations.py``).
CURRENT_SCHEMA_VERSION = 2
#: The years an answer file may name (joining the covenant, a history entry), inclusive.
FIRST_YEAR, LAST_YEAR = 1990, 2200


#: Upper bounds of a company's counts, in the profile form and in an answer file: far above
#: any natural-stone importer (the largest employers in the world have about two million
#: people, the largest revenues are some hundreds of billions), low enough to catch a key
#: held down, a number typed twice or a hand-edited file gone wrong.
MAX_EMPLOYEES = 1_000_000
MAX_REVENUE_EUR = 100_000_000_000


@dataclass(frozen=True, slots=True)
class Company:
    name: str
    imports_from_risk_countries: bool
    employees: int
    revenue_eur: int
    joined_year: int | None = None
    entry_level: int | None = None


@dataclass(frozen=True, slots=True)
class QuestionAnswer:
    """What was recorded for one question; every field is optional."""

    answer: AnswerChoice | None = None
    percentage: float | None = None
    elements: ElementTicks = field(default_factory=dict)
    note: str = ""
    follow_up: bool = False

    @property
    def is_empty(self) -> bool:
        return (
            self.answer is None
            and self.percentage is None
            and not any(self.elements.values())
            and not self.note
            and not self.follow_up
        )

    def ticked(self, group: str = UNGROUPED) -> tuple[int, ...]:
        return self.elements.get(group, ())


@dataclass(frozen=True, slots=True)
class Interview:
    interviewer: str = ""
    date: dt.date | None = None
    previous_file: str | None = None
    #: The question worked on last, where reopening the session resumes.
    last_question: str | None = None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One year's recorded outcome."""

    year: int
    level: str | None
    points: float
    max_points: float
    percentage: float


@dataclass(frozen=True, slots=True)
class Session:
    company: Company
    answers: Mapping[str, QuestionAnswer] = field(default_factory=dict)
    interview: Interview = field(default_factory=Interview)
    framework_version: str | None = None
    created: dt.datetime | None = None
    updated: dt.datetime | None = None
    history: tuple[HistoryEntry, ...] = ()
    #: Answers to question ids this bank does not know (made with another framework version),
    #: kept verbatim so that saving never drops them.
    orphans: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: The supply-chain register (ketenoverzicht), when the company keeps it here.
    register: Register | None = None
    #: The plan of action, in the order of the file.
    actions: tuple[Action, ...] = ()
    schema_version: int = CURRENT_SCHEMA_VERSION

    def answer(self, question_id: str) -> QuestionAnswer:
        return self.answers.get(question_id) or QuestionAnswer()

    def with_answer(self, question_id: str, answer: QuestionAnswer) -> Session:
        """A copy with ``answer`` recorded for the question (dropped when it is empty)."""
        answers = dict(self.answers)
        if answer.is_empty:
            answers.pop(question_id, None)
        else:
            answers[question_id] = answer
        return replace(self, answers=answers)


def profile_of(company: Company, framework: Framework) -> Profile:
    """The company's category and size by the framework's definitions."""
    return Profile(
        category_for(company.imports_from_risk_countries),
        size_for(company.employees, company.revenue_eur, framework.meta.small_company),
    )
