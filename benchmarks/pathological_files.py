"""Pathological answer files: each is accepted or refused within 1 s and 200 MB.

Budget (issue: hostile paths and pathological files): any file that passes the 5 MB size check
is accepted or refused within 1 s and 200 MB above the process's own baseline, with a one-line
problem naming file and line. Each case runs in a fresh process that first loads a valid and an
invalid file (so every module is imported and the baseline is the working process), then reads
the case's file through the store's reader and reports wall seconds, CPU seconds and the growth
of the peak resident size (``ru_maxrss``) above that baseline.

    .venv/bin/python benchmarks/pathological_files.py            # table; exit 1 over budget
    .venv/bin/python benchmarks/pathological_files.py --json     # the figures as JSON
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

LIMIT = 5 * 1024 * 1024 - 1024  # just inside the size check
BUDGET_SECONDS = 1.0
BUDGET_MB = 200.0


def _fill(unit: str, head: str = "", tail: str = "") -> str:
    return head + unit * ((LIMIT - len(head) - len(tail)) // len(unit)) + tail


def _lines(line: Callable[[int], str]) -> str:
    text = "".join(line(i) for i in range(LIMIT // 5))[:LIMIT]
    return text[: text.rindex("\n") + 1]


def _valid_with_long_note() -> str:
    from trustone_tui.demo import demo_bytes

    demo = demo_bytes().decode("utf-8")
    short = 'note = "Leefomgeving staat in de beleidsverklaring (versie maart 2026)."'
    note = "Lange notitie. " * ((LIMIT - len(demo)) // 15)
    assert short in demo
    return demo.replace(short, f'note = "{note}"')


def _just_under_the_limits() -> str:
    """Keys with 8 parts, blank lines, escapes and a long note: a third of the scan's cost
    budget in keys, a quarter in layout, every escape allowed, the rest in the note."""
    from trustone_tui.answerfile import prescan

    def cost(items: int = 0, layout: int = 0, escapes: int = 0, strings: int = 0) -> float:
        return prescan._cost(items, layout, escapes, strings)

    # Each key line is 13 items: 8 key parts, "=", "[", "{", "}", "]".
    line_cost = cost(items=13, layout=len("a.b.c.d.e.f.g.h0 = [{}]\n"))
    lines = int(prescan.MAX_COST / 3 / line_cost)
    keys = "".join(f"a.b.c.d.e.f.g.h{i} = [{{}}]\n" for i in range(lines))
    blank = "\n" * min(int(prescan.MAX_COST / 4 / cost(layout=1)), prescan.MAX_LAYOUT_CHARS // 2)
    escapes = 'e = "' + "\\n" * (prescan.MAX_ESCAPES - 10) + '"\n'
    used = cost(items=13 * lines + 6, layout=len(keys) + len(blank) + 10)
    used += cost(escapes=prescan.MAX_ESCAPES, strings=len(escapes))
    note_chars = int((prescan.MAX_COST - used) / cost(strings=1)) - 1000
    note = 'n = "' + "x" * min(note_chars, LIMIT - len(keys) - len(blank) - len(escapes)) + '"\n'
    return keys + blank + escapes + note


def _largest_register() -> str:
    """The demo with the most flows an answer file keeps, every column of each filled."""
    from dataclasses import replace

    from trustone_tui.answerfile.read import parse_session
    from trustone_tui.answerfile.validate import MAX_REGISTER_FLOWS
    from trustone_tui.answerfile.write import dump_session
    from trustone_tui.demo import demo_bytes
    from trustone_tui.engine.register import Flow, Register
    from trustone_tui.store.bankcache import default_framework

    framework = default_framework()
    flows = tuple(
        Flow(
            steentype=f"Graniet Padang Dark {i % 40}",
            kleur="donkergrijs gevlamd",
            hoeveelheid=1234.5678 + i,
            eenheid="m2",
            circulair=i % 7 == 0,
            eerste_schakel=f"Handelsonderneming Steen {i % 30} B.V.",
            eerste_schakel_adres=f"Havenweg {i % 30}, 2030 Antwerpen",
            eerste_schakel_land="BE",
            fabriek=f"Xiamen Stone Factory {i % 200} Co. Ltd.",
            fabriek_adres=f"Industrial Zone {i % 200}, Shuitou, Nan'an, Fujian",
            fabriek_land="CN",
            fabriek_relatie="indirect",
            fabriek_risico_overzicht=True,
            groeve=f"Groeve {i % 500}",
            groeve_adres=f"Shandong, Laizhou, concessie {i % 500}",
            groeve_land="CN",
            groeve_risico_overzicht=True,
            betrokkenheid="draagt bij",
        )
        for i in range(MAX_REGISTER_FLOWS)
    )
    demo = parse_session(demo_bytes(), "demo", framework)
    session = replace(demo, register=Register("m2", flows))
    return dump_session(session, framework).decode("utf-8")


CASES: dict[str, Callable[[], str]] = {
    # The two the issue measured: 84 KB and 160 KB.
    "dotted key, 40,000 parts": lambda: "ab" + ".a" * 40_000 + " = 1\n",
    "table header, 80,000 parts": lambda: "[a" + ".a" * 79_999 + "]\n",
    "dotted key, 2.6 million parts": lambda: _fill(".a", "a", " = 1\n"),
    "array-of-tables header, 2.6 million parts": lambda: _fill(".a", "[[a", "]]\n"),
    "quoted key with 40,000 dots (one part)": lambda: '"' + "a." * 40_000 + '" = 1\n',
    "key of 9 quoted parts with dots": lambda: ".".join(['"a.b"'] * 9) + " = 1\n",
    "inline tables nested 5 MB deep": lambda: _fill("{a=", "a = ", "1"),
    "arrays nested 5 MB deep": lambda: _fill("[", "a = "),
    "arrays of tables, 5 MB": lambda: _fill("[[x]]\n"),
    "arrays of tables with 8-part keys, 5 MB": lambda: _fill("[[a.b.c.d.e.f.g.h]]\n"),
    "tables, 5 MB": lambda: _lines(lambda i: f"[t{i}]\n"),
    "keys, 5 MB": lambda: _lines(lambda i: f"k{i} = 1\n"),
    "one array of numbers, 5 MB": lambda: _fill("1,", "a = [", "]\n"),
    "one array of inline tables, 5 MB": lambda: _fill("{},", "a = [", "]\n"),
    "blank lines, 5 MB": lambda: _fill("\n"),
    "comments, 5 MB": lambda: _fill("#\n"),
    "escapes in one string, 5 MB": lambda: _fill("\\n", 'a = "', '"\n'),
    "valid file with a 5 MB note": _valid_with_long_note,
    # The slowest files the scan lets through: just under each of its limits at once.
    "just under every limit at once": _just_under_the_limits,
    # The largest valid file with a register (its limits are what the scan's allow for).
    "valid file with the largest register (2,000 flows)": _largest_register,
}


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure_one(name: str) -> dict[str, object]:
    """In this process: build the case's file, read it through the store, report the cost."""
    from trustone_tui.answerfile.read import AnswerFileError
    from trustone_tui.demo import demo_bytes
    from trustone_tui.store.answerfiles import load_session
    from trustone_tui.store.bankcache import default_framework

    framework = default_framework()
    with tempfile.TemporaryDirectory() as folder:
        valid, invalid, case = (Path(folder) / n for n in ("ok.toml", "bad.toml", "case.toml"))
        valid.write_bytes(demo_bytes())
        invalid.write_bytes(demo_bytes().replace(b"employees = 38", b"employees = -1"))
        load_session(valid, framework)
        with contextlib.suppress(AnswerFileError):
            load_session(invalid, framework)
        case.write_bytes(CASES[name]().encode("utf-8"))
        size = case.stat().st_size
        baseline = _peak_mb()
        cpu, wall = _cpu(), time.perf_counter()
        try:
            load_session(case, framework)
            problems: list[str] = []
        except AnswerFileError as exc:
            problems = exc.problems
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
        problems = [p.replace(str(case), "case.toml") for p in problems]
    return {
        "case": name,
        "kb": round(size / 1024),
        "seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "mb_above_baseline": round(max(0.0, _peak_mb() - baseline), 1),
        "problems": problems,
    }


def measure_all() -> list[dict[str, object]]:
    """Every case, each in a fresh process."""
    results = []
    for name in CASES:
        child = subprocess.run(
            [sys.executable, __file__, "--case", name],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        results.append(json.loads(child.stdout))
    return results


def within_budget(result: dict[str, object]) -> bool:
    cpu = result["cpu_seconds"]
    mb = result["mb_above_baseline"]
    assert isinstance(cpu, float | int) and isinstance(mb, float | int)
    return cpu <= BUDGET_SECONDS and mb <= BUDGET_MB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(measure_one(args.case)))
        return 0
    results = measure_all()
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"{'case':<44} {'KB':>6} {'wall s':>7} {'cpu s':>6} {'MB':>6}  outcome")
        for r in results:
            problems = r["problems"]
            assert isinstance(problems, list)
            outcome = problems[0] if problems else "accepted"
            print(
                f"{r['case']:<44} {r['kb']:>6} {r['seconds']:>7.3f} {r['cpu_seconds']:>6.3f} "
                f"{r['mb_above_baseline']:>6.1f}  {outcome[:90]}"
            )
    return 0 if all(within_budget(r) for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
