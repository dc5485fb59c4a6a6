"""The plan screen, driven with keys: open it, draft actions from the plan, add, edit, change
status and delete by keyboard; overdue marked in words; every change saved; a question shows its
actions and answering it to an action's aim offers to mark the action klaar."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from tests.tui.helpers import SIZE, make_app, text_of
from textual.widgets import DataTable, Input, Select, Static

from trustone_tui.answerfile.read import parse_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.actions import Action, Aim
from trustone_tui.engine.planner import plan
from trustone_tui.store.answerfiles import load_session
from trustone_tui.tui.screens.dialogs import ChoiceDialog, MessageDialog
from trustone_tui.tui.screens.interview import InterviewScreen
from trustone_tui.tui.screens.limited import LimitedScreen
from trustone_tui.tui.screens.plan import ActionForm, LevelPicker, PlanScreen

NOW = dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.UTC)


def clock() -> dt.datetime:
    return NOW


def with_plan(framework, path: Path, *actions: Action) -> Path:
    session = parse_session(demo_bytes(), "demo", framework)
    path.write_bytes(dump_session(replace(session, actions=actions), framework))
    return path


async def saved(app, pilot, path: Path, framework, check) -> None:
    """Wait (at most 5 s) until the file on disk satisfies ``check``, then assert it."""
    for _ in range(100):
        await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        if check(load_session(path, framework)):
            return
    assert check(load_session(path, framework))


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#plan-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def open_plan(app, pilot) -> PlanScreen:
    await pilot.pause()
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(app.screen, PlanScreen)
    return app.screen


async def test_one_key_drafts_the_plans_steps_and_saves_them(framework, demo_file):
    app = make_app(framework, open_path=demo_file, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(app, pilot)
        assert app.screen.query_one("#plan-empty").display
        assert load_session(demo_file, framework).actions == ()  # nothing without the key
        await pilot.press("p")
        await saved(app, pilot, demo_file, framework, lambda s: len(s.actions) == 6)
        session = load_session(demo_file, framework)
        steps = plan(framework, parse_session(demo_bytes(), "demo", framework))
        assert [a.questions[0] for a in session.actions] == list(
            dict.fromkeys(s.question_id for s in steps.steps)
        )
        shown = rows(app)
        assert [r[0] for r in shown] == [f"A{n}" for n in range(1, 7)]
        assert shown[0][1] == "2.1.1c: inzicht in groeves van 55% naar 60%"
        assert {r[4] for r in shown} == {"12-11-2027"}
        assert "6 acties: 6 open" in text_of(app, "#plan-head")
        assert "Als alle open acties hun doel halen: C3 (nu C2)" in text_of(app, "#plan-head")
        # Pressing it again adds nothing: every step has its action.
        await pilot.press("p")
        await pilot.pause()
        assert len(app.session.actions) == 6


async def test_drafts_toward_a_level_the_user_picks(framework, demo_file):
    app = make_app(framework, open_path=demo_file, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(app, pilot)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LevelPicker)
        await pilot.press("down", "enter")  # C3, C4, C5 above the demo's C2: C4
        await pilot.pause()
        drafted = app.session.actions
        four = plan(framework, app.session, "C4")
        assert drafted and {a.questions[0] for a in drafted} == {s.question_id for s in four.steps}


async def test_add_edit_status_and_delete_by_keyboard(framework, demo_file):
    app = make_app(framework, open_path=demo_file, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        await pilot.press(*"Klachtenprocedure schrijven")
        await pilot.press("tab", *"3.1.2, 5.1", "tab", *"Directie")
        await pilot.press("tab")
        due = app.screen.query_one("#form-due", Input)
        due.value = "01-06-2027"
        await pilot.press("enter")
        await saved(app, pilot, demo_file, framework, lambda s: len(s.actions) == 1)
        (added,) = load_session(demo_file, framework).actions
        assert (added.id, added.text, added.questions, added.owner, added.due) == (
            "A1",
            "Klachtenprocedure schrijven",
            ("3.1.2", "5.1"),
            "Directie",
            dt.date(2027, 6, 1),
        )
        assert added.status == "open" and added.created == NOW.date()
        # Edit: Enter on the row, a progress note.
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        assert app.screen.query_one("#form-owner", Input).value == "Directie"
        app.screen.query_one("#form-progress", Input).value = "Concept klaar"
        app.screen.query_one("#form-progress", Input).focus()
        await pilot.press("enter")
        await saved(app, pilot, demo_file, framework, lambda s: s.actions[0].progress != ())
        (edited,) = load_session(demo_file, framework).actions
        assert [(p.date, p.note) for p in edited.progress] == [(NOW.date(), "Concept klaar")]
        # Status by keyboard: space moves it on.
        await pilot.press("space")
        await saved(app, pilot, demo_file, framework, lambda s: s.actions[0].status == "bezig")
        assert rows(app)[0][5] == "bezig"
        # Delete, after a question.
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.click("#choice-yes")
        await saved(app, pilot, demo_file, framework, lambda s: s.actions == ())
        assert app.screen.query_one("#plan-empty").display


async def test_a_bad_form_says_why_and_saves_nothing(framework, demo_file):
    app = make_app(framework, open_path=demo_file, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#form-text", Input).value = "Iets"
        form.query_one("#form-questions", Input).value = "9.9"
        form.query_one("#form-text", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert str(form.query_one("#form-problem", Static).content) == "Vraag '9.9' bestaat niet."
        form.query_one("#form-questions", Input).value = "2.1.1"
        await pilot.press("enter")
        await pilot.pause()
        assert "groepsvraag" in str(form.query_one("#form-problem", Static).content)
        form.query_one("#form-questions", Input).value = ""
        form.query_one("#form-due", Input).value = "volgend jaar"
        await pilot.press("enter")
        await pilot.pause()
        assert "'volgend jaar' is geen datum" in str(
            form.query_one("#form-problem", Static).content
        )
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert app.session.actions == ()
        assert load_session(demo_file, framework).actions == ()


async def test_sorted_by_due_date_with_overdue_marked_in_words(framework, tmp_path):
    # The demo's assessment date is 12-11-2026: overdue is judged on it, not on today.
    path = with_plan(
        framework,
        tmp_path / "plan.toml",
        Action(id="A1", text="Later", due=dt.date(2027, 6, 1)),
        Action(id="A2", text="Te laat", due=dt.date(2026, 11, 11)),
        Action(id="A3", text="Op de dag", due=dt.date(2026, 11, 12)),
        Action(id="A4", text="Klaar", due=dt.date(2026, 1, 1), status="klaar"),
    )
    app = make_app(framework, open_path=path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(app, pilot)
        shown = rows(app)
        assert [r[0] for r in shown] == ["A4", "A2", "A3", "A1"]
        assert [r[4] for r in shown] == [
            "01-01-2026",
            "11-11-2026 ⚠ te laat",
            "12-11-2026",
            "01-06-2027",
        ]
        assert "1 te laat" in text_of(app, "#plan-head")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)


async def test_the_plan_is_in_the_command_palette(framework, demo_file):
    app = make_app(framework, open_path=demo_file, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"Plan van aanpak")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)


async def test_a_question_shows_its_actions_and_reaching_the_aim_offers_klaar(framework, tmp_path):
    path = with_plan(
        framework,
        tmp_path / "plan.toml",
        Action(
            id="A1",
            text="Plan van aanpak afmaken",
            questions=("3.1.2",),
            due=dt.date(2026, 11, 1),
            aims=(Aim("3.1.2", answer="ja"),),
        ),
        Action(id="A2", text="Ook 3.1.2", questions=("3.1.2", "5.1"), due=dt.date(2027, 6, 1)),
    )
    app = make_app(framework, open_path=path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("1.1.1")
        await pilot.pause()
        assert not screen.query_one("#q-actions").display
        screen.go_to("3.1.2")  # Gedeeltelijk in the demo
        await pilot.pause()
        assert screen.query_one("#q-actions").display
        assert text_of(app, "#q-actions") == (
            "Acties: A1 open, vóór 01-11-2026 (te laat) · A2 open, vóór 01-06-2027"
        )
        await pilot.press("g")  # no change of level: nothing offered
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        await pilot.press("j")  # A1 aims for Ja: reached. A2 also serves 5.1, not Ja yet.
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "A1: Plan van aanpak afmaken" in "\n".join(dialog.lines)
        assert not any(line.startswith("A2") for line in dialog.lines)
        await pilot.click("#choice-yes")
        await saved(
            app,
            pilot,
            path,
            framework,
            lambda s: [a.status for a in s.actions] == ["klaar", "open"],
        )
        assert load_session(path, framework).answer("3.1.2").answer == "ja"
        assert text_of(app, "#q-actions").startswith("Acties: A1 klaar, vóór 01-11-2026 ·")


async def test_declining_keeps_the_action_open(framework, tmp_path):
    path = with_plan(
        framework,
        tmp_path / "plan.toml",
        Action(id="A1", text="Naar Ja", questions=("3.1.2",), due=dt.date(2027, 1, 1)),
    )
    app = make_app(framework, open_path=path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("3.1.2")
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        await saved(app, pilot, path, framework, lambda s: s.answer("3.1.2").answer == "ja")
        assert load_session(path, framework).actions[0].status == "open"


async def test_the_plan_is_not_changed_in_what_if_mode(framework, demo_file):
    app = make_app(framework, open_path=demo_file, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await open_plan(app, pilot)
        await pilot.press("p")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert app.session.actions == ()


# --------------------------------------------------------------------------- limited assessment


async def test_the_limited_assessment_walks_the_actions_and_sums_up(framework, tmp_path):
    path = with_plan(
        framework,
        tmp_path / "plan.toml",
        Action(id="A1", text="Groeves", due=dt.date(2027, 6, 1), status="bezig"),
        Action(id="A2", text="Fabrieken", due=dt.date(2026, 10, 1)),  # overdue on 12-11-2026
        Action(id="A3", text="Klachten", due=dt.date(2027, 3, 1)),
        Action(id="A4", text="Al klaar", due=dt.date(2026, 1, 1), status="klaar"),
    )
    app = make_app(framework, open_path=path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LimitedScreen)
        head = text_of(app, "#limited-head")
        assert head.startswith("Beperkte beoordeling: de voortgang van het plan van aanpak")
        assert "Beoordeling 2026: " in head
        # By due date, only those still to be done: A2 (overdue), A3, A1.
        assert "Actie 1 van 3" in head
        assert text_of(app, "#limited-action").startswith("A2: Fabrieken")
        assert "Vóór 01-10-2026 (te laat) · nu open" in text_of(app, "#limited-action")
        screen.query_one("#limited-status", Select).value = "klaar"
        await pilot.press(*"Alle fabrieken bekend", "enter")
        await pilot.pause()
        assert text_of(app, "#limited-action").startswith("A3: Klachten")
        await pilot.press("ctrl+n")  # skipped: unchanged
        await pilot.pause()
        assert text_of(app, "#limited-action").startswith("A1: Groeves")
        screen.query_one("#limited-status", Select).value = "vervallen"
        screen.query_one("#limited-note", Input).focus()
        await pilot.press("enter")
        await saved(
            app,
            pilot,
            path,
            framework,
            lambda s: [a.status for a in s.actions] == ["vervallen", "klaar", "open", "klaar"],
        )
        actions = load_session(path, framework).actions
        assert [(p.date, p.note) for p in actions[1].progress] == [
            (NOW.date(), "Alle fabrieken bekend")
        ]
        assert actions[0].progress == () and actions[2] == Action(
            id="A3", text="Klachten", due=dt.date(2027, 3, 1)
        )
        assert not screen.query_one("#limited-form").display
        summary = text_of(app, "#limited-summary")
        assert "2 klaar · 1 op schema · 0 te laat · 1 vervallen" in summary
        assert "3 acties besproken" in summary


async def test_the_limited_assessment_is_in_the_command_palette(framework, tmp_path):
    path = with_plan(
        framework,
        tmp_path / "plan.toml",
        Action(id="A1", text="Groeves", due=dt.date(2027, 6, 1)),
    )
    app = make_app(framework, open_path=path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"Beperkte beoordeling")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LimitedScreen)


async def test_table_and_form_fit_an_80x24_terminal(framework, demo_file):
    app = make_app(framework, open_path=demo_file, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        table = app.screen.query_one("#plan-table", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no side-scroll
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        screen_region = form.region
        for selector in ("#save", "#cancel", "#form-text"):
            assert screen_region.contains_region(form.query_one(selector).region), selector


@pytest.mark.parametrize(
    "changes, expected",
    [
        (
            [
                ("due = 2027-01-01", 'due = "volgend jaar"'),
                ('status = "open"', 'status = "gedaan"'),
            ],
            ["actions[0].due: must be a date", "actions[0].status: must be one of"],
        ),
        (
            [('id = "A2"', 'id = "A1"'), ('questions = ["2.1.1c"]', 'questions = ["9.9"]')],
            [
                "actions[1].id: 'A1' is also the id of actions[0]",
                "actions[1].questions[0]: unknown question id '9.9'",
            ],
        ),
    ],
)
async def test_a_file_with_a_bad_plan_opens_a_dialog_and_is_not_touched(
    framework, tmp_path, changes, expected
):
    path = with_plan(
        framework,
        tmp_path / "plan.toml",
        Action(id="A1", text="Een", due=dt.date(2027, 1, 1)),
        Action(id="A2", text="Twee", questions=("2.1.1c",), due=dt.date(2027, 1, 1)),
    )
    text = path.read_text()
    for old, new in changes:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text)
    content = path.read_bytes()
    app = make_app(framework, open_path=path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)
        lines = app.screen.lines
        for problem in expected:
            assert any(f"{path}: {problem}" in line for line in lines), (problem, lines)
        await pilot.press("escape")
        await pilot.pause()
    assert path.read_bytes() == content
