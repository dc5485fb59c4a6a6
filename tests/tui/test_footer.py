"""The interview's key bar: rebuilt when the keys it shows change, left alone otherwise."""

from __future__ import annotations

from tests.tui.conftest import SIZE, make_app
from textual.widget import Widget


def shown_keys(app) -> list[Widget]:
    return list(app.screen.query("FooterKey"))


async def test_the_footer_is_rebuilt_only_when_its_keys_change(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = shown_keys(app)
        assert [key.key for key in first][:4] == ["f1", "n", "g", "j"]

        app.screen.refresh_bindings()  # same keys: nothing to rebuild
        await pilot.pause()
        assert shown_keys(app) == first

        app.screen.query_one("#note").focus()  # typing a note: answer keys are text now
        await pilot.pause()
        assert [key.key for key in shown_keys(app)] == ["f1", "ctrl+p"]

        app.screen.query_one("#work").focus()
        await pilot.pause()
        again = shown_keys(app)
        assert [key.key for key in again] == [key.key for key in first]
        assert not set(map(id, again)) & set(map(id, first))  # rebuilt, not the old widgets
