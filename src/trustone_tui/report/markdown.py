"""The report as Markdown (CommonMark + GFM tables), with user text escaped to stay literal.

Every piece of text that comes from an answer file (company name, interviewer, notes) and the
framework's own text goes through :func:`inline`, :func:`cell` or :func:`block`, so ``*bold*``,
``[link](x)``, ``<script>``, a leading ``#`` or a ``|`` in a table cell render as the characters
typed.
"""

from __future__ import annotations

import re

from trustone_tui.report.content import (
    NextSteps,
    QuestionEntry,
    ReportContent,
    SignOff,
    StepEntry,
    TickedGroup,
    achieved,
    condition_kinds,
    points_of,
    status_of,
)
from trustone_tui.text import formatting
from trustone_tui.text.conditions import CONDITION_LABELS, Condition
from trustone_tui.text.reportwords import percent_bar
from trustone_tui.text.words import steps_not_counted

#: Characters that start inline syntax anywhere in a line (CommonMark lets any ASCII punctuation
#: be backslash-escaped; these are the ones that can change how text renders).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!])")
#: Block syntax at the start of a line: list markers, setext underlines, thematic breaks,
#: ordered-list numbers ("1." / "1)").
_LINE_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])")


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _escape_line(line: str) -> str:
    """One line of user text as literal Markdown (leading whitespace is dropped)."""
    escaped = _INLINE_SPECIAL.sub(r"\\\1", line.strip())
    return _LINE_START.sub(
        lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), escaped
    )


def inline(text: str) -> str:
    """Literal text for a single-line place (a heading, a list item); newlines become spaces."""
    return " ".join(_escape_line(line) for line in _lines(text) if line.strip())


def cell(text: str) -> str:
    """Literal text for a table cell; line breaks become ``<br>``."""
    return "<br>".join(_escape_line(line) for line in _lines(text) if line.strip())


def block(text: str, indent: str = "") -> str:
    """Multi-line literal text: lines keep their breaks, blank lines separate paragraphs.

    ``indent`` is put before every line after the first (to continue a list item).
    """
    paragraphs: list[list[str]] = [[]]
    for line in _lines(text):
        if line.strip():
            paragraphs[-1].append(_escape_line(line))
        elif paragraphs[-1]:
            paragraphs.append([])
    joined = [f"\\\n{indent}".join(p) for p in paragraphs if p]
    return f"\n\n{indent}".join(joined)


def table(header: list[str], rows: list[list[str]], align: str) -> list[str]:
    """A GFM table; ``align`` holds one of ``l``/``r`` per column. Cells must be escaped."""
    rule = ["---:" if a == "r" else "---" for a in align]
    return [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join(rule) + " |",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def _facts(content: ReportContent) -> list[str]:
    facts = [
        ("Bedrijf", inline(content.company)),
        ("Profiel", inline(f"{content.profile} ({content.category_text})")),
        ("Omvang", inline(f"{content.employees} medewerkers, omzet {content.revenue}")),
    ]
    if content.joined_year is not None:
        joined = str(content.joined_year)
        if content.entry_level is not None:
            joined += f" (ingestroomd op niveau {content.entry_level})"
        facts.append(("Deelnemer sinds", inline(joined)))
    facts.append(("Datum beoordeling", inline(content.date)))
    facts.append(("Interviewer", inline(content.interviewer) or "onbekend"))
    facts.append(("Kader", inline(content.framework)))
    return [f"- **{label}:** {value}" for label, value in facts]


def _score(content: ReportContent) -> list[str]:
    rows = [
        [
            str(s.result.number),
            cell(s.result.title),
            formatting.points(s.result.points),
            formatting.points(s.result.max_points),
            str(s.result.open),
            _bar(s.result.percentage),
        ]
        for s in content.steps
    ]
    open_total = sum(s.result.open for s in content.steps)
    rows.append(
        [
            "",
            "**Totaal**",
            f"**{formatting.points(content.points)}**",
            f"**{formatting.points(content.max_points)}**",
            f"**{open_total}**",
            f"**{_bar(content.percentage)}**",
        ]
    )
    lines = ["## Score", ""]
    header = ["Stap", "Onderdeel", "Punten", "Maximum", "Open", "Percentage"]
    lines += table(header, rows, "rlrrrl")
    lines.append("")
    if content.steps_not_counted:
        lines += [f"{steps_not_counted(content.steps_not_counted)} voor dit profiel.", ""]
    lines += [
        f"- **Totaal:** {formatting.points(content.points)} van "
        f"{formatting.points(content.max_points)} punten "
        f"({formatting.percent(content.percentage)})",
        f"- **Inzicht groeves:** {formatting.percent(content.quarry_insight)}",
        f"- **Inzicht fabrieken:** {formatting.percent(content.factory_insight)}",
        "",
    ]
    return lines


def _bar(percentage: float) -> str:
    """``68,7% ██████░░░░``: the percentage in figures and as a bar of ten cells."""
    return f"{formatting.percent(percentage)} {percent_bar(percentage)}"


def _condition_md(condition: Condition | None) -> str:
    if condition is None:
        return "—"
    if condition.met:
        return f"{cell(condition.required)}: voldaan"
    return f"{cell(condition.required)}: **niet voldaan** ({cell(condition.shortfall)})"


def _levels(content: ReportContent) -> list[str]:
    lines = [
        "## Niveau",
        "",
        f"- **Niveau:** {inline(content.level)}",
        f"- **Volgend niveau:** {inline(content.next_level)}",
        f"- **Behaald:** {inline(achieved(content))}",
        "",
    ]
    kinds = condition_kinds(content)
    rows = []
    for row in content.levels:
        by_kind = {c.kind: c for c in row.conditions}
        name = f"**{row.level.id} (huidig)**" if row.current else row.level.id
        rows.append(
            [
                name,
                *(_condition_md(by_kind.get(kind)) for kind in kinds),
                "ja" if row.met else "nee",
            ]
        )
    header = ["Niveau", *(CONDITION_LABELS[k] for k in kinds), "Gehaald"]
    lines += table(header, rows, "l" * len(header))
    lines.append("")
    return lines


def _attention(content: ReportContent) -> list[str]:
    lines = [f"## Open vragen en nader uit te zoeken ({len(content.attention)})", ""]
    if not content.attention:
        return [*lines, "Geen.", ""]
    rows = [[q.id, cell(status_of(q)), cell(q.answer), cell(q.title)] for q in content.attention]
    lines += table(["Vraag", "Status", "Antwoord", "Onderwerp"], rows, "llll")
    lines += ["", "De notities staan bij de vragen.", ""]
    return lines


def _next_steps(steps: NextSteps) -> list[str]:
    lines = ["## Wat nu", "", f"**Beste geval:** {inline(steps.best_case)}", ""]
    if not steps.plans:
        lines += ["**Plan:** het hoogste niveau is bereikt.", ""]
    for view in steps.plans:
        lines += [f"### {inline(view.heading)}", ""]
        lines += [f"- {inline(reason)}" for reason in view.blockers]
        for step in view.steps:
            why = f" ({inline(step.reason)})" if step.reason else ""
            lines.append(
                f"- {step.number}\\. **{step.question_id}** {inline(step.change)}, "
                f"{inline(step.points)}{why}: {inline(step.title)}"
            )
        lines.append("")
    lines += ["### Tijdpad", "", *(inline(line) + "\\" for line in steps.timeline)]
    lines[-1] = lines[-1].removesuffix("\\")
    lines.append("")
    if steps.assessment:
        lines += [inline(steps.assessment), ""]
    return lines


def _sign_off(sign_off: SignOff) -> list[str]:
    """Status, interviewer and date, then room to sign and for the company's response (the
    lines are escaped underscores: a bare ``___`` line would be a thematic break)."""
    blank = "\\_" * 40
    return [
        "## Ondertekening",
        "",
        f"- **Status:** {sign_off.status}",
        f"- **Interviewer:** {inline(sign_off.interviewer) or 'onbekend'}",
        f"- **Datum beoordeling:** {inline(sign_off.date)}",
        f"- **Handtekening interviewer:** {blank}",
        "",
        "**Reactie van het bedrijf:**",
        "",
        *(f"{blank}\n" for _ in range(3)),
        f"- **Naam en handtekening namens het bedrijf:** {blank}",
        f"- **Datum:** {blank}",
        "",
    ]


def _question(entry: QuestionEntry) -> list[str]:
    lines = []
    if entry.group:
        lines += [f"#### {entry.group[0]} {inline(entry.group[1])}", ""]
    lines += [
        f"#### {entry.id} {inline(entry.text)}",
        "",
        f"- **Antwoord:** {inline(entry.answer)}",
        f"- **Punten:** {points_of(entry)}",
    ]
    if entry.criteria_heading:
        lines.append(f"- **Criteria:** {inline(entry.criteria_heading)}")
        for line in entry.criteria:
            text = f"{inline(line.label)}: {inline(line.text)}"
            lines.append(f"  - ✓ **{text}** (voldaan)" if line.met else f"  - {text}")
    if entry.elements_total:
        lines.append(f"- **Aangevinkt:** {_ticked_summary(entry)}")
        lines += _element_list(entry.ticked)
        if entry.unticked:
            lines.append("- **Nog niet aangevinkt:**")
            lines += _element_list(entry.unticked)
    if entry.note:
        lines.append(f"- **Notitie:** {block(entry.note, '  ')}")
    if entry.follow_up:
        lines.append("- **Nader uitzoeken**")
    lines.append("")
    return lines


def _element_list(groups: tuple[TickedGroup, ...]) -> list[str]:
    lines = []
    for group in groups:
        pad = "  "
        if group.label:
            lines.append(f"  - {inline(group.label)}:")
            pad = "    "
        lines += [f"{pad}- {n.number}\\. {inline(n.text)}" for n in group.elements]
    return lines


def _ticked_summary(entry: QuestionEntry) -> str:
    if not entry.ticked:
        return "geen elementen"
    counts = [f"{len(g.elements)} van {entry.elements_total}" for g in entry.ticked]
    return ", ".join(
        f"{inline(g.label)}: {count}" if g.label else count
        for g, count in zip(entry.ticked, counts, strict=True)
    )


def _step(step: StepEntry) -> list[str]:
    result = step.result
    lines = [
        f"### Stap {result.number} — {inline(result.title)} "
        f"({formatting.points(result.points)} van {formatting.points(result.max_points)} punten)",
        "",
    ]
    for entry in step.questions:
        lines += _question(entry)
    return lines


def _history(content: ReportContent) -> list[str]:
    if not content.history:
        return []
    rows = [
        [
            str(h.year),
            cell(h.level or "geen"),
            f"{formatting.points(h.points)} van {formatting.points(h.max_points)}",
            cell(formatting.percent(h.percentage)),
        ]
        for h in content.history
    ]
    return [
        "## Eerdere jaren",
        "",
        *table(["Jaar", "Niveau", "Punten", "Percentage"], rows, "llrr"),
        "",
    ]


def _orphans(content: ReportContent) -> list[str]:
    if not content.orphans:
        return []
    ids = ", ".join(inline(qid) for qid in content.orphans)
    return [
        "## Niet meegeteld",
        "",
        f"Antwoorden op vragen die deze versie van het kader niet kent: {ids}.",
        "",
    ]


def render_markdown(content: ReportContent) -> str:
    lines = [f"# {inline(content.title)}", "", *_facts(content), ""]
    lines += _score(content)
    lines += _levels(content)
    if content.next_steps:
        lines += _next_steps(content.next_steps)
    lines += _attention(content)
    lines += ["## Vragen per stap", ""]
    for step in content.steps:
        lines += _step(step)
    lines += _history(content)
    lines += _orphans(content)
    if content.sign_off:
        lines += _sign_off(content.sign_off)
    return "\n".join(lines).rstrip("\n") + "\n"
