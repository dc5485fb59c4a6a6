"""Helpers shared by the app tests (fixtures live in conftest.py)."""

from __future__ import annotations

from typing import Any, TypeVar

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

from trustone_tui.framework.bank import Framework
from trustone_tui.tui.app import TrustoneApp

S = TypeVar("S")

#: The terminal size the app tests run at, unless a test is about size.
SIZE = (120, 40)


def make_app(framework: Framework, **kwargs: Any) -> TrustoneApp:
    return TrustoneApp(framework, **kwargs)


def text_of(app: TrustoneApp, selector: str) -> str:
    """The plain text a Static shows."""
    return str(app.screen.query_one(selector, Static).content)


async def open_by_key(app: TrustoneApp, pilot: Pilot[None], key: str, kind: type[S]) -> S:
    """Press ``key`` once the app has settled and return the screen it opened, a ``kind``."""
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, kind), type(screen).__name__
    return screen


def key_word(key: Widget) -> str:
    """What a key of the key bar does: its description, or for a key shown in a group (the
    answer keys under "Antwoord") its tooltip."""
    description = str(getattr(key, "description", ""))
    return description or str(key.tooltip or "")
