"""The session store: where files live, how they are named, opened, saved, copied and listed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import stat
import threading
import time
from pathlib import Path

import pytest
from storekit import growing_session, temporaries, with_note

from trustone_tui.answerfile.read import AnswerFileError, parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.session import Company, QuestionAnswer, Session
from trustone_tui.store import atomic
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.sessions import (
    ConflictError,
    InvalidSessionError,
    TargetExistsError,
    create_session,
    data_directory,
    open_session,
    recent_sessions,
    save_as,
    session_file_stem,
)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_directory_is_created_private_under_the_env_override(data_dir):
    assert not data_dir.exists()
    assert data_directory() == data_dir
    assert mode_of(data_dir) == 0o700


def test_data_directory_is_tightened_when_group_or_world_can_enter(data_dir):
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    data_directory()
    assert mode_of(data_dir) == 0o700


def test_data_directory_defaults_to_the_platform_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("TRUSTONE_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    directory = data_directory()
    assert directory.name == "trustone-tui"
    assert tmp_path in directory.parents


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("Natuursteen Van Dijk & Zn. B.V.", "natuursteen-van-dijk-zn-bv-2026"),
        ("Pierre Bleue Façade", "pierre-bleue-facade-2026"),
        ("'t Steenhuys", "t-steenhuys-2026"),
        ("../../etc/passwd", "etc-passwd-2026"),
        ("🪨🪨", "sessie-2026"),
        ("A" * 80, "a" * 50 + "-2026"),
        ("Graniet " * 10, "graniet-graniet-graniet-graniet-graniet-graniet-2026"),
    ],
)
def test_file_names_are_safe_and_readable(demo, name, stem):
    session = dataclasses.replace(demo, company=dataclasses.replace(demo.company, name=name))
    assert session_file_stem(session) == stem


def test_create_writes_canonical_private_file_in_the_data_directory(framework, demo, data_dir):
    with create_session(demo, framework) as opened:
        assert opened.real_path == data_dir / "natuursteen-van-dijk-zn-bv-2026.toml"
        assert opened.real_path.read_bytes() == demo_bytes() == dump_session(demo, framework)
        assert mode_of(opened.real_path) == 0o600
        assert opened.locked and opened.lock_warning is None and opened.notices == []


def test_create_never_overwrites_an_existing_name(framework, demo, data_dir):
    first = create_session(demo, framework)
    other = demo.with_answer("1.1.4", QuestionAnswer(answer="nee"))
    second = create_session(other, framework)
    third = create_session(other, framework)
    assert [p.real_path.name for p in (first, second, third)] == [
        "natuursteen-van-dijk-zn-bv-2026.toml",
        "natuursteen-van-dijk-zn-bv-2026-2.toml",
        "natuursteen-van-dijk-zn-bv-2026-3.toml",
    ]
    assert first.real_path.read_bytes() == demo_bytes()
    for opened in (first, second, third):
        opened.close()


def test_load_then_save_unchanged_gives_identical_bytes_and_leaves_the_file_alone(
    framework, tmp_path
):
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    before = path.stat()
    with open_session(path, framework) as opened:
        opened.save(opened.session)
    after = path.stat()
    assert path.read_bytes() == demo_bytes()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_save_writes_the_change_atomically_and_keeps_permissions(framework, demo, tmp_path):
    path = tmp_path / "elders.toml"
    path.write_bytes(demo_bytes())
    path.chmod(0o640)
    with open_session(path, framework) as opened:
        changed = with_note(demo, "1.1.3", 'Aanhalingstekens " en \\ en\r\nCRLF')
        opened.save(changed)
        assert opened.session == changed
    assert load_session(path, framework) == changed
    assert mode_of(path) == 0o640
    assert temporaries(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elders.toml"]


def test_a_session_the_file_format_does_not_allow_is_refused_and_nothing_written(
    framework, demo, tmp_path
):
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    bad = demo.with_answer("1.1.2", QuestionAnswer(answer="nvt"))  # 1.1.2 has no n.v.t.
    with open_session(path, framework) as opened:
        with pytest.raises(InvalidSessionError) as caught:
            opened.save(bad)
        assert "n.v.t. is not allowed for 1.1.2" in str(caught.value)
        assert "\n" not in str(caught.value)
        opened.save(demo.with_answer("1.1.4", QuestionAnswer(answer="ja")))  # still usable
    assert load_session(path, framework).answer("1.1.4").answer == "ja"


def test_not_a_number_is_refused_before_writing(framework, demo, tmp_path):
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    bad = demo.with_answer("2.1.1a", QuestionAnswer(percentage=float("nan")))
    with open_session(path, framework) as opened, pytest.raises(InvalidSessionError):
        opened.save(bad)
    assert path.read_bytes() == demo_bytes()


def test_saving_after_close_is_a_programming_error(framework, demo):
    opened = create_session(demo, framework)
    opened.close()
    opened.close()  # idempotent
    with pytest.raises(ValueError, match="closed"):
        opened.save(demo)


def test_reload_reads_what_is_on_disk_now(framework, demo, tmp_path):
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    with open_session(path, framework) as opened:
        theirs = demo.with_answer("1.1.4", QuestionAnswer(answer="nee", note="van collega"))
        path.write_bytes(dump_session(theirs, framework))
        with pytest.raises(ConflictError):
            opened.save(demo)  # changed on disk since it was opened: refused
        assert opened.reload() == theirs
        ours = theirs.with_answer("1.1.3", QuestionAnswer(answer="nee"))
        opened.save(ours)
    assert load_session(path, framework) == ours


def test_reload_of_a_broken_file_changes_nothing(framework, demo, tmp_path):
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    with open_session(path, framework) as opened:
        fingerprint = opened.fingerprint
        path.write_text("schema_version = 2\n[company\n")
        with pytest.raises(AnswerFileError, match=r"demo.toml:2:\d+: invalid TOML"):
            opened.reload()
        assert opened.session == demo and opened.fingerprint == fingerprint


def test_save_as_writes_a_new_file_and_refuses_to_overwrite(framework, demo, tmp_path):
    target = tmp_path / "kopie.toml"
    with save_as(demo, framework, target) as copy:
        assert copy.path == target and copy.locked
        assert target.read_bytes() == demo_bytes()
        assert mode_of(target) == 0o600
    other = demo.with_answer("1.1.4", QuestionAnswer(answer="nee"))
    with pytest.raises(TargetExistsError) as caught:
        save_as(other, framework, target)
    assert target.read_bytes() == demo_bytes()
    assert "already exists" in str(caught.value)
    with save_as(other, framework, target, overwrite=True):
        pass
    assert load_session(target, framework) == other


def test_save_copy_keeps_the_original_open(framework, demo, tmp_path):
    path = tmp_path / "a.toml"
    path.write_bytes(demo_bytes())
    with open_session(path, framework) as opened:
        copy_path = opened.suggest_copy_path()
        assert copy_path == tmp_path / "a-kopie.toml"
        changed = demo.with_answer("1.1.4", QuestionAnswer(answer="nee"))
        with opened.save_copy(changed, copy_path) as copy:
            assert load_session(copy.real_path, framework) == changed
            assert opened.suggest_copy_path() == tmp_path / "a-kopie-2.toml"
        assert path.read_bytes() == demo_bytes()
        opened.save(changed)
    assert load_session(path, framework) == changed


def test_concurrent_saves_are_serialised_and_the_newest_wins(framework, tmp_path, monkeypatch):
    """While one save is writing, two more are requested: the last one requested is written
    next and the one in between is skipped (it was superseded)."""
    path = tmp_path / "threads.toml"
    opened = save_as(growing_session(framework, 0), framework, path)
    real_write = atomic.write_replace
    writing = threading.Event()
    release = threading.Event()
    written = []

    def slow_first_write(target, data, mode=0o600, **kwargs):
        written.append(data)
        if len(written) == 1:
            writing.set()
            release.wait(5)
        real_write(target, data, mode, **kwargs)

    monkeypatch.setattr(atomic, "write_replace", slow_first_write)

    def requested(count: int) -> None:  # white-box: wait until save() has queued its session
        while opened._requested < count:
            time.sleep(0.001)

    sessions = [growing_session(framework, k) for k in (1, 2, 3)]
    first = threading.Thread(target=opened.save, args=(sessions[0],))
    first.start()
    assert writing.wait(5)
    second = threading.Thread(target=opened.save, args=(sessions[1],))
    second.start()
    requested(2)
    third = threading.Thread(target=opened.save, args=(sessions[2],))
    third.start()
    requested(3)
    release.set()
    for thread in (first, second, third):
        thread.join(5)
    assert [load_session_bytes(d, framework) for d in written] == [sessions[0], sessions[2]]
    assert load_session(path, framework) == sessions[2] == opened.session
    opened.close()


def load_session_bytes(data: bytes, framework):
    return parse_session(data, "written", framework)


def test_saves_from_many_threads_never_error_or_leave_temporaries(framework, tmp_path):
    path = tmp_path / "threads.toml"
    with save_as(growing_session(framework, 0), framework, path) as opened:
        barrier = threading.Barrier(6)
        errors = []

        def worker(n: int) -> None:
            barrier.wait()
            for k in range(n * 10 + 1, n * 10 + 11):
                try:
                    opened.save(growing_session(framework, k))
                except Exception as exc:  # collected and asserted below
                    errors.append(exc)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert load_session(path, framework) == opened.session
        assert opened.session in [growing_session(framework, k) for k in range(1, 61)]
    assert temporaries(tmp_path) == []


def test_recent_sessions_lists_newest_first_with_level_and_errors(framework, demo, data_dir):
    older = create_session(demo, framework)
    os.utime(older.real_path, (1_700_000_000, 1_700_000_000))
    small_b = Session(
        company=Company("Marmer Klein", False, employees=5, revenue_eur=1_000_000),
        updated=dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC),
    )
    newer = create_session(small_b, framework)
    broken = data_dir / "kapot.toml"
    broken.write_text("schema_version = 2\ncompany = 3\n")
    os.utime(broken, (1_600_000_000, 1_600_000_000))
    (data_dir / ".verborgen.toml").write_bytes(demo_bytes())
    (data_dir / ".x.toml.abcd1234.tmp").write_bytes(demo_bytes())
    (data_dir / "x.toml.v0.bak").write_bytes(demo_bytes())
    (data_dir / "naar-niets.toml").symlink_to(data_dir / "bestaat-niet.toml")
    os.utime(data_dir / "naar-niets.toml", (1_500_000_000, 1_500_000_000), follow_symlinks=False)
    listed = recent_sessions(framework)
    assert [r.path.name for r in listed] == [
        newer.real_path.name,
        older.real_path.name,
        "kapot.toml",
        "naar-niets.toml",
    ]
    first, second, third, fourth = listed
    assert (first.company, first.category, first.level) == ("Marmer Klein", "B", None)
    assert first.updated == dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)
    assert (second.company, second.category, second.level, second.ok) == (
        "Natuursteen Van Dijk & Zn. B.V.",
        "C",
        "C2",
        True,
    )
    assert not third.ok and third.company is None
    assert third.problems == (f"{broken}: company: must be a table",)
    assert not fourth.ok and "symbolic link to a missing file" in fourth.problems[0]
    older.close()
    newer.close()


def test_recent_sessions_of_a_missing_folder_is_empty(framework, tmp_path):
    assert recent_sessions(framework, tmp_path / "nergens") == []


def test_a_hand_edited_file_is_flagged_before_its_comments_are_rewritten_away(
    framework, demo, tmp_path
):
    path = tmp_path / "met-de-hand.toml"
    path.write_bytes(demo_bytes().replace(b"[company]\n", b"# zie bijlage\n[company]\n"))
    with open_session(path, framework) as opened:
        assert not opened.standard_layout
        assert opened.notices == [
            f"{path}: not in trustone's standard layout (edited by hand or by another "
            "program); the first save rewrites it: all answers are kept, comments and "
            "formatting are not"
        ]
        opened.save(opened.session)
    assert path.read_bytes() == demo_bytes()
    with open_session(path, framework) as again:
        assert again.standard_layout and again.notices == []


def test_leftovers_of_an_interrupted_save_are_removed_when_the_file_is_opened(framework, tmp_path):
    path = tmp_path / "demo.toml"
    path.write_bytes(demo_bytes())
    leftover = tmp_path / ".demo.toml.a1b2c3d4.tmp"
    leftover.write_bytes(demo_bytes()[:100])  # half a file, as a kill mid-write leaves it
    unrelated = tmp_path / ".ander.toml.a1b2c3d4.tmp"  # belongs to another file: kept
    unrelated.write_bytes(b"x")
    with open_session(path, framework) as opened:
        assert opened.removed_leftovers == (leftover,)
        assert opened.notices == [
            f"{path}: removed 1 temporary file(s) left by an interrupted save (the session "
            "itself was not affected)"
        ]
    assert not leftover.exists() and unrelated.exists()
    assert path.read_bytes() == demo_bytes()
