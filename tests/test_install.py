"""What a fresh machine installs: every import declared in pyproject.toml, and the extras as documented."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import check_imports  # noqa: E402  (scripts/ is not a package)


def test_every_import_is_declared() -> None:
    assert check_imports.problems() == []


def test_a_missing_declaration_is_caught() -> None:
    declared = check_imports.declared()
    declared["core"] -= {"razdel", "lxml-html-clean"}
    found = check_imports.problems(declared)
    assert any("stories/text.py" in line and "'razdel'" in line for line in found)
    assert any("lxml-html-clean must be declared" in line for line in found)


def test_extras_follow_the_convention() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert {"nlp", "api", "ray", "dev", "all"} <= set(extras)
    (everything,) = extras["all"]  # 'syuzhet[nlp,api,ray,...]': the shared extras, plus any later one (parquet)
    assert everything.startswith("syuzhet[nlp,api,ray")
    pins = {line.split("==")[0].lower() for line in (ROOT / "constraints.txt").read_text().splitlines()
            if "==" in line}
    assert {"razdel", "lxml", "lxml-html-clean", "natasha", "hypothesis"} <= {p.replace("_", "-") for p in pins}
