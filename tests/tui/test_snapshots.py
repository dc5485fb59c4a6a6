"""Snapshot tests of the main screens: the same scenes as the README's screenshots.

Regenerate after an intended UI change with ``pytest tests/tui/test_snapshots.py --snapshot-update``
and look at the SVGs (the snapshot report shows the differences).
"""

from __future__ import annotations

import pytest

from trustone_tui.store.sessions import DATA_DIR_ENV
from trustone_tui.tui.screenshots import SCENES, Scene, prepare_data_dir

#: The scenes share one fixed session folder (its path is on screen): under pytest-xdist they
#: run in one worker (``--dist loadgroup``), never two at once on the same folder.
pytestmark = pytest.mark.xdist_group("scene-folder")


@pytest.mark.parametrize("scene", SCENES, ids=lambda scene: scene.name)
def test_screen_looks_as_approved(scene: Scene, snap_compare, framework, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(prepare_data_dir()))
    assert snap_compare(
        scene.app(framework),
        press=scene.keys,
        terminal_size=scene.size,
        run_before=scene.setup,
    )
