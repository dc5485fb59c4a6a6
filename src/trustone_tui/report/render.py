"""A session's report as the bytes of a Markdown, HTML, CSV or JSON file (pure, no I/O).

``render_report(session, framework, "html")`` is what the command line and the TUI call
(as ``trustone_tui.report.render_report``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from typing import Literal

from trustone_tui.engine.scoring import Assessment, assess
from trustone_tui.engine.session import Session
from trustone_tui.framework.bank import Framework
from trustone_tui.report import registersection as register_section
from trustone_tui.report.actionplan import (
    PLAN_CSS,
    html_section,
    markdown_section,
    plan_json,
    plan_view,
)
from trustone_tui.report.content import build_content
from trustone_tui.report.csvtable import DEFAULT_DIALECT, DIALECTS, render_csv
from trustone_tui.report.htmlpage import render_html
from trustone_tui.report.jsondoc import export_json
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
    today: dt.date | None = None,
) -> bytes:
    """The session's report as the bytes of a file in ``fmt`` (UTF-8; CSV with a BOM).

    Pass ``assessment`` when you already have it (it must be ``assess(framework, session)``).
    ``final`` marks the Markdown and HTML report *definitief* in its sign-off block (else
    *concept*). Markdown, HTML and JSON include the supply-chain register's figures and its
    unknown links (when the session keeps a register) and the plan of action (actions overdue on the
    assessment date, else on ``today``, default the current date), before the sign-off.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if csv_dialect not in DIALECTS:
        raise ValueError(f"unknown CSV dialect {csv_dialect!r}; expected one of {sorted(DIALECTS)}")
    assessment = assessment or assess(framework, session)
    if fmt == "csv":
        version = session.framework_version or framework.version
        return render_csv(session, assessment, version, csv_dialect)
    view = plan_view(framework, session, today or dt.date.today())
    if fmt == "json":
        document = export_json(session, assessment, framework)
        document["register"] = register_section.register_json(session, framework)
        document["plan_of_action"] = plan_json(view)
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    content = build_content(session, framework, assessment, final)
    if fmt == "md":
        sections = [*register_section.markdown_section(session, framework), *markdown_section(view)]
        text = _before(render_markdown(content), "## Ondertekening", "\n".join(sections))
    else:
        text = render_html(content).replace("</style>", PLAN_CSS + "</style>", 1)
        sections_html = register_section.html_section(session, framework) + html_section(view)
        text = _before(text, '<section class="signoff">', sections_html)
    return text.encode("utf-8")


def _before(text: str, marker: str, section: str) -> str:
    """``text`` with ``section`` put before ``marker`` (at the end when there is none)."""
    at = text.find(marker)
    if at < 0:
        return text + section
    return text[:at] + section + "\n" + text[at:]


def default_filename(session: Session, fmt: ReportFormat) -> str:
    """A file name to suggest, e.g. ``natuursteen-van-dijk-zn-b-v-2026-11-12.html``."""
    ascii_name = (
        unicodedata.normalize("NFKD", session.company.name).encode("ascii", "ignore").decode()
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-") or "rapport"
    date = session.interview.date
    return f"{slug}-{date.isoformat()}{SUFFIXES[fmt]}" if date else f"{slug}{SUFFIXES[fmt]}"
