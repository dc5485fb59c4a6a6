"""Why a save did not happen, as exceptions whose ``str()`` is one line for the user.

Every message says what happened, that the answers are still open in the app, and what the
user can do. The parts are also attributes (``problem``, ``hint``) so a dialog can lay them
out itself.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Literal

SAFE = "nothing was overwritten and your answers are still open here"

_OS_PROBLEMS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("the disk is full", "Free some space and save again, or save a copy elsewhere."),
    errno.EDQUOT: (
        "your disk quota is used up",
        "Free some space and save again, or save a copy elsewhere.",
    ),
    errno.EROFS: ("the disk is read-only", "Save a copy to another folder."),
    errno.EACCES: ("permission denied", "Save a copy to a folder you can write to."),
    errno.EPERM: ("operation not permitted", "Save a copy to a folder you can write to."),
    errno.EIO: (
        "the disk reported an input/output error",
        "Check the disk or USB stick and save again, or save a copy elsewhere.",
    ),
    errno.EFBIG: ("the file is too large for this disk", "Save a copy elsewhere."),
    errno.ENOENT: ("the folder does not exist (any more)", "Save a copy elsewhere."),
    errno.ENOTDIR: ("the folder does not exist (any more)", "Save a copy elsewhere."),
}


class StoreError(Exception):
    """Base of the store's errors; ``str()`` is a one-line message naming the file."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(message)


class SaveError(StoreError):
    """The session was not written; the file on disk is as it was (unless ``replaced``).

    ``problem`` says what went wrong, ``hint`` what the user can do. ``replaced`` is True only
    for the rare case where the new content did reach the file but the disk did not confirm
    it (saving again fixes that). ``errno`` is set when the operating system refused.
    """

    def __init__(
        self,
        path: Path,
        problem: str,
        hint: str,
        *,
        errno_: int | None = None,
        replaced: bool = False,
    ) -> None:
        self.problem = problem
        self.hint = hint
        self.errno = errno_
        self.replaced = replaced
        if replaced:
            message = (
                f"{path}: saved, but {problem}; your answers are in the file and still open "
                f"here. {hint}"
            )
        else:
            message = f"{path}: not saved: {problem}; {SAFE}. {hint}"
        super().__init__(path, message)

    @classmethod
    def from_os_error(cls, path: Path, exc: OSError, *, replaced: bool = False) -> SaveError:
        problem, hint = _OS_PROBLEMS.get(
            exc.errno or 0,
            (exc.strerror or str(exc), "Save again, or save a copy elsewhere."),
        )
        if replaced:
            problem = f"the disk did not confirm it ({problem})"
            hint = "Save again to make sure."
        return cls(path, problem, hint, errno_=exc.errno, replaced=replaced)


ConflictKind = Literal["changed", "deleted", "replaced"]

_CONFLICT_PROBLEMS: dict[ConflictKind, str] = {
    "changed": "the file was changed by someone else since it was opened",
    "deleted": "the file was deleted or moved since it was opened",
    "replaced": "the file was replaced by something that is not a regular file",
}


class ConflictError(SaveError):
    """The file on disk is no longer the one that was opened: the save was refused.

    ``kind`` is ``changed`` (other bytes), ``deleted`` or ``replaced`` (no longer a regular
    file). Both versions survive: the other one on disk, this one in memory. The way out is
    :meth:`SessionFile.save_copy` or :meth:`SessionFile.reload`.
    """

    def __init__(self, path: Path, kind: ConflictKind) -> None:
        self.kind = kind
        super().__init__(
            path,
            _CONFLICT_PROBLEMS[kind],
            "Save a copy, or reload the file (your unsaved answers would be replaced).",
        )


class TargetExistsError(SaveError):
    """``save as`` was asked not to overwrite, and the target exists."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "a file with this name already exists",
            "Choose another name, or confirm overwriting it.",
        )


class InvalidSessionError(SaveError):
    """The session holds something the answer file does not allow; ``problems`` has each."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.problems = problems
        first = problems[0] if problems else "unknown problem"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(
            path,
            f"the session holds a value the answer file does not allow: {first}{more}",
            "Correct that answer and save again.",
        )


class DataDirectoryError(StoreError):
    """The data directory cannot be created or used."""
