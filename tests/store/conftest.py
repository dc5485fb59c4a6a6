"""Fixtures for the session store tests: every test gets its own data directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustone_tui.answerfile.read import parse_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.session import Session
from trustone_tui.framework.bank import Framework
from trustone_tui.store.bankcache import default_framework


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$TRUSTONE_DATA_DIR for this test only: no test ever touches the real home."""
    directory = tmp_path / "data"
    monkeypatch.setenv("TRUSTONE_DATA_DIR", str(directory))
    return directory


@pytest.fixture(scope="session")
def framework() -> Framework:
    return default_framework()


@pytest.fixture
def demo(framework: Framework) -> Session:
    return parse_session(demo_bytes(), "demo", framework)
