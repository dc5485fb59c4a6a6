"""``trustone register template|check|import|export``: the supply-chain register as a file.

``template`` and ``check`` need no session; ``import`` puts a register file into a session (all
or nothing) and ``export`` writes a session's register as a file.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from trustone_tui.commands.common import EXIT_BAD_INPUT, EXIT_OK, framework_or_exit, report
from trustone_tui.engine.register import LINK_KINDS, RegisterFigures, compute
from trustone_tui.registerfile.read import RegisterFileError, read_register
from trustone_tui.registerfile.write import (
    csv_text,
    register_bytes,
    template_register,
    write_register,
)
from trustone_tui.text.register import (
    LINK_LABELS,
    PERCENTAGE_LABELS,
    category_text,
    figure_text,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trustone register",
        description="The supply-chain register (ketenoverzicht): one row per purchase flow, "
        "in a CSV or XLSX file.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    template = commands.add_parser(
        "template", help="write an empty register: the header and one example row"
    )
    template.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="FILE.csv or FILE.xlsx (default: CSV)"
    )
    check = commands.add_parser(
        "check",
        help="check a register file and print what it computes",
        description="Check a register file and print the insight percentages (2.1.1a-c), the "
        "risk-overview shares (2.2.4a-b), the share of chains with their involvement described "
        "(2.3.7), the category and the unknown links. A bad file gives one line per problem on "
        "stderr (FILE:ROW:COLUMN: problem) and exit status 2.",
    )
    check.add_argument("file", type=Path, metavar="FILE", help="register (.csv or .xlsx)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    into = commands.add_parser(
        "import",
        help="put a register file into a session (replacing its register)",
        description="Read a register file and keep it in the session's answer file, replacing "
        "the register it had. All or nothing: a file with any problem changes nothing; every "
        "problem is printed on stderr (FILE:ROW:COLUMN: problem) and the exit status is 2.",
    )
    into.add_argument("file", type=Path, metavar="FILE", help="register (.csv or .xlsx)")
    into.add_argument("session", type=Path, metavar="SESSION", help="answer file (TOML)")
    out = commands.add_parser(
        "export",
        help="write a session's register as a CSV or XLSX file",
        description="Write the register kept in a session's answer file as a register file "
        "that import and check read back.",
    )
    out.add_argument("session", type=Path, metavar="SESSION", help="answer file (TOML)")
    out.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="FILE.csv or FILE.xlsx"
    )
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "template":
        return _template(args.output)
    if args.command == "import":
        return _import(args.file, args.session)
    if args.command == "export":
        return _export(args.session, args.output)
    return _check(args.file, args.format)


def _template(output: Path | None) -> int:
    if output is None:
        sys.stdout.write(csv_text(template_register()))
        return EXIT_OK
    try:
        write_register(output, template_register())
    except RegisterFileError as exc:
        report(exc.problems)
        return EXIT_BAD_INPUT
    except OSError as exc:
        report([f"{output}: kan niet schrijven ({exc.strerror})"])
        return EXIT_BAD_INPUT
    return EXIT_OK


def _check(path: Path, output_format: str) -> int:
    countries = framework_or_exit().countries
    try:
        read = read_register(path, countries)
    except RegisterFileError as exc:
        report(exc.problems)
        return EXIT_BAD_INPUT
    figures = compute(read.register, countries)
    if output_format == "json":
        print(json.dumps(check_json(figures, read.rows), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(check_text(path, figures, read.rows))
    return EXIT_OK


def _import(path: Path, session_path: Path) -> int:
    """Read the register first, then open, change and save the session like the app does
    (locked, atomic): any problem leaves the session file as it was."""
    from trustone_tui.answerfile.read import AnswerFileError
    from trustone_tui.answerfile.validate import MAX_REGISTER_FLOWS
    from trustone_tui.store.saveerrors import StoreError
    from trustone_tui.store.sessions import open_session

    framework = framework_or_exit()
    try:
        read = read_register(path, framework.countries)
    except RegisterFileError as exc:
        report(exc.problems)
        return EXIT_BAD_INPUT
    if len(read.register.flows) > MAX_REGISTER_FLOWS:
        flows = f"{len(read.register.flows):,}".replace(",", ".")
        most = f"{MAX_REGISTER_FLOWS:,}".replace(",", ".")
        report(
            [
                f"{path}: {flows} ketens; een antwoordbestand houdt er hoogstens {most} bij "
                "(`trustone register check` leest er meer)"
            ]
        )
        return EXIT_BAD_INPUT
    try:
        opened = open_session(session_path, framework)
    except (AnswerFileError, StoreError) as exc:
        report(getattr(exc, "problems", None) or [str(exc)])
        return EXIT_BAD_INPUT
    with opened:
        if opened.lock_warning:
            open_elsewhere = "de sessie is geopend in trustone; sluit hem daar eerst"
            report([f"{session_path}: niet gewijzigd: {open_elsewhere}"])
            return EXIT_BAD_INPUT
        try:
            opened.save(replace(opened.session, register=read.register))
        except StoreError as exc:
            report([str(exc)])
            return EXIT_BAD_INPUT
    figures = compute(read.register, framework.countries)
    print(
        f"{session_path}: {figures.flows} ketens uit {path} (eenheid {figures.unit}), "
        "het vorige ketenoverzicht is vervangen"
    )
    return EXIT_OK


def _export(session_path: Path, output: Path) -> int:
    from trustone_tui.answerfile.read import AnswerFileError
    from trustone_tui.store.answerfiles import load_session
    from trustone_tui.store.output import OutputError, write_atomic

    framework = framework_or_exit()
    try:
        session = load_session(session_path, framework)
    except AnswerFileError as exc:
        report(exc.problems)
        return EXIT_BAD_INPUT
    if session.register is None:
        report([f"{session_path}: de sessie heeft geen ketenoverzicht"])
        return EXIT_BAD_INPUT
    try:
        write_atomic(output, register_bytes(output, session.register), protect=[session_path])
    except RegisterFileError as exc:
        report(exc.problems)
        return EXIT_BAD_INPUT
    except OutputError as exc:
        report([str(exc)])
        return EXIT_BAD_INPUT
    return EXIT_OK


def check_json(figures: RegisterFigures, rows: tuple[int, ...]) -> dict[str, Any]:
    """The contract of ``register check --format json``; flows are named by their file row."""

    row_of = (0, *rows).__getitem__  # flow n is in file row rows[n - 1]

    def in_rows(numbers: tuple[int, ...]) -> list[int]:
        return list(map(row_of, numbers))

    return {
        "flows": figures.flows,
        "unit": figures.unit,
        "percentages": dict(figures.percentages),
        "category": figures.category,
        "category_flows": in_rows(figures.category_flows),
        "unknown": {kind: in_rows(figures.unknown[kind]) for kind in LINK_KINDS},
    }


def check_text(path: Path, figures: RegisterFigures, rows: tuple[int, ...]) -> str:
    """The figures in Dutch, for a person."""

    def row_list(numbers: tuple[int, ...]) -> str:
        return ", ".join(str(rows[n - 1]) for n in numbers)

    lines = [f"Register {path}: {figures.flows} ketens, eenheid {figures.unit}", ""]
    width = max(len(label) for label in PERCENTAGE_LABELS.values())
    for question, label in PERCENTAGE_LABELS.items():
        shown = figure_text(figures.percentages[question])
        lines.append(f"  {label + ':':<{width + 1}} {shown:>8}   ({question})")
    lines.append("")
    lines.append(category_text(figures, row_list(figures.category_flows)))
    for kind in LINK_KINDS:
        if figures.unknown[kind]:
            lines.append(
                f"Onbekende {LINK_LABELS[kind]} (naam of adres ontbreekt) in rij "
                + row_list(figures.unknown[kind])
            )
    for kind, numbers in figures.risk_conflicts.items():
        if numbers:
            lines.append(
                f"Let op: dezelfde {LINK_LABELS[kind]} staat met en zonder risico-overzicht "
                f"in rij {row_list(numbers)} (telt als met; maak de rijen gelijk)"
            )
    return "\n".join(lines) + "\n"
