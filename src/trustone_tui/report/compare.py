"""Compare last year's session with this year's: per question, per step, the level (pure).

``compare(old, new, framework)`` gives a :class:`Comparison`; the TUI can look up one question
with ``comparison.question(qid)`` and show ``describe(change.old)`` and ``change.old.note``
beside the current question.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from trustone_tui.engine.scoring import Assessment, QuestionResult, assess
from trustone_tui.engine.session import Session
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.profile import Profile
from trustone_tui.report.content import answer_text, dutch_date
from trustone_tui.text import formatting

NOT_COUNTED_LABEL = "telt niet mee"


@dataclass(frozen=True, slots=True)
class AnswerSide:
    """One question in one of the two sessions."""

    status: str
    #: As the report shows it: ``Ja``, ``n.v.t.``, ``open``, ``85% (klasse 75<100%)``, ...
    answer: str
    #: ``ja``/``gedeeltelijk``/``nee``/``nvt`` or None (open, band question, not counted).
    answer_word: str | None
    percentage: float | None
    points: float | None
    max_points: float
    note: str
    follow_up: bool
    #: Ticked elements per element group (``""`` when the question has no groups), sorted.
    elements: tuple[tuple[str, tuple[int, ...]], ...] = ()

    @property
    def key(self) -> tuple[str, str | None, float | None]:
        """What must be equal for the answer to count as unchanged."""
        return (self.status, self.answer_word, self.percentage)


@dataclass(frozen=True, slots=True)
class QuestionChange:
    question_id: str
    step: int
    text: str
    old: AnswerSide
    new: AnswerSide

    @property
    def answer_changed(self) -> bool:
        return self.old.key != self.new.key

    @property
    def points_delta(self) -> float:
        return (self.new.points or 0) - (self.old.points or 0)

    @property
    def note_changed(self) -> bool:
        return _norm(self.old.note) != _norm(self.new.note)

    @property
    def elements_changed(self) -> bool:
        return self.old.elements != self.new.elements

    @property
    def follow_up_changed(self) -> bool:
        return self.old.follow_up != self.new.follow_up

    @property
    def changed(self) -> bool:
        return (
            self.answer_changed
            or self.note_changed
            or self.elements_changed
            or self.follow_up_changed
            or self.points_delta != 0
            or self.old.max_points != self.new.max_points
        )

    @property
    def what_changed(self) -> tuple[str, ...]:
        """What changed, in Dutch words: ``antwoord``, ``punten``, ``elementen``, ..."""
        parts = []
        if self.answer_changed:
            parts.append("antwoord")
        elif self.points_delta or self.old.max_points != self.new.max_points:
            parts.append("punten")
        if self.elements_changed:
            parts.append("elementen")
        if self.note_changed:
            parts.append("notitie")
        if self.follow_up_changed:
            parts.append("nader uitzoeken")
        return tuple(parts)


@dataclass(frozen=True, slots=True)
class StepChange:
    number: int
    title: str
    old_points: float
    old_max: float
    new_points: float
    new_max: float

    @property
    def delta(self) -> float:
        return self.new_points - self.old_points


@dataclass(frozen=True, slots=True)
class SessionSide:
    """The headline figures of one session."""

    company: str
    profile: Profile
    date: dt.date | None
    level: str | None
    points: float
    max_points: float
    percentage: float


@dataclass(frozen=True, slots=True)
class Comparison:
    old: SessionSide
    new: SessionSide
    steps: tuple[StepChange, ...]
    #: Every question counted for either session's category, in framework order.
    questions: Mapping[str, QuestionChange]

    @property
    def old_is_newer(self) -> bool:
        """OLD was assessed after NEW (both dated): the files are probably swapped."""
        return (
            self.old.date is not None
            and self.new.date is not None
            and (self.old.date > self.new.date)
        )

    @property
    def companies_differ(self) -> bool:
        """The two files are of different companies (case and spacing of the name ignored)."""
        return _company(self.old.company) != _company(self.new.company)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Dutch warning lines: OLD newer than NEW, or two different companies."""
        out = []
        if self.old_is_newer:
            out.append(
                f"Let op: OUD ({dutch_date(self.old.date)}) is nieuwer dan NIEUW "
                f"({dutch_date(self.new.date)}); zijn de bestanden verwisseld?"
            )
        if self.companies_differ:
            out.append(
                f"Let op: twee verschillende bedrijven ({self.old.company} en {self.new.company})."
            )
        return tuple(out)

    def question(self, question_id: str) -> QuestionChange | None:
        return self.questions.get(question_id)

    @property
    def changed_questions(self) -> list[QuestionChange]:
        return [q for q in self.questions.values() if q.changed]

    @property
    def points_delta(self) -> float:
        return self.new.points - self.old.points


def _norm(note: str) -> str:
    return note.replace("\r\n", "\n").replace("\r", "\n").strip()


def _company(name: str) -> str:
    return " ".join(name.split()).casefold()


def ticked(session: Session, question_id: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The ticked elements per group, sorted, without empty groups."""
    given = session.answer(question_id)
    return tuple(
        (group, tuple(sorted(numbers)))
        for group, numbers in sorted(given.elements.items())
        if numbers
    )


def answer_side(result: QuestionResult, session: Session) -> AnswerSide:
    given = session.answer(result.question.id)
    if not result.counted:
        return AnswerSide(
            "not_counted",
            NOT_COUNTED_LABEL,
            None,
            None,
            None,
            0,
            given.note,
            given.follow_up,
            ticked(session, result.question.id),
        )
    word = "nvt" if result.status == "nvt" else result.answer
    return AnswerSide(
        status=result.status,
        answer=answer_text(result),
        answer_word=word,
        percentage=result.percentage,  # the one that counts (the register's, engine/sources)
        points=result.points,
        max_points=result.max_points,
        note=given.note,
        follow_up=given.follow_up,
        elements=ticked(session, result.question.id),
    )


def session_side(session: Session, assessment: Assessment) -> SessionSide:
    return SessionSide(
        company=session.company.name,
        profile=assessment.profile,
        date=session.interview.date,
        level=assessment.level.id if assessment.level else None,
        points=assessment.points,
        max_points=assessment.max_points,
        percentage=assessment.percentage,
    )


def compare(
    old: Session,
    new: Session,
    framework: Framework,
    old_assessment: Assessment | None = None,
    new_assessment: Assessment | None = None,
) -> Comparison:
    """Each session is scored with its own company profile (the category may have changed)."""
    old_assessment = old_assessment or assess(framework, old)
    new_assessment = new_assessment or assess(framework, new)
    questions = {}
    for qid, new_result in new_assessment.results.items():
        old_result = old_assessment.results[qid]
        if not (old_result.counted or new_result.counted):
            continue
        questions[qid] = QuestionChange(
            qid,
            new_result.question.step,
            new_result.question.text,
            answer_side(old_result, old),
            answer_side(new_result, new),
        )
    steps = tuple(
        StepChange(o.number, o.title, o.points, o.max_points, n.points, n.max_points)
        for o, n in zip(old_assessment.steps, new_assessment.steps, strict=True)
        if o.max_points or n.max_points
    )
    return Comparison(
        session_side(old, old_assessment),
        session_side(new, new_assessment),
        steps,
        questions,
    )


def describe(side: AnswerSide) -> str:
    """``Gedeeltelijk, 3 van 6 punten`` — one line for a panel beside the question."""
    if side.status == "not_counted":
        return NOT_COUNTED_LABEL
    if side.points is None:
        return side.answer
    return (
        f"{side.answer}, {formatting.points(side.points)} van "
        f"{formatting.points_count(side.max_points)}"
    )


def signed(value: float) -> str:
    """``+3``, ``-2,5``, ``0``."""
    if value > 0:
        return "+" + formatting.points(value)
    if value < 0:
        return "-" + formatting.points(-value)
    return "0"
