"""Two instances saving one file: every save that returned without error survives.

A save's last check ("is the file still as I last saw it?") and its rename are one exclusive
step between instances; otherwise A could pass its check, B save, and A rename over B's save
with neither told. One test holds A's rename open to let B in at exactly that moment; the
stress test runs two and three real processes against each other.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from storekit import with_note

from trustone_tui.answerfile.read import AnswerFileError
from trustone_tui.demo import demo_bytes
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.sessions import ConflictError, open_session

BENCHMARK = Path(__file__).parents[2] / "benchmarks" / "concurrent_saves.py"
QUESTION = "1.1.3"


def test_a_save_cannot_slip_in_between_another_s_check_and_rename(framework, tmp_path, monkeypatch):
    path = tmp_path / "samen.toml"
    path.write_bytes(demo_bytes())
    first = open_session(path, framework)
    second = open_session(path, framework)
    assert second.lock_warning is not None

    renaming = threading.Event()
    let_go = threading.Event()
    real_replace = os.replace

    def slow_replace(src, dst, *args, **kwargs):
        """The first instance's rename, held open: its check has passed, the rename waits."""
        if threading.current_thread().name == "first" and Path(dst) == path:
            renaming.set()
            let_go.wait(10)
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", slow_replace)
    outcome: dict[str, str] = {}

    def save(opened, name: str) -> None:
        try:
            opened.save(with_note(opened.session, QUESTION, f"van {name}"))
            outcome[name] = "saved"
        except ConflictError:
            outcome[name] = "conflict"

    a = threading.Thread(target=save, args=(first, "first"), name="first")
    a.start()
    assert renaming.wait(10)
    b = threading.Thread(target=save, args=(second, "second"), name="second")
    b.start()
    b.join(0.5)  # without the exclusive step the second save completes here
    let_go.set()
    a.join(10)
    b.join(10)
    note = load_session(path, framework).answer(QUESTION).note
    assert outcome == {"first": "saved", "second": "conflict"}, (outcome, note)
    assert note == "van first"
    first.close()
    second.close()


def test_a_save_that_finds_the_file_changed_is_a_conflict_not_an_overwrite(framework, tmp_path):
    path = tmp_path / "samen.toml"
    path.write_bytes(demo_bytes())
    with open_session(path, framework) as first, open_session(path, framework) as second:
        first.save(with_note(first.session, QUESTION, "eerste"))
        with pytest.raises(ConflictError, match="changed by someone else"):
            second.save(with_note(second.session, QUESTION, "tweede"))
        second.reload()
        second.save(with_note(second.session, QUESTION, "eerste en tweede"))
        with pytest.raises(ConflictError):
            first.save(with_note(first.session, QUESTION, "weer eerste"))
    assert load_session(path, framework).answer(QUESTION).note == "eerste en tweede"


@pytest.mark.slow
@pytest.mark.parametrize("processes", [2, 3])
def test_instances_saving_at_once_lose_no_update(processes):
    """Real processes for 3 s each: every save that succeeded is in the final file."""
    started = time.monotonic()
    child = subprocess.run(
        [sys.executable, str(BENCHMARK), "--processes", str(processes), "--seconds", "3", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    result = json.loads(child.stdout)
    assert result["saves"] > 0 and result["conflicts"] > 0, result
    assert result["lost"] == 0, result
    assert child.returncode == 0
    assert time.monotonic() - started < 60


def test_a_file_with_hard_links_is_refused_for_editing_with_the_way_out(framework, tmp_path):
    """Saving by rename would split the names apart, and the lock is per name: refuse."""
    path = tmp_path / "jaar.toml"
    path.write_bytes(demo_bytes())
    other = tmp_path / "ander.toml"
    os.link(path, other)
    for name in (path, other):
        with pytest.raises(AnswerFileError) as caught:
            open_session(name, framework)
        (problem,) = caught.value.problems
        assert problem.startswith(f"{name}: this file has 1 other name (hard links)")
        assert f"cp {name.name} kopie.toml" in problem
    assert not list(tmp_path.glob(".*.lock"))  # refused before anything was made
    with open_session(other, framework, lock=False) as reading:  # reading alone is fine
        assert reading.session.company.name
    other.unlink()
    with open_session(path, framework) as opened:
        assert opened.locked and opened.lock_warning is None
