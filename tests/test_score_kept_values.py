"""What ``trustone score`` keeps between files changes nothing: a differential test.

Scoring many files keeps question results, plan chains, timeline positions and frequency
columns between sessions, and works out the best case by scoring only the open questions again.
Over a few hundred generated sessions (with and without a register, with history, entry levels
and interview dates) each of those equals its plain definition: the best case equals scoring the
best answers from scratch, and every plan and every score object made with everything kept from
the sessions before equals the one made with nothing kept.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from proof_helpers import COMPANIES, FW
from register_helpers import make_flow
from trustone_tui.engine import planner, scoring, timeline
from trustone_tui.engine.planner import best_case, best_case_answers, plan
from trustone_tui.engine.register import Register
from trustone_tui.engine.scoring import assess
from trustone_tui.engine.session import (
    HistoryEntry,
    Interview,
    QuestionAnswer,
    Session,
    profile_of,
)
from trustone_tui.report.scorejson import score_json

REGISTERS = (
    None,
    None,
    Register("ton", ()),  # nothing to count: every typed percentage counts
    Register("ton", (make_flow(10, eenheid="ton", fabriek_land="IN", groeve_land="IN"),)),
    Register(
        "ton",
        (
            make_flow(60, eenheid="ton", groeve_land="IN", groeve_risico_overzicht=True),
            make_flow(40, eenheid="ton", groeve_adres="", groeve_land="IN"),
        ),
    ),
)
#: Percentages as files give them and as code may: whole, fractional, -0.0, at the thresholds.
PERCENTAGES = (None, None, 0.0, -0.0, 20.0, 39.5, 40.0, 50.0, 60.0, 75.0, 75.5, 90.0, 100.0)
LEVELS = (None, "B1", "B3", "C1", "C2", "C4", "X9")


def random_session(rng: random.Random) -> Session:
    answers = {}
    for question in FW.scored_questions():
        if rng.random() < 0.25:
            continue
        words = ["nee", "gedeeltelijk", "ja", *(["nvt"] if question.nvt_allowed else [])]
        answer = rng.choice([None, *words]) if question.kind != "band" else None
        answers[question.id] = QuestionAnswer(
            answer=answer,  # type: ignore[arg-type]
            percentage=rng.choice(PERCENTAGES) if question.kind != "choice" else None,
            note=rng.choice(("", "Navragen bij de inkoper.")),
        )
    base = rng.choice(list(COMPANIES.values()))
    joined = rng.choice((None, 2019, 2022, 2024, 2026))
    company = replace(
        base,
        joined_year=joined,
        entry_level=rng.choice((None, 1, 2, 3)),
        employees=rng.choice((base.employees, 5, 120)),
    )
    history = tuple(
        HistoryEntry(year, rng.choice(LEVELS), 50.0, 100.0, 50.0)
        for year in sorted(rng.sample(range(2019, 2027), rng.randint(0, 3)))
    )
    date = rng.choice((None, dt.date(2024, 3, 1), dt.date(2026, 11, 30), dt.date(2031, 1, 2)))
    return Session(
        company=company,
        answers=answers,
        interview=Interview(date=date),
        history=history,
        register=rng.choice(REGISTERS),
    )


SESSIONS = [random_session(random.Random(seed)) for seed in range(300)]
#: The interview's year where there is one (the JSON's default), else a fixed one.
YEAR = 2026


def forget_kept() -> None:
    """Drop everything the engine keeps between sessions."""
    scoring._score.cache_clear()
    scoring._layout.cache_clear()
    planner._level_slots.cache_clear()
    planner._kept_chains.cache_clear()
    planner._BEST_RESULTS.clear()
    timeline._position.cache_clear()
    timeline.frequency_column.cache_clear()


def all_plans(session: Session) -> list[planner.Plan | None]:
    levels = FW.levels[profile_of(session.company, FW).category]
    return [plan(FW, session), *(plan(FW, session, level) for level in levels)]


def score_object(session: Session) -> dict[str, object]:
    return score_json(session, assess(FW, session), FW, None if session.interview.date else YEAR)


def test_the_sessions_cover_what_the_kept_values_depend_on():
    assert sum(s.register is not None for s in SESSIONS) > 100
    assert sum(bool(s.history) for s in SESSIONS) > 100
    assert sum(s.company.joined_year is not None for s in SESSIONS) > 200
    best = [best_case(FW, s) for s in SESSIONS]
    assert sum(b.open_questions > 0 for b in best) > 250
    assert sum(b.level != b.level_now for b in best) > 50
    plans = [p for s in SESSIONS for p in all_plans(s) if p is not None]
    reasons = [{step.reason for step in p.steps} for p in plans]
    assert sum("points" in r for r in reasons) > 300
    assert sum(bool(r - {"points"}) for r in reasons) > 300


def test_best_case_equals_scoring_the_best_answers_from_scratch():
    for session in SESSIONS:
        current = assess(FW, session)
        answers = best_case_answers(session.answers, current.open_questions())
        expected = assess(FW, replace(session, answers=answers))
        got = best_case(FW, session, current)
        assert got.best == expected, session
        assert (got.level, got.best.points) == (expected.level, expected.points)
        assert got.open_questions == len(current.open_questions())
        assert best_case(FW, session) == got


def test_plans_and_score_objects_with_everything_kept_equal_fresh_ones():
    forget_kept()
    kept = [(all_plans(s), score_object(s)) for s in SESSIONS]  # sharing what they keep
    for session, (plans, score) in zip(SESSIONS, kept, strict=True):
        forget_kept()
        assert all_plans(session) == plans, session
        forget_kept()
        assert score_object(session) == score, session


def test_timeline_and_frequency_kept_equal_fresh_ones():
    positions = {}
    for entry in (None, 1, 2, 3, 4):
        for joined in (2015, 2020, 2024):
            company = replace(COMPANIES["C:small"], joined_year=joined, entry_level=entry)
            for rank in range(6):
                level = FW.levels["C"][rank - 1] if rank else None
                for year in range(2014, 2040):
                    positions[entry, joined, rank, year] = (company, level)
    kept = {
        key: timeline.timeline_position(FW, company, level, key[3])
        for key, (company, level) in positions.items()
    }
    columns = {
        (n, level): timeline.frequency_column(FW, n, level)
        for n in range(0, 30)
        for level in (None, 0, 1, 2, 3, 4, 5, 6)
    }
    forget_kept()
    for key, (company, level) in positions.items():
        timeline._position.cache_clear()
        assert timeline.timeline_position(FW, company, level, key[3]) == kept[key], key
    for (n, level), column in columns.items():
        assert timeline.frequency_column.__wrapped__(FW, n, level) == column
