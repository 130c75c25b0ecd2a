"""Quotation marks paired into spans: «...», „...“, “...”, "...", '...', &quot;...&quot; and mismatched pairs
('"...»'), with nesting («... «дружбы» ...»). Apostrophes inside words (прем'єр, O'Leary) are not marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"&quot;|[«»„“”\"‘’']")
_OPENING = {"«", "„", "‘"}
_CLOSING = {"»", "”"}
_TOGGLES = {'"', "&quot;", "'", "“", "’"}  # open or close, depending on what is around them
MAX_SPAN = 4000  # a mark left open longer than this is a stray one


@dataclass(slots=True)
class Span:
    """A quoted string: ``open``/``close`` are the offsets of the marks, ``start``/``end`` the trimmed inside."""

    open: int
    close: int
    start: int
    end: int
    depth: int
    mark: str
    collapsed: bool = False  # closed by an inner quote's mark before an attribution (rule collapsed_close)

    @property
    def outer_end(self) -> int:
        return self.close + (6 if self.mark == "&quot;" else 1)


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, i: int, mark: str) -> str:
    """'open', 'close', 'either' or 'none' for a toggling mark from its neighbours."""
    before = text[i - 1] if i else " "
    after_i = i + len(mark)
    after = text[after_i] if after_i < len(text) else " "
    if mark in ("'", "’") and _is_word(before) and _is_word(after):
        return "none"  # apostrophe
    if mark == "’" and not _is_word(after):
        return "close"
    opens = before.isspace() or before in "([{—–-:;,/" or not i
    closes = not before.isspace() and (after.isspace() or not _is_word(after))
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either" if opens and closes else "none"


def find_spans(text: str, collapse: bool = True, cut_open: bool = False, line_ends: bool = False,
               curly_straight: bool = False, curly_line_ends: bool = False) -> list[Span]:
    """Every paired quoted string, outer ones first, in order of their opening mark; with ``cut_open``, also
    a quotation a cut text leaves open (``_cut_open``); with ``line_ends``, a straight mark left open at the end
    of its line opens nothing (``_open_on_line``); with ``curly_straight``, a straight double mark closes a
    curly opening one ('“... skull," the office said', scraped text mixing the two); with ``curly_line_ends``, a
    curly opening mark left open at the end of its line opens nothing either (``_open_on_line``)."""
    spans: list[Span] = []
    stack: list[tuple[int, str]] = []
    for m in _MARK.finditer(text):
        i, mark = m.start(), m.group()
        while stack and i - stack[0][0] > MAX_SPAN:
            stack.pop(0)
        if line_ends:
            stack = _open_on_line(text, stack, i, curly_line_ends)
        role = "open" if mark in _OPENING else "close" if mark in _CLOSING else _role(text, i, mark)
        single_opens = mark in ("'", "‘", "’") and role != "close" and (not stack or stack[-1][1] not in ("'", "‘"))
        if single_opens and (role == "none" or not _single_quote_opens(text, i)):
            continue
        if role in ("close", "either") and stack and (
            _pairs(stack[-1][1], mark) or (curly_straight and mark == '"' and stack[-1][1] == "“")
        ):
            start, opener = stack.pop()
            spans.append(_span(text, start, opener, i, len(stack)))
            if collapse and stack and _collapsed(text, stack[0][0], i + len(mark)):
                start, opener = stack[0]
                spans.append(_span(text, start, opener, i, 0, collapsed=True))
                stack.clear()
        elif role in ("open", "either"):
            stack.append((i, mark))
    if cut_open and stack and (last := _cut_open(text, stack[0][0], stack[0][1])) is not None:
        spans.append(last)
    spans.sort(key=lambda s: (s.open, -s.close))
    return [s for s in spans if s.end > s.start]


_STRAIGHT = {'"', "&quot;"}


def _open_on_line(text: str, stack: list[tuple[int, str]], at: int, curly: bool = False) -> list[tuple[int, str]]:
    """line_ends_quote: a straight double mark still open when its line ended is a stray one ('"Dan, who
    campaigned ... results.' with no mark closing it) or opens a paragraph of a longer quotation, whose next
    paragraph opens again: it encloses none of the quotations that follow on later lines. With ``curly``
    (curly_line_ends), an English opening “ too: a quotation running over paragraphs reopens each of them."""
    marks = _STRAIGHT | {"“"} if curly else _STRAIGHT
    return [(i, mark) for i, mark in stack if mark not in marks or "\n" not in text[i:at]]


_OPENS_SENTENCE = re.compile(r"(?:^|\n|[:.!?…])\s*$")


def _cut_open(text: str, open_at: int, opener: str) -> Span | None:
    """cut_open_quote: a quotation still open where the text ends, a lead cut mid-quotation ('... “Our full
    respect for those who ... We have a task ahe') or a closing mark lost: a mark opening a sentence, a line or
    a colon-introduced quotation, with no paragraph break after it, quotes the rest of the text."""
    if len(text) - open_at > MAX_SPAN or "\n\n" in text[open_at:].rstrip():
        return None
    if not _OPENS_SENTENCE.search(text, max(0, open_at - 3), open_at):
        return None
    return _span(text, open_at, opener, len(text.rstrip()), 0)


_ATTRIBUTION_AFTER = re.compile(r"[,.!?…]?\s*[—–-]{1,2}\s+\w")
_OPENS_LINE = re.compile(r"(?:^|\n|:)\s*$")


def _collapsed(text: str, outer: int, after: int) -> bool:
    """collapsed_close: '«... АТ «НАЕК «Енергоатом», – йдеться в повідомленні' and '"... обмін "1000 на 1000.
    Ми знаємо дату", - сказав він': an inner quote's closing mark that a dash attribution follows also closes
    the quotation opened at the start of its line (or after a colon) that nothing else closed."""
    return bool(_ATTRIBUTION_AFTER.match(text, after)) and bool(_OPENS_LINE.search(text, max(0, outer - 3), outer))


def _single_quote_opens(text: str, i: int) -> bool:
    """A single quote opens a span only if a matching one closes within the line."""
    line_end = text.find("\n", i)
    rest = text[i + 1 : line_end if line_end >= 0 else len(text)]
    return re.search(r"\w['’](?!\w)", rest) is not None


def _pairs(opener: str, closer: str) -> bool:
    if closer in ("»", "”"):
        return True  # '"...»' and '„...”' happen in scraped text
    if closer == "“":
        return opener in ("„", "“", '"')
    if closer in ("'", "’"):
        return opener in ("'", "‘")
    return opener in ('"', "&quot;", "„", "«")


def _span(text: str, open_at: int, opener: str, close_at: int, depth: int, collapsed: bool = False) -> Span:
    start = open_at + (6 if opener == "&quot;" else 1)
    end = close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    mark = text[close_at : close_at + 6] if opener == "&quot;" else opener
    return Span(open_at, close_at, start, end, depth, mark, collapsed)
