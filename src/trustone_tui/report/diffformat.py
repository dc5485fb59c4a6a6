"""A :class:`~trustone_tui.report.compare.Comparison` as text, Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import PurePath
from typing import Any

from trustone_tui.report import markdown as md
from trustone_tui.report.compare import (
    AnswerSide,
    Comparison,
    QuestionChange,
    SessionSide,
    signed,
)
from trustone_tui.report.content import dutch_date
from trustone_tui.text import formatting
from trustone_tui.text.plain import clip, printable

ANSWER_WIDTH = 26
TITLE_WIDTH = 44


def _score(side: SessionSide) -> str:
    return (
        f"{formatting.points(side.points)} van {formatting.points(side.max_points)} punten "
        f"({formatting.percent(side.percentage)})"
    )


def _level(side: SessionSide) -> str:
    return side.level or "geen"


def _side_short(side: AnswerSide) -> str:
    """``Gedeeltelijk: 3/6``, ``85%: 6/8`` (band questions), ``n.v.t.``."""
    answer = side.answer
    if side.status == "answered" and side.answer_word is None and side.percentage is not None:
        answer = formatting.percent(side.percentage)
    if side.points is None:
        return answer
    return f"{answer}: {formatting.points(side.points)}/{formatting.points(side.max_points)}"


def elements_text(side: AnswerSide) -> str:
    """``1, 2, 3``; per group ``staf 1, 2; operationeel 1``; ``geen`` when none are ticked."""
    if not side.elements:
        return "geen"
    return "; ".join(
        (f"{group} " if group else "") + ", ".join(str(n) for n in numbers)
        for group, numbers in side.elements
    )


def follow_up_text(side: AnswerSide) -> str:
    return "ja" if side.follow_up else "nee"


def file_label(name: str) -> str:
    """A file as the Markdown diff names it: its name, without the local folders."""
    return PurePath(name).name or name


def _selected(comparison: Comparison, changed_only: bool) -> list[QuestionChange]:
    questions = list(comparison.questions.values())
    return [q for q in questions if q.changed] if changed_only else questions


def _headline(comparison: Comparison, old_name: str, new_name: str) -> list[tuple[str, str]]:
    old, new = comparison.old, comparison.new
    company = new.company if old.company == new.company else f"{old.company} → {new.company}"
    rows = [
        ("Bedrijf", company),
        ("Toen", f"{old_name} ({dutch_date(old.date)})"),
        ("Nu", f"{new_name} ({dutch_date(new.date)})"),
    ]
    if old.profile == new.profile:
        rows.append(("Profiel", new.profile.label))
    else:
        rows.append(("Profiel", f"{old.profile.label} → {new.profile.label}"))
    rows.append(("Niveau", f"{_level(old)} → {_level(new)}"))
    rows.append(
        ("Score", f"{_score(old)} → {_score(new)}; {signed(comparison.points_delta)} punten")
    )
    return rows


def render_text(
    comparison: Comparison, old_name: str, new_name: str, changed_only: bool = False
) -> str:
    """For a terminal; control characters in names and notes are shown as escapes."""
    return printable(_text(comparison, old_name, new_name, changed_only))


def _text(comparison: Comparison, old_name: str, new_name: str, changed_only: bool) -> str:
    lines = ["Vergelijking van twee beoordelingen", *comparison.warnings]
    headline = _headline(comparison, old_name, new_name)
    lines += [f"  {label + ':':<9} {value}" for label, value in headline]
    width = TITLE_WIDTH + 2
    lines += ["", f"  {'Stap':<{width + 2}} {'Toen':>9} {'Nu':>9} {'Verschil':>9}"]
    rows = [
        (
            f"{s.number} {clip(s.title, TITLE_WIDTH)}",
            s.old_points,
            s.old_max,
            s.new_points,
            s.new_max,
        )
        for s in comparison.steps
    ]
    old, new = comparison.old, comparison.new
    rows.append(("  Totaal", old.points, old.max_points, new.points, new.max_points))
    for label, old_points, old_max, new_points, new_max in rows:
        then = f"{formatting.points(old_points)}/{formatting.points(old_max)}"
        now = f"{formatting.points(new_points)}/{formatting.points(new_max)}"
        delta = signed(new_points - old_points)
        lines.append(f"  {label:<{width + 2}} {then:>9} {now:>9} {delta:>9}")
    selected = _selected(comparison, changed_only)
    changed = len(comparison.changed_questions)
    lines += [
        "",
        f"  Vragen ({changed} van {len(comparison.questions)} gewijzigd; * = gewijzigd)",
        f"    {'Vraag':<7} {'Toen':<{ANSWER_WIDTH}} {'Nu':<{ANSWER_WIDTH}} {'Punten':>6}  "
        "Wijziging",
    ]
    for q in selected:
        mark = "*" if q.changed else " "
        lines.append(
            f"  {mark} {q.question_id:<7} {_side_short(q.old):<{ANSWER_WIDTH}} "
            f"{_side_short(q.new):<{ANSWER_WIDTH}} {signed(q.points_delta):>6}  "
            f"{', '.join(q.what_changed)}".rstrip()
        )
    elements = [q for q in selected if q.elements_changed]
    lines += _then_now("Gewijzigde elementen (aangevinkt toen → nu)", elements, elements_text)
    flags = [q for q in selected if q.follow_up_changed]
    lines += _then_now("Gewijzigd: nader uitzoeken (toen → nu)", flags, follow_up_text)
    notes = [q for q in selected if q.note_changed]
    if notes:
        lines += ["", "  Gewijzigde notities"]
        for q in notes:
            lines.append(f"    {q.question_id}")
            lines += _note_lines("toen", q.old.note)
            lines += _note_lines("nu", q.new.note)
    return "\n".join(lines) + "\n"


def _then_now(
    title: str, changes: list[QuestionChange], word: Callable[[AnswerSide], str]
) -> list[str]:
    """A titled list of ``question  then → now`` lines (nothing when there are no changes)."""
    if not changes:
        return []
    rows = [f"    {q.question_id:<7} {word(q.old)} → {word(q.new)}" for q in changes]
    return ["", f"  {title}", *rows]


def _note_lines(label: str, note: str) -> list[str]:
    text = note.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if not text:
        return [f"      {label + ':':<5} (geen notitie)"]
    parts = text.split("\n")
    return [f"      {label + ':':<5} {parts[0]}", *(f"            {p}" for p in parts[1:])]


def render_markdown(
    comparison: Comparison, old_name: str, new_name: str, changed_only: bool = False
) -> str:
    lines = [f"# Vergelijking {md.inline(comparison.new.company)}", ""]
    lines += [f"> **{md.inline(warning)}**\n" for warning in comparison.warnings]
    headline = _headline(comparison, file_label(old_name), file_label(new_name))
    lines += [f"- **{label}:** {md.inline(value)}" for label, value in headline]
    lines += ["", "## Punten per stap", ""]
    rows = [
        [
            str(s.number),
            md.cell(s.title),
            f"{formatting.points(s.old_points)} van {formatting.points(s.old_max)}",
            f"{formatting.points(s.new_points)} van {formatting.points(s.new_max)}",
            signed(s.delta),
        ]
        for s in comparison.steps
    ]
    rows.append(
        [
            "",
            "**Totaal**",
            f"{formatting.points(comparison.old.points)} van "
            f"{formatting.points(comparison.old.max_points)}",
            f"{formatting.points(comparison.new.points)} van "
            f"{formatting.points(comparison.new.max_points)}",
            f"**{signed(comparison.points_delta)}**",
        ]
    )
    lines += md.table(["Stap", "Onderdeel", "Toen", "Nu", "Verschil"], rows, "rlrrr")
    selected = _selected(comparison, changed_only)
    changed = len(comparison.changed_questions)
    lines += ["", f"## Vragen ({changed} van {len(comparison.questions)} gewijzigd)", ""]
    rows = [
        [
            q.question_id + (" \\*" if q.changed else ""),
            md.cell(_side_short(q.old)),
            md.cell(_side_short(q.new)),
            signed(q.points_delta),
            md.cell(", ".join(q.what_changed)),
        ]
        for q in selected
    ]
    lines += md.table(["Vraag", "Toen", "Nu", "Punten", "Wijziging"], rows, "lllrl")
    elements = [q for q in selected if q.elements_changed]
    if elements:
        lines += ["", "## Gewijzigde elementen", ""]
        rows = [
            [q.question_id, md.cell(elements_text(q.old)), md.cell(elements_text(q.new))]
            for q in elements
        ]
        lines += md.table(["Vraag", "Aangevinkt toen", "Aangevinkt nu"], rows, "lll")
    flags = [q for q in selected if q.follow_up_changed]
    if flags:
        lines += ["", "## Gewijzigd: nader uitzoeken", ""]
        rows = [[q.question_id, follow_up_text(q.old), follow_up_text(q.new)] for q in flags]
        lines += md.table(["Vraag", "Toen", "Nu"], rows, "lll")
    notes = [q for q in selected if q.note_changed]
    if notes:
        lines += ["", "## Gewijzigde notities", ""]
        for q in notes:
            lines += [f"### {q.question_id}", ""]
            lines.append(f"- **Toen:** {md.block(q.old.note, '  ') or '(geen notitie)'}")
            lines.append(f"- **Nu:** {md.block(q.new.note, '  ') or '(geen notitie)'}")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _side_json(side: SessionSide) -> dict[str, Any]:
    return {
        "company": side.company,
        "category": side.profile.category,
        "size": side.profile.size,
        "date": side.date.isoformat() if side.date else None,
        "level": side.level,
        "points": side.points,
        "max_points": side.max_points,
        "percentage": side.percentage,
    }


def _answer_json(side: AnswerSide) -> dict[str, Any]:
    """The side's fields; ``elements`` as in the answer file (a list, or a table per group)."""
    out = asdict(side)
    groups = dict(side.elements)
    ungrouped = set(groups) <= {""}
    out["elements"] = (
        list(groups.get("", ())) if ungrouped else {k: list(v) for k, v in groups.items()}
    )
    for key in ("points", "max_points", "percentage"):
        out[key] = None if out[key] is None else float(out[key])
    return out


def comparison_json(comparison: Comparison, old_name: str, new_name: str) -> dict[str, Any]:
    return {
        "warnings": list(comparison.warnings),
        "old": {"file": old_name, **_side_json(comparison.old)},
        "new": {"file": new_name, **_side_json(comparison.new)},
        "points_delta": float(comparison.points_delta),
        "steps": [{**asdict(s), "delta": s.delta} for s in comparison.steps],
        "questions": {
            qid: {
                "step": q.step,
                "old": _answer_json(q.old),
                "new": _answer_json(q.new),
                "answer_changed": q.answer_changed,
                "note_changed": q.note_changed,
                "elements_changed": q.elements_changed,
                "follow_up_changed": q.follow_up_changed,
                "points_delta": float(q.points_delta),
                "changed": q.changed,
            }
            for qid, q in comparison.questions.items()
        },
    }


def render_json(comparison: Comparison, old_name: str, new_name: str) -> str:
    payload = comparison_json(comparison, old_name, new_name)
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
