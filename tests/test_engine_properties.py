"""Properties of the engine over generated valid sessions (hypothesis).

The level checks use an oracle written here from the seed's wording, not the engine's code.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proof_helpers import FW, PROFILES
from trustone_tui.engine.scoring import Assessment, assess_answers
from trustone_tui.engine.session import QuestionAnswer
from trustone_tui.framework.model import Level, Question
from trustone_tui.framework.profile import Profile

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = (None, "nee", "gedeeltelijk", "ja")
RANK = {word: rank for rank, word in enumerate(WORDS)}
QUESTIONS = FW.scored_questions()

percentages = st.one_of(
    st.sampled_from([0.0, 19.9, 20.0, 25.0, 40.0, 50.0, 60.0, 75.0, 90.0, 99.9, 100.0]),
    st.floats(min_value=0, max_value=100, allow_nan=False),
)
# Companies far along (mostly Ja, high percentages) and C companies at the top (levels 4 and 5:
# core questions, n.v.t., more than 200 points), so that every level is reached often.
high_percentages = st.one_of(
    st.sampled_from([75.0, 90.0, 100.0, 100.0, 100.0]), st.floats(min_value=60, max_value=100)
)
top_percentages = st.sampled_from([74.9, 75.0, 89.9, 90.0, *(100.0,) * 6])


def answer_strategy(question: Question, mode: str) -> st.SearchStrategy[QuestionAnswer]:
    share = {
        "any": st.none() | percentages,
        "high": high_percentages,
        "top": top_percentages,
    }[mode]
    words = {"any": WORDS, "high": ("ja",) * 30 + WORDS, "top": ("ja",) * 20 + ("gedeeltelijk",)}[
        mode
    ]
    if question.kind == "band":
        return st.builds(QuestionAnswer, percentage=share)
    if question.kind == "percentage":
        return st.builds(QuestionAnswer, answer=st.sampled_from(words), percentage=share)
    if question.nvt_allowed:
        words = (*words, "nvt") if mode == "any" else (*words, *("nvt",) * 4)
    return st.builds(QuestionAnswer, answer=st.sampled_from(words))


def session_strategy(mode: str):
    profiles = sorted(PROFILES) if mode != "top" else ["C:medium_large", "C:small"]
    return st.tuples(
        st.sampled_from(profiles).map(PROFILES.__getitem__),
        st.fixed_dictionaries({q.id: answer_strategy(q, mode) for q in QUESTIONS}),
    )


sessions = st.one_of(*(session_strategy(mode) for mode in ("any", "high", "top")))


def rank(assessment: Assessment) -> int:
    return assessment.level.rank if assessment.level else 0


def oracle_points(profile: Profile, answers) -> tuple[Fraction, Fraction]:
    """Points and maximum as the seed describes them, summed exactly."""
    points = maximum = Fraction(0)
    for q in FW.scored_questions(profile.category):
        top = Fraction(q.max_for(profile.category))
        given = answers.get(q.id) or QuestionAnswer()
        if given.answer == "nvt":
            continue
        maximum += top
        variant = FW.criteria(q.id, profile)
        word = given.answer
        if q.kind == "band":
            if given.percentage is not None:
                (band,) = [
                    b
                    for b in variant.bands
                    if b.min <= given.percentage and (b.below is None or given.percentage < b.below)
                ]
                points += Fraction(band.points)
            continue
        if word is None and q.kind == "percentage" and given.percentage is not None:
            p = given.percentage
            word = (
                "ja"
                if p > variant.ja_above
                else "gedeeltelijk"
                if p >= variant.gedeeltelijk_from
                else "nee"
            )
        points += {None: 0, "nee": 0, "gedeeltelijk": top / 2, "ja": top}[word]
    return points, maximum


def oracle_holds(level: Level, profile: Profile, answers) -> bool:
    """Every condition of the level, read from the seed's level table."""
    points, maximum = oracle_points(profile, answers)

    def percentage_of(qid: str) -> float:
        given = answers.get(qid)
        return given.percentage if given and given.percentage is not None else 0.0

    if points * 100 < Fraction(level.score_min) * maximum:
        return False
    if percentage_of("2.1.1c") < level.quarry_insight_min:
        return False
    if percentage_of("2.1.1b") < level.factory_insight_min:
        return False
    if level.points_above is not None and not points > level.points_above:
        return False
    for q in FW.scored_questions(profile.category):
        if set(q.core_levels) & set(level.core_levels):
            given = answers.get(q.id) or QuestionAnswer()
            if given.answer not in ("ja", "nvt"):
                return False
    return True


@SETTINGS
@given(sessions)
def test_points_never_exceed_the_maximum(session):
    profile, answers = session
    a = assess_answers(FW, profile, answers)
    for r in a.results.values():
        if r.points is not None:
            assert 0 <= r.points <= r.max_points
    for step in a.steps:
        assert 0 <= step.points <= step.max_points
    assert 0 <= a.points <= a.max_points
    assert 0 <= a.percentage <= 100
    assert (Fraction(a.points), Fraction(a.max_points)) == oracle_points(profile, answers)


@SETTINGS
@given(sessions)
def test_reported_level_holds_and_no_higher_level_does(session):
    profile, answers = session
    a = assess_answers(FW, profile, answers)
    for level in FW.levels[profile.category]:
        if level.rank <= rank(a):
            assert oracle_holds(level, profile, answers), level.id
        else:
            assert not oracle_holds(level, profile, answers), level.id
    gap = a.next
    if a.level is not None and a.level.rank == len(FW.levels[profile.category]):
        assert gap is None
    else:
        assert gap is not None and gap.level.rank == rank(a) + 1 and not gap.met


@SETTINGS
@given(sessions)
def test_points_needed_is_the_least_half_point_that_meets_the_score(session):
    profile, answers = session
    a = assess_answers(FW, profile, answers)
    for gap in a.gaps:
        level = gap.level
        needed = Fraction(gap.points_needed)
        assert needed * 2 == int(needed * 2) and needed >= 0

        def enough(extra: Fraction, level: Level = level) -> bool:
            total = Fraction(a.points) + extra
            ok = total * 100 >= Fraction(level.score_min) * Fraction(a.max_points)
            return ok and (level.points_above is None or total > level.points_above)

        assert enough(needed)
        if needed > 0:
            assert not enough(needed - Fraction(1, 2))


def raised(question: Question, current: QuestionAnswer, data) -> QuestionAnswer | None:
    """A strictly better answer to the question, or None when there is none to give."""
    if current.answer == "nvt":
        return None
    if question.kind == "band" or (question.kind == "percentage" and current.answer is None):
        low = current.percentage if current.percentage is not None else 0.0
        if low >= 100:
            return None
        higher = data.draw(st.floats(min_value=low, max_value=100, allow_nan=False))
        return QuestionAnswer(answer=current.answer, percentage=higher)
    better = [w for w in WORDS if RANK[w] > RANK[current.answer]]
    if not better:
        return None
    return QuestionAnswer(answer=data.draw(st.sampled_from(better)), percentage=current.percentage)


@SETTINGS
@given(sessions, st.sampled_from(QUESTIONS), st.data())
def test_raising_an_answer_never_lowers_score_or_level(session, question, data):
    profile, answers = session
    before = assess_answers(FW, profile, answers)
    better = raised(question, answers[question.id], data)
    if better is None:
        return
    after = assess_answers(FW, profile, {**answers, question.id: better})
    assert after.points >= before.points
    assert after.max_points == before.max_points
    assert rank(after) >= rank(before)
    assert after.quarry_insight >= before.quarry_insight
    assert after.factory_insight >= before.factory_insight
