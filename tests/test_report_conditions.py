"""A level's conditions are worded once (text.conditions) and every output uses that wording."""

from __future__ import annotations

from report_fixtures import demo_session, framework
from trustone_tui.engine.scoring import assess
from trustone_tui.report import render_report
from trustone_tui.text.conditions import (
    gap_line,
    insight_shortfall,
    level_conditions,
    points_shortfall,
)
from trustone_tui.text.summary import text_summary
from trustone_tui.tui.widgets.score import gap_lines


def test_points_and_percentage_points_are_worded_in_good_dutch():
    assert points_shortfall(1) == "nog 1 punt"
    assert points_shortfall(0.5) == "nog 0,5 punten"
    assert points_shortfall(28) == "nog 28 punten"
    assert insight_shortfall(5) == "nog 5 procentpunt"
    assert insight_shortfall(0.001) == "nog 0,1 procentpunt"  # rounded up: always enough


def test_demo_c3_conditions_in_order_with_what_is_missing():
    fw = framework()
    gap = assess(fw, demo_session()).next
    assert gap is not None and gap.level.id == "C3"
    assert [(c.label, c.required, c.shortfall) for c in level_conditions(gap)] == [
        ("Due diligence-score", "ten minste 60%", "nog 28 punten"),
        ("Inzicht groeves", "ten minste 60%", "nog 5 procentpunt"),
        ("Inzicht fabrieken", "ten minste 100%", "nog 20 procentpunt"),
    ]
    assert gap_line(gap) == (
        "C3: nog 28 punten; inzicht groeves nog 5 procentpunt; inzicht fabrieken nog 20 procentpunt"
    )


def test_score_text_report_and_score_panel_use_the_same_wording():
    fw = framework()
    session = demo_session()
    assessment = assess(fw, session)
    gap = assessment.next
    assert gap is not None
    unmet = [c for c in level_conditions(gap) if not c.met]
    assert len(unmet) == 3
    score_text = text_summary(session, assessment, fw)
    markdown = render_report(session, fw, "md", assessment).decode("utf-8")
    panel = [line.plain for line in gap_lines(gap)]
    assert f"  Volgend:  {gap_line(gap)}\n" in score_text
    assert gap_line(gap) in markdown
    for condition in unmet:
        assert condition.need in score_text
        assert f"{condition.required}: **niet voldaan** ({condition.shortfall})" in markdown
        at = panel.index(f" ✗ {condition.label} {condition.required}")
        assert panel[at + 1] == f"   {condition.shortfall}"
    assert "%-punt" not in score_text + markdown + "".join(panel)


def test_core_questions_are_worded_alike_in_every_output():
    fw = framework()
    assessment = assess(fw, demo_session())
    c5 = next(g for g in assessment.gaps if g.level.id == "C5")
    core = next(c for c in level_conditions(c5) if c.kind == "core")
    missing = "3.1.1, 3.1.2, 3.2.3, 3.3.7, 4.1.1, 4.2.3"
    assert (core.required, core.shortfall) == (
        "niveau 4 en 5 op Ja (of n.v.t.)",
        f"niet op Ja: {missing}",
    )
    assert gap_line(c5).endswith(f"; kernvragen niet op Ja: {missing}")
    panel = [line.plain for line in gap_lines(c5)]
    at = panel.index(" ✗ Kernvragen niveau 4 en 5 op Ja (of n.v.t.)")
    assert panel[at + 1] == f"   {core.shortfall}"
