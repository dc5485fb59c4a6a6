"""Where the interview's start-up time goes (informational, no budget).

Starts trustone on a fully answered session in fresh headless processes, prepared as the
``trustone`` command prepares itself, with time stamps between the phases, and prints the
median of each phase: wall clock and the process's CPU time (``time.process_time``; steadier
when other work shares the machine). The interpreter's own start comes before the first
stamp (the CPU column includes it in its first line).

The first frame is stamped by wrapping the app's private ``_display`` method (Textual has no
public hook for "a frame was put on the display"); only benchmarks do that, never tests.

Run: ``python benchmarks/startup_phases.py [--rounds N]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_tui import fully_answered

from trustone_tui.answerfile.write import dump_session
from trustone_tui.store.bankcache import default_framework

PHASED_APP = """\
import json, sys, time
start = time.perf_counter()
cpu_start = 0.0
stamps = {}
cpu = {}

def stamp(name):
    stamps[name] = time.perf_counter()
    cpu[name] = time.process_time()

from trustone_tui.cli import prepare_process
from trustone_tui.tui.startup import pause_collection
prepare_process()
pause_collection()
import textual.app
stamp("import textual.app and trustone_tui.cli")
from trustone_tui.store.bankcache import default_framework
framework = default_framework()
stamp("the question bank")
from pathlib import Path
from trustone_tui.tui.app import TrustoneApp
from trustone_tui.tui.screens.interview import InterviewScreen
stamp("our UI modules, store, answer-file reader")
mount = InterviewScreen.on_mount

def on_mount_then_exit(self):
    mount(self)

    def painted():
        stamp("first frame to settled screen (as bench_tui.py stamps it)")
        self.app.exit()

    self.app.call_after_refresh(painted)

InterviewScreen.on_mount = on_mount_then_exit
app = TrustoneApp(framework, open_path=Path(sys.argv[1]))
display = app._display

def first_frame(screen, renderable):
    display(screen, renderable)
    if "session, compose, mount, first frame" not in stamps:
        stamp("session, compose, mount, first frame")

app._display = first_frame
app.run(headless=True, size=(120, 40))
order = sorted(stamps, key=stamps.get)
previous, previous_cpu, phases = start, cpu_start, {}
for name in order:
    phases[name] = ((stamps[name] - previous) * 1000, (cpu[name] - previous_cpu) * 1000)
    previous, previous_cpu = stamps[name], cpu[name]
total = "total (wall: after the interpreter's start; CPU: the whole process)"
phases[total] = ((previous - start) * 1000, previous_cpu * 1000)
print(json.dumps(phases))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="start-ups to take the median of")
    args = parser.parse_args()
    framework = default_framework()
    samples: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "volledig.toml"
        path.write_bytes(dump_session(fully_answered(framework), framework))
        for _ in range(args.rounds + 1):  # the first one warms the file cache
            done = subprocess.run(
                [sys.executable, "-c", PHASED_APP, str(path)],
                check=True,
                capture_output=True,
                text=True,
            )
            for name, (wall, cpu) in json.loads(done.stdout.splitlines()[-1]).items():
                samples.setdefault(name, []).append((wall, cpu))
    print("  wall    CPU (ms, medians)")
    for name, values in samples.items():
        wall = statistics.median(w for w, _ in values[1:])
        cpu = statistics.median(c for _, c in values[1:])
        print(f"{wall:6.1f} {cpu:6.1f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
