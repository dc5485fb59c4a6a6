"""Bad answer files: one line per problem naming file and place, exit status 2, nothing written.

Every case is checked three ways: the parser's problem lines, ``trustone score`` (exit 2, the
same lines on stderr, no traceback), and the store (``open_session`` refuses, and neither the
file nor its folder changes).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from trustone_tui.answerfile import read as answerfile
from trustone_tui.answerfile.read import MAX_FILE_BYTES, AnswerFileError
from trustone_tui.cli import main
from trustone_tui.demo import demo_bytes
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.sessions import open_session

VALID_HEAD = """schema_version = 2
framework_version = "1.0"

[company]
name = "Steen & Zo"
imports_from_risk_countries = true
employees = 30
revenue_eur = 6000000
"""

CASES = {
    "not-toml": (
        VALID_HEAD + '\n[answers."1.1.1"\nanswer = "ja"\n',
        ["{f}:10:17: invalid TOML: Expected ']' at the end of a table declaration"],
    ),
    "wrong-types": (
        """schema_version = 2
[company]
name = 5
imports_from_risk_countries = "ja"
employees = 3.5
revenue_eur = "veel"
joined_year = 2024-01-01
[answers."1.1.3"]
answer = "ja"
note = 7
follow_up = "ja"
elements = "1"
""",
        [
            "{f}: company.name: must be text in quotes (got 5)",
            "{f}: company.imports_from_risk_countries: must be true or false (got 'ja')",
            "{f}: company.employees: must be a whole number (got 3.5)",
            "{f}: company.revenue_eur: must be a whole number (got 'veel')",
            "{f}: company.joined_year: must be a whole number (got datetime.date(2024, 1, 1))",
            '{f}: answers."1.1.3".note: must be text in quotes (got 7)',
            "{f}: answers.\"1.1.3\".follow_up: must be true or false (got 'ja')",
            '{f}: answers."1.1.3".elements: must be a list of element numbers like [1, 2]',
        ],
    ),
    "unknown-question": (
        VALID_HEAD + '\n[answers."1.1.99"]\nanswer = "ja"\n',
        ["{f}: answers.\"1.1.99\": unknown question id '1.1.99'"],
    ),
    "unknown-answer-word": (
        VALID_HEAD + '\n[answers."1.1.4"]\nanswer = "misschien"\n',
        [
            '{f}: answers."1.1.4".answer: must be one of '
            "'nee', 'gedeeltelijk', 'ja' or 'nvt' (got 'misschien')"
        ],
    ),
    "percentage-out-of-range": (
        VALID_HEAD
        + '\n[answers."2.1.1a"]\npercentage = 100.5\n\n[answers."2.3.7"]\npercentage = -1\n',
        [
            '{f}: answers."2.1.1a".percentage: must be at most 100 (got 100.5)',
            '{f}: answers."2.3.7".percentage: must be at least 0 (got -1)',
        ],
    ),
    "nvt-not-allowed": (
        VALID_HEAD + '\n[answers."1.1.2"]\nanswer = "nvt"\n',
        [
            '{f}: answers."1.1.2".answer: n.v.t. is not allowed for 1.1.2 (only for questions '
            "that start with 'Als je ...')"
        ],
    ),
    "missing-company-fields": (
        'schema_version = 2\n\n[company]\nname = "Alleen een naam"\n',
        [
            "{f}: company.imports_from_risk_countries: missing",
            "{f}: company.employees: missing",
            "{f}: company.revenue_eur: missing",
        ],
    ),
    "empty-framework-version": (
        VALID_HEAD.replace('framework_version = "1.0"', 'framework_version = ""'),
        ["{f}: framework_version: must not be empty (got '')"],
    ),
    "missing-company": ("schema_version = 2\n", ["{f}: company: missing"]),
    "nested-too-deep": (
        "schema_version = 2\nx = " + "[" * 5000 + "\n",
        ["{f}: invalid TOML: arrays or tables nested too deeply"],
    ),
    "nested-values": (
        VALID_HEAD + '\n[answers."1.1.1"]\nelements = ' + "[" * 400 + "]" * 400 + "\n",
        ['{f}: answers."1.1.1".elements: values nested more than 32 levels deep'],
    ),
    "huge-number": (
        VALID_HEAD.replace("employees = 30", "employees = 1" + "0" * 5000),
        ["{f}: invalid TOML: a number has too many digits to be an answer"],
    ),
    "not-utf8": (
        "schema_version = 2\n# caf\xe9\n",  # written as Latin-1 below
        ["{f}:2:6: not UTF-8 text (byte 0xe9)"],
    ),
}


def write_case(folder: Path, name: str) -> Path:
    text, _ = CASES[name]
    path = folder / f"{name}.toml"
    path.write_bytes(text.encode("latin-1" if name == "not-utf8" else "utf-8"))
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("name", CASES)
def test_every_problem_is_one_line_with_file_and_place(framework, tmp_path, name, capsys):
    path = write_case(tmp_path, name)
    expected = [line.format(f=path) for line in CASES[name][1]]
    with pytest.raises(AnswerFileError) as caught:
        load_session(path, framework)
    assert caught.value.problems == expected

    assert main(["score", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == expected
    assert captured.out == ""

    before = snapshot(tmp_path)
    with pytest.raises(AnswerFileError) as opened:
        open_session(path, framework)
    assert opened.value.problems == expected
    assert snapshot(tmp_path) == before  # nothing written, not even a lock or backup


def test_a_utf8_bom_loads(framework, demo, tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + demo_bytes())
    assert load_session(path, framework) == demo
    with open_session(path, framework) as opened:
        assert opened.session == demo


def test_a_file_over_the_size_limit_is_refused_before_parsing(
    framework, tmp_path, monkeypatch, capsys
):
    path = tmp_path / "groot.toml"
    with path.open("wb") as fh:
        fh.write(demo_bytes())
        fh.write(b"# " + b"x" * (MAX_FILE_BYTES - len(demo_bytes())) + b"\n")
    assert path.stat().st_size > MAX_FILE_BYTES

    def no_parsing(*_args, **_kwargs):
        raise AssertionError("an oversized file must not be parsed")

    monkeypatch.setattr(tomllib, "loads", no_parsing)
    monkeypatch.setattr(answerfile.tomllib, "loads", no_parsing)
    message = f"{path}: file is larger than 5 MB; refusing to read it as an answer file"
    with pytest.raises(AnswerFileError) as caught:
        load_session(path, framework)
    assert caught.value.problems == [message]
    with pytest.raises(AnswerFileError) as opened:
        open_session(path, framework)
    assert opened.value.problems == [message]
    assert main(["score", str(path)]) == 2
    assert capsys.readouterr().err.splitlines() == [message]


def test_trustone_score_as_a_process_reports_every_bad_file_and_exits_2(tmp_path):
    paths = [write_case(tmp_path, name) for name in CASES]
    good = tmp_path / "goed.toml"
    good.write_bytes(demo_bytes())
    before = snapshot(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "trustone_tui", "score", *map(str, paths), str(good)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    expected = [
        line.format(f=p) for p, name in zip(paths, CASES, strict=True) for line in CASES[name][1]
    ]
    assert result.stderr.splitlines() == expected
    assert result.stdout.startswith("Natuursteen Van Dijk & Zn. B.V.\n")  # the good one scored
    assert snapshot(tmp_path) == before
