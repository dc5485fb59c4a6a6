"""Kill test: SIGKILL a process that is saving, hundreds of times; the file is never damaged.

A forked child opens the session file and saves a growing session in a loop (state k, k+1,
...), telling the parent through a pipe when it starts and finishes each save. The parent kills
it after a random delay. After every kill the file must parse and equal either the last state
whose save had finished or the one being saved at that moment; the next child must get the
lock (the killed one's lock died with it) and clears the temporary file a kill may leave.
"""

from __future__ import annotations

import os
import random
import signal
import time
from collections import Counter

from storekit import growing_session, temporaries

from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.sessions import open_session, recent_sessions, save_as

KILLS = 300
MAX_DELAY_S = 0.010
#: Share of kills timed from the fork, so some land while the child is still opening the file.
OPENING_SHARE = 0.15
SEED = 20261128


def saver(path, framework, report_fd: int) -> None:
    """The child: keep saving the next state until killed."""
    opened = open_session(path, framework)
    os.write(report_fd, b"ready\n" if opened.locked else b"unlocked\n")
    k = int(opened.session.company.name.rsplit(" ", 1)[1])
    while True:
        k += 1
        session = growing_session(framework, k)
        os.write(report_fd, f"start {k}\n".encode())
        opened.save(session)
        os.write(report_fd, f"done {k}\n".encode())


def run_and_kill(path, framework, delay: float, *, wait_until_ready: bool) -> list[str]:
    """Fork a saver and SIGKILL it ``delay`` seconds after it started (or, with
    ``wait_until_ready``, after it opened the file, so the delay falls in the save loop
    however long a fork takes on a busy machine)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            saver(path, framework, write_end)
        finally:
            os._exit(3)  # only reached if saving failed: the parent sees no SIGKILL status
    os.close(write_end)
    chunks = []
    if wait_until_ready:
        chunks.append(os.read(read_end, 64))  # blocks until the child has opened the file
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    lines = b"".join(chunks).decode().splitlines()
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, lines
    return lines


def test_sigkill_at_random_moments_never_damages_the_file(framework, tmp_path, record_property):
    path = tmp_path / "groei.toml"
    save_as(growing_session(framework, 0), framework, path).close()
    rng = random.Random(SEED)
    on_disk = 0
    moments: Counter[str] = Counter()
    for _ in range(KILLS):
        while_opening = rng.random() < OPENING_SHARE
        lines = run_and_kill(
            path, framework, rng.uniform(0, MAX_DELAY_S), wait_until_ready=not while_opening
        )
        assert "unlocked" not in lines  # a killed process's lock never blocks the next one
        started = [int(x.split()[1]) for x in lines if x.startswith("start ")]
        finished = [int(x.split()[1]) for x in lines if x.startswith("done ")]
        previous = finished[-1] if finished else on_disk
        in_flight = started[-1] if started and started[-1] not in finished else None
        session = load_session(path, framework)  # raises if the file were damaged
        k = int(session.company.name.rsplit(" ", 1)[1])
        assert session == growing_session(framework, k)
        assert k in (previous, in_flight), (k, previous, in_flight)
        if in_flight is None:
            moments["between saves" if started else "before the first save"] += 1
        else:
            moments[
                "during a save, new state on disk"
                if k == in_flight
                else "during a save, old state on disk"
            ] += 1
        assert len(temporaries(tmp_path)) <= 1  # cleared by the next open
        on_disk = k
    record_property("kill_moments", dict(moments))
    assert sum(moments.values()) == KILLS
    # The kills must really land inside saves, or this test would prove nothing.
    during = (
        moments["during a save, new state on disk"] + moments["during a save, old state on disk"]
    )
    assert during >= KILLS // 5, moments
    assert on_disk > 0  # the session really grew across the kills
    assert [r.path.name for r in recent_sessions(framework, tmp_path)] == ["groei.toml"]
    with open_session(path, framework) as last:
        assert last.locked
    assert temporaries(tmp_path) == []
