"""``assess_answers`` walks a precomputed layout; it agrees with scoring each question on its own.

The levels' gaps are pinned by hand-computed cases in test_engine_levels.py."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proof_helpers import FW, PROFILES
from trustone_tui.engine.scoring import assess_answers, score_question
from trustone_tui.engine.session import QuestionAnswer
from trustone_tui.framework.model import Question


def answers_for(question: Question) -> st.SearchStrategy[QuestionAnswer]:
    words = ["nee", "gedeeltelijk", "ja", *(["nvt"] if question.nvt_allowed else [])]
    return st.builds(
        QuestionAnswer,
        answer=st.none() | st.sampled_from(words),
        percentage=st.none() | st.floats(min_value=0, max_value=100),
    )


answer_sets = st.fixed_dictionaries(
    {}, optional={q.id: answers_for(q) for q in FW.scored_questions()}
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=st.sampled_from(sorted(PROFILES)).map(PROFILES.__getitem__), answers=answer_sets)
def test_assessment_is_made_of_score_question_and_level_gap(profile, answers):
    assessment = assess_answers(FW, profile, answers)
    expected = {
        q.id: score_question(q, answers.get(q.id), profile, FW) for q in FW.scored_questions()
    }
    assert assessment.results == expected
    assert list(assessment.results) == list(expected)
    for step, result in zip(FW.steps, assessment.steps, strict=True):
        counted = [
            expected[q.id]
            for q in step.questions
            if q.is_scored and expected[q.id].status != "not_counted"
        ]
        assert result.number == step.number
        assert result.max_points == sum(r.max_points for r in counted)
        assert result.open == sum(r.status == "open" for r in counted)
        assert result.answered == len(counted) - result.open
