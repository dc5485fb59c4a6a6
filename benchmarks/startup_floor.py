"""How much of the interview's start-up budget Textual itself takes (informational, no budget).

Times three fresh headless processes the way ``bench_tui.py`` does, alternated: the minimal
app (one ``Static``; the budget's baseline), an app that mounts *empty* instances of the widget
types the interview screen shows (Header, a Footer with 13 bindings, Buttons, an Input, a
TextArea, a SelectionList, a Checkbox, 20 Statics; no data, no trustone code), and trustone
itself on a fully answered session. The middle one is a floor for any interview screen built
from these widgets.

Run: ``python benchmarks/startup_floor.py [--rounds N]``
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from bench_tui import MINIMAL_APP, TRUSTONE_APP, fully_answered, time_process

from trustone_tui.answerfile import dump_session
from trustone_tui.framework.bank import default_framework

SAME_WIDGETS_APP = """\
import time
from textual.app import App
from textual.binding import Binding
from textual.widgets import (
    Button, Checkbox, Footer, Header, Input, SelectionList, Static, TextArea,
)

class SameWidgets(App):
    BINDINGS = [Binding(key, "bell", f"Actie {key}") for key in "abcdefghijklm"]

    def compose(self):
        yield Header()
        for label in ("Nee", "Gedeeltelijk", "Ja", "n.v.t."):
            yield Button(label, compact=True)
        yield Input()
        yield TextArea()
        yield SelectionList(("een", 1), ("twee", 2))
        yield Checkbox("Opvolgen")
        for number in range(20):
            yield Static(f"regel {number}")
        yield Footer(compact=True)

    def on_mount(self):
        def painted():
            print("PAINTED", time.time())
            self.exit()
        self.call_after_refresh(painted)

SameWidgets().run(headless=True, size=(120, 40))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="start-ups per app")
    args = parser.parse_args()
    framework = default_framework()
    runs: dict[str, list[float]] = {"minimal": [], "same widgets, empty": [], "trustone": []}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "volledig.toml"
        path.write_bytes(dump_session(fully_answered(framework), framework))
        apps = {
            "minimal": (MINIMAL_APP,),
            "same widgets, empty": (SAME_WIDGETS_APP,),
            "trustone": (TRUSTONE_APP, str(path)),
        }
        for command in apps.values():
            time_process(*command)  # warm the file cache
        for _ in range(args.rounds):
            for name, command in apps.items():
                runs[name].append(time_process(*command))
    baseline = statistics.median(runs["minimal"])
    for name, times in runs.items():
        median = statistics.median(times)
        print(f"{name:20} {median * 1000:5.0f} ms  {median / baseline:.2f}x the minimal app")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
