"""The import contracts in pyproject.toml hold, and break the build when an import breaks them.

`make test` runs `lint-imports` before the suite; these tests show that it passes on the tree as
it is and fails, naming the contract, on a copy of the package with one forbidden import added.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "trustone_tui"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter not installed")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    """Run lint-imports with the project's contracts against the package under ``tree/src``."""
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def copy_with(tmp_path: Path, module: str, line: str) -> Path:
    """A copy of the package whose ``module`` (a path under the package) gains ``line``."""
    shutil.copytree(PACKAGE, tmp_path / "src" / "trustone_tui")
    target = tmp_path / "src" / "trustone_tui" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return tmp_path


def test_the_tree_keeps_every_contract(tmp_path):
    shutil.copytree(PACKAGE, tmp_path / "src" / "trustone_tui")
    result = lint_imports(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("engine/scoring.py", "import textual", "Textual (and Rich) only under tui/"),
        ("report/content.py", "import rich", "Textual (and Rich) only under tui/"),
        (
            "engine/scoring.py",
            "import trustone_tui.store.sessions",
            "The domain core imports nothing of the outer layers",
        ),
        ("answerfile/read.py", "import trustone_tui.report", "Layers"),
        ("text/plain.py", "import trustone_tui.store.atomic", "Layers"),
        ("framework/model.py", "import trustone_tui.framework.bank", "No import cycles"),
    ],
)
def test_a_forbidden_import_breaks_the_build(tmp_path, module, line, contract):
    result = lint_imports(copy_with(tmp_path, module, line))
    assert result.returncode != 0
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN")]
    assert any(row.startswith(contract) for row in broken), result.stdout
