"""The pydantic schema of an answer file's tables.

Importing this module imports pydantic and builds the validators, which costs more at start
than reading a file does; :mod:`trustone_tui.answerfile.read` imports it only for a file that
:mod:`trustone_tui.answerfile.check` does not accept as plainly valid. It defines what a valid file
is, and its errors are what a broken file's messages are worded from.
"""

import datetime as dt
from typing import Annotated, Any, Literal, NotRequired

from pydantic import ConfigDict, Field, TypeAdapter, ValidationError, with_config
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from trustone_tui.engine.session import FIRST_YEAR, LAST_YEAR

__all__ = [
    "ANSWERS",
    "ANSWER_FILE",
    "AnswerFileTable",
    "AnswerTable",
    "CompanyTable",
    "HistoryTable",
    "InterviewTable",
    "Percentage",
    "ValidationError",
]

#: The file's tables are validated into plain dicts (TypedDicts: about twice as fast as models)
#: whose keys are the field names of the session's dataclasses; absent keys take their defaults.
_TABLE = ConfigDict(extra="forbid", strict=True)

Percentage = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]


@with_config(_TABLE)
class CompanyTable(TypedDict):
    name: Annotated[str, Field(min_length=1)]
    imports_from_risk_countries: bool
    employees: Annotated[int, Field(ge=0)]
    revenue_eur: Annotated[int, Field(ge=0)]
    joined_year: NotRequired[Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)] | None]
    entry_level: NotRequired[Annotated[int, Field(ge=1, le=5)] | None]


@with_config(_TABLE)
class InterviewTable(TypedDict, total=False):
    interviewer: str
    date: dt.date | None
    previous_file: str | None


@with_config(_TABLE)
class AnswerTable(TypedDict, total=False):
    answer: Literal["nee", "gedeeltelijk", "ja", "nvt"] | None
    percentage: Percentage | None
    #: A list of element numbers, or a table of such lists per element group (checked in
    #: :func:`trustone_tui.answerfile.read._check_elements`).
    elements: Any
    note: str
    follow_up: bool


#: Every answer table of a file in one validation (one call per answer took longer).
ANSWERS = TypeAdapter(dict[str, AnswerTable])


@with_config(_TABLE)
class HistoryTable(TypedDict):
    year: Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
    level: NotRequired[str | None]
    points: Annotated[float, Field(ge=0, allow_inf_nan=False)]
    max_points: Annotated[float, Field(ge=0, allow_inf_nan=False)]
    percentage: Percentage


@with_config(_TABLE)
class AnswerFileTable(TypedDict):
    schema_version: int
    framework_version: NotRequired[Annotated[str, Field(min_length=1)] | None]
    created: NotRequired[dt.datetime | None]
    updated: NotRequired[dt.datetime | None]
    company: CompanyTable
    interview: NotRequired[InterviewTable]
    answers: NotRequired[dict[str, Any]]
    history: NotRequired[list[HistoryTable]]


ANSWER_FILE = TypeAdapter(AnswerFileTable)
