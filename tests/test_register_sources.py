"""The percentages that count when a session keeps a register (engine/sources.py, reading R8)."""

from __future__ import annotations

from dataclasses import replace

from proof_helpers import FW, make_session
from register_helpers import make_flow
from trustone_tui.engine.planner import plan
from trustone_tui.engine.profilechange import profile_change
from trustone_tui.engine.register import Flow, Register
from trustone_tui.engine.scoring import assess
from trustone_tui.engine.session import QuestionAnswer
from trustone_tui.engine.sources import (
    effective_answers,
    effective_session,
    percentage_source,
    register_figures,
    session_figures,
)
from trustone_tui.framework.profile import Profile
from trustone_tui.report import render_report
from trustone_tui.report.compare import answer_side


def flow(quantity: float, *, quarry: bool = True, overview: bool = False, **extra: object) -> Flow:
    return make_flow(
        quantity,
        groeve_adres="Berg 3" if quarry else "",
        fabriek_risico_overzicht=overview,
        fabriek_land="CN",
        groeve_land="CN",
        **extra,
    )


#: 75 m2 with every link known (factory with a risk overview), 25 m2 whose quarry has no
#: address: 2.1.1a/b 100%, 2.1.1c 75%, 2.2.4a 100%, 2.2.4b 0%, 2.3.7 0%.
REGISTER = Register("m2", (flow(75, overview=True), flow(25, quarry=False)))


def test_without_a_register_the_typed_percentages_count():
    session = make_session("C:medium_large", {"2.1.1c": 45, "2.2.4a": "ja"})
    effective = effective_answers(session, FW)
    assert effective.answers is session.answers
    assert effective.sources == {"2.1.1c": "entered"}
    result = assess(FW, session).results["2.1.1c"]
    assert (result.percentage, result.percentage_source) == (45, "entered")
    assert percentage_source(session, FW, "2.2.4a") is None


def test_the_register_replaces_typed_percentages_and_keeps_the_typed_answer():
    session = make_session(
        "C:medium_large",
        {"2.1.1c": 45, "2.2.4a": 10, "2.2.4b": "ja", "1.1.5": "ja"},
    )
    session = replace(session, register=REGISTER)
    assessment = assess(FW, session)
    c = assessment.results["2.1.1c"]
    assert (c.percentage, c.percentage_source, c.band and c.band.points) == (75, "register", 8)
    assert assessment.quarry_insight == 75
    assert assessment.factory_insight == 100
    # 2.2.4a: typed 10%, the register says 100%: Ja from the register's figure.
    a = assessment.results["2.2.4a"]
    assert (a.percentage, a.percentage_source, a.answer, a.source) == (
        100,
        "register",
        "ja",
        "percentage",
    )
    # 2.2.4b: the register says 0%, but the explicit answer counts (reading 4), shown with it.
    b = assessment.results["2.2.4b"]
    assert (b.percentage, b.percentage_source, b.answer, b.source) == (0, "register", "ja", "given")
    # Other answers are untouched; the session itself still holds what was typed.
    assert assessment.results["1.1.5"].answer == "ja"
    assert session.answer("2.1.1c").percentage == 45
    assert effective_session(session, FW).answer("2.1.1c").percentage == 75
    assert percentage_source(session, FW, "2.3.7") == "register"


def test_where_the_register_has_nothing_to_count_the_typed_percentage_counts():
    # Only reused stone: 2.2.4a/b and 2.3.7 have no figure (R5), 2.1.1 is 100%.
    register = Register("m2", (flow(10, circulair=True),))
    session = replace(make_session("C:small", {"2.2.4a": 60, "2.1.1b": 20}), register=register)
    results = assess(FW, session).results
    assert (results["2.2.4a"].percentage, results["2.2.4a"].percentage_source) == (60, "entered")
    assert results["2.2.4b"].percentage_source is None
    assert (results["2.1.1b"].percentage, results["2.1.1b"].percentage_source) == (
        100,
        "register",
    )


def test_the_figures_are_computed_once_per_register_value():
    session = replace(make_session("C:small", {}), register=REGISTER)
    first = session_figures(session, FW)
    assert first is register_figures(REGISTER, FW.countries)
    assert session_figures(replace(session, answers={"1.1.5": QuestionAnswer("ja")}), FW) is first
    edited = REGISTER.with_flow(1, flow(25))
    again = register_figures(edited, FW.countries)
    assert again is not first
    assert again.percentages["2.1.1c"] == 100
    assert session_figures(replace(session, register=None), FW) is None


def test_the_plan_the_profile_change_and_the_reports_see_the_same_percentages():
    session = replace(make_session("C:medium_large", {"2.1.1c": 5, "2.1.1b": 5}), register=REGISTER)
    assessment = assess(FW, session)
    change = profile_change(FW, session, Profile("C", "small"))
    assert change.before.results["2.1.1c"].percentage == 75
    assert change.after.results["2.1.1c"].percentage == 75
    steps = plan(FW, session, "C3", assessment)
    assert steps is not None
    # C3 needs 60% of the quarries and 100% of the factories: the register already has both.
    assert not [s for s in steps.steps if s.question_id in ("2.1.1b", "2.1.1c")]
    report = render_report(session, FW, "md").decode("utf-8")
    assert "75% (klasse" in report
    table = render_report(session, FW, "csv").decode("utf-8-sig")
    assert ";2.1.1c;2;beantwoord;;75;8;10;" in table  # not the 5 typed
    assert answer_side(assessment.results["2.1.1c"], session).percentage == 75
