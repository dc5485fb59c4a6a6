"""Fault injection: a failing disk never costs the old file or the answers in memory.

Each system call a save makes (create the temporary file, write, fsync, replace, fsync of the
folder) is made to fail with ENOSPC, EIO and EACCES in turn. Two faults are real rather than
injected: a read-only folder (as an unprivileged user, since root ignores permissions) and a
file size limit (``RLIMIT_FSIZE``, which makes the kernel refuse the write with EFBIG).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import resource
import shutil
import signal
import tempfile
from pathlib import Path

import pytest
from storekit import temporaries, with_note

from trustone_tui.answerfile.write import dump_session
from trustone_tui.demo import demo_bytes
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.sessions import SaveError, open_session

ERRNOS = [errno.ENOSPC, errno.EIO, errno.EACCES]
OPERATIONS = ["create", "write", "fsync-file", "replace", "fsync-folder"]
SAFE_WORDS = "your answers are still open here"


class Fault:
    """Makes one kind of system call fail while armed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, operation: str, code: int) -> None:
        self.armed = False
        self.operation = operation
        self.code = code
        self.fsyncs = 0
        real_write, real_fsync, real_replace = os.write, os.fsync, os.replace
        real_mkstemp = tempfile.mkstemp

        def fail() -> None:
            raise OSError(code, os.strerror(code))

        def write(fd, data):
            if self.armed and operation == "write":
                fail()
            return real_write(fd, data)

        def fsync(fd):
            self.fsyncs += 1  # a save syncs the file first, then its folder
            if self.armed and (operation, self.fsyncs) in (("fsync-file", 1), ("fsync-folder", 2)):
                fail()
            return real_fsync(fd)

        def replace(src, dst, **kwargs):
            if self.armed and operation == "replace":
                fail()
            return real_replace(src, dst, **kwargs)

        def mkstemp(*args, **kwargs):
            if self.armed and operation == "create":
                fail()
            return real_mkstemp(*args, **kwargs)

        monkeypatch.setattr(os, "write", write)
        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


@pytest.mark.parametrize("code", ERRNOS, ids=errno.errorcode.get)
@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_failing_save_keeps_the_old_file_and_a_retry_succeeds(
    framework, demo, tmp_path, monkeypatch, operation, code
):
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    fault = Fault(monkeypatch, operation, code)
    ours = with_note(demo, "1.1.3", "antwoord dat niet verloren mag gaan")
    with open_session(path, framework) as opened:
        fault.armed, fault.fsyncs = True, 0
        with pytest.raises(SaveError) as caught:
            opened.save(ours)
        fault.armed = False
        error = caught.value
        assert error.errno == code
        assert "\n" not in str(error) and str(error).startswith(f"{path}: ")
        assert temporaries(tmp_path) == []
        if operation == "fsync-folder":
            # The rename happened; only its durability is unconfirmed. The file holds the new
            # state (never a mix), the user is told, and saving again completes it.
            assert error.replaced
            assert path.read_bytes() == dump_session(ours, framework)
            assert "saved, but the disk did not confirm it" in str(error)
        else:
            assert not error.replaced
            assert path.read_bytes() == demo_bytes()
            assert SAFE_WORDS in str(error) and "nothing was overwritten" in str(error)
        fault.fsyncs = 0
        opened.save(ours)  # the fault has cleared: the same answers save now
        if operation == "fsync-folder":
            assert fault.fsyncs == 2  # written and synced again, not skipped as unchanged
    assert load_session(path, framework) == ours
    assert temporaries(tmp_path) == []


def test_messages_name_the_cause_and_what_to_do(framework, demo, tmp_path, monkeypatch):
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    fault = Fault(monkeypatch, "write", errno.ENOSPC)
    with open_session(path, framework) as opened:
        fault.armed = True
        with pytest.raises(SaveError) as caught:
            opened.save(with_note(demo, "1.1.3", "x"))
    assert str(caught.value) == (
        f"{path}: not saved: the disk is full; nothing was overwritten and your answers are "
        "still open here. Free some space and save again, or save a copy elsewhere."
    )
    assert caught.value.problem == "the disk is full"
    assert caught.value.hint.startswith("Free some space")


def run_in_child(work) -> dict:
    """Run ``work()`` in a forked child and return the dict it returns (as JSON)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            os.close(read_end)
            result = work()
            os.write(write_end, json.dumps(result).encode())
            status = 0
        except BaseException as exc:
            os.write(write_end, json.dumps({"child error": repr(exc)}).encode())
        finally:
            os._exit(status)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    return json.loads(b"".join(chunks) or b"{}")


def test_a_read_only_folder(framework, demo):
    """A real read-only folder: as root the child drops to 'nobody' first (root ignores
    permissions); otherwise it runs as the current user.

    'nobody' may not be able to read the checkout (a clone in a 0700 folder such as /root or
    a ``mktemp -d``), so before dropping privileges the child does the same open and saves on
    a scratch copy: everything a save imports on first use is imported by then, and the child
    needs nothing more from the checkout."""
    folder = Path(tempfile.mkdtemp(prefix="trustone-ro-"))
    path = folder / "demo.toml"
    original = demo_bytes()  # read here: the child may not be able to read the checkout
    path.write_bytes(original)
    ours = with_note(demo, "1.1.3", "alleen-lezen")
    try:
        if os.geteuid() == 0:
            os.chown(folder, 65534, 65534)
            os.chown(path, 65534, 65534)

        def work() -> dict:
            if os.geteuid() == 0:
                import_what_a_save_needs(framework, ours, original)
                os.setgid(65534)
                os.setuid(65534)
            opened = open_session(path, framework)
            folder.chmod(0o500)
            try:
                opened.save(ours)
                first = "saved"
            except SaveError as exc:
                first = {"errno": exc.errno, "message": str(exc)}
            intact = path.read_bytes() == original
            leftovers = temporaries(folder)
            folder.chmod(0o700)
            opened.save(ours)  # after the fault clears
            return {"first": first, "intact": intact, "leftovers": leftovers}

        result = run_in_child(work)
        assert result["first"]["errno"] == errno.EACCES, result
        assert "permission denied" in result["first"]["message"]
        assert SAFE_WORDS in result["first"]["message"]
        assert result["intact"] and result["leftovers"] == []
        assert load_session(path, framework) == ours
    finally:
        shutil.rmtree(folder)


def import_what_a_save_needs(framework, session, original: bytes) -> None:
    """Open, save and fail to save a scratch copy, so that every module those import on first
    use is loaded before the checkout may become unreadable."""
    scratch = Path(tempfile.mkdtemp(prefix="trustone-warm-"))
    try:
        path = scratch / "warm.toml"
        path.write_bytes(original)
        with open_session(path, framework) as opened:
            opened.save(session)
            path.write_bytes(original)  # changed behind its back: the conflict path
            with contextlib.suppress(SaveError):
                opened.save(with_note(session, "1.1.3", "nog eens"))
    finally:
        shutil.rmtree(scratch)


def test_a_real_file_size_limit_efbig(framework, demo, tmp_path):
    """The kernel refuses the write of the temporary file (EFBIG) under RLIMIT_FSIZE."""
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    ours = with_note(demo, "1.1.3", "lang " * 2000)  # ~10 KB more than the limit allows

    def work() -> dict:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        opened = open_session(path, framework)
        resource.setrlimit(resource.RLIMIT_FSIZE, (len(demo_bytes()) + 100, hard))
        try:
            opened.save(ours)
            first = "saved"
        except SaveError as exc:
            first = {"errno": exc.errno, "message": str(exc)}
        intact = path.read_bytes() == demo_bytes()
        leftovers = temporaries(tmp_path)
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        opened.save(ours)
        return {"first": first, "intact": intact, "leftovers": leftovers}

    result = run_in_child(work)
    assert result["first"]["errno"] == errno.EFBIG, result
    assert result["intact"] and result["leftovers"] == []
    assert load_session(path, framework) == ours


def test_create_in_a_full_disk_leaves_nothing(framework, demo, data_dir, monkeypatch):
    from trustone_tui.store.sessions import create_session

    data_dir.mkdir(mode=0o700)
    fault = Fault(monkeypatch, "write", errno.ENOSPC)
    fault.armed = True
    with pytest.raises(SaveError, match="the disk is full"):
        create_session(demo, framework)
    assert list(data_dir.iterdir()) == []
    fault.armed = False
    with create_session(demo, framework) as created:
        assert created.real_path.read_bytes() == demo_bytes()
