"""Two or three trustone instances saving one file at once: is any successful save lost?

Each instance (a separate process) opens the same answer file and, until the time is up, adds
its own marker (``a17;``) to one question's note and saves; when the save is refused as a
conflict it reloads the file and goes on from the other's version. A save that returned without
error must survive: every marker it added is in the final file, unless ... nothing: the markers
only ever accumulate, so a missing one is a lost update (another instance replaced the file
without having seen that save).

    .venv/bin/python benchmarks/concurrent_saves.py [--processes 2] [--seconds 3] [--json]

Prints saves, conflicts and lost updates; exit status 1 when any update was lost.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUESTION = "1.1.3"
NAMES = "abcdefgh"


def worker(path: Path, name: str, until: float) -> dict[str, object]:
    """One instance: add markers and save until ``until`` (time.time()); report what it saved."""
    from trustone_tui.store.bankcache import default_framework
    from trustone_tui.store.sessions import ConflictError, open_session

    framework = default_framework()
    opened = open_session(path, framework)
    saved: list[str] = []
    conflicts = 0
    n = 0
    while time.time() < until:
        n += 1
        marker = f"{name}{n}"
        session = opened.session
        answer = session.answer(QUESTION)
        changed = dataclasses.replace(answer, note=f"{answer.note}{marker};")
        try:
            opened.save(session.with_answer(QUESTION, changed))
        except ConflictError:
            conflicts += 1
            opened.reload()
            continue
        saved.append(marker)
    opened.close()
    return {"name": name, "saved": saved, "conflicts": conflicts}


def run(processes: int, seconds: float) -> dict[str, object]:
    """Start ``processes`` instances on one fresh file; count saves, conflicts, lost updates."""
    from trustone_tui.demo import demo_bytes
    from trustone_tui.store.answerfiles import load_session
    from trustone_tui.store.bankcache import default_framework

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "samen.toml"
        path.write_bytes(demo_bytes())
        until = time.time() + 1.0 + seconds  # a second to start up, then all at once
        children = [
            subprocess.Popen(
                [sys.executable, __file__, "--worker", name, str(path), str(until)],
                stdout=subprocess.PIPE,
                text=True,
            )
            for name in NAMES[:processes]
        ]
        reports = []
        for child in children:
            out, _ = child.communicate(timeout=seconds + 60)
            if child.returncode != 0:
                raise RuntimeError(f"instance failed with status {child.returncode}")
            reports.append(json.loads(out))
        final = load_session(path, default_framework()).answer(QUESTION).note
    on_disk = set(final.split(";"))
    saves = sum(len(r["saved"]) for r in reports)
    lost = [m for r in reports for m in r["saved"] if m not in on_disk]
    return {
        "processes": processes,
        "seconds": seconds,
        "saves": saves,
        "conflicts": sum(int(r["conflicts"]) for r in reports),
        "lost": len(lost),
        "lost_markers": lost[:20],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        name, path, until = args.worker
        print(json.dumps(worker(Path(path), name, float(until))))
        return 0
    result = run(args.processes, args.seconds)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{result['processes']} instances, {result['seconds']} s: {result['saves']} saves, "
            f"{result['conflicts']} conflicts, {result['lost']} lost updates"
        )
    return 1 if result["lost"] else 0


if __name__ == "__main__":
    sys.exit(main())
