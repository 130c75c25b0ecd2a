"""Cleaning: raw text in, article text with its title, subtitle, headings and metadata out.

A cascade of small named rules (``rules``, ``sections``, ``layout``); each decision is kept in
``Article.trace`` so that ``--explain`` can say which rule removed which line."""

from __future__ import annotations

import re

from syuzhet.clean.layout import LAYOUT_RULES
from syuzhet.clean.lines import Line, split_lines
from syuzhet.clean.rules import LINE_RULES
from syuzhet.clean.sections import SECTION_RULES
from syuzhet.model import Article, Block, Decision
from syuzhet.text import normalize, tidy_line

_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_METADATA = ("title", "subtitle", "author", "date", "outlet", "url", "lang")

__all__ = ["as_is", "clean"]


def clean(article: Article) -> Article:
    """Fill ``text``, ``blocks`` and metadata of an article from its ``raw`` text."""
    raw = normalize(article.raw)
    found: dict[str, str] = {k: v for k, v in article.hints.items() if k in _METADATA and v}
    if marker := _DATE_MARKER.match(raw):
        found.setdefault("date", marker.group(1))
        article.trace.append(Decision("date_marker", "date", marker.group(0).strip()))
        raw = raw[marker.end():]
    lines = split_lines(raw)
    if title := found.get("title"):
        _drop_repeated(lines, title)
    for rule in LINE_RULES:
        for line in lines:
            if line.kept and rule(line, found):
                line.dropped_by = rule.__name__
    for section_rule in SECTION_RULES:
        section_rule(lines)
    for layout_rule in LAYOUT_RULES:
        layout_rule(lines, found)
    _assemble(article, lines, found)
    return article


def _drop_repeated(lines: list[Line], title: str) -> None:
    """Metadata gave the title: its repetition at the top of the text goes."""
    wanted = tidy_line(title).casefold()
    for line in lines[:3]:
        if line.text.casefold() == wanted:
            line.dropped_by = "title_repeated"
            return


def _assemble(article: Article, lines: list[Line], found: dict[str, str]) -> None:
    parts: list[tuple[str, str]] = []
    if found.get("title"):
        parts.append(("title", tidy_line(found["title"])))
    if found.get("subtitle"):
        parts.append(("subtitle", tidy_line(found["subtitle"])))
    byline_shown = False
    for line in lines:
        if not line.kept:
            if line.dropped_by != "joined":
                article.trace.append(Decision(line.dropped_by or "", "removed", line.text))
            if line.dropped_by == "byline" and found.get("author") and not byline_shown:
                parts.append(("byline", found["author"]))  # the name stays findable; 'Текст:' goes
                byline_shown = True
            continue
        if line.kind in ("title", "subtitle"):
            found[line.kind] = line.text
            article.trace.append(Decision(f"{line.kind}_line", line.kind, line.text))
        elif line.kind == "heading":
            article.trace.append(Decision("section_heading", "heading", line.text))
        parts.append((line.kind, line.text))
    for key in ("author", "date", "outlet", "photo_credit"):
        if key in found and key not in article.hints and not any(d.action == key for d in article.trace):
            article.trace.append(Decision(key, key, found[key]))
    article.title = found.get("title")
    article.subtitle = found.get("subtitle")
    article.author = found.get("author")
    article.date = found.get("date")
    article.outlet = found.get("outlet")
    article.url = found.get("url")
    article.photo_credit = found.get("photo_credit")
    _set_text(article, parts)


def _set_text(article: Article, parts: list[tuple[str, str]]) -> None:
    chunks: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for kind, text in parts:
        if chunks:
            offset += 2
        blocks.append(Block(offset, offset + len(text), kind))  # type: ignore[arg-type]
        chunks.append(text)
        offset += len(text)
    article.text = "\n\n".join(chunks)
    article.blocks = blocks


def as_is(article: Article) -> Article:
    """``--as-is``: the text is the decoded input unchanged, so offsets match external annotations."""
    article.text = article.raw
    article.title = article.hints.get("title")
    article.date = article.hints.get("date")
    article.author = article.hints.get("author")
    article.outlet = article.hints.get("outlet")
    article.url = article.hints.get("url")
    blocks = []
    for match in re.finditer(r"[^\n]+", article.text):
        if match.group().strip():
            blocks.append(Block(match.start(), match.end(), "paragraph"))
    article.blocks = blocks
    return article
