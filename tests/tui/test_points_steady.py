"""Answering never moves a question's points between beside and below the answer buttons.

The questions that offer n.v.t. are the ones at risk: four buttons leave the least room, and
"n.v.t.: telt niet mee ..." is the longest points text.
"""

from __future__ import annotations

from tests.tui.helpers import make_app

from trustone_tui.tui.widgets.answerbar import AnswerBar


async def test_the_points_stay_where_they_are_whatever_the_answer(framework):
    questions = [q.id for q in framework.scored_questions("C") if q.nvt_allowed]
    assert questions
    app = make_app(framework, demo=True)
    moved = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        for qid in questions:
            screen.go_to(qid)
            await pilot.pause()
            bar = screen.query_one(AnswerBar)
            places = set()
            for key in ("g", "j", "v", "x"):
                await pilot.press(key)
                await pilot.pause()
                places.add(bar.has_class("-points-beside"))
            if len(places) > 1:
                moved.append(qid)
    assert not moved, f"points moved on {moved}"
