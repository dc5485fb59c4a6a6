"""The supply-chain register in the exported report: its figures and the unknown links to find.

Markdown and HTML get a section *Ketenoverzicht* (the six percentages, the category the
register gives, and per kind of link the flows where it is not known yet: the to-do list);
JSON gets ``register`` with the keys of ``trustone register check --format json`` (flows named
by their number in the session's register).
"""

from __future__ import annotations

from typing import Any

from trustone_tui.engine.register import LINK_KINDS, Flow, RegisterFigures
from trustone_tui.engine.session import Session
from trustone_tui.engine.sources import session_figures
from trustone_tui.framework.bank import Framework
from trustone_tui.report import markdown
from trustone_tui.report.htmlpage import esc
from trustone_tui.text.register import LINK_LABELS, PERCENTAGE_LABELS, category_text, figure_text
from trustone_tui.text.words import listing


def register_json(session: Session, framework: Framework) -> dict[str, Any] | None:
    figures = session_figures(session, framework)
    if figures is None:
        return None
    return {
        "flows": figures.flows,
        "unit": figures.unit,
        "percentages": dict(figures.percentages),
        "category": figures.category,
        "category_flows": list(figures.category_flows),
        "unknown": {kind: list(figures.unknown[kind]) for kind in LINK_KINDS},
    }


def _flow_name(number: int, flow: Flow) -> str:
    colour = f" {flow.kleur}" if flow.kleur else ""
    return f"keten {number} ({flow.steentype}{colour})"


def _todo(session: Session, figures: RegisterFigures) -> list[tuple[str, list[str]]]:
    """Per kind of link with unknown ones: the flows to find it for."""
    assert session.register is not None
    flows = session.register.flows
    return [
        (LINK_LABELS[kind], [_flow_name(n, flows[n - 1]) for n in figures.unknown[kind]])
        for kind in LINK_KINDS
        if figures.unknown[kind]
    ]


def _headline(figures: RegisterFigures) -> str:
    count = "1 keten" if figures.flows == 1 else f"{figures.flows} ketens"
    flows = listing([str(n) for n in figures.category_flows])
    category = category_text(figures, flows, "keten")
    return f"{count}, gemeten in {figures.unit}. {category.removesuffix('.')}."


def markdown_section(session: Session, framework: Framework) -> list[str]:
    figures = session_figures(session, framework)
    if figures is None:
        return []
    inline = markdown.inline
    lines = ["## Ketenoverzicht", "", inline(_headline(figures)), ""]
    rows = [
        [qid, PERCENTAGE_LABELS[qid], figure_text(value)]
        for qid, value in figures.percentages.items()
    ]
    lines += markdown.table(["Vraag", "Wat", "Uit het register"], rows, "llr")
    todo = _todo(session, figures)
    lines += ["", "### Nog te achterhalen" if todo else "Alle schakels zijn bekend.", ""]
    for label, names in todo:
        lines.append(f"- **{label}** onbekend: {inline(listing(names))}")
    return [*lines, ""] if todo else lines


def html_section(session: Session, framework: Framework) -> str:
    figures = session_figures(session, framework)
    if figures is None:
        return ""
    rows = "".join(
        f"<tr><td>{esc(qid)}</td><td>{esc(PERCENTAGE_LABELS[qid])}</td>"
        f'<td class="num">{esc(figure_text(value))}</td></tr>'
        for qid, value in figures.percentages.items()
    )
    todo = _todo(session, figures)
    todo_html = (
        "<h3>Nog te achterhalen</h3><ul>"
        + "".join(
            f"<li><strong>{esc(label)}</strong> onbekend: {esc(listing(names))}</li>"
            for label, names in todo
        )
        + "</ul>"
        if todo
        else "<p>Alle schakels zijn bekend.</p>"
    )
    return (
        f'<section class="register"><h2>Ketenoverzicht</h2><p>{esc(_headline(figures))}</p>'
        "<table><thead><tr><th>Vraag</th><th>Wat</th><th>Uit het register</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{todo_html}</section>"
    )
