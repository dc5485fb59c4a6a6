"""Read a register from a CSV or XLSX file into a :class:`~trustone_tui.engine.register.Register`.

A header row names the contract's columns (any order); every further non-empty row is one flow.
Every problem in the file is collected, each as one line ``FILE:ROW:COLUMN: problem`` (``FILE:
problem`` for the file as a whole), and raised together as :class:`RegisterFileError`.
openpyxl is imported only when an XLSX file is read.
"""

from __future__ import annotations

import csv
import gc
import io
import math
import operator
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from trustone_tui.engine.register import (
    COLUMNS,
    FREE_TEXT,
    INVOLVEMENTS,
    RELATIONS,
    UNITS,
    Column,
    Flow,
    Register,
    Unit,
)
from trustone_tui.framework.countries import Countries
from trustone_tui.registerfile.csvsplit import plain_table
from trustone_tui.store.safefile import FileReadError, read_file

#: Larger files are refused before they are read (a register of 50,000 flows is about 10 MB).
MAX_BYTES = 20 * 1024 * 1024
#: How the steentype of the template's example row starts; such a row is refused.
EXAMPLE_MARK = "VOORBEELD"
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
    """The register in a ``.csv`` or ``.xlsx`` file; any problem raises RegisterFileError.

    The file is read once through the store's safe reader: a pipe, a device or a folder is
    refused at once instead of blocking, and a file over the limit is not read at all.
    """
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        if path.is_dir():  # a folder has no file type to name: say what it is
            raise RegisterFileError([f"{path}: is een map, geen bestand"])
        raise RegisterFileError([f"{path}: onbekend bestandstype {suffix!r} (.csv of .xlsx)"])
    try:
        data = read_file(path, limit=MAX_BYTES)
    except FileReadError as exc:
        raise RegisterFileError([_read_problem(path, exc)]) from None
    with _without_cyclic_collection():
        table = _csv_table(path, data) if suffix == ".csv" else _rows_table(_xlsx_rows(path, data))
        return _register(path, table, countries)


@contextmanager
def _without_cyclic_collection() -> Iterator[None]:
    """Hold back Python's cyclic garbage collector while a register is read.

    Reading makes a row, a list per column and a flow per row: tens of thousands of objects
    that hold no reference cycles (text, numbers, tuples), each of which counts towards the
    collector's next pass. The collector ran dozens of times over the growing heap while a
    10,000-row file was read, half of the reading time; nothing it could free is made here.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _read_problem(path: Path, exc: FileReadError) -> str:
    """The safe reader's problem in Dutch, one line naming the file."""
    if exc.kind == "too-large":
        try:
            size = f"{path.stat().st_size / 1e6:.1f} MB; ".replace(".", ",")
        except OSError:
            size = ""
        return f"{path}: bestand te groot ({size}ten hoogste {MAX_BYTES // 10**6} MB)"
    reasons = {
        "missing": "bestand bestaat niet",
        "directory": "is een map, geen bestand",
        "special": "geen gewoon bestand (een pipe, apparaat of socket)",
        "link": "koppeling die nergens naar wijst of in een kring loopt",
        "denied": "geen toestemming om te lezen",
    }
    return f"{path}: {reasons.get(exc.kind, f'kan het bestand niet lezen ({exc.problem})')}"


class _Body(NamedTuple):
    """The rows below the header."""

    #: The file row of each.
    numbers: Sequence[int]
    #: The cells of each column position (up to the width asked for; a cell missing at the end
    #: of a short row is None).
    columns: Sequence[Sequence[Any]]
    #: Whether every cell is text (so that only spaces are left to strip).
    all_text: bool


class _Table(NamedTuple):
    """A file's cells: the header row, and what makes the rows below it by column."""

    #: The first row's cells (None for an empty file).
    header: Sequence[Any] | None
    #: The body for a width (the number of column positions that are read).
    body: Callable[[int], _Body]


def _csv_table(path: Path, data: bytes) -> _Table:
    """A CSV file's table: plain text split in C by :func:`plain_table`, else by the csv
    module (quoted cells, mixed line ends, rows of other lengths)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RegisterFileError([f"{path}: geen UTF-8-tekst (byte {exc.start})"]) from None
    line_end = text.find("\n")
    first_line = text if line_end < 0 else text[:line_end]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    plain = plain_table(text, delimiter)
    if plain is None:
        try:
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            rows: list[tuple[int, Sequence[Any]]] = list(enumerate(reader, 1))
        except csv.Error as exc:
            raise RegisterFileError([f"{path}: geen geldig CSV-bestand ({exc})"]) from None
        return _rows_table(rows, text_cells=True)

    header, columns = plain

    def body(width: int) -> _Body:
        return _Body(range(2, len(columns[0]) + 2), columns[:width], all_text=True)

    return _Table(header, body)


def _rows_table(rows: list[tuple[int, Sequence[Any]]], text_cells: bool = False) -> _Table:
    """The table of numbered rows (a CSV's read by the csv module: ``text_cells``, or an XLSX
    sheet's)."""
    if not rows:
        return _Table(None, lambda width: _Body((), [()] * width, text_cells))

    def body(width: int) -> _Body:
        below = rows[1:]
        lines: list[Sequence[Any]] = list(map(itemgetter(1), below))
        all_text = text_cells
        if lines and min(map(len, lines)) < width:  # short rows: their missing cells are empty
            all_text = False
            filler = (None,) * width
            lines = [v if len(v) >= width else (*v, *filler[len(v) :]) for v in lines]
        cells: list[Sequence[Any]] = list(zip(*lines, strict=False)) or [()] * width
        return _Body(list(map(itemgetter(0), below)), cells, all_text)

    return _Table(rows[0][1], body)


def _xlsx_rows(path: Path, data: bytes) -> list[tuple[int, Sequence[Any]]]:
    """The first sheet's rows, formulas as their cached values (refused when there is none)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            rows: list[tuple[int, Sequence[Any]]] = list(
                enumerate(book.worksheets[0].iter_rows(values_only=True), 1)
            )
        finally:
            book.close()
    except Exception as exc:  # openpyxl raises many kinds on a damaged or foreign file
        raise RegisterFileError([f"{path}: geen leesbaar XLSX-bestand ({exc})"]) from None
    if _has_formulas(data):
        _refuse_formulas_without_values(path, data, rows)
    return rows


def _has_formulas(data: bytes) -> bool:
    """Whether any sheet of the workbook holds a formula (a cheap look at its XML)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                data = archive.read(name)
                if b"<f>" in data or b"<f " in data:
                    return True
    return False


def _refuse_formulas_without_values(
    path: Path, data: bytes, rows: list[tuple[int, Sequence[Any]]]
) -> None:
    """Formula cells whose cached value is missing (a file never opened in a spreadsheet)."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
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


def _register(path: Path, table: _Table, countries: Countries) -> RegisterRead:
    """The flows of the rows below the header, checked column by column.

    Each column's distinct values are checked once (a register repeats its countries, units
    and ja/nee a great deal) and the checked columns become the register as they are (no flow
    is made), so that reading 10,000 rows costs little more than splitting them.
    """
    header = table.header
    if header is None or not any(_text(v) for v in header):
        raise RegisterFileError([f"{path}: leeg bestand (geen kopregel met kolomnamen)"])
    columns, header_problems = _columns(path, header)
    if header_problems:  # the rows cannot be read reliably under a wrong header
        raise RegisterFileError(header_problems)
    body = table.body(max(columns.values()) + 1)
    raw: dict[str, Sequence[Any]] = {name: body.columns[index] for name, index in columns.items()}
    # Text cells are stripped where they are checked (each distinct value once); other cells
    # (an XLSX's numbers and empty cells, a short row's missing ones) are made text first.
    text: dict[str, Sequence[str]] = (
        raw if body.all_text else {name: _texts(raw[name]) for name in COLUMNS}
    )
    numbers: Sequence[int] = body.numbers
    stone_types = _coded(text["steentype"])
    if not all(map(str.strip, stone_types[0])):  # a row without a stone type may be blank
        stripped = {name: _texts(text[name]) for name in COLUMNS}
        keep = list(map(any, zip(*stripped.values(), strict=True)))  # blank rows are skipped
        if not all(keep):
            numbers = list(compress(numbers, keep))
            text = {name: list(compress(values, keep)) for name, values in text.items()}
            raw = {"hoeveelheid": list(compress(raw["hoeveelheid"], keep))}
            stone_types = _coded(text["steentype"])
    if not numbers:
        raise RegisterFileError([f"{path}: het register bevat geen ketens (alleen een kopregel)"])
    problems: list[tuple[int, int, str]] = []
    checker = _ColumnChecker(numbers, problems)
    checked = {name: Column(text[name]) for name in FREE_TEXT}
    checked["steentype"] = checker.check("steentype", text["steentype"], _stone_type, stone_types)
    quantities = raw["hoeveelheid"]
    plain = _plain_quantities(quantities)
    checked["hoeveelheid"] = (
        Column(plain)
        if plain is not None
        else checker.check("hoeveelheid", quantities, _quantity, strip=False)
    )
    checked["eenheid"] = units = checker.check("eenheid", text["eenheid"], _unit)
    unit = checker.one_unit(units)
    for name in ("circulair", "fabriek_risico_overzicht", "groeve_risico_overzicht"):
        checked[name] = checker.check(name, text[name], _yes_no)
    for name in ("eerste_schakel_land", "fabriek_land", "groeve_land"):
        checked[name] = checker.check(name, text[name], partial(_country, countries))
    checked["fabriek_relatie"] = checker.check(
        "fabriek_relatie", text["fabriek_relatie"], partial(_choice, RELATIONS)
    )
    checked["betrokkenheid"] = checker.check(
        "betrokkenheid", text["betrokkenheid"], partial(_choice, INVOLVEMENTS)
    )
    if problems:
        raise RegisterFileError(
            f"{path}:{number}:{COLUMNS[column]}: {message}"
            for number, column, message in sorted(problems)
        )
    assert unit is not None  # a row without a unit, or in another one, is a problem
    register = Register.from_columns(unit, [checked[name] for name in COLUMNS])
    return RegisterRead(register, tuple(numbers))


Check = Callable[[Any], tuple[Any, str | None]]


def _coded(cells: Sequence[Any]) -> tuple[_CodeIndex, bytes | None]:
    """The distinct cells numbered, and the code of each cell.

    The codes are made in one pass in C (a dict whose ``__missing__`` numbers each new cell);
    for more than 256 distinct cells, which a byte cannot code, there are no codes.
    """
    index = _CodeIndex()
    try:
        return index, bytes(map(index.__getitem__, cells))
    except ValueError:  # a code above 255
        return _CodeIndex.of(set(cells)), None


class _CodeIndex(dict[Any, int]):
    """Numbers the distinct cells of a column in the order they are first looked up."""

    def __missing__(self, cell: Any) -> int:
        code = self[cell] = len(self)
        return code

    @classmethod
    def of(cls, cells: Iterable[Any]) -> _CodeIndex:
        """An index of ``cells`` (each once)."""
        index = cls()
        for cell in cells:
            index[cell]
        return index


class _ColumnChecker:
    """Checks a column's distinct values once and notes each bad cell by row and column."""

    def __init__(self, numbers: Sequence[int], problems: list[tuple[int, int, str]]) -> None:
        self.numbers = numbers
        self.problems = problems
        #: Per column checked: its distinct values.
        self.distinct: dict[str, set[Any]] = {}

    def check(
        self,
        name: str,
        cells: Sequence[Any],
        parse: Check,
        coded: tuple[_CodeIndex, bytes | None] | None = None,
        strip: bool = True,
    ) -> Column:
        """One column checked: each distinct cell gets a code (:func:`_coded`, unless given)
        and ``parse`` gets it once, stripped unless ``strip`` is False; problems are noted."""
        clean = str.strip if strip else _same
        index, codes = _coded(cells) if coded is None else coded
        results = [parse(clean(cell)) for cell in index]  # in the order of the codes
        if any(message for _, message in results):
            position = COLUMNS.index(name)
            row_codes = codes if codes is not None else map(index.__getitem__, cells)
            for number, code in zip(self.numbers, row_codes, strict=True):
                message = results[code][1]
                if message:
                    self.problems.append((number, position, message))
        values = [value for value, _ in results]
        self.distinct[name] = set(values)
        if codes is not None:
            return Column(values, codes)
        if all(map(operator.eq, index, values)):  # every cell is its value
            return Column(cells)
        return Column(list(map(values.__getitem__, map(index.__getitem__, cells))))

    def one_unit(self, units: Column) -> Unit | None:
        """The register's one unit; rows in another unit than the first are noted (and None
        is returned, as when no unit is known)."""
        distinct = self.distinct["eenheid"] - {None}
        if len(distinct) < 2:
            return next(iter(distinct), None)
        column = units.decoded()
        first, first_row = next((u, n) for u, n in zip(column, self.numbers, strict=True) if u)
        position = COLUMNS.index("eenheid")
        for number, unit in zip(self.numbers, column, strict=True):
            if unit is not None and unit != first:
                self.problems.append(
                    (
                        number,
                        position,
                        f"eenheid {unit} wijkt af van {first} (rij {first_row}); "
                        "één eenheid voor het hele register",
                    )
                )
        return None


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
            shown = name if name.isprintable() else repr(name)  # no control character raw
            problems.append(f"{path}:1:{shown}: onbekende kolom{hint}")
        else:
            columns[name] = index
    problems.extend(
        f"{path}:1:{name}: verplichte kolom ontbreekt" for name in COLUMNS if name not in columns
    )
    return columns, problems


def _same(value: Any) -> Any:
    return value


def _texts(cells: Sequence[Any]) -> list[str]:
    """A column's cells as text (a CSV's are text already: only stripped)."""
    try:
        return list(map(str.strip, cells))
    except TypeError:  # not all text: an XLSX column with numbers, booleans or empty cells
        return list(map(_text, cells))


def _text(value: Any) -> str:
    """A cell as text: empty for nothing, ``12`` for the number 12.0, ja/nee for a boolean."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _stone_type(text: str) -> tuple[str, str | None]:
    if not text:
        return text, "steentype is leeg"
    if text.upper().startswith(EXAMPLE_MARK):
        return text, "dit is de voorbeeldrij van het sjabloon; verwijder of vervang hem"
    return text, None


def _plain_quantities(cells: Sequence[Any]) -> Sequence[float] | None:
    """The quantities when every cell is a plain number (text or an XLSX number) above 0, the
    common case, read in a few passes over the column in C; else None and each cell is checked
    alone (:func:`_quantity`, which says what is wrong)."""
    try:
        column = "\n".join(cells)
    except TypeError:  # not all text: an XLSX column of numbers?
        if set(map(type, cells)) != {float}:
            return None
        numbers = cells
    else:
        # What _NUMBER_RE matches on every line: only digits with at most one separator
        # between digits (float() reads the rest: it refuses an empty line and a second
        # separator; a separator at a line's start or end is refused here).
        if not column.isascii() or column.encode().translate(None, b"0123456789,.\n"):
            return None
        column = column.replace(",", ".")
        if column[:1] == "." or column[-1:] == "." or ".\n" in column or "\n." in column:
            return None
        try:
            numbers = list(map(float, column.split("\n")))
        except ValueError:
            return None
        if len(numbers) != len(cells):  # a quoted cell with a line end in it
            return None
    if not (min(numbers) > 0 and math.isfinite(max(numbers))):
        return None
    return numbers


def _quantity(value: Any) -> tuple[float | None, str | None]:
    if type(value) is str and _NUMBER_RE.match(value):  # the common case, first
        number = float(value.replace(",", "."))
        if number > 0 and math.isfinite(number):  # 400 nines are not finite
            return number, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        text = _text(value)
        if not text:
            return None, "hoeveelheid is leeg"
        if text.startswith("-") and _NUMBER_RE.match(text[1:]):
            return None, f"hoeveelheid moet groter dan 0 zijn, niet {text}"
        if not _NUMBER_RE.match(text):
            return None, f"hoeveelheid is geen getal: {text!r}"
        number = float(text.replace(",", "."))
    if not (number > 0 and math.isfinite(number)):
        return None, f"hoeveelheid moet groter dan 0 zijn, niet {_text(value)}"
    return number, None


def _unit(text: str) -> tuple[Unit | None, str | None]:
    if not text:
        return None, "eenheid is leeg"
    unit = _pick(_UNIT_SPELLINGS.get(text, text.lower()), UNITS)
    if unit is None:
        return None, f"onbekende eenheid {text!r} (m2, m3, ton of euro)"
    return unit, None


def _yes_no(text: str) -> tuple[bool, str | None]:
    value = _YES_NO.get(text.lower())
    if value is None:
        return False, f"{text!r} is geen ja of nee"
    return value, None


def _country(countries: Countries, text: str) -> tuple[str, str | None]:
    if not text:
        return "", None
    country = countries.lookup(text)
    if country is None:
        return "", f"onbekend land {text!r} (ISO-code zoals NL of een Nederlandse naam)"
    return country.code, None


def _choice(choices: tuple[T, ...], text: str) -> tuple[T | None, str | None]:
    if not text:
        return None, None
    value = _pick(" ".join(text.lower().split()), choices)
    if value is None:
        return None, f"{text!r} is niet een van: {', '.join(choices)}"
    return value, None


def _pick(value: str, choices: tuple[T, ...]) -> T | None:
    """The choice equal to ``value`` (typed as the choices are), or None."""
    return next((choice for choice in choices if choice == value), None)


def parse_flow(
    cells: Mapping[str, str], countries: Countries, unit: Unit | None = None
) -> tuple[Flow | None, dict[str, str]]:
    """One flow from its cells as text (an edit form's fields), checked as a file's row is.

    Returns the flow, or None and one Dutch problem per column (the same words as a file's
    problems). ``unit`` is the register's unit, which every flow shares; a column not in
    ``cells`` is empty.
    """
    text = {name: cells.get(name, "").strip() for name in COLUMNS}
    checks: dict[str, Check] = {
        "steentype": _stone_type,
        "hoeveelheid": _quantity,
        "eenheid": _unit,
        "circulair": _yes_no,
        "fabriek_risico_overzicht": _yes_no,
        "groeve_risico_overzicht": _yes_no,
        "eerste_schakel_land": partial(_country, countries),
        "fabriek_land": partial(_country, countries),
        "groeve_land": partial(_country, countries),
        "fabriek_relatie": partial(_choice, RELATIONS),
        "betrokkenheid": partial(_choice, INVOLVEMENTS),
    }
    values: dict[str, Any] = dict(text)
    problems: dict[str, str] = {}
    for name, check in checks.items():
        values[name], problem = check(text[name])
        if problem:
            problems[name] = problem
    if unit is not None and values["eenheid"] not in (None, unit):
        problems["eenheid"] = (
            f"eenheid {values['eenheid']} wijkt af van {unit}; één eenheid voor het hele register"
        )
    if problems:
        return None, problems
    return Flow(**values), {}
