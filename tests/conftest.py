from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"


def needs_shared() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not SEEDS.exists(), reason="../shared is not beside the repository")


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.exists():
        pytest.skip("../shared is not beside the repository")
    return SEEDS
