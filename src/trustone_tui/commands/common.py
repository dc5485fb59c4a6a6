"""Shared plumbing for the command-line tools: loading files and reporting problems."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from trustone_tui.answerfile.read import AnswerFileError
from trustone_tui.engine.session import Session
from trustone_tui.framework.bank import Framework, FrameworkError
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.bankcache import default_framework
from trustone_tui.store.output import OutputError, write_atomic

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def framework_or_exit() -> Framework:
    """The bundled framework; a broken bank is reported (one line per problem) and exits 2."""
    try:
        return default_framework()
    except FrameworkError as exc:
        for line in exc.problems:
            print(f"trustone: question bank: {line}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT) from None


def report(problems: list[str]) -> None:
    for line in problems:
        print(line, file=sys.stderr)


def load_all(paths: list[Path], framework: Framework) -> Iterator[tuple[Path, Session | None]]:
    """Each path with its session, or None after its problems went to stderr."""
    for path in paths:
        try:
            yield path, load_session(path, framework)
        except AnswerFileError as exc:
            report(exc.problems)
            yield path, None


def load_one(path: Path, framework: Framework) -> Session | None:
    """The session of one answer file, or None after reporting its problems."""
    try:
        return load_session(path, framework)
    except AnswerFileError as exc:
        report(exc.problems)
        return None


def deliver(data: bytes, output: Path | None, source: Path, command: str) -> int:
    """Write ``data`` to standard output, or atomically to ``output`` (never over ``source``);
    the exit status."""
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    try:
        write_atomic(output, data, protect=[source])
    except OutputError as exc:
        report([f"trustone {command}: {exc}"])
        return EXIT_BAD_INPUT
    return EXIT_OK


def add_csv_dialect(parser: argparse.ArgumentParser) -> None:
    """The ``--csv-dialect`` option of the commands that write CSV."""
    from trustone_tui.report.csvtable import DEFAULT_DIALECT, DIALECTS

    parser.add_argument(
        "--csv-dialect",
        choices=sorted(DIALECTS),
        default=DEFAULT_DIALECT,
        help=f"CSV separators (default {DEFAULT_DIALECT}): nl uses ';' and decimal commas "
        "(Dutch Excel/LibreOffice), intl uses ',' and points",
    )
