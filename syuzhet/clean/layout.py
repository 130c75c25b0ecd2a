"""Named rules that give kept lines their role: title, subtitle, section heading; and metadata that the
text itself states (a dateline, the outlet naming its own site). The first drops pictures' captions, which
need to know the first line (``captions``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from syuzhet.clean.captions import photo_caption
from syuzhet.clean.lines import Line, headline_like
from syuzhet.dates import find_date, is_timestamp
from syuzhet.urls import host

Found = dict[str, str]
LayoutRule = Callable[[list[Line], Found], None]

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")  # a word of letters: a headline has at least three
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
_STEM, _ECHO_LINES = 5, 20
_DATE_ONLY = re.compile(r"^[\d\s.,:/\-–—a-zA-Zа-яА-ЯёіїєґІЇЄҐ]{6,40}$")
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+([^|–—]{2,40})$")
_SITE_NAME_MIN = 3  # letters of a site's name for a title's ending to be taken as it
_SELF_NAMED = re.compile(
    r"(?:сообщает|передает|передаёт|пишет|повідомляє|передає|пише|reports|хабарлайды)\s+"
    r"([A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*"
    r"\.(?:kz|ru|ua|by|uz|kg|tj|am|az|ge|md|com|net|org|info|news|media))"
    r"(?=[\s.,;:)»]|$)",
)


def _kept(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.kept]


def markdown_heading(lines: list[Line], found: Found) -> None:
    """'## Heading' (also how the HTML reader marks headings) is a section heading."""
    for line in _kept(lines):
        if _MARKDOWN_HEADING.match(line.text):
            line.text = _MARKDOWN_HEADING.sub("", line.text)
            line.kind = "heading"


def title_line(lines: list[Line], found: Found) -> None:
    """The first kept line is the title when it reads like a headline (no full stop, not too long, three words
    of letters) and no metadata gave a title; a dump that starts with its lead paragraph has no title."""
    kept = _kept(lines)
    if not kept or found.get("title"):
        return
    first = kept[0]
    if not headline_like(first, 250) or len(_LETTER_WORD.findall(first.text)) < 3:
        return
    runs_on = len(kept) > 1 and kept[1].group == first.group and not headline_like(kept[1], 300)
    if not _echoed(first, kept[1:]):
        return  # a menu or a list of tags ('Live  Sport news') says nothing its text says
    if first.text.endswith(("?", "!")) or (not first.ends_sentence and not runs_on):
        first.kind = "title"


def site_suffix(lines: list[Line], found: Found) -> None:
    """'Headline | Example': a title (from metadata or the first line) that ends in the name of the site it is
    on, its outlet or the name in its address, loses that ending. A source it credits ('... - Reuters' on
    another site) stays."""
    names = _site_names(found)
    if not names:
        return
    if found.get("title"):
        found["title"] = _without_site(found["title"], names)
    for line in _kept(lines)[:1]:
        if line.kind == "title":
            line.text = _without_site(line.text, names)


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _site_names(found: Found) -> set[str]:
    """The outlet's name and the labels of the address's host but its last ('example' of www.example.com)."""
    labels = host(found.get("url")).split(".")[:-1]
    names = {_letters(label) for label in labels} | {_letters(found.get("outlet") or "")}
    return {name for name in names if len(name) >= _SITE_NAME_MIN}


def _without_site(title: str, names: set[str]) -> str:
    match = _SITE_SUFFIX.search(title)
    if not match or len(_LETTER_WORD.findall(title[: match.start()])) < 3:
        return title
    tail = _letters(match.group(1))
    if len(tail) >= _SITE_NAME_MIN and any(tail.startswith(n) or n.startswith(tail) for n in names):
        return title[: match.start()].rstrip()
    return title


def _stems(text: str) -> set[str]:
    return {w.lower()[:_STEM] for w in _CONTENT_WORD.findall(text)}


def _echoed(first: Line, rest: list[Line]) -> bool:
    """A headline shares a word with the text under it (its first words' stems, in the first lines)."""
    body = " ".join(line.text for line in rest[:_ECHO_LINES])
    return not body or bool(_stems(first.text) & _stems(body))


def subtitle_line(lines: list[Line], found: Found) -> None:
    """A headline-like line right after the title, with a colon or at least five words."""
    kept = _kept(lines)
    if len(kept) < 3 or kept[0].kind != "title":
        return
    second = kept[1]
    if (
        second.kind == "paragraph"
        and headline_like(second, 200)
        and not second.text.endswith(".")
        and second.words <= 25
        and (second.words >= 5 or ":" in second.text)
    ):
        second.kind = "subtitle"


def section_heading(lines: list[Line], found: Found) -> None:
    """A short line alone in its block, no end punctuation, followed by more text: a section heading."""
    kept = _kept(lines)
    for i, line in enumerate(kept[:-1]):
        alone = (i == 0 or kept[i - 1].group != line.group) and kept[i + 1].group != line.group
        if (
            line.kind == "paragraph"
            and alone
            and headline_like(line, 120)
            and line.words <= 12
            and not line.text.endswith((":", "!", "?", "…", ".", ";", ","))
        ):
            line.kind = "heading"


def dateline(lines: list[Line], found: Found) -> None:
    """A line near the top that is only a full date (with a year) gives the date, and goes."""
    for line in _kept(lines)[:4]:
        if found.get("date"):
            return
        if _DATE_ONLY.match(line.text) and (date := find_date(line.text)):
            found["date"] = date
            line.dropped_by = "dateline"


def timestamp_line(lines: list[Line], found: Found) -> None:
    """A line near the top made only of a date or time ('Friday, 3 May 2024 10:41', 'Updated 4 May, 09:12')
    is the page's timestamp, not a headline: it goes (its date is taken when nothing gave one)."""
    for line in _kept(lines)[:4]:
        if is_timestamp(line.text):
            if not found.get("date") and (date := find_date(line.text)):
                found["date"] = date
            line.dropped_by = "timestamp_line"


def self_named_outlet(lines: list[Line], found: Found) -> None:
    """'..., сообщает Example.kz': an outlet naming its own site in the lead gives the outlet."""
    if found.get("outlet"):
        return
    for line in [ln for ln in _kept(lines) if ln.kind == "paragraph"][:2]:
        if match := _SELF_NAMED.search(line.text):
            found["outlet"] = match.group(1)
            return


def join_wrapped(lines: list[Line], found: Found) -> None:
    """Hard-wrapped paragraphs: a line that does not end a sentence, followed in the same block by a
    line starting in lower case, continues on that line."""
    kept = _kept(lines)
    for prev, line in pairwise(kept):
        if (
            prev.kind == line.kind == "paragraph"
            and prev.group == line.group
            and not prev.ends_sentence
            and line.text[:1].islower()
        ):
            line.text = prev.text + " " + line.text
            prev.dropped_by = "joined"


LAYOUT_RULES: list[LayoutRule] = [
    photo_caption,
    markdown_heading,
    dateline,
    timestamp_line,
    title_line,
    site_suffix,
    subtitle_line,
    section_heading,
    self_named_outlet,
    join_wrapped,
]
