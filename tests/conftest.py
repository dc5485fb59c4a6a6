"""Settings for the whole suite."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from trustone_tui.store.bankcache import CACHE_DIR_ENV

# The validated-bank cache goes to a directory of this run, never the user's own cache (child
# processes started by tests inherit it).
_CACHE = tempfile.TemporaryDirectory(prefix="trustone-test-cache-")
os.environ[CACHE_DIR_ENV] = _CACHE.name


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    """A copy of the real question bank, to break or change in a test."""
    copy = tmp_path / "questions"
    shutil.copytree(Path(__file__).resolve().parents[1] / "questions", copy)
    return copy
