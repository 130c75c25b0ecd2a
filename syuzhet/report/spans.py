"""Article text as HTML: blocks (title, subtitle, heading, paragraph) with entity mentions and quotes
highlighted. Spans may nest or cross each other and block boundaries; the markup is always well formed
because a crossing span is closed and re-opened around the boundary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

from syuzhet.report.data import dicts, integer, lang_code


@dataclass(frozen=True, slots=True)
class Span:
    """A highlighted range of an article's text. ``rank`` orders spans with equal bounds (outer first)."""

    start: int
    end: int
    classes: str
    attrs: tuple[tuple[str, str], ...] = ()
    anchor: str = ""
    title: str = ""
    rank: int = 0


@dataclass(slots=True)
class _Writer:
    parts: list[str] = field(default_factory=list)
    stack: list[Span] = field(default_factory=list)
    anchored: set[str] = field(default_factory=set)

    def open(self, span: Span) -> None:
        attrs = [("class", span.classes), *span.attrs]
        if span.title:
            attrs.append(("title", span.title))
        if span.anchor and span.anchor not in self.anchored:
            self.anchored.add(span.anchor)
            attrs.insert(0, ("id", span.anchor))
        rendered = "".join(f' {name}="{escape(value)}"' for name, value in attrs)
        self.parts.append(f"<span{rendered}>")
        self.stack.append(span)

    def close_to(self, depth: int) -> None:
        while len(self.stack) > depth:
            self.stack.pop()
            self.parts.append("</span>")


def _order(span: Span) -> tuple[int, int, int]:
    return (span.start, -span.end, span.rank)


def highlight(text: str, start: int, end: int, spans: Sequence[Span], writer: _Writer | None = None) -> Markup:
    """``text[start:end]`` escaped, with the parts of ``spans`` inside it wrapped in ``<span>`` elements."""
    out = writer or _Writer()
    out.parts = []
    inside = sorted(
        (s for s in spans if s.start < end and s.end > start and s.start < s.end), key=_order
    )
    cuts = sorted({start, end, *(max(s.start, start) for s in inside), *(min(s.end, end) for s in inside)})
    for left, right in pairwise(cuts):
        active = [s for s in inside if s.start <= left and s.end >= right]
        keep = 0
        while keep < len(out.stack) and keep < len(active) and out.stack[keep] is active[keep]:
            keep += 1
        out.close_to(keep)
        for span in active[keep:]:
            out.open(span)
        out.parts.append(str(escape(text[left:right])))
    out.close_to(0)
    return Markup("".join(out.parts))


_BLOCK_TAGS = {
    "title": ("h3", "a-title"),
    "subtitle": ("p", "a-subtitle"),
    "byline": ("p", "a-byline"),
    "heading": ("h4", "a-heading"),
}


def _blocks(article: dict[str, Any], body: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, lang) for each usable block; paragraphs split on blank lines when none are given."""
    found = []
    for block in dicts(article.get("blocks")):
        start, end = integer(block.get("start")), integer(block.get("end"))
        if start is None or end is None:
            continue
        start, end = max(0, start), min(len(body), end)
        if start < end:
            kind = block.get("kind")
            found.append((start, end, kind if isinstance(kind, str) else "paragraph", lang_code(block.get("lang"))))
    if found:
        return sorted(found)
    blocks, offset = [], 0
    for piece in body.split("\n\n"):
        stripped = piece.strip()
        if stripped:
            lead = offset + piece.index(stripped)
            blocks.append((lead, lead + len(stripped), "paragraph", ""))
        offset += len(piece) + 2
    return blocks


def article_body(article: dict[str, Any], spans: Sequence[Span]) -> tuple[Markup, bool]:
    """The article's blocks as HTML, and whether a title block was among them."""
    body = article.get("text")
    if not isinstance(body, str):
        return Markup(""), False
    writer = _Writer()
    parts: list[str] = []
    has_title = False
    for start, end, kind, lang in _blocks(article, body):
        tag, css = _BLOCK_TAGS.get(kind, ("p", "a-para"))
        has_title = has_title or kind == "title"
        lang_attr = f' lang="{lang}"' if lang else ""
        inner = highlight(body, start, end, spans, writer)
        parts.append(f'<{tag} class="{css}"{lang_attr}>{inner}</{tag}>')
    return Markup("\n".join(parts)), has_title
