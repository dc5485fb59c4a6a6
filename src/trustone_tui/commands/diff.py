"""``trustone diff OLD NEW [--format text|md|json]``: last year's assessment against this year's."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trustone_tui.answerfile.read import AnswerFileError
from trustone_tui.commands.common import EXIT_BAD_INPUT, EXIT_OK, framework_or_exit, report
from trustone_tui.report import diffformat
from trustone_tui.report.compare import compare
from trustone_tui.store.answerfiles import load_session


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trustone diff",
        description="Compare two answer files of a company (e.g. last year's and this year's): "
        "the level and the score then and now, the points per step, and per question the "
        "answer and points then and now, with changed notes.",
    )
    parser.add_argument("old", type=Path, metavar="OLD", help="the earlier answer file")
    parser.add_argument("new", type=Path, metavar="NEW", help="the later answer file")
    parser.add_argument("--format", choices=("text", "md", "json"), default="text")
    parser.add_argument(
        "--changed", action="store_true", help="list only the questions that changed"
    )
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    framework = framework_or_exit()
    sessions = []
    for path in (args.old, args.new):
        try:
            sessions.append(load_session(path, framework))
        except AnswerFileError as exc:
            report(exc.problems)
    if len(sessions) != 2:
        return EXIT_BAD_INPUT
    comparison = compare(sessions[0], sessions[1], framework)
    old_name, new_name = str(args.old), str(args.new)
    if args.format == "json":
        sys.stdout.write(diffformat.render_json(comparison, old_name, new_name))
    elif args.format == "md":
        sys.stdout.write(diffformat.render_markdown(comparison, old_name, new_name, args.changed))
    else:
        sys.stdout.write(diffformat.render_text(comparison, old_name, new_name, args.changed))
    return EXIT_OK
