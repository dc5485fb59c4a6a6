"""The app and its files: creating, conflicts, failed saves, locks, broken files, exports."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest
from tests.tui.helpers import SIZE, make_app
from textual.widgets import Input

from trustone_tui.demo import demo_previous_bytes
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.sessions import open_session
from trustone_tui.tui.app import SLOW_SAVE_SECONDS
from trustone_tui.tui.screens.dialogs import ChoiceDialog, MessageDialog, PathDialog
from trustone_tui.tui.screens.export import ExportDialog
from trustone_tui.tui.screens.interview import InterviewScreen
from trustone_tui.tui.screens.profile import ProfileScreen
from trustone_tui.tui.screens.start import StartScreen


async def answer_and_save(app, pilot, question_id: str, key: str, *, until: str) -> None:
    """Answer a question with ``key`` and wait until the title bar's save state is ``until``.

    The app starts the save after the next refresh and reports it from a worker thread, so on
    a busy machine one pause is not enough: wait (at most 5 s) for the state the save ends in.
    """
    app.screen.go_to(question_id)
    await pilot.press(key)
    for _ in range(100):
        await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        if app.sub_title.endswith(f" · {until}"):
            break
    await pilot.pause()


async def test_new_session_from_the_start_screen(framework, data_dir):
    app = make_app(framework)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press(*"Marmer & Zo B.V.")
        await pilot.press("tab", "space")  # imports from risk countries: yes (category C)
        await pilot.press("tab", *"12", "tab", *"1800000")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.assessment.profile.label == "klein bedrijf, categorie C"
        await pilot.press("j")
        await pilot.pause()
        await app.workers.wait_for_complete()
    files = sorted(data_dir.glob("*.toml"))
    assert [f.name for f in files] == [f"marmer-zo-bv-{files[0].stem[-4:]}.toml"]
    saved = load_session(files[0], framework)
    assert saved.company.name == "Marmer & Zo B.V."
    assert (saved.company.employees, saved.company.revenue_eur) == (12, 1_800_000)
    assert len(saved.answers) == 1


async def test_a_change_behind_the_apps_back_is_never_overwritten(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        theirs = demo_file.read_bytes().replace(b"employees = 38", b"employees = 39")
        demo_file.write_bytes(theirs)
        await answer_and_save(app, pilot, "3.3.7", "j", until="NIET opgeslagen (conflict)")
        assert isinstance(app.screen, ChoiceDialog)
        assert demo_file.read_bytes() == theirs  # refused: both versions survive
        assert app.session.answer("3.3.7").answer == "ja"  # ours is still in memory
        assert "conflict" in app.sub_title
        await pilot.click("#choice-copy")
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        copy = demo_file.with_name("onze-versie.toml")
        app.screen.query_one("#path", Input).value = str(copy)
        await pilot.press("enter")
        await pilot.pause()
    assert demo_file.read_bytes() == theirs
    assert load_session(copy, framework).answer("3.3.7").answer == "ja"


async def test_a_failed_save_keeps_the_answers_and_a_later_save_succeeds(
    framework, demo_file, monkeypatch
):
    app = make_app(framework, open_path=demo_file)
    original = demo_file.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        real_fsync = os.fsync

        def disk_full(fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fsync", disk_full)
        await answer_and_save(app, pilot, "3.3.7", "j", until="NIET opgeslagen")
        assert "NIET opgeslagen" in app.sub_title
        assert any("Opslaan mislukt" in (n.title or "") for n in app._notifications)
        assert demo_file.read_bytes() == original
        assert not [p for p in demo_file.parent.iterdir() if p.name.endswith(".tmp")]
        monkeypatch.setattr(os, "fsync", real_fsync)
        await answer_and_save(app, pilot, "4.2.3", "g", until="opgeslagen")
        assert "opgeslagen" in app.sub_title and "NIET" not in app.sub_title
    saved = load_session(demo_file, framework)
    assert saved.answer("3.3.7").answer == "ja"
    assert saved.answer("4.2.3").answer == "gedeeltelijk"


async def test_quitting_after_a_failed_save_asks_first(framework, demo_file, monkeypatch):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        def io_error(fd: int) -> None:
            raise OSError(errno.EIO, os.strerror(errno.EIO))

        monkeypatch.setattr(os, "fsync", io_error)
        await answer_and_save(app, pilot, "3.3.7", "j", until="NIET opgeslagen")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert app.is_running


async def test_second_instance_is_warned_about_the_lock(framework, demo_file):
    holder = open_session(demo_file, framework)
    try:
        assert holder.locked
        app = make_app(framework, open_path=demo_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, InterviewScreen)
            messages = " ".join(str(n.message) for n in app._notifications)
            assert "locked" in messages.lower() or "open" in messages.lower()
    finally:
        holder.close()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"schema_version = 2\n[company\n", "invalid TOML"),
        (b"schema_version = 9\n", "newer"),
    ],
)
async def test_a_broken_file_shows_its_problems_and_is_not_touched(
    framework, tmp_path: Path, content: bytes, expected: str
):
    path = tmp_path / "kapot.toml"
    path.write_bytes(content)
    app = make_app(framework, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)
        assert any(expected in line for line in app.screen.lines)
        assert all(str(path) in line for line in app.screen.lines)
        await pilot.press("escape")
        await pilot.pause()
    assert path.read_bytes() == content


async def test_export_writes_the_report_beside_the_session(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        target = demo_file.with_name("rapport.html")
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") or html.lstrip().lower().startswith("<!doctype")
    assert "Natuursteen Van Dijk &amp; Zn. B.V." in html
    assert "121" in html and "248" in html


async def test_last_years_answers_show_beside_the_question(framework, demo_file):
    previous = demo_file.with_name("van-dijk-2025.toml")
    previous.write_bytes(demo_previous_bytes())
    text = demo_file.read_text(encoding="utf-8").replace(
        "date = 2026-11-12", 'date = 2026-11-12\nprevious_file = "van-dijk-2025.toml"'
    )
    demo_file.write_text(text, encoding="utf-8")
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.screen.go_to("1.1.2")
        await pilot.pause()
        shown = str(app.screen.query_one("#q-previous").content)
        assert shown.startswith("Vorig jaar: Nee, 0 van 6 punten")
        assert "alleen kinderarbeid en gedwongen arbeid" in shown


async def enter_path(app, pilot, path: Path, *, key: str | None = None) -> None:
    """Open the path dialog (with ``key``, when given), type ``path`` and confirm it."""
    if key is not None:
        await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, PathDialog)
    app.screen.query_one("#path", Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()


async def test_opening_a_broken_file_by_path_says_why(framework, tmp_path: Path):
    path = tmp_path / "kapot.toml"
    path.write_bytes(b"[company\n")
    app = make_app(framework)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await enter_path(app, pilot, path, key="o")
        assert isinstance(app.screen, MessageDialog)
        assert app.screen.title_text == f"{path} kan niet worden geopend"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_a_copy_never_overwrites_an_existing_file(framework, demo_file):
    existing = demo_file.with_name("bestaat-al.toml")
    existing.write_bytes(b"# van iemand anders\n")
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_save_copy()
        await enter_path(app, pilot, existing)
        assert isinstance(app.screen, MessageDialog)
        assert app.screen.title_text == "Kopie opslaan mislukt"
        assert app.session_file.path == demo_file  # still working in the opened file
    assert existing.read_bytes() == b"# van iemand anders\n"


async def test_attaching_last_year_by_path_shows_it_and_records_it(framework, demo_file):
    previous = demo_file.with_name("van-dijk-2025.toml")
    previous.write_bytes(demo_previous_bytes())
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.run_action("attach_previous")
        await enter_path(app, pilot, previous)
        assert isinstance(app.screen, InterviewScreen)
        assert app.session.interview.previous_file == "van-dijk-2025.toml"  # beside the session
        app.screen.go_to("1.1.2")
        await pilot.pause()
        assert str(app.screen.query_one("#q-previous").content).startswith("Vorig jaar: Nee")
        await app.workers.wait_for_complete()
    assert load_session(demo_file, framework).interview.previous_file == "van-dijk-2025.toml"


async def test_a_path_dialog_cancelled_changes_nothing(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = app.session
        for action in (app.action_open_path, app.action_save_copy, app.action_attach_previous):
            action()
            await pilot.pause()
            assert isinstance(app.screen, PathDialog)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, InterviewScreen)
        assert app.session is before
        assert app.session_file.path == demo_file


async def test_the_start_screens_list_runs_the_chosen_action(framework):
    app = make_app(framework)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # the second choice: the demo
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert app.session_file is None and app.session.company.name.startswith("Natuursteen")


async def test_a_save_that_ends_just_before_the_slow_save_notice_still_says_saved(
    framework, demo_file, monkeypatch
):
    """The save thread may be held up (a busy machine) right after it reported its save:
    the "opslaan…" notice due then must not replace "opgeslagen" for good."""
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        report = app.call_from_thread

        def held_up_after(callback, *args, **kwargs):
            result = report(callback, *args, **kwargs)
            time.sleep(SLOW_SAVE_SECONDS + 0.2)  # the notice's timer fires meanwhile
            return result

        monkeypatch.setattr(app, "call_from_thread", held_up_after)
        app.screen.go_to("3.3.7")
        await pilot.press("j")
        await pilot.pause()
        await pilot.pause()  # the save starts after the paint
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        assert app.sub_title.endswith(" · opgeslagen"), app.sub_title
