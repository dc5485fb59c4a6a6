"""The planner: plans reach their level, and no plan with fewer steps exists (brute force)."""

from __future__ import annotations

import itertools
import math
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from trustone_tui.answerfile.read import parse_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine import planner
from trustone_tui.engine.planner import (
    Plan,
    apply_plan,
    apply_step,
    best_case,
    plan,
)
from trustone_tui.engine.scoring import QuestionResult, assess, score_question
from trustone_tui.engine.session import Company, QuestionAnswer, Session, profile_of
from trustone_tui.framework.bank import Framework, load_framework
from trustone_tui.framework.model import Level
from trustone_tui.framework.profile import Profile
from trustone_tui.store.bankcache import default_framework
from trustone_tui.text.plan import TITLE_LIMIT, blocker_texts, step_change, step_title

FW = default_framework()
BANK = Path(__file__).resolve().parents[1] / "questions"

COMPANIES = {
    ("B", "small"): Company("B klein", False, 10, 1_000_000),
    ("B", "medium_large"): Company("B groot", False, 100, 20_000_000),
    ("C", "small"): Company("C klein", True, 10, 1_000_000),
    ("C", "medium_large"): Company("C groot", True, 100, 20_000_000),
}


def demo() -> Session:
    return parse_session(demo_bytes(), "demo", FW)


def level_of(framework: Framework, category: str, level_id: str) -> Level:
    return next(lv for lv in framework.levels[category] if lv.id == level_id)  # type: ignore[index]


def reaches(framework: Framework, session: Session, level: Level) -> bool:
    reached = assess(framework, session).level
    return reached is not None and reached.rank >= level.rank


# --------------------------------------------------------------------------- brute force
#
# The step definition, written out again independently of the planner: the states one
# question can reach in 1, 2, ... steps.


def ladder(
    framework: Framework, profile: Profile, result: QuestionResult, given: QuestionAnswer, level
) -> list[QuestionAnswer]:
    question = result.question
    if result.status in ("nvt", "not_counted"):
        return []
    if question.kind == "band":
        now = given.percentage or 0.0
        stops = {b.min for b in result.criteria.bands if b.min > now}
        insight = framework.meta.insight
        threshold = {
            insight.quarry_question: level.quarry_insight_min,
            insight.factory_question: level.factory_insight_min,
        }.get(question.id)
        if threshold is not None and threshold > now:
            stops.add(threshold)
        return [replace(given, percentage=float(p)) for p in sorted(stops)]
    words = ["nee", "gedeeltelijk", "ja"]
    current = words.index(result.answer) if result.answer else 0
    if question.kind == "percentage" and given.answer is None:
        variant = result.criteria
        stops = {1: variant.gedeeltelijk_from, 2: math.floor(variant.ja_above) + 1}
        return [
            replace(given, percentage=float(stops[i]))
            for i in range(current + 1, 3)
            if stops[i] <= 100
        ]
    return [replace(given, answer=w) for w in words[current + 1 :]]


def vectors(bounds: list[int], total: int) -> Iterator[tuple[int, ...]]:
    """Every way to take ``total`` steps, at most ``bounds[i]`` from chain i."""
    if not bounds:
        if total == 0:
            yield ()
        return
    for first in range(min(bounds[0], total) + 1):
        for rest in vectors(bounds[1:], total - first):
            yield (first, *rest)


def brute_force(framework: Framework, session: Session, level: Level) -> tuple[int, float] | None:
    """(fewest steps, most points among such plans) to reach ``level``; None if impossible."""
    profile = profile_of(session.company, framework)
    current = assess(framework, session)
    ladders = {
        qid: ladder(framework, profile, result, session.answer(qid), level)
        for qid, result in current.results.items()
    }
    ladders = {qid: states for qid, states in ladders.items() if states}
    ids = list(ladders)
    bounds = [len(ladders[q]) for q in ids]
    for total in range(sum(bounds) + 1):
        best_points = None
        for vector in vectors(bounds, total):
            answers = dict(session.answers)
            for qid, taken in zip(ids, vector, strict=True):
                if taken:
                    answers[qid] = ladders[qid][taken - 1]
            candidate = replace(session, answers=answers)
            scored = assess(framework, candidate)
            reached = scored.level is not None and scored.level.rank >= level.rank
            if reached and (best_points is None or scored.points > best_points):
                best_points = scored.points
        if best_points is not None:
            return total, best_points
    return None


# --------------------------------------------------------------------------- small cases

MAX_STATE = {"choice": QuestionAnswer(answer="ja"), "band": QuestionAnswer(percentage=100.0)}
LOWER_ANSWERS = st.sampled_from([None, "nee", "gedeeltelijk"])
WORDS = list(planner.ANSWER_LADDER)
PERCENTAGES = st.sampled_from(
    [0.0, 10.0, 20.0, 25.0, 35.0, 40.0, 50.0, 55.0, 60.0, 74.0, 75.0, 80.0, 90.0, 99.0]
)


def all_best(framework: Framework, category: str) -> dict[str, QuestionAnswer]:
    """Every question of the category at Ja (band questions at 100%)."""
    return {
        q.id: MAX_STATE.get(q.kind, QuestionAnswer(answer="ja"))
        for q in framework.scored_questions(category)  # type: ignore[arg-type]
    }


@st.composite
def lowered_state(draw, kind: str) -> QuestionAnswer:
    if kind == "band":
        return QuestionAnswer(percentage=draw(st.none() | PERCENTAGES))
    if kind == "percentage" and draw(st.booleans()):
        return QuestionAnswer(percentage=draw(st.none() | PERCENTAGES))
    return QuestionAnswer(answer=draw(LOWER_ANSWERS))


@st.composite
def small_cases(draw, framework: Framework = FW, max_lowered: int = 6) -> Session:
    """Everything at its best except a few questions, some n.v.t.; few chains to brute force.

    Heavier questions are lowered more often, so that points (not only insight and core
    questions) decide many plans.
    """
    category, size = draw(st.sampled_from(sorted(COMPANIES)))
    questions = framework.scored_questions(category)  # type: ignore[arg-type]
    answers: dict[str, QuestionAnswer] = {}
    for q in questions:
        if q.nvt_allowed and draw(st.integers(0, 5)) == 0:
            answers[q.id] = QuestionAnswer(answer="nvt")
        else:
            answers[q.id] = MAX_STATE.get(q.kind, QuestionAnswer(answer="ja"))
    weighted = [q.id for q in questions for _ in range(1 + int(q.max_for(category) or 0) // 4)]
    lowered = draw(
        st.lists(st.sampled_from(weighted), min_size=2, max_size=max_lowered, unique=True)
    )
    for qid in lowered:
        answers[qid] = draw(lowered_state(framework.questions[qid].kind))
    answers = {qid: a for qid, a in answers.items() if not a.is_empty}
    return Session(COMPANIES[category, size], answers)


def check_against_brute_force(framework: Framework, session: Session, target: str | None) -> None:
    the_plan = plan(framework, session, target)
    assume(the_plan is not None)
    assert the_plan is not None
    expected = brute_force(framework, session, the_plan.target)
    if expected is None:
        assert not the_plan.reachable
        return
    steps, points = expected
    assert the_plan.reachable, the_plan.blockers
    assert len(the_plan.steps) == steps
    # Tie-break: among the plans with the fewest steps, the most points.
    assert (the_plan.points_before + the_plan.points_gained) == points
    assert reaches(framework, apply_plan(session, the_plan), the_plan.target)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_cases())
def test_no_smaller_plan_to_the_next_level_exists(session):
    check_against_brute_force(FW, session, None)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_cases(), st.integers(1, 4))
def test_no_smaller_plan_to_a_higher_level_exists(session, levels_up):
    """Aiming further than the next level makes points, not thresholds, decide the plan."""
    levels = FW.levels[profile_of(session.company, FW).category]
    now = assess(FW, session).level
    rank = min((now.rank if now else 0) + levels_up, len(levels))
    check_against_brute_force(FW, session, levels[rank - 1].id)


# --------------------------------------------------------------------------- any session


@st.composite
def any_session(draw) -> Session:
    category, size = draw(st.sampled_from(sorted(COMPANIES)))
    answers = {}
    for q in FW.scored_questions(category):
        if q.nvt_allowed and draw(st.integers(0, 6)) == 0:
            answers[q.id] = QuestionAnswer(answer="nvt")
            continue
        if q.kind == "band" or (q.kind == "percentage" and draw(st.booleans())):
            answers[q.id] = QuestionAnswer(percentage=draw(st.none() | PERCENTAGES))
        else:
            answers[q.id] = QuestionAnswer(answer=draw(st.none() | st.sampled_from(WORDS)))
    answers = {qid: a for qid, a in answers.items() if not a.is_empty}
    return Session(COMPANIES[category, size], answers)


@settings(max_examples=40, deadline=None)
@given(any_session(), st.integers(1, 5))
def test_every_plan_reaches_its_level(session, rank):
    category = profile_of(session.company, FW).category
    levels = FW.levels[category]
    target = levels[min(rank, len(levels)) - 1]
    the_plan = plan(FW, session, target)
    assert the_plan is not None and the_plan.reachable, the_plan
    after = apply_plan(session, the_plan)
    assert reaches(FW, after, target)
    assert assess(FW, after).points == (the_plan.points_before + the_plan.points_gained)
    assert sum(s.points_gained for s in the_plan.steps) == the_plan.points_gained
    assert all(s.points_gained >= 0 for s in the_plan.steps)


def chains_for(framework: Framework, session: Session, level: Level):
    assessment = assess(framework, session)
    gap = next(g for g in assessment.gaps if g.level.id == level.id)
    chains, _, per_point = planner._chains(
        framework,
        profile_of(session.company, framework),
        session.answers,
        assessment,
        level,
        gap.points_needed,
    )
    rest = planner._units(gap.points_needed, per_point) - sum(
        g for c in chains for g in c.gains[: c.forced]
    )
    return chains, rest


def reference_choice(chains, rest: int) -> tuple[int, int] | None:
    """(fewest optional steps, most units then): a plain dynamic programme over all chains."""
    best = {0: 0}
    for chain in chains:
        prefix = list(itertools.accumulate(chain.gains[chain.forced :], initial=0))
        merged: dict[int, int] = {}
        for k, points in best.items():
            for j, extra in enumerate(prefix):
                merged[k + j] = max(merged.get(k + j, -1), points + extra)
        best = merged
    fits = [k for k, points in best.items() if points >= rest]
    return (min(fits), best[min(fits)]) if fits else None


def check_choice(framework: Framework, session: Session, rank: int) -> None:
    levels = framework.levels[profile_of(session.company, framework).category]
    level = levels[min(rank, len(levels)) - 1]
    chains, rest = chains_for(framework, session, level)
    assume(rest > 0)
    picks = planner._choose(chains, rest)
    expected = reference_choice(chains, rest)
    if expected is None:
        assert picks is None
        return
    assert (len(picks), sum(c.gains[i] for c, i in picks)) == expected
    for chain in chains:  # each chain is climbed from its first optional step, in order
        indices = [i for c, i in picks if c is chain]
        assert indices == list(range(chain.forced, chain.forced + len(indices)))


@settings(max_examples=40, deadline=None)
@given(any_session(), st.integers(1, 5))
def test_choice_matches_a_plain_dynamic_programme_on_large_sessions(session, rank):
    """Whole sessions (too many chains to brute force): the fast choice against a slow one."""
    check_choice(FW, session, rank)


# --------------------------------------------------------------------------- other gains


@pytest.fixture(scope="module")
def convex_bank(tmp_path_factory) -> Framework:
    """The bank with 2.1.1a gaining 1, 1, 6 points per band: the largest-gain rule fails here."""
    directory = tmp_path_factory.mktemp("bank")
    for path in BANK.glob("*.toml"):
        shutil.copy(path, directory / path.name)
    step2 = directory / "step2.toml"
    text = step2.read_text(encoding="utf-8")
    old = """    { label = "50<75%", min = 50, points = 4, below = 75 },
    { label = "75<100%", min = 75, points = 6, below = 100 },
    { label = "100%", min = 100, points = 8 },"""
    new = """    { label = "50<75%", min = 50, points = 1, below = 75 },
    { label = "75<100%", min = 75, points = 2, below = 100 },
    { label = "100%", min = 100, points = 8 },"""
    assert text.count(old) == 1
    step2.write_text(text.replace(old, new), encoding="utf-8")
    return load_framework(directory)


def test_exact_choice_beats_largest_gains_first(convex_bank):
    # B company, everything Ja except 2.1.1a at 0% and 1.1.2 (6 points) at Nee.
    company = COMPANIES["B", "medium_large"]
    answers = all_best(convex_bank, "B")
    answers["2.1.1a"] = QuestionAnswer(percentage=0.0)
    answers["1.1.2"] = QuestionAnswer(answer="nee")
    answers["1.1.4"] = QuestionAnswer(answer="nee")
    session = Session(company, answers)
    assessment = assess(convex_bank, session)
    # 100 - 8 - 6 - 2 = 84 of 100: B3; B4 needs 90, so 6 more points.
    assert (assessment.points, assessment.level.id) == (84, "B3")
    the_plan = plan(convex_bank, session)
    # 2.1.1a gains 1, 1, 6: ordering single steps by gain would take its +6 step before the
    # two that lead to it, so the exact choice runs; 1.1.2 twice (3 + 3) is the 2-step plan.
    assert len(the_plan.steps) == brute_force(convex_bank, session, the_plan.target)[0] == 2
    assert [s.question_id for s in the_plan.steps] == ["1.1.2", "1.1.2"]
    assert reaches(convex_bank, apply_plan(session, the_plan), the_plan.target)


def test_exact_choice_takes_a_chain_whose_later_steps_gain_more(convex_bank):
    company = COMPANIES["B", "medium_large"]
    answers = all_best(convex_bank, "B")
    answers["2.1.1a"] = QuestionAnswer(percentage=0.0)  # 0 of 8
    for qid in ("1.1.5", "1.1.8", "1.1.10"):  # 4 points each, at Gedeeltelijk: 2 to gain each
        answers[qid] = QuestionAnswer(answer="gedeeltelijk")
    session = Session(company, answers)
    assessment = assess(convex_bank, session)
    assert assessment.points == 86  # B3; B4 needs 4 more points
    the_plan = plan(convex_bank, session)
    steps, points = brute_force(convex_bank, session, the_plan.target)
    assert (
        (len(the_plan.steps), (the_plan.points_before + the_plan.points_gained))
        == (steps, points)
        == (2, 90)
    )
    # With 8 points needed instead, 2.1.1a's 1 + 1 + 6 in three steps beats four 2-point steps.
    answers["1.1.4"] = QuestionAnswer(answer="nee")  # -2
    answers["1.1.1"] = QuestionAnswer(answer="nee")  # -1
    answers["1.1.3"] = QuestionAnswer(answer="nee")  # -1
    session = Session(company, answers)
    assert assess(convex_bank, session).points == 82
    the_plan = plan(convex_bank, session)
    steps, points = brute_force(convex_bank, session, the_plan.target)
    assert len(the_plan.steps) == steps
    assert (the_plan.points_before + the_plan.points_gained) == points
    assert [s.question_id for s in the_plan.steps].count("2.1.1a") == 3


@settings(max_examples=40, deadline=None)
@given(any_session(), st.integers(1, 5))
def test_choice_matches_a_plain_dynamic_programme_with_rising_gains(convex_bank, session, rank):
    session = session.with_answer("2.1.1a", QuestionAnswer(percentage=0.0))
    check_choice(convex_bank, session, rank)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from([None, 0.0, 10.0, 50.0, 60.0]), st.integers(1, 3))
def test_no_smaller_plan_exists_on_a_bank_with_rising_gains(
    convex_bank, data, first_link, levels_up
):
    session = data.draw(small_cases(convex_bank, max_lowered=5))
    session = session.with_answer("2.1.1a", QuestionAnswer(percentage=first_link))
    levels = convex_bank.levels[profile_of(session.company, convex_bank).category]
    now = assess(convex_bank, session).level
    rank = min((now.rank if now else 0) + levels_up, len(levels))
    check_against_brute_force(convex_bank, session, levels[rank - 1].id)


# --------------------------------------------------------------------------- the demo


def test_demo_plan_to_c3():
    session = demo()
    the_plan = plan(FW, session)
    assert the_plan is not None and the_plan.target.id == "C3"
    # Forced: quarry 55% -> 60% (+2), factory 80% -> 100% (+3); then 23 more points from the
    # largest gains: 5.1 (+10), 3.1.2 (+6), 3.2.3 (+6), 3.3.7 (+6) = 28 -> 33 in total.
    assert [(s.question_id, s.points_gained) for s in the_plan.steps] == [
        ("2.1.1c", 2),
        ("2.1.1b", 3),
        ("5.1", 10),
        ("3.1.2", 6),
        ("3.2.3", 6),
        ("3.3.7", 6),
    ]
    assert [s.reason for s in the_plan.steps[:2]] == ["quarry_insight", "factory_insight"]
    assert (
        the_plan.points_before,
        the_plan.points_needed,
        (the_plan.points_before + the_plan.points_gained),
    ) == (121, 28, 154)
    assert assess(FW, apply_plan(session, the_plan)).level.id == "C3"
    # Too many chains to brute force; the plain dynamic programme agrees on 4 optional steps.
    chains, rest = chains_for(FW, session, the_plan.target)
    assert len(chains) > 20
    assert reference_choice(chains, rest)[0] == 4


def test_demo_plan_to_c4_puts_core_questions_first():
    session = demo()
    the_plan = plan(FW, session, "C4")
    core = [s for s in the_plan.steps if s.reason == "core"]
    assert {s.question_id for s in core} == {"3.1.1", "3.1.2", "3.3.7", "4.1.1"}
    assert the_plan.steps[: len(core)] == tuple(core)
    assert [step_change(s) for s in core if s.question_id == "3.3.7"] == [
        "open → Gedeeltelijk",
        "Gedeeltelijk → Ja",
    ]
    after = assess(FW, apply_plan(session, the_plan))
    assert after.level.id == "C4"
    assert not next(g for g in after.gaps if g.level.id == "C4").core_questions_missing


def test_plan_is_deterministic():
    session = demo()
    assert plan(FW, session, "C5") == plan(FW, session, "C5")


def test_no_plan_above_the_top_level():
    company = COMPANIES["B", "small"]
    answers = all_best(FW, "B")
    session = Session(company, answers)
    assert assess(FW, session).level.id == "B4"
    assert plan(FW, session) is None
    met = plan(FW, session, "B2")
    assert met is not None and met.reachable and not met.steps


def test_unknown_target_is_an_error():
    with pytest.raises(ValueError, match="B2 is not a level of category C"):
        plan(FW, demo(), "B2")


def test_unreachable_level_says_why(bank):
    meta = bank / "framework.toml"
    text = meta.read_text(encoding="utf-8")
    assert text.count("points_above = 200") == 1
    meta.write_text(text.replace("points_above = 200", "points_above = 260"), encoding="utf-8")
    framework = load_framework(bank)
    the_plan = plan(framework, parse_session(demo_bytes(), "demo", framework), "C5")
    assert the_plan is not None and not the_plan.reachable and not the_plan.steps
    assert the_plan.blockers == (
        planner.Blocker("points", best_points=248.0, points_required=260.5),
    )
    assert blocker_texts(the_plan) == ["ook met alle verbeteringen 248 punten; C5 vraagt 260,5"]


def test_percentage_steps_go_to_the_variant_thresholds():
    company = COMPANIES["C", "small"]
    session = Session(company, {})
    the_plan = plan(FW, session, "C5")
    steps = [s for s in the_plan.steps if s.question_id == "2.2.4a"]
    # Small companies: Gedeeltelijk from 25%, Ja above 50%.
    assert [(s.from_percentage, s.to_percentage) for s in steps] == [(None, 25.0), (25.0, 51.0)]
    assert [step_change(s) for s in steps] == [
        "open → 25% (open → Gedeeltelijk)",
        "25% → 51% (Gedeeltelijk → Ja)",
    ]
    assert all(s.field == "percentage" for s in steps)


def test_percentage_question_with_an_explicit_answer_gets_answer_steps():
    session = demo().with_answer("2.2.4b", QuestionAnswer(answer="nee", percentage=30.0))
    steps = [s for s in plan(FW, session, "C5").steps if s.question_id == "2.2.4b"]
    assert [(s.field, s.to_answer) for s in steps] == [
        ("answer", "gedeeltelijk"),
        ("answer", "ja"),
    ]
    after = apply_plan(session, plan(FW, session, "C5"))
    assert after.answer("2.2.4b") == QuestionAnswer(answer="ja", percentage=30.0)


def test_insight_threshold_inside_a_band_is_its_own_step(bank):
    meta = bank / "framework.toml"
    text = meta.read_text(encoding="utf-8")
    old = 'id = "C3"\ncategory = "C"\nrank = 3\nquarry_insight_min = 60'
    assert text.count(old) == 1
    meta.write_text(text.replace(old, old[:-2] + "65"), encoding="utf-8")
    framework = load_framework(bank)
    session = parse_session(demo_bytes(), "demo", framework)  # quarry at 55%
    the_plan = plan(framework, session)
    quarry = [s for s in the_plan.steps if s.question_id == "2.1.1c"]
    assert [(s.to_percentage, s.reason, s.points_gained) for s in quarry[:2]] == [
        (60.0, "quarry_insight", 2),
        (65.0, "quarry_insight", 0),
    ]
    assert step_change(quarry[1]) == "60% → 65%"
    assert reaches(framework, apply_plan(session, the_plan), the_plan.target)
    assert len(the_plan.steps) == len(plan(FW, session).steps) + 1


def test_nvt_questions_are_left_alone():
    session = demo()
    assert session.answer("3.2.5").answer == "nvt"
    for target in ("C3", "C4", "C5"):
        assert all(s.question_id != "3.2.5" for s in plan(FW, session, target).steps)


# --------------------------------------------------------------------------- applying steps


def test_apply_step_keeps_notes_and_elements():
    session = demo()
    step = next(s for s in plan(FW, session).steps if s.question_id == "2.1.1b")
    after = apply_step(session, step)
    before = session.answer("2.1.1b")
    assert after.answer("2.1.1b") == replace(before, percentage=100.0)
    assert after.answer("2.1.1b").note == before.note and before.note
    assert session.answer("2.1.1b").percentage == 80  # the original is untouched


def test_apply_plan_on_an_empty_plan_is_the_same_session():
    session = demo()
    empty = Plan(FW.levels["C"][0], (), 121, 0, True)
    assert apply_plan(session, empty) is session


# --------------------------------------------------------------------------- best case


def test_best_case_of_the_demo_is_held_back_by_recorded_insight():
    best = best_case(FW, demo())
    # 3 open questions: 3.3.7 (12), 4.2.3 (8), 6.2.5 (4) -> 121 + 24 = 145 of 248 = 58%;
    # quarry 55% (< 60%) and factory 80% (< 100%) are answered, so they stay: C2.
    assert best.open_questions == 3
    assert best.best.points == 145
    assert (best.level_now.id, best.level.id) == ("C2", "C2")


def test_best_case_of_an_empty_session_is_the_top_level():
    for (category, _size), company in COMPANIES.items():
        best = best_case(FW, Session(company, {}))
        assert best.level_now is None
        assert best.level.id == FW.levels[category][-1].id
        assert best.best.percentage == 100


def test_best_case_keeps_answers_and_nvt():
    session = demo().with_answer("6.1.1", QuestionAnswer(answer="nvt"))
    best = best_case(FW, session)
    assert best.best.results["6.1.1"].status == "nvt"
    assert best.best.results["5.1"].answer == "gedeeltelijk"
    assert best.best.results["3.3.7"].answer == "ja"
    assert best.best.results["6.2.5"].answer == "ja"


def test_best_case_puts_open_band_questions_at_100_percent():
    session = demo().with_answer("2.1.1c", QuestionAnswer())
    best = best_case(FW, session)
    assert best.best.quarry_insight == 100
    assert best.best.results["2.1.1c"].points == 10


# --------------------------------------------------------------------------- titles


def test_short_title_is_the_first_sentence_trimmed_at_a_word():
    q = FW.questions["2.1.1a"]
    assert q.text.startswith("Hoeveel inzicht heb je in de eerste schakel")
    title = step_title(q)
    assert len(title) <= TITLE_LIMIT and title.endswith("…")
    assert "Het overzicht" not in step_title(q, limit=500)
    assert step_title(q, limit=500).endswith("?")
    assert step_title(FW.questions["2.4.9"]) == "Worden belanghebbenden daarbij geraadpleegd?"


def test_a_plan_step_is_data_and_text_words_it():
    step = plan(FW, demo(), "C3").steps[0]
    assert step == planner.PlanStep(
        "2.1.1c", "quarry_insight", "percentage", None, None, 55.0, 60.0, "40<60%", "60-75%", 2.0
    )
    assert step_change(step) == "55% → 60% (band 40<60% → 60-75%)"


def test_every_title_is_short():
    for q in FW.scored_questions():
        title = step_title(q)
        assert 10 <= len(title) <= TITLE_LIMIT, (q.id, title)


def test_ladder_steps_match_the_planner_chains():
    """The brute force's own step definition gives the same chains as the planner's."""
    session = demo()
    assessment = assess(FW, session)
    profile = profile_of(session.company, FW)
    level = level_of(FW, "C", "C5")
    chains, _ = chains_for(FW, session, level)
    ours = {c.question.id: list(c.states(session.answer(c.question.id))) for c in chains}
    theirs = {
        qid: ladder(FW, profile, result, session.answer(qid), level)
        for qid, result in assessment.results.items()
    }
    assert ours == {qid: states for qid, states in theirs.items() if states}
    assert all(
        score_question(c.question, s, profile, FW).points is not None
        for c in chains
        for s in c.states(session.answer(c.question.id))
    )


def test_vectors_enumerates_bounded_compositions():
    assert sorted(vectors([1, 2], 2)) == [(0, 2), (1, 1)]
    assert list(vectors([], 0)) == [()]
    assert len(list(itertools.islice(vectors([3, 3, 3], 4), 100))) == 12
