"""Main text and metadata of an HTML news page.

    from syuzhet.extract import extract_html
    page = extract_html(html, url)   # None when the page holds no article text

The stages, in order (``STAGES`` below):

1. ``trafilatura``: trafilatura in precision mode, comments left out, metadata on (``metadata.py``).
2. ``split_body``: when the page cut the body into sibling chunks, the chunks trafilatura left behind are
   added back (``siblings.py``).
3. ``cleanup``: the title, link lists and page furniture are dropped block by block (``cleanup.py``).

Headings inside the article stay blocks of kind ``"heading"``; the title is not a block. ``explain_html``
returns which rule changed what, for one page. Nothing here touches the network.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import load_html

from syuzhet.extract.blocks import Block, join, xml_blocks
from syuzhet.extract.cleanup import Page, apply_rules, link_texts, title_forms
from syuzhet.extract.metadata import date_params, page_meta
from syuzhet.extract.siblings import merge_split_body
from syuzhet.problems import InputError
from syuzhet.readers.decode import decode

__all__ = ["Extracted", "decode_html", "explain_html", "extract_html"]

LOGGER = logging.getLogger(__name__)
MIN_ARTICLE_WORDS = 15  # fewer words in paragraphs than this is a stub, an error page or noise
_WORD = re.compile(r"[^\W\d_]\w*")  # a word holds a letter
Trace = list[tuple[str, str]]


@dataclass(slots=True)
class Extracted:
    title: str | None
    author: str | None
    date: str | None  # YYYY-MM-DD as the page states it, else None
    sitename: str | None
    url: str | None  # the page's canonical URL, else the URL it was fetched from
    lang: str | None  # declared by the page, two-letter lowercase
    blocks: list[Block] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join(self.blocks)


@dataclass(slots=True)
class _Work:
    tree: HtmlElement
    url: str | None
    trace: Trace
    document: Document | None = None
    blocks: list[Block] = field(default_factory=list)


def _trafilatura(work: _Work) -> None:
    document = bare_extraction(
        work.tree,
        url=work.url,
        favor_precision=True,
        include_comments=False,
        with_metadata=True,
        date_extraction_params=date_params(),
    )
    work.document = document if isinstance(document, Document) else None
    if work.document is not None and work.document.body is not None:
        work.blocks = xml_blocks(work.document.body)


def _split_body(work: _Work) -> None:
    merged = merge_split_body(work.tree, work.blocks) if work.blocks else None
    if merged is not None:
        work.trace.append(("split_body", f"{len(work.blocks)} -> {len(merged)} blocks"))
        work.blocks = merged


def _cleanup(work: _Work) -> None:
    title = work.document.title if work.document is not None else None
    page = Page(titles=title_forms(work.tree, title), anchors=link_texts(work.tree))
    work.blocks = apply_rules(work.blocks, page, work.trace)


STAGES: list[tuple[str, Callable[[_Work], None]]] = [
    ("trafilatura", _trafilatura),
    ("split_body", _split_body),
    ("cleanup", _cleanup),
]


def _has_article_text(blocks: list[Block]) -> bool:
    words = sum(len(_WORD.findall(text)) for kind, text in blocks if kind == "paragraph")
    return words >= MIN_ARTICLE_WORDS


def _run(html: str, url: str | None, trace: Trace) -> Extracted | None:
    if not isinstance(html, str) or not html.strip():
        return None
    tree = load_html(html)
    if tree is None:
        return None
    work = _Work(tree=tree, url=url, trace=trace)
    for _, stage in STAGES:
        stage(work)
        if not work.blocks:
            return None
    if not _has_article_text(work.blocks):
        return None
    meta = page_meta(work.document, tree, url)
    return Extracted(meta.title, meta.author, meta.date, meta.sitename, meta.url, meta.lang, work.blocks)


def extract_html(html: str, url: str | None = None) -> Extracted | None:
    """Article text and metadata of ``html``; None when it holds no article text. Never raises."""
    try:
        return _run(html, url, [])
    except Exception:  # garbage in must not stop a batch: log it and report "no article"
        LOGGER.debug("extraction failed for %s", url, exc_info=True)
        return None


def explain_html(html: str, url: str | None = None) -> Trace:
    """Which rule changed what while extracting ``html``, as ``(rule, detail)`` pairs."""
    trace: Trace = []
    try:
        _run(html, url, trace)
    except Exception as error:  # same contract as extract_html
        trace.append(("error", repr(error)))
    return trace


def decode_html(data: bytes) -> str:
    """Bytes of a page as text (BOM, UTF-8, the declared charset, then a guess); never raises."""
    try:
        return decode(data)[0]
    except InputError:
        return data.decode("utf-8", errors="replace")
