"""Named rules that drop one line of page furniture. Each returns True when it fires; some also record
metadata they found (the byline's author). Word lists live in ``syuzhet/data/cleaning``."""

from __future__ import annotations

import re
from collections.abc import Callable

from syuzhet.clean.lines import Line
from syuzhet.data import lines as data_lines
from syuzhet.data import phrases
from syuzhet.text import fold_lookalikes

Found = dict[str, str]
LineRule = Callable[[Line, Found], bool]

_PLACEHOLDER = re.compile(r"^(?:[•·*\-–]\s*)?(?:\[\[[^\]]*\]\]|\{\{[^}]*\}\}|%[A-Z_]+%|\$\{[^}]*\})$")
_COUNTER = re.compile(r"^\d[\d\s.,]*(?:[kKкК]|тыс\.?)?(?:\s*(?:просмотр\w*|перегляд\w*|views?|comments?|коммент\w*))?$")
_AGENCY_CREDIT = re.compile(r"^[A-ZА-ЯЁІЇЄҐ][\w.'’\- ]{1,50}\s?/\s?[\w«»\"'’.\- ]{2,50}$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_BARE_LINK = re.compile(r"^[\[(<!/\s]*(?:https?(?::|%3a)|www\.)\S*$", re.IGNORECASE)
_NAME = re.compile(r"^[A-ZА-ЯЁІЇЄҐ][\w'’\-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’.\-]+){0,3}(?:,\s*[\w\s«»\"-]{2,60})?$")


def cookie_banner(line: Line, found: Found) -> bool:
    """A short line about cookies or consent."""
    return len(line.text) <= 400 and any(p in line.lower for p in phrases("cleaning/cookie_banner"))


def template_placeholder(line: Line, found: Found) -> bool:
    """Unrendered template variables such as '[[year]]' or '{{date}}'."""
    return bool(_PLACEHOLDER.match(line.text))


def byline(line: Line, found: Found) -> bool:
    """'Текст: Мария Иванова', 'Автор: ...', 'By Jane Doe': the author moves to metadata."""
    folded = fold_lookalikes(line.text)
    for prefix in data_lines("cleaning/byline_prefixes"):
        head = folded[: len(prefix)]
        rest = folded[len(prefix):]
        if head.lower() != prefix or rest[:1] not in (":", " ", "—", "–"):
            continue
        name = line.text[len(prefix):].strip(" :—–-").strip()
        if name and len(name) <= 80 and _NAME.match(name) and (rest[:1] == ":" or prefix in ("by", "author")):
            found.setdefault("author", name)
            return True
    return False


def photo_credit(line: Line, found: Found) -> bool:
    """'Фото: Акорда', 'Григорий Сысоев/РИА Новости', '© Reuters' and the like."""
    text = line.text
    if len(text) > 120 or line.words > 12:
        return False
    lower = fold_lookalikes(line.lower)
    for prefix in data_lines("cleaning/credit_prefixes"):
        if lower.startswith(prefix) and (len(lower) == len(prefix) or lower[len(prefix)] in ": /|—–-("):
            if text.endswith(("?", "!")):
                return False
            found.setdefault("photo_credit", text[len(prefix):].strip(" :/|—–-(") or text)
            return True
    if _AGENCY_CREDIT.match(text) and line.words <= 8 and not line.ends_sentence:
        found.setdefault("photo_credit", text)
        return True
    return False


def view_counter(line: Line, found: Found) -> bool:
    """A bare number or 'NNN просмотров' on its own line."""
    return len(line.text) <= 30 and bool(_COUNTER.match(line.text))


def widget(line: Line, found: Found) -> bool:
    """Share buttons, comment counters, 'print' links."""
    return line.lower.strip(" .:!|•·") in phrases("cleaning/widgets")


def separator(line: Line, found: Found) -> bool:
    """A line without a letter or a digit ('|', '***', '~'): a divider or an icon the scrape left as text."""
    return not any(ch.isalnum() for ch in line.text)


def bare_link(line: Line, found: Found) -> bool:
    """A line that is one address and nothing else: an image or link the scrape left as text."""
    return bool(_BARE_LINK.match(line.text))


def copyright_notice(line: Line, found: Found) -> bool:
    """'© 2025 Outlet. All rights reserved.'"""
    return len(line.text) <= 200 and bool(_COPYRIGHT.match(line.text))


LINE_RULES: list[LineRule] = [
    cookie_banner,
    template_placeholder,
    byline,
    photo_credit,
    view_counter,
    widget,
    separator,
    bare_link,
    copyright_notice,
]
