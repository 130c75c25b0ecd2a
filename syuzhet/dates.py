"""Absolute dates written in text ('12 ноября 2025', '12.11.2025', '2025-11-12'), as ISO strings.
Only dates that carry a year are returned: a date is never invented."""

from __future__ import annotations

import datetime as dt
import re

from syuzhet.data import numbered


def month_numbers() -> dict[str, int]:
    return numbered("months")


_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DOTTED = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_WORDY = re.compile(r"\b(\d{1,2})\s+([^\W\d_]{3,12})\.?,?\s+(\d{4})\b")
_WORDY_EN = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


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
