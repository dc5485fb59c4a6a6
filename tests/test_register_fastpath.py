"""The fast register check against the precise one: the same register, figures and problems.

A register file is read by splitting plain CSV text in C, checking each column's distinct
values once and counting the figures from the checked columns (no flow made). The reference
here is the slow, obvious path: the csv module's rows, each row checked on its own by
``parse_flow`` (the edit form's checker), a register of flows and the figures counted from the
flows. Generated files mix what spreadsheets write: spaces around cells, decimal commas and
points, Dutch country names, ja/nee in capitals, circular and blank rows, empty optional cells,
a BOM, ``;`` or ``,``, CRLF or LF, shuffled columns and quoted cells holding the delimiter or a
line end.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from register_helpers import make_flow
from trustone_tui.commands.register import check_json
from trustone_tui.engine.register import COLUMNS, Column, Register, compute
from trustone_tui.framework.countries import Countries, load_countries
from trustone_tui.registerfile.csvsplit import plain_table
from trustone_tui.registerfile.read import RegisterFileError, parse_flow, read_register
from trustone_tui.registerfile.write import csv_text

COUNTRIES = load_countries()
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


# The plain split -----------------------------------------------------------------------------


def csv_rows(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


@SETTINGS
@given(st.text(alphabet='ab ;,"\r\n\x00', max_size=60), st.sampled_from([";", ","]))
def test_the_plain_split_is_the_csv_modules_or_nothing(text, delimiter):
    table = plain_table(text, delimiter)
    if table is not None:
        header, columns = table
        rows = csv_rows(text, delimiter)
        assert header == rows[0]
        assert columns == [[row[index] for row in rows[1:]] for index in range(len(header))]


@pytest.mark.parametrize(
    "text",
    [
        "a;b\r\nc;d\r\n",
        "a;b\nc;d",
        "a;b\n;\n",
        " a ; b \r\n c ;d\r\n",
    ],
)
def test_plain_text_is_split_without_the_csv_module(text):
    rows = csv_rows(text, ";")
    columns = [[row[index] for row in rows[1:]] for index in range(len(rows[0]))]
    assert plain_table(text, ";") == (rows[0], columns)


@pytest.mark.parametrize(
    "text",
    [
        'a;b\n"c;";d\n',  # quoted
        "a;b\nc;d;e\n",  # a row of another length
        "a;b\n\nc;d\n",  # an empty line
        "a;b\r\nc;d\n",  # two kinds of line end
        "a;b\rc;d\n",  # a lone carriage return ends a line for the csv module
        "a\nb\n",  # one column
        "",
    ],
)
def test_other_text_is_left_to_the_csv_module(text):
    assert plain_table(text, ";") is None


def test_a_register_as_this_app_writes_it_is_plain():
    register = Register("m2", tuple(make_flow(q) for q in (1.5, 2, 30)))
    assert plain_table(csv_text(register), ";") is not None


# Generated register files ------------------------------------------------------------------

SPACES = st.sampled_from(["", "", "", " ", "  ", "\t"])
NAMES = ["", "Stone Co", "stone  co", "X", "Fábrica; Lda.", 'Hal "2"', "A\nB"]
ADDRESSES = ["", "Weg 1", "weg  1", "Rua 2, Porto", "Kade\n3"]
LANDS = st.sampled_from(["", "NL", "nl", "PT", "CN", "IN", "Nederland", "België", "China"])
YES_NO = st.sampled_from(["ja", "nee", "", "Ja", "NEE"])
QUANTITIES = ["12", "12,5", "0,75", "1200.25", "3", "7.0", "100000"]


@st.composite
def row_cells(draw: st.DrawFn, unit: str, delimiter: str, plain: bool) -> dict[str, str]:
    """One row's cells as text, with spaces around some (``plain``: no cell to quote)."""

    def quoted(value: str) -> bool:
        return any(char in value for char in (delimiter, '"', "\n"))

    def pick(values: list[str]) -> str:
        return draw(st.sampled_from([v for v in values if not (plain and quoted(v))]))

    cells = {
        "steentype": pick(["graniet", "Marmer; wit", "hardsteen"]),
        "kleur": draw(st.sampled_from(["", "grijs", "blauw grijs"])),
        "hoeveelheid": pick(QUANTITIES),
        "eenheid": unit,
        "circulair": draw(YES_NO),
        "eerste_schakel": pick(NAMES),
        "eerste_schakel_adres": pick(ADDRESSES),
        "eerste_schakel_land": draw(LANDS),
        "fabriek": pick(NAMES),
        "fabriek_adres": pick(ADDRESSES),
        "fabriek_land": draw(LANDS),
        "fabriek_relatie": draw(st.sampled_from(["", "direct", "Indirect"])),
        "fabriek_risico_overzicht": draw(YES_NO),
        "groeve": pick(NAMES),
        "groeve_adres": pick(ADDRESSES),
        "groeve_land": draw(LANDS),
        "groeve_risico_overzicht": draw(YES_NO),
        "betrokkenheid": draw(st.sampled_from(["", "", "verbonden", "draagt  bij", "Veroorzaakt"])),
    }
    return {name: draw(SPACES) + value + draw(SPACES) for name, value in cells.items()}


BAD_CELLS = {
    "hoeveelheid": ["-3", "twaalf", "", "0", "1.2.3", ",5"],
    "eenheid": ["kg", "m3"],
    "circulair": ["jaa"],
    "fabriek_land": ["Atlantis"],
    "betrokkenheid": ["misschien"],
    "steentype": ["", "Voorbeeld graniet"],
}


@st.composite
def register_files(
    draw: st.DrawFn, dirty: bool = False, plain: bool = False
) -> tuple[str, list[list[str]], str]:
    """The text of a register file, its rows as the csv module reads them, its delimiter
    (``plain``: text the fast split takes)."""
    unit = draw(st.sampled_from(["m2", "M2", "ton", "m²"]))
    delimiter = draw(st.sampled_from([";", ","]))
    rows = draw(st.lists(row_cells(unit, delimiter, plain), min_size=1, max_size=8))
    if dirty:
        for _ in range(draw(st.integers(1, 3))):
            row = draw(st.sampled_from(rows))
            column = draw(st.sampled_from(sorted(BAD_CELLS)))
            row[column] = draw(st.sampled_from(BAD_CELLS[column]))
    order = draw(st.permutations(COLUMNS))
    table = [list(order)] + [[row[name] for name in order] for row in rows]
    for _ in range(draw(st.integers(0, 0 if plain else 2))):  # blank rows, anywhere below
        table.insert(draw(st.integers(1, len(table))), [""] * len(order))
    out = io.StringIO(newline="")
    quoting = (
        csv.QUOTE_MINIMAL if plain else draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    )
    line_end = draw(st.sampled_from(["\r\n", "\n"]))
    csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=line_end).writerows(table)
    text = draw(st.sampled_from(["", "\ufeff"])) + out.getvalue()
    return text, table, delimiter


def reference(table: list[list[str]], countries: Countries) -> tuple[Register, tuple[int, ...]]:
    """The register the slow way: every non-blank row checked on its own by parse_flow."""
    header, *body = table
    flows, rows = [], []
    for number, cells in enumerate(body, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        flow, problems = parse_flow(dict(zip(header, cells, strict=True)), countries)
        assert flow is not None, problems
        flows.append(flow)
        rows.append(number)
    return Register(flows[0].eenheid, tuple(flows)), tuple(rows)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "register.csv"
    path.write_bytes(text.encode("utf-8"))
    return path


@SETTINGS
@given(st.booleans().flatmap(lambda plain: register_files(plain=plain)))
def test_the_fast_path_gives_what_the_precise_path_gives(tmp_path, generated):
    text, table, _ = generated
    read = read_register(write(tmp_path, text), COUNTRIES)
    register, rows = reference(table, COUNTRIES)
    figures = compute(register, COUNTRIES)
    assert read.rows == rows
    # Counted from the reader's columns before any flow is made ...
    assert compute(read.register, COUNTRIES) == figures
    assert json.dumps(check_json(compute(read.register, COUNTRIES), read.rows)) == json.dumps(
        check_json(figures, rows)
    )
    # ... and the flows, once made, are the reference's.
    assert read.register == register
    assert read.register.flows == register.flows
    assert compute(Register(read.register.unit, read.register.flows), COUNTRIES) == figures


@SETTINGS
@given(register_files(dirty=True))
def test_a_dirty_file_gives_the_same_problems_split_either_way(tmp_path, generated):
    text, _, delimiter = generated
    body = text.removeprefix("\ufeff")
    quoted = io.StringIO(newline="")
    csv.writer(quoted, delimiter=delimiter, quoting=csv.QUOTE_ALL).writerows(
        csv_rows(body, delimiter)
    )
    outcomes = []
    for version in (text, quoted.getvalue()):  # plain (often), and always for the csv module
        try:
            read = read_register(write(tmp_path, version), COUNTRIES)
        except RegisterFileError as exc:
            outcomes.append(exc.problems)
        else:
            outcomes.append(check_json(compute(read.register, COUNTRIES), read.rows))
    assert outcomes[0] == outcomes[1]
    assert plain_table(quoted.getvalue(), delimiter) is None


@SETTINGS
@given(register_files(plain=True))
def test_plain_register_files_take_the_fast_split(generated):
    text, table, delimiter = generated
    header, columns = plain_table(text.removeprefix("\ufeff"), delimiter) or ([], [])
    assert [header, *map(list, zip(*columns, strict=True))] == table


def test_a_dirty_file_names_each_problem_by_row_and_column(tmp_path):
    header = ";".join(COLUMNS)
    good = "graniet;grijs;12,5;m2;nee;H;K 1;NL;F;W 2;PT;direct;ja;G;B 3;PT;nee;"
    bad = "graniet;grijs;-3;m2;jaa;H;K 1;NL;F;W 2;Atlantis;direct;ja;G;B 3;PT;nee;"
    path = write(tmp_path, f"{header}\n{good}\n{bad}\n")
    assert plain_table(path.read_text(), ";") is not None
    with pytest.raises(RegisterFileError) as caught:
        read_register(path, COUNTRIES)
    assert caught.value.problems == [
        f"{path}:3:hoeveelheid: hoeveelheid moet groter dan 0 zijn, niet -3",
        f"{path}:3:circulair: 'jaa' is geen ja of nee",
        f"{path}:3:fabriek_land: onbekend land 'Atlantis' (ISO-code zoals NL of een "
        "Nederlandse naam)",
    ]


def test_a_column_of_more_distinct_cells_than_a_byte_codes(tmp_path):
    # 300 distinct stone types (and quantities): too many to code in one byte each, so the
    # column is checked through a set of its cells; the result is the same.
    rows = [
        {
            **dict.fromkeys(COLUMNS, ""),
            "steentype": f" steen {number} ",
            "hoeveelheid": f"{number},5",
            "eenheid": "m2",
            "fabriek_land": ("Nederland", "CN", " pt")[number % 3],
            "betrokkenheid": ("", "verbonden")[number % 2],
        }
        for number in range(300)
    ]
    table = [list(COLUMNS), *([row[name] for name in COLUMNS] for row in rows)]
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";").writerows(table)
    path = write(tmp_path, out.getvalue())
    read = read_register(path, COUNTRIES)
    register, rows_read = reference(table, COUNTRIES)
    assert read.rows == rows_read
    assert compute(read.register, COUNTRIES) == compute(register, COUNTRIES)
    assert read.register == register
    bad = out.getvalue().replace(" steen 7 ", "Voorbeeld 7").replace(" pt", "Atlantis")
    with pytest.raises(RegisterFileError) as caught:
        read_register(write(tmp_path, bad), COUNTRIES)
    assert caught.value.problems[0] == (
        f"{path}:4:fabriek_land: onbekend land 'Atlantis' (ISO-code zoals NL of een "
        "Nederlandse naam)"
    )
    assert (
        f"{path}:9:steentype: dit is de voorbeeldrij van het sjabloon; verwijder of vervang hem"
        in caught.value.problems
    )
    assert len(caught.value.problems) == 101


@SETTINGS
@given(st.lists(st.sampled_from(["NL", "CN", "", "PT"]), max_size=20))
def test_a_coded_column_is_its_values(cells):
    distinct = list(dict.fromkeys(cells))
    coded = Column(distinct, bytes(map(distinct.index, cells)))
    plain = Column(cells)
    inside = {"NL", "PT"}.__contains__
    assert list(coded.decoded()) == list(plain.decoded()) == cells
    assert len(coded) == len(plain) == len(cells)
    assert coded.mask(inside) == plain.mask(inside) == bytes(map(inside, cells))
    assert coded.mask() == plain.mask() == bytes(map(bool, cells))


def test_a_quoted_quantity_with_a_line_end_is_one_problem(tmp_path):
    # The quantities are read as one joined column: a cell holding a line end must not split
    # into two numbers (it used to end in a traceback).
    row = ["graniet", "", '"1\n2"', "m2", *[""] * 14]
    path = write(tmp_path, ";".join(COLUMNS) + "\n" + ";".join(row) + "\n")
    with pytest.raises(RegisterFileError) as caught:
        read_register(path, COUNTRIES)
    assert caught.value.problems == [f"{path}:2:hoeveelheid: hoeveelheid is geen getal: '1\\n2'"]
