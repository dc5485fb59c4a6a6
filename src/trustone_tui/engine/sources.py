"""Where each percentage of a session comes from: the supply-chain register or the interview.

When a session keeps a register, the six percentages that follow from it (2.1.1a-c, 2.2.4a-b,
2.3.7) are taken from the register; a percentage typed in the interview counts only where the
register gives no figure (nothing to count) or there is no register. An explicit answer
(Nee/Gedeeltelijk/Ja) still counts instead of the percentage, as without a register. The reading
and the seed's words: ``docs/framework-notes.md``, reading R8.

Every consumer (scoring, and through it the reports, ``trustone score`` and the app) sees the
same percentages through :func:`effective_answers`. The register's figures are computed once per
register value (a :class:`~trustone_tui.engine.register.Register` is immutable, so they are
kept by identity).

Pure computation: no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Literal, NamedTuple

from trustone_tui.engine.register import Register, RegisterFigures, compute
from trustone_tui.engine.session import QuestionAnswer, Session

if TYPE_CHECKING:
    from trustone_tui.framework.bank import Framework
    from trustone_tui.framework.countries import Countries

PercentageSource = Literal["register", "entered"]

#: Registers whose figures are kept: the session's current one and a few before it (undo, the
#: previous year's session) are enough.
_KEPT = 8
#: ``id(register) -> (register, countries, figures)``; the register is kept with its figures, so
#: its id cannot be reused while the entry exists.
_figures: dict[int, tuple[Register, Countries, RegisterFigures]] = {}


def register_figures(register: Register, countries: Countries) -> RegisterFigures:
    """:func:`~trustone_tui.engine.register.compute`, once per register value."""
    kept = _figures.get(id(register))
    if kept is not None and kept[0] is register and kept[1] is countries:
        return kept[2]
    figures = compute(register, countries)
    if len(_figures) >= _KEPT:
        del _figures[next(iter(_figures))]  # the oldest
    _figures[id(register)] = (register, countries, figures)
    return figures


def session_figures(session: Session, framework: Framework) -> RegisterFigures | None:
    """The figures of the session's register; None without a register."""
    if session.register is None:
        return None
    return register_figures(session.register, framework.countries)


class EffectiveAnswers(NamedTuple):
    """The answers that count, and where each percentage in them comes from."""

    answers: Mapping[str, QuestionAnswer]
    #: For every answer with a percentage: ``"register"`` or ``"entered"``.
    sources: Mapping[str, PercentageSource]


def entered_sources(answers: Mapping[str, QuestionAnswer]) -> dict[str, PercentageSource]:
    """Every percentage in ``answers`` marked as typed in the interview."""
    return {qid: "entered" for qid, given in answers.items() if given.percentage is not None}


def effective_answers(session: Session, framework: Framework) -> EffectiveAnswers:
    """The session's answers with the register's percentages in place of typed ones."""
    answers = session.answers
    sources = entered_sources(answers)
    figures = session_figures(session, framework)
    if figures is None:
        return EffectiveAnswers(answers, sources)
    merged = dict(answers)
    for qid, figure in figures.percentages.items():
        if figure is None:
            continue  # nothing to count in the register: a typed percentage counts (R5)
        merged[qid] = replace(merged.get(qid) or QuestionAnswer(), percentage=figure)
        sources[qid] = "register"
    return EffectiveAnswers(merged, sources)


def effective_session(session: Session, framework: Framework) -> Session:
    """The session with the answers that count (:func:`effective_answers`)."""
    if session.register is None:
        return session
    return replace(session, answers=effective_answers(session, framework).answers)


def percentage_source(
    session: Session, framework: Framework, question_id: str
) -> PercentageSource | None:
    """Where the percentage that counts for the question comes from; None when there is none."""
    return effective_answers(session, framework).sources.get(question_id)
