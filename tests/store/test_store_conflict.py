"""A file changed, deleted or replaced behind the app's back is never overwritten."""

from __future__ import annotations

import os

import pytest
from storekit import with_note

from trustone_tui.answerfile.write import dump_session
from trustone_tui.demo import demo_bytes
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.sessions import ConflictError, SaveError, open_session


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    return path


def same_size_same_mtime_edit(path):
    """Change one letter in place, then put size and modification time back as they were."""
    before = path.stat()
    data = path.read_bytes()
    edited = data.replace(b'answer = "ja"', b'answer = "nee"', 1).replace(b"Zn.", b"Zn", 1)
    assert len(edited) == len(data) and edited != data
    with path.open("r+b") as fh:  # same inode, like an editor that writes in place
        fh.write(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    return edited


def test_a_change_with_the_same_size_and_mtime_is_detected_and_both_versions_survive(
    framework, demo, path
):
    with open_session(path, framework) as opened:
        theirs = same_size_same_mtime_edit(path)
        ours = with_note(demo, "1.1.3", "onze aantekening")
        with pytest.raises(ConflictError) as caught:
            opened.save(ours)
        error = caught.value
        assert error.kind == "changed"
        assert str(error) == (
            f"{path}: not saved: the file was changed by someone else since it was opened; "
            "nothing was overwritten and your answers are still open here. Save a copy, or "
            "reload the file (your unsaved answers would be replaced)."
        )
        assert path.read_bytes() == theirs  # their version is untouched
        copy = opened.save_copy(ours, opened.suggest_copy_path())  # ours is still saveable
        assert load_session(copy.real_path, framework) == ours
        copy.close()
        with pytest.raises(ConflictError):  # and stays refused until the user chooses
            opened.save(ours)
        assert path.read_bytes() == theirs


def test_conflict_is_a_save_error_so_one_except_clause_catches_every_failed_save(
    framework, demo, path
):
    with open_session(path, framework) as opened:
        path.write_bytes(dump_session(with_note(demo, "1.1.4", "collega"), framework))
        with pytest.raises(SaveError):
            opened.save(demo)


def test_reload_after_a_conflict_adopts_their_version(framework, demo, path):
    with open_session(path, framework) as opened:
        theirs = with_note(demo, "1.1.4", "door collega ingevuld")
        path.write_bytes(dump_session(theirs, framework))
        with pytest.raises(ConflictError):
            opened.save(with_note(demo, "1.1.3", "van ons"))
        assert opened.reload() == theirs
        merged = with_note(theirs, "1.1.3", "van ons")
        opened.save(merged)
    assert load_session(path, framework) == merged


def test_a_deleted_file_is_not_silently_recreated(framework, demo, path):
    with open_session(path, framework) as opened:
        path.unlink()
        with pytest.raises(ConflictError) as caught:
            opened.save(with_note(demo, "1.1.3", "x"))
        assert caught.value.kind == "deleted"
        assert "deleted or moved" in str(caught.value)
        assert not path.exists()


def test_a_file_replaced_by_a_link_is_not_written_through(framework, demo, path, tmp_path):
    elsewhere = tmp_path / "elders.toml"
    elsewhere.write_bytes(demo_bytes())
    with open_session(path, framework) as opened:
        path.unlink()
        path.symlink_to(elsewhere)
        with pytest.raises(ConflictError) as caught:
            opened.save(with_note(demo, "1.1.3", "x"))
        assert caught.value.kind == "replaced"
    assert path.is_symlink() and elsewhere.read_bytes() == demo_bytes()


def test_an_identical_rewrite_by_someone_else_is_not_a_conflict(framework, demo, path):
    with open_session(path, framework) as opened:
        path.write_bytes(demo_bytes())  # e.g. a sync tool touching the file
        ours = with_note(demo, "1.1.3", "x")
        opened.save(ours)
    assert load_session(path, framework) == ours


def test_a_change_while_the_new_file_is_being_written_is_caught_before_the_rename(
    framework, demo, path, monkeypatch
):
    """The fingerprint is checked again after the temporary file is synced, just before the
    rename, so a write by someone else during our write-and-fsync is not overwritten."""
    from trustone_tui.store import atomic

    theirs = dump_session(with_note(demo, "1.1.4", "tussendoor geschreven"), framework)
    real_write_temp = atomic._write_temp

    def write_temp_meanwhile_they_save(target, data, mode):
        temp = real_write_temp(target, data, mode)
        path.write_bytes(theirs)
        return temp

    monkeypatch.setattr(atomic, "_write_temp", write_temp_meanwhile_they_save)
    with open_session(path, framework) as opened, pytest.raises(ConflictError):
        opened.save(with_note(demo, "1.1.3", "van ons"))
    assert path.read_bytes() == theirs
    assert [p.name for p in path.parent.iterdir()] == ["demo.toml"]
