"""Dated events mentioned in articles: full dates ('12 ноября 2025', '12.11.2025'), day and month
('12 листопада', the year taken from the article's date), years ('в 1992 году', '1998-го'), and relative
dates resolved against the article's date ('в четверг', 'вчера', 'через неделю'; word lists in
``data/stories``). A weekday means its latest occurrence on or before the article's date, unless a
'next' word precedes it or the sentence's verbs are all in the future tense."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from syuzhet.data import lines
from syuzhet.dates import month_numbers, weekday_numbers
from syuzhet.stories.text import Sentence

_YEAR = re.compile(r"(?<![\d.,-])(1[89]\d\d|20\d\d)(?![\d.,])(?:-(?:го|го|й|х))?")
_DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\s+([^\W\d_]{3,12})(?:\s+(\d{4}))?", re.U)
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True, slots=True)
class DateMention:
    date: str  # YYYY-MM-DD, or YYYY for a year
    precision: str  # 'day' or 'year'
    expression: str
    relative: bool = False


@cache
def relative_phrases() -> list[tuple[re.Pattern[str], int]]:
    out = []
    for row in lines("stories/relative_dates"):
        phrase, offset = row.rsplit(maxsplit=1)
        out.append((re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)"), int(offset)))
    return out


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def resolve_weekday(weekday: int, article_date: dt.date, forward: bool) -> dt.date:
    """The weekday's latest date on or before ``article_date``; with ``forward`` its next one after it."""
    if forward:
        return article_date + dt.timedelta(days=(weekday - article_date.weekday() - 1) % 7 + 1)
    return article_date - dt.timedelta(days=(article_date.weekday() - weekday) % 7)


def date_mentions(sentence: Sentence, article_date: str | None) -> list[DateMention]:
    text = sentence.text
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    base = _parse(article_date)

    def free(m: re.Match[str]) -> bool:
        return not any(m.start() < e and s < m.end() for s, e in taken)

    for m in _ISO.finditer(text):
        if iso := _iso(int(m[1]), int(m[2]), int(m[3])):
            found.append(DateMention(iso, "day", m.group()))
            taken.append(m.span())
    for m in _DOTTED.finditer(text):
        if free(m) and (iso := _iso(int(m[3]), int(m[2]), int(m[1]))):
            found.append(DateMention(iso, "day", m.group()))
            taken.append(m.span())
    months = month_numbers()
    for m in _DAY_MONTH.finditer(text):
        month = months.get(m[2].lower())
        if not month or not free(m):
            continue
        year = int(m[3]) if m[3] else (base.year if base else None)
        if year and (iso := _iso(year, month, int(m[1]))):
            found.append(DateMention(iso, "day", m.group(), relative=not m[3]))
            taken.append(m.span())
    for m in _YEAR.finditer(text):
        if free(m):
            found.append(DateMention(m[1], "year", m.group()))
            taken.append(m.span())
    if base:
        found.extend(_relative(sentence, base))
    return found


def _relative(sentence: Sentence, base: dt.date) -> list[DateMention]:
    low = sentence.text.lower().replace("ʼ", "'").replace("’", "'")
    out = []
    anchors = set(lines("stories/anchor_words"))
    for pattern, offset in relative_phrases():
        for m in pattern.finditer(low):
            after = low[m.end():].split(maxsplit=1)
            if after and after[0].strip(",.") in anchors:
                continue
            out.append(DateMention((base + dt.timedelta(days=offset)).isoformat(), "day", m.group(), True))
    tokens = re.findall(r"[\w']+", low)
    future = _future(sentence)
    nxt = set(lines("stories/next_markers"))
    for i, token in enumerate(tokens):
        weekday = weekday_numbers().get(token)
        if weekday is None:
            continue
        forward = future or (i > 0 and tokens[i - 1] in nxt)
        day = resolve_weekday(weekday, base, forward)
        out.append(DateMention(day.isoformat(), "day", " ".join(tokens[max(0, i - 1):i + 1]), True))
    return out


def _future(sentence: Sentence) -> bool:
    tenses = {w.tense for w in sentence.words if w.tense}
    return "futr" in tenses and "past" not in tenses


def _parse(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None


def timeline(sents: list[Sentence], dates: dict[str, str | None], lang: str) -> list[dict[str, Any]]:
    """Events by date: each date with the sentences (and articles) that mention it, earliest first."""
    events: dict[str, dict[str, Any]] = {}
    for s in sents:
        if s.kind not in ("paragraph", "subtitle"):
            continue
        for d in date_mentions(s, dates.get(s.article)):
            event = events.setdefault(d.date, {"date": d.date, "precision": d.precision, "text": "",
                                               "articles": [], "mentions": []})
            if s.article not in event["articles"]:
                event["articles"].append(s.article)
            event["mentions"].append({"article": s.article, "expression": d.expression, "relative": d.relative,
                                      "text": s.text, "lang": s.lang})
    for event in events.values():
        pool = [m for m in event["mentions"] if m["lang"] == lang] or event["mentions"]
        event["text"] = min(pool, key=lambda m: len(m["text"]))["text"]
        event["articles"].sort()
    return sorted(events.values(), key=lambda e: (e["date"], e["precision"]))
