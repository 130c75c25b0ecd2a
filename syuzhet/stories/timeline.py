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
from syuzhet.dates import date_prepositions, date_spans, is_date_word, preceding_word, stamp_words, weekday_numbers
from syuzhet.stories.text import Sentence

TELLING_WORDS = 6
STAMP_WORDS = 3  # a sentence with a date and at most this many other words, and no verb, is a stamp
BYLINE_WORDS = 8  # or one that opens as a byline or a credit and has at most this many
_HANDLE = re.compile(r"\(@\w{1,30}\)")


@dataclass(frozen=True, slots=True)
class DateMention:
    date: str  # YYYY-MM-DD, YYYY-MM for a month, YYYY for a year
    precision: str  # 'day', 'month' or 'year'
    expression: str
    relative: bool = False


@cache
def relative_phrases() -> list[tuple[re.Pattern[str], int]]:
    out = []
    for row in lines("stories/relative_dates"):
        phrase, offset = row.rsplit(maxsplit=1)
        out.append((re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)"), int(offset)))
    return out


def resolve_weekday(weekday: int, article_date: dt.date, forward: bool) -> dt.date:
    """The weekday's latest date on or before ``article_date``; with ``forward`` its next one after it."""
    if forward:
        return article_date + dt.timedelta(days=(weekday - article_date.weekday() - 1) % 7 + 1)
    return article_date - dt.timedelta(days=(article_date.weekday() - weekday) % 7)


def date_mentions(sentence: Sentence, article_date: str | None) -> list[DateMention]:
    """The dates ``sentence`` names, except range bounds ('since 1994': how long, not when) and a weekday
    written with its date ('on Friday, 8 May' is one date)."""
    base = _parse(article_date)
    text = sentence.text
    spans = [d for d in date_spans(text, base.year if base else None)
             if d.precision == "day" or preceding_word(text, d.start) not in date_prepositions("since")]
    found = [DateMention(d.date, d.precision, text[d.start:d.end], relative=not d.year_written) for d in spans]
    if base:
        dated = [m.expression.lower() for m in found if m.precision == "day"]
        found.extend(m for m in _relative(sentence, base) if not _written_with_date(m, text.lower(), dated))
    return found


def _written_with_date(mention: DateMention, low: str, dated: list[str]) -> bool:
    """A weekday right before a written date ('в среду, 8 мая', 'Friday, May 8')."""
    at = low.find(mention.expression)
    if at < 0:
        return False
    after = low[at + len(mention.expression):].lstrip(" ,")
    return any(after.startswith(expression) for expression in dated)


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


def is_stamp(sentence: Sentence) -> bool:
    """A publication stamp, dateline, byline or embedded post's signature rather than a statement: 'Agency,
    7 May.', 'Posted May 7, 2025 7:42 AM', 'Updated: 07.05.2025', '— Jane Doe (@handle) May 7, 2025', 'By Jane
    Doe, May 7, 2025 Daily News', 'Photo: Jane Doe, 7 May 2025'."""
    text = sentence.text
    if _HANDLE.search(text):
        return True
    if any(w.pos == "VERB" for w in sentence.words):
        return False
    words = stamp_words(text)
    return words <= STAMP_WORDS or (_opens_as_credit(text) and words <= BYLINE_WORDS)


def _opens_as_credit(text: str) -> bool:
    """``text`` opens as a byline ('By Jane Doe', 'Автор: ...') or a credit ('Photo: ...')."""
    low = text.lower()
    for prefix in lines("cleaning/byline_prefixes"):
        rest = text[len(prefix):]
        named = rest[:1] == " " and rest[1:2].isupper() and not is_date_word(rest.split(maxsplit=1)[0])
        if low.startswith(prefix) and (rest[:1] == ":" or named):
            return True
    return any(low.startswith(prefix) and text[len(prefix):len(prefix) + 1] in (":", "/")
               for prefix in lines("cleaning/credit_prefixes"))


def timeline(sents: list[Sentence], dates: dict[str, str | None], lang: str) -> list[dict[str, Any]]:
    """Events by date: each date with the sentences (and articles) that mention it, earliest first."""
    events: dict[str, dict[str, Any]] = {}
    for s in sents:
        if s.kind not in ("paragraph", "subtitle"):
            continue
        found = date_mentions(s, dates.get(s.article))
        if not found or is_stamp(s):  # the stamp test only where a sentence has a date
            continue
        for d in found:
            event = events.setdefault(d.date, {"date": d.date, "precision": d.precision, "text": "",
                                               "articles": [], "mentions": []})
            if s.article not in event["articles"]:
                event["articles"].append(s.article)
            event["mentions"].append({"article": s.article, "expression": d.expression, "relative": d.relative,
                                      "text": s.text, "lang": s.lang})
    for event in events.values():
        pool = [m for m in event["mentions"] if m["lang"] == lang] or event["mentions"]
        event["text"] = min(pool, key=_telling)["text"]
        event["articles"].sort()
    return sorted(events.values(), key=lambda e: (e["date"], e["precision"]))


def _telling(mention: dict[str, Any]) -> tuple[bool, bool, int]:
    """The sentence that shows a date best: a written date before a relative one ('yesterday'), a sentence
    of some length before a fragment, then the shortest."""
    text = str(mention["text"])
    return bool(mention["relative"]), len(text.split()) < TELLING_WORDS, len(text)
