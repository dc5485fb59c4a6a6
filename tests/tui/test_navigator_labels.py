"""The navigator shows each question's points and follow-up flag, and uses its width."""

from __future__ import annotations

import pytest
from tests.tui.helpers import make_app

from trustone_tui.text import formatting
from trustone_tui.tui.widgets.navigator import Navigator


def line_of(navigator: Navigator, question_id: str) -> str:
    """What the navigator draws on the question's line (guides, label; as on screen)."""
    node = navigator.question_nodes[question_id]
    navigator.move_cursor(node)
    y = node.line - navigator.scroll_offset.y
    return navigator.render_line(y).text


@pytest.mark.parametrize("size", [(140, 40), (200, 50)])
async def test_every_question_line_shows_its_points_and_flag(framework, size):
    app = make_app(framework, demo=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        navigator = app.screen.query_one(Navigator)
        await pilot.pause()
        for question_id, result in app.assessment.results.items():
            line = line_of(navigator, question_id)
            flagged = app.session.answer(question_id).follow_up
            assert ("⚑" in line) == flagged, (question_id, line)
            if result.status == "answered" or result.status == "open":
                points = (
                    f"{formatting.points(result.points or 0)}/"
                    f"{formatting.points(result.max_points)}"
                )
                assert f" {points}" in line, (question_id, line)
            elif result.status == "nvt":
                assert "n.v.t." in line, (question_id, line)
            else:
                assert "telt niet mee" in line, (question_id, line)


async def test_at_200_columns_the_question_text_uses_the_width(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        navigator = app.screen.query_one(Navigator)
        line = line_of(navigator, "3.3.7")
        text = line.split("3.3.7 ", 1)[1].split("…")[0]
        assert text.startswith("Betrek je (interne en/of externe)"), line
        assert navigator.region.width >= 60


async def test_a_flag_set_in_the_interview_appears_in_the_navigator(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        app.screen.go_to("4.2.3")
        await pilot.press("f")
        await pilot.pause()
        navigator = app.screen.query_one(Navigator)
        assert line_of(navigator, "4.2.3").rstrip().endswith("⚑")
