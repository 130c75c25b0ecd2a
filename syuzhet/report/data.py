"""Reading the analysis document defensively: every field may be missing, null or of an unexpected type.

The report must render whatever the pipeline wrote, so nothing here raises on odd input: a value of the
wrong type is treated as absent."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from syuzhet.urls import host

_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_LANG = re.compile(r"[a-z]{2,3}")
ENTITY_TYPES = ("per", "loc", "org")
EMPTY = Markup("")  # immutable, so safe as a dataclass default


def text(value: Any) -> str:
    """A string field, or '' when missing or not a string."""
    return value.strip() if isinstance(value, str) else ""


def dicts(value: Any) -> list[dict[str, Any]]:
    """A list field keeping only its dict items."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def strings(value: Any) -> list[str]:
    """A list-of-strings field (a lone string counts as a list of one)."""
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def integer(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def anchor(prefix: str, raw: Any) -> str:
    """A fragment id that is safe in HTML attributes and CSS selectors, stable for the same input."""
    value = str(raw)
    if _SAFE_ID.fullmatch(value):
        return f"{prefix}-{value}"
    return f"{prefix}-h{hashlib.sha1(value.encode('utf-8', 'replace')).hexdigest()[:12]}"


def lang_code(value: Any) -> str:
    """A language code usable in a ``lang`` attribute, or '' for unknown/invalid ('und')."""
    code = text(value).lower()
    return code if _LANG.fullmatch(code) and code != "und" else ""


def safe_url(value: Any) -> str:
    """The URL when it is plain http(s), else '' (never a ``javascript:`` or ``data:`` link)."""
    url = text(value)
    if not url or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:  # 'http://[broken'
        return ""
    return url if parts.scheme in ("http", "https") and parts.netloc else ""


def entity_class(kind: Any) -> str:
    """CSS class for an entity type: t-per, t-loc, t-org or t-misc."""
    low = text(kind).lower()
    return f"t-{low}" if low in ENTITY_TYPES else "t-misc"


def source_name(source: str) -> str:
    """The last path component of a source ('dir/file.txt#3' -> 'file.txt#3')."""
    return PurePosixPath(source.replace("\\", "/")).name or source


def outlet_label(article: Mapping[str, Any]) -> tuple[str, bool]:
    """The outlet to show, and whether it is known (else a stand-in from the URL host or source file)."""
    outlet = text(article.get("outlet"))
    if outlet:
        return outlet, True
    if site := host(text(article.get("url"))):
        return site, False
    source = text(article.get("source"))
    return (source_name(source) if source else text(article.get("id")) or "?"), False


def shorten(value: str, limit: int = 110) -> str:
    value = " ".join(value.split())
    if len(value) <= limit:
        return value
    cut = value[:limit].rsplit(" ", 1)[0]
    return (cut or value[:limit]) + "…"


def first_block_text(article: Mapping[str, Any], kinds: Iterable[str] = ("paragraph", "heading")) -> str:
    body = text(article.get("text")) and article.get("text")
    if not isinstance(body, str):
        return ""
    wanted = set(kinds)
    for block in dicts(article.get("blocks")):
        start, end = integer(block.get("start")), integer(block.get("end"))
        if block.get("kind") in wanted and start is not None and end is not None:
            snippet = body[start:end].strip()
            if snippet:
                return snippet
    return next((part.strip() for part in body.split("\n\n") if part.strip()), "")


def title_label(article: Mapping[str, Any]) -> tuple[str, bool]:
    """The title to show, and whether the article has one (else the start of its first paragraph)."""
    title = text(article.get("title"))
    if title:
        return " ".join(title.split()), True
    lead = first_block_text(article)
    return (shorten(lead, 90) if lead else "(no text)"), False
