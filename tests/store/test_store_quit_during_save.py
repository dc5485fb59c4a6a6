"""Quitting while the last change is still being written: its outcome is waited for.

If another instance changed the file, that save is refused as a conflict; quitting at that
moment must not end the app as if the change were saved, but say that it is not.
"""

from __future__ import annotations

import time

from storekit import with_note

from trustone_tui.demo import demo_bytes
from trustone_tui.store.sessions import SessionFile, open_session
from trustone_tui.tui.app import TrustoneApp
from trustone_tui.tui.screens.dialogs import ChoiceDialog


async def test_quitting_during_a_save_that_conflicts_says_it_is_not_saved(
    framework, tmp_path, monkeypatch
):
    path = tmp_path / "samen.toml"
    path.write_bytes(demo_bytes())
    real_save = SessionFile.save

    def slow_save(self: SessionFile, session) -> None:
        time.sleep(0.3)  # a slow disk: the save is still being written when the user quits
        real_save(self, session)

    app = TrustoneApp(framework, open_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        with open_session(path, framework, lock=False) as other:  # another instance saves
            other.save(with_note(other.session, "1.1.3", "van de ander"))
        monkeypatch.setattr(SessionFile, "save", slow_save)
        app.screen.go_to("3.3.7")
        await pilot.press("j")
        await pilot.press("ctrl+q")
        await pilot.pause(0.8)
        assert app.is_running
        assert isinstance(app.screen, ChoiceDialog)
        assert "NIET opgeslagen" in app.sub_title
