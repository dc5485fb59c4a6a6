"""First checks that the bank loads and the demo session scores as computed by hand."""

from trustone_tui.answerfile.read import parse_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.scoring import assess
from trustone_tui.store.bankcache import default_framework


def test_bank_has_39_scored_questions():
    assert len(default_framework().scored_questions()) == 39


def test_demo_session_is_c2_with_121_of_248_points():
    framework = default_framework()
    assessment = assess(framework, parse_session(demo_bytes(), "demo", framework))
    # 3.2.5 is n.v.t. (4 points), so the maximum is 252 - 4 = 248.
    assert (assessment.points, assessment.max_points) == (121, 248)
    assert assessment.level is not None and assessment.level.id == "C2"
    gap = assessment.next
    assert gap is not None and gap.level.id == "C3"
    # 60% of 248 = 148.8 -> 149 (next half point); 149 - 121 = 28.
    assert (gap.points_needed, gap.quarry_insight_needed, gap.factory_insight_needed) == (28, 5, 20)
