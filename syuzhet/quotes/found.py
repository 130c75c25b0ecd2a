"""What a rule reports before speakers are resolved: the quoted span, its cue, the speaker words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from syuzhet.quotes.doc import Doc
from syuzhet.quotes.speakers import Speaker

_TRAILING = re.compile(r"[\s.,;:!?…—–-]+$")
_LEADING = re.compile(r"^[\s,;:—–-]+")


@dataclass(slots=True)
class Found:
    kind: str  # direct | indirect
    start: int
    end: int
    rule: str
    cue: str | None = None
    cue_at: int = -1  # where the attribution is (for recency); -1 = at the quote
    speaker: Speaker | None = None
    speaker_rule: str | None = None
    same_as: Found | None = None  # a continuation takes the speaker of this quote
    extra_rules: list[str] = field(default_factory=list)


def clause(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A reported clause trimmed of surrounding spaces, commas, dashes and the final full stop."""
    piece = doc.text[start:end]
    lead = _LEADING.search(piece)
    start += lead.end() if lead else 0
    trail = _TRAILING.search(doc.text, start, end)
    return start, trail.start() if trail else end
