"""``trustone register import FILE SESSION`` and ``register export SESSION -o FILE``: all or
nothing, saved like the app saves, and round trips that give back the same rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from proof_helpers import FW, make_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.cli import main
from trustone_tui.engine.register import COLUMNS
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.sessions import open_session

#: A register as LibreOffice Calc saves it as CSV with ';' (Dutch locale): no BOM, LF line
#: ends, a decimal comma, text quoted only where it holds the separator or a quote.
LIBREOFFICE_CSV = (
    ";".join(COLUMNS)
    + "\n"
    + "graniet;grijs;120,5;m2;nee;Handel BV;Kade 1, Rotterdam;NL;Fabriek;Weg 2;PT;direct;ja;"
    "Groeve;Berg 3;PT;ja;verbonden\n"
    + 'marmer;wit;20;m2;nee;"Agent; Co";"Via ""Roma"" 1";IT;F3;;IT;indirect;nee;G3;Cava 1;IT;'
    "nee;draagt bij\n" + "hardsteen;blauw;30;m2;ja;;;;;;;;nee;;;;nee;\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["register", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / "jansen.toml"
    path.write_bytes(dump_session(make_session("C:small", {"1.1.5": "ja", "2.1.1c": 30}), FW))
    return path


def csv_rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_import_keeps_the_register_in_the_session_and_score_uses_it(capsys, tmp_path, session_file):
    source = tmp_path / "ketens.csv"
    source.write_text(LIBREOFFICE_CSV, encoding="utf-8")
    code, out, err = run(capsys, "import", str(source), str(session_file))
    assert (code, err) == (0, "")
    assert "3 ketens" in out
    session = load_session(session_file, FW)
    assert session.register is not None
    assert [f.steentype for f in session.register.flows] == ["graniet", "marmer", "hardsteen"]
    assert session.register.flows[1].eerste_schakel == "Agent; Co"
    assert session.answer("1.1.5").answer == "ja"  # the rest of the session is kept
    assert main(["score", str(session_file), "--format", "json"]) == 0
    scored = json.loads(capsys.readouterr().out)["questions"]["2.1.1c"]
    # 2.1.1c: 120,5 + 30 (circular) of 170,5 m2; F3's quarry G3 is known too.
    assert scored["percentage_source"] == "register"
    assert scored["percentage"] == pytest.approx(100.0)


def test_libreoffice_csv_import_then_export_gives_back_the_same_rows(
    capsys, tmp_path, session_file
):
    source = tmp_path / "ketens.csv"
    source.write_text(LIBREOFFICE_CSV, encoding="utf-8")
    assert run(capsys, "import", str(source), str(session_file))[0] == 0
    exported = tmp_path / "terug.csv"
    code, _, err = run(capsys, "export", str(session_file), "-o", str(exported))
    assert (code, err) == (0, "")
    assert csv_rows(exported.read_bytes()) == csv_rows(source.read_bytes())
    # And the exported file imports again to the very same register.
    before = load_session(session_file, FW).register
    assert run(capsys, "import", str(exported), str(session_file))[0] == 0
    assert load_session(session_file, FW).register == before


def test_xlsx_written_by_openpyxl_import_then_export_gives_back_the_same_rows(
    capsys, tmp_path, session_file
):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    first = ["graniet", "grijs", 12.25, "m2", "nee", "H BV", "Kade 1", "NL", "F1", "Weg 2"]
    sheet.append([*first, "CN", "direct", "ja", "G1", "Berg 3", "CN", "nee", "veroorzaakt"])
    second = ["leisteen", "zwart", 3.0, "m2", "nee", "S AS", "Fjord 1", "NO", "F4", "Vei 1"]
    sheet.append([*second, "NO", "indirect", "nee", "G4", "Fjell 2", "NO", "ja", ""])
    source = tmp_path / "ketens.xlsx"
    book.save(source)
    assert run(capsys, "import", str(source), str(session_file))[0] == 0
    exported = tmp_path / "terug.xlsx"
    assert run(capsys, "export", str(session_file), "-o", str(exported))[0] == 0

    def values(path: Path) -> list[tuple[object, ...]]:
        sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        return [
            tuple("" if v is None else v for v in row) for row in sheet.iter_rows(values_only=True)
        ]

    assert values(exported) == values(source)


def test_a_file_with_bad_rows_changes_nothing_and_lists_every_problem(
    capsys, tmp_path, session_file
):
    original = session_file.read_bytes()
    bad = LIBREOFFICE_CSV.replace("120,5", "twaalf").replace(";PT;ja;verbonden", ";Atlantis;jaa;")
    source = tmp_path / "fout.csv"
    source.write_text(bad, encoding="utf-8")
    code, out, err = run(capsys, "import", str(source), str(session_file))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{source}:2:hoeveelheid: hoeveelheid is geen getal: 'twaalf'",
        f"{source}:2:groeve_land: onbekend land 'Atlantis' "
        "(ISO-code zoals NL of een Nederlandse naam)",
        f"{source}:2:groeve_risico_overzicht: 'jaa' is geen ja of nee",
    ]
    assert session_file.read_bytes() == original


def test_a_session_open_elsewhere_is_not_changed(capsys, tmp_path, session_file):
    source = tmp_path / "ketens.csv"
    source.write_text(LIBREOFFICE_CSV, encoding="utf-8")
    original = session_file.read_bytes()
    with open_session(session_file, FW):  # as the app holds it
        code, _, err = run(capsys, "import", str(source), str(session_file))
    assert code == 2
    assert err == (
        f"{session_file}: niet gewijzigd: de sessie is geopend in trustone; sluit hem daar eerst\n"
    )
    assert session_file.read_bytes() == original


def test_a_bad_session_file_is_one_line(capsys, tmp_path):
    source = tmp_path / "ketens.csv"
    source.write_text(LIBREOFFICE_CSV, encoding="utf-8")
    broken = tmp_path / "kapot.toml"
    broken.write_text("schema_version = 2\n[company\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(source), str(broken))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and err.startswith(str(broken))
    code, _, err = run(capsys, "export", str(broken), "-o", str(tmp_path / "x.csv"))
    assert code == 2 and err.startswith(str(broken))


def test_export_without_a_register_or_to_an_unknown_type(capsys, tmp_path, session_file):
    code, _, err = run(capsys, "export", str(session_file), "-o", str(tmp_path / "x.csv"))
    assert (code, err) == (2, f"{session_file}: de sessie heeft geen ketenoverzicht\n")
    source = tmp_path / "ketens.csv"
    source.write_text(LIBREOFFICE_CSV, encoding="utf-8")
    assert run(capsys, "import", str(source), str(session_file))[0] == 0
    target = tmp_path / "x.ods"
    code, _, err = run(capsys, "export", str(session_file), "-o", str(target))
    assert (code, err) == (2, f"{target}: onbekend bestandstype '.ods' (.csv of .xlsx)\n")
    same = session_file.with_suffix(".csv")
    same.symlink_to(session_file)
    code, _, err = run(capsys, "export", str(session_file), "-o", str(same))
    assert code == 2 and "refusing to overwrite" in err
    assert not target.exists()


def test_a_register_larger_than_an_answer_file_keeps_is_refused_in_one_line(
    capsys, tmp_path, session_file
):
    from trustone_tui.answerfile.validate import MAX_REGISTER_FLOWS

    row = "graniet;grijs;{n};m2;nee;;;;F{n};Weg {n};CN;;nee;;;;nee;\n"
    big = tmp_path / "groot.csv"
    count = MAX_REGISTER_FLOWS + 1
    big.write_text(";".join(COLUMNS) + "\n" + "".join(row.format(n=n) for n in range(1, count + 1)))
    before = session_file.read_bytes()
    code, _, err = run(capsys, "import", str(big), str(session_file))
    assert code == 2
    assert err.splitlines() == [
        f"{big}: 2.001 ketens; een antwoordbestand houdt er hoogstens 2.000 bij "
        "(`trustone register check` leest er meer)"
    ]
    assert session_file.read_bytes() == before
