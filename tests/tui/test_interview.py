"""Drive the real interview screen with keys and compare what it shows with the engine."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.tui.helpers import SIZE, make_app, text_of
from textual.widgets import Button, Input, Static, TextArea

from trustone_tui.engine.scoring import assess
from trustone_tui.engine.session import Company, Interview, QuestionAnswer, Session
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.sessions import create_session
from trustone_tui.tui.screens.interview import InterviewScreen
from trustone_tui.tui.widgets.navigator import Navigator, question_label
from trustone_tui.tui.widgets.question import QuestionPanel


async def test_answer_keys_update_score_panel_to_engine_values(framework, demo_session):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        screen.go_to("3.3.7")  # open in the demo; 12 points for a C company
        await pilot.press("j")
        await pilot.pause()
        expected = assess(
            framework,
            demo_session.with_answer("3.3.7", replace(demo_session.answer("3.3.7"), answer="ja")),
        )
        assert expected.points == 121 + 12
        assert app.assessment.points == expected.points
        assert text_of(app, "#score-total").startswith("133 / 248 punten")
        await pilot.press("g")
        await pilot.pause()
        assert app.assessment.points == 121 + 6
        assert text_of(app, "#score-total").startswith("127 / 248 punten")
        assert "nog 22 punten" in text_of(app, "#score-next")  # 149 - 127
        await pilot.press("x")
        await pilot.pause()
        assert app.assessment.points == 121


async def test_level_changes_when_an_answer_crosses_the_threshold(framework, tmp_path):
    # A medium/large C company just below C1: 48 + 2.5 = 50.5 points are needed (20% of 252
    # = 50.4, rounded up to the next half point); insight 20% quarries and 50% factories.
    session = _session_with(
        framework,
        {
            "2.1.1b": QuestionAnswer(percentage=50),  # 4 points
            "2.1.1c": QuestionAnswer(percentage=20),  # 2 points
            "5.1": QuestionAnswer(answer="ja"),  # 20 points
            "1.1.2": QuestionAnswer(answer="ja"),  # 6 points
            "1.2.12": QuestionAnswer(answer="ja"),  # 6 points
            "3.1.2": QuestionAnswer(answer="ja"),  # 12 points
        },
    )
    path = create_session(session, framework, tmp_path).path
    app = make_app(framework, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.assessment.points == 50
        assert app.assessment.level is None
        assert "geen" in text_of(app, "#score-level")
        app.screen.go_to("1.1.4")  # 2 points: Gedeeltelijk gives 1
        await pilot.press("g")
        await pilot.pause()
        assert app.assessment.points == 51
        assert app.assessment.level is not None and app.assessment.level.id == "C1"
        assert "C1" in text_of(app, "#score-level")
        assert "Naar C2" in text_of(app, "#score-next")


async def test_profile_change_switches_the_criteria_variant(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("1.1.10")
        await pilot.pause()
        assert "middelgroot/groot bedrijf, categorie C" in text_of(app, "#q-variant")
        assert "Richtlijnen grote en middelgrote bedrijven" in text_of(app, "#q-variant")
        await pilot.press("b")
        await pilot.pause()
        app.screen.query_one("#employees", Input).value = "12"
        app.screen.query_one("#revenue", Input).value = "2500000"
        await pilot.pause()
        effect = str(app.screen.query_one("#profile-effect", Static).content)
        assert "klein bedrijf" in effect
        assert "criteria veranderen bij" in effect
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)
        assert "klein bedrijf, categorie C" in text_of(app, "#q-variant")
        assert "Richtlijnen kleine bedrijven" in text_of(app, "#q-variant")
        # Answers are never deleted by a profile change.
        assert app.session.answers == load_session(demo_file, framework).answers
        assert load_session(demo_file, framework).company.employees == 12


async def test_answers_notes_and_flags_survive_reopening(framework, tmp_path):
    session = _session_with(framework, {})
    path = create_session(session, framework, tmp_path).path
    app = make_app(framework, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("1.1.5")
        await pilot.press("1", "2")  # tick elements 1 and 2
        await pilot.pause()
        assert "Suggestie: Gedeeltelijk" in text_of(app, "#q-suggestion")
        await pilot.press("a")  # accept the suggestion
        await pilot.press("f")  # follow up
        await pilot.press("e")
        await pilot.press(*"Beleid 2026", "enter", *"tweede regel")
        await pilot.press("escape")
        await pilot.press("right_square_bracket")  # to 1.1.8
        await pilot.press("j")
        screen.go_to("2.1.1c")
        await pilot.press("p")
        await pilot.press(*"62,5")
        await pilot.pause()
        assert "band 60-75% → 6 punten" in text_of(app, "#percentage-result")
        screen.go_to("3.2.5")
        await pilot.press("v")
        await pilot.pause()
        await app.workers.wait_for_complete()
        in_memory = app.session
    reopened = load_session(path, framework)
    assert reopened.answers == in_memory.answers
    assert reopened.answer("1.1.5") == QuestionAnswer(
        answer="gedeeltelijk",
        elements={"": (1, 2)},
        note="Beleid 2026\ntweede regel",
        follow_up=True,
    )
    assert reopened.answer("1.1.8").answer == "ja"
    assert reopened.answer("2.1.1c").percentage == 62.5
    assert reopened.answer("3.2.5").answer == "nvt"


async def test_nvt_only_where_the_question_allows_it(framework, demo_session):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("1.1.4")
        before = app.session.answer("1.1.4")
        await pilot.press("v")
        await pilot.pause()
        assert app.session.answer("1.1.4") == before
        assert any("n.v.t. kan alleen" in str(n.message) for n in app._notifications)
        app.screen.go_to("4.2.3")
        await pilot.press("v")
        await pilot.pause()
        assert app.session.answer("4.2.3").answer == "nvt"
        assert app.assessment.results["4.2.3"].status == "nvt"


async def test_next_open_question_and_navigation_skip_what_does_not_count(framework, tmp_path):
    session = _session_with(framework, {}, risk=False)  # category B: 21 questions count
    path = create_session(session, framework, tmp_path).path
    app = make_app(framework, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("1.3.18")
        await pilot.press("right_square_bracket")
        assert screen.current_id == "2.1.1a"  # the 2.1.1 header is skipped
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        assert screen.current_id == "5.1"  # 2.1.2a ... 2.4.9 do not count for B
        await pilot.press("left_square_bracket")
        assert screen.current_id == "2.1.1c"
        await pilot.press("o")
        assert screen.current_id == "5.1"


async def test_demo_never_writes_anything(framework, data_dir):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("3.3.7")
        await pilot.press("j", "f", "right_square_bracket", "n")
        await pilot.pause()
        assert "demo" in app.sub_title
    assert not data_dir.exists() or not any(data_dir.iterdir())


@pytest.mark.parametrize(
    "typed, expected",
    [("2.1.1c", "2.1.1c"), ("klachten- en geschillencommissie", "6.2.4")],
    ids=["by id", "by words"],
)
async def test_command_palette_jumps_to_a_question(framework, typed, expected):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*typed)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.current_id == expected


async def test_note_typing_does_not_trigger_answer_keys(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("6.2.5")
        await pilot.press("e", *"nog navragen")  # contains n, g, j-free letters
        await pilot.pause()
        assert app.screen.query_one("#note", TextArea).text == "nog navragen"  # made by e
        assert app.session.answer("6.2.5").answer is None
        assert app.session.answer("6.2.5").note == "nog navragen"


async def test_the_work_area_has_the_focus_when_the_interview_opens(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        work = app.screen.query_one("#work")
        assert app.screen.focused is work
        assert work.has_focus and work.has_pseudo_class("focus")  # and it shows
        await pilot.press("e", "escape")  # the note and back
        assert app.screen.focused is work


async def test_classes_set_before_mounting_are_styled_when_mounted(framework, demo_file):
    # The app skips restyling widgets that are not in the DOM yet (TrustoneApp.update_styles).
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        plain = Button("Gewoon", compact=True)
        button = Button("Extra", compact=True)
        button.add_class("-primary")  # what variant="primary" sets
        await app.screen.query_one("#work").mount_all([plain, button])
        await pilot.pause()
        assert button.region.height == 1  # compact (a class set by its constructor)
        assert button.styles.background != plain.styles.background  # Button.-primary
        button.remove_class("-primary")  # and once mounted, a class change restyles it
        await pilot.pause()
        assert button.styles.background == plain.styles.background


async def test_a_typed_percentage_is_a_draft_until_enter(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("2.1.1c")  # 55 in the demo
        await pilot.press("p", *["backspace"] * 6)
        await pilot.pause()
        typed = ""
        for key in "62,5":
            await pilot.press(key)  # returns once the key is handled
            typed += key
            assert screen.query_one("#percentage", Input).value == typed
            assert app.assessment.results["2.1.1c"].percentage == 55  # a draft scores nothing
            assert text_of(app, "#percentage-result").startswith("✎ Enter bewaart")
        await pilot.pause()
        assert "band 60-75% → 6 punten" in text_of(app, "#percentage-result")
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app, "#percentage-result") == "band 60-75% → 6 punten"
        assert app.session.answer("2.1.1c").percentage == 62.5
        assert app.assessment.results["2.1.1c"].percentage == 62.5


async def test_a_percentage_above_100_is_refused_and_said(framework, demo_file):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("2.1.1c")
        await pilot.press("p", *["backspace"] * 6, *"150", "enter")
        await pilot.pause()
        assert text_of(app, "#percentage-result") == (
            "✗ niet opgeslagen: een percentage ligt tussen 0 en 100"
        )
        assert app.session.answer("2.1.1c").percentage == 55  # nothing of it is saved
        assert app.screen.query_one("#percentage", Input).has_focus  # still to be corrected
        await pilot.press("backspace", "enter")
        await pilot.pause()
        assert text_of(app, "#percentage-result") == "band 0<20% → 0 punten"
        assert app.session.answer("2.1.1c").percentage == 15
        await pilot.press("p", *["backspace"] * 2, "enter")
        await pilot.pause()
        assert app.session.answer("2.1.1c").percentage is None
        assert text_of(app, "#percentage-result") == "nog geen percentage"


async def test_showing_a_stored_percentage_never_changes_it(framework, tmp_path):
    # 62,55 is shown as 62,5 (one decimal); showing it must not store what is shown.
    session = _session_with(framework, {"2.1.1c": QuestionAnswer(percentage=62.55)})
    path = create_session(session, framework, tmp_path).path
    before = path.read_bytes()
    app = make_app(framework, open_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("2.1.1c")
        await pilot.pause()
        assert app.screen.query_one("#percentage", Input).value == "62,5"
        app.screen.go_to("1.1.5")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.session.answer("2.1.1c").percentage == 62.55
    assert path.read_bytes() == before


def _assert_navigator_shows(app, navigator: Navigator) -> None:
    """Every question's label and every step's points are those of the current score."""
    colours = navigator._colours()
    for qid, result in app.assessment.results.items():
        given = app.session.answers.get(qid)
        expected = question_label(
            result,
            bool(given and given.follow_up),
            bool(given and (given.answer or given.percentage is not None)),
            colours,
            navigator.label_width(navigator.question_nodes[qid]),
        )
        assert navigator.question_nodes[qid].label.plain == expected.plain, qid
    for step in app.assessment.steps:
        if step.max_points:
            points = f"{step.points:g}/{step.max_points:g}".replace(".", ",")
            assert points in navigator.step_nodes[step.number].label.plain


async def test_navigator_drawer_is_complete_when_first_opened(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:  # 120 columns: the navigator is a drawer
        await pilot.pause()
        screen = app.screen
        assert not screen.query(Navigator)  # nothing makes a tree nobody sees
        screen.go_to("3.3.7")
        await pilot.press("j", "f")  # changed while the drawer is closed (f clears the demo's flag)
        await pilot.press("t")
        await pilot.pause()
        navigator = screen.query_one(Navigator)
        assert navigator.region.width > 0 and navigator.has_focus
        _assert_navigator_shows(app, navigator)
        assert navigator.cursor_node is navigator.question_nodes["3.3.7"]
        assert navigator.question_nodes["3.3.7"].label.plain.startswith("✓ 3.3.7")
        assert "⚑" not in navigator.question_nodes["3.3.7"].label.plain
        navigator.move_cursor(navigator.question_nodes["4.1.1"])
        await pilot.press("enter")  # the drawer closes on a chosen question
        await pilot.pause()
        assert screen.current_id == "4.1.1"
        assert navigator.region.width == 0


async def test_navigator_appears_complete_when_the_terminal_grows(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not screen.query(Navigator)
        screen.go_to("4.2.3")
        await pilot.press("v")
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        navigator = screen.query_one(Navigator)
        assert navigator.region.width > 0
        _assert_navigator_shows(app, navigator)
        assert navigator.cursor_node is navigator.question_nodes["4.2.3"]


def _session_with(framework, answers, *, risk: bool = True) -> Session:
    return Session(
        company=Company("Steen & Co B.V.", risk, 40, 8_000_000),
        answers=answers,
        interview=Interview(interviewer="Test"),
        framework_version=framework.version,
    )


async def test_the_percentage_row_is_made_when_a_percentage_question_is_first_shown(
    framework, demo_file
):
    app = make_app(framework, open_path=demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.query_one(QuestionPanel).view.question.kind == "choice"
        assert not screen.query("#percentage")  # nothing is made for a row nobody sees
        screen.go_to("2.1.1c")
        await pilot.pause()
        entry = screen.query_one("#percentage", Input)
        assert entry.region.height == 1 and entry.value == "55"
        assert text_of(app, "#percentage-result") == "band 40<60% → 4 punten"
        screen.go_to("1.1.5")
        await pilot.pause()
        assert screen.query_one("#percentage-row").region.height == 0  # hidden, kept
        screen.go_to("2.1.1b")
        await pilot.pause()
        assert screen.query_one("#percentage", Input) is entry and entry.value == "80"
