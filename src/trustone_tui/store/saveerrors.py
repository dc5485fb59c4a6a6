"""Why a save did not happen, as exceptions whose ``str()`` is one line for the user.

Every message says what happened, that the answers are still open in the app, and what the
user can do. The parts are also attributes (``problem``, ``hint``) so a dialog can lay them
out itself. ``str()`` is English (the command line and logs); ``dutch`` is the same message
in Dutch, which is what the app shows (with ``problem_nl`` and ``hint_nl``).
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Literal

SAFE = "nothing was overwritten and your answers are still open here"
SAFE_NL = "er is niets overschreven en je antwoorden staan nog open in de app"
COPY_ELSEWHERE_NL = "Maak ruimte vrij en sla opnieuw op, of sla een kopie elders op."
WRITABLE_FOLDER_NL = "Sla een kopie op in een map waarin je mag schrijven."
ANOTHER_NAME_NL = "Kies een andere naam."
#: A problem the store words only in English (a reason from the operating system).
UNTRANSLATED_NL = "het systeem meldt: {problem}"

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
_OS_PROBLEMS_NL: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("de schijf is vol", COPY_ELSEWHERE_NL),
    errno.EDQUOT: ("je schijfquotum is op", COPY_ELSEWHERE_NL),
    errno.EROFS: ("de schijf is alleen-lezen", "Sla een kopie op in een andere map."),
    errno.EACCES: ("geen toestemming om hier te schrijven", WRITABLE_FOLDER_NL),
    errno.EPERM: ("deze bewerking is niet toegestaan", WRITABLE_FOLDER_NL),
    errno.EIO: (
        "de schijf meldt een lees- of schrijffout",
        "Controleer de schijf of USB-stick en sla opnieuw op, of sla een kopie elders op.",
    ),
    errno.EFBIG: ("het bestand is te groot voor deze schijf", "Sla een kopie elders op."),
    errno.ENOENT: ("de map bestaat niet (meer)", "Sla een kopie elders op."),
    errno.ENOTDIR: ("de map bestaat niet (meer)", "Sla een kopie elders op."),
}


class StoreError(Exception):
    """Base of the store's errors; ``str()`` is a one-line message naming the file.

    ``dutch`` is that message in Dutch (the English one, introduced in Dutch, when the code
    that raised it gave none).
    """

    def __init__(self, path: Path, message: str, *, dutch: str | None = None) -> None:
        self.path = path
        self.message = message
        self.dutch = dutch or UNTRANSLATED_NL.format(problem=message)
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
        dutch: tuple[str, str] | None = None,
    ) -> None:
        """``dutch`` is ``(problem, hint)`` in Dutch; without it the English problem is shown
        inside a Dutch sentence."""
        self.problem = problem
        self.hint = hint
        self.errno = errno_
        self.replaced = replaced
        self.problem_nl, self.hint_nl = dutch or (
            UNTRANSLATED_NL.format(problem=problem),
            "Sla opnieuw op, of sla een kopie elders op.",
        )
        if replaced:
            message = (
                f"{path}: saved, but {problem}; your answers are in the file and still open "
                f"here. {hint}"
            )
            message_nl = (
                f"{path}: opgeslagen, maar {self.problem_nl}; je antwoorden staan in het bestand "
                f"en nog open in de app. {self.hint_nl}"
            )
        else:
            message = f"{path}: not saved: {problem}; {SAFE}. {hint}"
            message_nl = f"{path}: niet opgeslagen: {self.problem_nl}; {SAFE_NL}. {self.hint_nl}"
        super().__init__(path, message, dutch=message_nl)

    @classmethod
    def from_os_error(cls, path: Path, exc: OSError, *, replaced: bool = False) -> SaveError:
        reason = exc.strerror or str(exc)
        problem, hint = _OS_PROBLEMS.get(
            exc.errno or 0, (reason, "Save again, or save a copy elsewhere.")
        )
        problem_nl, hint_nl = _OS_PROBLEMS_NL.get(
            exc.errno or 0,
            (UNTRANSLATED_NL.format(problem=reason), "Sla opnieuw op, of sla een kopie elders op."),
        )
        if replaced:
            problem = f"the disk did not confirm it ({problem})"
            hint = "Save again to make sure."
            problem_nl = f"de schijf heeft het niet bevestigd ({problem_nl})"
            hint_nl = "Sla voor de zekerheid opnieuw op."
        return cls(
            path, problem, hint, errno_=exc.errno, replaced=replaced, dutch=(problem_nl, hint_nl)
        )


ConflictKind = Literal["changed", "deleted", "replaced"]

_CONFLICT_PROBLEMS: dict[ConflictKind, str] = {
    "changed": "the file was changed by someone else since it was opened",
    "deleted": "the file was deleted or moved since it was opened",
    "replaced": "the file was replaced by something that is not a regular file",
}
_CONFLICT_PROBLEMS_NL: dict[ConflictKind, str] = {
    "changed": "het bestand is door iemand anders gewijzigd sinds het werd geopend",
    "deleted": "het bestand is verwijderd of verplaatst sinds het werd geopend",
    "replaced": "het bestand is vervangen door iets dat geen gewoon bestand is",
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
            dutch=(
                _CONFLICT_PROBLEMS_NL[kind],
                "Sla een kopie op, of laad het bestand opnieuw (dan vervallen je niet-opgeslagen "
                "antwoorden).",
            ),
        )


class TargetExistsError(SaveError):
    """``save as`` was asked not to overwrite, and the target exists."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            "a file with this name already exists",
            "Choose another name, or confirm overwriting it.",
            dutch=(
                "er bestaat al een bestand met deze naam",
                "Kies een andere naam, of bevestig dat het overschreven mag worden.",
            ),
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
            dutch=(
                "de sessie bevat een waarde die het antwoordbestand niet toestaat: "
                f"{first}{f' (en nog {len(problems) - 1})' if len(problems) > 1 else ''}",
                "Verbeter dat antwoord en sla opnieuw op.",
            ),
        )


class DataDirectoryError(StoreError):
    """The data directory cannot be created or used."""
