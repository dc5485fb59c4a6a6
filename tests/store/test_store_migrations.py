"""Format versions: older files are migrated with a backup kept, newer ones refused.

Formats 1 and 2 are real (1 -> 2 only added optional tables); most tests register a step from a
made-up format 0 (for the duration of the test) to exercise the mechanism with a step that
changes the document, then run the real chain 0 -> 1 -> 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from trustone_tui.answerfile import migrations
from trustone_tui.answerfile.read import AnswerFileError, read_session
from trustone_tui.answerfile.write import dump_session
from trustone_tui.demo import demo_bytes
from trustone_tui.engine.session import QuestionAnswer
from trustone_tui.store import atomic
from trustone_tui.store.answerfiles import load_session
from trustone_tui.store.sessions import SaveError, open_session


def v0_from_v1(data: bytes) -> bytes:
    """A format-0 file: like format 1, but the company name is at the top as ``bedrijf``."""
    text = data.decode()
    text = text.replace("schema_version = 2\n", "schema_version = 0\n")
    text = text.replace('name = "Natuursteen Van Dijk & Zn. B.V."\n', "")
    return ('bedrijf = "Natuursteen Van Dijk & Zn. B.V."\n' + text).encode()


def step_0_to_1(document):
    document["company"]["name"] = document.pop("bedrijf")
    return document


@pytest.fixture
def with_step_from_0(monkeypatch):
    monkeypatch.setitem(migrations.MIGRATIONS, 0, step_0_to_1)


@pytest.fixture
def old_file(tmp_path):
    path = tmp_path / "oud.toml"
    path.write_bytes(v0_from_v1(demo_bytes()))
    return path


def test_an_older_format_is_migrated_and_the_original_kept(
    framework, demo, old_file, with_step_from_0
):
    original = old_file.read_bytes()
    with open_session(old_file, framework) as opened:
        assert opened.session == demo
        assert opened.migrated_from == 0
        assert opened.migrated_backup == old_file.parent / "oud.toml.v0.bak"
        assert opened.migrated_backup.read_bytes() == original
        assert old_file.read_bytes() == original  # opening alone rewrites nothing
        assert opened.notices == [
            f"{old_file}: upgraded from format version 0; the original is kept as oud.toml.v0.bak"
        ]
        changed = demo.with_answer("1.1.4", QuestionAnswer(answer="nee"))
        opened.save(changed)
    assert old_file.read_bytes() == dump_session(changed, framework)  # now format 1
    assert (old_file.parent / "oud.toml.v0.bak").read_bytes() == original


def test_an_unchanged_save_of_a_migrated_file_writes_the_new_format(
    framework, demo, old_file, with_step_from_0
):
    with open_session(old_file, framework) as opened:
        opened.save(opened.session)
    assert old_file.read_bytes() == demo_bytes()


def test_an_existing_backup_is_never_overwritten(framework, old_file, with_step_from_0):
    first_backup = old_file.parent / "oud.toml.v0.bak"
    first_backup.write_bytes(b"an earlier backup")
    with open_session(old_file, framework) as opened:
        assert opened.migrated_backup == old_file.parent / "oud.toml.v0.2.bak"
    assert first_backup.read_bytes() == b"an earlier backup"
    with open_session(old_file, framework) as again:  # same original: the backup is reused
        assert again.migrated_backup == old_file.parent / "oud.toml.v0.2.bak"
    assert sorted(p.name for p in old_file.parent.iterdir()) == [
        "oud.toml",
        "oud.toml.v0.2.bak",
        "oud.toml.v0.bak",
    ]


def test_no_overwrite_of_the_original_until_a_backup_exists(
    framework, demo, old_file, with_step_from_0, monkeypatch
):
    real_write_new = atomic.write_new
    failing = {"on": True}

    def write_new(path, data, mode=0o600):
        if failing["on"] and path.name.endswith(".bak"):
            raise OSError(28, "No space left on device")
        return real_write_new(path, data, mode)

    monkeypatch.setattr(atomic, "write_new", write_new)
    original = old_file.read_bytes()
    with open_session(old_file, framework) as opened:
        assert opened.migrated_backup is None
        assert "no backup of the original could be made yet" in opened.notices[0]
        changed = demo.with_answer("1.1.4", QuestionAnswer(answer="nee"))
        with pytest.raises(SaveError, match="cannot keep a backup"):
            opened.save(changed)
        assert old_file.read_bytes() == original
        failing["on"] = False
        opened.save(changed)
        assert opened.migrated_backup is not None
        assert opened.migrated_backup.read_bytes() == original
    assert load_session(old_file, framework) == changed


def test_a_newer_format_is_refused_with_upgrade_advice(framework, tmp_path):
    path = tmp_path / "nieuw.toml"
    path.write_bytes(demo_bytes().replace(b"schema_version = 2", b"schema_version = 3"))
    before = path.read_bytes()
    with pytest.raises(AnswerFileError) as caught:
        open_session(path, framework)
    assert caught.value.problems == [
        f"{path}: schema_version: file is format version 3, newer than this trustone-tui "
        "understands (2); upgrade trustone-tui to open it"
    ]
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["nieuw.toml"]


def test_an_older_format_without_a_migration_is_refused(framework, old_file):
    with pytest.raises(AnswerFileError) as caught:
        open_session(old_file, framework)
    assert caught.value.problems == [f"{old_file}: schema_version: 0 is not a known format version"]


def test_a_failing_migration_step_is_a_one_line_problem(framework, old_file, monkeypatch):
    monkeypatch.setitem(migrations.MIGRATIONS, 0, lambda doc: doc["ontbreekt"])
    with pytest.raises(AnswerFileError) as caught:
        open_session(old_file, framework)
    assert caught.value.problems == [
        f"{old_file}: cannot upgrade from format version 0 to 1: KeyError: 'ontbreekt'"
    ]
    assert not (old_file.parent / "oud.toml.v0.bak").exists()


def test_migration_does_not_change_the_parsed_input(with_step_from_0):
    document = {"schema_version": 0, "bedrijf": "X", "company": {"employees": 1}}
    upgraded = migrations.upgrade(document)
    assert upgraded.from_version == 0 and upgraded.migrated
    assert upgraded.document["company"] == {"employees": 1, "name": "X"}
    assert document == {"schema_version": 0, "bedrijf": "X", "company": {"employees": 1}}


def test_a_migrated_file_is_validated_like_a_current_one(framework, old_file, with_step_from_0):
    """The step's result goes through the one validator: its problems are worded as usual."""
    text = old_file.read_text(encoding="utf-8")
    old_file.write_text(
        text.replace('bedrijf = "Natuursteen Van Dijk & Zn. B.V."', "bedrijf = 5"), encoding="utf-8"
    )
    with pytest.raises(AnswerFileError) as caught:
        read_session(old_file.read_bytes(), "oud.toml", framework)
    assert caught.value.problems == ["oud.toml: company.name: must be text in quotes (got 5)"]


def test_reading_reports_the_format_a_file_was_in(framework, old_file, with_step_from_0):
    read = read_session(old_file.read_bytes(), "oud.toml", framework)
    assert (read.from_version, read.migrated) == (0, True)
    current = read_session(demo_bytes(), "demo.toml", framework)
    assert (current.from_version, current.migrated) == (2, False)
    assert current.session == read.session


# The real step: format 1 (the released format until the register and the plan of action) ------

V1_FILE = Path(__file__).parents[1] / "data" / "format_v1_demo.toml"


def test_a_real_format_1_file_opens_as_the_same_session_and_keeps_its_original(
    framework, demo, tmp_path
):
    path = tmp_path / "2026.toml"
    path.write_bytes(V1_FILE.read_bytes())
    with open_session(path, framework) as opened:
        assert opened.migrated_from == 1
        assert opened.session == demo
        assert opened.session.register is None and opened.session.actions == ()
        opened.save(opened.session)
    assert path.read_bytes() == demo_bytes()
    assert (tmp_path / "2026.toml.v1.bak").read_bytes() == V1_FILE.read_bytes()


@pytest.mark.parametrize("table", ['[register]\neenheid = "ton"\n', '[[actions]]\nid = "A1"\n'])
def test_a_format_1_file_with_a_format_2_table_is_refused(framework, tmp_path, table):
    path = tmp_path / "vreemd.toml"
    path.write_bytes(V1_FILE.read_bytes() + b"\n" + table.encode())
    before = path.read_bytes()
    key = table.strip("[]\n").split("]")[0].strip("[]")
    with pytest.raises(AnswerFileError) as caught:
        open_session(path, framework)
    assert caught.value.problems == [
        f"{path}: {key}: not part of format version 1 (set schema_version = 2)"
    ]
    assert path.read_bytes() == before
