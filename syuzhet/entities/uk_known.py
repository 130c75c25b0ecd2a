"""A Ukrainian CRF span that stops short of a name the gazetteer knows takes the rest of that name.

The CRF sometimes closes a long name before its lower-case tail ('Організації Ради з питань безпеки' tagged up to
'Ради'). When the span, followed by the next one to four words of its line, is a form of a name in
``places.txt`` or ``aliases.txt`` once its first word is put in its base form, the span is extended to the end
of that name and takes the name's type. Spans are only ever extended, never cut; a later span that the
extension covers is dropped.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Protocol

from syuzhet.entities.gazetteer import GROUP_FILES, group_forms, known_type

Span = tuple[int, int, str]
MAX_TAIL = 4  # words a name may run on after the CRF's span


class Token(Protocol):
    """A token of the Ukrainian tagger's lines, as the rules after it read one."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@functools.cache
def _last_words() -> frozenset[str]:
    """The last word, lower case, of every name of two words or more in the gazetteer: a cheap first test."""
    forms = (f for name in GROUP_FILES for group in group_forms(name) for f in group)
    return frozenset(f.split()[-1].lower() for f in forms if len(f.split()) > 1)


def _known(text: str, start: int, end: int, base: Callable[[str], str]) -> str:
    """The gazetteer type of text[start:end] read with its first word in base form, else ''."""
    words = text[start:end].split(" ", 1)
    head = base(words[0])
    name = " ".join([head[:1].upper() + head[1:], *words[1:]])
    return known_type(name, "uk") or known_type(text[start:end], "uk")


def whole_known_names(
    text: str, lines: Sequence[Sequence[Token]], spans: list[Span], base: Callable[[str], str]
) -> list[Span]:
    """``spans`` with each ORG or LOC span extended over the rest of a gazetteer name that it begins."""
    wanted = {end for _, end, kind in spans if kind in ("ORG", "LOC")}  # the tokens a span may end at
    ends = {t.end: (line, i) for line in lines for i, t in enumerate(line) if t.end in wanted}
    out: list[Span] = []
    for start, end, kind in spans:
        if out and start < out[-1][1]:
            continue  # covered by the extension of the span before
        if kind in ("ORG", "LOC") and end in ends:
            line, i = ends[end]
            tail = list(line[i + 1 : i + 1 + MAX_TAIL])
            for n in range(len(tail), 0, -1):
                if tail[n - 1].text.lower() not in _last_words() or any(not t.text[:1].isalpha() for t in tail[:n]):
                    continue  # a name runs on over words only, to a word that ends a known name
                if found := _known(text, start, tail[n - 1].end, base):
                    end, kind = tail[n - 1].end, found
                    break
        out.append((start, end, kind))
    return out
