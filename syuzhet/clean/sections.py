"""Named rules that drop runs of lines: headline lists under 'Популярное' / 'Читайте также' / 'Архив',
and bare lists of links with no heading at all."""

from __future__ import annotations

from collections.abc import Callable

from syuzhet.clean.lines import Line, headline_like
from syuzhet.data import phrases

SectionRule = Callable[[list[Line]], None]

_LONG_PARAGRAPH = 160
_MIN_LIST = 4


def _is_furniture_heading(line: Line) -> bool:
    return line.lower.rstrip(" :.»").lstrip("« ") in phrases("cleaning/furniture_headings")


def _is_article_paragraph(line: Line) -> bool:
    return len(line.text) >= _LONG_PARAGRAPH and line.ends_sentence


def furniture_section(lines: list[Line]) -> None:
    """From a furniture heading on, drop headline-like lines until a real paragraph resumes."""
    inside = False
    for line in lines:
        if not line.kept:
            continue
        if _is_furniture_heading(line):
            inside = True
            line.dropped_by = "furniture_section"
        elif inside and _is_article_paragraph(line):
            inside = False
        elif inside and len(line.text) <= 300:
            line.dropped_by = "furniture_section"


def headline_list(lines: list[Line]) -> None:
    """Before the first or after the last article paragraph, four or more headline-like lines in one block
    with no blank line between them: a list of links. Lists inside the article body are kept."""
    body = [i for i, line in enumerate(lines) if line.kept and _is_article_paragraph(line)]
    if not body:
        return
    outside = [line for i, line in enumerate(lines) if line.kept and (i < body[0] or i > body[-1])]
    groups: dict[int, list[Line]] = {}
    for line in outside:
        groups.setdefault(line.group, []).append(line)
    for members in groups.values():
        open_ended = sum(1 for m in members if not m.ends_sentence)
        if (
            len(members) >= _MIN_LIST
            and all(headline_like(m, 150) for m in members)
            and open_ended >= 0.75 * len(members)
        ):
            for member in members:
                member.dropped_by = "headline_list"


SECTION_RULES: list[SectionRule] = [furniture_section, headline_list]
