"""Fixtures for driving the real app with Textual's Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustone_tui.answerfile.read import parse_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.session import Session
from trustone_tui.store.bankcache import default_framework
from trustone_tui.store.sessions import DATA_DIR_ENV
from trustone_tui.store.settings import CONFIG_DIR_ENV


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own session folder; nothing touches the real home directory."""
    folder = tmp_path / "sessions"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings folder: the user's own settings never count."""
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def framework():
    return default_framework()


@pytest.fixture
def demo_session(framework) -> Session:
    return parse_session(demo_bytes(), "demo", framework)


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    """The demo session as an ordinary answer file on disk."""
    path = tmp_path / "van-dijk.toml"
    path.write_bytes(demo_bytes())
    return path
