"""Symbolic link policy: saves go to the real file, in its own folder; nothing else is written."""

from __future__ import annotations

import os

import pytest
from storekit import temporaries, with_note

from trustone_tui.answerfile.read import AnswerFileError
from trustone_tui.demo import demo_bytes
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.sessions import SaveError, open_session, save_as


def listing(folder):
    return sorted(p.name for p in folder.iterdir())


def test_save_through_a_link_replaces_the_real_file_and_keeps_the_link(framework, demo, tmp_path):
    real_folder = tmp_path / "echt"
    link_folder = tmp_path / "links"
    real_folder.mkdir()
    link_folder.mkdir()
    real = real_folder / "demo.toml"
    real.write_bytes(demo_bytes())
    link = link_folder / "snelkoppeling.toml"
    link.symlink_to(os.path.relpath(real, link_folder))
    with open_session(link, framework) as opened:
        assert opened.path == link and opened.real_path == real
        changed = with_note(demo, "1.1.3", "via de link")
        opened.save(changed)
        assert listing(link_folder) == ["snelkoppeling.toml"]  # no lock or temp beside the link
    assert link.is_symlink() and link.resolve() == real
    assert load_session(real, framework) == changed
    assert listing(real_folder) == ["demo.toml"]
    assert temporaries(real_folder) == []


def test_a_chain_of_links_is_followed_to_the_real_file(framework, demo, tmp_path):
    real = tmp_path / "demo.toml"
    real.write_bytes(demo_bytes())
    (tmp_path / "b.toml").symlink_to(real)
    (tmp_path / "a.toml").symlink_to(tmp_path / "b.toml")
    with open_session(tmp_path / "a.toml", framework) as opened:
        opened.save(with_note(demo, "1.1.3", "x"))
        assert opened.real_path == real
    assert (tmp_path / "a.toml").is_symlink() and (tmp_path / "b.toml").is_symlink()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda t, link: link.symlink_to(t / "weg.toml"), "symbolic link to a missing file"),
        (lambda t, link: link.symlink_to(t), "is a directory"),
        (lambda t, link: (os.mkfifo(t / "pijp"), link.symlink_to(t / "pijp")), "not a regular"),
        (lambda t, link: link.symlink_to(link), "cannot follow the path"),
        (lambda t, link: link.symlink_to("/dev/null"), "not a regular file"),
    ],
    ids=["dangling", "directory", "fifo", "loop", "device"],
)
def test_links_to_anything_but_a_regular_file_are_refused(framework, tmp_path, make, message):
    link = tmp_path / "link.toml"
    make(tmp_path, link)
    with pytest.raises(AnswerFileError) as caught:
        open_session(link, framework)
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith(f"{link}: ")
    assert message in caught.value.problems[0]


def test_save_as_onto_a_link_writes_the_real_file_with_overwrite(framework, demo, tmp_path):
    real = tmp_path / "echt.toml"
    real.write_bytes(b"oud")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    with pytest.raises(SaveError, match="already exists"):
        save_as(demo, framework, link)
    with save_as(demo, framework, link, overwrite=True) as opened:
        assert opened.real_path == real
    assert link.is_symlink() and real.read_bytes() == demo_bytes()


def test_save_as_onto_a_dangling_link_is_refused(framework, demo, tmp_path):
    link = tmp_path / "link.toml"
    link.symlink_to(tmp_path / "nergens" / "x.toml")
    with pytest.raises(SaveError, match="symbolic link to a missing file"):
        save_as(demo, framework, link, overwrite=True)
    assert link.is_symlink() and not (tmp_path / "nergens").exists()


def test_temporary_files_are_never_opened_as_sessions(framework, tmp_path):
    leftover = tmp_path / ".demo.toml.k2j4h5g6.tmp"
    leftover.write_bytes(demo_bytes())
    with pytest.raises(AnswerFileError, match="temporary file of an interrupted save"):
        open_session(leftover, framework)
