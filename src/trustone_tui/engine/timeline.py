"""Timeline, assessment frequency and history: what is expected of a company in a given year.

Pure functions over the framework's ``[timeline]`` and ``[frequency]`` tables and a session;
no I/O, no Textual and no wording (``text/timeline`` words it in Dutch).
``docs/planner.md`` explains every reading of the seed text.

Years: the year of joining is participation year 1 (``year - joined_year + 1``).
Levels are ranks (1 = B1/C1); 0 means "no level yet".
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace
from typing import Literal

from trustone_tui.engine.scoring import Assessment, assess
from trustone_tui.engine.session import Company, HistoryEntry, Session, profile_of
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.model import Category, FrequencyColumn, Level
from trustone_tui.framework.profile import category_for

TimelineStatus = Literal["on_track", "late", "behind"]
LevelSource = Literal["history", "entry_level", "none"]


@dataclass(frozen=True, slots=True)
class TimelinePosition:
    """Where a company stands against the timeline in ``year``."""

    year: int
    participation_year: int
    entry_level: int
    #: True when the company has no recorded entry level and level 1 (the first stage) is used.
    entry_level_assumed: bool
    expected_level: int
    #: The company's level this year (0: no level).
    level: int
    #: The fewest years back in the timeline at which ``level`` would have been on schedule.
    delay_years: int
    max_delay_years: int
    #: What the seed says follows the delay at this level (None when on track).
    consequence: str | None
    #: The seed's words on exceptions and measures, when the delay exceeds the allowed one.
    exceptions: str | None

    @property
    def status(self) -> TimelineStatus:
        if self.delay_years == 0:
            return "on_track"
        return "late" if self.delay_years <= self.max_delay_years else "behind"


@dataclass(frozen=True, slots=True)
class AssessmentType:
    """This year's kind of assessment from the frequency table."""

    year: int
    participation_year: int
    #: The level the company is at when the year's assessment is planned (None: unknown).
    level: int | None
    level_source: LevelSource
    #: The table column that decides (its ``level`` and ``year`` show why).
    column: FrequencyColumn
    #: The cell for the company's size, verbatim: ``volledig``, ``beperkt``, ...
    label: str


# --------------------------------------------------------------------------- timeline


def participation_year(company: Company, year: int) -> int | None:
    """1 in the year of joining; None without a joining year or before it."""
    if company.joined_year is None or year < company.joined_year:
        return None
    return year - company.joined_year + 1


def expected_level(
    framework: Framework, category: Category, entry_level: int, participation_year: int
) -> int:
    """The level the timeline expects in a participation year (0 before year 1).

    From the entry level the company spends each stage's years at that stage's level and then
    moves one level up; a level without a stage (4 and 5) is kept. Never above the category's
    top level.
    """
    if participation_year < 1:
        return 0
    stages = {stage.level: stage.years for stage in framework.meta.timeline.stages}
    level = entry_level
    start = 1
    while level in stages and start + stages[level] <= participation_year:
        start += stages[level]
        level += 1
    return min(level, len(framework.levels[category]))


def timeline_position(
    framework: Framework, company: Company, level: Level | None, year: int
) -> TimelinePosition | None:
    """The company's level against the expected level in ``year``.

    None when the joining year is unknown or ``year`` is before it. Without an entry level the
    timeline starts at the first stage (level 1). ``delay_years`` is the smallest d >= 0 with
    level >= expected level of participation year ``n - d`` (0 before year 1).
    """
    n = participation_year(company, year)
    if n is None:
        return None
    category = category_for(company.imports_from_risk_countries)
    return _position(framework, category, company.entry_level, n, level.rank if level else 0, year)


@functools.lru_cache(maxsize=1024)
def _position(
    framework: Framework, category: Category, entry_level: int | None, n: int, rank: int, year: int
) -> TimelinePosition:
    """:func:`timeline_position` of participation year ``n`` (kept: scoring many files asks
    the same few questions again and again)."""
    timeline = framework.meta.timeline
    assumed = entry_level is None
    entry = timeline.stages[0].level if entry_level is None else entry_level
    delay = 0
    while rank < expected_level(framework, category, entry, n - delay):
        delay += 1
    consequence = exceptions = None
    if delay:
        consequence = next((c.text for c in timeline.consequences if c.covers(rank)), None)
        if delay > timeline.max_delay_years:
            exceptions = timeline.exceptions_text
    return TimelinePosition(
        year=year,
        participation_year=n,
        entry_level=entry,
        entry_level_assumed=assumed,
        expected_level=expected_level(framework, category, entry, n),
        level=rank,
        delay_years=delay,
        max_delay_years=timeline.max_delay_years,
        consequence=consequence,
        exceptions=exceptions,
    )


# --------------------------------------------------------------------------- frequency


def column_levels(column: FrequencyColumn) -> tuple[int, ...]:
    """The levels a column is for: ``"4/5"`` -> ``(4, 5)``."""
    try:
        return tuple(int(part) for part in column.level.split("/"))
    except ValueError:
        raise ValueError(
            f"frequency column for year {column.year}: level {column.level!r} is not like '4/5'"
        ) from None


@functools.lru_cache(maxsize=256)
def frequency_column(
    framework: Framework, participation_year: int, level: int | None
) -> FrequencyColumn:
    """The column of the frequency table that applies to a company at ``level``.

    A level that has one column (1 and 2: "elk jaar een beoordeling") always gets that column.
    A level with several columns (3 and up) alternates year by year: the column whose year
    has the same parity as ``participation_year``, the nearest one when several do (so the
    pattern continues beyond year 8). An unknown level (None) or one below the table uses the
    lowest level's columns; one above it the highest level's. (Kept per framework, year and
    level: scoring many files asks the same few again and again.)
    """
    columns = framework.meta.frequency.columns
    levels = sorted({lv for column in columns for lv in column_levels(column)})
    wanted = levels[0] if level is None else min(max(level, levels[0]), levels[-1])
    candidates = [c for c in columns if wanted in column_levels(c)]
    if not candidates:
        raise ValueError(f"frequency table has no column for level {wanted}")
    same_parity = [c for c in candidates if (c.year - participation_year) % 2 == 0]
    pool = same_parity or candidates
    return min(pool, key=lambda c: (abs(c.year - participation_year), c.year))


def level_rank(framework: Framework, level_id: str | None) -> int | None:
    """The rank of a level id such as ``"C2"``; None when unknown."""
    if level_id is None:
        return None
    return next((lv.rank for lv in framework.meta.levels if lv.id == level_id), None)


def level_going_in(
    framework: Framework, session: Session, year: int
) -> tuple[int | None, LevelSource]:
    """The level a company is at when ``year``'s assessment is planned.

    The latest recorded outcome of an earlier year (0 when that year reached no level); without
    one, the company's entry level; otherwise unknown. History entries whose level id the
    framework does not know are skipped.
    """
    earlier = sorted((h for h in session.history if h.year < year), key=lambda h: -h.year)
    for entry in earlier:
        if entry.level is None:
            return 0, "history"
        rank = level_rank(framework, entry.level)
        if rank is not None:
            return rank, "history"
    if session.company.entry_level is not None:
        return session.company.entry_level, "entry_level"
    return None, "none"


def this_years_assessment(
    framework: Framework, session: Session, year: int
) -> AssessmentType | None:
    """The kind of assessment the company gets in ``year``; None without a joining year."""
    n = participation_year(session.company, year)
    if n is None:
        return None
    level, source = level_going_in(framework, session, year)
    column = frequency_column(framework, n, level)
    size = profile_of(session.company, framework).size
    return AssessmentType(year, n, level, source, column, getattr(column, size))


# --------------------------------------------------------------------------- history


def history_entry(assessment: Assessment, year: int) -> HistoryEntry:
    """The outcome of an assessment as a history entry (percentage rounded down to 0.01)."""
    return HistoryEntry(
        year=year,
        level=assessment.level.id if assessment.level else None,
        points=assessment.points,
        max_points=assessment.max_points,
        percentage=math.floor(assessment.percentage * 100 + 1e-9) / 100,
    )


def record_outcome(
    session: Session, framework: Framework, year: int, assessment: Assessment | None = None
) -> Session:
    """A copy of the session whose history holds this year's outcome (replacing that year's).

    History stays sorted by year.
    """
    entry = history_entry(assessment or assess(framework, session), year)
    others = [h for h in session.history if h.year != year]
    return replace(session, history=tuple(sorted([*others, entry], key=lambda h: h.year)))
