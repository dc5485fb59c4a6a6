"""Helpers shared by the store tests."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from trustone_tui.engine.session import Company, QuestionAnswer, Session
from trustone_tui.framework.bank import Framework
from trustone_tui.store import atomic


def temporaries(folder: Path) -> list[str]:
    """Names of temporary files of interrupted saves in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if atomic.is_temporary_name(p.name))


def growing_session(framework: Framework, k: int) -> Session:
    """State number ``k`` of a session that gains an answer (and a longer note) per step."""
    choices = [q.id for q in framework.questions.values() if q.kind == "choice"]
    answers = {}
    for i in range(k % (len(choices) + 1)):
        answers[choices[i]] = QuestionAnswer(
            answer=("nee", "gedeeltelijk", "ja")[i % 3], note=f"stap {k}, vraag {i}\n" * (i % 4)
        )
    company = Company(
        name=f"Steenhandel {k}",
        imports_from_risk_countries=True,
        employees=40,
        revenue_eur=8_000_000,
    )
    return Session(company=company, answers=answers, framework_version=framework.version)


def with_note(session: Session, question_id: str, note: str) -> Session:
    answer = dataclasses.replace(session.answer(question_id), note=note)
    return session.with_answer(question_id, answer)
