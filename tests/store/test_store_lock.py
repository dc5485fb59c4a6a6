"""A second instance is warned; a lock never outlives its process."""

from __future__ import annotations

import gc
import os
import signal

from trustone_tui.demo import demo_bytes
from trustone_tui.store import filelock
from trustone_tui.store.sessions import open_session


def lock_file(path):
    return path.parent / f".{path.name}.lock"


def test_second_open_is_warned_with_who_holds_it(framework, tmp_path):
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    first = open_session(path, framework)
    second = open_session(path, framework)
    assert first.locked and first.lock_warning is None
    assert not second.locked
    assert second.lock_warning is not None
    assert f"process {os.getpid()}" in second.lock_warning
    assert "already open" in second.lock_warning
    assert second.notices == [second.lock_warning]
    first.close()
    assert not lock_file(path).exists()  # a clean close leaves nothing behind
    third = open_session(path, framework)
    assert third.locked and third.lock_warning is None
    second.close()
    third.close()


def test_a_lock_left_by_a_killed_process_does_not_block(framework, tmp_path):
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    ready_r, ready_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: take the lock, say so, wait to be killed
        try:
            opened = open_session(path, framework)
            os.write(ready_w, b"1" if opened.locked else b"0")
            signal.pause()
        finally:
            os._exit(1)
    os.close(ready_w)
    assert os.read(ready_r, 1) == b"1"
    os.close(ready_r)
    held = open_session(path, framework)
    assert not held.locked and f"process {pid}" in (held.lock_warning or "")
    held.close()
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    assert lock_file(path).exists()  # the killed process could not clean up...
    later = open_session(path, framework)
    assert later.locked and later.lock_warning is None  # ...and that blocks nothing
    later.close()


def test_a_stale_or_garbage_lock_file_does_not_block(framework, tmp_path):
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    lock_file(path).write_bytes(b"\x00not json{")
    with open_session(path, framework) as opened:
        assert opened.locked and opened.lock_warning is None


def test_holder_details_that_cannot_be_read_still_give_a_warning(tmp_path):
    path = tmp_path / "x.lock"
    held = filelock.acquire(path)
    path.write_bytes(b"garbage")  # the holder's details are unreadable now
    try:
        filelock.acquire(path)
    except filelock.LockedElsewhere as exc:
        assert exc.holder == filelock.LockHolder()
        assert exc.holder.describe() == "another process"
    else:  # pragma: no cover
        raise AssertionError("the second acquire should have failed")
    held.release()


def test_lock_falls_back_to_the_data_directory_when_the_folder_is_read_only(
    framework, tmp_path, data_dir
):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    path = folder / "demo.toml"
    path.write_bytes(demo_bytes())
    # A lock file that cannot be created beside the file: a directory squats its name.
    lock_file(path).mkdir()
    first = open_session(path, framework)
    second = open_session(path, framework)
    assert first.locked and second.lock_warning is not None
    assert [p.suffix for p in (data_dir / "locks").iterdir()] == [".lock"]
    first.close()
    second.close()


def test_lock_false_takes_no_lock(framework, tmp_path):
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    with open_session(path, framework, lock=False) as viewer:
        assert not viewer.locked and viewer.lock_warning is None
        with open_session(path, framework) as editor:
            assert editor.locked


def test_a_session_file_dropped_without_close_releases_its_lock(framework, tmp_path):
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    opened = open_session(path, framework)
    assert opened.locked
    del opened
    gc.collect()
    with open_session(path, framework) as again:
        assert again.locked and again.lock_warning is None
