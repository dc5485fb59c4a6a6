"""The reports show the supply-chain register's figures and its unknown links (issue 14)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from proof_helpers import FW
from trustone_tui.answerfile.read import parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.cli import main
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.register import Flow, Register
from trustone_tui.report import render_report

#: Flow 1: first link and quarry unknown, in China (category C); flow 2 fully known, in Italy.
FLOWS = (
    Flow("Graniet", "grijs", 100.0, "ton", fabriek="F", fabriek_adres="X", fabriek_land="CN"),
    Flow(
        "Marmer",
        "wit",
        50.0,
        "ton",
        eerste_schakel="H",
        eerste_schakel_adres="A",
        fabriek="G",
        fabriek_adres="Y",
        fabriek_land="IT",
        groeve="Q",
        groeve_adres="Z",
        groeve_land="IT",
    ),
)


def session(register=True):
    demo = parse_session(demo_bytes(), "demo", FW)
    return replace(demo, register=Register("ton", FLOWS)) if register else demo


def test_markdown_shows_the_figures_and_the_links_still_to_find():
    text = render_report(session(), FW, "md").decode()
    section = text[text.index("## Ketenoverzicht") : text.index("## Plan van aanpak")]
    assert "2 ketens, gemeten in ton. Categorie C:" in section and "in keten 1." in section
    assert "| 2.1.1c | Inzicht in de groeves | 33,3% |" in section  # 50 of 150 ton
    assert "- **eerste schakel** onbekend: keten 1 (Graniet grijs)" in section
    assert "- **groeve** onbekend: keten 1 (Graniet grijs)" in section
    assert "fabriek** onbekend" not in section


def test_html_and_json_show_the_same():
    page = render_report(session(), FW, "html").decode()
    assert page.index('<section class="register">') < page.index('<section class="signoff">')
    assert "<strong>groeve</strong> onbekend: keten 1 (Graniet grijs)" in page
    document = json.loads(render_report(session(), FW, "json"))
    assert document["register"]["unknown"] == {
        "eerste_schakel": [1],
        "fabriek": [],
        "groeve": [1],
    }
    assert document["register"]["category"] == "C"


def test_without_a_register_there_is_no_section():
    assert "Ketenoverzicht" not in render_report(session(False), FW, "md").decode()
    assert json.loads(render_report(session(False), FW, "json"))["register"] is None


def test_the_summary_counts_flows_and_unknown_links(tmp_path, capsys):
    (tmp_path / "a.toml").write_bytes(dump_session(session(), FW))
    assert main(["summary", str(tmp_path), "--format", "csv"]) == 0
    row = next(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff")), delimiter=";"))
    assert (row["ketens"], row["onbekend_eerste_schakel"], row["onbekend_groeve"]) == (
        "2",
        "1",
        "1",
    )
    assert main(["summary", str(tmp_path), "--format", "json"]) == 0
    (company,) = json.loads(capsys.readouterr().out)["companies"]
    assert company["register"] == {
        "flows": 2,
        "unknown": {"eerste_schakel": 1, "fabriek": 0, "groeve": 1},
    }
