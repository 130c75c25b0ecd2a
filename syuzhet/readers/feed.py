"""RSS and Atom feeds saved as files: each item becomes an article."""

from __future__ import annotations

import html
import time
from collections.abc import Iterator
from typing import Any

import lxml.html

from syuzhet.model import Article
from syuzhet.problems import Problem

_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}


def read_feed(label: str, content: str) -> Iterator[Article | Problem]:
    import feedparser  # ~0.1 CPU-s to import: only runs that read a feed pay it

    parsed: Any = feedparser.parse(content)
    entries = parsed.entries
    if not entries:
        reason = f"feed has no items ({parsed.bozo_exception})" if parsed.bozo else "feed has no items"
        yield Problem(label, reason)
        return
    outlet = _plain(parsed.feed.get("title"))
    lang = (parsed.feed.get("language") or "")[:2].lower() or None
    for n, entry in enumerate(entries, 1):
        source = f"{label}#{n}"
        body = _entry_html(entry)
        text = html_to_text(body) if body else ""
        if not text.strip():
            yield Problem(source, "feed item has no text")
            continue
        hints = {
            "title": _plain(entry.get("title")),
            "url": entry.get("link"),
            "author": entry.get("author"),
            "date": _date(entry),
            "outlet": outlet,
            "lang": lang,
        }
        yield Article(source=source, raw=text, fmt="feed", hints={k: v for k, v in hints.items() if v})


def _plain(value: Any) -> str | None:
    """A title as text: feedparser leaves double-escaped entities ('&amp;quot;') as '&quot;'."""
    return html.unescape(value) if isinstance(value, str) else None


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    return max(values, key=len) if values else str(entry.get("summary") or "")


def _date(entry: Any) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", stamp) if stamp else None


def html_to_text(fragment: str) -> str:
    """An HTML fragment as plain paragraphs separated by blank lines."""
    if "<" not in fragment:
        return html.unescape(fragment)  # '&amp;quot;' in the XML is '&quot;' here: still an HTML entity
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
    text = root.text_content()
    return "\n\n".join(part.strip() for part in text.split("\n\n") if part.strip())
