"""Every control of the interview screen is a Tab stop that Space or Enter operates.

Tab from the work area reaches each answer button, each element and the follow-up flag;
Shift+Tab goes back. The key bar (Textual's Footer) is no Tab stop: every key it shows is
itself a binding of the screen.
"""

from __future__ import annotations

from tests.tui.helpers import SIZE, make_app
from textual.widget import Widget

from trustone_tui.tui.widgets.answerbar import AnswerButton
from trustone_tui.tui.widgets.checklist import ElementBox
from trustone_tui.tui.widgets.toggles import TickBox

#: n.v.t. allowed, three elements: element 1 ticked and "gedeeltelijk" in the demo.
QUESTION = "3.1.1"


def stop_name(widget: Widget | None) -> str:
    """A name for a focused control: ``answer:ja``, ``element:2``, ``follow-up``, ..."""
    if isinstance(widget, AnswerButton):
        return f"answer:{widget.answer}"
    if isinstance(widget, ElementBox):
        return f"element:{widget.item.number}"
    return str(widget.id) if widget is not None else "none"


async def at_question(pilot) -> None:
    """Show :data:`QUESTION` with the focus on the work area, where Tab starts."""
    await pilot.pause()
    screen = pilot.app.screen
    screen.go_to(QUESTION)
    screen.query_one("#work").focus()
    await pilot.pause()


async def tab_until(pilot, key: str, wanted: str, limit: int = 15) -> list[str]:
    """Press ``key`` until ``wanted`` has the focus; the stops passed, in order."""
    stops = []
    for _ in range(limit):
        await pilot.press(key)
        await pilot.pause()
        stops.append(stop_name(pilot.app.focused))
        if stops[-1] == wanted:
            return stops
    raise AssertionError(f"{key} never reached {wanted}: {stops}")


async def test_tab_reaches_every_control_and_shift_tab_goes_back(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await at_question(pilot)
        forward = await tab_until(pilot, "tab", "follow-up")
        controls = [
            "answer:nee",
            "answer:gedeeltelijk",
            "answer:ja",
            "answer:nvt",
            "element:1",
            "element:2",
            "element:3",
            "follow-up",
        ]
        assert [stop for stop in forward if stop in controls] == controls
        backward = await tab_until(pilot, "shift+tab", "answer:nee")
        assert [stop for stop in backward if stop in controls] == controls[-2::-1]


async def test_space_and_enter_operate_each_control(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await at_question(pilot)

        def given():
            return app.session.answer(QUESTION)

        assert given().answer == "gedeeltelijk" and given().elements == {"": (1,)}
        await tab_until(pilot, "tab", "answer:ja")
        await pilot.press("space")
        await pilot.pause()
        assert given().answer == "ja"
        await pilot.press("enter")  # the chosen answer again: taken back
        await pilot.pause()
        assert given().answer is None
        await tab_until(pilot, "tab", "answer:nvt")
        await pilot.press("enter")
        await pilot.pause()
        assert given().answer == "nvt"
        await tab_until(pilot, "tab", "element:1")
        await pilot.press("space")  # ticked in the demo: unticked
        await pilot.pause()
        assert given().elements == {}
        await tab_until(pilot, "tab", "element:3")
        await pilot.press("enter")
        await pilot.pause()
        assert given().elements == {"": (3,)}
        before = given().follow_up
        await tab_until(pilot, "tab", "follow-up")
        await pilot.press("space")
        await pilot.pause()
        assert given().follow_up is not before
        await pilot.press("enter")
        await pilot.pause()
        assert given().follow_up is before


async def test_answer_keys_still_work_while_a_control_has_the_focus(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await at_question(pilot)
        await tab_until(pilot, "tab", "element:2")
        await pilot.press("j", "3", "f")
        await pilot.pause()
        given = app.session.answer(QUESTION)
        assert given.answer == "ja" and given.elements == {"": (1, 3)} and given.follow_up


async def test_ticked_and_unticked_are_drawn_differently(framework, demo_file):
    """State never depends on colour alone: the glyphs differ."""
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to(QUESTION)
        await pilot.pause()
        elements = [box.render().plain for box in screen.query(ElementBox) if box.display]
        assert elements[0].startswith("[x] ") and elements[1].startswith("[ ] ")
        answers = {b.answer: b.render().plain.strip() for b in screen.query(AnswerButton)}
        assert answers["gedeeltelijk"].startswith("● ") and answers["ja"].startswith("○ ")
        flag = screen.query_one("#follow-up", TickBox).render().plain
        assert flag.startswith(("[x] ", "[ ] "))
