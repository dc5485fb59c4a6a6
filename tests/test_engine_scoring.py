"""Question-level scoring: answer words, bands, percentages, n.v.t., questions not counted."""

from __future__ import annotations

import pytest

from proof_helpers import FW, NVT_FREE_CHOICE_IDS, PROFILES, make_session
from trustone_tui.engine.scoring import assess, assess_answers
from trustone_tui.engine.session import QuestionAnswer


def result(profile_key: str, qid: str, given):
    return assess(FW, make_session(profile_key, {qid: given})).results[qid]


@pytest.mark.parametrize(
    ("qid", "given", "points"),
    [
        # "Wanneer een bedrijf gedeeltelijk aan een vraag voldoet krijgt het de helft"
        ("1.1.2", "ja", 6),
        ("1.1.2", "gedeeltelijk", 6 / 2),
        ("1.1.2", "nee", 0),
        ("1.1.1", "gedeeltelijk", 1 / 2),  # half points exist: 0.5
        ("5.1", "gedeeltelijk", 20 / 2),
        ("3.2.3", "ja", 12),
    ],
)
def test_answer_words(qid, given, points):
    r = result("C:medium_large", qid, given)
    assert (r.status, r.answer, r.source, r.points) == ("answered", given, "given", points)
    assert r.max_points == FW.questions[qid].max_c


def test_unanswered_scores_0_and_is_open():
    assessment = assess(FW, make_session("C:small", {}))
    assert assessment.points == 0
    assert assessment.max_points == 252
    assert [r.question.id for r in assessment.open_questions()] == [
        q.id for q in FW.scored_questions("C")
    ]
    r = assessment.results["2.2.4a"]
    assert (r.status, r.points, r.max_points) == ("open", 0, 8)


def test_a_note_or_ticked_elements_alone_leave_the_question_open():
    r = result("C:small", "1.1.5", QuestionAnswer(elements={"": (1, 2)}, note="x"))
    assert (r.status, r.points) == ("open", 0)


@pytest.mark.parametrize(
    ("qid", "profile_key", "percentage", "points"),
    [
        # 2.1.1a "0<50% 0 punten 50<75% 4 punten 75<100% 6 punten 100% 8 punten"
        ("2.1.1a", "C:small", 0, 0),
        ("2.1.1a", "C:small", 49.9, 0),
        ("2.1.1a", "C:small", 50, 4),
        ("2.1.1a", "C:small", 74.99, 4),
        ("2.1.1a", "C:small", 75, 6),
        ("2.1.1a", "C:small", 99.9, 6),
        ("2.1.1a", "C:small", 100, 8),
        # 2.1.1b "... 75<100% 7 punten 100% 10 punten"
        ("2.1.1b", "B:small", 99.99, 7),
        ("2.1.1b", "B:small", 100, 10),
        # 2.1.1c B: "0-20% 0, 20<50% 3, 50<75% 6, 75<90% 8, ≥90% 10": 20 is in 20<50%
        ("2.1.1c", "B:small", 0, 0),
        ("2.1.1c", "B:small", 19.99, 0),
        ("2.1.1c", "B:medium_large", 20, 3),
        ("2.1.1c", "B:medium_large", 49.9, 3),
        ("2.1.1c", "B:small", 50, 6),
        ("2.1.1c", "B:small", 75, 8),
        ("2.1.1c", "B:small", 89.9, 8),
        ("2.1.1c", "B:small", 90, 10),
        ("2.1.1c", "B:small", 100, 10),
        # 2.1.1c C: "0<20% 0, 20<40% 2, 40<60% 4, 60-75% 6, 75-90% 8, ≥90% 10": half-open
        # ascending, so 75 belongs to 75-90% and 60 to 60-75%
        ("2.1.1c", "C:small", 19.9, 0),
        ("2.1.1c", "C:small", 20, 2),
        ("2.1.1c", "C:small", 40, 4),
        ("2.1.1c", "C:medium_large", 59.99, 4),
        ("2.1.1c", "C:medium_large", 60, 6),
        ("2.1.1c", "C:medium_large", 74.99, 6),
        ("2.1.1c", "C:medium_large", 75, 8),
        ("2.1.1c", "C:medium_large", 89.99, 8),
        ("2.1.1c", "C:medium_large", 90, 10),
    ],
)
def test_band_questions_score_their_band(qid, profile_key, percentage, points):
    r = result(profile_key, qid, percentage)
    assert (r.status, r.source, r.points, r.percentage) == ("answered", "band", points, percentage)
    assert r.band.contains(percentage)
    assert r.answer is None


@pytest.mark.parametrize(
    ("qid", "profile_key", "percentage", "answer"),
    [
        # 2.2.4a groot/middelgroot: "25 – 75% van de fabrieken" / "meer dan 75%"
        ("2.2.4a", "C:medium_large", 24.9, "nee"),
        ("2.2.4a", "C:medium_large", 25, "gedeeltelijk"),
        ("2.2.4a", "C:medium_large", 50, "gedeeltelijk"),
        ("2.2.4a", "C:medium_large", 75, "gedeeltelijk"),
        ("2.2.4a", "C:medium_large", 75.1, "ja"),
        # 2.2.4a klein: "25 – 50%" / "meer dan 50%"
        ("2.2.4a", "C:small", 24, "nee"),
        ("2.2.4a", "C:small", 25, "gedeeltelijk"),
        ("2.2.4a", "C:small", 50, "gedeeltelijk"),
        ("2.2.4a", "C:small", 50.5, "ja"),
        # 2.2.4b groot/middelgroot: "40 – 60% van de groeves" / "meer dan 60%"
        ("2.2.4b", "C:medium_large", 39.9, "nee"),
        ("2.2.4b", "C:medium_large", 40, "gedeeltelijk"),
        ("2.2.4b", "C:medium_large", 60, "gedeeltelijk"),
        ("2.2.4b", "C:medium_large", 60.01, "ja"),
        # 2.2.4b klein: "25 – 50%" / "meer dan 50%"
        ("2.2.4b", "C:small", 25, "gedeeltelijk"),
        ("2.2.4b", "C:small", 51, "ja"),
        # 2.3.7 alle bedrijven: "voor 25 – 50% van de ketens" / "meer dan 50%"
        ("2.3.7", "C:medium_large", 0, "nee"),
        ("2.3.7", "C:small", 25, "gedeeltelijk"),
        ("2.3.7", "C:medium_large", 50, "gedeeltelijk"),
        ("2.3.7", "C:medium_large", 100, "ja"),
    ],
)
def test_percentage_questions_turn_the_percentage_into_the_answer(
    qid, profile_key, percentage, answer
):
    r = result(profile_key, qid, percentage)
    maximum = FW.questions[qid].max_c
    assert (r.status, r.source, r.answer) == ("answered", "percentage", answer)
    assert r.points == {"nee": 0, "gedeeltelijk": maximum / 2, "ja": maximum}[answer]


@pytest.mark.parametrize(
    ("answer", "percentage"), [("nee", 90), ("ja", 10), ("gedeeltelijk", None)]
)
def test_an_explicit_answer_on_a_percentage_question_counts(answer, percentage):
    r = result("C:medium_large", "2.2.4a", QuestionAnswer(answer=answer, percentage=percentage))
    assert (r.source, r.answer, r.percentage) == ("given", answer, percentage)
    assert r.points == {"nee": 0, "gedeeltelijk": 4, "ja": 8}[answer]


@pytest.mark.parametrize("qid", ["1.3.18", "3.1.1", "3.1.2", "3.2.5", "4.2.3", "4.2.4", "6.1.1"])
def test_nvt_leaves_points_and_maximum(qid):
    assessment = assess(FW, make_session("C:medium_large", {qid: "nvt"}))
    r = assessment.results[qid]
    assert (r.status, r.points, r.max_points) == ("nvt", None, 0)
    assert assessment.max_points == 252 - FW.questions[qid].max_c
    assert qid not in [o.question.id for o in assessment.open_questions()]


@pytest.mark.parametrize("qid", NVT_FREE_CHOICE_IDS)
def test_nvt_is_refused_everywhere_else(qid):
    with pytest.raises(ValueError, match=r"does not allow n\.v\.t\."):
        assess(FW, make_session("C:medium_large", {qid: "nvt"}))


def test_questions_not_scored_for_b_are_not_counted_and_not_open():
    # 3.1.2 ("Maximale score C: 12") answered Ja by a B company: ignored.
    assessment = assess(FW, make_session("B:small", {"3.1.2": "ja", "2.1.2a": "ja"}))
    for qid in ("3.1.2", "2.1.2a"):
        r = assessment.results[qid]
        assert (r.status, r.points, r.max_points, r.criteria) == ("not_counted", None, 0, None)
    assert assessment.points == 0 and assessment.max_points == 100
    open_ids = [r.question.id for r in assessment.open_questions()]
    assert open_ids == [q.id for q in FW.scored_questions("B")]
    assert "3.1.2" not in open_ids and len(open_ids) == 18
    assert [(s.number, s.max_points, s.open) for s in assessment.steps] == [
        (1, 48, 13),
        (2, 28, 3),
        (3, 0, 0),
        (4, 0, 0),
        (5, 24, 2),
        (6, 0, 0),
    ]


def test_assess_answers_takes_a_profile_directly():
    answers = {"5.1": QuestionAnswer(answer="ja")}
    assert assess_answers(FW, PROFILES["B:medium_large"], answers).points == 20
