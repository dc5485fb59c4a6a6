"""Snapshots at 80x24 of the profile form with errors, the export dialog and the summary.

Regenerate after an intended change with
``pytest tests/tui/test_snapshots_80x24.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from trustone_tui.store.sessions import DATA_DIR_ENV
from trustone_tui.tui.app import TrustoneApp
from trustone_tui.tui.screenshots import prepare_data_dir

SMALL = (80, 24)
#: The export dialog's test uses the scenes' fixed session folder: under pytest-xdist these
#: run in the scenes' worker (``--dist loadgroup``), never at once with another user of it.
pytestmark = pytest.mark.xdist_group("scene-folder")


async def settle(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    pilot.app.clear_notifications()
    await pilot.pause()


async def profile_with_errors(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("b")
    await pilot.pause()
    screen = pilot.app.screen
    screen.query_one("#employees", Input).value = "-5"
    screen.query_one("#revenue", Input).value = "1" * 14
    await pilot.pause()
    await pilot.press("ctrl+s")
    await settle(pilot)


def test_profile_form_with_errors(snap_compare, framework):
    app = TrustoneApp(framework, demo=True)
    assert snap_compare(app, terminal_size=SMALL, run_before=profile_with_errors)


def test_export_dialog(snap_compare, framework, monkeypatch):
    folder = prepare_data_dir()  # a fixed folder: the suggested path is always the same
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    app = TrustoneApp(framework, open_path=folder / "natuursteen-van-dijk-zn-bv-2026.toml")
    assert snap_compare(app, terminal_size=SMALL, press=["ctrl+e"], run_before=settle)


def test_summary(snap_compare, framework):
    app = TrustoneApp(framework, demo=True)
    assert snap_compare(app, terminal_size=SMALL, press=["s"], run_before=settle)
