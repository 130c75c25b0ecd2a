"""Fail when code imports a package that pyproject.toml does not declare.

Every ``import x`` / ``from x import y`` in ``syuzhet/`` (also the lazy ones inside functions) must come from
the standard library, from syuzhet itself, or from a distribution declared in ``[project] dependencies`` or
an extra; ``tests/``, ``benchmarks/`` and ``scripts/`` may also use the ``dev`` extra. Modules are mapped to
distributions with ``importlib.metadata.packages_distributions()`` of the running environment, so run it in
the project's venv (``python scripts/check_imports.py``; the test suite runs it too). Exit status 1 and one
line per undeclared import when something is missing."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from collections.abc import Iterator
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the project's own packages, and the modules of scripts/ and benchmarks/ that import each other
LOCAL = {"syuzhet", "tests", "benchmarks", "scripts"} | {
    p.stem for folder in ("scripts", "benchmarks") for p in (ROOT / folder).glob("*.py")}
# Packages that a dependency imports at run time without declaring them, so pip may leave them out:
# trafilatura and justext call ``lxml.html.clean``, which lxml 5.2+ moved to its own distribution.
UNDECLARED_BY_DEPENDENCIES = {"lxml_html_clean": "lxml-html-clean"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> dict[str, set[str]]:
    """Distribution names per group: 'core' and each extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    groups = {"core": project.get("dependencies", []), **project.get("optional-dependencies", {})}
    names = {}
    for group, requirements in groups.items():
        names[group] = {canonical(re.split(r"[\s\[<>=!~;]", req, maxsplit=1)[0]) for req in requirements}
    return names


def imports(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0]


def problems(groups: dict[str, set[str]] | None = None) -> list[str]:
    """One line per import that ``groups`` (default: pyproject.toml's) does not declare."""
    groups = groups or declared()
    runtime = set().union(*(names for group, names in groups.items() if group != "dev"))
    everything = runtime | groups.get("dev", set())
    found = []
    for needed in UNDECLARED_BY_DEPENDENCIES.values():
        if needed not in groups["core"]:
            found.append(f"pyproject.toml: {needed} must be declared (dependencies import it without declaring it)")
    owners = packages_distributions()
    for folder in ("syuzhet", "tests", "benchmarks", "scripts"):
        allowed = runtime if folder == "syuzhet" else everything
        for path in sorted((ROOT / folder).rglob("*.py")):
            for lineno, module in imports(path):
                if module in sys.stdlib_module_names or module in LOCAL or module == "__future__":
                    continue
                dists = {canonical(d) for d in owners.get(module, [])}
                if not dists:
                    found.append(f"{path.relative_to(ROOT)}:{lineno}: '{module}' is not installed here")
                elif not dists & allowed:
                    where = f"{path.relative_to(ROOT)}:{lineno}"
                    found.append(f"{where}: '{module}' comes from {', '.join(sorted(dists))}, which pyproject.toml "
                                 "does not declare" + ("" if folder == "syuzhet" else " (dev)"))
    return found


def main() -> int:
    found = problems()
    for line in found:
        print(f"check_imports: {line}", file=sys.stderr)
    if not found:
        print("check_imports: every import is declared in pyproject.toml")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
