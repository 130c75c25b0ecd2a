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


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("../shared is not beside the repository: CI must run the quality gates")
        pytest.skip("../shared is not beside the repository")
    return SEEDS
