"""Reports of a session: Markdown, HTML, CSV and JSON exports (pure, no I/O, no Textual).

``render_report(session, framework, "html")`` is what the command line and the TUI call. The
names below live in :mod:`~trustone_tui.report.render` and are imported on first use, so that
importing one report module (``trustone score`` needs only ``report.scorejson``) does not
import them all (about 30 ms of every start).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from trustone_tui.report.render import FORMATS as FORMATS
    from trustone_tui.report.render import SUFFIXES as SUFFIXES
    from trustone_tui.report.render import ReportFormat as ReportFormat
    from trustone_tui.report.render import default_filename as default_filename
    from trustone_tui.report.render import render_report as render_report

#: The names this package gives, each from :mod:`~trustone_tui.report.render`.
__all__ = ["FORMATS", "SUFFIXES", "ReportFormat", "default_filename", "render_report"]


def __getattr__(name: str) -> Any:
    """A name of :data:`__all__`, from :mod:`~trustone_tui.report.render` when first asked."""
    if name in __all__:
        value = getattr(importlib.import_module("trustone_tui.report.render"), name)
        globals()[name] = value  # asked once
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
