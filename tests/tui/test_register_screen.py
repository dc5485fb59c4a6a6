"""The register screen (ketenoverzicht): reached by one key and from the palette, rows added,
edited and deleted by keyboard with inline checks, filters, figures, and the live score."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.register_helpers import make_flow
from tests.tui.helpers import SIZE, make_app, text_of
from textual.widgets import DataTable, Input

from trustone_tui.answerfile.write import dump_session
from trustone_tui.engine.register import Flow, Register
from trustone_tui.engine.session import QuestionAnswer
from trustone_tui.store.answerfiles import load_session
from trustone_tui.tui.screens.interview import InterviewScreen
from trustone_tui.tui.screens.register import FlowForm, RegisterScreen


def flow(quantity: float, **extra: object) -> Flow:
    overviews = {"fabriek_risico_overzicht": True, "groeve_risico_overzicht": True}
    return make_flow(quantity, **{**overviews, **extra})


#: 60 m2 all known in Portugal; 40 m2 whose quarry has no address, in China (the demo company
#: is category C, so 2.2.4 and 2.3.7 count).
REGISTER = Register(
    "m2",
    (flow(60), flow(40, groeve_adres="", groeve_land="CN", groeve_risico_overzicht=False)),
)


def session_file(tmp_path: Path, demo_session, framework, register=REGISTER) -> Path:
    path = tmp_path / "ketens.toml"
    path.write_bytes(dump_session(replace(demo_session, register=register), framework))
    return path


async def settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def open_register(app, pilot) -> RegisterScreen:
    await settle(app, pilot)
    assert isinstance(app.screen, InterviewScreen)
    app.screen.go_to("2.1.1c")
    await pilot.pause()
    await pilot.press("k")
    await pilot.pause()
    assert isinstance(app.screen, RegisterScreen)
    return app.screen


async def test_one_key_from_a_step_2_question_shows_the_flows_and_figures(
    tmp_path, demo_session, framework
):
    app = make_app(framework, open_path=session_file(tmp_path, demo_session, framework))
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_register(app, pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == 2
        figures = text_of(app, "#register-figures")
        assert "2 ketens" in figures
        assert "2.1.1c" in figures and "Inzicht in de groeves: 60%" in figures
        assert "Fabrieken met een risico-overzicht: 100%" in figures
        assert "Categorie C" in figures and "in keten 2" in figures
        # The score panel shows the register's quarry insight.
        assert "Inzicht groeves 60%" in text_of(app, "#score-level")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)


async def test_the_palette_entry_opens_it(tmp_path, demo_session, framework):
    app = make_app(framework, open_path=session_file(tmp_path, demo_session, framework))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"ketenoverzicht")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, RegisterScreen)


async def test_add_a_row_with_inline_checks_then_the_score_and_file_follow(
    tmp_path, demo_session, framework
):
    path = session_file(tmp_path, demo_session, framework)
    app = make_app(framework, open_path=path)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_register(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FlowForm)
        form.query_one("#field-steentype", Input).value = "marmer"
        form.query_one("#field-hoeveelheid", Input).value = "twaalf"
        form.query_one("#field-groeve_land", Input).value = "Atlantis"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not saved: each problem under its field
        assert "hoeveelheid is geen getal: 'twaalf'" in str(
            form.query_one("#problem-hoeveelheid").content
        )
        assert "onbekend land 'Atlantis'" in str(form.query_one("#problem-groeve_land").content)
        for column, value in {
            "hoeveelheid": "100",
            "groeve_land": "Portugal",
            "groeve": "Cava",
            "groeve_adres": "Via 1",
            "fabriek": "Fabriek",
            "fabriek_adres": "Weg 2",
            "fabriek_land": "PT",
        }.items():
            form.query_one(f"#field-{column}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen
        assert screen.query_one(DataTable).row_count == 3
        # Quarries known: 60 + 100 of 200 m2 = 80%.
        assert "Inzicht in de groeves: 80%" in text_of(app, "#register-figures")
        assert "Inzicht groeves 80%" in text_of(app, "#score-level")
        assert app.assessment.results["2.1.1c"].percentage == 80
        for _ in range(100):  # the save runs in a worker
            saved = load_session(path, framework).register
            if saved is not None and len(saved.flows) == 3:
                break
            await pilot.pause(0.05)
        assert saved is not None and saved.flows[2].groeve_land == "PT"


async def test_edit_and_delete_rows_by_keyboard(tmp_path, demo_session, framework):
    app = make_app(framework, open_path=session_file(tmp_path, demo_session, framework))
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_register(app, pilot)
        await pilot.press("down", "enter")  # the second flow
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FlowForm)
        assert form.query_one("#field-hoeveelheid", Input).value == "40"
        form.query_one("#field-groeve_adres", Input).value = "Shan 9"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "Inzicht in de groeves: 100%" in text_of(app, "#register-figures")
        before = app.session
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FlowForm)
        await pilot.press("escape")  # a form closed with Escape changes nothing
        await pilot.pause()
        assert app.screen is screen and app.session is before
        await pilot.press("up", "delete")
        await settle(app, pilot)
        assert screen.query_one(DataTable).row_count == 1
        assert app.session.register.flows[0].hoeveelheid == 40


async def test_filters_show_the_rows_to_work_on(tmp_path, demo_session, framework):
    app = make_app(framework, open_path=session_file(tmp_path, demo_session, framework))
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_register(app, pilot)
        table = screen.query_one(DataTable)
        seen = {}
        for _ in range(4):
            await pilot.press("f")
            await pilot.pause()
            seen[screen.row_filter.value] = [table.get_row_at(i)[0] for i in range(table.row_count)]
        assert seen == {
            "onbekende schakels": ["2"],
            "zonder risico-overzicht": ["2"],
            "buiten de EER": ["2"],
            "alle ketens": ["1", "2"],
        }


async def test_a_category_mismatch_is_shown_never_changed(tmp_path, demo_session, framework):
    eea_only = Register("m2", (flow(60),))
    path = session_file(tmp_path, demo_session, framework, register=eea_only)
    app = make_app(framework, open_path=path)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_register(app, pilot)
        warning = text_of(app, "#register-warning")
        assert "het bedrijfsprofiel zegt categorie C, het ketenoverzicht B" in warning
        assert app.session.company.imports_from_risk_countries is True


async def test_a_session_without_a_register_starts_one(tmp_path, demo_file, framework):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_register(app, pilot)
        assert screen.query_one(DataTable).row_count == 0
        assert "druk op a" in text_of(app, "#register-filter")
        typed = app.assessment.results["2.1.1c"]
        assert typed.percentage_source == "entered"


async def test_a_question_fed_by_the_register_says_where_its_number_comes_from(
    tmp_path, demo_session, framework
):
    session = replace(
        demo_session,
        answers={**demo_session.answers, "2.1.1c": QuestionAnswer(percentage=30)},
    )
    app = make_app(framework, open_path=session_file(tmp_path, session, framework))
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_register(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        shown = text_of(app, "#percentage-result")
        # 60% of the quarries known: band 60-75% for a C company.
        assert "band 60-75%" in shown
        assert "uit het ketenoverzicht: 60% (ingevuld 30% telt niet)" in shown
        # An edit in the register shows in the question at once.
        await pilot.press("k")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        await pilot.press("down", "delete")
        await settle(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert "uit het ketenoverzicht: 100%" in text_of(app, "#percentage-result")


async def test_a_field_is_checked_as_it_is_typed(tmp_path, demo_session, framework):
    app = make_app(framework, open_path=session_file(tmp_path, demo_session, framework))
    async with app.run_test(size=(160, 45)) as pilot:
        await open_register(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FlowForm)
        form.query_one("#field-hoeveelheid", Input).focus()
        await pilot.press("ctrl+a", *"-4")
        await pilot.pause()
        problem = form.query_one("#problem-hoeveelheid")
        assert "hoeveelheid moet groter dan 0 zijn, niet -4" in str(problem.content)
        await pilot.press("backspace", "backspace", "5")
        await pilot.pause()
        assert str(problem.content) == ""
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.register.flows[0].hoeveelheid == 60
