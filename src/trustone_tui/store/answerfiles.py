"""Answer files from disk: the one way every reader (the app, the file tools) reads one.

The bytes come through :func:`trustone_tui.store.safefile.read_file` (never blocks on a pipe,
refuses anything but a regular file, stops at the size limit); its problems become
:class:`~trustone_tui.answerfile.read.AnswerFileError` lines naming the file, worded for an
answer file.
"""

from __future__ import annotations

from pathlib import Path

from trustone_tui.answerfile.read import MAX_FILE_BYTES, AnswerFileError, parse_session
from trustone_tui.engine.session import Session
from trustone_tui.framework.bank import Framework
from trustone_tui.store import safefile


def answer_file_problem(exc: safefile.FileReadError, given: Path | None = None) -> str:
    """The one-line problem for an answer file that could not be read (named as ``given``)."""
    name = given if given is not None else exc.path
    if exc.kind == "directory":
        return f"{name}: is a directory, not an answer file"
    if exc.kind == "too-large":
        return f"{name}: {exc.problem}; refusing to read it as an answer file"
    return f"{name}: {exc.problem}"


def read_answer_bytes(given: Path, real: Path | None = None) -> bytes:
    """The bytes of the answer file ``given``; raises ``AnswerFileError`` naming ``given``.

    ``real`` is the file ``given`` was resolved to (:func:`resolve_answer_file`); it is read
    without following a link, so a link put there since is refused, never read through.
    """
    try:
        if real is None:
            return safefile.read_file(given, limit=MAX_FILE_BYTES)
        return safefile.read_file(real, limit=MAX_FILE_BYTES, follow_links=False)
    except safefile.FileReadError as exc:
        raise AnswerFileError([answer_file_problem(exc, given)]) from None


def resolve_answer_file(given: Path) -> Path:
    """The regular file ``given`` is or points to; ``AnswerFileError`` otherwise."""
    try:
        return safefile.resolve_existing(given)
    except safefile.FileReadError as exc:
        raise AnswerFileError([answer_file_problem(exc)]) from None


def load_session(path: Path, framework: Framework) -> Session:
    """Read and validate the answer file at ``path`` (raises ``AnswerFileError``)."""
    return parse_session(read_answer_bytes(path), str(path), framework)
