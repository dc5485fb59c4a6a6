"""How long the secretariat's overview takes to show 100 answer files (budget: under 1 s).

Writes ``--files`` generated answer files (as ``bench_summary.py`` does: mixed categories and
sizes, every 100th invalid) and measures, median of ``--repeat`` runs:

* read:   ``report.overview.load_overview`` alone (find, read, validate, score, summarise);
* screen: the real app, headless at 120x40: from pushing the overview screen to its table
          showing every readable file (the worker's read included, the first paint after it).

Exits 1 when the screen's median is over ``--budget`` seconds.

    .venv/bin/python benchmarks/bench_overview.py [--files 100] [--repeat 5]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_summary import write_files
from textual.widgets import DataTable

from trustone_tui.report.overview import Overview, load_overview
from trustone_tui.store.bankcache import default_framework
from trustone_tui.tui.app import TrustoneApp
from trustone_tui.tui.screens.overview import OverviewScreen

TODAY = dt.date(2026, 12, 3)


class TimedOverview(OverviewScreen):
    """The overview screen, telling the benchmark when it has shown what it read."""

    shown = asyncio.Event()

    def _show(self, overview: Overview) -> None:
        super()._show(overview)
        self.shown.set()


async def screen_seconds(folder: Path, expected_rows: int) -> float:
    app = TrustoneApp(default_framework())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        TimedOverview.shown = asyncio.Event()
        start = time.perf_counter()
        await app.push_screen(TimedOverview(folder, today=TODAY))
        await TimedOverview.shown.wait()
        await pilot.pause()  # the frame that shows the rows
        seconds = time.perf_counter() - start
        assert app.screen.query_one(DataTable).row_count == expected_rows
        return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--budget", type=float, default=1.0, help="seconds (default 1)")
    args = parser.parse_args(argv)
    framework = default_framework()
    with tempfile.TemporaryDirectory(prefix="trustone-bench-") as tmp:
        folder = Path(tmp)
        write_files(folder, args.files, framework)
        readable = args.files - args.files // 100
        reads, screens = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            overview = load_overview(folder, framework, TODAY)
            reads.append(time.perf_counter() - start)
            assert len(overview.rows) == readable
            screens.append(asyncio.run(screen_seconds(folder, readable)))
    read, screen = statistics.median(reads), statistics.median(screens)
    print(f"files:            {args.files} ({args.files - readable} invalid)")
    print(f"read and score:   {read:.3f} s median ({min(reads):.3f}-{max(reads):.3f})")
    print(f"overview screen:  {screen:.3f} s median ({min(screens):.3f}-{max(screens):.3f})")
    ok = screen <= args.budget
    print("OK" if ok else f"OVER BUDGET (max {args.budget} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
