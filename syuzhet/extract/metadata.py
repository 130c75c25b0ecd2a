"""Page metadata: title, author, publication date, site name, canonical URL and declared language.

Title, author, site name and canonical URL come from trafilatura's reading of meta tags (``og:*``,
``article:author``, ``<link rel=canonical>``) and JSON-LD. The date comes from htmldate limited to the
page's markup (meta tags, JSON-LD, ``<time>``, URL): its extensive free-text search is off, so a date is
reported only when the page states one, never guessed from a copyright line. The language is the one the
page declares (``<html lang>``, ``content-language``, ``og:locale``), not a guess from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from lxml.html import HtmlElement
from trafilatura.settings import Document

_LANG = re.compile(r"^\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*\s*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANG_META_XPATH = (
    ".//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')='content-language']/@content"
    "|.//meta[@name='language' or @name='lang' or @name='dc.language' or @name='DC.language']/@content"
    "|.//meta[@property='og:locale']/@content"
)


@dataclass(slots=True)
class PageMeta:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    lang: str | None = None


def date_params() -> dict[str, Any]:
    """htmldate settings: original publication date, markup only, not later than today."""
    return {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}


def declared_lang(tree: HtmlElement) -> str | None:
    """Two-letter lowercase language code the page declares for itself, if any."""
    root = tree.getroottree().getroot()
    candidates = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += [str(value) for value in root.xpath(_LANG_META_XPATH)]
    for value in candidates:
        match = _LANG.match(value or "")
        if match:
            return match.group(1).lower()
    return None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _iso_date(value: str | None) -> str | None:
    return value if value and _ISO_DATE.match(value) else None


def page_meta(document: Document | None, tree: HtmlElement, url: str | None) -> PageMeta:
    """Merge trafilatura's metadata with the declared language; ``url`` is the fallback for a canonical."""
    lang = declared_lang(tree)
    if document is None:
        return PageMeta(url=url, lang=lang)
    return PageMeta(
        title=_clean(document.title),
        author=_clean(document.author),
        date=_iso_date(document.date),
        sitename=_clean(document.sitename),
        url=_clean(document.url) or url,
        lang=lang,
    )
