"""``trustone actions FILE [--format text|md|html|csv|json] [--notes] [-o OUT]``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from trustone_tui.commands.common import (
    EXIT_BAD_INPUT,
    add_csv_dialect,
    deliver,
    framework_or_exit,
    load_one,
)
from trustone_tui.report.actionplan import PLAN_FORMATS, plan_view, render_plan


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trustone actions",
        description="The plan of action of an answer file: its actions by due date, which are "
        "overdue, the counts per status and the level the open actions reach.",
        epilog="An action is overdue when it is not klaar or vervallen and its due date lies "
        "before the assessment date (today when the file has none). HTML prints on A4 as a "
        "document the company can publish; progress notes are internal and only in md, html "
        "and csv with --notes (text and json always have them).",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="answer file (TOML)")
    parser.add_argument("--format", choices=PLAN_FORMATS, default="text")
    parser.add_argument("--notes", action="store_true", help="include the progress notes")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help="write to OUT (default: standard output)"
    )
    add_csv_dialect(parser)
    return parser


def run(argv: list[str], today: dt.date | None = None) -> int:
    args = build_parser().parse_args(argv)
    framework = framework_or_exit()
    session = load_one(args.file, framework)
    if session is None:
        return EXIT_BAD_INPUT
    view = plan_view(framework, session, today or dt.date.today())
    data = render_plan(view, args.format, notes=args.notes, csv_dialect=args.csv_dialect)
    return deliver(data, args.output, args.file, "actions")
