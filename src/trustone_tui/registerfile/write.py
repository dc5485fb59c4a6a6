"""Write a register, or the empty template, as CSV or XLSX.

CSV is written the way a Dutch spreadsheet reads it without asking: UTF-8 with a BOM, ``;``
between cells, a decimal comma, CRLF line ends. XLSX keeps quantities as numbers. Reading
either back with :func:`~trustone_tui.registerfile.read.read_register` gives the same flows.
openpyxl is imported only when an XLSX file is written.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from trustone_tui.engine.register import COLUMNS, Flow, Register
from trustone_tui.registerfile.read import EXAMPLE_MARK, RegisterFileError

Cell = str | float


def template_register() -> Register:
    """A register of one example row, marked as the example so that it is never counted."""
    example = Flow(
        steentype=f"{EXAMPLE_MARK} graniet (vervang of verwijder deze rij)",
        kleur="grijs",
        hoeveelheid=120.5,
        eenheid="m2",
        circulair=False,
        eerste_schakel="Voorbeeld Natuursteen Groothandel BV",
        eerste_schakel_adres="Havenweg 1, 1234 AB Voorbeeldstad",
        eerste_schakel_land="NL",
        fabriek="Voorbeeld Stone Factory",
        fabriek_adres="Industrial Road 2, Xiamen",
        fabriek_land="CN",
        fabriek_relatie="indirect",
        fabriek_risico_overzicht=True,
        groeve="Voorbeeldgroeve",
        groeve_adres="Quarry Lane 3, Fujian",
        groeve_land="CN",
        groeve_risico_overzicht=False,
        betrokkenheid="verbonden",
    )
    return Register("m2", (example,))


def rows(register: Register, decimal_comma: bool) -> list[list[Cell]]:
    """The header and one row per flow: text, and the quantity as a number (XLSX) or text."""
    table: list[list[Cell]] = [list(COLUMNS)]
    for flow in register.flows:
        table.append([_cell(flow, name, decimal_comma) for name in COLUMNS])
    return table


def flow_cells(flow: Flow) -> dict[str, str]:
    """A flow's cells as text, as :func:`~trustone_tui.registerfile.read.parse_flow` reads
    them back (``ja``/``nee``, the quantity with a decimal comma)."""
    return {name: str(_cell(flow, name, decimal_comma=True)) for name in COLUMNS}


def _cell(flow: Flow, name: str, decimal_comma: bool) -> Cell:
    value = getattr(flow, name)
    if name == "hoeveelheid":
        return _number_text(value, decimal_comma) if decimal_comma else float(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return "" if value is None else str(value)


def quantity_text(value: float) -> str:
    """A quantity as a Dutch spreadsheet shows it: every digit, a decimal comma (``12,25``)."""
    return _number_text(value, decimal_comma=True)


def _number_text(value: float, decimal_comma: bool) -> str:
    """The shortest text that reads back as exactly ``value``, never in exponent notation."""
    text = format(Decimal(repr(value)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if decimal_comma else text


def csv_text(register: Register) -> str:
    """The register as CSV text (``;``, decimal comma, CRLF; no BOM)."""
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";").writerows(rows(register, decimal_comma=True))
    return out.getvalue()


def write_register(path: Path, register: Register) -> None:
    """Write ``register`` to a ``.csv`` or ``.xlsx`` file (replacing it)."""
    path.write_bytes(register_bytes(path, register))


def register_bytes(path: Path, register: Register) -> bytes:
    """The bytes of ``register`` as the file ``path`` names: ``.csv`` or ``.xlsx``."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return csv_text(register).encode("utf-8-sig")
    if suffix == ".xlsx":
        return _xlsx_bytes(register)
    raise RegisterFileError([f"{path}: onbekend bestandstype {suffix!r} (.csv of .xlsx)"])


def _xlsx_bytes(register: Register) -> bytes:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("ketens")
    for row in rows(register, decimal_comma=False):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
