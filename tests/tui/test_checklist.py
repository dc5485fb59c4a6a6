"""The elements and the follow-up flag: tick boxes, ticked with keys, clicks, Space."""

from __future__ import annotations

from tests.tui.helpers import SIZE, make_app

from trustone_tui.tui.widgets.checklist import ElementBox, ElementList
from trustone_tui.tui.widgets.toggles import TickBox


def boxes_of(app) -> list[ElementBox]:
    return app.screen.query_one("#elements", ElementList).boxes()


async def test_digits_and_clicks_tick_elements(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("3.3.7")  # three elements, none ticked in the demo
        await pilot.pause()
        boxes = boxes_of(app)
        assert [(box.item.group, box.item.number) for box in boxes] == [("", 1), ("", 2), ("", 3)]
        assert not any(box.value for box in boxes)
        await pilot.press("1", "3")
        await pilot.pause()
        assert app.session.answer("3.3.7").elements == {"": (1, 3)}
        assert [box.value for box in boxes] == [True, False, True]
        # A click on the last line of the second element (it wraps at this width) ticks it.
        second = boxes[1]
        second.scroll_visible(animate=False)
        await pilot.pause()
        assert second.region.height > 1
        await pilot.click(second, offset=(10, second.region.height - 1))
        await pilot.pause()
        assert app.session.answer("3.3.7").elements == {"": (1, 2, 3)}
        await pilot.click(boxes[0], offset=(1, 0))  # and the first again: unticked
        await pilot.pause()
        assert app.session.answer("3.3.7").elements == {"": (2, 3)}


async def test_another_question_shows_its_own_elements(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("1.2.14")  # six elements
        await pilot.pause()
        grouped = len(boxes_of(app))
        assert grouped == 6
        screen.go_to("3.3.7")
        await pilot.pause()
        assert len(boxes_of(app)) == 3
        await pilot.press("2")
        await pilot.pause()
        assert app.session.answer("3.3.7").elements == {"": (2,)}


async def test_long_elements_wrap_under_their_text_instead_of_being_cut(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("1.2.14")
        await pilot.pause()
        boxes = boxes_of(app)
        lines = [line for box in boxes for line in box.render().plain.split("\n")]
        assert len(lines) > len(boxes)
        width = app.screen.query_one("#elements").region.width
        assert all(len(line) <= width for line in lines)
        assert all(box.region.height == len(box.render().plain.split("\n")) for box in boxes)
        text = " ".join(line[4:].strip() for line in lines)
        assert "(team)overleggen;" in text and "…" not in text
        wrapped = next(box for box in boxes if "\n" in box.render().plain)
        continuation = wrapped.render().plain.split("\n")[1]
        assert continuation.startswith(" " * 4) and continuation.strip()


async def test_the_follow_up_flag_follows_the_session_and_toggles(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("3.3.7")
        await pilot.pause()
        flag = screen.query_one("#follow-up", TickBox)
        before = app.session.answer("3.3.7").follow_up
        assert flag.value == before
        await pilot.press("f")
        await pilot.pause()
        assert app.session.answer("3.3.7").follow_up is not before
        assert flag.value is not before
        flag.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#follow-up", offset=(5, 0))
        await pilot.pause()
        assert app.session.answer("3.3.7").follow_up is before
