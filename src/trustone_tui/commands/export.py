"""``trustone export FILE [--format md|html|csv|json] [-o OUT]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trustone_tui.answerfile.read import AnswerFileError
from trustone_tui.commands.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    add_csv_dialect,
    framework_or_exit,
    report,
)
from trustone_tui.report import FORMATS, ReportFormat, render_report
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.output import OutputError, write_atomic

#: Output suffixes that choose the format when --format is not given.
FORMAT_BY_SUFFIX: dict[str, ReportFormat] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".json": "json",
}
DEFAULT_FORMAT: ReportFormat = "md"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trustone export",
        description="Export an answer file as a report (Markdown, HTML for printing on A4), "
        "a CSV table with one row per question, or JSON.",
        epilog="Without --format the format follows the suffix of OUT (.md, .html, .csv, "
        f".json), else {DEFAULT_FORMAT}. CSV is UTF-8 with a byte order mark.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="answer file (TOML)")
    parser.add_argument("--format", choices=FORMATS, help="output format")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help="write to OUT (default: standard output)"
    )
    add_csv_dialect(parser)
    return parser


def choose_format(explicit: ReportFormat | None, output: Path | None) -> ReportFormat:
    if explicit is not None:
        return explicit
    if output is not None:
        return FORMAT_BY_SUFFIX.get(output.suffix.lower(), DEFAULT_FORMAT)
    return DEFAULT_FORMAT


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    framework = framework_or_exit()
    try:
        session = load_session(args.file, framework)
    except AnswerFileError as exc:
        report(exc.problems)
        return EXIT_BAD_INPUT
    fmt = choose_format(args.format, args.output)
    data = render_report(session, framework, fmt, csv_dialect=args.csv_dialect)
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    try:
        write_atomic(args.output, data, protect=[args.file])
    except OutputError as exc:
        report([f"trustone export: {exc}"])
        return EXIT_BAD_INPUT
    return EXIT_OK
