"""What the question panel asks of the screen: one typed message per kind of change.

Each names the question it is about, so a message that arrives after the interviewer moved
on is recognised; the screen turns it into a new session (``screens/interview.py``).
"""

from __future__ import annotations

from textual.message import Message

from trustone_tui.engine.session import AnswerChoice


class AnswerIntent(Message):
    """The interviewer changed something about question ``question_id``'s answer."""

    def __init__(self, question_id: str) -> None:
        super().__init__()
        self.question_id = question_id


class AnswerChosen(AnswerIntent):
    """An answer was chosen (``answer``), or taken back (None)."""

    def __init__(self, question_id: str, answer: AnswerChoice | None) -> None:
        super().__init__(question_id)
        self.answer = answer


class ElementToggled(AnswerIntent):
    """Element ``number`` of ``group`` was ticked (``ticked``) or unticked."""

    def __init__(self, question_id: str, group: str, number: int, ticked: bool) -> None:
        super().__init__(question_id)
        self.group = group
        self.number = number
        self.ticked = ticked


class FollowUpToggled(AnswerIntent):
    """The follow-up flag was set (``follow_up``) or cleared."""

    def __init__(self, question_id: str, follow_up: bool) -> None:
        super().__init__(question_id)
        self.follow_up = follow_up


class PercentageEntered(AnswerIntent):
    """A percentage was typed (``percentage``; None when the input was emptied)."""

    def __init__(self, question_id: str, percentage: float | None) -> None:
        super().__init__(question_id)
        self.percentage = percentage


class NoteChanged(AnswerIntent):
    """The note now reads ``note``."""

    def __init__(self, question_id: str, note: str) -> None:
        super().__init__(question_id)
        self.note = note
