"""A lock that tells a second instance that a session is already open somewhere else.

The lock is an OS lock (``flock``; ``msvcrt.locking`` on Windows) on a small sidecar file. The
operating system releases it when the process ends in any way, including ``kill -9`` or a power
cut, so a lock file left behind never blocks a later start: only a *live* holder counts. The
holder writes its process id, host and start time into the file so the warning can say who has
the session open. A clean release deletes the sidecar file (on POSIX) while still holding the
lock; an acquirer re-checks that the name still refers to the file it locked, so the deletion
cannot hand out the same lock twice.

The lock is advisory: it is a warning for cooperating trustone-tui instances, not a
protection against other programs (the store's fingerprint check covers those).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import socket
import sys
import time
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

_ATTEMPTS = 10
#: How long a save waits for another instance's save in the same folder to finish.
EXCLUSIVE_TIMEOUT = 10.0
_EXCLUSIVE_POLL = 0.0005
_WINDOWS_LOCK_OFFSET = 1 << 20  # lock a byte past the holder info, which stays readable


class HolderWords(NamedTuple):
    """The words a lock holder is described with: "process 4321 on host since ...", and the
    words for a holder nothing is known of."""

    process: str
    on: str
    since: str
    anyone: str


ENGLISH_HOLDER_WORDS = HolderWords("process", "on", "since", "another process")
DUTCH_HOLDER_WORDS = HolderWords("proces", "op", "sinds", "een ander proces")


class LockHolder(NamedTuple):
    """Who holds a lock, as far as its file tells (fields are None when unknown)."""

    pid: int | None = None
    host: str | None = None
    since: dt.datetime | None = None

    def describe(self, words: HolderWords | None = None) -> str:
        """``process 4321 on laptop-sanne since 10:32`` (parts that are unknown are left out),
        in English unless other ``words`` are given."""
        process, on, since, anyone = words or ENGLISH_HOLDER_WORDS
        parts = []
        if self.pid is not None:
            parts.append(f"{process} {self.pid}")
        if self.host:
            parts.append(f"{on} {self.host}")
        if self.since is not None:
            parts.append(f"{since} {self.since.astimezone():%Y-%m-%d %H:%M}")
        return " ".join(parts) or anyone


class LockedElsewhere(Exception):
    """A live process holds the lock."""

    def __init__(self, path: Path, holder: LockHolder) -> None:
        self.path = path
        self.holder = holder
        super().__init__(f"{path}: locked by {holder.describe()}")


class FileLock:
    """A held lock; :meth:`release`, garbage collection or process exit frees it."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._release = weakref.finalize(self, _release, path, fd)

    @property
    def held(self) -> bool:
        return self._release.alive

    def release(self) -> None:
        """Delete the lock file and unlock (idempotent)."""
        self._release()


def _release(path: Path, fd: int) -> None:
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            path.unlink()  # while still holding the lock: see the module docstring
    else:
        _unlock_windows(fd)
    os.close(fd)


def acquire(path: Path) -> FileLock:
    """Take the lock file ``path`` without waiting.

    Raises :class:`LockedElsewhere` when a live process holds it, ``OSError`` when the lock
    file cannot be created (e.g. a read-only folder).
    """
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(_ATTEMPTS):
        fd = os.open(path, flags, 0o600)
        try:
            if not _try_lock(fd):
                raise LockedElsewhere(path, _read_holder(fd))
            if not _still_named(fd, path):
                os.close(fd)  # released and deleted by its holder meanwhile: try the new file
                continue
            _write_holder(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(fd)
            raise
        return FileLock(path, fd)
    raise LockedElsewhere(path, LockHolder())


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock_windows(fd: int) -> None:
    if sys.platform == "win32":  # (also tells the type checker where msvcrt exists)
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def _still_named(fd: int, path: Path) -> bool:
    if sys.platform == "win32":
        return True  # Windows cannot delete an open file, so the name cannot have moved on
    try:
        named = path.stat(follow_symlinks=False)
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


def _write_holder(fd: int) -> None:
    info = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, (json.dumps(info) + "\n").encode())


def _read_holder(fd: int) -> LockHolder:
    """The holder's details; anything unreadable just makes them unknown."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        info = json.loads(os.read(fd, 4096).decode("utf-8", "replace"))
    except (OSError, ValueError):
        return LockHolder()
    if not isinstance(info, dict):
        return LockHolder()
    pid = info.get("pid")
    host = info.get("host")
    try:
        since = dt.datetime.fromisoformat(info["since"]) if "since" in info else None
    except (TypeError, ValueError):
        since = None
    return LockHolder(
        pid=pid if isinstance(pid, int) and not isinstance(pid, bool) else None,
        host=host if isinstance(host, str) else None,
        since=since if since is None or since.tzinfo is not None else None,
    )


@contextlib.contextmanager
def exclusive(directory: Path, timeout: float = EXCLUSIVE_TIMEOUT) -> Iterator[None]:
    """Hold an OS lock on ``directory`` for a short critical section: a save's last check that
    the file is unchanged and its rename, so that two instances can never both pass the check
    and then rename one over the other.

    Waits for another holder (they hold it for milliseconds) up to ``timeout`` seconds, then
    raises ``BlockingIOError``. Where the folder cannot be locked (Windows, a file system
    without ``flock`` on folders) the section runs unguarded, as the fingerprint check alone.
    """
    fd = _open_folder(directory)
    if fd is None:
        yield
        return
    try:
        _lock_waiting(fd, timeout)
        yield
    finally:
        os.close(fd)  # releases the lock


def _open_folder(directory: Path) -> int | None:
    if sys.platform == "win32":
        return None
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(directory, flags)
    except OSError:
        return None


def _lock_waiting(fd: int, timeout: float) -> bool:
    """True once ``fd`` is locked; False when this file system cannot lock it."""
    import fcntl

    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise BlockingIOError(
                    errno.EWOULDBLOCK, "another trustone instance is still saving in this folder"
                ) from None
            time.sleep(_EXCLUSIVE_POLL)
            continue
        except OSError:
            return False
        return True
