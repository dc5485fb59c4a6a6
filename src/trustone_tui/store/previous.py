"""Find and load the previous answer file a session names (``interview.previous_file``)."""

from __future__ import annotations

from pathlib import Path

from trustone_tui.engine.session import Session
from trustone_tui.framework.bank import Framework
from trustone_tui.store.answerfiles import load_session


def previous_path(session_file: Path | None, session: Session) -> Path | None:
    """``interview.previous_file``; a relative path is taken from the session file's directory."""
    named = session.interview.previous_file
    if not named:
        return None
    path = Path(named).expanduser()
    if not path.is_absolute() and session_file is not None:
        path = session_file.parent / path
    return path


def load_previous(
    session_file: Path | None, session: Session, framework: Framework
) -> Session | None:
    """The previous session, or None when none is named.

    Raises :class:`~trustone_tui.answerfile.read.AnswerFileError` when the named file cannot be
    read.
    """
    path = previous_path(session_file, session)
    return None if path is None else load_session(path, framework)
