"""The HTML report printed by headless Chromium comes out on A4 (skipped without Chromium).

The structural print rules (``@page { size: A4 }``, page breaks, no external assets) are checked
without a browser in test_report_export.py; this test prints the real thing.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "render_report.py"


def load_script():
    spec = importlib.util.spec_from_file_location("render_report", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render_report = load_script()
MISSING = render_report.missing_tools()


@pytest.mark.slow
@pytest.mark.skipif(
    bool(MISSING),
    reason=f"needs {', '.join(MISSING)} (Debian packages chromium and poppler-utils)",
)
def test_demo_report_prints_on_a4_pages(tmp_path: Path):
    png = tmp_path / "page1.png"
    sizes = render_report.render(None, tmp_path, png)
    assert len(sizes) >= 3  # summary pages, then the questions from a new page
    assert all(render_report.is_a4(size) for size in sizes), sizes
    assert png.read_bytes().startswith(b"\x89PNG")


def test_is_a4():
    assert render_report.is_a4((594.96, 841.92))
    assert not render_report.is_a4((612, 792))  # US Letter
