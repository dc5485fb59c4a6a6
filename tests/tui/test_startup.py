"""The start: garbage collection is paused until the first screen, which shows the plan; later
full collections wait for the app to be idle."""

from __future__ import annotations

import gc

import pytest
from tests.tui.helpers import SIZE, make_app
from textual.widgets import Static

from trustone_tui.tui.screens.interview import InterviewScreen
from trustone_tui.tui.startup import (
    FULL_COLLECTION_AFTER,
    IdleCollector,
    pause_collection,
    resume_collection,
)


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
    frozen_before = gc.get_freeze_count()  # earlier tests may have frozen objects already
    made_while_paused = [[] for _ in range(100)]
    resume_collection()
    assert gc.isenabled()
    assert gc.get_freeze_count() - frozen_before >= len(made_while_paused)


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


async def test_the_interview_shows_the_plan_as_soon_as_it_is_there(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE):
        # No pause: the plan is worked out before the screen is made, not a frame later.
        assert isinstance(app.screen, InterviewScreen)
        assert app.plan is not None and app.plan.steps
        assert str(app.screen.query_one("#score-plan", Static).content).strip()


def test_a_due_full_collection_is_queued_once_and_collects():
    gc.enable()
    gc.collect()
    collector = IdleCollector()
    queued: list = []
    collector.collect_when_due(queued.append)
    assert queued == []  # nothing due right after a full collection
    for _ in range(FULL_COLLECTION_AFTER):
        gc.collect(1)  # each counts towards the next full collection
    collector.collect_when_due(queued.append)
    collector.collect_when_due(queued.append)
    assert len(queued) == 1
    IdleCollector().collect_when_due(queued.append)  # another app's collector is not held up
    assert len(queued) == 2
    queued[0]()
    assert gc.get_count()[2] == 0  # a full collection ran
    collector.collect_when_due(queued.append)
    assert len(queued) == 2


def test_nothing_is_queued_while_collection_is_paused():
    gc.enable()
    for _ in range(FULL_COLLECTION_AFTER):
        gc.collect(1)
    pause_collection()
    queued: list = []
    IdleCollector().collect_when_due(queued.append)
    assert queued == []


async def test_the_app_collects_after_a_frame_when_a_collection_is_due(framework, demo_file):
    gc.enable()
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(FULL_COLLECTION_AFTER):
            gc.collect(1)
        await pilot.press("j")  # any change: the app is idle again after its frame
        await pilot.pause()
        await pilot.pause()
        assert gc.get_count()[2] < FULL_COLLECTION_AFTER
