"""Main text and metadata of an HTML news page.

    from syuzhet.extract import extract_html
    page = extract_html(html, url)   # None when the page holds no article text

The stages, in order, each switched by ``settings.Settings`` (``DEFAULT`` unless a caller passes others):

1. ``trafilatura``: trafilatura with the chosen switches (precision/recall, tables, comments), metadata on
   (``metadata.py``).
2. ``split_body``: when the page cut the body into sibling chunks, the chunks trafilatura left behind are
   added back (``siblings.py``).
3. ``cleanup``: the cleanup rules that ``settings.rules`` names drop titles, link lists and page furniture
   block by block (``cleanup.py``).

Which switches and rules are on was chosen by cross-validation over sites (``settings.py``).

Headings inside the article stay blocks of kind ``"heading"``; the title is not a block. ``explain_html``
returns which rule changed what, for one page. Nothing here touches the network.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import load_html

from syuzhet.extract.blocks import Block, join, xml_blocks
from syuzhet.extract.cleanup import Page, apply_rules, link_texts, title_forms
from syuzhet.extract.metadata import date_params, page_meta
from syuzhet.extract.settings import DEFAULT, Settings
from syuzhet.extract.siblings import merge_split_body
from syuzhet.problems import InputError
from syuzhet.readers.decode import decode

__all__ = ["Extracted", "Prepared", "Settings", "decode_html", "explain_html", "extract_html", "finish", "prepare"]

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
class Prepared:
    """A page after trafilatura: its blocks, and the same completed by ``split_body`` (None if it did not fire)."""

    tree: HtmlElement
    url: str | None
    document: Document | None
    blocks: list[Block]
    merged: list[Block] | None
    page: Page
    trace: Trace


def _trafilatura(tree: HtmlElement, url: str | None, settings: Settings) -> Document | None:
    document = bare_extraction(
        tree,
        url=url,
        favor_precision=settings.favor == "precision",
        favor_recall=settings.favor == "recall",
        include_tables=settings.include_tables,
        include_comments=settings.include_comments,
        with_metadata=True,
        date_extraction_params=date_params(),
    )
    return document if isinstance(document, Document) else None


def prepare(html: str, url: str | None, settings: Settings = DEFAULT, trace: Trace | None = None) -> Prepared | None:
    """Run trafilatura (with ``settings``' switches) and ``split_body`` on ``html``; None for no page or no body."""
    if not isinstance(html, str) or not html.strip():
        return None
    tree = load_html(html)
    if tree is None:
        return None
    document = _trafilatura(tree, url, settings)
    if document is None or document.body is None:
        return None
    blocks = xml_blocks(document.body)
    if not blocks:
        return None
    merged = merge_split_body(tree, blocks)
    page = Page(titles=title_forms(tree, document.title), anchors=link_texts(tree))
    return Prepared(tree, url, document, blocks, merged, page, trace if trace is not None else [])


def finish(prepared: Prepared, settings: Settings = DEFAULT) -> Extracted | None:
    """The article from a prepared page with the rules ``settings.rules`` names; ``prepared`` is not changed."""
    blocks = prepared.blocks
    if "split_body" in settings.rules and prepared.merged is not None:
        prepared.trace.append(("split_body", f"{len(blocks)} -> {len(prepared.merged)} blocks"))
        blocks = prepared.merged
    blocks = apply_rules(blocks, prepared.page, prepared.trace, settings.rules)
    if not blocks or not _has_article_text(blocks):
        return None
    meta = page_meta(prepared.document, prepared.tree, prepared.url)
    return Extracted(meta.title, meta.author, meta.date, meta.sitename, meta.url, meta.lang, blocks)


def _has_article_text(blocks: list[Block]) -> bool:
    words = sum(len(_WORD.findall(text)) for kind, text in blocks if kind == "paragraph")
    return words >= MIN_ARTICLE_WORDS


def _run(html: str, url: str | None, trace: Trace, settings: Settings) -> Extracted | None:
    prepared = prepare(html, url, settings, trace)
    return finish(prepared, settings) if prepared is not None else None


def extract_html(html: str, url: str | None = None, settings: Settings = DEFAULT) -> Extracted | None:
    """Article text and metadata of ``html``; None when it holds no article text. Never raises."""
    try:
        return _run(html, url, [], settings)
    except Exception:  # garbage in must not stop a batch: log it and report "no article"
        LOGGER.debug("extraction failed for %s", url, exc_info=True)
        return None


def explain_html(html: str, url: str | None = None, settings: Settings = DEFAULT) -> Trace:
    """Which rule changed what while extracting ``html``, as ``(rule, detail)`` pairs."""
    trace: Trace = []
    try:
        _run(html, url, trace, settings)
    except Exception as error:  # same contract as extract_html
        trace.append(("error", repr(error)))
    return trace


def decode_html(data: bytes) -> str:
    """Bytes of a page as text (BOM, UTF-8, the declared charset, then a guess); never raises."""
    try:
        return decode(data)[0]
    except InputError:
        return data.decode("utf-8", errors="replace")
