"""Which reader a source needs: by extension first, then by sniffing the decoded content."""

from __future__ import annotations

import re
from pathlib import PurePath

_BY_SUFFIX = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".rss": "feed", ".atom": "feed",
    ".txt": "text", ".text": "text", ".md": "text",
}
_FEED = re.compile(r"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML = re.compile(r"<(!doctype html|html|head|body)\b", re.IGNORECASE)


def sniff(label: str, text: str) -> str:
    """One of ``html``, ``jsonl``, ``feed`` or ``text``."""
    head = text.lstrip()[:2000]
    path = PurePath(label)
    suffix = (path.with_suffix("") if path.suffix.lower() == ".gz" else path).suffix.lower()
    if suffix in (".xml", "") or suffix not in _BY_SUFFIX:
        if _FEED.search(head):
            return "feed"
        if _HTML.search(head):
            return "html"
        if head.startswith("{"):
            return "jsonl"
        return "text"
    kind = _BY_SUFFIX[suffix]
    if kind == "text" and head.startswith("<") and _HTML.search(head):
        return "html"
    return kind
