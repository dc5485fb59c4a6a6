"""What the interview shows beside a question's score: the answer its ticked elements suggest
and what its typed percentage gives under the company's criteria.

Pure functions over the framework and one answer; no I/O and no Textual.
"""

from __future__ import annotations

from typing import NamedTuple

from trustone_tui.engine.scoring import QuestionResult
from trustone_tui.engine.session import AnswerChoice, QuestionAnswer
from trustone_tui.engine.suggest import suggest_answer
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.model import AnswerWord, Band
from trustone_tui.framework.profile import Profile


class PercentageVerdict(NamedTuple):
    """What a typed percentage gives: a band (band questions) or an answer word."""

    percentage: float
    #: Band questions: the band the percentage falls in (it earns ``band.points``).
    band: Band | None
    #: Percentage questions: the answer the criteria give the percentage.
    answer: AnswerWord | None
    #: A chosen answer that differs from ``answer`` and counts instead (None when it agrees).
    overridden_by: AnswerChoice | None


def percentage_verdict(result: QuestionResult, given: QuestionAnswer) -> PercentageVerdict | None:
    """What ``given.percentage`` gives under the question's criteria variant.

    None for questions without a percentage, or while no percentage is typed.
    """
    variant = result.criteria
    percentage = given.percentage
    if variant is None or percentage is None or result.question.kind not in ("band", "percentage"):
        return None
    if variant.bands:
        return PercentageVerdict(percentage, variant.band_for(percentage), None, None)
    derived = variant.answer_for_percentage(percentage)
    chosen = given.answer if given.answer and given.answer != derived else None
    return PercentageVerdict(percentage, None, derived, chosen)


def suggests(framework: Framework, question_id: str, profile: Profile) -> bool:
    """Whether the bank can suggest this question's answer from its ticked elements."""
    return framework.rule(question_id, profile) is not None


def suggestion(
    framework: Framework, question_id: str, profile: Profile, given: QuestionAnswer
) -> AnswerWord | None:
    """The answer the ticked elements suggest (None without a rule or with nothing ticked)."""
    rule = framework.rule(question_id, profile)
    if rule is None or not any(given.elements.values()):
        return None
    return suggest_answer(rule, given.elements)
