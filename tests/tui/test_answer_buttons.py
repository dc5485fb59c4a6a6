"""The answer buttons: clicked to answer, shown only where an answer is allowed, points beside."""

from __future__ import annotations

from tests.tui.helpers import SIZE, make_app

from trustone_tui.tui.widgets.answerbar import AnswerBar


async def test_clicking_an_answer_button_answers_and_clicking_it_again_takes_it_back(
    framework, demo_file
):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("4.2.3")
        await pilot.pause()
        bar = screen.query_one(AnswerBar)
        await pilot.click("#answer-ja")
        await pilot.pause()
        assert app.session.answer("4.2.3").answer == "ja" and bar.button("ja").value
        await pilot.click("#answer-nee")
        await pilot.pause()
        assert app.session.answer("4.2.3").answer == "nee"
        assert bar.button("nee").value and not bar.button("ja").value
        await pilot.click("#answer-nee")
        await pilot.pause()
        assert app.session.answer("4.2.3").answer is None
        assert not any(bar.button(answer).value for answer in bar.answers())


async def test_nvt_has_a_button_only_where_the_question_allows_it(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert framework.questions["4.2.3"].nvt_allowed
        assert not framework.questions["1.1.1"].nvt_allowed
        for question_id in ("4.2.3", "1.1.1"):
            screen.go_to(question_id)
            await pilot.pause()
            allowed = framework.questions[question_id].nvt_allowed
            nvt = screen.query_one("#answer-nvt")
            assert (nvt.region.width > 0) == allowed, question_id
            assert (nvt in screen.focus_chain) == allowed, question_id


async def test_the_points_go_below_the_buttons_when_the_column_is_narrow(framework, demo_file):
    app = make_app(framework, demo=True)
    async with app.run_test(size=(200, 50)) as pilot:  # guidance beside: a narrow middle column
        await pilot.pause()
        screen = app.screen
        screen.go_to("4.2.3")  # four buttons, n.v.t. included
        for size, narrow in (((200, 50), True), ((130, 40), False), ((200, 50), True)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            bar = screen.query_one(AnswerBar)
            buttons, points = (
                screen.query_one("#answer-buttons"),
                screen.query_one("#answer-points"),
            )
            assert str(points.render()) == "open · max 8 punten", size
            assert points.region.height == 1 and points.region.right <= bar.region.right, size
            assert bar.region.height == (2 if narrow else 1), size
            assert (points.region.y > buttons.region.y) == narrow, size
