"""What the app says about its files is Dutch: the second window, conflicts, failed saves."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from tests.tui.helpers import SIZE, make_app
from tests.tui.test_files import answer_and_save
from textual.widgets import Input, OptionList

from trustone_tui.store.sessions import open_session
from trustone_tui.tui.screens.dialogs import ChoiceDialog, MessageDialog, PathDialog
from trustone_tui.tui.screens.interview import InterviewScreen

ENGLISH = ("not saved", "already open", "nothing was overwritten", "Save a copy", "the file")


def messages(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def test_the_second_window_warning_is_dutch(framework, demo_file):
    holder = open_session(demo_file, framework)
    try:
        app = make_app(framework, open_path=demo_file)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, InterviewScreen)
            text = messages(app)
            assert "deze sessie is al open in een ander trustone-venster (proces " in text
            assert not any(words in text for words in ENGLISH)
    finally:
        holder.close()


async def test_the_conflict_dialog_explains_in_dutch(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        demo_file.write_bytes(demo_file.read_bytes().replace(b"employees = 38", b"employees = 39"))
        await answer_and_save(app, pilot, "3.3.7", "j", until="NIET opgeslagen (conflict)")
        assert isinstance(app.screen, ChoiceDialog)
        body = "\n".join(app.screen.lines)
        assert (
            "niet opgeslagen: het bestand is door iemand anders gewijzigd sinds het werd geopend"
            in body
        )
        assert not any(words in body for words in ENGLISH)


async def test_a_full_disk_is_reported_in_dutch(framework, demo_file, monkeypatch):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        def disk_full(fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fsync", disk_full)
        await answer_and_save(app, pilot, "3.3.7", "j", until="NIET opgeslagen")
        text = messages(app)
        assert "niet opgeslagen: de schijf is vol; er is niets overschreven" in text
        assert not any(words in text for words in ENGLISH)


async def test_a_copy_that_cannot_be_written_says_why_in_dutch(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_save_copy()
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        app.screen.query_one("#path", Input).value = str(demo_file.parent)  # a folder
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)
        body = "\n".join(app.screen.lines)
        assert "niet opgeslagen: het is geen gewoon bestand" in body
        assert "Kies een andere naam." in body


async def test_a_broken_recent_session_is_introduced_in_dutch(framework, data_dir: Path):
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "kapot.toml").write_bytes(b"schema_version = 1\n[company\n")
    app = make_app(framework)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        recent = app.screen.query_one("#recent", OptionList)
        shown = str(recent.get_option_at_index(0).prompt)
        assert "kapot.toml" in shown and "kan niet worden gelezen: " in shown
