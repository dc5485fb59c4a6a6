"""Dutch grammar of counts and lists, and the sentences built with it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from trustone_tui.answerfile.read import parse_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.planner import Plan, PlanStep, plan
from trustone_tui.report import render_report
from trustone_tui.store.bankcache import default_framework
from trustone_tui.text.plan import plan_headline, plan_lines
from trustone_tui.text.words import listing, ordinal, quantity, steps_not_counted

FW = default_framework()


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, "1 punt"), (0, "0 punten"), (2, "2 punten"), (0.5, "0,5 punten"), (1.5, "1,5 punten")],
)
def test_only_exactly_one_takes_the_singular(value, expected):
    assert quantity(value, "punt", "punten") == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [([], ""), ([3], "3"), ([3, 4], "3 en 4"), ([3, 4, 6], "3, 4 en 6")],
)
def test_lists_join_the_last_item_with_en(items, expected):
    assert listing(items) == expected


def test_alternatives_are_joined_with_of_and_ordinals_are_short():
    assert listing(["Nee", "Ja"], last="of") == "Nee of Ja"
    assert ordinal(3) == "3e"


def test_steps_that_do_not_count_agree_in_number():
    assert steps_not_counted([4]) == "Stap 4 telt niet mee"
    assert steps_not_counted([3, 4, 6]) == "Stappen 3, 4 en 6 tellen niet mee"


def one_step_plan(points_needed: float) -> Plan:
    step = PlanStep("1.1.5", "core", "answer", "nee", "ja", None, None, None, None, 3.0)
    return Plan(FW.levels["C"][1], (step,), 100.0, points_needed, True)


def test_a_plan_of_one_step_reads_singular_and_needs_no_points_when_none_are_needed():
    assert plan_headline(one_step_plan(0)) == "1 stap, +3 punten"
    assert plan_lines(one_step_plan(0), FW)[0] == "  Plan naar C2: 1 stap, +3 punten"
    assert plan_headline(one_step_plan(2.5)) == "1 stap, +3 punten (nodig 2,5)"


def test_the_demo_plan_keeps_its_headline():
    session = parse_session(demo_bytes(), "demo", FW)
    the_plan = plan(FW, session)
    assert the_plan is not None
    assert plan_headline(the_plan) == "6 stappen, +33 punten (nodig 28)"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_reports_name_the_steps_that_do_not_count_in_a_dutch_sentence(fmt):
    session = parse_session(demo_bytes(), "demo", FW)
    # As a category B company the demo has no questions that count in steps 3, 4 and 6.
    company = replace(session.company, imports_from_risk_countries=False)
    text = render_report(replace(session, company=company), FW, fmt).decode()
    assert "Stappen 3, 4 en 6 tellen niet mee voor dit profiel." in text
