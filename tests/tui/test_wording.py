"""Counts read as Dutch in the app: one point, one employee, one open question."""

from __future__ import annotations

from tests.tui.helpers import SIZE, make_app, text_of

from trustone_tui.tui.screens.profile import ProfileScreen


async def test_a_question_worth_one_point_says_max_1_punt(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert framework.questions["1.1.1"].max_for("C") == 1
        screen.go_to("1.1.1")
        await pilot.press("x")
        await pilot.pause()
        assert str(screen.query_one("#answer-points").render()) == "open · max 1 punt"
        await pilot.press("j")
        await pilot.pause()
        assert str(screen.query_one("#answer-points").render()) == "→ 1 van 1 punt"


async def test_the_profile_form_counts_one_employee_in_the_singular(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        app.screen.query_one("#employees").value = "1"
        await pilot.pause()
        effect = text_of(app, "#profile-effect")
        assert "1 werknemer <" in effect and "1 werknemers" not in effect


async def test_the_best_case_with_one_open_question_reads_singular(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        open_ids = [r.question.id for r in app.assessment.open_questions()]
        for question_id in open_ids[1:]:
            screen.go_to(question_id)
            await pilot.press("n")
        await pilot.pause()
        assert len(app.assessment.open_questions()) == 1
        plan = text_of(app, "#score-plan")
        assert "als de open vraag Ja wordt" in plan and "1 open vragen" not in plan
