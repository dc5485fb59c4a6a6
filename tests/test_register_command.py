"""``trustone register template|check``: the JSON contract, the Dutch text, errors, imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from trustone_tui.cli import build_parser, main
from trustone_tui.engine.register import COLUMNS

# Rows 2-6 of a register file; row 4 is blank (skipped), so the flows are rows 2, 3, 5, 6, 7.
REGISTER_CSV = "\n".join(
    [
        ";".join(COLUMNS),
        # 100 m2, everything known, all in the EEA, involvement described.
        "graniet;grijs;100;m2;nee;H BV;Kade 1;NL;F1;Weg 2;PT;direct;ja;G1;Berg 3;PT;ja;verbonden",
        # 50 m2 through the same factory (spelled differently), quarry unknown and in India.
        "graniet;zwart;50;m2;nee;H BV;Kade 1;NL;f1 ; weg 2 ;PT;direct;ja;G2;;India;nee;",
        "",
        # 30 m2 recycled: counts as known, decides nothing else.
        "hardsteen;blauw;30;m2;ja;;;;;;;;;;;;;",
        # 20 m2, first link unknown, factory without address.
        "marmer;wit;20;m2;nee;Agent;;IT;F3;;IT;indirect;nee;G3;Cava 1;IT;nee;draagt bij",
        # 0,5 m2 (decimal comma), all known, Norway.
        "leisteen;zwart;0,5;m2;nee;S AS;Fjord 1;NO;F4;Vei 1;NO;direct;nee;G4;Fjell 2;NO;nee;",
    ]
)


@pytest.fixture
def register_csv(tmp_path: Path) -> Path:
    path = tmp_path / "ketens.csv"
    path.write_text(REGISTER_CSV + "\n", encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["register", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_json_is_the_contract(capsys, register_csv):
    code, out, err = run(capsys, "check", str(register_csv), "--format", "json")
    assert (code, err) == (0, "")
    total = 100 + 50 + 30 + 20 + 0.5
    assert json.loads(out) == {
        "flows": 5,
        "unit": "m2",
        "percentages": {
            "2.1.1a": pytest.approx(100 * (total - 20) / total),
            "2.1.1b": pytest.approx(100 * (total - 20) / total),
            "2.1.1c": pytest.approx(100 * (total - 50) / total),
            # Factories: F1 (ja, counted once), F4 (nee), one unknown: 1 of 3.
            "2.2.4a": pytest.approx(100 / 3),
            # Quarries: G1 (ja), G3 (nee), G4 (nee), one unknown: 1 of 4.
            "2.2.4b": 25.0,
            # Non-circular chains with involvement: 2 of 4.
            "2.3.7": 50.0,
        },
        "category": "C",
        "category_flows": [3],
        "unknown": {"eerste_schakel": [6], "fabriek": [6], "groeve": [3]},
    }


def test_check_text_is_dutch(capsys, register_csv):
    code, out, _ = run(capsys, "check", str(register_csv))
    assert code == 0
    assert f"Register {register_csv}: 5 ketens, eenheid m2" in out
    assert "Inzicht in de groeves:" in out and "(2.1.1c)" in out
    assert "Groeves met een risico-overzicht:         25%" in out
    assert "Categorie C: fabriek of groeve buiten de EER (of land niet ingevuld) in rij 3" in out
    assert "Onbekende eerste schakel (naam of adres ontbreekt) in rij 6" in out
    assert "Onbekende groeve (naam of adres ontbreekt) in rij 3" in out


def test_check_of_a_bad_file_exits_2_with_one_line_per_problem(capsys, tmp_path):
    path = tmp_path / "slecht.csv"
    path.write_text(
        ",".join(COLUMNS) + "\n" + "graniet,grijs,-3,m2,nee" + ",,," * 4 + "\n"
        "graniet,grijs,3,ton,jaa" + ",,," * 4 + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "check", str(path), "--format", "json")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{path}:2:hoeveelheid: hoeveelheid moet groter dan 0 zijn, niet -3",
        f"{path}:3:eenheid: eenheid ton wijkt af van m2 (rij 2); "
        "één eenheid voor het hele register",
        f"{path}:3:circulair: 'jaa' is geen ja of nee",
    ]


def test_template_to_stdout_and_to_files(capsys, tmp_path):
    code, out, err = run(capsys, "template")
    assert (code, err) == (0, "")
    header, example = out.splitlines()
    assert header.split(";") == list(COLUMNS)
    assert example.startswith("VOORBEELD ")
    for suffix in (".csv", ".xlsx"):
        path = tmp_path / f"ketens{suffix}"
        assert run(capsys, "template", "-o", str(path))[0] == 0
        code, out, err = run(capsys, "check", str(path), "--format", "json")
        assert (code, out) == (2, "")
        assert err == (
            f"{path}:2:steentype: dit is de voorbeeldrij van het sjabloon; "
            "verwijder of vervang hem\n"
        )


def test_template_refuses_another_file_type(capsys, tmp_path):
    path = tmp_path / "ketens.ods"
    code, _, err = run(capsys, "template", "-o", str(path))
    assert code == 2
    assert err == f"{path}: onbekend bestandstype '.ods' (.csv of .xlsx)\n"
    assert not path.exists()


def test_register_is_listed_among_the_file_tools():
    assert "trustone register" in build_parser().format_help()


def test_check_of_a_csv_never_imports_openpyxl_or_textual(register_csv):
    code = (
        "import sys\n"
        "from trustone_tui.cli import main\n"
        f"status = main(['register', 'check', {str(register_csv)!r}, '--format', 'json'])\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'textual')]\n"
        "assert status == 0, status\n"
        "assert not loaded, loaded\n"
        "import openpyxl\n"  # the check itself can fail: openpyxl is installed
        "assert 'openpyxl' in sys.modules\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["flows"] == 5
