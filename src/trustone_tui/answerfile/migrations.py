"""Answer-file format versions (``schema_version``) and the steps that upgrade old files.

A migration step turns a parsed document of format version N into one of version N + 1; steps
are registered in :data:`MIGRATIONS` by their ``from`` version and applied in a chain until the
document has :data:`~trustone_tui.engine.session.CURRENT_SCHEMA_VERSION`. Steps work on the parsed
TOML (plain dicts), before validation, so they never need the old format's models.

Format version 1 is the first released format. Version 2 added three optional parts (the
supply-chain register ``[register]``, the plan of action ``[[actions]]`` and
``interview.last_question``); a version-1 file is a valid version-2 file without them, so its
step changes nothing but the version. Whoever changes the format bumps
``CURRENT_SCHEMA_VERSION`` and registers the step from the previous version here, with a test on
a real file of the old version.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from trustone_tui.engine.session import CURRENT_SCHEMA_VERSION

Document = dict[str, Any]
MigrationStep = Callable[[Document], Document]


def _from_1(document: Document) -> Document:
    """Version 1 to 2: only new optional tables, so nothing to change (the version is set by
    :func:`upgrade`). A version-1 file that already holds one of them was not written by a
    version-1 program: it is refused rather than read under the wrong rules."""
    for key in ("register", "actions"):
        if key in document:
            raise MigrationError(f"{key}: not part of format version 1 (set schema_version = 2)")
    return document


#: ``from_version -> step`` producing a document of ``from_version + 1``.
MIGRATIONS: dict[int, MigrationStep] = {1: _from_1}


class MigrationError(Exception):
    """The document cannot be brought to the current format; ``str()`` is one line."""


class Upgraded(NamedTuple):
    document: Document
    #: The format version the document had before migration.
    from_version: int

    @property
    def migrated(self) -> bool:
        return self.from_version != CURRENT_SCHEMA_VERSION


def document_version(document: Mapping[str, Any]) -> int:
    """The document's ``schema_version`` (raises :class:`MigrationError` with the reason)."""
    version = document.get("schema_version")
    if version is None:
        raise MigrationError(f"missing (this format is version {CURRENT_SCHEMA_VERSION})")
    if not isinstance(version, int) or isinstance(version, bool):
        raise MigrationError("must be a whole number")
    if version > CURRENT_SCHEMA_VERSION:
        raise MigrationError(
            f"file is format version {version}, newer than this trustone-tui understands "
            f"({CURRENT_SCHEMA_VERSION}); upgrade trustone-tui to open it"
        )
    if version < CURRENT_SCHEMA_VERSION and any(
        v not in MIGRATIONS for v in range(version, CURRENT_SCHEMA_VERSION)
    ):
        raise MigrationError(f"{version} is not a known format version")
    return version


def upgrade(document: Mapping[str, Any]) -> Upgraded:
    """The document in the current format (a copy when migrated; the input is not changed)."""
    version = document_version(document)
    current: Document = dict(document)
    if version < CURRENT_SCHEMA_VERSION:
        current = copy.deepcopy(current)
    for step_from in range(version, CURRENT_SCHEMA_VERSION):
        try:
            current = MIGRATIONS[step_from](current)
        except MigrationError:
            raise
        except Exception as exc:  # a step must not turn a bad old file into a traceback
            raise MigrationError(
                f"cannot upgrade from format version {step_from} to {step_from + 1}: "
                f"{type(exc).__name__}: {exc}"
            ) from exc
        if not isinstance(current, dict):
            raise MigrationError(f"migration from format version {step_from} returned no table")
        current["schema_version"] = step_from + 1
    return Upgraded(current, version)
