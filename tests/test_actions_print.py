"""The publishable plan of action printed by headless Chromium comes out on A4 (skipped without
Chromium and poppler-utils), and its progress notes stay out unless asked for."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "render_plan.py"


def load_script():
    spec = importlib.util.spec_from_file_location("render_plan", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render_plan = load_script()
MISSING = render_plan.browser.missing_tools()


@pytest.mark.slow
@pytest.mark.skipif(
    bool(MISSING),
    reason=f"needs {', '.join(MISSING)} (Debian packages chromium and poppler-utils)",
)
def test_the_demo_plan_prints_on_one_a4_page(tmp_path: Path):
    png = tmp_path / "plan.png"
    sizes = render_plan.render(None, tmp_path, png)
    assert len(sizes) == 1 and render_plan.browser.is_a4(sizes[0]), sizes
    assert png.read_bytes().startswith(b"\x89PNG")
    page = (tmp_path / "plan.html").read_text()
    assert "te laat" in page and "groevegegevens" not in page  # the note is internal
    render_plan.render(None, tmp_path, None, notes=True)
    assert "groevegegevens" in (tmp_path / "plan.html").read_text()
