"""Suggest an answer from the elements a company ticked, using the bank's element rules."""

from __future__ import annotations

from trustone_tui.engine.session import UNGROUPED, ElementTicks
from trustone_tui.framework.model import AnswerWord, ElementCondition, ElementRule


def condition_holds(condition: ElementCondition, ticks: ElementTicks) -> bool:
    ticked = set(ticks.get(condition.group or UNGROUPED, ()))
    return len(ticked.intersection(condition.of)) >= condition.required


def suggest_answer(rule: ElementRule | None, ticks: ElementTicks) -> AnswerWord | None:
    """*Ja* when every Ja condition holds, else *Gedeeltelijk* when its conditions hold, else *Nee*.

    None when the question has no rule: its criteria cannot be read from the elements alone.
    """
    if rule is None:
        return None
    if all(condition_holds(c, ticks) for c in rule.ja):
        return "ja"
    if rule.gedeeltelijk and all(condition_holds(c, ticks) for c in rule.gedeeltelijk):
        return "gedeeltelijk"
    return "nee"
