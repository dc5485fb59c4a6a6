"""``trustone export FILE [--format md|html|csv|json] [-o OUT]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from trustone_tui.commands.common import (
    EXIT_BAD_INPUT,
    add_csv_dialect,
    deliver,
    framework_or_exit,
    load_one,
    report,
)
from trustone_tui.report import FORMATS, ReportFormat, render_report
from trustone_tui.store.output import OutputError, same_file

#: Output suffixes that choose the format when --format is not given.
FORMAT_BY_SUFFIX: dict[str, ReportFormat] = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "md",
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
        epilog="Without --format the format follows the suffix of OUT (.md, .txt, .html, "
        f".csv, .json), else {DEFAULT_FORMAT}; an OUT whose suffix does not match the format is "
        "refused. CSV is UTF-8 with a byte order mark. For a PDF, open the HTML report in a "
        "browser and print it (A4, with page numbers).",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="answer file (TOML)")
    parser.add_argument("--format", choices=FORMATS, help="output format")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help="write to OUT (default: standard output)"
    )
    parser.add_argument(
        "--definitief",
        action="store_true",
        help="mark the Markdown or HTML report final (status definitief) in its sign-off "
        "block; without it the status is concept",
    )
    add_csv_dialect(parser)
    return parser


class FormatMismatch(ValueError):
    """``-o`` names a file whose suffix is not the format's (``rapport.pdf``)."""


def choose_format(explicit: ReportFormat | None, output: Path | None) -> ReportFormat:
    """``--format``, else the format of OUT's suffix, else Markdown.

    Raises :class:`FormatMismatch` when OUT has a suffix that is not the chosen format's (an
    unknown one such as ``.pdf`` or ``.xlsx``, or ``.md`` with ``--format html``); an OUT
    without a suffix takes any format.
    """
    suffix = output.suffix.lower() if output is not None else ""
    implied = FORMAT_BY_SUFFIX.get(suffix)
    fmt = explicit or implied or DEFAULT_FORMAT
    if suffix and implied != fmt:
        assert output is not None
        known = ", ".join(FORMAT_BY_SUFFIX)
        if implied is None:
            reason = f"unknown suffix {output.suffix!r} (known: {known}"
            reason += "; for a PDF print the HTML report from a browser)"
        else:
            reason = f"the suffix {output.suffix!r} is not that of --format {fmt}"
        raise FormatMismatch(f"{output}: {reason}")
    return fmt


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.output is not None and same_file(args.output, args.file):
            raise OutputError(f"{args.output}: is the input answer file; refusing to overwrite it")
        fmt = choose_format(args.format, args.output)
    except (OutputError, FormatMismatch) as exc:
        report([f"trustone export: {exc}"])
        return EXIT_BAD_INPUT
    framework = framework_or_exit()
    session = load_one(args.file, framework)
    if session is None:
        return EXIT_BAD_INPUT
    data = render_report(
        session, framework, fmt, csv_dialect=args.csv_dialect, final=args.definitief
    )
    return deliver(data, args.output, args.file, "export")
