"""Benchmark the scoring engine and ``trustone score``; exit 1 when a budget is missed.

1. Scoring one session in memory (``assess``) must be well under a millisecond:
   median below 0.5 ms and 95th percentile below 1 ms, over many generated sessions, both
   warm (identical question results shared, as when re-scoring after an edit) and cold.
2. ``trustone score --format json`` over 1,000 generated answer files must take at most 1.5x
   as long as a baseline that only starts Python and parses the same files with tomllib.
   Both run as fresh processes, alternated, several times; the medians are compared.

Run: ``python benchmarks/bench_score.py [--files N] [--rounds N]`` (``make bench`` runs all).
Results are also written to ``benchmarks/results/bench_score.json`` (not committed).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from trustone_tui.answerfile.read import parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.engine import scoring
from trustone_tui.engine.scoring import assess
from trustone_tui.engine.session import Company, QuestionAnswer, Session
from trustone_tui.framework.bank import Framework
from trustone_tui.store.bankcache import default_framework

RESULTS = Path(__file__).parent / "results"
ASSESS_MEDIAN_BUDGET_MS = 0.5
ASSESS_P95_BUDGET_MS = 1.0
RATIO_BUDGET = 1.5

BASELINE = """\
import sys, tomllib
for name in sys.argv[1:]:
    with open(name, "rb") as fh:
        tomllib.load(fh)
"""

NOTES = (
    "",
    "",
    "Besproken met de directeur; bewijs volgt per e-mail.",
    "Staat in de beleidsverklaring (versie maart 2026).",
    "Navragen bij de inkoper.\nTwee leveranciers hebben nog niet gereageerd.",
)


def generated_session(framework: Framework, rng: random.Random, number: int) -> Session:
    """A plausible interview: most questions answered, elements ticked, some notes."""
    answers = {}
    for q in framework.scored_questions():
        if rng.random() < 0.1:
            continue  # not asked yet
        note = rng.choice(NOTES)
        if q.kind in ("band", "percentage"):
            percentage = float(rng.choice((0, 20, 35, 50, 60, 75, 80, 90, 100)))
            answers[q.id] = QuestionAnswer(percentage=percentage, note=note)
            continue
        words = ["nee", "gedeeltelijk", "ja"] + (["nvt"] if q.nvt_allowed else [])
        ticks: dict[str, tuple[int, ...]] = {}
        if q.elements:
            for group in [g.key for g in q.element_groups] or [""]:
                count = rng.randint(0, len(q.elements))
                ticks[group] = tuple(sorted(rng.sample(range(1, len(q.elements) + 1), count)))
        answers[q.id] = QuestionAnswer(
            answer=rng.choice(words),  # type: ignore[arg-type]
            elements=ticks,
            note=note,
            follow_up=rng.random() < 0.1,
        )
    company = Company(
        name=f"Natuursteenbedrijf {number} B.V.",
        imports_from_risk_countries=rng.random() < 0.7,
        employees=rng.randint(3, 250),
        revenue_eur=rng.randint(300_000, 40_000_000),
        joined_year=rng.choice((2022, 2023, 2024, 2025)),
    )
    return Session(company=company, answers=answers, framework_version=framework.version)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def bench_assess(framework: Framework, sessions: list[Session], repeats: int, cold: bool) -> dict:
    """Time ``assess`` per session (each session scored ``repeats`` times).

    Warm: question results are shared between identical inputs (as when a session is re-scored
    after each edit). Cold: that cache is emptied before every call, the worst case.
    """
    for session in sessions[:50]:
        assess(framework, session)  # warm up
    timings = []
    clock = time.perf_counter
    for _ in range(repeats):
        for session in sessions:
            if cold:
                scoring._score.cache_clear()
            start = clock()
            assess(framework, session)
            timings.append((clock() - start) * 1000)
    return {
        "runs": len(timings),
        "median_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 0.95),
    }


def children_cpu() -> float:
    """CPU seconds (user + system) of the child processes that ended so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(command: list[str], cpu: list[float] | None = None) -> float:
    """The command's wall-clock seconds; its CPU seconds are appended to ``cpu``."""
    cpu_before = children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if cpu is not None:
        cpu.append(children_cpu() - cpu_before)
    if proc.returncode != 0:
        raise SystemExit(f"{command[:4]} failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    return elapsed


def bench_cli(files: list[str], rounds: int, workdir: Path) -> dict:
    baseline_script = workdir / "baseline_parse.py"
    baseline_script.write_text(BASELINE, encoding="utf-8")
    baseline = [sys.executable, str(baseline_script), *files]
    score = [sys.executable, "-m", "trustone_tui", "score", "--format", "json", *files]
    # Correctness first (outside the timing): every file scored, in order.
    out = subprocess.run(score, capture_output=True, check=True).stdout
    scored = json.loads(out)
    assert len(scored) == len(files), (len(scored), len(files))
    timed_run(baseline)  # warm the file cache
    base_times, score_times = [], []
    base_cpu: list[float] = []
    score_cpu: list[float] = []
    for _ in range(rounds):
        base_times.append(timed_run(baseline, base_cpu))
        score_times.append(timed_run(score, score_cpu))
    base, cli = statistics.median(base_times), statistics.median(score_times)
    return {
        "files": len(files),
        "rounds": rounds,
        "baseline_s": base_times,
        "score_s": score_times,
        "baseline_cpu_s": base_cpu,
        "score_cpu_s": score_cpu,
        "baseline_median_s": base,
        "score_median_s": cli,
        "ratio": cli / base,
        "bytes": sum(Path(f).stat().st_size for f in files),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000, help="answer files to generate")
    parser.add_argument("--rounds", type=int, default=5, help="timed runs of each command")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)

    framework = default_framework()
    rng = random.Random(args.seed)
    sessions = [generated_session(framework, rng, n) for n in range(args.files)]
    with tempfile.TemporaryDirectory(prefix="trustone-bench-") as tmp:
        workdir = Path(tmp)
        files = []
        for number, session in enumerate(sessions):
            path = workdir / f"bedrijf-{number:04d}.toml"
            path.write_bytes(dump_session(session, framework))
            files.append(str(path))
        # Score the sessions as read back from their files, exactly what the CLI scores.
        loaded = [parse_session(Path(f).read_bytes(), f, framework) for f in files]
        repeats = max(1, 5000 // len(loaded))
        engine = {
            "warm": bench_assess(framework, loaded, repeats, cold=False),
            "cold": bench_assess(framework, loaded, 1, cold=True),
        }
        cli = bench_cli(files, args.rounds, workdir)

    checks = []
    for kind in ("warm", "cold"):
        timing = engine[kind]
        checks += [
            (
                f"assess() {kind}: median per session",
                f"{timing['median_ms']:.3f} ms",
                f"< {ASSESS_MEDIAN_BUDGET_MS} ms",
                timing["median_ms"] < ASSESS_MEDIAN_BUDGET_MS,
            ),
            (
                f"assess() {kind}: 95th percentile",
                f"{timing['p95_ms']:.3f} ms",
                f"< {ASSESS_P95_BUDGET_MS} ms",
                timing["p95_ms"] < ASSESS_P95_BUDGET_MS,
            ),
        ]
    checks += [
        (
            f"trustone score --format json, {cli['files']} files (median)",
            f"{cli['score_median_s']:.3f} s",
            "",
            None,
        ),
        (
            "baseline: python + tomllib, same files (median)",
            f"{cli['baseline_median_s']:.3f} s",
            "",
            None,
        ),
        (
            "ratio score / baseline",
            f"{cli['ratio']:.2f}x",
            f"<= {RATIO_BUDGET}x",
            cli["ratio"] <= RATIO_BUDGET,
        ),
    ]
    width = max(len(c[0]) for c in checks)
    print(f"{'benchmark':<{width}}  {'measured':>10}  {'budget':>9}  ok")
    for name, measured, budget, ok in checks:
        flag = "" if ok is None else ("yes" if ok else "NO")
        print(f"{name:<{width}}  {measured:>10}  {budget:>9}  {flag}")
    print(
        f"({engine['warm']['runs']} + {engine['cold']['runs']} assess() runs; "
        f"{cli['rounds']} alternated runs of each command over "
        f"{cli['files']} files, {cli['bytes'] / 1e6:.1f} MB)"
    )
    # The spread of the runs: the ratio compares medians, and a shared machine is noisy.
    for label, key in (("score", "score_s"), ("baseline", "baseline_s")):
        runs = ", ".join(f"{t:.3f}" for t in cli[key])
        print(f"{label} runs (s): {runs}")
    # CPU time (user + system) of the same runs: less sensitive to the other load on the machine.
    for label, key in (("score", "score_cpu_s"), ("baseline", "baseline_cpu_s")):
        runs = ", ".join(f"{t:.3f}" for t in cli[key])
        print(f"{label} CPU (s): {runs}")
    cpu_ratio = statistics.median(cli["score_cpu_s"]) / statistics.median(cli["baseline_cpu_s"])
    print(f"CPU ratio score / baseline (medians): {cpu_ratio:.2f}x")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bench_score.json").write_text(
        json.dumps({"assess": engine, "cli": cli}, indent=2) + "\n", encoding="utf-8"
    )
    return 0 if all(ok for *_, ok in checks if ok is not None) else 1


if __name__ == "__main__":
    sys.exit(main())
