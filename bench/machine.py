"""What a benchmark ran on: CPUs, Python, load, and the commit measured (the machine is shared)."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path
from typing import Any


# -- machine -----------------------------------------------------------------------------------------
def machine_info() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_at_end": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "git": git_state(),
    }


def git_state() -> dict[str, Any] | None:
    """The commit measured, and whether the project's packages had uncommitted edits."""
    repo = Path(__file__).resolve().parents[1]
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain", "--", "db", "crawler", "monitor", "replica"],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return {"commit": commit, "uncommitted_changes": bool(status.strip())}


def machine_line(machine: dict[str, Any]) -> str:
    load = machine["loadavg_at_end"]
    load_text = f", load average {load[0]:.2f}" if load else ""
    git = machine["git"]
    git_text = ""
    if git:
        git_text = f", commit {git['commit'][:10]}" + (" + local edits" if git["uncommitted_changes"] else "")
    cpus = f"{machine['nproc']} CPUs ({machine['cpu']})"
    return f"machine: {cpus}, Python {machine['python']}{load_text}{git_text}"
