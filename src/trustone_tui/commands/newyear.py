"""``trustone new-year FILE -o NEXT.toml [--year YEAR]``: next year's session from this one."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from trustone_tui.commands.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    framework_or_exit,
    load_one,
    report,
)
from trustone_tui.engine.newyear import assessment_year, next_year_session
from trustone_tui.engine.session import FIRST_YEAR, LAST_YEAR
from trustone_tui.store import atomic
from trustone_tui.store.saveerrors import SaveError
from trustone_tui.store.sessions import serialise


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trustone new-year",
        description="Start next year's session from this one: the company, the history with "
        "this year's outcome, the actions still open or bezig; this year's file is named for "
        "the comparison (interview.previous_file). Answers start empty.",
        epilog="FILE is only read, never changed. OUT must not exist yet.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="this year's answer file (TOML)")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="OUT", required=True, help="the new answer file"
    )
    parser.add_argument(
        "--year",
        type=int,
        help="the year FILE assesses (default: the year of its assessment date, else this year)",
    )
    return parser


def run(argv: list[str], now: dt.datetime | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.year is not None and not FIRST_YEAR <= args.year <= LAST_YEAR:
        report([f"trustone new-year: --year {args.year}: must be from {FIRST_YEAR} to {LAST_YEAR}"])
        return EXIT_BAD_INPUT
    framework = framework_or_exit()
    session = load_one(args.file, framework)
    if session is None:
        return EXIT_BAD_INPUT
    moment = now or dt.datetime.now().astimezone().replace(microsecond=0)
    year = args.year if args.year is not None else assessment_year(session, moment.date())
    output: Path = args.output
    previous = os.path.relpath(args.file.absolute(), output.absolute().parent)
    new = next_year_session(framework, session, year, previous, moment)
    try:
        atomic.write_new(output, serialise(new, framework, output))
    except FileExistsError:
        report([f"trustone new-year: {output}: already exists; choose another name"])
        return EXIT_BAD_INPUT
    except SaveError as exc:
        report([f"trustone new-year: {exc}"])
        return EXIT_BAD_INPUT
    except OSError as exc:
        report([f"trustone new-year: {output}: cannot write: {exc.strerror or exc}"])
        return EXIT_BAD_INPUT
    carried = len(new.actions)
    print(
        f"{output}: {session.company.name}, jaar {year + 1}; "
        f"{carried} {'actie' if carried == 1 else 'acties'} overgenomen, "
        f"vorig jaar: {previous}"
    )
    return EXIT_OK
