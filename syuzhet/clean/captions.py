"""A picture's caption that the scrape left inside the text: 'A man on a bridge. Photo: Jane Doe / Agency',
'Photo: Agency A man on a bridge', 'FILE - A man speaks at a podium, March 3, 2020. (Agency Photo/Jane Doe)'.
It is not the article's text: left in, it becomes a fact, a date on the timeline, and names ('File', 'AP').
The line goes (kept in the trace); the credit is kept as metadata. The first line of a text without a title
may be its headline with the picture's credit glued on: when what precedes the credit reads as a headline,
only the credit goes."""

from __future__ import annotations

import re
from functools import cache

from syuzhet.clean.lines import Line, headline_like
from syuzhet.data import lines as data_lines

Found = dict[str, str]

_MAX_CAPTION = 300  # characters of caption text before or after the credit
_MAX_CREDIT_WORDS = 10
_SENTENCE_BREAK = re.compile(r"[.!?…][»\"”)]?\s+[A-ZА-ЯЁІЇЄҐ]")
_ARCHIVE_CAPTION = re.compile(r"^FILE\s*[-–—]\s+\S")  # the agencies' archive pictures
_WORD = re.compile(r"\w+")


@cache
def _words(role: str) -> tuple[str, ...]:
    prefix = f"{role}:"
    return tuple(line[len(prefix):].strip() for line in data_lines("cleaning/caption_words") if line.startswith(prefix))


@cache
def _trailing_credit() -> re.Pattern[str]:
    """'<caption>. Photo: <credit>', '<caption> / Фото: <credit>', '<caption> (Фото: <credit>)',
    '<caption> Фото «<credit>»', '<caption> / фото <credit>'."""
    words = "|".join(sorted(map(re.escape, _words("credit")), key=len, reverse=True))
    return re.compile(
        rf"^(?P<caption>.+?)(?P<sep>[.,;]\s+|\s*[/|(]\s*|\s+)(?P<word>{words})(?P<gap>\s*[:/]\s*|\s+)"
        r"(?P<credit>[^()]{1,120}?)\)?\.?$",
        re.IGNORECASE,
    )


_PARENTHESISED = re.compile(r"^(?P<caption>.+?)\s*\((?P<credit>[^()]*/[^()]*)\)\.?$")
_COPYRIGHT_TAIL = re.compile(r"^(?P<caption>.+?)\s*(?:/\s*)?©\s*(?P<credit>.{1,120})$")


@cache
def _leading_credit() -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, _words("credit")), key=len, reverse=True))
    return re.compile(rf"^(?:{words})\s*:\s*(?P<rest>.+)$", re.IGNORECASE)


def _may_be_caption(text: str) -> bool:
    """A cheap first look: a credit word, '©', an archive mark or a parenthesis with a slash."""
    if "©" in text or text.startswith("FILE") or ("(" in text and "/" in text):
        return True
    lower = text.lower()
    return any(word in lower for word in _words("credit"))


def _agency(credit: str) -> bool:
    found = {w.lower() for w in _WORD.findall(credit)}
    lower = credit.lower()
    return any(w in found or (" " in w and w in lower) for w in _words("agency"))


def _one_caption(text: str) -> bool:
    return 0 < len(text) <= _MAX_CAPTION and not _SENTENCE_BREAK.search(text)


def _short(credit: str) -> bool:
    return len(_WORD.findall(credit)) <= _MAX_CREDIT_WORDS


def caption_parts(text: str) -> tuple[str, str] | None:
    """(caption, credit) when ``text`` is a picture's caption; the credit may be empty."""
    if len(text) > 2 * _MAX_CAPTION or not _may_be_caption(text):
        return None  # a paragraph, or no mark of a picture: no pattern is tried on it
    if _ARCHIVE_CAPTION.match(text):
        return text, ""
    m = _PARENTHESISED.match(text)
    if m and _agency(m["credit"]) and _short(m["credit"]) and _one_caption(m["caption"]):
        credit = m["credit"].strip()
        return m["caption"], lead["rest"] if (lead := _leading_credit().match(credit)) else credit
    if (m := _trailing_credit().match(text)) and _short(m["credit"]) and _one_caption(m["caption"]):
        head = m["credit"][:1]
        named = head in "«\"„" or head.isupper() or head.isascii()  # a name, an agency or a site, not 'for ...'
        marked = m["gap"].strip() or head in "«\"„" or (named and any(c in m["sep"] for c in "/|("))
        # 'showed a photo: ...' is a sentence, 'Photo: ...' a credit
        if marked and (m["sep"].strip() or m["word"][0].isupper()):
            return m["caption"], m["credit"].strip(" «»\"„“")
    if (m := _COPYRIGHT_TAIL.match(text)) and _short(m["credit"]) and _one_caption(m["caption"]):
        return m["caption"], m["credit"].strip()
    if (m := _leading_credit().match(text)) and _one_caption(m["rest"]):
        return m["rest"], ""
    lower = text.lower().rstrip(" .)")
    for ending in _words("ending"):
        if lower.endswith(ending) and _one_caption(text[: len(lower) - len(ending)].rstrip(" .,(")):
            return text, ""
    return None


def photo_caption(lines: list[Line], found: Found) -> None:
    """Drop caption lines; on the first line of a text with no title from metadata, cut only the credit."""
    first = next((line for line in lines if line.kept), None)
    for line in lines:
        if not line.kept or not (parts := caption_parts(line.text)):
            continue
        caption, credit = parts
        if credit:
            found.setdefault("photo_credit", credit)
        headline = line is first and not found.get("title") and line.text.startswith(caption)
        if headline and headline_like(Line(caption, 0)):
            line.text = caption.rstrip(" /|,;")  # perhaps the headline: the credit goes, the words stay
            continue
        line.dropped_by = "photo_caption"
