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


def page_texts(pdf: Path) -> list[str]:
    import subprocess

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def content_bottoms(pdf: Path) -> list[float]:
    """Per page, how far down the body text reaches, as a share of the page (margin boxes of
    the header and footer left out)."""
    import re
    import subprocess

    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    shares = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", boxes, re.DOTALL):
        height = 841.92
        body = [
            float(y)
            for top, y in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', page)
            if float(top) > 17 / 25.4 * 72 and float(y) < height - 16 / 25.4 * 72
        ]
        shares.append(max(body, default=0.0) / height)
    return shares


@pytest.mark.slow
@pytest.mark.skipif(bool(MISSING), reason=f"needs {', '.join(MISSING)}")
def test_every_printed_page_has_the_header_and_footer(tmp_path: Path):
    render_report.render(None, tmp_path, None)
    pages = page_texts(tmp_path / "report.pdf")
    for number, text in enumerate(pages, start=1):
        assert text.startswith("Natuursteen Van Dijk & Zn. B.V. Beoordeling 12 november 2026")
        assert text.endswith(
            f"Beoordelingskader Initiatief TruStone, versie 1.0 pagina {number} van {len(pages)}"
        )
    assert "Ondertekening Status concept" in pages[-1]


@pytest.mark.slow
@pytest.mark.skipif(bool(MISSING), reason=f"needs {', '.join(MISSING)}")
def test_a_long_note_does_not_leave_a_page_two_thirds_empty(tmp_path: Path):
    from report_fixtures import demo_session, framework
    from trustone_tui.answerfile.write import dump_session

    session = demo_session()
    long_note = "\n".join(
        f"Gesprek {n}: de leverancier in Xiamen heeft de gevraagde audit nog niet gedeeld; "
        "afgesproken is dat de inkoper het rapport opvraagt en doorstuurt."
        for n in range(45)
    )
    for qid in ("1.1.4", "2.4.9"):  # 2.4.9 is marked for follow-up: in the list on page 2
        given = session.answer(qid)
        session = session.with_answer(qid, type(given)(**{**vars_of(given), "note": long_note}))
    answer_file = tmp_path / "lang.toml"
    answer_file.write_bytes(dump_session(session, framework()))
    render_report.render(answer_file, tmp_path, None)
    pages = page_texts(tmp_path / "report.pdf")
    bottoms = content_bottoms(tmp_path / "report.pdf")
    # The pages before a forced break (the questions start a page, so does the sign-off) and
    # the last page may end early; every other page is filled beyond its first third.
    first_question_page = next(i for i, t in enumerate(pages) if "Vragen per stap" in t)
    allowed = {first_question_page - 1, len(pages) - 2, len(pages) - 1}
    empty = [
        (n + 1, round(share, 2))
        for n, share in enumerate(bottoms)
        if n not in allowed and share < 1 / 3
    ]
    assert not empty
    # The note is printed once, at its question.
    assert sum(t.count("Gesprek 44:") for t in pages) == 2


def vars_of(value) -> dict:
    import dataclasses

    return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
