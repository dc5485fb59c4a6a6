"""``trustone export``: format choice, standard output, atomic writing, never over the input."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from report_fixtures import demo_session
from trustone_tui.cli import main
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.session import Interview
from trustone_tui.report import default_filename
from trustone_tui.store.output import OutputError, write_atomic


@pytest.fixture
def answer_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    return path


def test_stdout_is_binary_safe_for_the_csv_bom(answer_file: Path, capsysbinary):
    assert main(["export", str(answer_file), "--format", "csv"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"\xef\xbb\xbfbedrijf;")
    assert out.count(b"\xef\xbb\xbf") == 1


def test_default_format_is_markdown(answer_file: Path, capsys):
    assert main(["export", str(answer_file)]) == 0
    assert capsys.readouterr().out.startswith("# TruStone-beoordeling ")


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("r.html", b"<!DOCTYPE html>"),
        ("r.HTM", b"<!DOCTYPE html>"),
        ("r.json", b"{"),
        ("r.csv", b"\xef\xbb\xbf"),
        ("r.md", b"# "),
        ("r.txt", b"# "),
    ],
)
def test_format_follows_the_output_suffix(answer_file: Path, name: str, start: bytes):
    out = answer_file.parent / name
    assert main(["export", str(answer_file), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(start)


def test_explicit_format_is_written_to_a_file_without_a_suffix(answer_file: Path):
    out = answer_file.parent / "report"
    assert main(["export", str(answer_file), "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_bytes())["level"] == "C2"


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["-o", "rapport.pdf"], "unknown suffix '.pdf'"),
        (["-o", "rapport.xlsx"], "unknown suffix '.xlsx'"),
        (["--format", "html", "-o", "rapport.pdf"], "unknown suffix '.pdf'"),
        (["--format", "json", "-o", "report.md"], "the suffix '.md' is not that of --format json"),
        (
            ["--format", "csv", "-o", "report.html"],
            "the suffix '.html' is not that of --format csv",
        ),
    ],
)
def test_an_output_suffix_the_format_does_not_match_is_refused(
    answer_file: Path, capsys, argv: list[str], reason: str
):
    argv = [
        a if a.startswith("-") or a in ("html", "json", "csv") else str(answer_file.parent / a)
        for a in argv
    ]
    assert main(["export", str(answer_file), *argv]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith(f"trustone export: {argv[-1]}: {reason}")
    assert sorted(p.name for p in answer_file.parent.iterdir()) == ["demo.toml"]


def test_writes_atomically_and_leaves_no_temporary_files(answer_file: Path):
    out = answer_file.parent / "report.html"
    out.write_text("old report", encoding="utf-8")
    out.chmod(0o640)
    assert main(["export", str(answer_file), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"<!DOCTYPE html>")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # a replaced file keeps its permissions
    assert sorted(p.name for p in answer_file.parent.iterdir()) == ["demo.toml", "report.html"]


def test_new_file_is_readable_by_others(answer_file: Path):
    out = answer_file.parent / "new.md"
    assert main(["export", str(answer_file), "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink", "hardlink"])
def test_never_overwrites_the_input(answer_file: Path, spelling: str, capsys, monkeypatch):
    monkeypatch.chdir(answer_file.parent)
    target = {"same": answer_file, "dotted": Path("./sub/../demo.toml")}.get(spelling)
    (answer_file.parent / "sub").mkdir()
    if spelling == "symlink":
        target = answer_file.parent / "link.toml"
        target.symlink_to(answer_file)
    elif spelling == "hardlink":
        target = answer_file.parent / "hard.toml"
        os.link(answer_file, target)
    before = answer_file.read_bytes()
    assert main(["export", str(answer_file), "--format", "md", "-o", str(target)]) == 2
    assert "is the input answer file; refusing to overwrite it" in capsys.readouterr().err
    assert answer_file.read_bytes() == before


def test_bad_input_and_bad_output_exit_2(answer_file: Path, tmp_path: Path, capsys):
    assert main(["export", str(tmp_path / "missing.toml")]) == 2
    assert "missing.toml: no such file" in capsys.readouterr().err
    assert main(["export", str(answer_file), "-o", str(tmp_path / "nodir" / "r.md")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["export", str(answer_file), "-o", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_write_atomic_removes_its_temporary_file_when_replace_fails(tmp_path: Path, monkeypatch):
    def refuse(self, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(OutputError, match="cannot write: Permission denied"):
        write_atomic(tmp_path / "r.md", b"x")
    assert list(tmp_path.iterdir()) == []


def test_default_filename():
    session = demo_session()
    assert default_filename(session, "html") == "natuursteen-van-dijk-zn-b-v-2026-11-12.html"
    odd = dataclasses.replace(
        session,
        company=dataclasses.replace(session.company, name="Ééntje/../.. ‘Steen’"),
        interview=Interview(),
    )
    assert default_filename(odd, "csv") == "eentje-steen.csv"
    nameless = dataclasses.replace(odd, company=dataclasses.replace(odd.company, name="石"))
    assert default_filename(nameless, "md") == "rapport.md"


def test_file_tools_do_not_import_textual():
    code = (
        "import sys\n"
        "import trustone_tui.commands.export, trustone_tui.commands.summary\n"
        "import trustone_tui.commands.diff, trustone_tui.store.previous\n"
        "sys.exit('textual' in sys.modules)\n"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_export_and_summary_offer_the_same_csv_dialect_option():
    from trustone_tui.commands import export, summary

    def option(parser):
        return next(a for a in parser._actions if "--csv-dialect" in a.option_strings)

    ours, theirs = option(export.build_parser()), option(summary.build_parser())
    assert (ours.choices, ours.default, ours.help) == (theirs.choices, theirs.default, theirs.help)
    assert ours.choices == ["intl", "nl"] and ours.default == "nl"
    assert (
        export.build_parser().parse_args(["x.toml", "--csv-dialect", "intl"]).csv_dialect == "intl"
    )
