"""Undo and redo of answer changes, as plain data: a bounded stack of :class:`Session` values.

Only the answers are taken back (answer, percentage, elements, note, follow-up flag); a step
never undoes a profile or history change made since. Typing a note is one step per note, not
one per key: consecutive changes to the same question's note are merged.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from trustone_tui.engine.session import QuestionAnswer, Session

#: How many steps back the history keeps; older steps are dropped.
DEFAULT_LIMIT = 200

Field = Literal["answer", "percentage", "elements", "note", "follow_up"]
FIELDS: tuple[Field, ...] = ("answer", "percentage", "elements", "note", "follow_up")


@dataclass(frozen=True, slots=True)
class Change:
    """What one step changes: per question, the fields that differ (in :data:`FIELDS` order)."""

    questions: tuple[tuple[str, tuple[Field, ...]], ...]

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(question_id for question_id, _ in self.questions)


def changed_fields(before: QuestionAnswer, after: QuestionAnswer) -> tuple[Field, ...]:
    """The fields of an answer that differ between ``before`` and ``after``."""
    return tuple(f for f in FIELDS if getattr(before, f) != getattr(after, f))


def answer_change(before: Session, after: Session) -> Change:
    """Which questions' answers differ between two sessions, and in what."""
    ids = sorted(set(before.answers) | set(after.answers))
    questions = []
    for question_id in ids:
        fields = changed_fields(before.answer(question_id), after.answer(question_id))
        if fields:
            questions.append((question_id, fields))
    return Change(tuple(questions))


@dataclass(frozen=True, slots=True)
class Step:
    """An undoable (or redoable) step: the session whose answers it restores, and which
    answers that changes."""

    restores: Session
    change: Change


@dataclass(frozen=True, slots=True)
class History:
    """The steps that can be undone (newest last) and redone (next first)."""

    undo_steps: tuple[Step, ...] = ()
    redo_steps: tuple[Step, ...] = ()
    limit: int = DEFAULT_LIMIT

    @property
    def can_undo(self) -> bool:
        return bool(self.undo_steps)

    @property
    def can_redo(self) -> bool:
        return bool(self.redo_steps)

    def record(self, before: Session, after: Session) -> History:
        """The history after the change from ``before`` to ``after``.

        A change that leaves every answer as it was is no step. A note typed further in the
        same question as the previous step extends that step. Any new step clears the redo.
        """
        change = answer_change(before, after)
        if not change.questions:
            return self
        last = self.undo_steps[-1] if self.undo_steps else None
        if last is not None and _same_note(last.change, change) and not self.redo_steps:
            merged = Step(last.restores, answer_change(last.restores, after))
            if merged.change.questions:
                return replace(self, undo_steps=(*self.undo_steps[:-1], merged))
            return replace(self, undo_steps=self.undo_steps[:-1])  # typed back to the start
        steps = (*self.undo_steps, Step(before, change))[-self.limit :]
        return replace(self, undo_steps=steps, redo_steps=())

    def undo(self, current: Session) -> tuple[Session, Change, History] | None:
        """``current`` with the last step's answers taken back, what that changes, and the new
        history; None when there is nothing to undo."""
        if not self.undo_steps:
            return None
        step = self.undo_steps[-1]
        restored = replace(current, answers=step.restores.answers)
        redo = Step(current, answer_change(restored, current))
        return (
            restored,
            step.change,
            replace(self, undo_steps=self.undo_steps[:-1], redo_steps=(redo, *self.redo_steps)),
        )

    def redo(self, current: Session) -> tuple[Session, Change, History] | None:
        """``current`` with the last undone step made again; None when there is none."""
        if not self.redo_steps:
            return None
        step = self.redo_steps[0]
        restored = replace(current, answers=step.restores.answers)
        undo = Step(current, answer_change(current, restored))
        return (
            restored,
            step.change,
            replace(self, undo_steps=(*self.undo_steps, undo), redo_steps=self.redo_steps[1:]),
        )


def _same_note(last: Change, new: Change) -> bool:
    """Whether both steps only change the note of one and the same question."""
    return (
        len(last.questions) == 1
        and last.questions == new.questions
        and last.questions[0][1] == ("note",)
    )
