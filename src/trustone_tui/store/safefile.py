"""The file side of the store's safety rules: which file a path means, and reading it safely.

Every file the program reads from a path it was given (the app's open, the recent-sessions
list, ``score``, ``export``, ``summary``, ``diff``) is read by :func:`read_file`: opened without
blocking (``O_NONBLOCK``, so a named pipe or a device never hangs the read), checked with
``fstat`` to be a regular file *after* opening (so nothing can be swapped in between), and
read up to a size limit. This module knows nothing of what the bytes mean; its problems are
:class:`FileReadError`, one line naming the path.

Symbolic link policy: a path that is a symbolic link means the regular file it points to
(resolved once, when the session is opened or saved as); reads and writes go to that file and
the link itself is never replaced. A link to nothing, a link loop, or anything that is not a
regular file (folder, device, pipe, socket) is refused. Reads of a file the store already
knows never follow a link (``O_NOFOLLOW``), so a link that appears later is treated as a
different file, never written through.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Literal

from trustone_tui.store import atomic
from trustone_tui.store.saveerrors import ANOTHER_NAME_NL, SaveError

_CHUNK = 1 << 20
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)

ReadProblem = Literal["missing", "directory", "special", "link", "denied", "too-large", "os"]


class NotRegularFile(Exception):
    """The path exists but is not a regular file (a link, folder, device, pipe...)."""


class FileReadError(Exception):
    """A file could not be read; ``str()`` is one line: ``<path>: <problem>``.

    ``kind`` tells callers what happened without parsing the text: ``missing``, ``directory``,
    ``special`` (pipe, device, socket), ``link`` (a link to nothing or a loop), ``denied``,
    ``too-large`` or ``os`` (any other error of the operating system).
    """

    def __init__(self, path: Path, kind: ReadProblem, problem: str) -> None:
        self.path = path
        self.kind = kind
        self.problem = problem
        super().__init__(f"{path}: {problem}")


def read_file(path: Path, *, limit: int, follow_links: bool = True) -> bytes:
    """The bytes of the regular file ``path`` names, at most ``limit`` bytes.

    Never blocks on a pipe or device and never reads more than ``limit + 1`` bytes; raises
    :class:`FileReadError` for anything else than a regular file within the limit. With
    ``follow_links=False`` a symbolic link at ``path`` is refused as not a regular file.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS | (0 if follow_links else _NO_FOLLOW))
    except OSError as exc:
        if not follow_links and path.is_symlink():
            raise FileReadError(path, "special", "not a regular file") from None
        raise _open_problem(path, exc) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileReadError(path, "directory", "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise FileReadError(path, "special", "not a regular file")
        if info.st_size > limit:
            raise FileReadError(path, "too-large", f"file is larger than {_size(limit)}")
        data = _read_up_to(fd, limit, expected=info.st_size)
    except OSError as exc:
        raise FileReadError(path, "os", f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileReadError(path, "too-large", f"file is larger than {_size(limit)}")
    return data


def read_regular(path: Path, *, limit: int) -> bytes | None:
    """The bytes of the regular file at ``path`` (no link followed); None when it is gone.

    For a file the store already knows: raises :class:`NotRegularFile` when something else
    is there now, ``OSError`` when it cannot be read. At most ``limit + 1`` bytes are read.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS | _NO_FOLLOW)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if path.is_symlink():
            raise NotRegularFile from exc
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile
        return _read_up_to(fd, limit)
    finally:
        os.close(fd)


def file_identity(path: Path) -> tuple[int, int] | None:
    """``(st_dev, st_ino)`` of the file ``path`` names (None when it cannot be found): the same
    for every name of one file, hard links included."""
    try:
        found = path.stat()
    except (OSError, ValueError):
        return None
    return found.st_dev, found.st_ino


def resolve_existing(given: Path) -> Path:
    """The regular file ``given`` is or points to (raises :class:`FileReadError` otherwise)."""
    try:
        real = given.resolve(strict=True)
    except FileNotFoundError:
        if given.is_symlink():
            raise FileReadError(
                given, "link", f"symbolic link to a missing file ({given.readlink()})"
            ) from None
        raise FileReadError(given, "missing", "no such file") from None
    except (RuntimeError, OSError) as exc:  # a link loop (RuntimeError before Python 3.13)
        raise FileReadError(given, "link", f"cannot follow the path: {exc}") from None
    try:
        mode = real.stat().st_mode
    except OSError as exc:
        raise FileReadError(given, "os", f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise FileReadError(given, "directory", "is a directory")
    if not stat.S_ISREG(mode):
        raise FileReadError(given, "special", "not a regular file")
    if atomic.is_temporary_name(real.name):
        raise FileReadError(
            given,
            "special",
            "temporary file of an interrupted save, not a session; it is ignored",
        )
    return real


def resolve_target(given: Path) -> Path:
    """Where "save as" to ``given`` writes: the path itself, or the regular file an existing
    link points to (raises ``SaveError`` for anything else)."""
    if given.is_symlink():
        try:
            real = given.resolve(strict=True)
        except FileNotFoundError:
            raise SaveError(
                given,
                "it is a symbolic link to a missing file",
                "Choose another name.",
                dutch=("het is een koppeling naar een bestand dat er niet is", ANOTHER_NAME_NL),
            ) from None
        except (RuntimeError, OSError) as exc:
            raise SaveError(
                given,
                f"cannot follow the link ({exc})",
                "Choose another name.",
                dutch=(f"de koppeling kan niet worden gevolgd ({exc})", ANOTHER_NAME_NL),
            ) from None
    else:
        real = given.parent.resolve() / given.name
    if os.path.lexists(real) and not real.is_file():
        raise SaveError(
            given,
            "it is not a regular file",
            "Choose another name.",
            dutch=("het is geen gewoon bestand", ANOTHER_NAME_NL),
        )
    if atomic.is_temporary_name(real.name):
        raise SaveError(
            given,
            "that name is reserved for temporary files",
            "Choose another name.",
            dutch=("die naam is voorbehouden aan tijdelijke bestanden", ANOTHER_NAME_NL),
        )
    return real


def permissions(path: Path) -> int:
    """The permission bits to keep when replacing ``path`` (0600 for a new file)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o600


def _read_up_to(fd: int, limit: int, expected: int = _CHUNK) -> bytes:
    """Everything in ``fd``, or the first ``limit + 1`` bytes when there is more.

    ``expected`` is the size ``fstat`` gave: the first read asks for one byte more, so a file
    that did not grow meanwhile is read with one call (a short read of a regular file is its
    end)."""
    first = min(max(expected, 0) + 1, limit + 1)
    chunk = os.read(fd, first)
    if len(chunk) < first:
        return chunk
    chunks = [chunk]
    size = len(chunk)
    while size <= limit:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _open_problem(path: Path, exc: OSError) -> FileReadError:
    if isinstance(exc, FileNotFoundError):
        if path.is_symlink():
            target = path.readlink()
            return FileReadError(path, "link", f"symbolic link to a missing file ({target})")
        return FileReadError(path, "missing", "no such file")
    if isinstance(exc, PermissionError):
        return FileReadError(path, "denied", "permission denied")
    if exc.errno == errno.ELOOP:
        return FileReadError(path, "link", "cannot follow the path: a symbolic link loop")
    if isinstance(exc, IsADirectoryError):
        return FileReadError(path, "directory", "is a directory")
    return FileReadError(path, "os", f"cannot read: {exc.strerror or exc}")


def _size(limit: int) -> str:
    megabytes = limit / 1024 / 1024
    return f"{megabytes:g} MB" if megabytes >= 1 else f"{limit} bytes"
