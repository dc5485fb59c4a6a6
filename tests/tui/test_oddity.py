"""Where the framework itself is odd, the question says so in one line (data in questions/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.tui.helpers import SIZE, make_app, text_of

from trustone_tui.framework.bank import FrameworkError, load_framework
from trustone_tui.framework.model import ODDITY_MAX_CHARS

BANK = Path(__file__).resolve().parents[2] / "questions"


async def test_2_1_2b_for_a_small_company_says_its_criteria_read_the_same(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("2.1.2b")
        await pilot.pause()
        assert "Let op:" not in text_of(app, "#q-variant")  # the demo is medium/large
        await pilot.press("b")
        await pilot.pause()
        app.screen.query_one("#employees").value = "12"
        app.screen.query_one("#revenue").value = "1000000"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.assessment.profile.size == "small"
        variant = text_of(app, "#q-variant")
        assert "Let op: Het kader geeft kleine bedrijven hier dezelfde tekst voor Gedeeltelijk" in (
            variant
        )


@pytest.mark.parametrize("question_id", ["1.1.1", "1.1.2", "1.1.3"])
async def test_the_questions_that_share_one_criterion_say_so(framework, question_id):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to(question_id)
        await pilot.pause()
        assert "Let op: Het kader geeft 1.1.1 t/m 1.1.3 samen één set criteria" in text_of(
            app, "#q-variant"
        )


def test_an_oddity_is_one_short_line(tmp_path):
    bank = tmp_path / "questions"
    bank.mkdir()
    for source in BANK.iterdir():
        (bank / source.name).write_bytes(source.read_bytes())
    step = bank / "step4.toml"
    text = step.read_text(encoding="utf-8")
    long = "x" * (ODDITY_MAX_CHARS + 1)
    step.write_text(text.replace("\nguidance = ", f'\noddity = "{long}"\nguidance = ', 1))
    with pytest.raises(FrameworkError) as caught:
        load_framework(bank)
    assert any("oddity" in line and "at most" in line for line in caught.value.problems)
