"""Settings: auto-advance after an answer key, off by default, kept in the config folder."""

from __future__ import annotations

from pathlib import Path

from tests.tui.helpers import SIZE, make_app
from textual.widgets import Checkbox

from trustone_tui.store.settings import Settings, load_settings, save_settings, settings_path
from trustone_tui.tui.screens.settings import SettingsScreen


async def open_settings_from_the_palette(app, pilot) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"Instellingen")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def test_an_answer_key_stays_on_the_question_by_default(framework):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.go_to("3.3.7")
        await pilot.press("j")
        await pilot.pause()
        assert app.screen.current_id == "3.3.7"
    assert not settings_path().exists()


async def test_auto_advance_is_set_in_the_palette_kept_and_moves_on(framework, config_dir: Path):
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_settings_from_the_palette(app, pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#auto-advance", Checkbox).has_focus
        await pilot.press("space", "escape")
        await pilot.pause()
        assert app.settings.auto_advance
    assert load_settings() == (Settings(auto_advance=True), None)
    assert settings_path().parent == config_dir

    app = make_app(framework, demo=True)  # a new start reads the setting back
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.go_to("3.3.7")
        await pilot.press("g")
        await pilot.pause()
        assert app.session.answer("3.3.7").answer == "gedeeltelijk"
        assert screen.current_id == "4.1.1"  # the next question that counts


async def test_a_broken_settings_file_gives_a_dutch_toast_and_the_defaults(framework):
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("auto_advance = ja\n", encoding="utf-8")
    app = make_app(framework, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.settings == Settings()
        messages = [str(n.message) for n in app._notifications]
        assert any(
            message.startswith(f"{path}: instellingen niet te lezen: geen geldige TOML (regel 1")
            and message.endswith("de standaardinstellingen gelden.")
            for message in messages
        ), messages


def test_wrong_values_are_named_and_unknown_keys_ignored(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_text('auto_advance = "ja"\n', encoding="utf-8")
    settings, problem = load_settings(path)
    assert settings == Settings() and problem is not None
    assert "auto_advance moet true of false zijn" in problem
    path.write_text("auto_advance = true\nlater_setting = 3\n", encoding="utf-8")
    assert load_settings(path) == (Settings(auto_advance=True), None)


def test_settings_are_written_atomically_and_read_back(tmp_path: Path):
    path = tmp_path / "deeper" / "settings.toml"
    save_settings(Settings(auto_advance=True), path)
    assert load_settings(path) == (Settings(auto_advance=True), None)
    save_settings(Settings(), path)
    assert load_settings(path) == (Settings(), None)
    assert [p.name for p in path.parent.iterdir()] == ["settings.toml"]  # no temporary left
