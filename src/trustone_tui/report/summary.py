"""The secretariat's summary across companies: one row per company plus aggregates.

:func:`summarise` is pure (sessions and their assessments in, a :class:`Summary` out);
:func:`find_answer_files` and :func:`load_for_summary` are the small I/O part.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from trustone_tui.answerfile.read import AnswerFileError
from trustone_tui.engine.scoring import Assessment, assess
from trustone_tui.engine.session import Session
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.model import Category
from trustone_tui.store.answerfiles import load_session

NO_LEVEL = "geen"
DEFAULT_TOP = 10


@dataclass(frozen=True, slots=True)
class CompanyRow:
    file: str
    name: str
    category: Category
    size: str
    points: float
    max_points: float
    percentage: float
    level: str | None
    next_level: str | None
    next_points_needed: float | None
    open_questions: int


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


def company_row(file: str, session: Session, assessment: Assessment) -> CompanyRow:
    gap = assessment.next
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
    )


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
) -> Summary:
    """Rows per company (in the order given) and the aggregates over all of them."""
    scored = list(scored)
    return Summary(
        companies=tuple(company_row(file, s, a) for file, s, a in scored),
        failed=tuple(failed),
        levels=_level_counts(scored, framework),
        step_averages=_step_averages(scored),
        most_nee=_most_nee(scored, framework, top),
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
