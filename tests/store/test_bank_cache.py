"""The validated copy of the bank: used when nothing changed, never trusted when it should not be.

Each test loads a temporary copy of the real bank (the ``bank`` fixture) through
``cached_bank`` with its own cache directory.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from trustone_tui.framework.bank import FrameworkError, load_framework
from trustone_tui.store import bankcache as cache
from trustone_tui.store.bankcache import CACHE_DIR_ENV, bank_key, cached_bank


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_ENV, str(folder))
    return folder


class CountingLoader:
    """``load_framework`` that counts how often the files were really validated."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, directory: Path):
        self.calls += 1
        return load_framework(directory)


def cached_copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("bank-*.pickle"))


def test_second_load_comes_from_the_copy_and_equals_the_validated_bank(bank, cache_dir):
    loader = CountingLoader()
    first = cached_bank(bank, loader)
    second = cached_bank(bank, loader)
    assert loader.calls == 1
    assert second is not first
    assert second.meta == first.meta
    assert second.steps == first.steps
    assert second.fingerprint == first.fingerprint
    assert second.questions == first.questions
    (copy,) = cached_copies(cache_dir)
    if os.name == "posix":
        assert copy.stat().st_mode & 0o777 == 0o600
        assert cache_dir.stat().st_mode & 0o777 == 0o700


def test_an_edited_question_file_is_validated_again(bank, cache_dir):
    loader = CountingLoader()
    cached_bank(bank, loader)
    path = bank / "step3.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("nvt_allowed = true", "nvt_alowed = true", 1),
        encoding="utf-8",
    )
    with pytest.raises(FrameworkError, match="nvt_alowed: unknown key"):
        cached_bank(bank, loader)
    assert loader.calls == 2


def test_a_new_toml_file_in_the_bank_changes_the_key(bank):
    before = bank_key(bank)
    (bank / "extra.toml").write_text("# not listed in steps\n", encoding="utf-8")
    assert bank_key(bank) != before


def test_a_damaged_copy_is_ignored_and_replaced(bank, cache_dir):
    loader = CountingLoader()
    cached_bank(bank, loader)
    (copy,) = cached_copies(cache_dir)
    copy.write_bytes(copy.read_bytes()[:100])
    assert cached_bank(bank, loader).version
    assert loader.calls == 2
    assert cached_bank(bank, loader).version
    assert loader.calls == 2  # the rebuilt copy is used again


def test_a_copy_that_is_not_a_bank_is_ignored(bank, cache_dir):
    import pickle

    loader = CountingLoader()
    cached_bank(bank, loader)
    (copy,) = cached_copies(cache_dir)
    copy.write_bytes(pickle.dumps({"not": "a bank"}))
    cached_bank(bank, loader)
    assert loader.calls == 2


@pytest.mark.skipif(os.name != "posix", reason="permission bits")
def test_a_copy_others_can_write_is_not_trusted(bank, cache_dir):
    loader = CountingLoader()
    cached_bank(bank, loader)
    (copy,) = cached_copies(cache_dir)
    copy.chmod(0o666)
    cached_bank(bank, loader)
    assert loader.calls == 2


def test_an_unwritable_cache_directory_only_costs_time(bank, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocker / "cache"))
    loader = CountingLoader()
    assert cached_bank(bank, loader).version
    assert cached_bank(bank, loader).version
    assert loader.calls == 2
    assert not list(tmp_path.glob("**/*.tmp"))


def test_the_cache_directory_defaults_to_the_platform_one(monkeypatch):
    import platformdirs

    monkeypatch.delenv(CACHE_DIR_ENV)
    assert cache.cache_directory() == Path(
        platformdirs.user_cache_dir(cache.APP_NAME, appauthor=False)
    )


def test_a_start_with_a_cached_bank_does_not_import_pydantic(tmp_path):
    code = (
        "import sys\n"
        "from trustone_tui.store.bankcache import default_framework\n"
        "assert len(default_framework().scored_questions()) == 39\n"
        "print('pydantic' in sys.modules)\n"
    )
    env = {**os.environ, CACHE_DIR_ENV: str(tmp_path / "cache")}

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    assert run() == "True"  # the first start validates the files with pydantic
    assert run() == "False"  # later starts use the validated copy
