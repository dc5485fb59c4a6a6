"""The progress is in the title bar at every size, and in the start screen's recent list."""

from __future__ import annotations

import pytest
from tests.tui.helpers import make_app
from textual.widgets import OptionList, Static

from trustone_tui.demo import demo_bytes
from trustone_tui.engine.progress import progress
from trustone_tui.engine.scoring import assess
from trustone_tui.text.words import progress_text


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
async def test_the_title_bar_shows_the_progress_and_keeps_the_save_state(framework, size):
    app = make_app(framework, demo=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        shown = app.screen.query_one("#progress", Static)
        expected = progress_text(progress(app.assessment))
        assert str(shown.render()) == expected
        assert shown.region.width >= len(expected) and shown.region.right <= size[0]
        app.screen.go_to("3.3.7")
        await pilot.press("j")
        await pilot.pause()
        assert str(shown.render()) == progress_text(progress(app.assessment)) != expected
        title = str(app.screen.query_one("HeaderTitle", Static).render())
        assert title.endswith("demo, niet bewaard"), title  # a long name is shortened instead
        assert app.screen.query_one("HeaderIcon").tooltip == "Opdrachten (Ctrl+P)"


async def test_recent_sessions_show_their_progress(framework, data_dir, demo_session):
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "van-dijk.toml").write_bytes(demo_bytes())
    app = make_app(framework)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        row = str(app.screen.query_one("#recent", OptionList).get_option_at_index(0).prompt)
        assert progress_text(progress(assess(framework, demo_session))) in row
