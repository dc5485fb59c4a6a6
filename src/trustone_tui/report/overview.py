"""The secretariat's overview of a folder of answer files, as rows a table can show.

:func:`overview_rows` is pure: the scored sessions of :func:`~trustone_tui.report.summary.
load_for_summary` in, one :class:`OverviewRow` per file out, with what the next level needs
worded once (:func:`~trustone_tui.text.conditions.gap_line`). :func:`load_overview` is the I/O:
find the files of a folder, read and score them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from trustone_tui.engine.scoring import Assessment
from trustone_tui.engine.session import Session
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.model import Category, Size
from trustone_tui.report.summary import (
    NO_LEVEL,
    Duplicate,
    FailedFile,
    Summary,
    is_temporary,
    load_for_summary,
    one_per_company,
    summarise,
)
from trustone_tui.text.conditions import gap_line

#: The level filter's choice for "every level".
ALL_LEVELS = "alle"


@dataclass(frozen=True, slots=True)
class OverviewRow:
    """One answer file as the overview shows it."""

    path: Path
    company: str
    category: Category
    size: Size
    level: str | None
    #: Rank of the level (0 without one): sorts levels in their own order, not as text.
    level_rank: int
    points: float
    max_points: float
    percentage: float
    next_level: str | None
    #: Every condition of the next level still missing (empty at the top level).
    needs: str
    #: The assessment date, else the day the file was last saved.
    date: dt.date | None
    follow_ups: int
    open_actions: int
    overdue_actions: int

    @property
    def level_label(self) -> str:
        return self.level or NO_LEVEL


@dataclass(frozen=True, slots=True)
class Overview:
    folder: Path
    #: One per company (its latest assessment), or one per company and year.
    rows: tuple[OverviewRow, ...]
    failed: tuple[FailedFile, ...]
    summary: Summary
    #: Files read (the rows may be fewer: earlier years and duplicates are left out).
    files: int
    all_years: bool
    #: Earlier years of the companies left out (0 with ``all_years``).
    earlier_years: int
    duplicates: tuple[Duplicate, ...]

    def levels(self) -> list[str]:
        """The levels the rows have, lowest first (``geen`` first), for the level filter."""
        ranked = {(row.level_rank, row.level_label) for row in self.rows}
        return [label for _, label in sorted(ranked)]


def overview_row(
    path: Path, session: Session, assessment: Assessment, today: dt.date
) -> OverviewRow:
    """The row of one scored session; actions are judged overdue on the assessment date, or
    on ``today`` when the session has none."""
    gap = assessment.next
    level = assessment.level
    interview_date = session.interview.date
    judged_on = interview_date or today
    return OverviewRow(
        path=path,
        company=session.company.name,
        category=assessment.profile.category,
        size=assessment.profile.size,
        level=level.id if level else None,
        level_rank=level.rank if level else 0,
        points=assessment.points,
        max_points=assessment.max_points,
        percentage=assessment.percentage,
        next_level=gap.level.id if gap else None,
        needs=gap_line(gap) if gap else "",
        date=interview_date or (session.updated.date() if session.updated else None),
        follow_ups=sum(1 for answer in session.answers.values() if answer.follow_up),
        open_actions=sum(1 for a in session.actions if a.status in ("open", "bezig")),
        overdue_actions=sum(1 for a in session.actions if a.is_overdue(judged_on)),
    )


def overview_rows(
    scored: Iterable[tuple[str, Session, Assessment]], today: dt.date
) -> tuple[OverviewRow, ...]:
    return tuple(overview_row(Path(file), s, a, today) for file, s, a in scored)


class OverviewError(Exception):
    """The folder cannot be searched; ``str()`` is one Dutch line naming it."""


def answer_files_in(folder: Path) -> list[Path]:
    """The answer files (``*.toml``) directly in ``folder``, hidden and temporary ones left out."""
    try:
        return sorted(
            path for path in folder.glob("*.toml") if path.is_file() and not is_temporary(path)
        )
    except OSError as exc:
        raise OverviewError(f"{folder}: map kan niet worden gelezen ({exc.strerror})") from None


def load_overview(
    folder: Path, framework: Framework, today: dt.date, all_years: bool = False
) -> Overview:
    """Every answer file directly in ``folder``, read, scored and summarised: one row per
    company (its latest assessment, as ``trustone summary``), or per company and year."""
    if not folder.is_dir():
        raise OverviewError(f"{folder}: geen map")
    scored, failed = load_for_summary(answer_files_in(folder), framework)
    shown, duplicates, earlier = one_per_company(scored, all_years)
    return Overview(
        folder=folder,
        rows=overview_rows(shown, today),
        failed=tuple(failed),
        summary=summarise(scored, failed, framework, all_years=all_years),
        files=len(scored),
        all_years=all_years,
        earlier_years=earlier,
        duplicates=tuple(duplicates),
    )


def filtered(rows: Sequence[OverviewRow], level: str) -> list[OverviewRow]:
    """The rows at ``level`` (a level id or ``geen``); every row for :data:`ALL_LEVELS`."""
    if level == ALL_LEVELS:
        return list(rows)
    return [row for row in rows if row.level_label == level]
