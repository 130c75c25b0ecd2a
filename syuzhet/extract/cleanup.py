"""Block-level rules that drop what an extractor kept but an article body does not hold.

Each rule is a named function ``(blocks, page) -> kept blocks``; ``RULES`` lists them in the order they run,
and ``apply_rules`` reports which block each rule dropped, so a caller can see why text went missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml.html import HtmlElement

from syuzhet.extract.blocks import Block, squash

TITLE_WINDOW = 3  # the title is looked for among the first blocks only
MAX_TITLE_SUFFIX_WORDS = 4
MAX_LINKED_WORDS = 15  # a link-covered block longer than this is prose that cites a source
MIN_LINK_SHARE = 0.75
MAX_FURNITURE_WORDS = 25
MIN_ANCHOR_CHARS = 12
MIN_TEASER_LINK_SHARE = 0.3
MAX_DATELINE_WORDS = 12
FURNITURE_FILE = Path(__file__).with_name("boilerplate.txt")

_WORD = re.compile(r"\w+")
_DATELINE = re.compile(r"\b(19|20)\d\d\b.*\b\d{1,2}:\d\d\b|\b\d{1,2}:\d\d\b.*\b(19|20)\d\d\b")
_URL_LIKE = re.compile(r"(?i)^(https?://|www\.|[\w.+-]+@[\w-]+\.|doi:|[\w-]+(\.[\w-]+)+(/\S*)?$)")


@dataclass(slots=True)
class Page:
    """What the rules may know about the page: the forms of its title and the texts of its links."""

    titles: list[str] = field(default_factory=list)
    anchors: frozenset[str] = field(default_factory=frozenset)


def title_forms(tree: HtmlElement, title: str | None) -> list[str]:
    """The title as metadata gives it, the page's first ``<h1>``, ``<title>`` and ``og:title``."""
    forms = [title or ""]
    h1 = tree.find(".//h1")
    if h1 is not None:
        forms.append(h1.text_content())
    forms += [str(value) for value in tree.xpath("//head/title/text()|//meta[@property='og:title']/@content")]
    return [squash(form) for form in forms if form and form.strip()]


def link_texts(tree: HtmlElement) -> frozenset[str]:
    """Texts of the page's links to other pages (in-page ``#`` links and bare URLs left out)."""
    texts = set()
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:")):
            continue
        text = squash(anchor.text_content())
        if len(text) >= MIN_ANCHOR_CHARS and not _URL_LIKE.match(text):
            texts.add(text)
    return frozenset(texts)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _is_title(words: list[str], title: list[str]) -> bool:
    """Equal to the title, or to the title less a short site-name suffix ("Title - BBC News")."""
    if not words or len(words) > len(title) or title[: len(words)] != words:
        return False
    return len(title) - len(words) <= MAX_TITLE_SUFFIX_WORDS


def drop_title(blocks: list[Block], page: Page) -> list[Block]:
    """The page title repeated as one of the first blocks: the title has a field of its own."""
    titles = [_words(title) for title in page.titles]
    head = [b for b in blocks[:TITLE_WINDOW] if not any(_is_title(_words(b[1]), t) for t in titles)]
    return head + blocks[TITLE_WINDOW:]


def _link_share(text: str, anchors: frozenset[str]) -> float:
    covered = sum(len(anchor) for anchor in anchors if anchor in text)
    return min(covered, len(text)) / len(text)


def drop_linked(blocks: list[Block], page: Page) -> list[Block]:
    """Short blocks made of links to other pages: related stories, tag lists, teasers."""
    if not page.anchors:
        return blocks
    return [
        b for b in blocks if len(_words(b[1])) > MAX_LINKED_WORDS or _link_share(b[1], page.anchors) < MIN_LINK_SHARE
    ]


@cache
def furniture_patterns() -> tuple[re.Pattern[str], ...]:
    lines = FURNITURE_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(re.compile(line, re.IGNORECASE) for line in lines if line.strip() and not line.startswith("#"))


def is_furniture(text: str) -> bool:
    """A short block matching one of the page-furniture patterns (``boilerplate.txt``)."""
    if len(_words(text)) > MAX_FURNITURE_WORDS:
        return False
    return any(pattern.search(text) for pattern in furniture_patterns())


def drop_furniture(blocks: list[Block], page: Page) -> list[Block]:
    """Calls to read more, subscribe, follow or share; bare labels; copyright lines."""
    return [b for b in blocks if not is_furniture(b[1])]


def _is_teaser(text: str, anchors: frozenset[str]) -> bool:
    return len(_words(text)) <= MAX_FURNITURE_WORDS and _link_share(text, anchors) >= MIN_TEASER_LINK_SHARE


def drop_related_tail(blocks: list[Block], page: Page) -> list[Block]:
    """A furniture block followed only by short, partly linked blocks: a list of other stories at the end."""
    start = len(blocks)
    while start > 0 and _is_teaser(blocks[start - 1][1], page.anchors):
        start -= 1
    for index in range(max(start - 1, 0), len(blocks) - 1):
        if is_furniture(blocks[index][1]):
            return blocks[:index]
    return blocks


def drop_dateline(blocks: list[Block], page: Page) -> list[Block]:
    """A short date-and-time line near the top: the date has a field of its own."""
    head = [b for b in blocks[:TITLE_WINDOW] if len(_words(b[1])) > MAX_DATELINE_WORDS or not _DATELINE.search(b[1])]
    return head + blocks[TITLE_WINDOW:]


Rule = Callable[[list[Block], Page], list[Block]]
RULES: list[tuple[str, Rule]] = [
    ("drop_title", drop_title),
    ("drop_linked", drop_linked),
    ("drop_related_tail", drop_related_tail),
    ("drop_furniture", drop_furniture),
    ("drop_dateline", drop_dateline),
]


def apply_rules(
    blocks: list[Block], page: Page, trace: list[tuple[str, str]] | None = None, names: frozenset[str] | None = None
) -> list[Block]:
    """Run ``RULES`` (those in ``names`` when given) in order; each dropped block is appended to ``trace`` as
    ``(rule name, text)``."""
    for name, rule in RULES:
        if names is not None and name not in names:
            continue
        kept = rule(blocks, page)
        if trace is not None and len(kept) != len(blocks):
            kept_ids = {id(b) for b in kept}
            trace.extend((name, block[1]) for block in blocks if id(block) not in kept_ids)
        blocks = kept
    return blocks
