"""The Dutch wording of the timeline and this year's kind of assessment, for a director.

The engine (``engine/timeline``) says where a company stands in numbers; these lines say it
in plain sentences, without the seed's table columns at hand: which year of participation
this is, the level expected and reached, how far behind that is and what follows.
"""

from __future__ import annotations

import textwrap

from trustone_tui.engine.session import Session
from trustone_tui.engine.timeline import AssessmentType, TimelinePosition
from trustone_tui.text.words import ordinal, quantity

#: Where the timeline's continuation lines start (under the text after ``Tijdpad:``).
INDENT = " " * 12
#: The frequency table's cells that have a plainer wording; others are shown as they are.
ASSESSMENT_KINDS = {
    "volledig": "een volledige beoordeling",
    "beperkt": "een beperkte beoordeling, alleen van de voortgang van het plan van aanpak",
}


def level_phrase(rank: int) -> str:
    """``niveau 2``; ``nog geen niveau`` for 0."""
    return f"niveau {rank}" if rank else "nog geen niveau"


def years(count: int) -> str:
    """``1 jaar``, ``3 jaar`` (Dutch counts years in the singular after a number)."""
    return quantity(count, "jaar", "jaar")


def schedule_sentence(position: TimelinePosition) -> str:
    """``Dat is op schema.``, or how far behind the timeline that is and whether it is allowed."""
    if position.status == "on_track":
        return "Dat is op schema."
    behind = f"Dat is {years(position.delay_years)} achter op het tijdpad"
    allowed = years(position.max_delay_years)
    if position.status == "late":
        return f"{behind}; tot {allowed} vertraging is toegestaan."
    return f"{behind}; dat is meer dan de toegestane {allowed} vertraging."


def timeline_lines(position: TimelinePosition | None, session: Session, year: int) -> list[str]:
    """``  Tijdpad:  ...`` and its continuation lines (up to 100 characters wide)."""
    joined = session.company.joined_year
    if position is None:
        if joined is None:
            return ["  Tijdpad:  onbekend (geen jaar van toetreding vastgelegd)"]
        return [f"  Tijdpad:  {year} ligt voor het jaar van toetreding ({joined})"]
    if position.entry_level_assumed:
        entry = f"instapniveau niet vastgelegd, gerekend vanaf niveau {position.entry_level}"
    else:
        entry = f"ingestapt op niveau {position.entry_level}"
    reached = (
        f"het bedrijf staat op niveau {position.level}"
        if position.level
        else "het bedrijf heeft nog geen niveau"
    )
    sentences = [
        f"Lid sinds {joined}, {entry}. {year} is het {ordinal(position.participation_year)} "
        "jaar van deelname.",
        f"Het tijdpad verwacht in {year} {level_phrase(position.expected_level)}; {reached}.",
        schedule_sentence(position),
    ]
    sentences.extend(text for text in (position.consequence, position.exceptions) if text)
    lines: list[str] = []
    for sentence in sentences:
        lines.extend(
            textwrap.wrap(
                sentence,
                100,
                initial_indent="  Tijdpad:  " if not lines else INDENT,
                subsequent_indent=INDENT,
            )
        )
    return lines


def assessment_kind(label: str) -> str:
    """``een volledige beoordeling`` for the table's ``volledig``; other cells as they are."""
    return ASSESSMENT_KINDS.get(label, label)


def going_in_phrase(kind: AssessmentType) -> str:
    """The level the kind of assessment goes by, in words: ``vorige uitkomst: niveau 1``."""
    if kind.level_source == "history":
        return f"vorige uitkomst: {level_phrase(kind.level or 0)}"
    if kind.level_source == "entry_level":
        return f"instapniveau {kind.level}"
    return "niveau nog onbekend"


def frequency_line(kind: AssessmentType | None, year: int) -> str | None:
    """``  Beoordeling 2026: een volledige beoordeling (3e jaar van deelname; ...)``."""
    if kind is None:
        return None
    return (
        f"  Beoordeling {year}: {assessment_kind(kind.label)} "
        f"({ordinal(kind.participation_year)} jaar van deelname; {going_in_phrase(kind)})"
    )
