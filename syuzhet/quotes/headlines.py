"""Attribution in titles and subtitles (the blocks the cleaner marked as such, or a first line that reads
like one):
  headline_colon  'Политолог Гончаренко: мэр города показал ...' / 'Эксперт: Россия и Казахстан ...'
  headline_dash   'Вакцинация от COVID-19: ошибки опустили Украину ... – эксперт'
  line_dash       the same on a short line standing alone further down ('... в Росії, — ЗМІ')
The statement is reported speech (indirect) unless it is all inside quotation marks."""

from __future__ import annotations

import re

from syuzhet.model import Block
from syuzhet.quotes.doc import Doc
from syuzhet.quotes.found import Found, clause
from syuzhet.quotes.morph import lemma
from syuzhet.quotes.speakers import Speaker, after

MAX_PREFIX_WORDS = 4
MIN_STATEMENT_WORDS = 3
MAX_LINE = 200  # characters of a line that stands alone like a headline
_COLON = re.compile(r"^([^:.!?«»\"\n]{2,60}):\s+(\S.*)$")
_DASH = re.compile(r"^(\S.*\S)\s+[—–-]\s+([^—–\-\s][^—–\n]{1,40})$")


def headline_blocks(doc: Doc) -> list[Block]:
    blocks = [b for b in doc.article.blocks if b.kind in ("title", "subtitle")]
    if not blocks and doc.article.blocks:
        first = doc.article.blocks[0]
        line_end = doc.text.find("\n", first.start, first.end)
        end = line_end if line_end >= 0 else first.end
        if end - first.start < 200 and not doc.text[first.start : end].rstrip().endswith("."):
            blocks = [Block(first.start, end, "title")]
    return blocks


def find(doc: Doc) -> list[Found]:
    found: list[Found] = []
    heads = headline_blocks(doc)
    for block in heads:
        line = doc.text[block.start : block.end]
        if (hit := _colon(doc, block.start, line)) or (hit := _dash(doc, block.start, line)):
            found.append(hit)
    for block in doc.article.blocks:  # a headline repeated further down, or a feed item's title line
        line = doc.text[block.start : block.end]
        alone = block.kind == "paragraph" and _standalone(line) and not any(h.start == block.start for h in heads)
        if alone and (hit := _dash(doc, block.start, line)) is not None:
            hit.rule = "line_dash"
            found.append(hit)
    return found


def _standalone(line: str) -> bool:
    """A short line on its own, not a sentence and not an item of a list ('- Лучший фильм — «Конклав»')."""
    text = line.strip()
    return "\n" not in text and len(text) < MAX_LINE and not text.endswith((".", ":", ",")) and text[:1] not in "-—–•*"


def _speaker(doc: Doc, start: int, end: int, lower_ok: bool = False) -> Speaker | None:
    ws = doc.words_in(start, end)
    if not 1 <= len(ws) <= MAX_PREFIX_WORDS or (doc.text[ws[0].start].islower() and not lower_ok):
        return None
    who = after(doc, start, end)
    if who and (who.kind in ("name", "role") or (lower_ok and who.kind == "org")):  # '... – ЗМІ', not 'Вакцинация
        return who  # от COVID-19: ...' (a topic before a colon)
    if any(lemma(w.text, doc.lang) in doc.lex.roles for w in ws):
        return who
    return None


def _colon(doc: Doc, at: int, line: str) -> Found | None:
    m = _COLON.match(line)
    if not m:
        return None
    who = _speaker(doc, at + m.start(1), at + m.end(1))
    if who is None:
        return None
    start, end = clause(doc, at + m.start(2), at + len(line))
    kind = "indirect"
    inner = doc.text[start:end]
    if len(inner) > 2 and inner[0] in '«"„“' and inner[-1] in '»"“”':
        kind, start, end = "direct", start + 1, end - 1
    return Found(kind, start, end, "headline_colon", None, at + m.start(1), who)


def _dash(doc: Doc, at: int, line: str) -> Found | None:
    m = _DASH.match(line.rstrip())
    if not m:
        return None
    who = _speaker(doc, at + m.start(2), at + m.end(2), lower_ok=True)
    if who is None:
        return None
    start, end = clause(doc, at + m.start(1), at + m.end(1))
    if len(doc.words_in(start, end)) < MIN_STATEMENT_WORDS:
        return None  # 'Moscow - AFP': a dateline
    return Found("indirect", start, end, "headline_dash", None, at + m.start(2), who)
