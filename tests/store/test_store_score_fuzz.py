"""Fuzz: 1,200 mutated answer files through ``trustone score``.

Zero tracebacks, zero modified input files, every exit status 0 or 2, every problem line names
its file. Files that still load must also survive the writer: saved and read back, they give
the same session. The mutations are seeded, so a failure reproduces exactly.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import random
import subprocess
import sys
from pathlib import Path

from trustone_tui.answerfile.read import AnswerFileError, parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.cli import main
from trustone_tui.demo import demo_bytes
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.bankcache import default_framework

FILES = 1200
SUBPROCESS_SAMPLE = 60
SEED = 4242

FRAMEWORK = default_framework()

ORPHANS_SEED = b"""schema_version = 2
framework_version = "0.9"
created = 2025-11-12T09:30:00+01:00

[company]
name = "Oud \\"Graniet\\" B.V."
imports_from_risk_countries = false
employees = 12
revenue_eur = 2000000

[answers."1.1.1"]
answer = "ja"
elements = [1]

[answers."1.9.9"]
answer = "ja"
note = \"\"\"
Vraag bestaat niet meer.\r
Tweede regel.\"\"\"
when = 07:30:00
extra = { a = [1, 2.5, "x"], b = 2026-01-01 }

[answers."2.1.1b"]
percentage = 62.5

[[history]]
year = 2024
level = "B1"
points = 30
max_points = 100
percentage = 30
"""

TOKENS = [
    b"[",
    b"]",
    b"[[",
    b"]]",
    b"{",
    b"}",
    b",",
    b"=",
    b'"',
    b'"""',
    b"'",
    b"'''",
    b"#",
    b"\\",
    b"\n",
    b"\r\n",
    b"\r",
    b"\t",
    b"\x00",
    b"\x7f",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xc3",
    b".",
    b"nan",
    b"inf",
    b"-inf",
    b"1e999",
    b"99999999999999999999",
    b"-0",
    b"0x1F",
    b"true",
    b"2026-13-45",
    b"24:61:00",
    b"\xf0\x9f\xaa\xa8",
    b"answers",
    b"company",
    b"[answers]",
    b"1" + b"0" * 5000,  # more digits than Python converts by default
    b"[" * 400,  # deeper than validation could recurse
    b"[" * 60 + b"]" * 60,
]
VALUES = [
    b"1" + b"0" * 5000,
    b"[" * 200 + b"]" * 200,
    b'"x"',
    b'""',
    b"1",
    b"-1",
    b"0",
    b"1.5",
    b"100.0001",
    b"-0.0",
    b"true",
    b"false",
    b"[]",
    b"{}",
    b'[1, "a"]',
    b"[1, 2, 99]",
    b"[[1]]",
    b"2026-01-01",
    b"2026-01-01T10:00:00",
    b"07:00:00",
    b"nan",
    b"inf",
    b'"""\nx"""',
    b"{ a = 1 }",
    b'"nvt"',
    b'"ja"',
    b'"nee"',
    b'"gedeeltelijk"',
    b"{ staf = [1], operationeel = [9] }",
    b"{ onbekend = [1] }",
    b"9223372036854775807",
    b"-9223372036854775809",
    b'"1.0"',
    b'"0.9"',
    b"2",
    b"0",
]
KEYS = [
    b"answer",
    b"percentage",
    b"elements",
    b"note",
    b"follow_up",
    b"name",
    b"employees",
    b"revenue_eur",
    b"imports_from_risk_countries",
    b"joined_year",
    b"entry_level",
    b"schema_version",
    b"framework_version",
    b"created",
    b"updated",
    b"interviewer",
    b"date",
    b"previous_file",
    b"year",
    b"points",
    b"onbekend",
    b'"quoted key"',
    b"a.b",
]
IDS = [q.encode() for q in FRAMEWORK.questions] + [b"9.9.9", b"1.1", b"", b"1.1.1.1"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One random structural or byte-level change."""
    lines = data.split(b"\n")
    kind = rng.randrange(10)
    pos = rng.randrange(len(data) + 1)
    if kind == 0 and data:  # flip bits of a byte
        index = rng.randrange(len(data))
        return data[:index] + bytes([data[index] ^ (1 << rng.randrange(8))]) + data[index + 1 :]
    if kind == 1:  # delete a span
        return data[:pos] + data[pos + rng.randrange(1, 40) :]
    if kind == 2:  # insert a TOML-significant token
        return data[:pos] + rng.choice(TOKENS) + data[pos:]
    if kind == 3:  # duplicate or swap lines
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        if rng.random() < 0.5:
            lines.insert(j, lines[i])
        else:
            lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines)
    assignments = [n for n, line in enumerate(lines) if b" = " in line]
    headers = [n for n, line in enumerate(lines) if line.startswith(b"[answers.")]
    if kind in (4, 5, 6) and assignments:  # replace a value
        n = rng.choice(assignments)
        key = lines[n].split(b" = ", 1)[0]
        lines[n] = key + b" = " + rng.choice(VALUES)
        return b"\n".join(lines)
    if kind == 7 and assignments:  # rename a key
        n = rng.choice(assignments)
        lines[n] = rng.choice(KEYS) + b" = " + lines[n].split(b" = ", 1)[1]
        return b"\n".join(lines)
    if kind == 8 and headers:  # point an answer at another (or no) question
        lines[rng.choice(headers)] = b'[answers."' + rng.choice(IDS) + b'"]'
        return b"\n".join(lines)
    return data[:pos]  # truncate


def fuzzed_files(folder: Path) -> list[Path]:
    rng = random.Random(SEED)
    seeds = [demo_bytes(), ORPHANS_SEED]
    paths = []
    for n in range(FILES):
        data = seeds[n % len(seeds)]
        for _ in range(rng.choice((1, 1, 1, 2, 4))):
            data = mutate(data, rng)
        path = folder / f"fuzz-{n:04d}.toml"
        path.write_bytes(data)
        paths.append(path)
    return paths


def fingerprints(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
    }


def test_seeds_are_valid_answer_files():
    parse_session(demo_bytes(), "demo", FRAMEWORK)
    session = parse_session(ORPHANS_SEED, "orphans", FRAMEWORK)
    assert list(session.orphans) == ["1.9.9"]


def test_fuzzed_files_never_crash_trustone_score_or_change_a_file(tmp_path, record_property):
    folder = tmp_path / "fuzz"
    folder.mkdir()
    paths = fuzzed_files(folder)
    before = fingerprints(folder)
    tracebacks = []
    statuses = {0: 0, 2: 0}
    for path in paths:
        out, err = io.StringIO(), io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                status = main(["score", str(path)])
        except SystemExit as exc:  # argparse or the bank; still must be 0 or 2
            status = exc.code
        except BaseException as exc:
            tracebacks.append((path.name, repr(exc)))
            continue
        assert status in (0, 2), (path.name, status)
        statuses[status] += 1
        if status == 2:
            lines = err.getvalue().splitlines()
            assert lines and all(line.startswith(str(path)) for line in lines), lines
        else:
            assert out.getvalue() and not err.getvalue()
    assert tracebacks == []
    assert fingerprints(folder) == before
    record_property("fuzz_exit_statuses", statuses)
    # A useful fuzz yields both outcomes in bulk; all-valid or all-invalid would test little.
    assert statuses[0] >= FILES // 20 and statuses[2] >= FILES // 2, statuses


def test_fuzzed_files_that_load_survive_the_writer(tmp_path):
    folder = tmp_path / "fuzz"
    folder.mkdir()
    loaded = 0
    for path in fuzzed_files(folder):
        try:
            session = load_session(path, FRAMEWORK)
        except AnswerFileError:
            continue
        loaded += 1
        data = dump_session(session, FRAMEWORK)
        assert parse_session(data, path.name, FRAMEWORK) == session, path.name
    assert loaded >= FILES // 20


def test_a_sample_through_the_real_command_line(tmp_path):
    folder = tmp_path / "fuzz"
    folder.mkdir()
    sample = random.Random(SEED).sample(fuzzed_files(folder), SUBPROCESS_SAMPLE)
    before = fingerprints(folder)
    result = subprocess.run(
        [sys.executable, "-m", "trustone_tui", "score", "--format", "json", *map(str, sample)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode in (0, 2)
    assert "Traceback" not in result.stderr
    assert all(line.startswith(str(folder)) for line in result.stderr.splitlines())
    assert fingerprints(folder) == before
