"""Absolute dates written in text ('12 ноября 2025', '12.11.2025', '2025-11-12'), as ISO strings.
Only dates that carry a year are returned: a date is never invented."""

from __future__ import annotations

import datetime as dt
import re

from syuzhet.data import numbered, phrases


def month_numbers() -> dict[str, int]:
    return numbered("months")


def weekday_numbers() -> dict[str, int]:
    """Weekday names (ru, uk, en, kk) -> 0 for Monday .. 6 for Sunday."""
    return numbered("stories/weekdays")


_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DOTTED = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_WORDY = re.compile(r"\b(\d{1,2})\s+([^\W\d_]{3,12})\.?,?\s+(\d{4})\b")
_WORDY_EN = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_TOKEN = re.compile(r"[^\W_]+|\d+", re.U)


def is_timestamp(text: str) -> bool:
    """Only dates, times, month and weekday names and words like 'updated' ('Пятница, 3 мая 2024 10:41',
    '4 MAY, 09:12 Updated 5 MAY'), with at least one number: a page's timestamp line."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    if not tokens or len(text) > 80 or not any(t.isdigit() for t in tokens):
        return False
    words = phrases("cleaning/timestamp_words")
    months, weekdays = month_numbers(), weekday_numbers()
    return all(t.isdigit() or t in months or t in weekdays or t in words for t in tokens)


def find_date(text: str) -> str | None:
    """The first complete date in ``text`` as YYYY-MM-DD, or None."""
    candidates: list[tuple[int, str]] = []
    for m in _ISO.finditer(text):
        if iso := _iso(int(m[1]), int(m[2]), int(m[3])):
            candidates.append((m.start(), iso))
    for m in _DOTTED.finditer(text):
        if iso := _iso(int(m[3]), int(m[2]), int(m[1])):
            candidates.append((m.start(), iso))
    months = month_numbers()
    for m in _WORDY.finditer(text):
        month = months.get(m[2].lower())
        if month and (iso := _iso(int(m[3]), month, int(m[1]))):
            candidates.append((m.start(), iso))
    for m in _WORDY_EN.finditer(text):
        month = months.get(m[1].lower())
        if month and (iso := _iso(int(m[3]), month, int(m[2]))):
            candidates.append((m.start(), iso))
    return min(candidates)[1] if candidates else None


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
