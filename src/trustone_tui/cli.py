"""The ``trustone`` command: the interview app, or one of the file tools.

The file tools (``score``, ...) never import Textual, so they start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path

COMMANDS = {
    "score": ("trustone_tui.commands.score", "score answer files: points, level, next level"),
    "export": ("trustone_tui.commands.export", "export an answer file as md, html, csv or json"),
    "summary": ("trustone_tui.commands.summary", "summarise many answer files for the secretariat"),
    "diff": ("trustone_tui.commands.diff", "compare last year's answer file with this year's"),
    "register": (
        "trustone_tui.commands.register",
        "the supply-chain register: template, check, import, export",
    ),
    "actions": ("trustone_tui.commands.actions", "the plan of action: actions, overdue, counts"),
    "new-year": ("trustone_tui.commands.newyear", "start next year's session from this one"),
    "overdue": ("trustone_tui.commands.overdue", "every overdue action across companies"),
}


def build_parser() -> argparse.ArgumentParser:
    tools = "\n".join(f"  trustone {name:<8} {help_}" for name, (_, help_) in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="trustone",
        description="Interview a natural-stone importer through the TruStone due-diligence "
        "assessment and see, live, where it stands.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"file tools (see trustone COMMAND --help):\n{tools}",
    )
    parser.add_argument("file", nargs="?", type=Path, help="answer file (TOML) to open")
    parser.add_argument("--demo", action="store_true", help="open a fictional demo company")
    return parser


def prepare_process() -> None:
    """Settings for a trustone process, made before pydantic is imported.

    trustone uses no pydantic plugins; without this pydantic scans the metadata of every
    installed package for them at the first model (about 14 ms of each start). An explicit
    setting by the user still wins.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def main(argv: list[str] | None = None) -> int:
    prepare_process()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        module = importlib.import_module(COMMANDS[args[0]][0])
        run: Callable[[list[str]], int] = module.run
        return run(args[1:])
    options = build_parser().parse_args(args)
    from trustone_tui.tui.startup import pause_collection

    pause_collection()  # until the app's first screen is painted
    from trustone_tui.commands.app import run_app

    return run_app(options)


if __name__ == "__main__":
    raise SystemExit(main())
