"""Every third-party package the code imports is declared directly in pyproject.toml: the product's
packages in [project] dependencies, what only the tests and benchmarks import in the ``dev`` extra. A
package that arrives only through another one's dependencies can vanish at that one's next release."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.conftest import REPO

PRODUCT = ["db", "crawler", "monitor", "api", "dashboard", "replica"]
DEV_ONLY = ["tests", "bench"]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9._-]+", requirement.strip())
    assert match, requirement
    return canonical(match.group(0))


def declared() -> tuple[set[str], set[str]]:
    """The distributions of [project] dependencies and of the ``dev`` extra."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    product = {requirement_name(r) for r in project["dependencies"]}
    return product, {requirement_name(r) for r in project["optional-dependencies"]["dev"]}


def third_party_imports(folder: str) -> dict[str, set[str]]:
    """Top-level module -> files importing it, for the imports of ``folder`` that are not ours."""
    ours = set(PRODUCT + DEV_ONLY)
    found: dict[str, set[str]] = {}
    for path in sorted((REPO / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                sibling = path.parent / f"{top}.py"  # bench/ scripts import their neighbours by name
                if top in sys.stdlib_module_names or top in ours or top == "__future__" or sibling.exists():
                    continue
                found.setdefault(top, set()).add(str(path.relative_to(REPO)))
    return found


def undeclared(folders: list[str], allowed: set[str]) -> list[str]:
    distributions = packages_distributions()
    problems = []
    for folder in folders:
        for module, files in sorted(third_party_imports(folder).items()):
            providers = {canonical(d) for d in distributions.get(module, [])}
            if not providers:
                problems.append(f"{module} (imported by {sorted(files)}) is not installed")
            elif not providers & allowed:
                problems.append(f"{module} (distribution {sorted(providers)}) imported by {sorted(files)}")
    return problems


def test_product_imports_are_product_dependencies() -> None:
    product, _ = declared()
    assert undeclared(PRODUCT, product) == []


def test_test_and_bench_imports_are_declared() -> None:
    product, dev = declared()
    assert undeclared(DEV_ONLY, product | dev) == []


def test_parsel_is_not_declared_since_nothing_imports_it() -> None:
    product, dev = declared()
    assert "parsel" not in product | dev
