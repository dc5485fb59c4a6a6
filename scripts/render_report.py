"""Print the HTML report with headless Chromium and check it comes out on A4.

    .venv/bin/python scripts/render_report.py [ANSWER_FILE] [--out DIR] [--png PATH]
        [--question-png PATH]

Exports ANSWER_FILE (default: the demo session) as HTML, prints it to PDF with headless Chromium
(Debian package ``chromium``), checks with ``pdfinfo`` (``poppler-utils``) that every page is A4,
and turns the first page into a PNG with ``pdftoppm``, and the first page of the questions
(the page "Vragen per stap" starts on) into another. Writes report.html and report.pdf to
--out (default: a temporary directory) and the PNGs to --png (default:
screenshots/report-a4-page1.png) and --question-png (default:
screenshots/report-a4-questions.png). Exit 0 when the PDF is A4, 1 when not, 3 when a tool is
missing.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from trustone_tui.answerfile.read import parse_session
from trustone_tui.demo import demo_bytes
from trustone_tui.report import render_report
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.bankcache import default_framework

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PNG = ROOT / "screenshots" / "report-a4-page1.png"
DEFAULT_QUESTION_PNG = ROOT / "screenshots" / "report-a4-questions.png"
#: The heading the question pages start with.
QUESTIONS_HEADING = "Vragen per stap"
#: A4 in PostScript points (210 x 297 mm); Chromium rounds to 594.96 x 841.92.
A4_POINTS = (595.28, 841.89)
TOLERANCE = 1.0
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)
TOOLS = ("chromium", "pdfinfo", "pdftoppm")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def say_missing_tools(script: str) -> bool:
    """Whether a tool is missing; if so, say which on standard error, naming ``script``."""
    missing = missing_tools()
    if missing:
        print(
            f"{script}: {', '.join(missing)} not found; install the Debian packages "
            "chromium and poppler-utils",
            file=sys.stderr,
        )
    return bool(missing)


def a4_verdict(sizes: list[tuple[float, float]]) -> int:
    """Say whether every page is A4: exit status 0 when so, 1 (naming the pages) when not."""
    bad = [n for n, size in enumerate(sizes, start=1) if not is_a4(size)]
    if bad:
        print(f"pages not A4: {bad}", file=sys.stderr)
        return 1
    print("every page is A4")
    return 0


def print_to_pdf(html_path: Path, pdf_path: Path, profile: Path) -> None:
    subprocess.run(
        [
            "chromium",
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf_path}",
            html_path.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def page_sizes(pdf_path: Path) -> list[tuple[float, float]]:
    """Width and height in points of every page, read with ``pdfinfo -f 1 -l N``."""
    info = subprocess.run(
        ["pdfinfo", str(pdf_path)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    detail = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(pages), str(pdf_path)],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return [
        (float(w), float(h))
        for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", detail, re.MULTILINE)
    ]


def is_a4(size: tuple[float, float]) -> bool:
    return all(abs(a - b) <= TOLERANCE for a, b in zip(size, A4_POINTS, strict=True))


def first_page_png(pdf_path: Path, png_path: Path, dpi: int = 96) -> None:
    page_png(pdf_path, png_path, 1, dpi)


def questions_page(pdf_path: Path) -> int:
    """The number of the page on which the questions start."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf_path), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    for number, page in enumerate(text.split("\f"), start=1):
        if QUESTIONS_HEADING in page:
            return number
    raise ValueError(f"no page with {QUESTIONS_HEADING!r} in {pdf_path}")


def page_png(pdf_path: Path, png_path: Path, page: int, dpi: int = 96) -> None:
    png_path.parent.mkdir(parents=True, exist_ok=True)
    stem = png_path.with_suffix("")
    pages = ["-f", str(page), "-l", str(page), "-singlefile"]
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), *pages, str(pdf_path), str(stem)],
        check=True,
        capture_output=True,
        timeout=60,
    )


def render(
    answer_file: Path | None, out: Path, png: Path | None, question_png: Path | None = None
) -> list[tuple[float, float]]:
    """Write report.html and report.pdf to ``out`` (the first page to ``png``, the first page
    of the questions to ``question_png``)."""
    framework = default_framework()
    if answer_file is None:
        session = parse_session(demo_bytes(), "demo", framework)
    else:
        session = load_session(answer_file, framework)
    html_path = out / "report.html"
    pdf_path = out / "report.pdf"
    html_path.write_bytes(render_report(session, framework, "html"))
    with tempfile.TemporaryDirectory(prefix="trustone-chromium-") as profile:
        print_to_pdf(html_path, pdf_path, Path(profile))
    if png is not None:
        first_page_png(pdf_path, png)
    if question_png is not None:
        page_png(pdf_path, question_png, questions_page(pdf_path))
    return page_sizes(pdf_path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, help="answer file (default: the demo)")
    parser.add_argument("--out", type=Path, help="directory for report.html and report.pdf")
    parser.add_argument("--png", type=Path, default=DEFAULT_PNG, help="first page as PNG")
    parser.add_argument(
        "--question-png",
        type=Path,
        default=DEFAULT_QUESTION_PNG,
        help="first page of the questions as PNG",
    )
    args = parser.parse_args(argv)
    if say_missing_tools("render_report"):
        return 3
    with tempfile.TemporaryDirectory(prefix="trustone-report-") as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        sizes = render(args.file, out, args.png, args.question_png)
        print(f"{len(sizes)} pages; first page {sizes[0][0]} x {sizes[0][1]} pt")
        if args.out:
            print(f"wrote {out / 'report.html'} and {out / 'report.pdf'}")
    print(f"wrote {args.png} and {args.question_png}")
    return a4_verdict(sizes)


if __name__ == "__main__":
    sys.exit(main())
