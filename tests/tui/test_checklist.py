"""The checklist: the elements and the follow-up flag, ticked with keys or clicks."""

from __future__ import annotations

from tests.tui.helpers import SIZE, make_app

from trustone_tui.tui.widgets.checklist import Checklist


def lines_of(checklist: Checklist) -> list[str]:
    return checklist.render().plain.split("\n")


async def test_digits_and_clicks_tick_elements_and_the_suggestion_follows(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("3.3.7")  # three elements, none ticked in the demo
        await pilot.pause()
        elements = screen.query_one("#elements", Checklist)
        assert [item.key for item in elements.items] == [":1", ":2", ":3"]
        assert not elements.ticked
        await pilot.press("1", "3")
        await pilot.pause()
        assert app.session.answer("3.3.7").elements == {"": (1, 3)}
        assert elements.ticked == {":1", ":3"}
        # A click on any line of the second element (it wraps at this width) ticks it.
        second_last_line = max(part.y for part in elements.parts if part.target == ":2")
        await pilot.click(Checklist, offset=(10, second_last_line))
        await pilot.pause()
        assert app.session.answer("3.3.7").elements == {"": (1, 2, 3)}
        await pilot.click(Checklist, offset=(1, 0))  # and again: unticked
        await pilot.pause()
        assert app.session.answer("3.3.7").elements == {"": (2, 3)}


async def test_long_elements_wrap_under_their_text_instead_of_being_cut(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("1.2.14")
        await pilot.pause()
        elements = app.screen.query_one("#elements", Checklist)
        lines = lines_of(elements)
        assert len(lines) > len(elements.items) and elements.region.height == len(lines)
        assert all(len(line) <= elements.region.width for line in lines)
        text = " ".join(line[4:].strip() for line in lines)
        assert "(team)overleggen;" in text and "…" not in text
        continuation = lines[1]
        assert continuation.startswith(" " * 4) and continuation.strip()


async def test_the_follow_up_flag_follows_the_session_and_toggles(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("3.3.7")
        await pilot.pause()
        flag = screen.query_one("#follow-up", Checklist)
        before = app.session.answer("3.3.7").follow_up
        assert (flag.ticked == {"follow_up"}) == before
        await pilot.press("f")
        await pilot.pause()
        assert app.session.answer("3.3.7").follow_up is not before
        assert (flag.ticked == {"follow_up"}) is not before
        flag.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#follow-up", offset=(5, 0))
        await pilot.pause()
        assert app.session.answer("3.3.7").follow_up is before
