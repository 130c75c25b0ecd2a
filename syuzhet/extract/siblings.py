"""Rule ``split_body``: bring back the rest of an article body that the page split into sibling chunks.

Some sites cut one article body into several sibling containers of the same tag and class (between them
sit ads or embeds). trafilatura takes the first such container and stops, so the extraction ends mid-article.
The rule finds the page paragraphs the extraction kept, takes their lowest common ancestor, and walks up
at most ``MAX_LEVELS`` ancestors looking for siblings with the same tag and class. Siblings that hold prose
are read in page order around the extracted blocks. A sibling that is an ``<article>`` of its own, or has
an ``<h1>``, is taken for a different story (infinite scroll) and the rule does not fire.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from syuzhet.extract.blocks import Block, html_blocks, squash

MAX_LEVELS = 3
MIN_ANCHOR_CHARS = 40  # a kept block this long identifies its page paragraph
MIN_ANCHORS = 2
MIN_PROSE_BLOCK = 80  # a sibling chunk must hold at least one paragraph this long ...
MIN_PROSE_CHARS = 200  # ... and this much text in such paragraphs
MAX_LINK_SHARE = 0.3  # a chunk with more of its text in links is a list of teasers
MIN_COVERAGE = 0.6  # the extracted blocks make up this much of a wrapper's own text


def _anchors(tree: HtmlElement, blocks: list[Block]) -> list[HtmlElement]:
    kept = {text for _, text in blocks if len(text) >= MIN_ANCHOR_CHARS}
    return [p for p in tree.iter("p") if squash(p.text_content()) in kept]


def _common_ancestor(elements: list[HtmlElement]) -> HtmlElement | None:
    first, *rest = elements
    path = [first, *first.iterancestors()]
    position = {id(e): i for i, e in enumerate(path)}
    deepest = 0
    for element in rest:
        index = next((position[id(a)] for a in [element, *element.iterancestors()] if id(a) in position), None)
        if index is None:
            return None
        deepest = max(deepest, index)
    return path[deepest]


def _signature(element: HtmlElement) -> tuple[str, str] | None:
    cls = " ".join((element.get("class") or "").split())
    if not cls or not isinstance(element.tag, str) or element.tag in {"body", "html", "article"}:
        return None
    return element.tag, cls


def _is_prose(element: HtmlElement, blocks: list[Block]) -> bool:
    long_blocks = [text for kind, text in blocks if kind == "paragraph" and len(text) >= MIN_PROSE_BLOCK]
    prose = sum(map(len, long_blocks))
    if prose < MIN_PROSE_CHARS:
        return False
    linked = sum(len(squash(a.text_content())) for a in element.iter("a"))
    return linked <= MAX_LINK_SHARE * sum(len(text) for _, text in blocks)


def _holds_mostly(node: HtmlElement, kept: set[str]) -> bool:
    """Whether the extracted blocks make up most of ``node``'s text (a wrapper, not a page column)."""
    blocks = html_blocks(node)
    total = sum(len(text) for _, text in blocks)
    return total > 0 and sum(len(text) for _, text in blocks if text in kept) >= MIN_COVERAGE * total


def _chunks(node: HtmlElement, kept: set[str]) -> tuple[list[Block], list[Block]] | None:
    """Prose blocks of ``node``'s same-signature siblings, before and after it; None when there are none."""
    signature, parent = _signature(node), node.getparent()
    if signature is None or parent is None:
        return None
    before: list[Block] = []
    after: list[Block] = []
    side = before
    for sibling in parent:
        if sibling is node:
            side = after
            continue
        if _signature(sibling) != signature:
            continue
        if sibling.find(".//h1") is not None or sibling.find(".//article") is not None:
            return None
        blocks = html_blocks(sibling)
        if _is_prose(sibling, blocks):
            side.extend(b for b in blocks if b[1] not in kept)
    if not (before or after) or not _holds_mostly(node, kept):
        return None
    return before, after


def merge_split_body(tree: HtmlElement, blocks: list[Block]) -> list[Block] | None:
    """``blocks`` completed with the sibling chunks of their container, or None when the rule does not apply."""
    anchors = _anchors(tree, blocks)
    if len(anchors) < MIN_ANCHORS:
        return None
    kept = {text for _, text in blocks}
    node = _common_ancestor(anchors)
    for _ in range(MAX_LEVELS):
        if node is None or node.tag in {"body", "html"}:
            return None
        found = _chunks(node, kept)
        if found is not None:
            before, after = found
            return before + blocks + after
        node = node.getparent()
    return None
