"""``trustone score FILE [FILE...] [--format text|json]``: output, errors, exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from proof_helpers import C_ALL_NVT, EXAMPLE, FW, make_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.cli import main

TOP_KEYS = {
    "company",
    "category",
    "size",
    "points",
    "max_points",
    "percentage",
    "level",
    "next",
    "questions",
}
NEXT_KEYS = {
    "level",
    "points_needed",
    "quarry_insight_needed",
    "factory_insight_needed",
    "core_questions_missing",
}


def score(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["score", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "jansen.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    return path


def write(path: Path, profile_key: str, answers) -> Path:
    path.write_bytes(dump_session(make_session(profile_key, answers), FW))
    return path


def test_json_for_one_file_is_an_object_with_exactly_the_documented_keys(capsys, example):
    code, out, err = score(capsys, str(example), "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert set(data) == TOP_KEYS
    assert data["company"] == "Natuursteen Jansen B.V."
    assert (data["category"], data["size"]) == ("C", "small")
    assert (data["points"], data["max_points"]) == (6, 252)
    assert data["percentage"] == pytest.approx(6 / 252 * 100)
    assert data["level"] is None
    # C1: 20% of 252 = 50.4 -> 50.5 - 6 = 44.5; groeves 45 >= 20; fabrieken 50 (has 0).
    assert data["next"] == {
        "level": "C1",
        "points_needed": 44.5,
        "quarry_insight_needed": 0,
        "factory_insight_needed": 50,
        "core_questions_missing": [],
    }
    assert list(data["questions"]) == [q.id for q in FW.scored_questions("C")]


def test_json_questions(capsys, example):
    data = json.loads(score(capsys, str(example), "--format", "json")[1])
    questions = data["questions"]
    for qid, entry in questions.items():
        extra = {"percentage"} if FW.questions[qid].kind in ("band", "percentage") else set()
        assert set(entry) == {"answer", "points", "max", "criteria"} | extra, qid
    assert questions["1.1.5"] == {
        "answer": "gedeeltelijk",
        "points": 2,
        "max": 4,
        # This company's variant: "Richtlijnen kleine C-bedrijven en alle B-bedrijven".
        "criteria": {
            "nee": "De beleidsverklaring geeft niet aan hoe due diligence wordt geïmplementeerd "
            "en wie daarbij betrokken is",
            "gedeeltelijk": "De beleidsverklaring bevat ten minste onderdeel 1",
            "ja": "De beleidsverklaring bevat ten minste onderdeel 1 en 2",
        },
    }
    assert questions["2.1.1c"] == {
        "answer": None,
        "points": 4,
        "max": 10,
        "percentage": 45,
        "criteria": "0<20%: 0 punten; 20<40%: 2 punten; 40<60%: 4 punten; 60-75%: 6 punten; "
        "75-90%: 8 punten; ≥90%: 10 punten",
    }
    assert questions["1.1.1"] == {
        "answer": None,
        "points": 0,
        "max": 1,
        "criteria": {
            "nee": "Geen of slechts enkele thema’s uit vraag 1 t/m 3 worden in de "
            "beleidsverklaring genoemd",
            "gedeeltelijk": "De meeste thema’s uit vraag 1 t/m 3 worden in de beleidsverklaring "
            "genoemd",
            "ja": "Alle thema’s uit vraag 1 t/m 3 worden in de beleidsverklaring genoemd",
        },
    }
    assert questions["2.2.4a"]["criteria"]["ja"] == (
        "Overzicht van risico’s in meer dan 50% van de fabrieken"
    )


def test_json_nvt_and_derived_answers_and_b_only_questions(capsys, tmp_path):
    path = write(
        tmp_path / "b.toml",
        "B:medium_large",
        {"1.3.18": "nvt", "2.1.1c": 20, "3.1.2": "ja", "1.1.5": "ja"},
    )
    data = json.loads(score(capsys, str(path), "--format", "json")[1])
    assert (data["category"], data["size"]) == ("B", "medium_large")
    assert data["max_points"] == 100 - 4
    questions = data["questions"]
    # Only the 18 questions scored for B; 3.1.2 is C only.
    assert list(questions) == [q.id for q in FW.scored_questions("B")]
    assert "3.1.2" not in questions
    assert questions["1.3.18"]["answer"] == "nvt"
    assert (questions["1.3.18"]["points"], questions["1.3.18"]["max"]) == (None, 0)
    assert questions["2.1.1c"]["criteria"] == (
        "0-20%: 0 punten; 20<50%: 3 punten; 50<75%: 6 punten; 75<90%: 8 punten; ≥90%: 10 punten"
    )
    assert questions["2.1.1c"]["points"] == 3
    # All B companies get "Richtlijnen kleine C-bedrijven en alle B-bedrijven" for 1.1.5.
    assert questions["1.1.5"]["criteria"]["ja"] == (
        "De beleidsverklaring bevat ten minste onderdeel 1 en 2"
    )


def test_json_percentage_answer_is_derived(capsys, tmp_path):
    path = write(tmp_path / "c.toml", "C:medium_large", {"2.2.4b": 40})
    entry = json.loads(score(capsys, str(path), "--format", "json")[1])["questions"]["2.2.4b"]
    # groot/middelgroot: "40 – 60% van de groeves" -> Gedeeltelijk, 6 / 2 = 3
    assert (entry["answer"], entry["points"], entry["max"], entry["percentage"]) == (
        "gedeeltelijk",
        3,
        6,
        40,
    )


def test_next_is_null_at_the_top_level(capsys, tmp_path):
    path = write(tmp_path / "top.toml", "C:medium_large", C_ALL_NVT)
    data = json.loads(score(capsys, str(path), "--format", "json")[1])
    assert (data["level"], data["next"], data["points"], data["max_points"]) == (
        "C5",
        None,
        206,
        206,
    )


def test_several_files_give_an_array_in_the_given_order(capsys, tmp_path, example):
    b = write(tmp_path / "b.toml", "B:small", {"5.1": "ja"})
    code, out, err = score(capsys, str(b), str(example), str(b), "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [d["company"] for d in data] == [
        "Klein B-bedrijf",
        "Natuursteen Jansen B.V.",
        "Klein B-bedrijf",
    ]
    assert all(set(d) == TOP_KEYS for d in data)
    assert all(set(d["next"]) == NEXT_KEYS for d in data)


def test_bad_files_are_reported_and_the_others_still_scored(capsys, tmp_path, example):
    bad = tmp_path / "bad.toml"
    bad.write_text(EXAMPLE.replace("percentage = 45", "percentage = 120"), encoding="utf-8")
    missing = tmp_path / "missing.toml"
    code, out, err = score(capsys, str(bad), str(example), str(missing), "--format", "json")
    assert code == 2
    assert err.splitlines() == [
        f'{bad}: answers."2.1.1c".percentage: must be at most 100 (got 120)',
        f"{missing}: no such file",
    ]
    assert [d["company"] for d in json.loads(out)] == ["Natuursteen Jansen B.V."]


def test_one_bad_file_prints_nothing_on_stdout(capsys, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 2\n[company\n", encoding="utf-8")
    for fmt in ("json", "text"):
        code, out, err = score(capsys, str(bad), "--format", fmt)
        assert (code, out) == (2, "")
        assert err == f"{bad}:2:9: invalid TOML: Expected ']' at the end of a table declaration\n"


def test_text_format(capsys, example, tmp_path):
    b = write(tmp_path / "b.toml", "B:small", {"5.1": "ja"})
    code, out, err = score(capsys, str(example), str(b))
    assert (code, err) == (0, "")
    assert "  Score:    6 van 252 punten (2,3%)\n" in out
    assert "  Volgend:  C1: nog 44,5 punten; inzicht fabrieken nog 50 procentpunt\n" in out
    assert "  Profiel:  klein bedrijf, categorie C (ook materialen uit risicolanden)\n" in out
    assert "Klein B-bedrijf\n" in out and "  Score:    20 van 100 punten (20%)\n" in out
    assert "\n\nKlein B-bedrijf\n" in out  # one blank line between companies


def test_text_shows_control_characters_in_a_name_instead_of_obeying_them(capsys, tmp_path):
    path = tmp_path / "escape.toml"
    path.write_text(EXAMPLE.replace("Natuursteen Jansen B.V.", "Jansen\\u001b[2J B.V."))
    code, out, _ = score(capsys, str(path))
    assert code == 0
    assert out.startswith("Jansen\\x1b[2J B.V.\n")
    assert "\x1b" not in out


WEIRD_INPUTS = {
    "empty.toml": b"",
    "binary.toml": bytes(range(256)),
    "latin1.toml": "schema_version = 2\nnaam = 'café'\n".encode("latin-1"),
    "valid.toml": EXAMPLE.replace('[answers."2.1.1c"]\npercentage = 45\n', "").encode(),
    "answers-as-array.toml": b"schema_version = 2\nanswers = [1, 2]\n",
    "company-string.toml": b'schema_version = 2\ncompany = "x"\n',
    "elements-string.toml": EXAMPLE.replace("elements = [1]", 'elements = "1"').encode(),
    "elements-table.toml": EXAMPLE.replace("elements = [1]", "elements = { staf = [1] }").encode(),
    "nested-elements.toml": EXAMPLE.replace("elements = [1]", "elements = [[1]]").encode(),
    "future.toml": EXAMPLE.replace("schema_version = 2", "schema_version = 99").encode(),
    "version-string.toml": EXAMPLE.replace("schema_version = 2", 'schema_version = "1"').encode(),
    "nan.toml": EXAMPLE.replace("percentage = 45", "percentage = nan").encode(),
    "bool-employees.toml": EXAMPLE.replace("employees = 18", "employees = true").encode(),
    "answer-table-as-string.toml": b'schema_version = 2\nanswers = { "1.1.5" = "ja" }\n',
}


def test_never_a_traceback_in_a_real_process(tmp_path):
    paths = []
    for name, data in WEIRD_INPUTS.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    (tmp_path / "a-directory").mkdir()
    paths.append(str(tmp_path / "a-directory"))
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (5 * 1024 * 1024 + 1))
    paths.append(str(big))
    proc = subprocess.run(
        [sys.executable, "-m", "trustone_tui", "score", *paths, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    named = [line for line in lines if line.startswith(str(tmp_path))]
    assert named == lines
    # Every input but valid.toml is named by at least one line.
    failing = {Path(line.split(":", 1)[0]).name for line in lines}
    assert failing == {Path(p).name for p in paths} - {"valid.toml"}
    assert [d["company"] for d in json.loads(proc.stdout)] == ["Natuursteen Jansen B.V."]


def test_score_never_imports_textual(example):
    code = (
        "import sys\n"
        "from trustone_tui.cli import main\n"
        f"status = main(['score', {str(example)!r}, '--format', 'json'])\n"
        "loaded = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "assert status == 0, status\n"
        "assert not loaded, loaded\n"
        "import trustone_tui.engine.scoring, trustone_tui.framework.bank\n"
        "import trustone_tui.answerfile.read\n"
        "import trustone_tui.report.scorejson, trustone_tui.engine.suggest\n"
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules)\n"
        # Every module outside tui/ (the other commands, the store, the reports, ...) too.
        "import importlib, pkgutil, trustone_tui\n"
        "modules = pkgutil.walk_packages(trustone_tui.__path__, 'trustone_tui.')\n"
        "outside = [m.name for m in modules if not m.name.startswith('trustone_tui.tui')\n"
        "           and not m.name.endswith('__main__')]\n"
        "assert {'trustone_tui.commands.export', 'trustone_tui.commands.diff',\n"
        "        'trustone_tui.commands.summary', 'trustone_tui.commands.app'} <= set(outside)\n"
        "for name in outside:\n"
        "    importlib.import_module(name)\n"
        "    assert 'textual' not in sys.modules and 'rich' not in sys.modules, name\n"
        "import textual\n"  # the check itself can fail: Textual is installed
        "assert 'textual' in sys.modules\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["company"] == "Natuursteen Jansen B.V."
