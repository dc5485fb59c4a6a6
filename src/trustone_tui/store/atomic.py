"""Atomic, durable file writes: a crash leaves either the old file or the new one, never a mix.

Every write goes to a temporary file in the target's own directory (same file system, so the
rename is atomic), is flushed and fsynced, then renamed over the target with ``os.replace``
(or hard-linked into place when the target must not exist yet), and finally the directory is
fsynced so the rename itself survives a power cut. On any failure before the rename the
temporary file is removed and the target is untouched.

Temporary files are named ``.<target name>.<random>.tmp``: hidden, and never ending in
``.toml``, so nothing that lists or opens answer files can mistake one for a session.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".tmp"
#: mkstemp's random part: 8 characters of [a-z0-9_].
_TEMP_NAME = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp$")
_F_FULLFSYNC = getattr(fcntl, "F_FULLFSYNC", None)
_DIRECTORY_FSYNC_UNSUPPORTED = {errno.EINVAL, errno.ENOTSUP, errno.EBADF}
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK}


class NotDurableError(Exception):
    """The new content replaced the target, but the directory could not be synced to disk.

    The file holds the new bytes now; after a power cut before the disk flushes its cache it
    might still hold the old ones. ``cause`` is the ``OSError`` of the failed directory fsync.
    """

    def __init__(self, path: Path, cause: OSError) -> None:
        self.path = path
        self.cause = cause
        super().__init__(f"{path}: written, but the folder could not be synced: {cause}")


def is_temporary_name(name: str) -> bool:
    """True for the name of a temporary file made by this module (e.g. left by a crash)."""
    return bool(_TEMP_NAME.match(name))


def leftover_temporaries(path: Path) -> list[Path]:
    """Temporary files beside ``path`` that this module made for it (left by a crash)."""
    try:
        entries = list(path.parent.iterdir())
    except OSError:
        return []
    found = []
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match and match.group("target") == path.name:
            found.append(entry)
    return sorted(found)


def write_replace(
    path: Path,
    data: bytes,
    mode: int = 0o600,
    *,
    before_replace: Callable[[], object] | None = None,
    guard: Callable[[], AbstractContextManager[object]] | None = None,
) -> None:
    """Atomically and durably replace (or create) ``path`` with ``data``, permissions ``mode``.

    ``before_replace`` runs after the temporary file is synced and just before the rename; if
    it raises, nothing is replaced (a last-moment check such as "is the file still ours?").
    ``guard`` is held around that check and the rename together (a lock between processes).
    Raises ``OSError`` when nothing was changed, :class:`NotDurableError` when the file was
    replaced but the directory fsync failed.
    """
    temp = _write_temp(path, data, mode)
    try:
        with guard() if guard is not None else contextlib.nullcontext():
            if before_replace is not None:
                before_replace()
            temp.replace(path)
    except BaseException:
        _discard(temp)
        raise
    _sync_directory_after_rename(path)


def write_new(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Atomically and durably create ``path``; ``FileExistsError`` if it already exists.

    The complete file appears under its name at once (a hard link of the synced temporary
    file), so a concurrent writer can never be overwritten and a crash never leaves half a
    file. On file systems without hard links it falls back to claiming the name with
    ``O_EXCL`` and then replacing the empty claim.
    """
    temp = _write_temp(path, data, mode)
    try:
        try:
            os.link(temp, path)
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise  # FileExistsError included
            _claim_then_replace(temp, path)
    finally:
        _discard(temp)
    _sync_directory_after_rename(path)


def fsync_directory(directory: Path) -> None:
    """Make renames and new names in ``directory`` durable (a no-op where unsupported)."""
    if sys.platform == "win32":  # Windows cannot open a directory; NTFS journals renames.
        return
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _DIRECTORY_FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(fd)


def fsync_file(fd: int) -> None:
    """Flush a file's data to the disk (``F_FULLFSYNC`` on macOS, where fsync is not enough)."""
    if _F_FULLFSYNC is not None:
        try:
            fcntl.fcntl(fd, _F_FULLFSYNC)
            return
        except OSError:
            pass  # not supported by this file system: fall back to fsync
    os.fsync(fd)


def _write_temp(path: Path, data: bytes, mode: int) -> Path:
    """A synced temporary file beside ``path`` holding ``data``; its name is returned."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    temp = Path(name)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            fsync_file(fd)
        finally:
            os.close(fd)
    except BaseException:
        _discard(temp)
        raise
    return temp


def _claim_then_replace(temp: Path, path: Path) -> None:
    claim = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(claim)
    try:
        temp.replace(path)
    except BaseException:
        _discard(temp)
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def _sync_directory_after_rename(path: Path) -> None:
    try:
        fsync_directory(path.parent)
    except OSError as exc:
        raise NotDurableError(path, exc) from exc


def _discard(temp: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()
