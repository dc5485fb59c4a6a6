"""A validated copy of the question bank, so a start does not validate (or import pydantic).

Validating ``questions/`` with pydantic takes about 75 ms per start, most of it importing
pydantic. The first start of a bank validates it as always and then pickles the resulting
:class:`~trustone_tui.framework.bank.Framework` into the user's cache directory; later starts
load that copy when its key matches. The key hashes the bytes of every ``*.toml`` in the bank's
directory, the source of the modules that define the pickled classes, and the Python version,
so an edited question file or a new version of the app is validated afresh.

The copy is only ever an optimisation: one that is missing, unreadable, of another user, open
to others, or not a ``Framework`` is ignored (and replaced), and a cache directory that cannot
be written only means the next start validates again. ``$TRUSTONE_CACHE_DIR`` moves the cache;
the tests point it at a temporary directory.
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

from trustone_tui.framework import bank as framework_bank
from trustone_tui.framework.digest import blake2b

CACHE_DIR_ENV = "TRUSTONE_CACHE_DIR"
APP_NAME = "trustone-tui"
#: Raise when the pickled layout changes in a way the source hashes would not show.
CACHE_FORMAT = 1
#: The modules whose classes are pickled (their source is part of the key).
_MODEL_SOURCES = ("model.py", "bank.py", "profile.py", "countries.py")


def cache_directory() -> Path:
    """``$TRUSTONE_CACHE_DIR`` or the platform's user cache directory (not created here)."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def bank_key(directory: Path) -> str:
    """A hash of everything the pickled bank depends on."""
    digest = blake2b(digest_size=16)
    digest.update(f"{CACHE_FORMAT} {sys.version}".encode())
    here = Path(framework_bank.__file__).parent
    for name in _MODEL_SOURCES:
        digest.update((here / name).read_bytes())
    for entry in sorted(os.scandir(directory), key=lambda e: e.name):
        if entry.name.endswith(".toml") and entry.is_file():
            digest.update(entry.name.encode())
            digest.update(len(entry.name).to_bytes(4, "little"))
            data = Path(entry.path).read_bytes()
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
    return digest.hexdigest()


def cached_bank(
    directory: Path, load: Callable[[Path], framework_bank.Framework]
) -> framework_bank.Framework:
    """The bank in ``directory``: the validated copy when its key matches, else ``load`` it
    (which validates and raises on problems) and keep a copy for the next start."""
    try:
        key = bank_key(directory)
    except OSError:
        return load(directory)  # let the loader name the file it cannot read
    path = cache_directory() / f"bank-{key}.pickle"
    framework = _read(path)
    if isinstance(framework, framework_bank.Framework):
        return framework
    framework = load(directory)
    _write(path, framework)
    return framework


def _read(path: Path) -> object | None:
    """The unpickled copy, or None when there is none this process should trust."""
    try:
        with path.open("rb") as fh:
            info = os.fstat(fh.fileno())
            if os.name == "posix" and (
                info.st_uid != os.getuid() or stat.S_IMODE(info.st_mode) & 0o022
            ):
                return None  # only our own copies, which nobody else can change
            loaded: object = pickle.load(fh)
            return loaded
    except Exception:  # none yet, or damaged: rebuilt, whatever reading it raised
        return None


def _write(path: Path, framework: framework_bank.Framework) -> None:
    """Store the copy atomically (0600, in a 0700 directory); failing to is harmless."""
    from trustone_tui.store import atomic

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic.write_replace(path, pickle.dumps(framework, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, atomic.NotDurableError):
        pass  # the next start validates the files again


@cache
def default_framework() -> framework_bank.Framework:
    """The bank shipped with the app (or ``$TRUSTONE_QUESTIONS``), loaded once per process;
    a validated copy from an earlier start is used when the files have not changed."""
    return cached_bank(framework_bank.bank_directory(), framework_bank.load_framework)
