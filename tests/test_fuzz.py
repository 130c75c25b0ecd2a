"""A short fuzz run of every reader (seconds in all); ``benchmarks/fuzz_campaign.py`` runs the long campaign."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz_targets import TARGETS


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_reader_survives_fuzzing(name: str) -> None:
    target, strategies = TARGETS[name]
    run = settings(max_examples=25, deadline=None, database=None, derandomize=True,
                   suppress_health_check=list(HealthCheck))(given(*strategies)(target))
    run()
