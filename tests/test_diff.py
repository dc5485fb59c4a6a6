"""Year-over-year comparison: ``compare()``, ``trustone diff`` and the previous-file lookup."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from report_fixtures import demo_session, framework, uniform_session
from trustone_tui.answerfile.read import AnswerFileError
from trustone_tui.answerfile.write import dump_session
from trustone_tui.cli import main
from trustone_tui.engine.session import Interview, QuestionAnswer
from trustone_tui.report.compare import compare, describe, signed
from trustone_tui.store.previous import load_previous, previous_path


def last_year():
    """The demo company a year earlier: 1.1.2 Nee, fewer factories known, another note."""
    now = demo_session()
    session = now.with_answer("1.1.2", QuestionAnswer(answer="nee", note=now.answer("1.1.2").note))
    session = session.with_answer(
        "2.1.1b", QuestionAnswer(percentage=60, note="Drie fabrieken zonder adres.")
    )
    session = session.with_answer("1.3.18", dataclasses.replace(now.answer("1.3.18"), note="Oud."))
    return dataclasses.replace(session, interview=Interview("Sanne", dt.date(2025, 11, 10)))


def test_compare_finds_the_changed_questions_steps_and_level():
    old, new = last_year(), demo_session()
    comparison = compare(old, new, framework())
    assert [q.question_id for q in comparison.changed_questions] == ["1.1.2", "1.3.18", "2.1.1b"]
    q112 = comparison.question("1.1.2")
    assert q112 is not None
    assert (q112.old.answer, q112.new.answer, q112.points_delta) == ("Nee", "Gedeeltelijk", 3)
    assert q112.answer_changed and not q112.note_changed
    q1318 = comparison.question("1.3.18")
    assert q1318 is not None and q1318.note_changed and not q1318.answer_changed
    assert q1318.points_delta == 0
    q211b = comparison.question("2.1.1b")
    assert q211b is not None and (q211b.old.percentage, q211b.new.percentage) == (60, 80)
    assert q211b.points_delta == 3  # band 50<75% = 4 points, 75<100% = 7 points
    assert comparison.points_delta == 6
    assert sum(s.delta for s in comparison.steps) == comparison.points_delta
    assert {s.number: s.delta for s in comparison.steps} == {1: 3, 2: 3, 3: 0, 4: 0, 5: 0, 6: 0}
    # Last year's factory insight (60%) was below C2's 75%: level C1 then, C2 now.
    assert (comparison.old.level, comparison.new.level) == ("C1", "C2")
    assert comparison.old.level != comparison.new.level
    assert (comparison.old.date.year, comparison.new.date.year) == (2025, 2026)


def test_same_session_has_no_changes():
    comparison = compare(demo_session(), demo_session(), framework())
    assert comparison.changed_questions == []
    assert comparison.points_delta == 0 and comparison.old.level == comparison.new.level
    assert len(comparison.questions) == 39


def test_note_differing_only_in_line_ends_is_not_a_change():
    old = demo_session()
    note = old.answer("1.1.2").note
    new = old.with_answer("1.1.2", dataclasses.replace(old.answer("1.1.2"), note=note + "\r\n"))
    new = new.with_answer(
        "1.1.2", dataclasses.replace(new.answer("1.1.2"), note=note.replace("\n", "\r\n"))
    )
    assert compare(old, new, framework()).changed_questions == []


def test_category_change_from_b_to_c():
    old = uniform_session("Groeier BV", category="B")
    new = uniform_session("Groeier BV", category="C")
    comparison = compare(old, new, framework())
    assert (comparison.old.profile.category, comparison.new.profile.category) == ("B", "C")
    only_c = comparison.question("3.1.1")
    assert only_c is not None
    assert (only_c.old.status, only_c.new.status) == ("not_counted", "answered")
    assert describe(only_c.old) == "telt niet mee"
    assert only_c.points_delta == 10
    assert len(comparison.questions) == len(framework().scored_questions("C"))


def test_describe_and_signed():
    comparison = compare(last_year(), demo_session(), framework())
    assert describe(comparison.questions["1.1.2"].old) == "Nee, 0 van 6 punten"
    assert describe(comparison.questions["3.2.5"].new) == "n.v.t."
    assert describe(comparison.questions["6.2.5"].new) == "open, 0 van 4 punten"
    assert (signed(2.5), signed(-3), signed(0)) == ("+2,5", "-3", "0")


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "2025.toml", tmp_path / "2026.toml"
    old.write_bytes(dump_session(last_year(), framework()))
    new.write_bytes(dump_session(demo_session(), framework()))
    return old, new


def test_diff_text(files, capsys):
    old, new = files
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "Niveau:   C1 → C2" in out
    assert "115 van 248 punten (46,3%) → 121 van 248 punten (48,7%); +6 punten" in out
    assert "  * 1.1.2   Nee: 0/6" in out
    assert "    1.1.1   Ja: 1/1" in out
    assert "toen: Drie fabrieken zonder adres." in out
    assert "nu:   Twee fabrieken in Xiamen nog zonder adresgegevens." in out
    main(["diff", str(old), str(new), "--changed"])
    changed = capsys.readouterr().out
    assert "1.1.2" in changed and "1.1.1 " not in changed


def test_diff_markdown_escapes_and_lists_changes(files, tmp_path, capsys):
    old, new = files
    evil = demo_session().with_answer("1.1.1", QuestionAnswer(answer="ja", note="*x* <b>y</b>"))
    new.write_bytes(dump_session(evil, framework()))
    assert main(["diff", str(old), str(new), "--format", "md", "--changed"]) == 0
    text = capsys.readouterr().out
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<b>" not in html and "<em>" not in html
    assert "*x* &lt;b&gt;y&lt;/b&gt;" in html
    assert "| 1.1.2 \\* | Nee: 0/6 | Gedeeltelijk: 3/6 | +3 |" in text
    assert "| **Totaal** | 115 van 248 | 121 van 248 | **+6** |" in text


def test_diff_json(files, capsys):
    old, new = files
    assert main(["diff", str(old), str(new), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["old"]["level"], data["new"]["level"], data["points_delta"]) == ("C1", "C2", 6)
    assert data["old"]["file"] == str(old)
    changed = [qid for qid, q in data["questions"].items() if q["changed"]]
    assert changed == ["1.1.2", "1.3.18", "2.1.1b"]
    assert data["questions"]["2.1.1b"]["old"]["note"] == "Drie fabrieken zonder adres."


def test_diff_with_a_broken_file_exits_2(files, tmp_path, capsys):
    old, _ = files
    assert main(["diff", str(old), str(tmp_path / "missing.toml")]) == 2
    assert "missing.toml: no such file" in capsys.readouterr().err


def test_previous_file_is_found_next_to_the_session_file(files):
    old, new = files
    session = dataclasses.replace(
        demo_session(), interview=Interview("Sanne", None, previous_file="2025.toml")
    )
    assert previous_path(new, session) == old
    previous = load_previous(new, session, framework())
    assert previous is not None and previous.answer("1.1.2").answer == "nee"
    assert load_previous(new, demo_session(), framework()) is None
    absolute = dataclasses.replace(session, interview=Interview(previous_file=str(old)))
    assert previous_path(None, absolute) == old
    missing = dataclasses.replace(session, interview=Interview(previous_file="2024.toml"))
    with pytest.raises(AnswerFileError):
        load_previous(new, missing, framework())
