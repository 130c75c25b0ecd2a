"""Turn an element tree into ``(kind, text)`` blocks in reading order.

Two vocabularies are read: trafilatura's output XML (``head``, ``p``, ``list``/``item``, ``table``/``row``,
``quote``) and plain HTML (``h1``-``h6``, ``p``, ``li``, ``tr``, ``blockquote``). Text between two block
boundaries, tails included, becomes one block with its whitespace collapsed. The walk is iterative, so a
deeply nested page cannot exhaust the recursion limit.
"""

from __future__ import annotations

import re
from typing import Literal

from lxml import etree

Kind = Literal["heading", "paragraph"]
Block = tuple[Kind, str]

_SPACES = re.compile(r"\s+")

BREAK_TAGS = frozenset({"lb", "br", "cell", "td", "th", "img", "graphic"})  # inline, but words part there
XML_BLOCK_TAGS = frozenset({"p", "head", "item", "row", "quote", "list", "table", "code", "div", "body"})
XML_HEADING_TAGS = frozenset({"head"})

HTML_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
HTML_BLOCK_TAGS = HTML_HEADING_TAGS | frozenset(
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
        "pre", "table", "tr", "figure", "figcaption", "header", "footer", "body", "hr", "address",
    }
)  # fmt: skip
# subtrees that never hold article prose when they sit inside an article container
HTML_SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "svg", "button", "form", "select", "input",
        "nav", "aside", "figure", "video", "audio", "object", "embed", "canvas",
    }
)  # fmt: skip


def squash(text: str) -> str:
    """Collapse runs of whitespace into one space and trim."""
    return _SPACES.sub(" ", text).strip()


class _Collector:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self._parts.append(text)

    def flush(self, kind: Kind = "paragraph") -> None:
        text = squash("".join(self._parts))
        self._parts.clear()
        if text:
            self.blocks.append((kind, text))


def _walk(
    root: etree._Element,
    block_tags: frozenset[str],
    heading_tags: frozenset[str],
    skip_tags: frozenset[str] = frozenset(),
) -> list[Block]:
    out = _Collector()
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        skipped = not tag or tag in skip_tags
        if event == "start":
            if skipped:
                walker.skip_subtree()
            else:
                if tag in block_tags:
                    out.flush()
                elif tag in BREAK_TAGS:
                    out.add(" ")
                out.add(element.text)
            continue
        if tag in block_tags and not skipped:
            out.flush("heading" if tag in heading_tags else "paragraph")
        if element is not root:
            out.add(element.tail)
    out.flush()
    return out.blocks


def xml_blocks(body: etree._Element) -> list[Block]:
    """Blocks of a trafilatura output tree (``Document.body``)."""
    return _walk(body, XML_BLOCK_TAGS, XML_HEADING_TAGS)


def html_blocks(element: etree._Element) -> list[Block]:
    """Blocks of an HTML subtree, leaving out scripts, forms, navigation, asides and figures."""
    return _walk(element, HTML_BLOCK_TAGS, HTML_HEADING_TAGS, HTML_SKIP_TAGS)


def join(blocks: list[Block]) -> str:
    """The plain text of ``blocks``: one block per paragraph, separated by a blank line."""
    return "\n\n".join(text for _, text in blocks)
