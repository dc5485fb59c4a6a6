"""Next year's session from this one: what carries over into a new assessment year.

Pure: the caller reads last year's file and writes the new one (last year's is never changed).
"""

from __future__ import annotations

import datetime as dt

from trustone_tui.engine.actions import CLOSED_STATUSES
from trustone_tui.engine.session import CURRENT_SCHEMA_VERSION, Interview, Session
from trustone_tui.engine.timeline import record_outcome
from trustone_tui.framework.bank import Framework


def assessment_year(session: Session, today: dt.date) -> int:
    """The year a session assesses: its assessment date's, else today's."""
    return (session.interview.date or today).year


def next_year_session(
    framework: Framework,
    session: Session,
    year: int,
    previous_file: str,
    now: dt.datetime,
) -> Session:
    """A new session for the year after ``year``.

    It keeps the company (profile, joining year, entry level) and the history, with ``year``'s
    outcome recorded (replacing an entry for that year); it carries over the actions still to
    be done (``open``, ``bezig``) with their progress, and names ``previous_file`` for the
    comparison with last year. Answers, notes, the register and the interview start empty:
    the new year is assessed afresh.
    """
    with_outcome = record_outcome(session, framework, year)
    return Session(
        company=session.company,
        interview=Interview(previous_file=previous_file),
        framework_version=framework.version,
        created=now,
        updated=now,
        history=with_outcome.history,
        actions=tuple(a for a in session.actions if a.status not in CLOSED_STATUSES),
        schema_version=CURRENT_SCHEMA_VERSION,
    )
