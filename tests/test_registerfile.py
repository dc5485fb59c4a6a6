"""Register files: round trips, files as spreadsheets write them, every bad input one line."""

from __future__ import annotations

import os
import re
import signal
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trustone_tui.engine.register import COLUMNS, Flow, Register
from trustone_tui.framework.countries import Countries, load_countries
from trustone_tui.registerfile.read import MAX_BYTES, RegisterFileError, parse_flow, read_register
from trustone_tui.registerfile.write import (
    csv_text,
    flow_cells,
    template_register,
    write_register,
)

HEADER = ",".join(COLUMNS)
GOOD_ROW = "graniet,grijs,12.5,m2,nee,H BV,Kade 1,NL,F,Weg 2,PT,direct,ja,G,Berg 3,PT,nee,"


@pytest.fixture(scope="module")
def countries() -> Countries:
    return load_countries()


def flow(**changes: object) -> Flow:
    values: dict[str, object] = {
        "steentype": "graniet",
        "kleur": "grijs",
        "hoeveelheid": 12.5,
        "eenheid": "m2",
        "circulair": False,
        "eerste_schakel": "H BV",
        "eerste_schakel_adres": "Kade 1",
        "eerste_schakel_land": "NL",
        "fabriek": "F",
        "fabriek_adres": "Weg 2",
        "fabriek_land": "PT",
        "fabriek_relatie": "direct",
        "fabriek_risico_overzicht": True,
        "groeve": "G",
        "groeve_adres": "Berg 3",
        "groeve_land": "PT",
        "groeve_risico_overzicht": False,
        "betrokkenheid": None,
    }
    values.update(changes)
    return Flow(**values)  # type: ignore[arg-type]


def problems_of(path: Path, countries: Countries) -> list[str]:
    with pytest.raises(RegisterFileError) as caught:
        read_register(path, countries)
    return caught.value.problems


# Round trips --------------------------------------------------------------------------------

SAMPLE = Register(
    "ton",
    (
        flow(eenheid="ton", hoeveelheid=0.1),
        flow(eenheid="ton", hoeveelheid=1e-05, circulair=True, betrokkenheid="draagt bij"),
        flow(
            eenheid="ton",
            hoeveelheid=123456.789,
            steentype='Marmer "Carrara"; wit',
            kleur="",
            fabriek="Fábrica, Lda.\nHal 2",
            fabriek_land="",
            fabriek_relatie=None,
            betrokkenheid="verbonden",
        ),
        flow(eenheid="ton", hoeveelheid=3, groeve="12", groeve_adres="Š-weg 1", groeve_land="CN"),
    ),
)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_write_then_read_gives_the_same_flows(tmp_path, countries, suffix):
    path = tmp_path / f"register{suffix}"
    write_register(path, SAMPLE)
    read = read_register(path, countries)
    assert read.register == SAMPLE
    assert read.rows == (2, 3, 4, 5)


TEXT = (
    st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")), max_size=12)
    .map(str.strip)
    .filter(lambda t: not t.upper().startswith("VOORBEELD"))
)


@st.composite
def flows(draw: st.DrawFn) -> Flow:
    return flow(
        steentype=draw(TEXT.filter(bool)),
        kleur=draw(TEXT),
        # At most 15 significant digits: what a spreadsheet keeps (openpyxl writes 16).
        hoeveelheid=round(draw(st.floats(min_value=0.001, max_value=1e11)), 3) or 0.001,
        circulair=draw(st.booleans()),
        fabriek=draw(TEXT),
        fabriek_adres=draw(TEXT),
        fabriek_land=draw(st.sampled_from(["", "NL", "IN"])),
        groeve_risico_overzicht=draw(st.booleans()),
        betrokkenheid=draw(st.sampled_from([None, "veroorzaakt"])),
    )


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(flows(), min_size=1, max_size=5), st.sampled_from([".csv", ".xlsx"]))
def test_round_trip_property(tmp_path, countries, flow_list, suffix):
    register = Register("m2", tuple(flow_list))
    path = tmp_path / f"r{suffix}"
    write_register(path, register)
    assert read_register(path, countries).register == register


def test_a_csv_as_libreoffice_writes_it(tmp_path, countries):
    # LibreOffice (Dutch locale) "Text CSV": ';' between cells, decimal comma, CRLF, and here
    # a BOM; a cell holding ';' is quoted. Column order is free.
    header = ";".join(reversed(COLUMNS))
    row = list(reversed(GOOD_ROW.split(",")))
    row[COLUMNS[::-1].index("hoeveelheid")] = "1234,5"
    row[COLUMNS[::-1].index("steentype")] = '"graniet; gevlamd"'
    path = tmp_path / "libreoffice.csv"
    path.write_bytes(("\ufeff" + header + "\r\n" + ";".join(row) + "\r\n").encode())
    read = read_register(path, countries)
    (only,) = read.register.flows
    assert only.hoeveelheid == 1234.5
    assert only.steentype == "graniet; gevlamd"
    assert only.betrokkenheid is None and only.fabriek_risico_overzicht is True


def test_an_xlsx_written_by_openpyxl(tmp_path, countries):
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    sheet.append(
        [
            "graniet",
            "grijs",
            40,
            "M2",
            True,
            "H",
            "K 1",
            "Nederland",
            "F",
            "W 2",
            "Portugal",
            "Indirect",
            "JA",
            "G",
            "B 3",
            "no",
            False,
            "Draagt  bij",
        ]
    )
    sheet.append([None] * len(COLUMNS))  # blank rows are skipped
    sheet.append(["hardsteen", None, 2.5, "m2", "ja"])  # short rows: the rest is empty
    path = tmp_path / "openpyxl.xlsx"
    book.save(path)
    read = read_register(path, countries)
    first, second = read.register.flows
    assert read.rows == (2, 4)
    assert (first.hoeveelheid, first.circulair, first.eerste_schakel_land) == (40, True, "NL")
    assert (first.fabriek_relatie, first.groeve_land, first.betrokkenheid) == (
        "indirect",
        "NO",
        "draagt bij",
    )
    assert (second.steentype, second.kleur, second.circulair) == ("hardsteen", "", True)


def _xlsx_with_formula(path: Path, cached: str | None) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    sheet.append(["graniet", "grijs", "=10*4", "m2", "nee"])
    book.save(path)
    if cached is not None:
        with zipfile.ZipFile(path) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
        name = "xl/worksheets/sheet1.xml"
        parts[name] = re.sub(
            rb"(<f>10\*4</f>)<v\s*/>", rb"\1<v>" + cached.encode() + b"</v>", parts[name]
        )
        with zipfile.ZipFile(path, "w") as archive:
            for part, data in parts.items():
                archive.writestr(part, data)


def test_an_xlsx_formula_counts_with_its_cached_value(tmp_path, countries):
    path = tmp_path / "cached.xlsx"
    _xlsx_with_formula(path, cached="40")
    assert read_register(path, countries).register.flows[0].hoeveelheid == 40


def test_an_xlsx_formula_without_a_cached_value_is_refused(tmp_path, countries):
    path = tmp_path / "formula.xlsx"
    _xlsx_with_formula(path, cached=None)
    assert problems_of(path, countries) == [
        f"{path}:2:hoeveelheid: formule zonder opgeslagen waarde; open het bestand in een "
        "rekenprogramma en sla het op, of vul de waarde zelf in"
    ]


# Bad input ----------------------------------------------------------------------------------


def _csv(tmp_path: Path, *lines: str, name: str = "r.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _row(**cells: str) -> str:
    values = dict(zip(COLUMNS, GOOD_ROW.split(","), strict=True))
    values.update(cells)
    return ",".join(values[name] for name in COLUMNS)


@pytest.mark.parametrize(
    ("lines", "problem"),
    [
        ((HEADER + ",prijs", GOOD_ROW + ",3"), "1:prijs: onbekende kolom"),
        (
            (HEADER.replace(",groeve_land", ""), GOOD_ROW.rsplit(",", 4)[0] + ",nee,"),
            "1:groeve_land: verplichte kolom ontbreekt",
        ),
        (
            (HEADER.replace("kleur", "kleur,kleur"), GOOD_ROW.replace("grijs", "grijs,grijs")),
            "1:kleur: kolom staat twee keer in de kopregel",
        ),
        (
            (HEADER, _row(hoeveelheid="twaalf")),
            "2:hoeveelheid: hoeveelheid is geen getal: 'twaalf'",
        ),
        (
            (HEADER, _row(hoeveelheid="-4")),
            "2:hoeveelheid: hoeveelheid moet groter dan 0 zijn, niet -4",
        ),
        (
            (HEADER, _row(hoeveelheid="0")),
            "2:hoeveelheid: hoeveelheid moet groter dan 0 zijn, niet 0",
        ),
        ((HEADER, _row(hoeveelheid="")), "2:hoeveelheid: hoeveelheid is leeg"),
        (
            (HEADER, GOOD_ROW, _row(hoeveelheid="1e5")),
            "3:hoeveelheid: hoeveelheid is geen getal: '1e5'",
        ),
        (
            (HEADER, GOOD_ROW, _row(hoeveelheid="9" * 400)),
            f"3:hoeveelheid: hoeveelheid moet groter dan 0 zijn, niet {'9' * 400}",
        ),
        ((HEADER, _row(steentype="")), "2:steentype: steentype is leeg"),
        (
            (HEADER, GOOD_ROW, _row(eenheid="ton")),
            "3:eenheid: eenheid ton wijkt af van m2 (rij 2); één eenheid voor het hele register",
        ),
        ((HEADER, _row(eenheid="kg")), "2:eenheid: onbekende eenheid 'kg' (m2, m3, ton of euro)"),
        (
            (HEADER, _row(groeve_land="Atlantis")),
            "2:groeve_land: onbekend land 'Atlantis' (ISO-code zoals NL of een Nederlandse naam)",
        ),
        ((HEADER, _row(circulair="jaa")), "2:circulair: 'jaa' is geen ja of nee"),
        (
            (HEADER, _row(fabriek_risico_overzicht="yes")),
            "2:fabriek_risico_overzicht: 'yes' is geen ja of nee",
        ),
        (
            (HEADER, _row(fabriek_relatie="soms")),
            "2:fabriek_relatie: 'soms' is niet een van: direct, indirect",
        ),
        (
            (HEADER, _row(betrokkenheid="veroorzaak")),
            "2:betrokkenheid: 'veroorzaak' is niet een van: veroorzaakt, draagt bij, verbonden",
        ),
        (
            (HEADER, _row(steentype="VOORBEELD graniet")),
            "2:steentype: dit is de voorbeeldrij van het sjabloon; verwijder of vervang hem",
        ),
        ((HEADER,), " het register bevat geen ketens (alleen een kopregel)"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_bad_input_is_one_line_naming_file_row_and_column(tmp_path, countries, lines, problem):
    path = _csv(tmp_path, *lines)
    assert problems_of(path, countries) == [f"{path}:{problem}"]


def test_a_header_in_capitals_gets_a_hint_and_its_rows_are_not_read(tmp_path, countries):
    path = _csv(tmp_path, HEADER.replace("steentype", "Steentype"), _row(hoeveelheid="x"))
    assert problems_of(path, countries) == [
        f"{path}:1:Steentype: onbekende kolom (bedoeld: steentype?)",
        f"{path}:1:steentype: verplichte kolom ontbreekt",
    ]


def test_a_header_cell_with_a_control_character_is_named_visibly(tmp_path, countries):
    path = _csv(tmp_path, HEADER + ",a\x00b\x1b[2J", GOOD_ROW + ",3")
    problems = problems_of(path, countries)
    assert problems == [f"{path}:1:'a\\x00b\\x1b[2J': onbekende kolom"]
    assert all(line.isprintable() for line in problems)


def test_every_problem_is_collected(tmp_path, countries):
    path = _csv(
        tmp_path,
        HEADER,
        _row(hoeveelheid="-1", circulair="misschien"),
        GOOD_ROW,
        _row(fabriek_land="XX"),
    )
    assert problems_of(path, countries) == [
        f"{path}:2:hoeveelheid: hoeveelheid moet groter dan 0 zijn, niet -1",
        f"{path}:2:circulair: 'misschien' is geen ja of nee",
        f"{path}:4:fabriek_land: onbekend land 'XX' (ISO-code zoals NL of een Nederlandse naam)",
    ]


def test_the_template_is_refused_until_its_example_row_is_replaced(tmp_path, countries):
    for suffix in (".csv", ".xlsx"):
        path = tmp_path / f"template{suffix}"
        write_register(path, template_register())
        assert problems_of(path, countries) == [
            f"{path}:2:steentype: dit is de voorbeeldrij van het sjabloon; verwijder of vervang hem"
        ]
    assert csv_text(template_register()).startswith(";".join(COLUMNS) + "\r\n")


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.csv", b"", "leeg bestand (geen kopregel met kolomnamen)"),
        ("empty.xlsx", None, "leeg bestand (geen kopregel met kolomnamen)"),
        (
            "latin1.csv",
            "steentype,kleur\ngraniet,grün\n".encode("latin-1"),
            "geen UTF-8-tekst (byte 26)",
        ),
        ("r.ods", b"x", "onbekend bestandstype '.ods' (.csv of .xlsx)"),
    ],
)
def test_bad_files_are_one_line(tmp_path, countries, name, content, problem):
    path = tmp_path / name
    if content is None:
        openpyxl.Workbook().save(path)
    else:
        path.write_bytes(content)
    assert problems_of(path, countries) == [f"{path}: {problem}"]


def test_a_damaged_xlsx_is_one_line(tmp_path, countries):
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    (problem,) = problems_of(path, countries)
    assert problem.startswith(f"{path}: geen leesbaar XLSX-bestand (")


def test_a_missing_file_is_one_line(tmp_path, countries):
    path = tmp_path / "nowhere.csv"
    assert problems_of(path, countries) == [f"{path}: bestand bestaat niet"]


@pytest.mark.parametrize("name", ["map.csv", "map"])
def test_a_folder_is_one_line(tmp_path, countries, name):
    path = tmp_path / name
    path.mkdir()
    assert problems_of(path, countries) == [f"{path}: is een map, geen bestand"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_pipe_is_refused_at_once_instead_of_blocking(tmp_path, countries, suffix):
    path = tmp_path / f"pijp{suffix}"
    os.mkfifo(path)
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("reading the pipe blocked"))
    signal.alarm(10)
    try:
        problems = problems_of(path, countries)
    finally:
        signal.alarm(0)
    assert problems == [f"{path}: geen gewoon bestand (een pipe, apparaat of socket)"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_50_mb_file_is_refused_by_its_size_before_it_is_read(tmp_path, countries, suffix):
    path = tmp_path / f"big{suffix}"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: nothing is parsed, so nothing is written
    assert MAX_BYTES < 50 * 1024 * 1024
    assert problems_of(path, countries) == [
        f"{path}: bestand te groot (52,4 MB; ten hoogste 20 MB)"
    ]


def test_one_flow_is_checked_as_a_row_of_a_file_is(countries):
    """parse_flow (the app's edit form) gives the flow, or the file's words per column."""
    cells = flow_cells(flow(hoeveelheid=1234.5, betrokkenheid="draagt bij"))
    assert cells["hoeveelheid"] == "1234,5" and cells["fabriek_risico_overzicht"] == "ja"
    assert parse_flow(cells, countries, "m2") == (
        flow(hoeveelheid=1234.5, betrokkenheid="draagt bij"),
        {},
    )
    named = {**cells, "groeve_land": " Tsjechië ", "circulair": "JA"}
    parsed, _ = parse_flow(named, countries)
    assert parsed is not None and (parsed.groeve_land, parsed.circulair) == ("CZ", True)
    bad = {**cells, "hoeveelheid": "twaalf", "groeve_land": "Atlantis", "eenheid": "ton"}
    assert parse_flow(bad, countries, "m2") == (
        None,
        {
            "hoeveelheid": "hoeveelheid is geen getal: 'twaalf'",
            "groeve_land": "onbekend land 'Atlantis' (ISO-code zoals NL of een Nederlandse naam)",
            "eenheid": "eenheid ton wijkt af van m2; één eenheid voor het hele register",
        },
    )
    assert parse_flow({}, countries)[1] == {
        "steentype": "steentype is leeg",
        "hoeveelheid": "hoeveelheid is leeg",
        "eenheid": "eenheid is leeg",
    }
