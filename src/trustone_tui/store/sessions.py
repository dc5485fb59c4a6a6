"""Session files on disk: open, save after every change, never lose an answer or corrupt a file.

* Sessions live in :func:`data_directory` (folder 0700, files 0600); any other path can be
  opened and is saved in place (keeping that file's permissions).
* Every save is atomic and durable (see :mod:`trustone_tui.store.atomic`) and first checks that the
  file on disk still has the fingerprint (SHA-256 of its bytes) it had when it was read: a
  change behind the app's back is never overwritten (:class:`ConflictError`).
* A lock (see :mod:`trustone_tui.store.filelock`) warns a second instance that opens the same file.
* Older format versions are migrated on open; the original is kept beside it as a backup.
* Answers to questions the bank no longer has are kept and reported.

Symbolic links (policy in :mod:`trustone_tui.store.safefile`): the store reads and writes the
regular file a link points to; the link is left alone, and temporary files, lock and backups go
beside the real file. A link that appears where the opened file was is refused as a conflict.

Nothing here imports Textual; :class:`SessionFile` is safe to use from a worker thread.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import platformdirs

from trustone_tui.answerfile.read import (
    MAX_FILE_BYTES,
    AnswerFileError,
    ReadSession,
    read_session,
)
from trustone_tui.answerfile.readback import check_readback
from trustone_tui.answerfile.write import dump_session
from trustone_tui.engine.progress import Progress, progress
from trustone_tui.engine.scoring import assess
from trustone_tui.engine.session import Session, profile_of
from trustone_tui.framework.bank import Framework
from trustone_tui.framework.digest import sha256
from trustone_tui.store import atomic, filelock, safefile
from trustone_tui.store.answerfiles import read_answer_bytes, resolve_answer_file
from trustone_tui.store.saveerrors import (
    ConflictError,
    DataDirectoryError,
    InvalidSessionError,
    SaveError,
    StoreError,
    TargetExistsError,
)

if TYPE_CHECKING:
    from trustone_tui.framework.model import Category

__all__ = [
    "DATA_DIR_ENV",
    "ConflictError",
    "DataDirectoryError",
    "InvalidSessionError",
    "RecentSession",
    "SaveError",
    "SessionFile",
    "StoreError",
    "TargetExistsError",
    "create_session",
    "data_directory",
    "fingerprint",
    "open_session",
    "recent_sessions",
    "save_as",
    "serialise",
    "session_file_stem",
]

APP_NAME = "trustone-tui"
#: Set to use another data directory (tests, snapshot runs, a portable install).
DATA_DIR_ENV = "TRUSTONE_DATA_DIR"
SESSION_SUFFIX = ".toml"
BACKUP_SUFFIX = ".bak"


# --------------------------------------------------------------------------- places


def data_directory() -> Path:
    """Where sessions live: ``$TRUSTONE_DATA_DIR`` or the platform's user data directory.

    Created on first use with permissions 0700 (tightened to 0700 if it is group- or
    world-accessible). Raises :class:`DataDirectoryError` when it cannot be created.
    """
    override = os.environ.get(DATA_DIR_ENV)
    directory = Path(override or platformdirs.user_data_dir(APP_NAME, appauthor=False))
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name == "posix" and stat.S_IMODE(directory.stat().st_mode) & 0o077:
            directory.chmod(0o700)
    except OSError as exc:
        raise DataDirectoryError(
            directory,
            f"{directory}: cannot use it as the session folder: {exc.strerror or exc}",
            dutch=f"{directory}: deze map kan niet als sessiemap worden gebruikt "
            f"(het systeem meldt: {exc.strerror or exc})",
        ) from exc
    return directory


def fingerprint(data: bytes) -> str:
    """The fingerprint a session file is recognised by (SHA-256, hex)."""
    digest: str = sha256(data).hexdigest()  # sha256 may come untyped from _sha2 (digest.py)
    return digest


def session_file_stem(session: Session) -> str:
    """A safe, readable file name stem: ``natuursteen-van-dijk-zn-bv-2026``."""
    name = unicodedata.normalize("NFKD", session.company.name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).lower()
    name = re.sub(r"[.'’`]", "", name)
    slug = re.sub(r"[^a-z0-9]+", "-", name).strip("-")
    if len(slug) > 50:
        slug = slug[:50].rsplit("-", 1)[0] if "-" in slug[:50] else slug[:50]
    when = session.interview.date or session.created or dt.date.today()
    return f"{slug or 'sessie'}-{when.year}"


# --------------------------------------------------------------------------- the open file


class SessionFile:
    """An open session file. Get one from :func:`open_session`, :func:`create_session` or
    :func:`save_as`; call :meth:`close` (or use ``with``) when done.

    Attributes:
        path: the path as opened (absolute; may be a symbolic link).
        real_path: the regular file that is read and written.
        session: the session as last read from or written to the file.
        fingerprint: SHA-256 of the file's bytes as last read or written.
        lock_warning: a one-line warning when another live instance has this file open
            (this instance can still work; a save is still refused if the other one changed
            the file), else None.
        migrated_from: the older format version the file had, else None.
        migrated_backup: where the original of a migrated file was kept, else None.
        removed_leftovers: temporary files of interrupted saves removed at open.
        standard_layout: False when the file was not written by trustone in its standard
            layout (hand-edited, other program, BOM): the first save rewrites it so; all
            answers are kept, comments and formatting are not. Reported in ``notices``.
    """

    def __init__(
        self,
        path: Path,
        real_path: Path,
        framework: Framework,
        session: Session,
        data: bytes,
        *,
        durable: bool = True,
    ) -> None:
        self.path = path
        self.real_path = real_path
        self.framework = framework
        self.session = session
        self.fingerprint = fingerprint(data)
        self.lock_warning: str | None = None
        #: Who has the file open when ``lock_warning`` is set (for wording it elsewhere).
        self.lock_holder: filelock.LockHolder | None = None
        self.migrated_from: int | None = None
        self.migrated_backup: Path | None = None
        self.removed_leftovers: tuple[Path, ...] = ()
        self.standard_layout = True
        self._backup_problem: str | None = None
        self._pending_original: bytes | None = None
        self._durable = durable
        self._lock: filelock.FileLock | None = None
        self._io = threading.Lock()
        self._state = threading.Lock()
        self._requested = 0
        self._written = 0
        self._latest: Session | None = None
        self._closed = False

    # ----------------------------------------------------------------- reporting

    @property
    def locked(self) -> bool:
        """True while this instance holds the file's lock."""
        return self._lock is not None and self._lock.held

    @property
    def orphan_ids(self) -> tuple[str, ...]:
        """Question ids with answers kept from another question bank version."""
        return tuple(self.session.orphans)

    @property
    def orphan_report(self) -> str | None:
        """One line about kept answers to questions this question bank does not have."""
        ids = self.orphan_ids
        if not ids:
            return None
        made_with = self.session.framework_version or "an unknown version"
        return (
            f"{self.path}: {len(ids)} answer(s) to questions that question bank "
            f"{self.framework.version} does not have are kept in the file, not scored: "
            f"{', '.join(ids)} (file made with question bank {made_with})"
        )

    @property
    def notices(self) -> list[str]:
        """One line for each thing the user should know after opening (may be empty)."""
        lines = []
        if self.lock_warning:
            lines.append(self.lock_warning)
        if self.migrated_from is not None:
            kept = (
                f"the original is kept as {self.migrated_backup.name}"
                if self.migrated_backup
                else f"no backup of the original could be made yet ({self._backup_problem}); "
                "it is not overwritten until one is"
            )
            lines.append(f"{self.path}: upgraded from format version {self.migrated_from}; {kept}")
        elif not self.standard_layout:
            lines.append(
                f"{self.path}: not in trustone's standard layout (edited by hand or by another "
                "program); the first save rewrites it: all answers are kept, comments and "
                "formatting are not"
            )
        if self.orphan_report:
            lines.append(self.orphan_report)
        if self.removed_leftovers:
            lines.append(
                f"{self.path}: removed {len(self.removed_leftovers)} temporary file(s) left by "
                "an interrupted save (the session itself was not affected)"
            )
        return lines

    def suggest_copy_path(self) -> Path:
        """A free name for a copy: ``<name>-kopie.toml`` beside the file, or in the data
        directory when that folder is not writable (:class:`StoreError` if neither works)."""
        folder = self.real_path.parent
        if not os.access(folder, os.W_OK):
            folder = data_directory()
        stem, suffix = _split_suffix(self.real_path.name)
        for n in range(1, 1000):
            candidate = folder / f"{stem}-kopie{'' if n == 1 else f'-{n}'}{suffix}"
            if not os.path.lexists(candidate):
                return candidate
        raise StoreError(
            folder,
            f"{folder}: no free name for a copy of {self.real_path.name}",
            dutch=f"{folder}: geen vrije naam voor een kopie van {self.real_path.name}",
        )

    # ----------------------------------------------------------------- saving

    def save(self, session: Session) -> None:
        """Write ``session`` to the file, atomically and durably.

        Safe to call from any thread; concurrent calls are serialised and the most recently
        requested session is the one that ends up on disk (a call whose session was already
        superseded by a newer call returns without writing). Raises :class:`ConflictError`
        when the file changed behind this instance's back, :class:`InvalidSessionError` when
        the session cannot be written as a valid answer file, :class:`SaveError` for disk
        problems. In every case the file on disk is left as it was (the one exception,
        ``SaveError.replaced``, means the new bytes are in place but the folder sync failed;
        saving again completes it) and ``session`` is untouched.
        """
        with self._state:
            self._check_open()
            self._requested += 1
            mine = self._requested
            self._latest = session
        with self._io:
            with self._state:
                if self._written >= mine:
                    return  # a newer session was written (or reload() superseded this one)
                newest, number = self._newest_request()
            if newest is None:
                return
            self._write(newest)
            with self._state:
                self._written = max(self._written, number)

    def _newest_request(self) -> tuple[Session | None, int]:
        """The most recently requested session (None once reload() dropped it) and its number;
        call with ``_state`` held. (Another thread may have replaced what this one set.)"""
        return self._latest, self._requested

    def save_copy(self, session: Session, path: Path, *, overwrite: bool = False) -> SessionFile:
        """Write ``session`` to another file ("save as" / "save a copy" after a conflict).

        Returns the new file, open and locked; this one stays open (close it to switch).
        Raises :class:`TargetExistsError` when ``path`` exists and ``overwrite`` is False.
        """
        with self._io:
            self._check_open()
            return save_as(session, self.framework, path, overwrite=overwrite)

    def reload(self) -> Session:
        """Read the file again (e.g. after a conflict), replacing this instance's session.

        Saves requested before the reload are dropped. Raises ``AnswerFileError`` when the
        file on disk is not a valid answer file now; then nothing changes.
        """
        with self._io:
            self._check_open()
            data = read_answer_bytes(self.path, self.real_path)
            read = read_session(data, str(self.path), self.framework)
            self._adopt(read, data)
            with self._state:
                self._written = self._requested
                self._latest = None
            return self.session

    def close(self) -> None:
        """Release the lock. Saving afterwards raises ``ValueError``. Idempotent."""
        with self._io, self._state:
            self._closed = True
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> SessionFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SessionFile({str(self.path)!r}, locked={self.locked})"

    # ----------------------------------------------------------------- internals

    def _check_open(self) -> None:
        if self._closed:
            raise ValueError(f"{self.path}: session file is closed")

    def _write(self, session: Session) -> None:
        data = serialise(session, self.framework, self.path)
        self._ensure_backup(required=True)
        current = self._unchanged_on_disk()
        if current == data and self._durable:
            self.session = session
            return
        mode = safefile.permissions(self.real_path)
        if os.name == "posix" and not os.access(self.real_path, os.W_OK):
            raise SaveError(
                self.path,
                "the file is read-only",
                "Save a copy, or make the file writable and save again.",
                dutch=(
                    "het bestand is alleen-lezen",
                    "Sla een kopie op, of maak het bestand beschrijfbaar en sla opnieuw op.",
                ),
            )
        try:
            # Checked again right before the rename, so the window in which another
            # program's change could slip in is the rename itself, not the write and fsync;
            # another trustone instance cannot slip in at all: it waits for the folder lock
            # held around this check and the rename, then finds the file changed.
            atomic.write_replace(
                self.real_path,
                data,
                mode,
                before_replace=self._unchanged_on_disk,
                guard=lambda: filelock.exclusive(self.real_path.parent),
            )
        except atomic.NotDurableError as exc:
            self._adopt_written(session, data, durable=False)
            raise SaveError.from_os_error(self.path, exc.cause, replaced=True) from exc
        except OSError as exc:
            raise SaveError.from_os_error(self.path, exc) from exc
        self._adopt_written(session, data, durable=True)

    def _unchanged_on_disk(self) -> bytes:
        """The file's bytes; :class:`ConflictError` unless they have our fingerprint."""
        try:
            current = safefile.read_regular(self.real_path, limit=MAX_FILE_BYTES)
        except OSError as exc:
            raise SaveError.from_os_error(self.path, exc) from exc
        except safefile.NotRegularFile:
            raise ConflictError(self.path, "replaced") from None
        if current is None:
            raise ConflictError(self.path, "deleted")
        if fingerprint(current) != self.fingerprint:
            raise ConflictError(self.path, "changed")
        return current

    def _adopt_written(self, session: Session, data: bytes, *, durable: bool) -> None:
        self.session = session
        self.fingerprint = fingerprint(data)
        self._durable = durable

    def _adopt(self, read: ReadSession, data: bytes) -> None:
        self._adopt_written(read.session, data, durable=True)
        self.standard_layout = data == dump_session(read.session, self.framework)
        if read.migrated:
            self.migrated_from = read.from_version
            self.migrated_backup = None
            self._pending_original = data
            self._ensure_backup(required=False)

    def _ensure_backup(self, *, required: bool) -> None:
        """Keep the original of a migrated file beside it before it is ever overwritten."""
        original = self._pending_original
        if original is None or self.migrated_from is None:
            return
        try:
            self.migrated_backup = _write_backup(self.real_path, original, self.migrated_from)
        except OSError as exc:
            self._backup_problem = exc.strerror or str(exc)
            if required:
                raise SaveError(
                    self.path,
                    f"cannot keep a backup of the format version {self.migrated_from} "
                    f"original ({self._backup_problem})",
                    "Save a copy elsewhere; the original stays as it is.",
                    errno_=exc.errno,
                    dutch=(
                        "er kan geen reservekopie worden gemaakt van het origineel in "
                        f"formaatversie {self.migrated_from} ({self._backup_problem})",
                        "Sla een kopie elders op; het origineel blijft zoals het is.",
                    ),
                ) from exc
            return
        self._pending_original = None
        self._backup_problem = None

    def _take_lock(self) -> None:
        for lock_path in _lock_candidates(self.real_path):
            try:
                self._lock = filelock.acquire(lock_path)
                return
            except filelock.LockedElsewhere as exc:
                self.lock_holder = exc.holder
                self.lock_warning = (
                    f"{self.path}: this session is already open in trustone "
                    f"({exc.holder.describe()}); changes made in both places conflict, and "
                    "a save that would overwrite the other's changes is refused"
                )
                return
            except OSError:
                continue  # cannot create a lock file there: try the next place

    def _remove_leftovers(self) -> None:
        removed = []
        for temp in atomic.leftover_temporaries(self.real_path):
            try:
                temp.unlink()
            except OSError:
                continue
            removed.append(temp)
        self.removed_leftovers = tuple(removed)


# --------------------------------------------------------------------------- opening


def open_session(path: Path | str, framework: Framework, *, lock: bool = True) -> SessionFile:
    """Open an answer file: read, validate, migrate if older, fingerprint, take the lock.

    Raises ``AnswerFileError`` (one line per problem) when the file cannot be read or is not a
    valid answer file, or is a symbolic link to nothing or to something other than a file.
    Never writes to the file; a migrated file's original is copied to a backup beside it.
    With ``lock=False`` (read-only uses) no lock is taken and no leftovers are removed.
    """
    given = Path(path).absolute()
    real = resolve_answer_file(given)
    if lock:
        _refuse_hard_links(given, real)
    data = read_answer_bytes(given, real)
    read = read_session(data, str(given), framework)
    opened = SessionFile(given, real, framework, read.session, data)
    if lock:
        opened._take_lock()
        if opened.locked:
            opened._remove_leftovers()
    opened._adopt(read, data)
    return opened


def create_session(
    session: Session, framework: Framework, directory: Path | None = None
) -> SessionFile:
    """Write a new session file with a unique name derived from the company name and year.

    ``directory`` defaults to :func:`data_directory`. Raises :class:`SaveError` (or
    :class:`InvalidSessionError`) when it cannot be written.
    """
    folder = Path(directory) if directory is not None else data_directory()
    stem = session_file_stem(session)
    data = serialise(session, framework, folder / f"{stem}{SESSION_SUFFIX}")
    for n in range(1, 10_000):
        candidate = folder / f"{stem}{'' if n == 1 else f'-{n}'}{SESSION_SUFFIX}"
        if os.path.lexists(candidate):
            continue
        try:
            return _write_and_open(candidate, candidate, session, framework, data, new=True)
        except TargetExistsError:
            continue  # someone took the name a moment ago
    raise SaveError(
        folder,
        "no free file name",
        "Choose a name with save as.",
        dutch=("geen vrije bestandsnaam", "Kies een naam met Kopie opslaan als."),
    )


def save_as(
    session: Session, framework: Framework, path: Path | str, *, overwrite: bool = False
) -> SessionFile:
    """Write ``session`` to ``path`` and return it opened and locked.

    A symbolic link at ``path`` is followed to the file it points to (which must be a regular
    file or not exist yet in an existing folder). Raises :class:`TargetExistsError` when the
    target exists and ``overwrite`` is False, :class:`SaveError` otherwise.
    """
    given = Path(path).absolute()
    real = safefile.resolve_target(given)
    data = serialise(session, framework, given)
    exists = os.path.lexists(real)
    if exists and not overwrite:
        raise TargetExistsError(given)
    return _write_and_open(given, real, session, framework, data, new=not exists)


def _write_and_open(
    given: Path, real: Path, session: Session, framework: Framework, data: bytes, *, new: bool
) -> SessionFile:
    durable = True
    try:
        if new:
            atomic.write_new(real, data)
        else:
            atomic.write_replace(real, data, safefile.permissions(real))
    except FileExistsError:
        raise TargetExistsError(given) from None
    except atomic.NotDurableError:
        durable = False  # written; the next save redoes it in full (see SessionFile._durable)
    except OSError as exc:
        raise SaveError.from_os_error(given, exc) from exc
    opened = SessionFile(given, real, framework, session, data, durable=durable)
    opened._take_lock()
    return opened


def serialise(session: Session, framework: Framework, path: Path) -> bytes:
    """The session's file bytes, checked to read back as a valid answer file."""
    try:
        data = dump_session(session, framework)
    except (ValueError, TypeError) as exc:
        raise InvalidSessionError(path, [str(exc)]) from exc
    try:
        check_readback(session, data, framework)
    except AnswerFileError as exc:
        raise InvalidSessionError(path, [p.removeprefix(": ") for p in exc.problems]) from exc
    return data


# --------------------------------------------------------------------------- listing


class RecentSession(NamedTuple):
    """One file in the session folder, for a "recent sessions" list.

    For a file that cannot be read, ``problems`` holds its problem lines and the session
    fields are None.
    """

    path: Path
    #: When the file was last written (file modification time, local time zone).
    modified: dt.datetime
    company: str | None = None
    category: Category | None = None
    #: The level reached (e.g. "C2"), None when below level 1 or unreadable.
    level: str | None = None
    #: The session's own ``updated`` stamp, if it has one.
    updated: dt.datetime | None = None
    problems: tuple[str, ...] = ()
    #: How many of the questions that count have an answer.
    progress: Progress | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def recent_sessions(framework: Framework, directory: Path | None = None) -> list[RecentSession]:
    """Every ``*.toml`` session in the folder, most recently written first.

    Hidden files, temporary files of interrupted saves and backups are never listed; a file
    that fails to load is listed with its problems instead of breaking the list.
    """
    folder = Path(directory) if directory is not None else data_directory()
    try:
        entries = [
            e
            for e in folder.iterdir()
            if e.name.endswith(SESSION_SUFFIX)
            and not e.name.startswith(".")
            and not atomic.is_temporary_name(e.name)
        ]
    except OSError:
        return []
    listed = []
    for entry in entries:
        try:
            stamp = entry.stat().st_mtime if entry.exists() else entry.lstat().st_mtime
        except OSError:
            continue  # vanished meanwhile
        modified = dt.datetime.fromtimestamp(stamp).astimezone()
        listed.append(_describe(entry, modified, framework))
    listed.sort(key=lambda r: (r.modified, r.path.name), reverse=True)
    return listed


def _describe(path: Path, modified: dt.datetime, framework: Framework) -> RecentSession:
    try:
        real = resolve_answer_file(path)
        session = read_session(read_answer_bytes(path, real), str(path), framework).session
    except AnswerFileError as exc:
        return RecentSession(path, modified, problems=tuple(exc.problems))
    assessment = assess(framework, session)
    return RecentSession(
        path,
        modified,
        company=session.company.name,
        category=profile_of(session.company, framework).category,
        level=assessment.level.id if assessment.level else None,
        updated=session.updated,
        progress=progress(assessment),
    )


# --------------------------------------------------------------------------- helpers


def _split_suffix(name: str) -> tuple[str, str]:
    if name.endswith(SESSION_SUFFIX):
        return name[: -len(SESSION_SUFFIX)], SESSION_SUFFIX
    return name, ""


def _refuse_hard_links(given: Path, real: Path) -> None:
    """Refuse to open for editing a file that has other names (hard links).

    A save replaces the file by rename, which gives this name a new file and leaves every other
    name with the old answers; and an instance that opened another name would not be warned by
    this one's lock. So such a file is refused with the way out: work on a copy.
    """
    try:
        names = real.stat().st_nlink
    except OSError:
        return  # reading it reports the problem
    if names > 1:
        others = names - 1
        raise AnswerFileError(
            [
                f"{given}: this file has {others} other name{'s' if others > 1 else ''} "
                "(hard links); saving would give this name a new file and leave the other "
                "names with the old answers, unwarned, so it is not opened for editing; "
                f"open a copy of it instead (e.g. cp {given.name} kopie.toml)"
            ]
        )


def _lock_candidates(real: Path) -> Iterator[Path]:
    """The sidecar ``.<name>.lock`` beside the file; when that folder is not writable, a lock
    file in the data directory named after the file's path."""
    yield real.parent / f".{real.name}.lock"
    try:
        locks = data_directory() / "locks"
        locks.mkdir(mode=0o700, exist_ok=True)
    except (OSError, StoreError):
        return
    yield locks / f"{sha256(os.fsencode(real)).hexdigest()[:32]}.lock"


def _write_backup(real: Path, original: bytes, version: int) -> Path:
    """Keep ``original`` as ``<name>.v<N>.bak`` beside ``real``; never overwrite another backup.

    An existing backup with the same bytes is reused; otherwise ``<name>.v<N>.2.bak``, ...
    """
    for n in range(1, 1000):
        backup = real.parent / f"{real.name}.v{version}{'' if n == 1 else f'.{n}'}{BACKUP_SUFFIX}"
        try:
            existing = safefile.read_regular(backup, limit=MAX_FILE_BYTES)
        except safefile.NotRegularFile:
            continue
        if existing == original:
            return backup
        if existing is not None:
            continue
        try:
            atomic.write_new(backup, original, safefile.permissions(real))
        except FileExistsError:
            continue
        except atomic.NotDurableError:
            pass  # the backup exists; the folder sync is retried by the next save
        return backup
    raise FileExistsError(f"{real}: too many backups")
