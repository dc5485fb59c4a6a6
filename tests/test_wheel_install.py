"""``questions/`` ships inside the wheel, and a non-editable install finds and loads it.

Builds the wheel from this checkout (hatchling, via pip), installs it with ``--target`` into a
temporary directory and runs ``trustone score`` there in a fresh process. Nothing is cached
across runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from proof_helpers import EXAMPLE

REPO = Path(__file__).resolve().parents[1]


def pip(*args: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pip", *args, "--quiet", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


@pytest.mark.slow
def test_wheel_ships_the_bank_and_an_installed_copy_scores(tmp_path):
    dist = tmp_path / "dist"
    pip("wheel", "--no-deps", "--wheel-dir", str(dist), str(REPO))
    (wheel,) = dist.glob("trustone_tui-*.whl")
    bank_files = sorted(p.name for p in (REPO / "questions").glob("*.toml"))
    assert len(bank_files) == 8  # framework.toml, step1-6.toml, countries.toml
    with zipfile.ZipFile(wheel) as archive:
        for name in bank_files:
            shipped = archive.read(f"trustone_tui/questions/{name}")
            assert shipped == (REPO / "questions" / name).read_bytes(), name

    site = tmp_path / "site"
    pip("install", "--no-deps", "--no-index", "--target", str(site), str(wheel))
    answers = tmp_path / "jansen.toml"
    answers.write_text(EXAMPLE, encoding="utf-8")
    code = (
        "import json, sys\n"
        "import trustone_tui\n"
        "from trustone_tui.framework.bank import bank_directory\n"
        "from trustone_tui.store.bankcache import default_framework\n"
        "from trustone_tui.cli import main\n"
        "where = {'package': trustone_tui.__file__, 'bank': str(bank_directory()),\n"
        "         'questions': len(default_framework().scored_questions())}\n"
        "print(json.dumps(where))\n"
        f"sys.exit(main(['score', {str(answers)!r}, '--format', 'json']))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "TRUSTONE_QUESTIONS"}
    env["PYTHONPATH"] = str(site)
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    first, rest = proc.stdout.split("\n", 1)
    where = json.loads(first)
    assert Path(where["package"]).is_relative_to(site)
    assert Path(where["bank"]) == site / "trustone_tui" / "questions"
    assert where["questions"] == 39
    score = json.loads(rest)
    assert (score["company"], score["points"], score["max_points"]) == (
        "Natuursteen Jansen B.V.",
        6,
        252,
    )
