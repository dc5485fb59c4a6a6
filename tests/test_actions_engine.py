"""The plan of action in the engine: overdue on the boundary day, aims, ``reaches`` on
hand-computed sessions, due dates from the timeline, and draft actions from the planner worded
in the company's criteria variant."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from trustone_tui.answerfile.read import parse_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.actionplan import (
    ActionTarget,
    action_reached,
    aim_for,
    anniversary,
    draft_actions,
    due_for_level,
    next_action_ids,
    plan_targets,
    reaches,
    with_aims,
)
from trustone_tui.engine.actions import Action, Aim, reference_date
from trustone_tui.engine.planner import plan
from trustone_tui.engine.scoring import assess
from trustone_tui.engine.session import Company, QuestionAnswer, Session, profile_of
from trustone_tui.framework.profile import Profile
from trustone_tui.store.bankcache import default_framework
from trustone_tui.text import actions as wording

FW = default_framework()
DAY = dt.date(2026, 11, 12)
C_LARGE = Company("C groot", True, 100, 20_000_000, joined_year=2024, entry_level=1)


def demo() -> Session:
    return parse_session(demo_bytes(), "demo", FW)


def action(**fields: object) -> Action:
    base: dict[str, object] = {"id": "A1", "text": "Iets doen", "due": DAY}
    return Action(**{**base, **fields})  # type: ignore[arg-type]


# --------------------------------------------------------------------------- overdue


@pytest.mark.parametrize(
    "due, status, overdue",
    [
        (DAY - dt.timedelta(days=1), "open", True),
        (DAY - dt.timedelta(days=1), "bezig", True),
        (DAY, "open", False),  # due on the day itself: not yet overdue
        (DAY + dt.timedelta(days=1), "open", False),
        (DAY - dt.timedelta(days=1), "klaar", False),
        (DAY - dt.timedelta(days=1), "vervallen", False),
    ],
)
def test_overdue_on_the_boundary_day(due, status, overdue):
    assert action(due=due, status=status).is_overdue(DAY) is overdue


def test_overdue_is_judged_on_the_assessment_date_else_today():
    today = dt.date(2027, 3, 1)
    assert reference_date(DAY, today) == DAY
    assert reference_date(None, today) == today
    late_for_today = action(due=dt.date(2027, 1, 1))
    assert not late_for_today.is_overdue(reference_date(DAY, today))
    assert late_for_today.is_overdue(reference_date(None, today))


def test_the_overdue_mark_is_a_word_not_only_a_colour():
    assert wording.due_text(action(due=DAY - dt.timedelta(days=1)), DAY) == "11-11-2026 (te laat)"
    assert wording.due_text(action(due=DAY), DAY) == "12-11-2026"


# --------------------------------------------------------------------------- aims and reaches


def all_ja(company: Company = C_LARGE, **bands: float) -> Session:
    """Every choice and percentage question Ja; band questions at the given percentages."""
    answers: dict[str, QuestionAnswer] = {}
    for question in FW.scored_questions("C" if company.imports_from_risk_countries else "B"):
        if question.kind == "band":
            answers[question.id] = QuestionAnswer(percentage=bands[question.id.replace(".", "_")])
        else:
            answers[question.id] = QuestionAnswer(answer="ja")
    return Session(company=company, answers=answers, interview=replace(Session(company).interview))


def with_actions(session: Session, *actions: Action) -> Session:
    return replace(session, actions=actions)


def test_aim_defaults_to_the_best_answer():
    plain = action(questions=("3.1.2", "2.1.1c"))
    assert aim_for(plain, FW.questions["3.1.2"]) == Aim("3.1.2", answer="ja")
    assert aim_for(plain, FW.questions["2.1.1c"]) == Aim("2.1.1c", percentage=100.0)
    own = action(questions=("2.1.1c",), aims=(Aim("2.1.1c", percentage=60.0),))
    assert aim_for(own, FW.questions["2.1.1c"]) == Aim("2.1.1c", percentage=60.0)


def test_reaches_on_hand_computed_sessions():
    # Every question Ja, so the score is no limit: the insight in quarries (2.1.1c) and
    # factories (2.1.1b) decide. 30% / 60% meets C1 (20/50) and not C2 (40/75).
    session = all_ja(**{"2_1_1a": 100.0, "2_1_1b": 60.0, "2_1_1c": 30.0})
    assert assess(FW, session).level.id == "C1"
    assert reaches(FW, session).id == "C1"  # no actions: the level it has
    quarries = action(id="A1", questions=("2.1.1c",), aims=(Aim("2.1.1c", percentage=60.0),))
    factories = action(id="A2", questions=("2.1.1b",), aims=(Aim("2.1.1b", percentage=100.0),))
    # Quarries to 60% alone: factories still at 60% < 75%, so C1.
    assert reaches(FW, with_actions(session, quarries)).id == "C1"
    # Both: 60% / 100% meets C3 (60/100), not C4 (75% quarries).
    assert reaches(FW, with_actions(session, quarries, factories)).id == "C3"
    # Without an aim the action aims for 100%: C5 needs 90% quarries and 100% factories, and
    # every question is Ja (the core questions of 4 and 5 too, points far above 200).
    best = replace(quarries, aims=())
    assert reaches(FW, with_actions(session, best, factories)).id == "C5"
    # Done or dropped actions add nothing.
    for status in ("klaar", "vervallen"):
        done = replace(factories, status=status)
        assert reaches(FW, with_actions(session, quarries, done)).id == "C1"
    assert reaches(FW, with_actions(session, quarries, replace(factories, status="bezig"))).id == (
        "C3"
    )


def test_an_aim_never_lowers_an_answer():
    session = all_ja(**{"2_1_1a": 100.0, "2_1_1b": 100.0, "2_1_1c": 80.0})
    lower = action(
        questions=("2.1.1c", "3.1.2"),
        aims=(Aim("2.1.1c", percentage=50.0), Aim("3.1.2", answer="gedeeltelijk")),
    )
    assert with_aims(FW, session, [lower]).answers == session.answers
    assert reaches(FW, with_actions(session, lower)) == assess(FW, session).level


def test_an_action_is_reached_when_every_question_is_at_its_aim():
    session = all_ja(**{"2_1_1a": 100.0, "2_1_1b": 60.0, "2_1_1c": 30.0})
    quarries = action(questions=("2.1.1c",), aims=(Aim("2.1.1c", percentage=40.0),))
    assert not action_reached(FW, session, quarries)
    raised = session.with_answer("2.1.1c", QuestionAnswer(percentage=40.0))
    assert action_reached(FW, raised, quarries)
    assert not action_reached(FW, raised, action(questions=()))  # nothing to reach
    both = action(questions=("2.1.1c", "2.1.1b"), aims=(Aim("2.1.1c", percentage=40.0),))
    assert not action_reached(FW, raised, both)  # 2.1.1b aims for 100%
    nvt = session.with_answer("3.1.2", QuestionAnswer(answer="nvt"))
    assert not action_reached(FW, nvt, action(questions=("3.1.2",)))


# --------------------------------------------------------------------------- due dates


def test_due_dates_follow_the_timeline():
    # Entry at level 3 in 2025: level 3 takes two years (2025, 2026), level 4 is expected in
    # participation year 3, 2027.
    company = Company("C", True, 100, 20_000_000, joined_year=2025, entry_level=3)
    on = dt.date(2025, 6, 1)
    assert due_for_level(FW, Session(company), 4, on) == dt.date(2027, 6, 1)
    # Level 3 is expected already: the next assessment, a year on.
    assert due_for_level(FW, Session(company), 3, on) == dt.date(2026, 6, 1)
    # Level 5 is no timeline requirement; without a joining year there is no timeline.
    assert due_for_level(FW, Session(company), 5, on) == dt.date(2026, 6, 1)
    no_year = replace(company, joined_year=None)
    assert due_for_level(FW, Session(no_year), 4, on) == dt.date(2026, 6, 1)


def test_anniversary_of_29_february():
    assert anniversary(dt.date(2028, 2, 29), 2029) == dt.date(2029, 2, 28)
    assert anniversary(dt.date(2028, 2, 29), 2032) == dt.date(2032, 2, 29)


def test_new_ids_number_on_from_the_highest():
    assert next_action_ids([], 2) == ["A1", "A2"]
    assert next_action_ids(["A1", "A7", "groeve", "A3x"], 2) == ["A8", "A9"]


# --------------------------------------------------------------------------- drafts


def test_a_band_question_climbing_two_bands_is_one_target():
    session = all_ja(**{"2_1_1a": 100.0, "2_1_1b": 100.0, "2_1_1c": 10.0})
    the_plan = plan(FW, session, "C3")
    targets = plan_targets(the_plan)
    assert [t.question_id for t in targets] == ["2.1.1c"]
    assert (targets[0].from_percentage, targets[0].to_percentage) == (10.0, 60.0)
    assert targets[0].aim == Aim("2.1.1c", percentage=60.0)


def test_planner_steps_become_draft_actions():
    session = demo()
    the_plan = plan(FW, session)
    assert the_plan.target.id == "C3"
    drafts = wording.draft_actions(FW, session, the_plan, dt.date(2026, 12, 3))
    assert [d.questions[0] for d in drafts] == [t.question_id for t in plan_targets(the_plan)]
    assert [d.id for d in drafts] == [f"A{n}" for n in range(1, len(drafts) + 1)]
    assert all(d.status == "open" and d.created == dt.date(2026, 12, 3) for d in drafts)
    # Joined 2024 at level 1: level 3 was expected in 2026, so the next assessment.
    assert {d.due for d in drafts} == {dt.date(2027, 11, 12)}
    by_question = {d.questions[0]: d for d in drafts}
    assert by_question["2.1.1c"].text == "2.1.1c: inzicht in groeves van 55% naar 60%"
    ja = " ".join(FW.criteria("3.1.2", profile_of(session.company, FW)).ja.split())
    assert by_question["3.1.2"].text == f"3.1.2: van Gedeeltelijk naar Ja — {ja}"
    # Every open action reaching its aim reaches the plan's level.
    assert reaches(FW, replace(session, actions=drafts)) == the_plan.target


def test_draft_wording_uses_the_companys_criteria_variant():
    target = ActionTarget("1.1.10", "points", "answer", "nee", "ja", None, None)
    large = wording.target_text(FW, Profile("C", "medium_large"), target)
    small = wording.target_text(FW, Profile("C", "small"), target)
    assert large == "1.1.10: van Nee naar Ja — Evaluatie bevat onderdeel 1 t/m 3"
    assert small.startswith("1.1.10: van Nee naar Ja — Evaluatie bevat ten minste onderdeel 1")
    # The same through the planner, for a small company: each answer step's criterion is the
    # small variant's.
    session = demo()
    small_session = replace(
        session, company=replace(session.company, employees=10, revenue_eur=1_000_000)
    )
    profile = profile_of(small_session.company, FW)
    assert profile.size == "small"
    the_plan = plan(FW, small_session)
    drafts = wording.draft_actions(FW, small_session, the_plan, DAY)
    words = [t for t in plan_targets(the_plan) if t.field == "answer"]
    assert words
    for draft, target in zip(
        [d for d in drafts if d.questions[0] in {t.question_id for t in words}], words, strict=True
    ):
        criterion = getattr(FW.criteria(target.question_id, profile), target.to_answer)
        assert draft.text.endswith(" ".join(criterion.split()))


def test_a_percentage_question_names_percentages_and_answers():
    target = ActionTarget("2.2.4a", "points", "percentage", "gedeeltelijk", "ja", 50.0, 76.0)
    text = wording.target_text(FW, Profile("C", "medium_large"), target)
    ja = " ".join(FW.criteria("2.2.4a", Profile("C", "medium_large")).ja.split())
    assert text == f"2.2.4a: fabrieken van 50% naar 76% (Gedeeltelijk → Ja) — {ja}"


def test_a_question_an_open_action_covers_gets_no_second_draft():
    session = demo()
    the_plan = plan(FW, session)
    first = wording.draft_actions(FW, session, the_plan, DAY)
    kept = replace(session, actions=first[:2])
    again = wording.draft_actions(FW, kept, the_plan, DAY)
    assert [d.questions for d in again] == [d.questions for d in first[2:]]
    assert [d.id for d in again] == [f"A{n}" for n in range(3, 3 + len(again))]
    # A dropped action covers nothing.
    dropped = replace(session, actions=(replace(first[0], status="vervallen"),))
    assert first[0].questions in [
        d.questions for d in wording.draft_actions(FW, dropped, the_plan, DAY)
    ]


def test_an_unreachable_plan_gives_no_drafts():
    session = demo()
    the_plan = plan(FW, session)
    assert draft_actions(FW, session, the_plan._replace(reachable=False), DAY, str) == ()


# --------------------------------------------------------------------------- progress


def test_progress_summary_counts_each_action_once():
    from trustone_tui.engine.actions import progress_summary

    plan = (
        action(id="A1", status="klaar", due=DAY - dt.timedelta(days=9)),
        action(id="A2", status="vervallen", due=DAY - dt.timedelta(days=9)),
        action(id="A3", status="open", due=DAY - dt.timedelta(days=1)),  # overdue
        action(id="A4", status="bezig", due=DAY),  # due that day: on time
        action(id="A5", status="open", due=DAY + dt.timedelta(days=1)),
    )
    summary = progress_summary(plan, DAY)
    assert (summary.done, summary.on_time, summary.overdue, summary.dropped) == (1, 2, 1, 1)
    assert wording.progress_summary_line(summary) == (
        "1 klaar · 2 op schema · 1 te laat · 1 vervallen"
    )


def test_progress_notes_stay_in_date_order():
    from trustone_tui.engine.actions import ProgressEntry, add_progress

    later = action(progress=(ProgressEntry(DAY + dt.timedelta(days=3), "eerder genoteerd"),))
    added = add_progress(later, "  nieuw  ", DAY)
    assert added.progress[-1] == ProgressEntry(DAY + dt.timedelta(days=3), "nieuw")
    assert add_progress(later, "   ", DAY) is later
    assert add_progress(action(), "eerste", DAY).progress == (ProgressEntry(DAY, "eerste"),)


def test_parse_date_accepts_dutch_and_iso_dates():
    assert wording.parse_date("01-06-2027") == dt.date(2027, 6, 1)
    assert wording.parse_date(" 2027-06-01 ") == dt.date(2027, 6, 1)
    with pytest.raises(ValueError, match="'31-02-2027' is geen datum"):
        wording.parse_date("31-02-2027")
