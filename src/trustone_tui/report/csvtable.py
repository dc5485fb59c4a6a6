"""CSV output shared by the export (one row per question) and the summary (one row per company).

Encoding: UTF-8 with a byte order mark, which Excel needs to show é and ’ correctly (LibreOffice
accepts it too). Two dialects: ``nl`` (default) separates fields with ``;`` and writes decimal
commas, as Excel and LibreOffice expect in a Dutch locale; ``intl`` uses ``,`` and decimal points.
Numbers are written as plain numbers; every text cell is neutralised against formula injection.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from trustone_tui.engine.scoring import Assessment
from trustone_tui.engine.session import ANSWER_LABELS, Session
from trustone_tui.text.reportwords import SIZE_WORDS

BOM = "\ufeff"

#: A cell starting with one of these (after any leading spaces) is read as a formula by Excel or
#: LibreOffice; tab and CR too (OWASP "CSV injection"). Full-width forms for good measure.
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n＝＋－＠")


@dataclass(frozen=True, slots=True)
class Dialect:
    delimiter: str
    decimal: str


DIALECTS: dict[str, Dialect] = {"nl": Dialect(";", ","), "intl": Dialect(",", ".")}
DEFAULT_DIALECT = "nl"

Cell = str | int | float | None


def neutralise(text: str) -> str:
    """Text that a spreadsheet shows as typed: a leading ``'`` before formula characters."""
    stripped = text.lstrip(" ")
    if stripped and stripped[0] in FORMULA_TRIGGERS:
        return "'" + text
    return text


def number(value: float | None, dialect: Dialect) -> str:
    """``6``, ``3,5`` (nl) or ``3.5`` (intl); empty for None."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value)).replace(".", dialect.decimal)


def cell_text(value: Cell, dialect: Dialect) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError("booleans are written as words, not as cells")
    if isinstance(value, int | float):
        return number(value, dialect)
    return neutralise(value)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]], dialect: Dialect) -> bytes:
    """UTF-8 (with BOM) CSV with CRLF line ends; text cells neutralised, numbers as numbers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=dialect.delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell_text(value, dialect) for value in row])
    return (BOM + buffer.getvalue()).encode("utf-8")


QUESTION_HEADER = (
    "bedrijf",
    "categorie",
    "grootte",
    "vraag",
    "stap",
    "status",
    "antwoord",
    "percentage",
    "punten",
    "max",
    "notitie",
    "nader_uitzoeken",
    "datum",
    "kaderversie",
)

STATUS_LABELS = {"open": "open", "answered": "beantwoord", "nvt": "n.v.t."}


def question_rows(
    session: Session, assessment: Assessment, framework_version: str
) -> list[list[Cell]]:
    """One row per question counted for the company's category, in framework order, each with
    the assessment date (ISO, empty when unknown) and the framework version."""
    profile = assessment.profile
    date = session.interview.date.isoformat() if session.interview.date else ""
    rows: list[list[Cell]] = []
    for qid, result in assessment.results.items():
        if not result.counted:
            continue
        given = session.answer(qid)
        answer = ""
        if result.status == "nvt":
            answer = ANSWER_LABELS["nvt"]
        elif result.answer is not None:
            answer = ANSWER_LABELS[result.answer]
        rows.append(
            [
                session.company.name,
                profile.category,
                SIZE_WORDS[profile.size],
                qid,
                result.question.step,
                STATUS_LABELS[result.status],
                answer,
                result.percentage,  # the one that counts (the register's, engine/sources)
                result.points,
                result.max_points,
                given.note.replace("\r\n", "\n").replace("\r", "\n"),
                "ja" if given.follow_up else "nee",
                date,
                framework_version,
            ]
        )
    return rows


def render_csv(
    session: Session,
    assessment: Assessment,
    framework_version: str,
    dialect: str = DEFAULT_DIALECT,
) -> bytes:
    rows = question_rows(session, assessment, framework_version)
    return csv_bytes(QUESTION_HEADER, rows, DIALECTS[dialect])
