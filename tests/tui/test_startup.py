"""The start of the app: garbage collection is off while it starts and on once it shows."""

from __future__ import annotations

import gc

import pytest

from trustone_tui.cli import prepare_app_process
from trustone_tui.tui.app import TrustoneApp
from trustone_tui.tui.screens.interview import InterviewScreen

from .conftest import SIZE


@pytest.fixture
def collector_restored():
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_the_app_process_starts_without_garbage_collection(collector_restored, monkeypatch):
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    gc.enable()
    prepare_app_process()
    assert not gc.isenabled()


@pytest.mark.parametrize("with_file", [True, False], ids=["interview", "start screen"])
async def test_garbage_collection_is_back_on_after_the_first_screen(
    collector_restored, framework, demo_file, with_file
):
    gc.disable()
    app = TrustoneApp(framework, open_path=demo_file if with_file else None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen) == with_file
        assert gc.isenabled()
