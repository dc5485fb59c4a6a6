"""Time the planner per call, as the score panel would call it on every answer change.

    .venv/bin/python benchmarks/bench_planner.py [--calls N]

Cases: the demo session (plan to the next level and to the top level, best case) and the worst
cases: an empty medium/large C company (every question open: the most chains and the longest
plan) with the shipped bank, and the same with a bank whose band gains rise (the exact,
dynamic programme for the rising chain next to the largest-gains-first ranking).

The baseline, measured in the same run, is one ``assess`` of the demo session from scratch (the
engine's cache of question results emptied first): the scoring the panel does anyway. The script
exits 1 when a case's CPU-time p95 is above BUDGET_RATIO times the baseline's CPU-time median (a
ratio keeps the check meaningful on slower machines). Wall-clock figures are printed too; on a
busy machine their p95 includes waiting for a core.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from trustone_tui.answerfile.read import parse_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine import scoring
from trustone_tui.engine.planner import best_case, plan
from trustone_tui.engine.scoring import assess
from trustone_tui.engine.session import Company, Session
from trustone_tui.framework.bank import Framework, bank_directory, load_framework
from trustone_tui.store.bankcache import default_framework

BUDGET_RATIO = 8.0
RISING_GAINS = (
    '    { label = "50<75%", min = 50, points = 4, below = 75 },\n'
    '    { label = "75<100%", min = 75, points = 6, below = 100 },\n',
    '    { label = "50<75%", min = 50, points = 1, below = 75 },\n'
    '    { label = "75<100%", min = 75, points = 2, below = 100 },\n',
)


def per_call(func: Callable[[], object], calls: int) -> tuple[list[float], list[float]]:
    """CPU seconds and wall-clock seconds per call, ``calls`` times (after a warm-up).

    CPU time (``time.thread_time``) leaves out the time the process waits for a core, which on
    a shared machine otherwise dominates the p95.
    """
    for _ in range(5):
        func()
    cpu, wall = [], []
    for _ in range(calls):
        start_cpu, start_wall = time.thread_time(), time.perf_counter()
        func()
        cpu.append(time.thread_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return cpu, wall


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[-1]


def rising_gains_bank(directory: Path) -> Framework:
    for path in bank_directory().glob("*.toml"):
        shutil.copy(path, directory / path.name)
    step2 = directory / "step2.toml"
    text = step2.read_text(encoding="utf-8")
    assert text.count(RISING_GAINS[0]) == 1, "2.1.1a bands changed; update the benchmark"
    step2.write_text(text.replace(*RISING_GAINS), encoding="utf-8")
    return load_framework(directory)


def cases(framework: Framework, rising: Framework) -> dict[str, Callable[[], object]]:
    demo = parse_session(demo_bytes(), "demo", framework)
    empty = Session(Company("Leeg", True, 100, 20_000_000))
    demo_assessment = assess(framework, demo)
    empty_top = plan(framework, empty, "C5")
    rising_top = plan(rising, empty, "C5")
    assert empty_top is not None and rising_top is not None
    print(
        f"demo: {demo_assessment.level.id if demo_assessment.level else '-'} -> "
        f"{plan(framework, demo).target.id} in {len(plan(framework, demo).steps)} steps; "
        f"empty -> C5 in {len(empty_top.steps)} steps; rising gains -> C5 in "
        f"{len(rising_top.steps)} steps"
    )
    return {
        "plan demo -> next level": lambda: plan(framework, demo),
        "plan demo -> next (assessment given)": lambda: plan(
            framework, demo, assessment=demo_assessment
        ),
        "plan demo -> C5": lambda: plan(framework, demo, "C5"),
        "best case demo": lambda: best_case(framework, demo),
        "plan empty -> next level (C1)": lambda: plan(framework, empty),
        "plan empty -> C5 (worst, shipped bank)": lambda: plan(framework, empty, "C5"),
        "plan empty -> C5 (worst, rising gains)": lambda: plan(rising, empty, "C5"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args(argv)
    framework = default_framework()
    with tempfile.TemporaryDirectory() as tmp:
        rising = rising_gains_bank(Path(tmp))
    demo = parse_session(demo_bytes(), "demo", framework)

    def assess_from_scratch() -> None:
        scoring._score.cache_clear()
        assess(framework, demo)

    baseline_cpu, baseline_wall = per_call(assess_from_scratch, args.calls)
    baseline = statistics.median(baseline_cpu)
    print(
        f"baseline assess(demo) from scratch: CPU median {baseline * 1000:.3f} ms, wall median "
        f"{statistics.median(baseline_wall) * 1000:.3f} ms ({args.calls} calls each)"
    )
    rows = cases(framework, rising)
    print(
        f"{'case':<38} {'CPU median':>10} {'CPU p95':>8} {'p95/base':>8} "
        f"{'wall median':>11} {'wall p95':>8}   (ms)"
    )
    over = []
    for name, func in rows.items():
        cpu, wall = per_call(func, args.calls)
        ratio = p95(cpu) / baseline
        print(
            f"{name:<38} {statistics.median(cpu) * 1000:>10.3f} {p95(cpu) * 1000:>8.3f} "
            f"{ratio:>8.2f} {statistics.median(wall) * 1000:>11.3f} {p95(wall) * 1000:>8.3f}"
        )
        if ratio > BUDGET_RATIO:
            over.append(name)
    if over:
        print(f"over budget ({BUDGET_RATIO:g}x baseline): {', '.join(over)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
