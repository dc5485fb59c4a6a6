"""``trustone score FILE [FILE...] [--format text|json]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from trustone_tui.commands.common import EXIT_BAD_INPUT, EXIT_OK, framework_or_exit, load_all
from trustone_tui.engine.scoring import Assessment, assess
from trustone_tui.scorejson import score_json
from trustone_tui.session import Session
from trustone_tui.textsummary import text_summary


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trustone score",
        description="Score answer files: points, percentage, level and what the next level needs.",
        epilog="Files that cannot be read are reported on stderr (exit status 2); "
        "the other files are still scored.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="answer file (TOML)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    framework = framework_or_exit()
    scored: list[tuple[Session, Assessment]] = []
    failed = False
    for _path, session in load_all(args.files, framework):
        if session is None:
            failed = True
            continue
        scored.append((session, assess(framework, session)))
    if args.format == "json":
        payload = [score_json(s, a) for s, a in scored]
        if len(args.files) == 1:
            if payload:
                sys.stdout.write(json.dumps(payload[0], ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(text_summary(s, a, framework) for s, a in scored))
    return EXIT_BAD_INPUT if failed else EXIT_OK
