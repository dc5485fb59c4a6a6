"""Sessions for the report, summary and diff tests (imported by those test modules)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from trustone_tui.answerfile.read import parse_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.session import Company, Interview, QuestionAnswer, Session
from trustone_tui.framework.bank import Framework
from trustone_tui.store.bankcache import default_framework


def framework() -> Framework:
    return default_framework()


def demo_session() -> Session:
    return parse_session(demo_bytes(), "demo", framework())


def company(name: str, category: str = "C", size: str = "medium_large") -> Company:
    small = size == "small"
    return Company(
        name=name,
        imports_from_risk_countries=category == "C",
        employees=10 if small else 80,
        revenue_eur=1_000_000 if small else 20_000_000,
    )


def uniform_session(
    name: str,
    category: str = "C",
    size: str = "medium_large",
    choice: str | None = "ja",
    percentage: float | None = 100,
    date: dt.date | None = None,
    overrides: Mapping[str, QuestionAnswer] | None = None,
) -> Session:
    """Every question of the category answered alike: ``choice`` for choice questions,
    ``percentage`` for band and percentage questions (None leaves them open)."""
    fw = framework()
    answers: dict[str, QuestionAnswer] = {}
    for question in fw.scored_questions(category):  # type: ignore[arg-type]
        if question.kind in ("band", "percentage"):
            if percentage is not None:
                answers[question.id] = QuestionAnswer(percentage=percentage)
        elif choice is not None:
            answers[question.id] = QuestionAnswer(answer=choice)  # type: ignore[arg-type]
    answers.update(overrides or {})
    return Session(
        company(name, category, size),
        answers,
        Interview("Test", date),
        fw.version,
    )
