"""``trustone diff``: element and follow-up changes shown, warnings, file names in Markdown."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from report_fixtures import demo_session, framework
from trustone_tui.answerfile.write import dump_session
from trustone_tui.cli import main
from trustone_tui.engine.session import Interview
from trustone_tui.report.compare import compare


def with_elements(session, qid: str, elements: dict[str, tuple[int, ...]]):
    return session.with_answer(qid, dataclasses.replace(session.answer(qid), elements=elements))


def with_follow_up(session, qid: str, follow_up: bool):
    return session.with_answer(qid, dataclasses.replace(session.answer(qid), follow_up=follow_up))


def pair(tmp_path: Path, old, new, old_name: str = "2025.toml", new_name: str = "2026.toml"):
    old_path, new_path = tmp_path / old_name, tmp_path / new_name
    old_path.write_bytes(dump_session(old, framework()))
    new_path.write_bytes(dump_session(new, framework()))
    return str(old_path), str(new_path)


def last_year():
    now = demo_session()
    return dataclasses.replace(now, interview=Interview("Sanne", dt.date(2025, 11, 10)))


def test_an_element_change_alone_is_a_change():
    old = with_elements(last_year(), "1.1.2", {"": (1,)})
    new = with_elements(demo_session(), "1.1.2", {"": (2, 3)})
    change = compare(old, new, framework()).question("1.1.2")
    assert change is not None
    assert change.changed and change.elements_changed and not change.answer_changed
    assert change.what_changed == ("elementen",)


def test_element_and_follow_up_changes_are_shown_in_text(tmp_path, capsys):
    old = with_elements(last_year(), "1.1.2", {"": (1,)})
    old = with_follow_up(old, "1.1.5", True)
    new = with_elements(demo_session(), "1.1.2", {"": (2, 3)})
    new = with_follow_up(new, "1.1.5", False)
    assert main(["diff", *pair(tmp_path, old, new), "--changed"]) == 0
    out = capsys.readouterr().out
    assert "  * 1.1.2 " in out and "  * 1.1.5 " in out
    assert "Gewijzigde elementen (aangevinkt toen → nu)" in out
    assert "    1.1.2   1 → 2, 3" in out
    assert "Gewijzigd: nader uitzoeken (toen → nu)" in out
    assert "    1.1.5   ja → nee" in out
    line_115 = next(line for line in out.splitlines() if line.startswith("  * 1.1.5"))
    assert line_115.endswith("nader uitzoeken")


def test_grouped_elements_are_named_by_group(tmp_path, capsys):
    new = demo_session()
    old = with_elements(last_year(), "1.2.14", {"staf": (1,)})
    assert main(["diff", *pair(tmp_path, old, new), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    q = data["questions"]["1.2.14"]
    assert q["elements_changed"] and not q["follow_up_changed"]
    assert q["old"]["elements"] == {"staf": [1]}
    assert q["new"]["elements"] == {"operationeel": [1], "staf": [1, 2]}
    assert data["questions"]["1.1.2"]["new"]["elements"] == [1, 2, 3, 5]
    assert data["warnings"] == []


def test_markdown_shows_element_and_follow_up_tables_and_only_file_names(tmp_path, capsys):
    old = with_elements(last_year(), "1.1.2", {"": ()})
    old = with_follow_up(old, "1.1.5", True)
    old_path, new_path = pair(tmp_path, old, demo_session())
    assert main(["diff", old_path, new_path, "--format", "md"]) == 0
    text = capsys.readouterr().out
    assert "## Gewijzigde elementen" in text and "| 1.1.2 | geen | 1, 2, 3, 5 |" in text
    assert "## Gewijzigd: nader uitzoeken" in text and "| 1.1.5 | ja | nee |" in text
    assert "- **Toen:** 2025\\.toml (10 november 2025)" in text  # the leading "2025." escaped
    assert str(tmp_path) not in text


def test_old_newer_than_new_is_warned(tmp_path, capsys):
    old_path, new_path = pair(tmp_path, demo_session(), last_year())
    assert main(["diff", old_path, new_path]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1] == (
        "Let op: OUD (12 november 2026) is nieuwer dan NIEUW (10 november 2025); "
        "zijn de bestanden verwisseld?"
    )
    assert main(["diff", new_path, old_path]) == 0
    assert "Let op" not in capsys.readouterr().out


def test_two_companies_are_warned_in_every_format(tmp_path, capsys):
    other = demo_session()
    other = dataclasses.replace(other, company=dataclasses.replace(other.company, name="Ander BV"))
    paths = pair(tmp_path, last_year(), other)
    warning = "Let op: twee verschillende bedrijven (Natuursteen Van Dijk & Zn. B.V. en Ander BV)."
    assert main(["diff", *paths]) == 0
    assert warning in capsys.readouterr().out
    assert main(["diff", *paths, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == [warning]
    assert main(["diff", *paths, "--format", "md"]) == 0
    assert "Let op: twee verschillende bedrijven" in capsys.readouterr().out
    # Another spelling of one company is not a warning.
    same = dataclasses.replace(
        other, company=dataclasses.replace(other.company, name="NATUURSTEEN VAN DIJK  & Zn. B.V.")
    )
    assert compare(last_year(), same, framework()).warnings == ()


def test_diff_json_numbers_are_floats(tmp_path, capsys):
    old = with_elements(last_year(), "1.1.2", {"": (1,)})
    assert main(["diff", *pair(tmp_path, old, demo_session()), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for qid, q in data["questions"].items():
        assert isinstance(q["points_delta"], float), qid
        for side in (q["old"], q["new"]):
            assert side["points"] is None or isinstance(side["points"], float), qid
            assert isinstance(side["max_points"], float), qid
    assert isinstance(data["points_delta"], float)
