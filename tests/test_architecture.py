"""The arrows of DESIGN.md hold: `db` imports none of the others; `crawler`, `api` and `dashboard`
import `db` only; the replica stands alone. The contract is import-linter's (pyproject.toml), the same
one `make lint` runs; the second test shows it bites on a copy of the tree with one wrong arrow."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("db", "crawler", "api", "dashboard", "monitor", "replica")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_tree_keeps_the_arrows() -> None:
    result = _lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_wrong_arrow_breaks_the_contract(tmp_path: Path) -> None:
    for package in PACKAGES:
        shutil.copytree(REPO / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    wrong = tmp_path / "db" / "errors.py"
    wrong.write_text(wrong.read_text() + "\n\ndef _wrong() -> None:\n    import monitor.cli  # noqa\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "db is floor 1: it imports none of the others BROKEN" in result.stdout
    assert "db.errors -> monitor.cli" in result.stdout
