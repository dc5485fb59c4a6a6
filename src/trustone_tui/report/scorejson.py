"""The machine-readable score of a session (``trustone score --format json`` and JSON export).

:func:`score_json` is the definition. :class:`ScoreLineEncoder` writes the same object as one
compact JSON line faster, for scoring many files: each question's text depends only on its
:class:`~trustone_tui.engine.scoring.QuestionResult` (shared between sessions by the engine),
so it is encoded once and spliced in.
"""

from __future__ import annotations

import json
import math
from typing import Any

from trustone_tui.engine.planner import Plan, PlanStep, best_case, plan
from trustone_tui.engine.scoring import Assessment, LevelGap, QuestionResult
from trustone_tui.engine.session import Session
from trustone_tui.engine.timeline import this_years_assessment, timeline_position
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.model import Category, CriteriaVariant
from trustone_tui.text.criteria import band_table
from trustone_tui.text.summary import assessment_year


def criteria_json(variant: CriteriaVariant) -> dict[str, str] | str:
    if variant.bands:
        return band_table(variant)
    return {
        "nee": variant.nee or "",
        "gedeeltelijk": variant.gedeeltelijk or "",
        "ja": variant.ja or "",
    }


def question_json(result: QuestionResult, session: Session) -> dict[str, Any]:
    given = session.answer(result.question.id)
    answer = "nvt" if result.status == "nvt" else result.answer
    out: dict[str, Any] = {
        "answer": answer,
        "points": _float(result.points),
        "max": float(result.max_points),
        "criteria": criteria_json(result.criteria) if result.criteria else None,
    }
    if result.question.kind in ("band", "percentage"):
        source = result.percentage_source
        # The register's figure when it counts (engine/sources), else what was typed.
        counted = result.percentage if source == "register" else given.percentage
        out["percentage"] = _float(counted)
        out["percentage_source"] = source
    return out


def _float(value: float | None) -> float | None:
    """Points and percentages are always written as JSON floats (``3.0``, never ``3``)."""
    return None if value is None else float(value)


def gap_json(gap: LevelGap | None) -> dict[str, Any] | None:
    return None if gap is None else level_gap_json(gap)


def level_gap_json(gap: LevelGap) -> dict[str, Any]:
    return {
        "level": gap.level.id,
        "points_needed": float(gap.points_needed),
        "quarry_insight_needed": float(gap.quarry_insight_needed),
        "factory_insight_needed": float(gap.factory_insight_needed),
        "core_questions_missing": list(gap.core_questions_missing),
    }


def plan_step_json(step: PlanStep) -> dict[str, Any]:
    """``from``/``to`` are answer words (None: open) or, for a percentage step, percentages."""
    if step.field == "answer":
        before: str | float | None = step.from_answer
        after: str | float | None = step.to_answer
    else:
        before, after = _float(step.from_percentage), _float(step.to_percentage)
    return {
        "question": step.question_id,
        "from": before,
        "to": after,
        "points_gained": float(step.points_gained),
    }


def plan_json(the_plan: Plan | None) -> dict[str, Any] | None:
    """The fewest steps to a level; None at the top level. ``steps`` is empty when the level
    cannot be reached by better answers (``reachable`` false)."""
    if the_plan is None:
        return None
    return {
        "level": the_plan.target.id,
        "reachable": the_plan.reachable,
        "steps": [plan_step_json(step) for step in the_plan.steps],
    }


#: ``assessment``: the frequency table's cell in three words (the small companies' cell reads
#: "Op verzoek beperkte toetsing mogelijk").
ASSESSMENT_KINDS = ("op verzoek beperkt", "volledig", "beperkt")


def assessment_kind(cell: str) -> str:
    """``volledig``, ``beperkt`` or ``op verzoek beperkt``; another cell text as it is."""
    lowered = cell.lower()
    if lowered.startswith("op verzoek"):
        return "op verzoek beperkt"
    return next((kind for kind in ASSESSMENT_KINDS if lowered.startswith(kind)), cell)


def level_id(framework: Framework, category: Category, rank: int) -> str | None:
    """The id of the category's level of ``rank`` (``C2``); None for 0 (no level)."""
    levels = framework.levels[category]
    return levels[rank - 1].id if 0 < rank <= len(levels) else None


def next_steps_json(
    session: Session, assessment: Assessment, framework: Framework, year: int
) -> dict[str, Any]:
    """``plan``, ``best_case``, ``timeline`` and ``assessment`` of ``trustone score``."""
    best = best_case(framework, session, assessment)
    position = timeline_position(framework, session.company, assessment.level, year)
    kind = this_years_assessment(framework, session, year)
    category = assessment.profile.category
    return {
        "plan": plan_json(plan(framework, session, assessment=assessment)),
        "best_case": {
            "level": best.level.id if best.level else None,
            "points": float(best.best.points),
        },
        "timeline": None
        if position is None
        else {
            "year": position.year,
            "expected_level": level_id(framework, category, position.expected_level),
            "status": position.status,
        },
        "assessment": None if kind is None else assessment_kind(kind.label),
    }


def score_json(
    session: Session, assessment: Assessment, framework: Framework, year: int | None = None
) -> dict[str, Any]:
    """The object ``trustone score --format json`` prints for one file (``year``: the one the
    timeline and the assessment type are for; default the interview's, else this year)."""
    return {
        **_summary_json(session, assessment, framework, year),
        "questions": {
            qid: question_json(result, session)
            for qid, result in assessment.results.items()
            if result.counted
        },
    }


def _summary_json(
    session: Session, assessment: Assessment, framework: Framework, year: int | None
) -> dict[str, Any]:
    """Every key of :func:`score_json` before ``questions``."""
    return {
        "company": session.company.name,
        "category": assessment.profile.category,
        "size": assessment.profile.size,
        "points": float(assessment.points),
        "max_points": float(assessment.max_points),
        "percentage": float(assessment.percentage),
        "level": assessment.level.id if assessment.level else None,
        "next": gap_json(assessment.next),
        **next_steps_json(
            session, assessment, framework, assessment_year(session) if year is None else year
        ),
    }


#: ``json.dumps(value, ensure_ascii=False)`` without building the encoder on every call.
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _number(value: float | None) -> str:
    """``_encode(_float(value))`` for a percentage; a finite number is written as ``json``
    writes a float (repr)."""
    if value is None:
        return "null"
    number = float(value)
    if math.isfinite(number):
        return float.__repr__(number)
    return _encode(number)


class ScoreLineEncoder:
    """``json.dumps(score_json(session, assessment), ensure_ascii=False)``, the same text, faster.

    Use one encoder for many sessions: the text of each question result is kept (with the
    result, so its ``id`` cannot be reused) and spliced in. A typed percentage comes from the
    session, as in :func:`question_json`, and is encoded per session: the engine shares one
    result between percentages that compare equal but print differently (``0.0`` and ``-0.0``).
    The line is built as UTF-8 (:meth:`encode_utf8`): the command writes those bytes as they are.
    """

    #: Results kept at most (all are dropped when full; their text is then made again): far
    #: more than the distinct results of a typical run.
    MAX_KEPT = 8192

    def __init__(self, framework: Framework) -> None:
        self._framework = framework
        #: ``id(result) -> (result, its UTF-8 text or None when it is not counted, what follows
        #: the percentage or None when there is no percentage)``.
        self._questions: dict[int, tuple[QuestionResult, bytes | None, bytes | None]] = {}

    def encode(self, session: Session, assessment: Assessment) -> str:
        return self.encode_utf8(session, assessment).decode("utf-8")

    def encode_utf8(self, session: Session, assessment: Assessment) -> bytes:
        summary = _encode(_summary_json(session, assessment, self._framework, None))
        kept_questions = self._questions
        answers = session.answers
        pieces = []
        for result in assessment.results.values():
            kept = kept_questions.get(id(result))
            if kept is None or kept[0] is not result:
                kept = self._keep(result, session)
            text, after = kept[1], kept[2]
            if text is None:  # not counted for the company's category
                continue
            if after is None:
                pieces.append(text)
                continue
            if result.percentage_source == "register":
                percentage = result.percentage
            else:
                given = answers.get(result.question.id)
                percentage = given.percentage if given else None
            pieces.append(text + _number(percentage).encode("utf-8") + after)
        return b"".join(
            (summary.encode("utf-8")[:-1], b', "questions": {', b", ".join(pieces), b"}}")
        )

    def _keep(
        self, result: QuestionResult, session: Session
    ) -> tuple[QuestionResult, bytes | None, bytes | None]:
        """Encode ``"1.1.5": {"answer": ..., "criteria": ...}`` once (the percentage open);
        None for a result that is not counted."""
        if not result.counted:
            kept: tuple[QuestionResult, bytes | None, bytes | None] = (result, None, None)
        else:
            out = question_json(result, session)
            with_percentage = "percentage" in out  # last but its source: encoded per session
            out.pop("percentage", None)
            source = out.pop("percentage_source", None)
            text = f"{_encode(result.question.id)}: {_encode(out)}"
            after = None
            if with_percentage:
                text = text[:-1] + ', "percentage": '
                after = f', "percentage_source": {_encode(source)}}}'.encode()
            kept = (result, text.encode("utf-8"), after)
        if len(self._questions) >= self.MAX_KEPT:
            self._questions.clear()
        self._questions[id(result)] = kept
        return kept
