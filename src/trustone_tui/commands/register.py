"""``trustone register template|check``: the supply-chain register as a file, without a session."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from trustone_tui.commands.common import EXIT_BAD_INPUT, EXIT_OK, report
from trustone_tui.engine.register import LINK_KINDS, RegisterFigures, compute
from trustone_tui.framework.bank import FrameworkError
from trustone_tui.framework.countries import load_countries
from trustone_tui.registerfile.read import RegisterFileError, read_register
from trustone_tui.registerfile.write import csv_text, template_register, write_register
from trustone_tui.text.formatting import percent

#: What each percentage means, for the text report.
_LABELS = {
    "2.1.1a": "Inzicht in de eerste schakel",
    "2.1.1b": "Inzicht in de fabrieken",
    "2.1.1c": "Inzicht in de groeves",
    "2.2.4a": "Fabrieken met een risico-overzicht",
    "2.2.4b": "Groeves met een risico-overzicht",
    "2.3.7": "Ketens met beschreven betrokkenheid",
}
_KIND_LABELS = {"eerste_schakel": "eerste schakel", "fabriek": "fabriek", "groeve": "groeve"}


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
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "template":
        return _template(args.output)
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
    try:
        countries = load_countries()
        read = read_register(path, countries)
    except FrameworkError as exc:
        report([f"trustone: question bank: {line}" for line in exc.problems])
        return EXIT_BAD_INPUT
    except RegisterFileError as exc:
        report(exc.problems)
        return EXIT_BAD_INPUT
    figures = compute(read.register, countries)
    if output_format == "json":
        print(json.dumps(check_json(figures, read.rows), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(check_text(path, figures, read.rows))
    return EXIT_OK


def check_json(figures: RegisterFigures, rows: tuple[int, ...]) -> dict[str, Any]:
    """The contract of ``register check --format json``; flows are named by their file row."""

    def in_rows(numbers: tuple[int, ...]) -> list[int]:
        return [rows[n - 1] for n in numbers]

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
    width = max(len(label) for label in _LABELS.values())
    for question, label in _LABELS.items():
        value = figures.percentages[question]
        shown = "niets te tellen" if value is None else percent(value)
        lines.append(f"  {label + ':':<{width + 1}} {shown:>8}   ({question})")
    lines.append("")
    if figures.category == "B":
        lines.append("Categorie B: elke niet-circulaire keten heeft fabriek en groeve in de EER.")
    else:
        lines.append(
            "Categorie C: fabriek of groeve buiten de EER (of land niet ingevuld) in rij "
            + row_list(figures.category_flows)
        )
    for kind in LINK_KINDS:
        if figures.unknown[kind]:
            lines.append(
                f"Onbekende {_KIND_LABELS[kind]} (naam of adres ontbreekt) in rij "
                + row_list(figures.unknown[kind])
            )
    for kind, numbers in figures.risk_conflicts.items():
        if numbers:
            lines.append(
                f"Let op: dezelfde {_KIND_LABELS[kind]} staat met en zonder risico-overzicht "
                f"in rij {row_list(numbers)} (telt als met; maak de rijen gelijk)"
            )
    return "\n".join(lines) + "\n"
