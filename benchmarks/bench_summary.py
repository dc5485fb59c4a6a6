"""How long ``trustone summary`` takes over 1,000 answer files (budget: a few seconds).

Writes 1,000 generated answer files (mixed categories and sizes, a few invalid) to a temporary
directory, then measures in this process, best of ``--repeat`` runs:

* baseline: reading and parsing every file with ``tomllib`` (the least any tool must do);
* summary:  ``trustone summary DIR --format json`` end to end (find, load, validate, score,
  aggregate, render), output discarded.

Prints both times and their ratio; exits 1 when the summary takes longer than ``--budget``
seconds or more than ``--max-ratio`` times the baseline.

    .venv/bin/python benchmarks/bench_summary.py [--files 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from trustone_tui.answerfile.write import dump_session
from trustone_tui.commands import summary as summary_command
from trustone_tui.engine.session import Company, Interview, QuestionAnswer, Session
from trustone_tui.framework.bank import Framework
from trustone_tui.store.bankcache import default_framework


def generated_session(rng: random.Random, index: int, framework: Framework) -> Session:
    risk = rng.random() < 0.6
    small = rng.random() < 0.4
    revenue = rng.randint(200_000, 5_000_000) if small else rng.randint(5_000_001, 90_000_000)
    company = Company(
        name=f"Natuursteen {index:04d} B.V.",
        imports_from_risk_countries=risk,
        employees=rng.randint(3, 24) if small else rng.randint(25, 400),
        revenue_eur=revenue,
    )
    category = "C" if risk else "B"
    answers: dict[str, QuestionAnswer] = {}
    for question in framework.scored_questions(category):  # type: ignore[arg-type]
        if rng.random() < 0.1:
            continue  # left open
        note = rng.choice(["", "", "Nagevraagd bij inkoop.", "Zie bijlage 3.\nTweede regel."])
        if question.kind in ("band", "percentage"):
            answers[question.id] = QuestionAnswer(percentage=rng.randint(0, 100), note=note)
            continue
        choices = ["nee", "gedeeltelijk", "ja"] + (["nvt"] if question.nvt_allowed else [])
        ticked = tuple(n for n in range(1, len(question.elements) + 1) if rng.random() < 0.5)
        groups = [g.key for g in question.element_groups] or [""]
        answers[question.id] = QuestionAnswer(
            answer=rng.choice(choices),  # type: ignore[arg-type]
            elements=dict.fromkeys(groups, ticked) if ticked else {},
            note=note,
            follow_up=rng.random() < 0.1,
        )
    return Session(company, answers, Interview("Benchmark", None), framework.version)


def write_files(directory: Path, count: int, framework: Framework) -> None:
    rng = random.Random(2026)
    for index in range(count):
        path = directory / f"bedrijf-{index:04d}.toml"
        if index % 100 == 99:
            path.write_text("schema_version = 2\n[company]\nname = 3\n", encoding="utf-8")
        else:
            path.write_bytes(dump_session(generated_session(rng, index, framework), framework))


def best_of(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--budget", type=float, default=5.0, help="seconds (default 5)")
    parser.add_argument("--max-ratio", type=float, default=40.0)
    args = parser.parse_args(argv)
    framework = default_framework()
    with tempfile.TemporaryDirectory(prefix="trustone-bench-") as tmp:
        directory = Path(tmp)
        write_files(directory, args.files, framework)
        files = sorted(directory.glob("*.toml"))

        def parse_all() -> None:
            for path in files:
                tomllib.loads(path.read_bytes().decode("utf-8"))

        def summarise_all() -> None:
            with contextlib.redirect_stdout(io.TextIOWrapper(io.BytesIO())):
                status = summary_command.run([str(directory), "--format", "json"])
            assert status == 2  # the generated invalid files are reported, the rest summarised

        baseline = best_of(args.repeat, parse_all)
        summary = best_of(args.repeat, summarise_all)
    ratio = summary / baseline
    print(f"files:                 {args.files} (every 100th invalid)")
    print(f"baseline (tomllib):    {baseline:.3f} s")
    print(f"trustone summary json: {summary:.3f} s  ({summary / args.files * 1000:.2f} ms/file)")
    print(f"ratio:                 {ratio:.1f}x baseline")
    ok = summary <= args.budget and ratio <= args.max_ratio
    print("OK" if ok else f"OVER BUDGET (max {args.budget} s, {args.max_ratio}x)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
