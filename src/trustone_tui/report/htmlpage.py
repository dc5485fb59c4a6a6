"""The report as one self-contained HTML page that prints cleanly on A4.

No scripts, no external style sheets, fonts or images: the CSS is inline and the page only uses
fonts the reader's system has. Every piece of text is escaped with :func:`html.escape`.
"""

from __future__ import annotations

import html

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
from trustone_tui.text.words import steps_not_counted

#: Every printed page: company and assessment date at the top, framework version and "pagina
#: N van M" at the bottom (CSS margin boxes; headless Chromium prints them since version 131).
PAGE_CSS = """
@page {
  size: A4; margin: 17mm 14mm 16mm 14mm;
  @top-left { content: %(company)s; font: 8pt "Liberation Sans", Arial, sans-serif;
    color: #666; }
  @top-right { content: %(date)s; font: 8pt "Liberation Sans", Arial, sans-serif;
    color: #666; }
  @bottom-left { content: %(framework)s; font: 8pt "Liberation Sans", Arial, sans-serif;
    color: #666; }
  @bottom-right { content: "pagina " counter(page) " van " counter(pages);
    font: 8pt "Liberation Sans", Arial, sans-serif; color: #666; }
}
"""

CSS = """
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  font-family: "Liberation Sans", Arial, "DejaVu Sans", Helvetica, sans-serif;
  font-size: 10pt; line-height: 1.35; color: #1b1b1b; background: #fff;
  max-width: 182mm; margin: 0 auto; padding: 0 2mm;
}
h1 { font-size: 17pt; margin: 0 0 2mm; color: #23395b; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; color: #23395b; border-bottom: 1.5pt solid #23395b; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; color: #23395b; }
h4 { font-size: 10pt; margin: 0 0 1mm; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
.subtitle { margin: 0 0 3mm; color: #555; }
dl.facts { display: grid; grid-template-columns: 38mm 1fr; gap: 0.6mm 3mm; margin: 0 0 3mm; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.headline { display: flex; gap: 4mm; margin: 3mm 0; }
.headline div { flex: 1; border: 1pt solid #c9d3e0; border-radius: 2mm; padding: 2mm 3mm;
  background: #f3f6fa; }
.headline .label { display: block; font-size: 8.5pt; color: #555; }
.headline .value { display: block; font-size: 15pt; font-weight: bold; color: #23395b; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 0.8mm 1.5mm;
  border-bottom: 0.5pt solid #c8c8c8; }
th { background: #e6ecf3; font-size: 9pt; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 1pt solid #555; }
tr.current td { background: #eef5e9; }
table.levels td { font-size: 9pt; }
.met { color: #1d6b22; }
.missed { color: #a3191b; font-weight: bold; }
.note { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; orphans: 3; widows: 3; }
td.bar { white-space: nowrap; }
td.bar .pct { display: inline-block; min-width: 11mm; text-align: right; }
.track { display: inline-block; width: 24mm; height: 2.6mm; margin-left: 1.5mm;
  vertical-align: -0.3mm; border: 0.5pt solid #23395b; background: #fff; }
.fill { display: block; height: 100%; background: #23395b; }
article.question ul.criteria { list-style: none; padding-left: 0; }
ul.criteria li { padding-left: 4mm; text-indent: -4mm; }
ul.criteria li.met { font-weight: bold; }
.nextsteps ol { margin: 0.5mm 0 2mm; padding-left: 6mm; }
.nextsteps .why { color: #555; }
.signoff { break-before: page; page-break-before: always; break-inside: avoid;
  page-break-inside: avoid; }
.signoff dl { display: grid; grid-template-columns: 52mm 1fr; gap: 2mm 3mm; }
.signoff dd { margin: 0; }
.signoff .line { border-bottom: 0.75pt solid #555; min-height: 7mm; }
.signoff .response { border: 0.75pt solid #555; min-height: 45mm; margin: 1mm 0 3mm; }
td .note { white-space: pre-wrap; }
.questions { break-before: page; page-break-before: always; }
.step + .step { margin-top: 4mm; }
.group { margin: 3mm 0 1mm; font-style: italic; color: #333; }
article.question { break-inside: avoid; page-break-inside: avoid; border-top: 0.5pt solid #bbb;
  padding: 1.5mm 0 1.5mm; }
article.question.long { break-inside: auto; page-break-inside: auto; }
article.question h4 .qid { display: inline-block; min-width: 12mm; color: #23395b; }
article.question dl { display: grid; grid-template-columns: 24mm 1fr; gap: 0.4mm 2mm;
  margin: 0.5mm 0 0; }
article.question dt { color: #555; }
article.question dd { margin: 0; }
article.question ul { margin: 0; padding-left: 4mm; }
.flag { display: inline-block; border: 0.75pt solid #a3191b; color: #a3191b; border-radius: 1mm;
  padding: 0 1mm; font-size: 8.5pt; }
.open { color: #a3191b; }
footer { margin-top: 6mm; font-size: 8.5pt; color: #666; }
@media screen { body { margin: 8mm auto; } }
"""


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def css_string(text: str) -> str:
    """A CSS string literal: every character but ASCII letters, digits and spaces as a hex
    escape (ended by a space, which CSS consumes), so no text can end the string or the style
    sheet. NUL and lone surrogates are dropped (CSS cannot escape them)."""
    kept = (
        c if (c.isascii() and c.isalnum()) or c == " " else f"\\{ord(c):x} "
        for c in text
        if c != "\0" and not 0xD800 <= ord(c) <= 0xDFFF
    )
    return '"' + "".join(kept) + '"'


def page_css(content: ReportContent) -> str:
    return PAGE_CSS % {
        "company": css_string(content.company),
        "date": css_string(f"Beoordeling {content.date}"),
        "framework": css_string(content.framework),
    }


def bar_html(percentage: float) -> str:
    """The percentage in figures and as a bar (its text says the value; the bar repeats it)."""
    width = max(0.0, min(100.0, percentage))
    return (
        f'<td class="bar"><span class="pct">{formatting.percent(percentage)}</span>'
        f'<span class="track" aria-hidden="true">'
        f'<span class="fill" style="width: {width:.1f}%"></span></span></td>'
    )


def note_html(text: str) -> str:
    """A note with its line breaks (``white-space: pre-wrap``), CR/LF normalised."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    return f'<p class="note">{esc(normalised)}</p>'


def _facts(content: ReportContent) -> str:
    facts = [
        ("Profiel", f"{content.profile} ({content.category_text})"),
        ("Omvang", f"{content.employees} medewerkers, omzet {content.revenue}"),
    ]
    if content.joined_year is not None:
        joined = str(content.joined_year)
        if content.entry_level is not None:
            joined += f" (ingestroomd op niveau {content.entry_level})"
        facts.append(("Deelnemer sinds", joined))
    facts += [
        ("Datum beoordeling", content.date),
        ("Interviewer", content.interviewer or "onbekend"),
        ("Kader", content.framework),
    ]
    rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts)
    return f'<dl class="facts">{rows}</dl>'


def _headline(content: ReportContent) -> str:
    boxes = [
        (
            "Punten",
            f"{formatting.points(content.points)} van {formatting.points(content.max_points)}",
        ),
        ("Percentage", formatting.percent(content.percentage)),
        ("Niveau", content.level),
        (
            "Inzicht groeves / fabrieken",
            f"{formatting.percent(content.quarry_insight)} / "
            f"{formatting.percent(content.factory_insight)}",
        ),
    ]
    inner = "".join(
        f'<div><span class="label">{esc(label)}</span><span class="value">{esc(value)}</span></div>'
        for label, value in boxes
    )
    return f'<div class="headline">{inner}</div>'


def _score(content: ReportContent) -> str:
    rows = "".join(
        f'<tr><td class="num">{s.result.number}</td><td>{esc(s.result.title)}</td>'
        f'<td class="num">{formatting.points(s.result.points)}</td>'
        f'<td class="num">{formatting.points(s.result.max_points)}</td>'
        f'<td class="num">{s.result.open}</td>{bar_html(s.result.percentage)}</tr>'
        for s in content.steps
    )
    open_total = sum(s.result.open for s in content.steps)
    rows += (
        f'<tr class="total"><td></td><td>Totaal ({formatting.percent(content.percentage)})</td>'
        f'<td class="num">{formatting.points(content.points)}</td>'
        f'<td class="num">{formatting.points(content.max_points)}</td>'
        f'<td class="num">{open_total}</td>{bar_html(content.percentage)}</tr>'
    )
    note = ""
    if content.steps_not_counted:
        note = f"<p>{steps_not_counted(content.steps_not_counted)} voor dit profiel.</p>"
    return (
        '<h2>Score per stap</h2><table class="steps"><thead><tr><th class="num">Stap</th>'
        '<th>Onderdeel</th><th class="num">Punten</th><th class="num">Maximum</th>'
        f'<th class="num">Open</th><th>Percentage</th></tr></thead><tbody>{rows}</tbody>'
        f"</table>{note}"
    )


def _condition_html(condition: Condition | None) -> str:
    if condition is None:
        return "<td>—</td>"
    if condition.met:
        return f'<td>{esc(condition.required)}<br><span class="met">voldaan</span></td>'
    return (
        f'<td>{esc(condition.required)}<br><span class="missed">niet voldaan</span>'
        f" ({esc(condition.shortfall)})</td>"
    )


def _levels(content: ReportContent) -> str:
    kinds = condition_kinds(content)
    rows = []
    for row in content.levels:
        by_kind = {c.kind: c for c in row.conditions}
        cls = ' class="current"' if row.current else ""
        name = esc(row.level.id) + (" (huidig)" if row.current else "")
        cells = "".join(_condition_html(by_kind.get(kind)) for kind in kinds)
        result = '<span class="met">ja</span>' if row.met else '<span class="missed">nee</span>'
        rows.append(f"<tr{cls}><td><strong>{name}</strong></td>{cells}<td>{result}</td></tr>")
    header = "".join(f"<th>{esc(CONDITION_LABELS[k])}</th>" for k in kinds)
    return (
        "<h2>Niveau</h2>"
        f"<p><strong>Niveau:</strong> {esc(content.level)}<br>"
        f"<strong>Volgend niveau:</strong> {esc(content.next_level)}<br>"
        f"<strong>Behaald:</strong> {esc(achieved(content))}</p>"
        f'<table class="levels"><thead><tr><th>Niveau</th>{header}<th>Gehaald</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _attention(content: ReportContent) -> str:
    title = f"<h2>Open vragen en nader uit te zoeken ({len(content.attention)})</h2>"
    if not content.attention:
        return title + "<p>Geen.</p>"
    rows = "".join(
        f'<tr><td><a href="#q-{esc(q.id)}">{esc(q.id)}</a></td><td>{esc(status_of(q))}</td>'
        f"<td>{esc(q.answer)}</td><td>{esc(q.title)}</td></tr>"
        for q in content.attention
    )
    return (
        f'{title}<table class="attention"><thead><tr><th>Vraag</th><th>Status</th>'
        f"<th>Antwoord</th><th>Onderwerp</th></tr></thead><tbody>{rows}</tbody></table>"
        "<p>De notities staan bij de vragen.</p>"
    )


def _next_steps(steps: NextSteps) -> str:
    parts = ["<h2>Wat nu</h2>", f"<p><strong>Beste geval:</strong> {esc(steps.best_case)}</p>"]
    if not steps.plans:
        parts.append("<p><strong>Plan:</strong> het hoogste niveau is bereikt.</p>")
    for view in steps.plans:
        parts.append(f"<h3>{esc(view.heading)}</h3>")
        if view.blockers:
            parts.append("<ul>" + "".join(f"<li>{esc(b)}</li>" for b in view.blockers) + "</ul>")
        if view.steps:
            items = "".join(
                f'<li><a href="#q-{esc(step.question_id)}">{esc(step.question_id)}</a> '
                f"{esc(step.change)}, {esc(step.points)}"
                + (f' <span class="why">({esc(step.reason)})</span>' if step.reason else "")
                + f": {esc(step.title)}</li>"
                for step in view.steps
            )
            parts.append(f"<ol>{items}</ol>")
    parts.append("<h3>Tijdpad</h3>")
    parts.append("<p>" + "<br>".join(esc(line) for line in steps.timeline) + "</p>")
    if steps.assessment:
        parts.append(f"<p>{esc(steps.assessment)}</p>")
    return f'<section class="nextsteps">{"".join(parts)}</section>'


def _sign_off(sign_off: SignOff) -> str:
    return (
        '<section class="signoff"><h2>Ondertekening</h2><dl>'
        f"<dt>Status</dt><dd><strong>{esc(sign_off.status)}</strong></dd>"
        f"<dt>Interviewer</dt><dd>{esc(sign_off.interviewer or 'onbekend')}</dd>"
        f"<dt>Datum beoordeling</dt><dd>{esc(sign_off.date)}</dd>"
        '<dt>Handtekening interviewer</dt><dd class="line"></dd></dl>'
        '<p><strong>Reactie van het bedrijf</strong></p><div class="response"></div>'
        '<dl><dt>Naam en handtekening namens het bedrijf</dt><dd class="line"></dd>'
        '<dt>Datum</dt><dd class="line"></dd></dl></section>'
    )


def _ticked(entry: QuestionEntry) -> str:
    if not entry.ticked:
        return "geen elementen"
    return _element_lists(entry.ticked, entry.elements_total)


def _element_lists(groups: tuple[TickedGroup, ...], total: int | None) -> str:
    """Per group its elements; with ``total`` each group says how many of the total."""
    parts = []
    for group in groups:
        items = "".join(f"<li>{n.number}. {esc(n.text)}</li>" for n in group.elements)
        count = f"{len(group.elements)} van {total}" if total is not None else ""
        label = ": ".join(part for part in (esc(group.label), count) if part)
        parts.append(f"{label}<ul>{items}</ul>")
    return "".join(parts)


def _criteria(entry: QuestionEntry) -> str:
    """The variant's heading and every criterion; the met one bold, ticked and "(voldaan)"."""
    items = "".join(
        f'<li class="met">✓ {esc(line.label)}: {esc(line.text)} (voldaan)</li>'
        if line.met
        else f"<li>{esc(line.label)}: {esc(line.text)}</li>"
        for line in entry.criteria
    )
    return f'{esc(entry.criteria_heading or "")}<ul class="criteria">{items}</ul>'


#: A question estimated to take more lines than this may break across pages: moving it whole
#: to the next page would leave too much of a page empty.
LONG_ARTICLE_LINES = 30
#: Characters of a line of text in a question's right-hand column.
LINE_CHARACTERS = 90


def estimated_lines(entry: QuestionEntry) -> int:
    """Printed lines of a question's article, roughly: text, rows, criteria, elements, note."""

    def lines(text: str) -> int:
        return sum(1 + len(part) // LINE_CHARACTERS for part in text.splitlines() or [""])

    count = lines(f"{entry.id} {entry.text}") + 3
    count += sum(lines(f"{c.label}: {c.text}") for c in entry.criteria)
    for group in (*entry.ticked, *entry.unticked):
        count += 1 + sum(lines(element.text) for element in group.elements)
    return count + (lines(entry.note) if entry.note else 0)


def _question(entry: QuestionEntry) -> str:
    answer_cls = ' class="open"' if entry.status == "open" else ""
    rows = [
        f"<dt>Antwoord</dt><dd{answer_cls}>{esc(entry.answer)}</dd>",
        f"<dt>Punten</dt><dd>{esc(points_of(entry))}</dd>",
    ]
    if entry.criteria_heading:
        rows.append(f"<dt>Criteria</dt><dd>{_criteria(entry)}</dd>")
    if entry.elements_total:
        rows.append(f"<dt>Aangevinkt</dt><dd>{_ticked(entry)}</dd>")
        if entry.unticked:
            rows.append(
                f"<dt>Nog niet aangevinkt</dt><dd>{_element_lists(entry.unticked, None)}</dd>"
            )
    if entry.note:
        rows.append(f"<dt>Notitie</dt><dd>{note_html(entry.note)}</dd>")
    flag = ' <span class="flag">nader uitzoeken</span>' if entry.follow_up else ""
    group = ""
    if entry.group:
        group = f'<p class="group">{esc(entry.group[0])} {esc(entry.group[1])}</p>'
    long = " long" if estimated_lines(entry) > LONG_ARTICLE_LINES else ""
    return (
        f'{group}<article class="question{long}" id="q-{esc(entry.id)}">'
        f'<h4><span class="qid">{esc(entry.id)}</span> {esc(entry.text)}{flag}</h4>'
        f"<dl>{''.join(rows)}</dl></article>"
    )


def _step(step: StepEntry) -> str:
    result = step.result
    questions = "".join(_question(q) for q in step.questions)
    return (
        f'<section class="step"><h3>Stap {result.number} — {esc(result.title)} '
        f"({formatting.points(result.points)} van {formatting.points(result.max_points)} punten)"
        f"</h3>{questions}</section>"
    )


def _history(content: ReportContent) -> str:
    if not content.history:
        return ""
    rows = "".join(
        f"<tr><td>{h.year}</td><td>{esc(h.level or 'geen')}</td>"
        f'<td class="num">{formatting.points(h.points)} van {formatting.points(h.max_points)}</td>'
        f'<td class="num">{formatting.percent(h.percentage)}</td></tr>'
        for h in content.history
    )
    return (
        '<h2>Eerdere jaren</h2><table class="history"><thead><tr><th>Jaar</th><th>Niveau</th>'
        f'<th class="num">Punten</th><th class="num">Percentage</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _orphans(content: ReportContent) -> str:
    if not content.orphans:
        return ""
    ids = ", ".join(esc(qid) for qid in content.orphans)
    return (
        "<h2>Niet meegeteld</h2>"
        f"<p>Antwoorden op vragen die deze versie van het kader niet kent: {ids}.</p>"
    )


def render_html(content: ReportContent) -> str:
    steps = "".join(_step(s) for s in content.steps)
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(content.title)}</title>\n<style>{page_css(content)}{CSS}</style>\n"
        "</head>\n<body>\n"
        f"<header><h1>{esc(content.title)}</h1>{_facts(content)}</header>\n"
        f'<section class="summary">{_headline(content)}{_score(content)}{_levels(content)}'
        f"{_next_steps(content.next_steps) if content.next_steps else ''}"
        f"{_attention(content)}{_history(content)}{_orphans(content)}</section>\n"
        f'<section class="questions"><h2>Vragen per stap</h2>{steps}</section>\n'
        f"{_sign_off(content.sign_off) if content.sign_off else ''}\n"
        f"<footer>{esc(content.framework)}</footer>\n</body>\n</html>\n"
    )
