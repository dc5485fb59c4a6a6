"""The report package gives its public names without importing every report up front."""

from __future__ import annotations

import subprocess
import sys

import pytest

import trustone_tui.report as report
from trustone_tui.report import render


def test_the_package_names_are_those_of_the_render_module():
    for name in report.__all__:
        assert getattr(report, name) is getattr(render, name)
    from trustone_tui.report import FORMATS, render_report

    assert (FORMATS, render_report) == (render.FORMATS, render.render_report)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = report.nothing_here  # type: ignore[attr-defined]
    with pytest.raises(ImportError):
        from trustone_tui.report import nothing_here  # type: ignore[attr-defined]  # noqa: F401


def test_scoring_json_imports_no_other_report():
    """``trustone score`` needs only ``report.scorejson``; the rest cost about 30 ms a start."""
    code = (
        "import sys\n"
        "import trustone_tui.report.scorejson\n"
        "print(sorted(m for m in sys.modules if m.startswith('trustone_tui.report')))\n"
        "from trustone_tui.report import render_report\n"
        "print('trustone_tui.report.render' in sys.modules)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert proc.stdout.splitlines() == [
        "['trustone_tui.report', 'trustone_tui.report.scorejson']",
        "True",
    ]
