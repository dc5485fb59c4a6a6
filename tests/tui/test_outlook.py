"""What-if mode, the plan in the score panel, and recording the year's outcome."""

from __future__ import annotations

from tests.tui.helpers import SIZE, make_app, text_of

from trustone_tui.engine.planner import apply_plan, plan
from trustone_tui.engine.scoring import assess
from trustone_tui.store.answerfiles import load_session
from trustone_tui.tui.screens.summary import SummaryScreen


async def test_what_if_never_writes_to_the_session_file(framework, demo_file):
    before = demo_file.read_bytes()
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        real = app.session
        await pilot.press("w")
        await pilot.pause()
        assert app.what_if and "WAT-ALS" in app.sub_title
        app.screen.go_to("3.3.7")
        await pilot.press("j", "right_square_bracket", "j", "f", "e", *"probeer", "escape")
        await pilot.pause()
        assert app.assessment.points > 121  # tried answers are scored...
        await app.workers.wait_for_complete()
        assert demo_file.read_bytes() == before  # ...but never saved
        await pilot.press("w")
        await pilot.pause()
        assert not app.what_if
        assert app.session == real
        assert app.assessment.points == 121
        assert text_of(app, "#score-total").startswith("121 / 248")
        await app.workers.wait_for_complete()
    assert demo_file.read_bytes() == before


async def test_applying_the_plan_in_what_if_reaches_the_next_level(framework, demo_file):
    before = demo_file.read_bytes()
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = text_of(app, "#score-plan")
        the_plan = plan(framework, app.session)
        assert the_plan is not None and the_plan.target.id == "C3"
        assert f"Plan naar C3: {len(the_plan.steps)} stappen" in shown
        for step in the_plan.steps[:3]:
            assert step.question_id in shown
        expected = assess(framework, apply_plan(app.session, the_plan))
        app.action_apply_plan()
        await pilot.pause()
        assert app.what_if
        assert app.assessment.level is not None and app.assessment.level.id == "C3"
        assert app.assessment.points == expected.points
        await app.workers.wait_for_complete()
    assert demo_file.read_bytes() == before


def outlook_text(app) -> str:
    """The summary's "Wat nu" part, line by line."""
    return "\n".join(str(line.content) for line in app.screen.query("#summary-outlook Static"))


async def test_recording_the_outcome_adds_this_years_history(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        outlook = outlook_text(app)
        assert "Plan naar C3" in outlook
        assert "Tijdpad" in outlook
        await pilot.press("u")
        await pilot.pause()
        await app.workers.wait_for_complete()
        outlook = outlook_text(app)
        assert "Historie 2026: C2, 121 van 248 punten" in outlook
    saved = load_session(demo_file, framework)
    assert [(h.year, h.level, h.points) for h in saved.history] == [
        (2025, "C1", 90),
        (2026, "C2", 121),
    ]
