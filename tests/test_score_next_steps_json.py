"""``trustone score --format json``: ``plan``, ``best_case``, ``timeline`` and ``assessment``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from report_fixtures import demo_session, framework, uniform_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.cli import main
from trustone_tui.engine.planner import Blocker, Plan, best_case, plan
from trustone_tui.engine.scoring import assess
from trustone_tui.engine.session import Interview, QuestionAnswer
from trustone_tui.report.scorejson import assessment_kind, plan_json, score_json


def scored(capsys, tmp_path: Path, session) -> dict:
    path = tmp_path / "bedrijf.toml"
    path.write_bytes(dump_session(session, framework()))
    code = main(["score", str(path), "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return json.loads(out)


def test_demo_plan_lists_the_planners_steps_to_the_next_level(capsys, tmp_path):
    session = demo_session()
    data = scored(capsys, tmp_path, session)
    expected = plan(framework(), session)
    assert expected is not None
    assert data["plan"]["level"] == "C3" == expected.target.id
    assert data["plan"]["reachable"] is True
    steps = data["plan"]["steps"]
    assert [s["question"] for s in steps] == [s.question_id for s in expected.steps]
    assert set(steps[0]) == {"question", "from", "to", "points_gained"}
    # A band step records percentages, a choice step answer words, an open one starts at null.
    assert steps[0] == {"question": "2.1.1c", "from": 55.0, "to": 60.0, "points_gained": 2.0}
    assert {"question": "5.1", "from": "gedeeltelijk", "to": "ja", "points_gained": 10.0} in steps
    assert {"question": "3.3.7", "from": None, "to": "gedeeltelijk", "points_gained": 6.0} in steps
    assert sum(s["points_gained"] for s in steps) >= data["next"]["points_needed"]


def test_demo_best_case_timeline_and_assessment(capsys, tmp_path):
    session = demo_session()
    data = scored(capsys, tmp_path, session)
    best = best_case(framework(), session)
    assert data["best_case"] == {"level": "C2", "points": float(best.best.points)}
    assert data["best_case"]["points"] == 145.0
    # Member since 2024, entry level 1; 2026 is year 3: level 3 expected, C2 reached.
    assert data["timeline"] == {"year": 2026, "expected_level": "C3", "status": "late"}
    assert data["assessment"] == "volledig"


def test_at_the_top_level_the_plan_is_null(capsys, tmp_path):
    data = scored(capsys, tmp_path, uniform_session("Top B.V.", date=dt.date(2026, 5, 1)))
    assert data["level"] == "C5"
    assert data["plan"] is None and data["next"] is None
    assert data["best_case"] == {"level": "C5", "points": data["points"]}


def test_without_a_joining_year_timeline_and_assessment_are_null(capsys, tmp_path):
    data = scored(capsys, tmp_path, uniform_session("Nieuw B.V.", choice="nee", percentage=0))
    assert data["timeline"] is None and data["assessment"] is None
    assert data["plan"]["level"] == "C1"


def test_small_company_in_a_limited_year_gets_op_verzoek_beperkt():
    fw = framework()
    session = uniform_session("Klein B.V.", size="small", date=dt.date(2027, 3, 1))
    company = dataclasses.replace(session.company, joined_year=2024, entry_level=3)
    session = dataclasses.replace(session, company=company)
    data = score_json(session, assess(fw, session), fw)
    assert data["assessment"] == "op verzoek beperkt"
    big = dataclasses.replace(session, company=dataclasses.replace(company, employees=300))
    big = dataclasses.replace(big, company=dataclasses.replace(big.company, revenue_eur=60_000_000))
    assert score_json(big, assess(fw, big), fw)["assessment"] == "beperkt"


def test_assessment_kind_words():
    assert assessment_kind("volledig") == "volledig"
    assert assessment_kind("beperkt") == "beperkt"
    assert assessment_kind("Op verzoek beperkte toetsing mogelijk") == "op verzoek beperkt"


def test_an_unreachable_plan_says_so_with_no_steps():
    level = framework().levels["C"][-1]
    blocker = Blocker("points", best_points=190.0, points_required=201.0)
    unreachable = Plan(level, (), 150.0, 51.0, False, (blocker,))
    assert plan_json(unreachable) == {"level": "C5", "reachable": False, "steps": []}


def test_points_are_always_floats(capsys, tmp_path):
    answers = {"1.1.2": QuestionAnswer(answer="nee"), "2.2.4a": QuestionAnswer(percentage=45)}
    session = uniform_session("Nul B.V.", choice=None, percentage=None, overrides=answers)
    session = dataclasses.replace(session, interview=Interview("T", dt.date(2026, 1, 2)))
    data = scored(capsys, tmp_path, session)

    def numbers(value, key=""):
        if isinstance(value, dict):
            for k, v in value.items():
                yield from numbers(v, k)
        elif isinstance(value, list):
            for v in value:
                yield from numbers(v, key)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            yield key, value

    found = list(numbers({k: v for k, v in data.items() if k != "timeline"}))
    assert found and all(isinstance(v, float) for _, v in found), [
        (k, v) for k, v in found if not isinstance(v, float)
    ]
    assert data["questions"]["1.1.2"]["points"] == 0.0
    assert data["questions"]["2.2.4a"]["percentage"] == 45.0
