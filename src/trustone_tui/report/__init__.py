"""Reports of a session: Markdown, HTML, CSV and JSON exports (pure, no I/O, no Textual).

``render_report(session, framework, "html")`` is what the command line and the TUI call.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from trustone_tui.engine.scoring import Assessment, assess
from trustone_tui.engine.session import Session
from trustone_tui.framework.bank import Framework
from trustone_tui.report.content import build_content
from trustone_tui.report.csvtable import DEFAULT_DIALECT, DIALECTS, render_csv
from trustone_tui.report.htmlpage import render_html
from trustone_tui.report.jsondoc import render_json
from trustone_tui.report.markdown import render_markdown

ReportFormat = Literal["md", "html", "csv", "json"]
FORMATS: tuple[ReportFormat, ...] = ("md", "html", "csv", "json")
#: File name suffix per format (for a suggested file name and to infer the format from -o).
SUFFIXES: dict[ReportFormat, str] = {"md": ".md", "html": ".html", "csv": ".csv", "json": ".json"}


def render_report(
    session: Session,
    framework: Framework,
    fmt: ReportFormat,
    assessment: Assessment | None = None,
    csv_dialect: str = DEFAULT_DIALECT,
    final: bool = False,
) -> bytes:
    """The session's report as the bytes of a file in ``fmt`` (UTF-8; CSV with a BOM).

    Pass ``assessment`` when you already have it (it must be ``assess(framework, session)``).
    ``final`` marks the Markdown and HTML report *definitief* in its sign-off block (else
    *concept*).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if csv_dialect not in DIALECTS:
        raise ValueError(f"unknown CSV dialect {csv_dialect!r}; expected one of {sorted(DIALECTS)}")
    assessment = assessment or assess(framework, session)
    if fmt == "csv":
        version = session.framework_version or framework.version
        return render_csv(session, assessment, version, csv_dialect)
    if fmt == "json":
        return render_json(session, assessment, framework)
    content = build_content(session, framework, assessment, final)
    text = render_markdown(content) if fmt == "md" else render_html(content)
    return text.encode("utf-8")


def default_filename(session: Session, fmt: ReportFormat) -> str:
    """A file name to suggest, e.g. ``natuursteen-van-dijk-zn-b-v-2026-11-12.html``."""
    ascii_name = (
        unicodedata.normalize("NFKD", session.company.name).encode("ascii", "ignore").decode()
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-") or "rapport"
    date = session.interview.date
    return f"{slug}-{date.isoformat()}{SUFFIXES[fmt]}" if date else f"{slug}{SUFFIXES[fmt]}"
