"""Benchmark the interview app; exit 1 when a budget is missed.

1. Start-up: from process start to the painted interview screen of a fully answered session,
   within 1.25x of a minimal Textual app with one ``Static`` and a stock ``Footer`` started the
   same way (a fresh headless process that exits after its first paint), alternated in the
   same run. The ratio to an app with one ``Static`` and no Footer is reported beside it.
   The budget is the ratio of the wall-clock medians; the CPU time of each whole process and
   the CPU time each had used when it painted are printed beside it (steadier when other
   work shares the machine).
2. One answer key press to the repainted score panel: at most 16 ms median and 50 ms worst
   case over all questions. Pilot presses the key; the time runs until the first frame the
   app paints after the key changed the score (Pilot's own idle waiting is not counted).
   Textual has no public hook for "a frame was put on the display", so this benchmark wraps
   the app's private ``_display`` method (``FrameClock``); tests never do that. The budget is
   on the wall clock; the CPU time of the app's thread over the same span is printed beside
   it (the wall clock also counts time the machine gave to other processes).
3. Moving to the next question (guidance, criteria, elements and answer shown): at most
   50 ms median, timed the same way.

Run: ``python benchmarks/bench_tui.py [--rounds N]`` (``make bench`` runs every benchmark).
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from trustone_tui.answerfile.read import parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.session import QuestionAnswer, Session
from trustone_tui.framework.bank import Framework
from trustone_tui.store.bankcache import default_framework

START_RATIO_BUDGET = 1.25
KEY_MEDIAN_BUDGET_MS = 16.0
KEY_WORST_BUDGET_MS = 50.0
NEXT_MEDIAN_BUDGET_MS = 50.0

#: Both apps run this way: a fresh interpreter, headless, printing the wall-clock time of
#: their first paint (measured against the parent's time just before it started the process)
#: and the CPU time the process had used by then.
MINIMAL_APP = """\
import sys
import time
from textual.app import App
from textual.widgets import Footer, Static

class Minimal(App):
    BINDINGS = [("q", "quit", "Stoppen")]

    def compose(self):
        yield Static("TruStone")
        if sys.argv[1:] == ["footer"]:
            yield Footer()

    def on_mount(self):
        def painted():
            print("PAINTED", time.time(), time.process_time())
            self.exit()
        self.call_after_refresh(painted)

Minimal().run(headless=True, size=(120, 40))
"""

TRUSTONE_APP = """\
import sys
import time
from pathlib import Path
from trustone_tui.cli import prepare_process

prepare_process()  # as the trustone command does, and for the app:
from trustone_tui.tui.startup import pause_collection

pause_collection()
from trustone_tui.store.bankcache import default_framework
from trustone_tui.tui.app import TrustoneApp
from trustone_tui.tui.screens.interview import InterviewScreen

mount = InterviewScreen.on_mount

def on_mount_then_exit(self):
    mount(self)

    def painted():
        print("PAINTED", time.time(), time.process_time())
        self.app.exit()

    self.app.call_after_refresh(painted)

InterviewScreen.on_mount = on_mount_then_exit
TrustoneApp(default_framework(), open_path=Path(sys.argv[1])).run(headless=True, size=(120, 40))
"""


def fully_answered(framework: Framework) -> Session:
    """The demo company with every question that counts for it answered."""
    session = parse_session(demo_bytes(), "demo", framework)
    answers = dict(session.answers)
    for question in framework.scored_questions("C"):
        given = answers.get(question.id, QuestionAnswer())
        if question.kind == "band":
            answers[question.id] = replace(given, percentage=given.percentage or 80)
        elif given.answer is None and given.percentage is None:
            answers[question.id] = replace(given, answer="gedeeltelijk")
    return replace(session, answers=answers)


class Run(NamedTuple):
    """One start of an app, in seconds."""

    wall: float  # from starting the process to its first painted screen
    cpu: float  # CPU time of the whole process (steadier when other work shares the CPU)
    cpu_to_paint: float  # CPU time the process had used when it painted


def time_process(code: str, *args: str) -> Run:
    """Start ``code`` in a fresh interpreter and time it to its first painted screen."""
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    )
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    painted = next(line for line in done.stdout.splitlines() if line.startswith("PAINTED"))
    _, painted_at, cpu_to_paint = painted.split()
    return Run(float(painted_at) - start, cpu, float(cpu_to_paint))


class Start(NamedTuple):
    """Medians over the runs of one app (seconds)."""

    wall: float
    cpu: float
    cpu_to_paint: float


def measure_start(path: Path, rounds: int) -> tuple[Start, Start, Start]:
    """Start-up of: Static+Footer, Static alone, trustone."""
    runs: list[list[Run]] = [[], [], []]
    time_process(MINIMAL_APP, "footer")  # warm the file cache for all three
    time_process(TRUSTONE_APP, str(path))
    for _ in range(rounds):  # alternated, so a noisy spell hits all three alike
        runs[0].append(time_process(MINIMAL_APP, "footer"))
        runs[1].append(time_process(MINIMAL_APP))
        runs[2].append(time_process(TRUSTONE_APP, str(path)))
    with_footer, static_only, trustone = (
        Start(*(statistics.median(values) for values in zip(*r, strict=True))) for r in runs
    )
    return with_footer, static_only, trustone


class FrameClock:
    """Times frames: when the app last put a rendered screen on its display, by the wall clock
    and by the CPU time of the app's thread."""

    def __init__(self, app) -> None:
        self.frames: list[tuple[float, float]] = []
        display = app._display

        def timed_display(screen, renderable) -> None:
            display(screen, renderable)
            self.frames.append((time.perf_counter(), time.thread_time()))

        app._display = timed_display

    def first_after(self, moment: float) -> tuple[float, float]:
        """The wall-clock and thread CPU time of the first frame after ``moment``."""
        return next(frame for frame in self.frames if frame[0] > moment)


class Latencies(NamedTuple):
    """Milliseconds per key press, by the wall clock and by the app thread's CPU time."""

    wall: list[float]
    cpu: list[float]


async def measure_keys(path: Path, framework: Framework) -> tuple[Latencies, Latencies]:
    """Milliseconds from a key press to the first frame painted after the change it caused:
    answer keys, then moves to the next question. The CPU time is the app thread's (the
    wall clock also counts time the machine gave to other processes)."""
    from trustone_tui.tui.app import TrustoneApp

    app = TrustoneApp(framework, open_path=path)
    answer_ms = Latencies([], [])
    next_ms = Latencies([], [])
    changed: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        clock = FrameClock(app)
        app.watch(app, "assessment", lambda _: changed.append(time.perf_counter()), init=False)
        await pilot.pause()
        screen = app.screen
        ids = [q.id for q in framework.scored_questions("C")]
        # Two passes over all questions: twice the samples for a steadier median.
        for index, qid in enumerate(ids * 2):
            if index % len(ids) == 0:
                screen.go_to(qid)
                await pilot.pause()
            question = framework.questions[qid]
            if question.kind == "band":
                # A typed percentage is a draft: Enter saves it (and is the key timed).
                await pilot.press("p", "5" if index < len(ids) else "7")  # differs each pass
                key = "enter"
            else:
                key = "j" if app.session.answer(qid).answer != "ja" else "g"
            start, start_cpu = time.perf_counter(), time.thread_time()
            await pilot.press(key)
            await pilot.pause()
            assert changed and changed[-1] > start, f"{qid}: {key} changed nothing"
            painted, painted_cpu = clock.first_after(changed[-1])
            answer_ms.wall.append((painted - start) * 1000)
            answer_ms.cpu.append((painted_cpu - start_cpu) * 1000)
            await pilot.press("escape")
            if (index + 1) % len(ids):
                start, start_cpu = time.perf_counter(), time.thread_time()
                await pilot.press("right_square_bracket")
                await pilot.pause()
                following = ids[(index + 1) % len(ids)]
                assert screen.current_id == following, (screen.current_id, following)
                painted, painted_cpu = clock.first_after(start)
                next_ms.wall.append((painted - start) * 1000)
                next_ms.cpu.append((painted_cpu - start_cpu) * 1000)
        await app.workers.wait_for_complete()
    return answer_ms, next_ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="start-up rounds per app")
    args = parser.parse_args()
    framework = default_framework()
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "volledig.toml"
        path.write_bytes(dump_session(fully_answered(framework), framework))
        with_footer, static_only, trustone = measure_start(path, args.rounds)
        ratio = trustone.wall / with_footer.wall
        print(
            f"start-up (median of {args.rounds}): Static+Footer app {with_footer.wall * 1000:.0f} "
            f"ms, trustone {trustone.wall * 1000:.0f} ms, ratio {ratio:.2f} "
            f"(budget {START_RATIO_BUDGET}); Static-only app {static_only.wall * 1000:.0f} ms, "
            f"ratio {trustone.wall / static_only.wall:.2f}"
        )
        print(
            f"  CPU time of the whole process: Static+Footer {with_footer.cpu * 1000:.0f} ms, "
            f"Static-only {static_only.cpu * 1000:.0f} ms, trustone {trustone.cpu * 1000:.0f} ms, "
            f"ratios {trustone.cpu / with_footer.cpu:.2f} / {trustone.cpu / static_only.cpu:.2f}"
        )
        print(
            f"  CPU time to the paint: Static+Footer {with_footer.cpu_to_paint * 1000:.0f} ms, "
            f"Static-only {static_only.cpu_to_paint * 1000:.0f} ms, "
            f"trustone {trustone.cpu_to_paint * 1000:.0f} ms, ratios "
            f"{trustone.cpu_to_paint / with_footer.cpu_to_paint:.2f} / "
            f"{trustone.cpu_to_paint / static_only.cpu_to_paint:.2f}"
        )
        if ratio > START_RATIO_BUDGET:
            failures.append("start-up ratio")
        answer_ms, next_ms = asyncio.run(measure_keys(path, framework))
    key_median, key_worst = statistics.median(answer_ms.wall), max(answer_ms.wall)
    print(
        f"answer key -> repainted score panel over {len(answer_ms.wall)} questions: "
        f"median {key_median:.1f} ms, worst {key_worst:.1f} ms "
        f"(budget {KEY_MEDIAN_BUDGET_MS:.0f} / {KEY_WORST_BUDGET_MS:.0f} ms); CPU time "
        f"median {statistics.median(answer_ms.cpu):.1f} ms, worst {max(answer_ms.cpu):.1f} ms"
    )
    if key_median > KEY_MEDIAN_BUDGET_MS or key_worst > KEY_WORST_BUDGET_MS:
        failures.append("answer key")
    next_median = statistics.median(next_ms.wall)
    print(
        f"next question over {len(next_ms.wall)} moves: median {next_median:.1f} ms, "
        f"worst {max(next_ms.wall):.1f} ms (budget median {NEXT_MEDIAN_BUDGET_MS:.0f} ms); "
        f"CPU time median {statistics.median(next_ms.cpu):.1f} ms, "
        f"worst {max(next_ms.cpu):.1f} ms"
    )
    if next_median > NEXT_MEDIAN_BUDGET_MS:
        failures.append("next question")
    if failures:
        print("budget missed: " + ", ".join(failures), file=sys.stderr)
        return 1
    print("within budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
