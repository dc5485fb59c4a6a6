"""The start: garbage collection is paused until the first screen, which is complete."""

from __future__ import annotations

import gc

import pytest
from tests.tui.helpers import SIZE, make_app
from textual.events import ScreenResume
from textual.widgets import Static

from trustone_tui.tui.app import TrustoneApp
from trustone_tui.tui.screens.interview import InterviewScreen
from trustone_tui.tui.startup import pause_collection, resume_collection


@pytest.fixture(autouse=True)
def restore_collection():
    was = gc.isenabled()
    yield
    resume_collection()
    (gc.enable if was else gc.disable)()


def test_collection_resumes_with_the_startup_objects_frozen():
    gc.enable()
    pause_collection()
    assert not gc.isenabled()
    made_while_paused = [[] for _ in range(100)]
    resume_collection()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made_while_paused)


def test_a_process_that_turned_collection_off_keeps_it_off():
    gc.disable()
    pause_collection()
    resume_collection()
    assert not gc.isenabled()


async def test_the_app_resumes_collection_after_its_first_screen(framework, demo_file):
    gc.enable()
    pause_collection()  # as the trustone command does
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gc.isenabled()


async def test_the_start_screen_resumes_collection_too(framework):
    gc.enable()
    pause_collection()
    app = make_app(framework)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "StartScreen"
        assert gc.isenabled()


async def test_the_first_interview_frame_already_shows_the_plan(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    plan_lines: list[str] = []
    display = app._display

    def record(screen, renderable) -> None:
        display(screen, renderable)
        if isinstance(screen, InterviewScreen) and not plan_lines:
            plan_lines.append(str(screen.query_one("#score-plan", Static).content))

    app._display = record
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.plan is not None and app.plan.steps
        assert plan_lines == [str(app.screen.query_one("#score-plan", Static).content)]
        assert plan_lines[0].strip()


async def test_the_interview_is_restyled_when_shown_again_but_not_when_first_shown(
    framework, demo_file, monkeypatch
):
    restyled: list[object] = []
    update_styles = TrustoneApp.update_styles

    def recording(app, node, animate=True):
        restyled.append(node)
        update_styles(app, node, animate)

    monkeypatch.setattr(TrustoneApp, "update_styles", recording)
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        interview = app.screen
        assert isinstance(interview, InterviewScreen)
        assert interview not in restyled  # styled widget by widget as it mounted
        interview.post_message(ScreenResume())  # shown again (as after a dialog)
        await pilot.pause()
        assert interview in restyled
