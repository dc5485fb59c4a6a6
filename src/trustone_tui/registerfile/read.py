"""Read a register from a CSV or XLSX file into a :class:`~trustone_tui.engine.register.Register`.

A header row names the contract's columns (any order); every further non-empty row is one flow.
Every problem in the file is collected, each as one line ``FILE:ROW:COLUMN: problem`` (``FILE:
problem`` for the file as a whole), and raised together as :class:`RegisterFileError`.
openpyxl is imported only when an XLSX file is read.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from trustone_tui.engine.register import (
    COLUMNS,
    INVOLVEMENTS,
    RELATIONS,
    UNITS,
    Flow,
    Register,
    Unit,
)
from trustone_tui.framework.countries import Countries

#: Larger files are refused before they are read (a register of 50,000 flows is about 10 MB).
MAX_BYTES = 20 * 1024 * 1024
#: How the steentype of the template's example row starts; such a row is refused.
EXAMPLE_MARK = "VOORBEELD"
REQUIRED = ("steentype", "hoeveelheid", "eenheid")
_NUMBER_RE = re.compile(r"^[0-9]+(?:[.,][0-9]+)?$")
_YES_NO = {"ja": True, "nee": False, "": False}
_UNIT_SPELLINGS = {"m²": "m2", "m³": "m3"}
T = TypeVar("T", bound=str)


class RegisterFileError(Exception):
    """The file is not a valid register; ``problems`` holds one line per problem."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True, slots=True)
class RegisterRead:
    """A register as read from a file, with the file row of each flow (1-based, header = 1)."""

    register: Register
    rows: tuple[int, ...]


def read_register(path: Path, countries: Countries) -> RegisterRead:
    """The register in a ``.csv`` or ``.xlsx`` file; any problem raises RegisterFileError."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise RegisterFileError([f"{path}: kan het bestand niet lezen ({exc.strerror})"]) from None
    if size > MAX_BYTES:
        raise RegisterFileError(
            [f"{path}: bestand te groot ({size / 1e6:.1f} MB; ten hoogste {MAX_BYTES // 10**6} MB)"]
        )
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(path)
    elif suffix == ".xlsx":
        rows = _xlsx_rows(path)
    else:
        raise RegisterFileError([f"{path}: onbekend bestandstype {suffix!r} (.csv of .xlsx)"])
    return _register(path, rows, countries)


def _csv_rows(path: Path) -> list[tuple[int, Sequence[Any]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RegisterFileError([f"{path}: geen UTF-8-tekst (byte {exc.start})"]) from None
    except OSError as exc:
        raise RegisterFileError([f"{path}: kan het bestand niet lezen ({exc.strerror})"]) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return list(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1))
    except csv.Error as exc:
        raise RegisterFileError([f"{path}: geen geldig CSV-bestand ({exc})"]) from None


def _xlsx_rows(path: Path) -> list[tuple[int, Sequence[Any]]]:
    """The first sheet's rows, formulas as their cached values (refused when there is none)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            rows: list[tuple[int, Sequence[Any]]] = list(
                enumerate(book.worksheets[0].iter_rows(values_only=True), 1)
            )
        finally:
            book.close()
    except Exception as exc:  # openpyxl raises many kinds on a damaged or foreign file
        raise RegisterFileError([f"{path}: geen leesbaar XLSX-bestand ({exc})"]) from None
    if _has_formulas(path):
        _refuse_formulas_without_values(path, rows)
    return rows


def _has_formulas(path: Path) -> bool:
    """Whether any sheet of the workbook holds a formula (a cheap look at its XML)."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                data = archive.read(name)
                if b"<f>" in data or b"<f " in data:
                    return True
    return False


def _refuse_formulas_without_values(path: Path, rows: list[tuple[int, Sequence[Any]]]) -> None:
    """Formula cells whose cached value is missing (a file never opened in a spreadsheet)."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        formulas = book.worksheets[0].iter_rows(values_only=True)
        header = [str(v).strip() if v is not None else "" for v in rows[0][1]] if rows else []
        problems = []
        for (number, values), cells in zip(rows, formulas, strict=False):
            for index, cell in enumerate(cells):
                cached = values[index] if index < len(values) else None
                if isinstance(cell, str) and cell.startswith("=") and cached is None:
                    column = header[index] if index < len(header) and header[index] else index + 1
                    problems.append(
                        f"{path}:{number}:{column}: formule zonder opgeslagen waarde; open het "
                        "bestand in een rekenprogramma en sla het op, of vul de waarde zelf in"
                    )
    finally:
        book.close()
    if problems:
        raise RegisterFileError(problems)


def _register(
    path: Path, rows: list[tuple[int, Sequence[Any]]], countries: Countries
) -> RegisterRead:
    data = iter(rows)
    header_row = next(data, None)
    if header_row is None or not any(_text(v) for v in header_row[1]):
        raise RegisterFileError([f"{path}: leeg bestand (geen kopregel met kolomnamen)"])
    columns, problems = _columns(path, header_row[1])
    if problems:  # the rows cannot be read reliably under a wrong header
        raise RegisterFileError(problems)
    flows: list[Flow] = []
    numbers: list[int] = []
    units: dict[str, int] = {}
    for number, values in _nonblank(data):
        flow = _flow(path, number, values, columns, countries, problems, units)
        if flow is not None:
            flows.append(flow)
            numbers.append(number)
    if not flows and not problems:
        problems.append(f"{path}: het register bevat geen ketens (alleen een kopregel)")
    if problems:
        raise RegisterFileError(problems)
    return RegisterRead(Register(flows[0].eenheid, tuple(flows)), tuple(numbers))


def _columns(path: Path, header: Sequence[Any]) -> tuple[dict[str, int], list[str]]:
    """The index of each contract column, and the header's problems."""
    columns: dict[str, int] = {}
    problems: list[str] = []
    for index, value in enumerate(header):
        name = _text(value)
        if not name:
            continue
        if name in columns:
            problems.append(f"{path}:1:{name}: kolom staat twee keer in de kopregel")
        elif name not in COLUMNS:
            hint = f" (bedoeld: {name.lower()}?)" if name.lower() in COLUMNS else ""
            problems.append(f"{path}:1:{name}: onbekende kolom{hint}")
        else:
            columns[name] = index
    problems.extend(
        f"{path}:1:{name}: verplichte kolom ontbreekt" for name in COLUMNS if name not in columns
    )
    return columns, problems


def _nonblank(rows: Iterator[tuple[int, Sequence[Any]]]) -> Iterator[tuple[int, Sequence[Any]]]:
    for number, values in rows:
        if any(_text(v) for v in values):
            yield number, values


def _flow(
    path: Path,
    number: int,
    values: Sequence[Any],
    columns: dict[str, int],
    countries: Countries,
    problems: list[str],
    units: dict[str, int],
) -> Flow | None:
    """One row as a flow; its problems are added to ``problems`` (and None returned)."""
    before = len(problems)
    where = f"{path}:{number}:"

    def cell(name: str) -> Any:
        index = columns.get(name)
        return values[index] if index is not None and index < len(values) else None

    text = {name: _text(cell(name)) for name in COLUMNS if name != "hoeveelheid"}
    for name in REQUIRED:
        if name != "hoeveelheid" and not text[name]:
            problems.append(f"{where}{name}: {name} is leeg")
    if text["steentype"].upper().startswith(EXAMPLE_MARK):
        problems.append(
            f"{where}steentype: dit is de voorbeeldrij van het sjabloon; verwijder of vervang hem"
        )
    quantity = _quantity(cell("hoeveelheid"), f"{where}hoeveelheid", problems)
    unit = _unit(text["eenheid"], f"{where}eenheid", problems, units, number)
    circular = _yes_no(text, "circulair", where, problems)
    factory_overview = _yes_no(text, "fabriek_risico_overzicht", where, problems)
    quarry_overview = _yes_no(text, "groeve_risico_overzicht", where, problems)
    lands = {
        name: _country(text[name], f"{where}{name}", countries, problems)
        for name in ("eerste_schakel_land", "fabriek_land", "groeve_land")
    }
    relation = _choice(text["fabriek_relatie"], RELATIONS, f"{where}fabriek_relatie", problems)
    involvement = _choice(text["betrokkenheid"], INVOLVEMENTS, f"{where}betrokkenheid", problems)
    if len(problems) > before or quantity is None or unit is None:
        return None
    return Flow(
        steentype=text["steentype"],
        kleur=text["kleur"],
        hoeveelheid=quantity,
        eenheid=unit,
        circulair=circular,
        eerste_schakel=text["eerste_schakel"],
        eerste_schakel_adres=text["eerste_schakel_adres"],
        eerste_schakel_land=lands["eerste_schakel_land"],
        fabriek=text["fabriek"],
        fabriek_adres=text["fabriek_adres"],
        fabriek_land=lands["fabriek_land"],
        fabriek_relatie=relation,
        fabriek_risico_overzicht=factory_overview,
        groeve=text["groeve"],
        groeve_adres=text["groeve_adres"],
        groeve_land=lands["groeve_land"],
        groeve_risico_overzicht=quarry_overview,
        betrokkenheid=involvement,
    )


def _text(value: Any) -> str:
    """A cell as text: empty for nothing, ``12`` for the number 12.0, ja/nee for a boolean."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _quantity(value: Any, where: str, problems: list[str]) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        text = _text(value)
        if not text:
            problems.append(f"{where}: hoeveelheid is leeg")
            return None
        if text.startswith("-") and _NUMBER_RE.match(text[1:]):
            problems.append(f"{where}: hoeveelheid moet groter dan 0 zijn, niet {text}")
            return None
        if not _NUMBER_RE.match(text):
            problems.append(f"{where}: hoeveelheid is geen getal: {text!r}")
            return None
        number = float(text.replace(",", "."))
    if not number > 0 or number == float("inf"):
        problems.append(f"{where}: hoeveelheid moet groter dan 0 zijn, niet {_text(value)}")
        return None
    return number


def _unit(
    text: str, where: str, problems: list[str], first: dict[str, int], number: int
) -> Unit | None:
    """The row's unit; ``first`` holds the first row's unit, which every row must share."""
    if not text:
        return None  # reported as a required column
    unit = _pick(_UNIT_SPELLINGS.get(text, text.lower()), UNITS)
    if unit is None:
        problems.append(f"{where}: onbekende eenheid {text!r} (m2, m3, ton of euro)")
        return None
    for other, row in first.items():
        if other != unit:
            problems.append(
                f"{where}: eenheid {unit} wijkt af van {other} (rij {row}); "
                "één eenheid voor het hele register"
            )
            return None
    first.setdefault(unit, number)
    return unit


def _yes_no(text: dict[str, str], name: str, where: str, problems: list[str]) -> bool:
    value = _YES_NO.get(text[name].lower())
    if value is None:
        problems.append(f"{where}{name}: {text[name]!r} is geen ja of nee")
        return False
    return value


def _country(text: str, where: str, countries: Countries, problems: list[str]) -> str:
    if not text:
        return ""
    country = countries.lookup(text)
    if country is None:
        problems.append(
            f"{where}: onbekend land {text!r} (ISO-code zoals NL of een Nederlandse naam)"
        )
        return ""
    return country.code


def _choice(text: str, choices: tuple[T, ...], where: str, problems: list[str]) -> T | None:
    if not text:
        return None
    value = _pick(" ".join(text.lower().split()), choices)
    if value is None:
        problems.append(f"{where}: {text!r} is niet een van: {', '.join(choices)}")
    return value


def _pick(value: str, choices: tuple[T, ...]) -> T | None:
    """The choice equal to ``value`` (typed as the choices are), or None."""
    return next((choice for choice in choices if choice == value), None)
