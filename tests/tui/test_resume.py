"""Reopening a session goes to the last question worked on, kept in the file."""

from __future__ import annotations

import pytest
from tests.tui.helpers import SIZE, make_app

from trustone_tui.store.answerfiles import load_session

FIRST_OPEN = "3.3.7"  # where the demo opens without a last question


async def wait_until_saved(app, pilot) -> None:
    for _ in range(100):
        await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        if app.sub_title.endswith(" · opgeslagen") and app._pending is None:
            return


async def test_reopening_resumes_at_the_last_question_worked_on(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.current_id == FIRST_OPEN
        app.screen.go_to("4.1.1")
        await pilot.press("g")
        app.screen.go_to("1.2.13")  # only looked at: not worked on
        await wait_until_saved(app, pilot)
    assert load_session(demo_file, framework).interview.last_question == "4.1.1"

    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.current_id == "4.1.1"


@pytest.mark.parametrize("stale", ["9.9.9", "2.1.1", "1.1.5x"])
async def test_an_unknown_or_stale_last_question_falls_back(framework, demo_file, stale):
    text = demo_file.read_text(encoding="utf-8")
    demo_file.write_text(
        text.replace("date = 2026-11-12", f'date = 2026-11-12\nlast_question = "{stale}"'),
        encoding="utf-8",
    )
    assert load_session(demo_file, framework).interview.last_question == stale
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.current_id == FIRST_OPEN


async def test_a_question_that_no_longer_counts_falls_back(framework, demo_file):
    # 2.2.5 counts for category C only; as a category B company it is stale.
    text = demo_file.read_text(encoding="utf-8")
    text = text.replace("date = 2026-11-12", 'date = 2026-11-12\nlast_question = "2.2.5"')
    demo_file.write_text(
        text.replace("imports_from_risk_countries = true", "imports_from_risk_countries = false"),
        encoding="utf-8",
    )
    session = load_session(demo_file, framework)
    assert not session.company.imports_from_risk_countries
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.current_id != "2.2.5"
        assert app.assessment.results[app.screen.current_id].counted
