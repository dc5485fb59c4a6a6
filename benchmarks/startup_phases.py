"""Where the interview's start-up time goes (informational, no budget).

Starts trustone on a fully answered session in fresh headless processes, prepared as the
``trustone`` command prepares itself, with time stamps between the phases, and prints the
median of each phase. The interpreter's own start comes before the first stamp.

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
stamps = {}
from trustone_tui.cli import prepare_process
from trustone_tui.tui.startup import pause_collection
prepare_process()
pause_collection()
import textual.app
stamps["import textual.app and trustone_tui.cli"] = time.perf_counter()
from trustone_tui.store.bankcache import default_framework
framework = default_framework()
stamps["the question bank"] = time.perf_counter()
from pathlib import Path
from trustone_tui.tui.app import TrustoneApp
from trustone_tui.tui.screens.interview import InterviewScreen
stamps["our UI modules, store, answer-file reader"] = time.perf_counter()
mount = InterviewScreen.on_mount

def on_mount_then_exit(self):
    mount(self)

    def painted():
        stamps["first frame to settled screen (as bench_tui.py stamps it)"] = time.perf_counter()
        self.app.exit()

    self.app.call_after_refresh(painted)

InterviewScreen.on_mount = on_mount_then_exit
app = TrustoneApp(framework, open_path=Path(sys.argv[1]))
display = app._display

def first_frame(screen, renderable):
    display(screen, renderable)
    stamps.setdefault("session, compose, mount, first frame", time.perf_counter())

app._display = first_frame
app.run(headless=True, size=(120, 40))
order = sorted(stamps, key=stamps.get)
previous, phases = start, {}
for name in order:
    phases[name] = (stamps[name] - previous) * 1000
    previous = stamps[name]
phases["total after the interpreter's start"] = (previous - start) * 1000
print(json.dumps(phases))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="start-ups to take the median of")
    args = parser.parse_args()
    framework = default_framework()
    samples: dict[str, list[float]] = {}
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
            for name, ms in json.loads(done.stdout.splitlines()[-1]).items():
                samples.setdefault(name, []).append(ms)
    for name, values in samples.items():
        print(f"{statistics.median(values[1:]):6.1f} ms  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
