"""The plan of action as a document: text, Markdown, HTML (A4, publishable), CSV and JSON.

``plan_view`` gathers what every format shows (the actions sorted by due date, whether each is
overdue, the counts and the level the open actions reach); the renderers only lay it out. The
HTML page is a document a company can publish: its progress notes are internal and left out
unless asked for (``notes=True``). The JSON shape is a contract (docs/actions.md).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Literal

from trustone_tui.engine.actionplan import reaches
from trustone_tui.engine.actions import CLOSED_STATUSES, Action, reference_date
from trustone_tui.engine.scoring import assess
from trustone_tui.engine.session import Session
from trustone_tui.framework.bank import Framework
from trustone_tui.report import markdown
from trustone_tui.report.csvtable import DEFAULT_DIALECT, DIALECTS, csv_bytes
from trustone_tui.report.htmlpage import CSS, PAGE_CSS, css_string, esc, note_html
from trustone_tui.text.actions import (
    OVERDUE_MARK,
    STATUS_LABELS,
    counts_line,
    date_text,
    due_text,
    status_counts,
)
from trustone_tui.text.plain import printable

PlanFormat = Literal["text", "md", "html", "csv", "json"]
PLAN_FORMATS: tuple[PlanFormat, ...] = ("text", "md", "html", "csv", "json")


@dataclass(frozen=True, slots=True)
class PlanView:
    """What every format of the plan shows."""

    company: str
    #: The day overdue is judged on: the assessment date, else today.
    on: dt.date
    #: True when ``on`` is the assessment date (False: today, the session has none).
    on_assessment_date: bool
    actions: tuple[Action, ...]
    level: str | None
    reaches: str | None

    def overdue(self, action: Action) -> bool:
        return action.is_overdue(self.on)


def by_due_date(actions: tuple[Action, ...]) -> tuple[Action, ...]:
    """The actions by due date; actions due on one day keep the file's order."""
    return tuple(sorted(actions, key=lambda a: a.due))


def plan_view(framework: Framework, session: Session, today: dt.date) -> PlanView:
    assessment = assess(framework, session)
    reached = reaches(framework, session, assessment)
    return PlanView(
        company=session.company.name,
        on=reference_date(session.interview.date, today),
        on_assessment_date=session.interview.date is not None,
        actions=by_due_date(session.actions),
        level=assessment.level.id if assessment.level else None,
        reaches=reached.id if reached else None,
    )


def render_plan(
    view: PlanView, fmt: PlanFormat, *, notes: bool = False, csv_dialect: str = DEFAULT_DIALECT
) -> bytes:
    """The plan as the bytes of a file in ``fmt`` (UTF-8; CSV with a BOM).

    ``notes``: the progress notes in Markdown, HTML and CSV (text and JSON always have them).
    """
    if fmt == "json":
        return (json.dumps(plan_json(view), ensure_ascii=False, indent=2) + "\n").encode()
    if fmt == "csv":
        return _csv(view, notes, csv_dialect)
    if fmt == "md":
        return _markdown(view, notes).encode()
    if fmt == "html":
        return _html(view, notes).encode()
    return _text(view).encode()


# --------------------------------------------------------------------------- JSON


def plan_json(view: PlanView) -> dict[str, Any]:
    """``{company, date, actions: [...], counts: {...}, reaches}`` (docs/actions.md)."""
    return {
        "company": view.company,
        "date": view.on.isoformat(),
        "actions": [
            {
                "id": a.id,
                "text": a.text,
                "questions": list(a.questions),
                "owner": a.owner,
                "due": a.due.isoformat(),
                "status": a.status,
                "overdue": view.overdue(a),
                "progress": [{"date": p.date.isoformat(), "note": p.note} for p in a.progress],
            }
            for a in view.actions
        ],
        "counts": status_counts(view.actions, view.on),
        "reaches": view.reaches,
    }


# --------------------------------------------------------------------------- words


def plan_page_css(view: PlanView) -> str:
    """Every printed page of the plan: company and date at the top, "pagina N van M" below."""
    return PAGE_CSS % {
        "company": css_string(title(view)),
        "date": css_string(date_line(view)),
        "framework": css_string("Initiatief TruStone"),
    }


def title(view: PlanView) -> str:
    return f"Plan van aanpak — {view.company}"


def date_line(view: PlanView) -> str:
    source = "beoordelingsdatum" if view.on_assessment_date else "vandaag"
    return f"Peildatum: {date_text(view.on)} ({source})"


def reaches_line(view: PlanView) -> str:
    """What the open actions bring: ``Als alle open acties hun doel halen: C3 (nu C2)``."""
    now = view.level or "geen niveau"
    if all(a.status in CLOSED_STATUSES for a in view.actions):
        return f"Niveau nu: {now}; geen open acties"
    return f"Als alle open acties hun doel halen: {view.reaches or 'geen niveau'} (nu {now})"


def questions_text(action: Action) -> str:
    return ", ".join(action.questions) if action.questions else "—"


# --------------------------------------------------------------------------- text


def _text(view: PlanView) -> str:
    lines = [title(view), date_line(view), reaches_line(view), counts_line(view.actions, view.on)]
    for a in view.actions:
        owner = f"  eigenaar: {a.owner}" if a.owner else ""
        lines += [
            "",
            f"{a.id}  [{STATUS_LABELS[a.status]}]  vóór {due_text(a, view.on)}{owner}",
            f"    {a.text}",
            f"    vragen: {questions_text(a)}",
        ]
        lines += [f"    {date_text(p.date)}: {' '.join(p.note.split())}" for p in a.progress]
    return printable("\n".join(lines)) + "\n"


# --------------------------------------------------------------------------- Markdown


def _markdown(view: PlanView, notes: bool) -> str:
    lines = [f"# {markdown.inline(title(view))}", "", *markdown_body(view, notes)]
    return "\n".join(lines) + "\n"


def markdown_section(view: PlanView, notes: bool = True) -> list[str]:
    """The plan as a section of the exported report (``## Plan van aanpak``)."""
    return ["## Plan van aanpak", "", *markdown_body(view, notes), ""]


def markdown_body(view: PlanView, notes: bool) -> list[str]:
    """The plan's lines below its title: date, what it reaches, counts, the table, notes."""
    inline = markdown.inline
    lines = [
        f"{date_line(view)}  ",
        f"{inline(reaches_line(view))}  ",
        counts_line(view.actions, view.on),
        "",
    ]
    header = ["Actie", "Wat", "Vragen", "Eigenaar", "Vóór", "Status"]
    rows = [
        [
            inline(a.id),
            markdown.cell(a.text),
            questions_text(a),
            inline(a.owner),
            f"**{due_text(a, view.on)}**" if view.overdue(a) else due_text(a, view.on),
            STATUS_LABELS[a.status],
        ]
        for a in view.actions
    ]
    lines += markdown.table(header, rows, "llllll") if rows else ["Nog geen acties."]
    if notes:
        for a in (a for a in view.actions if a.progress):
            lines += ["", f"### Voortgang {inline(a.id)}", ""]
            lines += [f"- {date_text(p.date)}: {markdown.inline(p.note)}" for p in a.progress]
    return lines


# --------------------------------------------------------------------------- HTML

PLAN_CSS = """
td.due { white-space: nowrap; }
td.overdue { color: #a3191b; font-weight: bold; }
.mark { display: inline-block; border: 0.75pt solid #a3191b; border-radius: 1mm;
  padding: 0 1mm; font-size: 8.5pt; }
"""


def _html(view: PlanView, notes: bool) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title(view))}</title>\n<style>{plan_page_css(view)}{CSS}{PLAN_CSS}</style>\n"
        "</head>\n<body>\n"
        f"<header><h1>{esc(title(view))}</h1>{html_summary(view)}</header>\n"
        f"<section>{html_table(view, notes)}</section>\n</body>\n</html>\n"
    )


def html_section(view: PlanView, notes: bool = True) -> str:
    """The plan as a section of the exported report (its styles are :data:`PLAN_CSS`)."""
    return (
        f'<section class="plan-of-action"><h2>Plan van aanpak</h2>{html_summary(view)}'
        f"{html_table(view, notes)}</section>"
    )


def html_summary(view: PlanView) -> str:
    return (
        f'<p class="subtitle">{esc(date_line(view))} · {esc(reaches_line(view))}</p>'
        f"<p>{esc(counts_line(view.actions, view.on))}</p>"
    )


def html_table(view: PlanView, notes: bool) -> str:
    rows = []
    for a in view.actions:
        due = esc(date_text(a.due))
        if view.overdue(a):
            due = f'<td class="due overdue">{due} <span class="mark">{OVERDUE_MARK}</span></td>'
        else:
            due = f'<td class="due">{due}</td>'
        progress = ""
        if notes and a.progress:
            progress = "".join(
                f"<li>{esc(date_text(p.date))}: {note_html(p.note)}</li>" for p in a.progress
            )
            progress = f'<ul class="progress">{progress}</ul>'
        rows.append(
            f"<tr><td>{esc(a.id)}</td><td>{esc(a.text)}{progress}</td>"
            f"<td>{esc(questions_text(a))}</td><td>{esc(a.owner)}</td>{due}"
            f"<td>{esc(STATUS_LABELS[a.status])}</td></tr>"
        )
    if not rows:
        return "<p>Nog geen acties.</p>"
    return (
        "<table><thead><tr><th>Actie</th><th>Wat</th><th>Vragen</th><th>Eigenaar</th>"
        f"<th>Vóór</th><th>Status</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


# --------------------------------------------------------------------------- CSV

CSV_HEADER = ("bedrijf", "actie", "tekst", "vragen", "eigenaar", "voor", "status", "te_laat")


def _csv(view: PlanView, notes: bool, dialect: str) -> bytes:
    header = CSV_HEADER + (("voortgang",) if notes else ())
    rows = []
    for a in view.actions:
        row: list[str | None] = [
            view.company,
            a.id,
            a.text,
            " ".join(a.questions),
            a.owner,
            a.due.isoformat(),
            a.status,
            "ja" if view.overdue(a) else "nee",
        ]
        if notes:
            row.append("\n".join(f"{p.date.isoformat()}: {p.note}" for p in a.progress))
        rows.append(row)
    return csv_bytes(header, rows, DIALECTS[dialect])


# --------------------------------------------------------------------------- across companies


@dataclass(frozen=True, slots=True)
class OverdueRow:
    """One overdue action of one company, for the secretariat's list."""

    file: str
    company: str
    #: The day it is overdue on (the company's assessment date, else today).
    on: dt.date
    action: Action


def overdue_rows(sessions: list[tuple[str, Session]], today: dt.date) -> list[OverdueRow]:
    """Every overdue action across the sessions: by company (in the order given), by due date."""
    rows: list[OverdueRow] = []
    for file, session in sessions:
        on = reference_date(session.interview.date, today)
        rows.extend(
            OverdueRow(file, session.company.name, on, a)
            for a in by_due_date(session.actions)
            if a.is_overdue(on)
        )
    return rows


OVERDUE_HEADER = (
    "bestand",
    "bedrijf",
    "peildatum",
    "actie",
    "tekst",
    "vragen",
    "eigenaar",
    "voor",
    "status",
)


def render_overdue(
    rows: list[OverdueRow], fmt: Literal["text", "csv", "json"], csv_dialect: str = DEFAULT_DIALECT
) -> bytes:
    """The overdue actions as text (one line each), CSV or JSON (a list of objects)."""
    if fmt == "json":
        items = [
            {
                "file": r.file,
                "company": r.company,
                "date": r.on.isoformat(),
                "id": r.action.id,
                "text": r.action.text,
                "questions": list(r.action.questions),
                "owner": r.action.owner,
                "due": r.action.due.isoformat(),
                "status": r.action.status,
            }
            for r in rows
        ]
        return (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode()
    if fmt == "csv":
        table = [
            [
                r.file,
                r.company,
                r.on.isoformat(),
                r.action.id,
                r.action.text,
                " ".join(r.action.questions),
                r.action.owner,
                r.action.due.isoformat(),
                r.action.status,
            ]
            for r in rows
        ]
        return csv_bytes(OVERDUE_HEADER, table, DIALECTS[csv_dialect])
    word = "actie" if len(rows) == 1 else "acties"
    lines = [f"{len(rows)} {word} {OVERDUE_MARK}"]
    for r in rows:
        owner = f" ({r.action.owner})" if r.action.owner else ""
        lines.append(
            f"{r.company} · {r.action.id} [{STATUS_LABELS[r.action.status]}] vóór "
            f"{date_text(r.action.due)} (peildatum {date_text(r.on)}){owner}: "
            f"{' '.join(r.action.text.split())}"
        )
    return (printable("\n".join(lines)) + "\n").encode()
