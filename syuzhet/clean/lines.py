"""The unit cleaning works on: a line of the raw text with its neighbourhood."""

from __future__ import annotations

import re
from dataclasses import dataclass

from syuzhet.text import tidy_line

_SENTENCE_END = re.compile(r"[.!?…»\"“”)]$")
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Line:
    text: str
    group: int  # consecutive non-blank lines share a group; a blank line starts a new one
    kind: str = "paragraph"  # paragraph | heading | title | subtitle
    dropped_by: str | None = None

    @property
    def kept(self) -> bool:
        return self.dropped_by is None

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))

    @property
    def ends_sentence(self) -> bool:
        return bool(_SENTENCE_END.search(self.text))

    @property
    def lower(self) -> str:
        return self.text.lower()


def split_lines(text: str) -> list[Line]:
    """Non-blank lines, tidied, each knowing its blank-line-separated group."""
    out: list[Line] = []
    group = 0
    for raw in text.split("\n"):
        line = tidy_line(raw)
        if not line:
            group += 1
            continue
        out.append(Line(line, group))
    return out


def headline_like(line: Line, max_chars: int = 200) -> bool:
    """Short, no full stop at the end, starts with a capital, digit or quotation mark."""
    text = line.text
    return (
        len(text) <= max_chars
        and not text.endswith((".", ",", ";"))
        and (text[0].isupper() or text[0].isdigit() or text[0] in "«\"„“'")
    )
