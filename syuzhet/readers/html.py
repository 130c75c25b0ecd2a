"""HTML pages: main text and metadata through ``syuzhet.extract``."""

from __future__ import annotations

from syuzhet.model import Article
from syuzhet.problems import InputError


def read_html(source: str, html: str, url: str | None = None) -> Article:
    from syuzhet.extract import extract_html  # trafilatura is slow to import: only when HTML shows up

    page = extract_html(html, url=url)
    if page is None or not page.blocks:
        raise InputError("HTML page with no article text")
    hints = {
        "title": page.title,
        "author": page.author,
        "date": page.date,
        "outlet": page.sitename,
        "url": page.url or url,
        "lang": page.lang,
    }
    body = "\n\n".join(("## " + text) if kind == "heading" else text for kind, text in page.blocks)
    return Article(source=source, raw=body, fmt="html", hints={k: v for k, v in hints.items() if v})
