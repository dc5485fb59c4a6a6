"""The typed way for a screen (or widget, or palette provider) to reach the app.

``self.app`` is typed ``App[Any]`` by Textual, so every use of the app's own state was untyped.
``trustone_app(node)`` returns the app as :class:`AppHost`: what screens may use of it. It is a
protocol, not ``TrustoneApp`` itself, because tui/app.py imports the screens: importing the app
class here (even for type checking only) would make screens and app import each other.
tui/app.py checks that ``TrustoneApp`` provides every member.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from trustone_tui.engine.history import Change, History
    from trustone_tui.engine.planner import BestCase, Plan
    from trustone_tui.engine.scoring import Assessment
    from trustone_tui.engine.session import Session
    from trustone_tui.framework.bank import Framework
    from trustone_tui.report.compare import AnswerSide
    from trustone_tui.store.sessions import RecentSession
    from trustone_tui.store.settings import Settings


class AppHost(Protocol):
    """What screens use of the app: its state (read-only) and the intents it carries out."""

    @property
    def framework(self) -> Framework: ...

    @property
    def session(self) -> Session | None: ...

    @property
    def assessment(self) -> Assessment | None: ...

    @property
    def plan(self) -> Plan | None: ...

    @property
    def best(self) -> BestCase | None: ...

    @property
    def what_if(self) -> bool: ...

    @property
    def clock(self) -> Callable[[], dt.datetime]: ...

    def ensure_outlook(self) -> None: ...

    def action_plan(self) -> None: ...

    @property
    def settings(self) -> Settings: ...

    def previous_side(self, question_id: str) -> AnswerSide | None: ...

    @property
    def history(self) -> History: ...

    def update_session(self, session: Session) -> None: ...

    def undo(self) -> Change | None: ...

    def redo(self) -> Change | None: ...

    def assessment_year(self) -> int: ...

    def action_record_outcome(self) -> None: ...

    def data_directory(self) -> Path: ...

    def recent_sessions(self) -> list[RecentSession]: ...

    def open_file(self, path: Path) -> None: ...

    def action_new_session(self) -> None: ...

    def action_open_demo(self) -> None: ...

    def action_open_path(self) -> None: ...

    def action_open_overview(self) -> None: ...

    def jump_to(self, question_id: str) -> None: ...


class _HasApp(Protocol):
    @property
    def app(self) -> App[Any]: ...


def trustone_app(node: _HasApp) -> AppHost:
    """The running TrustoneApp of ``node``: a screen, a widget or a command palette provider."""
    return cast("AppHost", node.app)
