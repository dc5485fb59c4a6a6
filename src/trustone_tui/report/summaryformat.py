"""The summary as text (for the terminal), CSV (one row per file) or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from trustone_tui.report.csvtable import DEFAULT_DIALECT, DIALECTS, Cell, csv_bytes
from trustone_tui.report.summary import NO_LEVEL, CompanyRow, Summary
from trustone_tui.text import formatting
from trustone_tui.text.plain import clip, printable

NAME_WIDTH = 34
SHORT_SIZES = {"small": "klein", "medium_large": "mg/groot"}


def _next(row: CompanyRow) -> str:
    if row.next_level is None:
        return "—"
    if row.next_points_needed:
        return f"{row.next_level} (nog {formatting.points(row.next_points_needed)})"
    return row.next_level


def _company_table(summary: Summary) -> list[str]:
    header = (
        f"  {'Bedrijf':<{NAME_WIDTH}} {'Cat':<3} {'Grootte':<8} {'Punten':>11} {'%':>6}  "
        f"{'Niveau':<6} {'Volgend':<15} {'Open':>4}"
    )
    lines = [header]
    for row in summary.companies:
        score = f"{formatting.points(row.points)} / {formatting.points(row.max_points)}"
        lines.append(
            f"  {clip(row.name, NAME_WIDTH):<{NAME_WIDTH}} {row.category:<3} "
            f"{SHORT_SIZES[row.size]:<8} {score:>11} {formatting.percent(row.percentage):>6}  "
            f"{row.level or NO_LEVEL:<6} {_next(row):<15} {row.open_questions:>4}"
        )
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
    count = len(summary.companies)
    title = f"Samenvatting: {count} {'bedrijf' if count == 1 else 'bedrijven'}"
    if summary.failed:
        title += f" ({len(summary.failed)} van {total} bestanden niet ingelezen)"
    lines = [title, ""]
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
)


def render_csv(summary: Summary, dialect: str = DEFAULT_DIALECT) -> bytes:
    """One row per file: the company's figures, or only the error for a file that failed."""
    rows: list[list[Cell]] = [
        [
            row.file,
            row.name,
            row.category,
            row.size,
            row.points,
            row.max_points,
            round(row.percentage, 2),
            row.level or NO_LEVEL,
            row.next_level or "",
            row.next_points_needed,
            row.open_questions,
            "",
        ]
        for row in summary.companies
    ]
    rows += [[f.file, *([None] * 10), f.error] for f in summary.failed]
    return csv_bytes(SUMMARY_HEADER, rows, DIALECTS[dialect])


def summary_json(summary: Summary) -> dict[str, Any]:
    return {
        "companies": [asdict(row) for row in summary.companies],
        "failed": [{"file": f.file, "error": f.error} for f in summary.failed],
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
