"""What goes wrong with one input: reported as one line naming the source and the reason, never raised."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    source: str
    reason: str
    skipped: bool = True

    def __str__(self) -> str:
        verb = "skipped" if self.skipped else "warning"
        return f"{verb}: {self.source}: {self.reason}"


class InputError(Exception):
    """Raised inside a reader for one input; the caller turns it into a ``Problem`` and goes on."""
