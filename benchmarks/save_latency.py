"""Save latency of the session store on this disk: ``SessionFile.save`` of the demo session.

Every measured save really writes (the session alternates between two versions), so each one
serialises, verifies the bytes read back, checks the fingerprint on disk, writes a temporary
file, fsyncs it, renames it and fsyncs the folder. The baseline, measured in the same run on
the same folder, is the bare durable write of the same bytes (temporary file, fsync, rename,
folder fsync) with nothing else; the ratio is what the store's checks cost on top.

    .venv/bin/python benchmarks/save_latency.py [--saves 400] [--dir PATH]

Prints a table and writes ``benchmarks/results/save_latency.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from trustone_tui.answerfile.read import parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.session import QuestionAnswer
from trustone_tui.store import atomic
from trustone_tui.store.bankcache import default_framework
from trustone_tui.store.sessions import open_session


def timings(action: Callable[[int], object], count: int) -> list[float]:
    for i in range(min(20, count)):  # warm up caches and the allocator
        action(i)
    out = []
    for i in range(count):
        start = time.perf_counter()
        action(i)
        out.append(time.perf_counter() - start)
    return out


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": statistics.median(ordered) * 1000,
        "p95_ms": ordered[int(len(ordered) * 0.95) - 1] * 1000,
        "max_ms": ordered[-1] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=400)
    parser.add_argument("--dir", type=Path, default=None, help="folder to write in (a temp dir)")
    args = parser.parse_args()
    framework = default_framework()
    demo = parse_session(demo_bytes(), "demo", framework)
    versions = [
        demo,
        demo.with_answer("1.1.4", QuestionAnswer(answer="gedeeltelijk", note="benchmark")),
    ]
    encoded = [dump_session(s, framework) for s in versions]
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        os.environ.setdefault("TRUSTONE_DATA_DIR", str(Path(folder) / "data"))
        path = Path(folder) / "demo.toml"
        path.write_bytes(demo_bytes())
        baseline_path = Path(folder) / "baseline.toml"
        results = {
            "baseline: durable write only": summary(
                timings(lambda i: atomic.write_replace(baseline_path, encoded[i % 2]), args.saves)
            ),
            "dump_session": summary(
                timings(lambda i: dump_session(versions[i % 2], framework), args.saves)
            ),
            "parse_session (verify)": summary(
                timings(lambda i: parse_session(encoded[i % 2], "b", framework), args.saves)
            ),
        }
        with open_session(path, framework) as opened:
            results["SessionFile.save"] = summary(
                timings(lambda i: opened.save(versions[(i + 1) % 2]), args.saves)
            )
    ratio = (
        results["SessionFile.save"]["median_ms"]
        / results["baseline: durable write only"]["median_ms"]
    )
    report = {
        "saves": args.saves,
        "file_bytes": len(encoded[1]),
        "results": results,
        "save_over_baseline_median": ratio,
    }
    print(f"{'':32} {'median':>9} {'p95':>9} {'max':>9}   ({args.saves} runs, {len(encoded[1])} B)")
    for name, row in results.items():
        print(f"{name:32} {row['median_ms']:8.2f}ms {row['p95_ms']:8.2f}ms {row['max_ms']:8.2f}ms")
    print(f"save / baseline (median): {ratio:.2f}x")
    out = Path(__file__).parent / "results" / "save_latency.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
