"""``trustone summary``: one row per company (its latest assessment), ``--all-years``,
duplicates said, and the date, framework version, interviewer, insight and next-level columns."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from report_fixtures import demo_session, framework, uniform_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.cli import main
from trustone_tui.engine.session import Interview


def write(path: Path, session) -> Path:
    path.write_bytes(dump_session(session, framework()))
    return path


def dated(session, date: dt.date | None, interviewer: str = "Test"):
    return dataclasses.replace(session, interview=Interview(interviewer, date))


@pytest.fixture
def years(tmp_path: Path) -> Path:
    """Van Dijk in 2025 and 2026 (twice in 2026, once with the name spelled in capitals),
    and one other company."""
    demo = demo_session()
    write(tmp_path / "a_vandijk_2025.toml", dated(demo, dt.date(2025, 11, 3), "Piet"))
    write(tmp_path / "b_vandijk_2026.toml", demo)
    upper = dataclasses.replace(
        demo, company=dataclasses.replace(demo.company, name="NATUURSTEEN  van Dijk & Zn. B.V.")
    )
    write(tmp_path / "c_vandijk_2026_kopie.toml", dated(upper, dt.date(2026, 11, 12)))
    write(tmp_path / "d_ander.toml", dated(uniform_session("Ander BV"), dt.date(2026, 2, 1)))
    return tmp_path


def run_json(capsys, *args: str) -> dict:
    assert main(["summary", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_default_is_one_row_per_company_its_latest_assessment(years: Path, capsys):
    data = run_json(capsys, str(years))
    rows = data["companies"]
    assert [Path(r["file"]).name for r in rows] == ["c_vandijk_2026_kopie.toml", "d_ander.toml"]
    assert data["earlier_years"] == 1
    assert data["duplicates"] == [
        {
            "company": "NATUURSTEEN  van Dijk & Zn. B.V.",
            "year": 2026,
            "used": str(years / "c_vandijk_2026_kopie.toml"),
            "ignored": [str(years / "b_vandijk_2026.toml")],
        }
    ]
    # The aggregates count each company once.
    assert sum(data["levels"]["C"].values()) == 2


def test_all_years_lists_every_year_but_still_one_file_per_year(years: Path, capsys):
    data = run_json(capsys, str(years), "--all-years")
    names = [Path(r["file"]).name for r in data["companies"]]
    assert names == ["a_vandijk_2025.toml", "c_vandijk_2026_kopie.toml", "d_ander.toml"]
    assert data["earlier_years"] == 0 and len(data["duplicates"]) == 1


def test_text_says_the_duplicates_and_the_hidden_years(years: Path, capsys):
    assert main(["summary", str(years)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Samenvatting: 2 bedrijven\n")
    assert "Dubbele bestanden (1)" in out
    assert (
        f"(2026): gebruikt {years / 'c_vandijk_2026_kopie.toml'}; "
        f"niet meegeteld: {years / 'b_vandijk_2026.toml'}" in out
    )
    assert "1 eerdere beoordeling niet getoond" in out
    assert main(["summary", str(years), "--all-years"]) == 0
    assert capsys.readouterr().out.startswith("Samenvatting: 2 bedrijven, 3 beoordelingen\n")


def test_json_row_has_date_version_interviewer_insight_and_the_whole_next_gap(
    tmp_path: Path, capsys
):
    write(tmp_path / "demo.toml", demo_session())
    row = run_json(capsys, str(tmp_path))["companies"][0]
    assert row["date"] == "2026-11-12"
    assert row["framework_version"] == demo_session().framework_version
    assert row["interviewer"] == "Sanne Bakker (secretariaat)"
    assert (row["quarry_insight"], row["factory_insight"]) == (55.0, 80.0)
    assert row["next"] == {
        "level": "C3",
        "points_needed": 28.0,
        "quarry_insight_needed": 5.0,
        "factory_insight_needed": 20.0,
        "core_questions_missing": [],
    }
    assert row["next_missing"] == (
        "C3: nog 28 punten; inzicht groeves nog 5 procentpunt; inzicht fabrieken nog 20 procentpunt"
    )
    assert isinstance(row["points"], float) and isinstance(row["next_points_needed"], float)


def test_text_row_shows_every_missing_condition_including_core_questions(tmp_path: Path, capsys):
    # Everything Ja except core question 3.1.1 (Gedeeltelijk): C4 needs it on Ja.
    from trustone_tui.engine.session import QuestionAnswer

    session = uniform_session("Kern BV", overrides={"3.1.1": QuestionAnswer(answer="gedeeltelijk")})
    write(tmp_path / "kern.toml", session)
    assert main(["summary", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "kernvragen niet op Ja: 3.1.1" in out


def test_csv_has_the_new_columns_and_dutch_sizes(tmp_path: Path, capsysbinary):
    write(tmp_path / "demo.toml", demo_session())
    write(tmp_path / "klein.toml", uniform_session("Klein BV", category="B", size="small"))
    assert main(["summary", str(tmp_path), "--format", "csv"]) == 0
    text = capsysbinary.readouterr().out.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    demo = next(r for r in rows if r["bedrijf"].startswith("Natuursteen"))
    assert demo["grootte"] == "middelgroot/groot"
    assert (demo["datum"], demo["interviewer"]) == ("2026-11-12", "Sanne Bakker (secretariaat)")
    assert (demo["inzicht_groeves"], demo["inzicht_fabrieken"]) == ("55", "80")
    assert (demo["inzicht_groeves_nodig"], demo["inzicht_fabrieken_nodig"]) == ("5", "20")
    assert demo["volgend_ontbreekt"].startswith("C3: nog 28 punten; inzicht groeves")
    assert demo["kaderversie"] == demo_session().framework_version
    small = next(r for r in rows if r["bedrijf"] == "Klein BV")
    assert small["grootte"] == "klein" and small["volgend_ontbreekt"] == "hoogste niveau bereikt"
