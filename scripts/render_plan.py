"""Print the publishable plan of action with headless Chromium and check it comes out on A4.

    .venv/bin/python scripts/render_plan.py [ANSWER_FILE] [--notes] [--out DIR] [--png PATH]

Renders the plan of action of ANSWER_FILE (default: the demo company with the actions drafted
from its plan, owners filled in, one of them overdue) as ``trustone actions --format html``
does, prints it to PDF with headless Chromium, checks with ``pdfinfo`` that every page is A4 and
writes the first page as PNG (default: screenshots/plan-a4-page1.png). The browser steps are
those of scripts/render_report.py. Exit 0 when every page is A4, 1 when not, 3 when a tool is
missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from trustone_tui.answerfile.read import parse_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.actions import ProgressEntry
from trustone_tui.engine.planner import plan
from trustone_tui.engine.session import Session
from trustone_tui.framework.bank import Framework
from trustone_tui.report.actionplan import plan_view, render_plan
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.bankcache import default_framework
from trustone_tui.text.actions import draft_actions

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PNG = ROOT / "screenshots" / "plan-a4-page1.png"
DEMO_DAY = dt.date(2026, 11, 12)  # the demo's assessment date
OWNERS = ("Inkoop", "Inkoop", "Directie", "Duurzaamheid", "Duurzaamheid", "Directie")


def _browser_steps() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "render_report", ROOT / "scripts/render_report.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


browser = _browser_steps()


def demo_with_plan(framework: Framework) -> Session:
    """The demo company with its plan's steps as actions, as a company might have them."""
    session = parse_session(demo_bytes(), "demo", framework)
    drafts = list(draft_actions(framework, session, plan(framework, session), dt.date(2026, 5, 1)))
    drafts = [replace(a, owner=owner) for a, owner in zip(drafts, OWNERS, strict=False)]
    drafts[0] = replace(
        drafts[0],
        status="bezig",
        progress=(ProgressEntry(dt.date(2026, 9, 1), "Drie fabrieken om groevegegevens gevraagd"),),
    )
    drafts[1] = replace(drafts[1], due=dt.date(2026, 10, 1))  # overdue on the assessment date
    drafts[2] = replace(drafts[2], status="klaar")
    return replace(session, actions=tuple(drafts))


def render(
    answer_file: Path | None, out: Path, png: Path | None, notes: bool = False
) -> list[tuple[float, float]]:
    """Write plan.html and plan.pdf to ``out`` (and the first page to ``png``)."""
    framework = default_framework()
    if answer_file is None:
        session = demo_with_plan(framework)
    else:
        session = load_session(answer_file, framework)
    html_path = out / "plan.html"
    pdf_path = out / "plan.pdf"
    view = plan_view(framework, session, DEMO_DAY)
    html_path.write_bytes(render_plan(view, "html", notes=notes))
    with tempfile.TemporaryDirectory(prefix="trustone-chromium-") as profile:
        browser.print_to_pdf(html_path, pdf_path, Path(profile))
    if png is not None:
        browser.first_page_png(pdf_path, png)
    sizes: list[tuple[float, float]] = browser.page_sizes(pdf_path)
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, help="answer file (default: the demo)")
    parser.add_argument("--notes", action="store_true", help="include the progress notes")
    parser.add_argument("--out", type=Path, help="directory for plan.html and plan.pdf")
    parser.add_argument("--png", type=Path, default=DEFAULT_PNG, help="first page as PNG")
    args = parser.parse_args(argv)
    if browser.say_missing_tools("render_plan"):
        return 3
    with tempfile.TemporaryDirectory(prefix="trustone-plan-") as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        sizes = render(args.file, out, args.png, args.notes)
        print(f"{len(sizes)} pages; first page {sizes[0][0]} x {sizes[0][1]} pt")
    print(f"wrote {args.png}")
    result: int = browser.a4_verdict(sizes)
    return result


if __name__ == "__main__":
    sys.exit(main())
