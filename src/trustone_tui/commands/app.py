"""Start the interview app (Textual is imported only here, never by the file tools)."""

from __future__ import annotations

import argparse

from trustone_tui.commands.common import EXIT_OK, framework_or_exit


def run_app(options: argparse.Namespace) -> int:
    framework = framework_or_exit()
    from trustone_tui.tui.app import TrustoneApp

    TrustoneApp(framework, open_path=options.file, demo=options.demo).run()
    return EXIT_OK
