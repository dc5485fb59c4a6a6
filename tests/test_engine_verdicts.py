"""The engine's data for the interface: step percentages, suggestions from ticked elements,
what a typed percentage gives, the small-company rule's facts and what a profile change does.

Expectations are worked out by hand from the seed (beoordelingskader):
- small company: fewer than 25 employees *and* revenue at most 5 million euro;
- 2.1.1c (quarries, risk countries): 0<20% 0, 20<40% 2, 40<60% 4, 60-75% 6, 75-90% 8, >=90% 10
  points; for non-risk countries 0-20% 0, 20<50% 3, 50<75% 6, 75<90% 8, >=90% 10;
- 2.2.4a, small companies: Gedeeltelijk from 25%, Ja above 50% (category C only, 8 points);
- 1.2.14: Gedeeltelijk "ten minste 1 en 2 voor stafmedewerkers", Ja "... en 1 voor operationele
  medewerkers"; 1.1.2: Gedeeltelijk "de meeste" of the six themes, Ja all of them.
"""

from __future__ import annotations

import pytest

from proof_helpers import FW, PROFILES, make_session
from trustone_tui.engine.profilechange import profile_change
from trustone_tui.engine.scoring import StepResult, assess, score_question
from trustone_tui.engine.session import Company, QuestionAnswer, Session
from trustone_tui.engine.verdict import percentage_verdict, suggestion, suggests
from trustone_tui.framework.profile import Profile, size_facts

C_SMALL, C_LARGE, B_LARGE = (
    PROFILES["C:small"],
    PROFILES["C:medium_large"],
    PROFILES["B:medium_large"],
)


# --------------------------------------------------------------------------- steps


def test_a_steps_percentage_is_its_share_of_its_maximum():
    assert StepResult(1, "x", 33, 48, 10, 2).percentage == pytest.approx(68.75)
    assert StepResult(2, "x", 0, 0, 0, 0).percentage == 0  # no counted questions


def test_step_percentages_of_a_session():
    session = make_session("C:small", {"1.1.1": "ja", "1.1.2": "gedeeltelijk"})
    step = assess(FW, session).steps[0]
    assert step.points == 1 + 3  # 1.1.1 is worth 1; 1.1.2 worth 6, Gedeeltelijk half of it
    assert step.max_points == 48  # step 1 for category C
    assert step.percentage == pytest.approx(4 / 48 * 100)


# --------------------------------------------------------------------------- suggestions


@pytest.mark.parametrize(
    ("ticks", "expected"),
    [
        ({}, None),  # nothing ticked: no suggestion yet
        ({"staf": (1,)}, "nee"),
        ({"staf": (1, 2)}, "gedeeltelijk"),
        ({"staf": (1, 2), "operationeel": (1,)}, "ja"),
        ({"operationeel": (1, 2, 3)}, "nee"),
    ],
)
def test_suggestion_from_ticked_elements_in_groups(ticks, expected):
    given = QuestionAnswer(elements=ticks)
    assert suggestion(FW, "1.2.14", C_SMALL, given) == expected


@pytest.mark.parametrize(
    ("ticked", "expected"),
    [((1, 2, 3), "nee"), ((1, 2, 3, 4), "gedeeltelijk"), ((1, 2, 3, 4, 5, 6), "ja")],
)
def test_suggestion_needs_most_themes_for_gedeeltelijk(ticked, expected):
    given = QuestionAnswer(elements={"": ticked})
    assert suggestion(FW, "1.1.2", C_LARGE, given) == expected


def test_no_suggestion_where_the_criteria_are_about_more_than_the_elements():
    assert FW.questions["3.2.3"].elements
    assert not suggests(FW, "3.2.3", C_SMALL)
    given = QuestionAnswer(elements={"": (1,)})
    assert suggestion(FW, "3.2.3", C_SMALL, given) is None
    assert suggests(FW, "1.2.14", C_SMALL)


# --------------------------------------------------------------------------- percentages


def verdict_of(qid: str, profile: Profile, given: QuestionAnswer):
    return percentage_verdict(score_question(FW.questions[qid], given, profile, FW), given)


@pytest.mark.parametrize(
    ("profile", "percentage", "label", "points"),
    [
        (C_LARGE, 39.9, "20<40%", 2),
        (C_LARGE, 40.0, "40<60%", 4),  # a band starts at its lower bound
        (C_LARGE, 90.0, "≥90%", 10),
        (B_LARGE, 40.0, "20<50%", 3),  # the non-risk table for category B
        (B_LARGE, 50.0, "50<75%", 6),
    ],
)
def test_band_verdict_at_the_band_boundaries(profile, percentage, label, points):
    verdict = verdict_of("2.1.1c", profile, QuestionAnswer(percentage=percentage))
    assert verdict is not None and verdict.answer is None and verdict.overridden_by is None
    assert (verdict.band.label, verdict.band.points) == (label, points)


@pytest.mark.parametrize(
    ("percentage", "answer"),
    [(24.9, "nee"), (25.0, "gedeeltelijk"), (50.0, "gedeeltelijk"), (50.5, "ja")],
)
def test_percentage_verdict_for_a_small_company(percentage, answer):
    verdict = verdict_of("2.2.4a", C_SMALL, QuestionAnswer(percentage=percentage))
    assert verdict is not None and verdict.band is None
    assert (verdict.answer, verdict.overridden_by) == (answer, None)


def test_a_chosen_answer_that_differs_overrides_the_percentage():
    overridden = verdict_of("2.2.4a", C_SMALL, QuestionAnswer(answer="nee", percentage=60))
    assert overridden is not None and (overridden.answer, overridden.overridden_by) == ("ja", "nee")
    agreeing = verdict_of("2.2.4a", C_SMALL, QuestionAnswer(answer="ja", percentage=60))
    assert agreeing is not None and agreeing.overridden_by is None


def test_no_percentage_verdict_without_a_percentage_or_for_choice_questions():
    assert verdict_of("2.2.4a", C_SMALL, QuestionAnswer()) is None
    assert verdict_of("1.1.1", C_SMALL, QuestionAnswer(percentage=80)) is None  # a choice
    # Not counted for category B: no criteria variant applies.
    assert verdict_of("2.2.4a", B_LARGE, QuestionAnswer(percentage=80)) is None


# --------------------------------------------------------------------------- profile


@pytest.mark.parametrize(
    ("employees", "revenue", "few", "low", "size"),
    [
        (24, 5_000_000, True, True, "small"),
        (25, 5_000_000, False, True, "medium_large"),
        (24, 5_000_001, True, False, "medium_large"),
        (80, 20_000_000, False, False, "medium_large"),
    ],
)
def test_size_facts_say_which_side_of_each_limit(employees, revenue, few, low, size):
    facts = size_facts(employees, revenue, FW.meta.small_company)
    assert (facts.employees_below, facts.revenue_at_most_eur) == (25, 5_000_000)
    assert (facts.few_employees, facts.low_revenue, facts.size) == (few, low, size)


def test_profile_parts_are_data():
    assert (C_SMALL.category, C_SMALL.size, C_SMALL.size_label) == ("C", "small", "klein bedrijf")
    assert B_LARGE.size_label == "middelgroot/groot bedrijf"


def small_c_session() -> Session:
    company = Company("Klein C", imports_from_risk_countries=True, employees=10, revenue_eur=10**6)
    return Session(
        company,
        {
            "1.1.1": QuestionAnswer(answer="ja"),  # 1 point for both categories
            "2.1.1c": QuestionAnswer(percentage=45),  # C: 40<60% = 4; B: 20<50% = 3
            "2.2.4a": QuestionAnswer(percentage=60),  # C small: above 50% = Ja = 8; not for B
            "3.1.1": QuestionAnswer(answer="ja"),  # 10 points, category C only
        },
    )


def test_profile_change_from_small_c_to_large_b():
    change = profile_change(FW, small_c_session(), B_LARGE)
    assert (change.old, change.new, change.unchanged) == (C_SMALL, B_LARGE, False)
    assert change.before.points == 1 + 4 + 8 + 10
    assert change.after.points == 1 + 3
    assert change.no_longer_counted == ("2.2.4a", "3.1.1")
    # The band table of 2.1.1c and the reporting criteria of 5.1 differ between the two.
    assert {"2.1.1c", "5.1"} <= set(change.criteria_changed)
    assert "1.1.1" not in change.criteria_changed
    # Only questions both categories count: 2.2.4a (C only) is not among them.
    assert "2.2.4a" not in change.criteria_changed
    assert all(FW.questions[q].max_for("B") is not None for q in change.criteria_changed)


def test_profile_change_from_small_c_to_large_c_changes_the_percentage_thresholds():
    change = profile_change(FW, small_c_session(), C_LARGE)
    # Large companies: Ja only above 75%, so 60% on 2.2.4a drops to Gedeeltelijk (4 of 8).
    assert change.after.points == change.before.points - 4
    assert "2.2.4a" in change.criteria_changed and "2.1.1c" not in change.criteria_changed
    assert change.no_longer_counted == ()


def test_no_change_when_the_profile_stays():
    change = profile_change(FW, small_c_session(), C_SMALL)
    assert change.unchanged and change.criteria_changed == () and change.no_longer_counted == ()
    assert change.before == change.after
