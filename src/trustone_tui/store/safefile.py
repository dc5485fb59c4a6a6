"""The file side of the store's safety rules: which file a path means, and reading it safely.

Symbolic link policy: a path that is a symbolic link means the regular file it points to
(resolved once, when the session is opened or saved as); reads and writes go to that file and
the link itself is never replaced. A link to nothing, a link loop, or anything that is not a
regular file (folder, device, pipe, socket) is refused. Reads of a file the store already
knows never follow a link (``O_NOFOLLOW``), so a link that appears later is treated as a
different file, never written through.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from trustone_tui.answerfile.read import MAX_FILE_BYTES, AnswerFileError
from trustone_tui.store import atomic
from trustone_tui.store.saveerrors import SaveError


class NotRegularFile(Exception):
    """The path exists but is not a regular file (a link, folder, device, pipe...)."""


def read_regular(path: Path) -> bytes | None:
    """The bytes of the regular file at ``path`` (no link followed); None when it is gone."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if path.is_symlink():
            raise NotRegularFile from exc
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile
        chunks = []
        size = 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_answer_file(given: Path, real: Path) -> bytes:
    """The bytes of ``real`` for opening ``given``; ``AnswerFileError`` when unreadable."""
    try:
        data = read_regular(real)
    except NotRegularFile:
        raise AnswerFileError([f"{given}: not a regular file"]) from None
    except PermissionError:
        raise AnswerFileError([f"{given}: permission denied"]) from None
    except OSError as exc:
        raise AnswerFileError([f"{given}: cannot read: {exc.strerror or exc}"]) from None
    if data is None:
        raise AnswerFileError([f"{given}: no such file"])
    if len(data) > MAX_FILE_BYTES:
        raise AnswerFileError(
            [
                f"{given}: file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB; "
                "refusing to read it as an answer file"
            ]
        )
    return data


def resolve_existing(given: Path) -> Path:
    """The regular file ``given`` is or points to (raises ``AnswerFileError`` otherwise)."""
    try:
        real = given.resolve(strict=True)
    except FileNotFoundError:
        if given.is_symlink():
            raise AnswerFileError(
                [f"{given}: symbolic link to a missing file ({given.readlink()})"]
            ) from None
        raise AnswerFileError([f"{given}: no such file"]) from None
    except (RuntimeError, OSError) as exc:  # a link loop (RuntimeError before Python 3.13)
        raise AnswerFileError([f"{given}: cannot follow the path: {exc}"]) from None
    try:
        mode = real.stat().st_mode
    except OSError as exc:
        raise AnswerFileError([f"{given}: cannot read: {exc.strerror or exc}"]) from None
    if stat.S_ISDIR(mode):
        raise AnswerFileError([f"{given}: is a directory, not an answer file"])
    if not stat.S_ISREG(mode):
        raise AnswerFileError([f"{given}: not a regular file"])
    if atomic.is_temporary_name(real.name):
        raise AnswerFileError(
            [f"{given}: temporary file of an interrupted save, not a session; it is ignored"]
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
            ) from None
        except (RuntimeError, OSError) as exc:
            raise SaveError(
                given, f"cannot follow the link ({exc})", "Choose another name."
            ) from None
    else:
        real = given.parent.resolve() / given.name
    if os.path.lexists(real) and not real.is_file():
        raise SaveError(given, "it is not a regular file", "Choose another name.")
    if atomic.is_temporary_name(real.name):
        raise SaveError(given, "that name is reserved for temporary files", "Choose another name.")
    return real


def permissions(path: Path) -> int:
    """The permission bits to keep when replacing ``path`` (0600 for a new file)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o600
