"""Hostile paths given to the file tools: pipes, devices, link loops never hang or crash them.

Every tool reads through the one safe reader (:func:`trustone_tui.store.safefile.read_file`):
a path that is not a regular file is one line on stderr naming it, and exit status 2. A read
that blocks would hang the suite, so each run is guarded by an alarm that fails the test.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from trustone_tui.cli import main
from trustone_tui.demo import demo_bytes
from trustone_tui.store import safefile

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes and links")

GUARD_SECONDS = 10


class Hung(Exception):
    """The guarded call did not return in time."""


@pytest.fixture
def guard() -> Iterator[Callable[..., int]]:
    """Run ``main(argv)`` and fail (instead of hanging) when it does not return in time."""

    def on_alarm(signum: int, frame: object) -> None:
        raise Hung(f"no answer within {GUARD_SECONDS} s: the read blocked")

    previous = signal.signal(signal.SIGALRM, on_alarm)

    def run(*argv: str) -> int:
        signal.alarm(GUARD_SECONDS)
        try:
            return main(list(argv))
        finally:
            signal.alarm(0)

    yield run
    signal.signal(signal.SIGALRM, previous)


def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pijp.toml"
    os.mkfifo(path)
    return path


def link_to_fifo(tmp_path: Path) -> Path:
    link = tmp_path / "link.toml"
    link.symlink_to(fifo(tmp_path))
    return link


def device(tmp_path: Path) -> Path:
    link = tmp_path / "apparaat.toml"
    link.symlink_to("/dev/zero")  # endless: a reader without the regular-file check never ends
    return link


HOSTILE = [fifo, link_to_fifo, device]


def commands(bad: Path, good: Path) -> dict[str, list[str]]:
    return {
        "score": ["score", str(bad)],
        "export": ["export", str(bad), "--format", "md"],
        "summary": ["summary", str(bad)],
        "diff-old": ["diff", str(bad), str(good)],
        "diff-new": ["diff", str(good), str(bad)],
    }


@pytest.mark.parametrize("make", HOSTILE, ids=lambda f: f.__name__)
@pytest.mark.parametrize("tool", ["score", "export", "summary", "diff-old", "diff-new"])
def test_a_path_that_is_not_a_regular_file_is_one_line_and_exit_2(
    tmp_path, capsys, guard, make, tool
):
    good = tmp_path / "goed.toml"
    good.write_bytes(demo_bytes())
    bad = make(tmp_path)
    status = guard(*commands(bad, good)[tool])
    err = capsys.readouterr().err
    assert status == 2
    assert err.splitlines() == [f"{bad}: not a regular file"]


def test_the_safe_reader_refuses_without_blocking(tmp_path):
    path = fifo(tmp_path)
    with pytest.raises(safefile.FileReadError) as caught:
        safefile.read_file(path, limit=100)
    assert caught.value.kind == "special"
    assert str(caught.value) == f"{path}: not a regular file"


def test_the_safe_reader_stops_at_the_limit(tmp_path):
    path = tmp_path / "groot.toml"
    path.write_bytes(b"x" * 101)
    with pytest.raises(safefile.FileReadError, match="larger than 100 bytes") as caught:
        safefile.read_file(path, limit=100)
    assert caught.value.kind == "too-large"
    assert safefile.read_file(path, limit=101) == b"x" * 101


@pytest.mark.parametrize("tool", ["score", "export", "summary", "diff-old"])
def test_a_link_loop_is_one_line_and_exit_2(tmp_path, capsys, guard, tool):
    good = tmp_path / "goed.toml"
    good.write_bytes(demo_bytes())
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop.name)
    status = guard(*commands(loop, good)[tool])
    captured = capsys.readouterr()
    assert status == 2
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{loop}: cannot follow the path")
    assert "Traceback" not in captured.err + captured.out


def test_summary_of_a_folder_with_a_link_loop_reports_it_and_summarises_the_rest(
    tmp_path, capsys, guard
):
    (tmp_path / "goed.toml").write_bytes(demo_bytes())
    (tmp_path / "loop.toml").symlink_to("loop.toml")
    inner = tmp_path / "kring"
    inner.mkdir()
    (inner / "terug").symlink_to("..")  # a folder loop for --recursive
    status = guard("summary", str(tmp_path), "--recursive")
    captured = capsys.readouterr()
    assert status == 0 or status == 2
    assert "Traceback" not in captured.err
    assert "Samenvatting: 1 bedrijf" in captured.out


def test_an_os_error_while_finding_files_is_one_line(tmp_path, capsys, guard, monkeypatch):
    folder = tmp_path / "leden"
    folder.mkdir()
    (folder / "goed.toml").write_bytes(demo_bytes())

    def refuse(self: Path, pattern: str) -> Iterator[Path]:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "glob", refuse)
    status = guard("summary", str(folder))
    captured = capsys.readouterr()
    assert status == 2
    assert captured.err.splitlines() == [f"{folder}: cannot search this folder: Permission denied"]


@pytest.mark.parametrize("tool", ["score", "summary"])
def test_every_problem_of_every_file_goes_to_stderr_one_line_each(tmp_path, capsys, tool):
    """One rule for all tools: each problem is a line on stderr, not only a file's first."""
    wrong = tmp_path / "fout.toml"
    wrong.write_text(
        'schema_version = 2\n[company]\nname = "X"\nimports_from_risk_countries = "ja"\n'
        "employees = -3\nrevenue_eur = 1\ncolour = 1\n",
        encoding="utf-8",
    )
    missing = tmp_path / "weg.toml"
    status = main([tool, str(wrong), str(missing)])
    out, err = capsys.readouterr()
    assert status == 2
    lines = err.splitlines()
    assert f"{missing}: no such file" in lines
    about_wrong = [line for line in lines if line.startswith(f"{wrong}: ")]
    assert len(about_wrong) >= 3, lines  # the category, the employees and the unknown key
    assert any("colour" in line for line in about_wrong)
    assert any("employees" in line for line in about_wrong)
    assert "no such file" not in out and "colour" not in out
