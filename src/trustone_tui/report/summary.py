"""The secretariat's summary across companies: one row per company plus aggregates.

:func:`summarise` is pure (sessions and their assessments in, a :class:`Summary` out);
:func:`find_answer_files` and :func:`load_for_summary` are the small I/O part.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from trustone_tui.answerfile.read import AnswerFileError
from trustone_tui.engine.actions import CLOSED_STATUSES, reference_date
from trustone_tui.engine.scoring import Assessment, LevelGap, assess
from trustone_tui.engine.session import Session
from trustone_tui.engine.sources import session_figures
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.model import Category, Size
from trustone_tui.store.answerfiles import load_session

NO_LEVEL = "geen"
DEFAULT_TOP = 10


@dataclass(frozen=True, slots=True)
class CompanyRow:
    file: str
    name: str
    category: Category
    size: Size
    points: float
    max_points: float
    percentage: float
    level: str | None
    next_level: str | None
    next_points_needed: float | None
    open_questions: int
    #: The interview date (None when the file has none).
    date: dt.date | None
    framework_version: str
    interviewer: str
    quarry_insight: float
    factory_insight: float
    #: Everything the next level still lacks (None at the top level).
    next_gap: LevelGap | None
    #: Actions of the plan of action still to do (open or bezig), and how many of them are
    #: overdue on the assessment date (today without one).
    open_actions: int = 0
    overdue_actions: int = 0
    #: Flows in the session's register (None without one), and per kind of link the flows
    #: where it is not known yet.
    register_flows: int | None = None
    unknown_links: dict[str, int] | None = None


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Several files of one company for one year (or without a date): one of them is used."""

    company: str
    year: int | None
    used: str
    ignored: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FailedFile:
    file: str
    #: The first problem, as one line (with a count of the others).
    error: str
    #: Every problem, one line each (for standard error).
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StepAverage:
    category: Category
    step: int
    title: str
    #: Companies of the category for which the step has points to earn.
    companies: int
    percentage: float


@dataclass(frozen=True, slots=True)
class NeeCount:
    question_id: str
    text: str
    count: int
    #: Companies for which the question counts (the most that could have answered Nee).
    counted_for: int


@dataclass(frozen=True, slots=True)
class Summary:
    companies: tuple[CompanyRow, ...]
    failed: tuple[FailedFile, ...]
    #: Per category present: level id (and "geen") -> number of companies, lowest level first.
    levels: dict[Category, dict[str, int]]
    #: Per category present: the average percentage per step, then the total as step 0.
    step_averages: dict[Category, tuple[StepAverage, ...]]
    most_nee: tuple[NeeCount, ...]
    #: Files of one company for the same year: the one used and the ones left out.
    duplicates: tuple[Duplicate, ...] = ()
    #: Files of earlier years left out because a company's latest assessment is shown.
    earlier_years: int = 0


def company_row(
    file: str,
    session: Session,
    assessment: Assessment,
    framework_version: str = "",
    today: dt.date | None = None,
    framework: Framework | None = None,
) -> CompanyRow:
    gap = assessment.next
    judged_on = reference_date(session.interview.date, today or dt.date.today())
    figures = session_figures(session, framework) if framework is not None else None
    return CompanyRow(
        file=file,
        name=session.company.name,
        category=assessment.profile.category,
        size=assessment.profile.size,
        points=assessment.points,
        max_points=assessment.max_points,
        percentage=assessment.percentage,
        level=assessment.level.id if assessment.level else None,
        next_level=gap.level.id if gap else None,
        next_points_needed=gap.points_needed if gap else None,
        open_questions=len(assessment.open_questions()),
        date=session.interview.date,
        framework_version=session.framework_version or framework_version,
        interviewer=session.interview.interviewer,
        quarry_insight=assessment.quarry_insight,
        factory_insight=assessment.factory_insight,
        next_gap=gap,
        open_actions=sum(1 for a in session.actions if a.status not in CLOSED_STATUSES),
        overdue_actions=sum(1 for a in session.actions if a.is_overdue(judged_on)),
        register_flows=None if figures is None else figures.flows,
        unknown_links=None
        if figures is None
        else {kind: len(flows) for kind, flows in figures.unknown.items()},
    )


def company_key(name: str) -> str:
    """Two spellings of one company name are one company: case and spacing are ignored."""
    return re.sub(r"\s+", " ", name).strip().casefold()


def _latest_first(item: tuple[str, Session, Assessment]) -> tuple[dt.date, str]:
    """Sort key: the latest interview date (undated files last), then the file name."""
    date = item[1].interview.date
    return (date or dt.date.min, item[0])


def one_per_company(
    scored: Sequence[tuple[str, Session, Assessment]], all_years: bool
) -> tuple[list[tuple[str, Session, Assessment]], list[Duplicate], int]:
    """The files to summarise, the duplicates said, and how many earlier years were left out.

    By default each company's latest assessment (by interview date, then file name); with
    ``all_years`` one per company and year. Files of one company for the same year (or both
    undated) are duplicates: the one with the later file name is used. Rows keep the order of
    ``scored``.
    """
    groups: dict[tuple[str, int | None], list[tuple[str, Session, Assessment]]] = {}
    for item in scored:
        date = item[1].interview.date
        key = (company_key(item[1].company.name), date.year if date else None)
        groups.setdefault(key, []).append(item)
    duplicates = []
    per_year = []
    for (_, year), items in groups.items():
        items.sort(key=_latest_first, reverse=True)
        per_year.append(items[0])
        if len(items) > 1:
            names = tuple(file for file, _, _ in items[1:])
            duplicates.append(Duplicate(items[0][1].company.name, year, items[0][0], names))
    earlier = 0
    if not all_years:
        latest: dict[str, tuple[str, Session, Assessment]] = {}
        for item in per_year:
            name = company_key(item[1].company.name)
            if name not in latest or _latest_first(item) > _latest_first(latest[name]):
                latest[name] = item
        earlier = len(per_year) - len(latest)
        per_year = list(latest.values())
    chosen = {id(item) for item in per_year}
    return [item for item in scored if id(item) in chosen], duplicates, earlier


def _level_counts(
    scored: Sequence[tuple[str, Session, Assessment]], framework: Framework
) -> dict[Category, dict[str, int]]:
    counts: dict[Category, dict[str, int]] = {}
    for category in ("B", "C"):
        of_category = [a for _, _, a in scored if a.profile.category == category]
        if not of_category:
            continue
        per_level = {level.id: 0 for level in framework.levels[category]}
        per_level[NO_LEVEL] = 0
        for assessment in of_category:
            per_level[assessment.level.id if assessment.level else NO_LEVEL] += 1
        counts[category] = per_level
    return counts


def _step_averages(
    scored: Sequence[tuple[str, Session, Assessment]],
) -> dict[Category, tuple[StepAverage, ...]]:
    out: dict[Category, tuple[StepAverage, ...]] = {}
    for category in ("B", "C"):
        of_category = [a for _, _, a in scored if a.profile.category == category]
        if not of_category:
            continue
        rows = []
        for index, step in enumerate(of_category[0].steps):
            shares = [a.steps[index].percentage for a in of_category if a.steps[index].max_points]
            if shares:
                rows.append(
                    StepAverage(
                        category, step.number, step.title, len(shares), sum(shares) / len(shares)
                    )
                )
        totals = [a.percentage for a in of_category]
        rows.append(StepAverage(category, 0, "Totaal", len(totals), sum(totals) / len(totals)))
        out[category] = tuple(rows)
    return out


def _most_nee(
    scored: Sequence[tuple[str, Session, Assessment]], framework: Framework, top: int
) -> tuple[NeeCount, ...]:
    nee: Counter[str] = Counter()
    counted: Counter[str] = Counter()
    for _, _, assessment in scored:
        for qid, result in assessment.results.items():
            if result.counted:
                counted[qid] += 1
                if result.answer == "nee":
                    nee[qid] += 1
    order = {qid: index for index, qid in enumerate(framework.questions)}
    ranked = sorted(nee, key=lambda qid: (-nee[qid], order[qid]))
    return tuple(
        NeeCount(qid, framework.questions[qid].text, nee[qid], counted[qid]) for qid in ranked[:top]
    )


def summarise(
    scored: Iterable[tuple[str, Session, Assessment]],
    failed: Iterable[FailedFile],
    framework: Framework,
    top: int = DEFAULT_TOP,
    all_years: bool = False,
) -> Summary:
    """Rows (in the order given) and the aggregates over them: one row per company, its latest
    assessment, or with ``all_years`` one per company and year (see :func:`one_per_company`)."""
    scored, duplicates, earlier = one_per_company(list(scored), all_years)
    return Summary(
        companies=tuple(
            company_row(file, s, a, framework.version, framework=framework) for file, s, a in scored
        ),
        failed=tuple(failed),
        levels=_level_counts(scored, framework),
        step_averages=_step_averages(scored),
        most_nee=_most_nee(scored, framework, top),
        duplicates=tuple(duplicates),
        earlier_years=earlier,
    )


# --------------------------------------------------------------------------- I/O


def is_temporary(path: Path) -> bool:
    """Hidden files and editors' or autosave's temporary files (``.x.toml.tmp``, ``x~``)."""
    name = path.name
    return name.startswith((".", "~")) or name.endswith(("~", ".tmp", ".swp"))


def find_answer_files(
    arguments: Iterable[Path], recursive: bool = False
) -> tuple[list[Path], list[FailedFile]]:
    """Files named on the command line, and ``*.toml`` files in the directories named.

    Directories are searched non-recursively unless ``recursive``; hidden and temporary files
    are skipped there (a file named explicitly is always read). Each file appears once.
    """
    files: list[Path] = []
    problems: list[FailedFile] = []
    seen: set[Path] = set()
    for argument in arguments:
        try:
            found = _files_named_by(argument, recursive)
        except (OSError, RuntimeError) as exc:  # a link loop is a RuntimeError before 3.13
            problems.append(_failed(argument, f"cannot search this folder: {_reason(exc)}"))
            continue
        if found is None:
            problems.append(_failed(argument, "no answer files (*.toml) in this directory"))
            continue
        for path in found:
            try:
                key = path.resolve(strict=True)
            except FileNotFoundError:
                key = path.absolute()  # reported as missing when it is read
            except (OSError, RuntimeError) as exc:
                problems.append(_failed(path, f"cannot follow the path: {_reason(exc)}"))
                continue
            if key not in seen:
                seen.add(key)
                files.append(path)
    return files, problems


def _files_named_by(argument: Path, recursive: bool) -> list[Path] | None:
    """The file itself, or the answer files in a folder (None when it has none)."""
    if not argument.is_dir():
        return [argument]
    pattern = "**/*.toml" if recursive else "*.toml"
    found = sorted(
        p
        for p in argument.glob(pattern)
        if p.is_file()
        and not any(is_temporary(Path(part)) for part in p.relative_to(argument).parts)
    )
    return found or None


def _failed(path: Path, problem: str) -> FailedFile:
    line = f"{path}: {problem}"
    return FailedFile(str(path), line, (line,))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def one_line(problems: Sequence[str]) -> str:
    """The first problem of a file, and how many more there are."""
    first = problems[0] if problems else "cannot be read"
    if len(problems) > 1:
        more = len(problems) - 1
        first += f" (and {more} more problem{'s' if more > 1 else ''})"
    return first


def load_for_summary(
    files: Iterable[Path], framework: Framework
) -> tuple[list[tuple[str, Session, Assessment]], list[FailedFile]]:
    """Load and score each file; a file that fails becomes a :class:`FailedFile`."""
    scored: list[tuple[str, Session, Assessment]] = []
    failed: list[FailedFile] = []
    for path in files:
        try:
            session = load_session(path, framework)
        except AnswerFileError as exc:
            failed.append(FailedFile(str(path), one_line(exc.problems), tuple(exc.problems)))
            continue
        scored.append((str(path), session, assess(framework, session)))
    return scored, failed
