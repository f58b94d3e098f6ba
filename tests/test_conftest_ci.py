"""The PostgreSQL fixture tells the truth: in CI a server that does not answer fails the test, elsewhere
it skips it with the reason. Each case runs pytest in a child process on a one-test file that asks for
``postgres_url``, with tests/conftest.py loaded as a plugin."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CI_ENV, POSTGRES_ENV, REPO, in_ci

NEEDS_POSTGRES = """
def test_needs_postgres(postgres_url):
    assert postgres_url
"""


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port bound but not listening: a connection to it is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def run_pytest(tmp_path: Path, ci: str | None, postgres_url: str | None) -> subprocess.CompletedProcess[str]:
    test_file = tmp_path / "test_needs_postgres.py"
    test_file.write_text(NEEDS_POSTGRES)
    env = {k: v for k, v in os.environ.items() if k not in (CI_ENV, POSTGRES_ENV)}
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # schemathesis, playwright...: seconds, and not needed here
    if ci is not None:
        env[CI_ENV] = ci
    if postgres_url is not None:
        env[POSTGRES_ENV] = postgres_url
    command = [sys.executable, "-m", "pytest", "-p", "tests.conftest", "-p", "no:cacheprovider"]
    command += ["-rs", "-q", "--rootdir", str(tmp_path), str(test_file)]
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=90)


@pytest.mark.parametrize("value", ["1", "true", "True", "yes"])
def test_in_ci_for_set_values(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(CI_ENV, value)
    assert in_ci()


@pytest.mark.parametrize("value", [None, "", "0", "false", "FALSE"])
def test_not_in_ci_when_unset_empty_or_false(monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    if value is None:
        monkeypatch.delenv(CI_ENV, raising=False)
    else:
        monkeypatch.setenv(CI_ENV, value)
    assert not in_ci()


def test_in_ci_a_postgres_that_does_not_answer_fails(tmp_path: Path, closed_port: int) -> None:
    result = run_pytest(tmp_path, "true", f"postgresql://postgres@127.0.0.1:{closed_port}/test")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "1 error" in output and "skipped" not in output, output
    assert f"PostgreSQL at {POSTGRES_ENV} does not answer" in output, output
    assert "CI is set, so a PostgreSQL test fails instead of skipping" in output, output


def test_in_ci_no_postgres_url_fails(tmp_path: Path) -> None:
    result = run_pytest(tmp_path, "1", None)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "1 error" in output and "skipped" not in output, output
    assert f"{POSTGRES_ENV} is not set" in output, output


@pytest.mark.parametrize("ci", [None, "0", "false"])
def test_outside_ci_a_postgres_that_does_not_answer_skips(
    tmp_path: Path, closed_port: int, ci: str | None
) -> None:
    result = run_pytest(tmp_path, ci, f"postgresql://postgres@127.0.0.1:{closed_port}/test")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "1 skipped" in output, output
    assert f"PostgreSQL at {POSTGRES_ENV} does not answer" in output, output


def test_outside_ci_no_postgres_url_skips(tmp_path: Path) -> None:
    result = run_pytest(tmp_path, None, None)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "1 skipped" in output and f"{POSTGRES_ENV} is not set" in output, output


def test_in_ci_a_postgres_that_answers_passes(tmp_path: Path, postgres_url: str) -> None:
    result = run_pytest(tmp_path, "true", postgres_url)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "1 passed" in output, output
