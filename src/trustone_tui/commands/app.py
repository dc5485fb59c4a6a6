"""Start the interview app (Textual is imported only here, never by the file tools)."""

from __future__ import annotations

import argparse
import sys
from importlib import resources

from trustone_tui.answerfile import AnswerFileError, load_session, parse_session
from trustone_tui.commands.common import EXIT_BAD_INPUT, EXIT_OK, framework_or_exit, report
from trustone_tui.commands.score import text_summary
from trustone_tui.engine.scoring import assess


def demo_bytes() -> bytes:
    return resources.files("trustone_tui.demo").joinpath("demo_session.toml").read_bytes()


def run_app(options: argparse.Namespace) -> int:
    # The interview screens are not built yet: show the session's score instead.
    framework = framework_or_exit()
    try:
        if options.file is not None:
            session = load_session(options.file, framework)
        else:
            session = parse_session(demo_bytes(), "demo", framework)
    except AnswerFileError as exc:
        report(exc.problems)
        return EXIT_BAD_INPUT
    sys.stdout.write(text_summary(session, assess(framework, session), framework))
    return EXIT_OK
