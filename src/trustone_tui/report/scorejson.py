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

from trustone_tui.engine.scoring import Assessment, LevelGap, QuestionResult
from trustone_tui.engine.session import Session
from trustone_tui.framework.model import CriteriaVariant
from trustone_tui.text.criteria import band_table


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
        "points": result.points,
        "max": result.max_points,
        "criteria": criteria_json(result.criteria) if result.criteria else None,
    }
    if result.question.kind in ("band", "percentage"):
        source = result.percentage_source
        # The register's figure when it counts (engine/sources), else what was typed.
        out["percentage"] = result.percentage if source == "register" else given.percentage
        out["percentage_source"] = source
    return out


def gap_json(gap: LevelGap | None) -> dict[str, Any] | None:
    return None if gap is None else level_gap_json(gap)


def level_gap_json(gap: LevelGap) -> dict[str, Any]:
    return {
        "level": gap.level.id,
        "points_needed": gap.points_needed,
        "quarry_insight_needed": gap.quarry_insight_needed,
        "factory_insight_needed": gap.factory_insight_needed,
        "core_questions_missing": list(gap.core_questions_missing),
    }


def score_json(session: Session, assessment: Assessment) -> dict[str, Any]:
    """The object ``trustone score --format json`` prints for one file."""
    return {
        **_summary_json(session, assessment),
        "questions": {
            qid: question_json(result, session)
            for qid, result in assessment.results.items()
            if result.counted
        },
    }


def _summary_json(session: Session, assessment: Assessment) -> dict[str, Any]:
    """Every key of :func:`score_json` before ``questions``."""
    return {
        "company": session.company.name,
        "category": assessment.profile.category,
        "size": assessment.profile.size,
        "points": assessment.points,
        "max_points": assessment.max_points,
        "percentage": assessment.percentage,
        "level": assessment.level.id if assessment.level else None,
        "next": gap_json(assessment.next),
    }


#: ``json.dumps(value, ensure_ascii=False)`` without building the encoder on every call.
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _number(value: float | None) -> str:
    """``_encode(value)`` for a percentage; a finite float is written as ``json`` does (repr)."""
    if type(value) is float and math.isfinite(value):
        return float.__repr__(value)
    return _encode(value)


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

    def __init__(self) -> None:
        #: ``id(result) -> (result, its UTF-8 text, what follows the percentage or None when
        #: there is no percentage)``.
        self._questions: dict[int, tuple[QuestionResult, bytes, bytes | None]] = {}

    def encode(self, session: Session, assessment: Assessment) -> str:
        return self.encode_utf8(session, assessment).decode("utf-8")

    def encode_utf8(self, session: Session, assessment: Assessment) -> bytes:
        summary = _encode(_summary_json(session, assessment)).encode("utf-8")
        parts = [summary[:-1], b', "questions": {']
        answers = session.answers
        separator = b""
        for qid, result in assessment.results.items():
            if not result.counted:
                continue
            kept = self._questions.get(id(result))
            if kept is None or kept[0] is not result:
                kept = self._keep(qid, result, session)
            parts.append(separator)
            parts.append(kept[1])
            if kept[2] is not None:
                if result.percentage_source == "register":
                    percentage = result.percentage
                else:
                    given = answers.get(qid)
                    percentage = given.percentage if given else None
                parts.append(_number(percentage).encode("utf-8"))
                parts.append(kept[2])
            separator = b", "
        parts.append(b"}}")
        return b"".join(parts)

    def _keep(
        self, qid: str, result: QuestionResult, session: Session
    ) -> tuple[QuestionResult, bytes, bytes | None]:
        """Encode ``"1.1.5": {"answer": ..., "criteria": ...}`` once (the percentage open)."""
        out = question_json(result, session)
        with_percentage = "percentage" in out  # last but its source: encoded per session
        out.pop("percentage", None)
        source = out.pop("percentage_source", None)
        text = f"{_encode(qid)}: {_encode(out)}"
        after = None
        if with_percentage:
            text = text[:-1] + ', "percentage": '
            after = f', "percentage_source": {_encode(source)}}}'.encode()
        kept = (result, text.encode("utf-8"), after)
        if len(self._questions) >= self.MAX_KEPT:
            self._questions.clear()
        self._questions[id(result)] = kept
        return kept
