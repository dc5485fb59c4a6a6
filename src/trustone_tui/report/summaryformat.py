"""The summary as text (for the terminal), CSV (one row per file) or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from trustone_tui.report.csvtable import DEFAULT_DIALECT, DIALECTS, Cell, csv_bytes
from trustone_tui.report.scorejson import level_gap_json
from trustone_tui.report.summary import NO_LEVEL, CompanyRow, Summary, company_key
from trustone_tui.text import formatting
from trustone_tui.text.conditions import gap_line
from trustone_tui.text.plain import clip, printable
from trustone_tui.text.reportwords import SIZE_WORDS

NAME_WIDTH = 32
INTERVIEWER_WIDTH = 16
SHORT_SIZES = {"small": "klein", "medium_large": "mg/groot"}
TOP_LEVEL = "hoogste niveau bereikt"


def next_missing(row: CompanyRow) -> str:
    """Every condition the next level still lacks: ``C3: nog 28 punten; inzicht groeves nog
    5 procentpunt``."""
    return gap_line(row.next_gap) if row.next_gap else TOP_LEVEL


def _date(row: CompanyRow) -> str:
    return row.date.isoformat() if row.date else "—"


def _company_table(summary: Summary) -> list[str]:
    header = (
        f"  {'Bedrijf':<{NAME_WIDTH}} {'Cat':<3} {'Grootte':<8} {'Datum':<10} {'Kader':<6} "
        f"{'Interviewer':<{INTERVIEWER_WIDTH}} {'Punten':>11} {'%':>6} {'Groeves':>7} "
        f"{'Fabr.':>6}  {'Niveau':<6} {'Open':>4}  {'Acties':<14}  Volgend"
    )
    lines = [header]
    for row in summary.companies:
        score = f"{formatting.points(row.points)} / {formatting.points(row.max_points)}"
        interviewer = clip(row.interviewer, INTERVIEWER_WIDTH) or "—"
        lines.append(
            f"  {clip(row.name, NAME_WIDTH):<{NAME_WIDTH}} {row.category:<3} "
            f"{SHORT_SIZES[row.size]:<8} {_date(row):<10} {row.framework_version:<6} "
            f"{interviewer:<{INTERVIEWER_WIDTH}} {score:>11} "
            f"{formatting.percent(row.percentage):>6} {formatting.percent(row.quarry_insight):>7} "
            f"{formatting.percent(row.factory_insight):>6}  {row.level or NO_LEVEL:<6} "
            f"{row.open_questions:>4}  {actions_cell(row):<14}  {next_missing(row)}"
        )
    return lines


def actions_cell(row: CompanyRow) -> str:
    """``3 open, 1 te laat``; ``—`` without actions to do."""
    if not row.open_actions:
        return "—"
    late = f", {row.overdue_actions} te laat" if row.overdue_actions else ""
    return f"{row.open_actions} open{late}"


def _duplicates(summary: Summary) -> list[str]:
    """Files of one company for one year: which one is used (or how many years are hidden)."""
    lines = []
    if summary.duplicates:
        lines += ["", f"Dubbele bestanden ({len(summary.duplicates)})"]
        for duplicate in summary.duplicates:
            year = duplicate.year if duplicate.year is not None else "zonder datum"
            lines.append(
                f"  {duplicate.company} ({year}): gebruikt {duplicate.used}; "
                f"niet meegeteld: {', '.join(duplicate.ignored)}"
            )
    if summary.earlier_years:
        count = summary.earlier_years
        noun = "beoordeling" if count == 1 else "beoordelingen"
        lines += [
            "",
            f"{count} eerdere {noun} niet getoond: per bedrijf staat de laatste "
            "beoordeling in de tabel (--all-years toont elk jaar).",
        ]
    return lines


def _levels(summary: Summary) -> list[str]:
    lines = ["Bedrijven per niveau"]
    for category, counts in summary.levels.items():
        parts = ", ".join(f"{level} {n}" for level, n in counts.items())
        lines.append(f"  Categorie {category}: {parts}")
    return lines


def _step_averages(summary: Summary) -> list[str]:
    categories = list(summary.step_averages)
    columns = {c: {a.step: a for a in summary.step_averages[c]} for c in categories}
    titles: dict[int, str] = {}
    for averages in summary.step_averages.values():
        for a in averages:
            titles.setdefault(a.step, a.title)
    order = [*sorted(s for s in titles if s), 0]
    width = max(len(clip(t, 40)) for t in titles.values()) + 2
    head = "".join(
        f"{'Categorie ' + c + ' (n=' + str(columns[c][0].companies) + ')':>20}" for c in categories
    )
    lines = ["Gemiddeld percentage per stap", f"  {'Stap':<{width + 2}}{head}"]
    for step in order:
        label = f"{step} " if step else "  "
        cells = "".join(
            f"{formatting.percent(columns[c][step].percentage) if step in columns[c] else '—':>20}"
            for c in categories
        )
        lines.append(f"  {label}{clip(titles[step], 40):<{width}}{cells}")
    return lines


def _most_nee(summary: Summary) -> list[str]:
    lines = ["Vaakst Nee geantwoord"]
    if not summary.most_nee:
        return [*lines, "  geen"]
    for item in summary.most_nee:
        count = f"{item.count} van {item.counted_for}"
        lines.append(f"  {item.question_id:<7} {count:>10}  {clip(item.text, 70)}")
    return lines


def aggregate_lines(summary: Summary) -> list[str]:
    """Companies per level, the average per step and the questions most often answered Nee."""
    return [*_levels(summary), "", *_step_averages(summary), "", *_most_nee(summary)]


def render_text(summary: Summary) -> str:
    """For a terminal; control characters in names are shown as escapes."""
    total = len(summary.companies) + len(summary.failed)
    count = len({company_key(row.name) for row in summary.companies})
    title = f"Samenvatting: {count} {'bedrijf' if count == 1 else 'bedrijven'}"
    if len(summary.companies) != count:
        title += f", {len(summary.companies)} beoordelingen"
    if summary.failed:
        title += f" ({len(summary.failed)} van {total} bestanden niet ingelezen)"
    lines = [title, *_duplicates(summary), ""]
    if summary.companies:
        lines += _company_table(summary)
        lines += ["", *aggregate_lines(summary)]
    if summary.failed:
        lines += ["", f"Niet ingelezen ({len(summary.failed)})"]
        lines += [f"  {failed.file}" for failed in summary.failed]
    return printable("\n".join(lines) + "\n")


SUMMARY_HEADER = (
    "bestand",
    "bedrijf",
    "categorie",
    "grootte",
    "punten",
    "max",
    "percentage",
    "niveau",
    "volgend_niveau",
    "punten_nodig",
    "open_vragen",
    "fout",
    "datum",
    "kaderversie",
    "interviewer",
    "inzicht_groeves",
    "inzicht_fabrieken",
    "inzicht_groeves_nodig",
    "inzicht_fabrieken_nodig",
    "kernvragen_ontbreken",
    "volgend_ontbreekt",
    "acties_open",
    "acties_te_laat",
    "ketens",
    "onbekend_eerste_schakel",
    "onbekend_fabriek",
    "onbekend_groeve",
)


def render_csv(summary: Summary, dialect: str = DEFAULT_DIALECT) -> bytes:
    """One row per file: the company's figures, or only the error for a file that failed."""
    rows: list[list[Cell]] = [
        [
            row.file,
            row.name,
            row.category,
            SIZE_WORDS[row.size],
            row.points,
            row.max_points,
            round(row.percentage, 2),
            row.level or NO_LEVEL,
            row.next_level or "",
            row.next_points_needed,
            row.open_questions,
            "",
            row.date.isoformat() if row.date else "",
            row.framework_version,
            row.interviewer,
            round(row.quarry_insight, 2),
            round(row.factory_insight, 2),
            row.next_gap.quarry_insight_needed if row.next_gap else None,
            row.next_gap.factory_insight_needed if row.next_gap else None,
            ", ".join(row.next_gap.core_questions_missing) if row.next_gap else "",
            next_missing(row),
            row.open_actions,
            row.overdue_actions,
            row.register_flows,
            *(
                (row.unknown_links or {}).get(kind)
                for kind in ("eerste_schakel", "fabriek", "groeve")
            ),
        ]
        for row in summary.companies
    ]
    rows += [[f.file, *([None] * 10), f.error, *([None] * 15)] for f in summary.failed]
    return csv_bytes(SUMMARY_HEADER, rows, DIALECTS[dialect])


def company_json(row: CompanyRow) -> dict[str, Any]:
    """A row with points as floats, the date in ISO and the next level's gap in full."""
    return {
        "file": row.file,
        "name": row.name,
        "category": row.category,
        "size": row.size,
        "points": float(row.points),
        "max_points": float(row.max_points),
        "percentage": float(row.percentage),
        "level": row.level,
        "next_level": row.next_level,
        "next_points_needed": None
        if row.next_points_needed is None
        else float(row.next_points_needed),
        "open_questions": row.open_questions,
        "date": row.date.isoformat() if row.date else None,
        "framework_version": row.framework_version,
        "interviewer": row.interviewer,
        "quarry_insight": float(row.quarry_insight),
        "factory_insight": float(row.factory_insight),
        "next": level_gap_json(row.next_gap) if row.next_gap else None,
        "next_missing": next_missing(row),
        "open_actions": row.open_actions,
        "overdue_actions": row.overdue_actions,
        "register": None
        if row.register_flows is None
        else {"flows": row.register_flows, "unknown": dict(row.unknown_links or {})},
    }


def summary_json(summary: Summary) -> dict[str, Any]:
    return {
        "companies": [company_json(row) for row in summary.companies],
        "failed": [{"file": f.file, "error": f.error} for f in summary.failed],
        "duplicates": [{**asdict(d), "ignored": list(d.ignored)} for d in summary.duplicates],
        "earlier_years": summary.earlier_years,
        "levels": summary.levels,
        "step_averages": {
            category: [
                {
                    "step": a.step,
                    "title": a.title,
                    "companies": a.companies,
                    "percentage": a.percentage,
                }
                for a in averages
            ]
            for category, averages in summary.step_averages.items()
        },
        "most_nee": [asdict(item) for item in summary.most_nee],
    }


def render_json(summary: Summary) -> str:
    return json.dumps(summary_json(summary), ensure_ascii=False, indent=2) + "\n"
