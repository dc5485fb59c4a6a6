"""Writing a report file safely: atomically, and never over the answer file it came from."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from trustone_tui.store import atomic


class OutputError(Exception):
    """The output file cannot be written; the message is one English line naming the file."""


def same_file(a: Path, b: Path) -> bool:
    """True when both paths name the same file (also through links or different spellings)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def write_atomic(path: Path, data: bytes, protect: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` atomically (see :mod:`trustone_tui.store.atomic`).

    Readers see the old file or the new one, never half of one. Refuses (``OutputError``) to
    replace any of the ``protect`` paths (the input answer files) or a directory.
    """
    for guarded in protect:
        if same_file(path, guarded):
            raise OutputError(f"{path}: is the input answer file; refusing to overwrite it")
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name")
    directory = path.parent if str(path.parent) else Path()
    if not directory.is_dir():
        raise OutputError(f"{path}: directory {directory} does not exist")
    try:
        atomic.write_replace(path, data, _mode_for(path))
    except atomic.NotDurableError:
        pass  # the report is written; only the folder's fsync failed
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _mode_for(path: Path) -> int:
    """Keep the permissions of a file being replaced; a new file gets rw-r--r--.

    (Reading the umask would mean changing it, which is not thread-safe in an app.)
    """
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644
