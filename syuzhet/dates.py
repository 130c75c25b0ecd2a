"""Absolute dates written in text ('12 ноября 2025', '12.11.2025', '2025-11-12'), as ISO strings.
Only dates that carry a year are returned: a date is never invented."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from syuzhet.data import lines, numbered, phrases


def month_numbers() -> dict[str, int]:
    return numbered("months")


def weekday_numbers() -> dict[str, int]:
    """Weekday names (ru, uk, en, kk) -> 0 for Monday .. 6 for Sunday."""
    return numbered("stories/weekdays")


_ISO = re.compile(r"(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d.])")
_DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\s+([^\W\d_]{3,12})\.?(?:,?\s+(\d{4})(?![\d:]))?", re.U)
_MONTH_DAY = re.compile(r"(?<![^\W\d_])([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d:]|\.\d)"
                        r"(?:,?\s+(\d{4})(?![\d:]))?")
_MONTH = re.compile(r"(?<![^\W\d_])([^\W\d_]{3,12})(?:\s+(\d{4})(?![\d:]))?", re.U)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s,]*$", re.U)
_YEAR = re.compile(r"(?<![\d.,-])(1[89]\d\d|20\d\d)(?!\d|[.,]\d)(?:-(?:го|й|х))?")


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date written in text: where, the date ('YYYY-MM-DD', or 'YYYY' for a year alone) and whether the
    year was written (a day and month alone take ``year``, the reader's guess, e.g. the article's year)."""

    start: int
    end: int
    date: str
    precision: str  # 'day', 'month' ('YYYY-MM') or 'year'
    year_written: bool = True


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def date_spans(text: str, year: int | None = None) -> list[DateSpan]:
    """Every date in ``text``, in text order: ISO ('2025-11-12'), dotted ('12.11.2025', '12/11/2025'), day and
    month ('12 ноября 2025', '12 листопада', 'Saturday, 14 June'), English month and day ('Nov. 12, 2025',
    'September 10'), months ('в мае 2024', 'in March', 'September 2023': after a word of ``date_prepositions``
    or before a year) and years ('в 1992 году', '1990-х'). A day or month without a year gets ``year``, or is
    left out when it is None. Spans never overlap: the more precise reading of a stretch of text wins."""
    found: list[DateSpan] = []

    def free(m: re.Match[str]) -> bool:
        return not any(m.start() < d.end and d.start < m.end() for d in found)

    def add(m: re.Match[str], iso: str | None, written: bool = True) -> None:
        if iso and free(m):
            found.append(DateSpan(m.start(), m.end(), iso, "day", written))

    for m in _ISO.finditer(text):
        add(m, _iso(int(m[1]), int(m[2]), int(m[3])))
    for m in _DOTTED.finditer(text):
        add(m, _iso(int(m[4]), int(m[3]), int(m[1])))
    months = month_numbers()
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        for m in pattern.finditer(text):
            month = months.get(m[month_group].lower())
            given = int(m[3]) if m[3] else year
            if month and given and (pattern is _DAY_MONTH or m[1][0].isupper()):
                add(m, _iso(given, month, int(m[day_group])), bool(m[3]))
    for m in _MONTH.finditer(text):
        month = months.get(m[1].lower())
        given = int(m[2]) if m[2] else year
        if month and given and free(m) and (m[2] or preceding_word(text, m.start()) in date_prepositions("in")) \
                and (m[1][0].isupper() or not m[1].isascii()):
            found.append(DateSpan(m.start(), m.end(), f"{given:04d}-{month:02d}", "month", bool(m[2])))
    for m in _YEAR.finditer(text):
        if free(m):
            found.append(DateSpan(m.start(), m.end(), m[1], "year"))
    return sorted(found, key=lambda d: d.start)


def preceding_word(text: str, at: int) -> str:
    """The word right before position ``at`` (lower case; '' at the start)."""
    m = _WORD_BEFORE.search(text, 0, at)
    return m[1].lower() if m else ""


@functools.cache
def date_prepositions(role: str) -> frozenset[str]:
    """The words of ``date_prepositions.txt`` with this role ('in' or 'since')."""
    return frozenset(word for line in lines("date_prepositions") for kind, word in [line.split()] if kind == role)


_TOKEN = re.compile(r"[^\W_]+|\d+", re.U)


def is_timestamp(text: str) -> bool:
    """Only dates, times, month and weekday names and words like 'updated' ('Пятница, 3 мая 2024 10:41',
    '4 MAY, 09:12 Updated 5 MAY'), with at least one number: a page's timestamp line."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if not tokens or len(text) > 80 or not any(t.isdigit() for t in tokens):
        return False
    return all(t.isdigit() or is_date_word(t) for t in tokens)


def is_date_word(token: str) -> bool:
    """A month or weekday name or a timestamp word ('updated', 'года'), in any case."""
    token = token.lower()
    return token in month_numbers() or token in weekday_numbers() or token in phrases("cleaning/timestamp_words")


def stamp_words(text: str) -> int:
    """How many words of ``text`` are not part of a date, a time or a timestamp word ('Агентство, 7 ноября.': 1)."""
    return sum(1 for t in _TOKEN.findall(text) if not t.isdigit() and not is_date_word(t))


def find_date(text: str) -> str | None:
    """The first complete date in ``text`` (day, month and year written) as YYYY-MM-DD, or None."""
    return next((d.date for d in date_spans(text) if d.precision == "day" and d.year_written), None)


_EPOCH_RANGE = (0, 4102444800)  # 1970-01-01 .. 2100-01-01, in seconds
_DATE_PREFIX = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_DOTTED_ONLY = re.compile(r"^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})(?:$|[\s,T])")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T\d{2}:?\d{2}|$)")


def normalize_date(value: object) -> str | None:
    """A publication date from metadata as YYYY-MM-DD, or None when it is not a date: ISO dates and
    datetimes ('2025-11-12T10:00:00Z': the calendar day as written), dd.mm.yyyy, RFC 822 ('Wed, 12 Nov 2025
    10:00:00 +0300'), epoch seconds or milliseconds, '12 ноября 2025'. Never raises."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()[:200]
    if re.fullmatch(r"\d{9,13}(\.\d+)?", text):
        return _from_epoch(float(text))
    for pattern, order in ((_DATE_PREFIX, (1, 2, 3)), (_COMPACT, (1, 2, 3)), (_DOTTED_ONLY, (3, 2, 1))):
        if m := pattern.match(text):
            return _iso(int(m[order[0]]), int(m[order[1]]), int(m[order[2]]))
    try:
        from email.utils import parsedate_to_datetime

        return _checked_year(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    return find_date(text) if len(text) <= 40 else None


def _from_epoch(seconds: float) -> str | None:
    if seconds != seconds:  # NaN
        return None
    if seconds > _EPOCH_RANGE[1]:
        seconds /= 1000  # milliseconds
    if not _EPOCH_RANGE[0] < seconds < _EPOCH_RANGE[1]:
        return None
    return dt.datetime.fromtimestamp(seconds, dt.UTC).date().isoformat()


def _checked_year(day: dt.date) -> str | None:
    return day.isoformat() if 1800 <= day.year <= 2100 else None
