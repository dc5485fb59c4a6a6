"""Loading ``questions/`` validates every file and how they fit; problems name the file and key.

Each test loads a temporary copy of the real bank (the ``bank`` fixture) with one thing broken.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from trustone_tui.framework.bank import (
    QUESTIONS_ENV,
    FrameworkError,
    bank_directory,
    load_framework,
)

#: 2.1.1a's first band, as step2.toml writes it.
FIRST_BAND = 'label = "0<50%", min = 0, points = 0, below = 50'


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(directory: Path) -> list[str]:
    with pytest.raises(FrameworkError) as info:
        load_framework(directory)
    assert str(info.value) == "\n".join(info.value.problems)
    return info.value.problems


def test_the_untouched_copy_loads(bank):
    framework = load_framework(bank)
    assert len(framework.scored_questions()) == 39


def test_unknown_key_in_a_step_file_names_file_question_and_key(bank):
    edit(bank / "step3.toml", "nvt_allowed = true", "nvt_alowed = true")
    assert problems(bank) == [
        f"{bank / 'step3.toml'}: questions[0] (3.1.1).nvt_alowed: unknown key"
    ]


def test_unknown_key_in_criteria_names_the_nested_key(bank):
    edit(bank / "step1.toml", 'gedeeltelijk = "Alleen de OESO', 'gedeeltelijke = "Alleen de OESO')
    assert problems(bank) == [
        f"{bank / 'step1.toml'}: questions[3] (1.1.4).criteria[0].gedeeltelijke: unknown key",
    ]


def test_typo_in_framework_toml_names_the_key_and_the_missing_one(bank):
    edit(bank / "framework.toml", "employees_below = 25", "employes_below = 25")
    assert problems(bank) == [
        f"{bank / 'framework.toml'}: small_company.employees_below: Field required",
        f"{bank / 'framework.toml'}: small_company.employes_below: unknown key",
    ]


def test_problems_in_several_files_are_all_reported(bank):
    edit(bank / "step2.toml", "percentage_subject", "percentage_subjekt")
    edit(bank / "step6.toml", 'kind = "choice"', 'kind = "keuze"')
    lines = problems(bank)
    assert any(line.startswith(f"{bank / 'step2.toml'}: questions[1] (2.1.1a)") for line in lines)
    assert any(
        line.startswith(f"{bank / 'step6.toml'}: questions[0] (6.1.1).kind: Input should be")
        for line in lines
    )


def test_rule_naming_element_9_is_a_consistency_error(bank):
    edit(
        bank / "step1.toml",
        "rules.alle = { gedeeltelijk = [{ of = [1] }], ja = [{ of = [1, 2] }] }",
        "rules.alle = { gedeeltelijk = [{ of = [1] }], ja = [{ of = [1, 9] }] }",
    )
    assert problems(bank) == [
        f"{bank / 'step1.toml'}: questions (1.1.8).rules.alle: elements [9] do not exist (1-2)"
    ]


def test_two_variants_for_one_profile_is_an_error(bank):
    # 4.1.1's small-company variant made "alle": medium/large companies now match twice.
    edit(bank / "step4.toml", 'audience = "klein"', 'audience = "alle"')
    lines = problems(bank)
    assert (
        f"{bank / 'step4.toml'}: questions (4.1.1).criteria: 2 variants apply to "
        "B:medium_large, need exactly 1"
    ) in lines
    assert all("(4.1.1)" in line for line in lines)


def test_band_gap_is_an_error(bank):
    edit(bank / "step2.toml", FIRST_BAND, FIRST_BAND.replace("below = 50", "below = 40"))
    assert problems(bank) == [
        f"{bank / 'step2.toml'}: questions (2.1.1a).criteria[alle].bands: gap or overlap "
        "between 0<50% and 50<75%"
    ]


def test_duplicate_question_id_is_an_error(bank):
    edit(bank / "step6.toml", 'id = "6.2.5"', 'id = "6.2.4"')
    assert (
        f"{bank / 'step6.toml'}: questions (6.2.4): id already used in {bank / 'step6.toml'}"
        in (problems(bank))
    )


def test_invalid_toml_names_the_file(bank):
    edit(bank / "step5.toml", "[[questions]]", "[[questions]")
    (line,) = problems(bank)
    assert line.startswith(f"{bank / 'step5.toml'}: invalid TOML: ")
    assert "line" in line


def test_a_file_that_is_not_utf8_is_named_without_a_traceback(bank):
    path = bank / "step5.toml"
    data = path.read_bytes()
    path.write_bytes(data[:10] + b"\xff" + data[10:])
    assert problems(bank) == [f"{path}: not UTF-8 text (byte 10)"]


def test_missing_step_file(bank):
    (bank / "step4.toml").unlink()
    assert problems(bank) == [f"{bank / 'step4.toml'}: file not found"]


def test_bank_directory_honours_the_environment(bank, monkeypatch):
    monkeypatch.setenv(QUESTIONS_ENV, str(bank))
    assert bank_directory() == bank
    edit(bank / "step3.toml", "nvt_allowed = true", "nvt_alowed = true")
    with pytest.raises(FrameworkError):
        load_framework()


def test_a_value_out_of_range_names_the_table_field_and_value(bank):
    edit(bank / "step2.toml", FIRST_BAND, FIRST_BAND.replace("min = 0", "min = -5"))
    assert problems(bank) == [
        f"{bank / 'step2.toml'}: questions[1] (2.1.1a).criteria[0].bands[0]: "
        "min must be at least 0, got -5"
    ]


def test_a_badly_formed_question_id_is_named(bank):
    edit(bank / "step6.toml", 'id = "6.2.5"', 'id = "6.2.x"')
    (line,) = problems(bank)
    assert line.endswith("(6.2.x): id '6.2.x' is not a question id like 1.1.5, 2.1.1a or 5.2")
