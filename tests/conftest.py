from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"


def needs_shared() -> pytest.MarkDecorator:
    """Skip where ../shared is missing, except under CI (``CI=true``), where a missing gate's data fails."""
    return pytest.mark.skipif(not SEEDS.exists() and os.environ.get("CI") != "true",
                              reason="../shared is not beside the repository")


def require(path: Path) -> Path:
    """``path``, or skip the test when it is missing; under ``CI=true`` a missing gate input fails instead."""
    if not path.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"gate data {path} is missing")
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture
def seeds() -> Path:
    """../shared/corpus/seeds; the gates that take it fail under ``CI=true`` when ../shared is missing."""
    return require(SEEDS)
