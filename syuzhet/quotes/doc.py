"""What the quote rules look at, computed once per article: words with lemmas, quoted spans, sentences,
and the article's person mentions."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, field

from syuzhet.data import lines
from syuzhet.model import Article, Mention
from syuzhet.quotes.lexicon import Lexicon, lexicon, lexicon_lang, runs
from syuzhet.quotes.marks import Span, find_spans
from syuzhet.quotes.morph import Word, lemma, lemmas, words

_BOUNDARY = re.compile(r"(?<=[.!?…])[\s\"»”]*\s+(?=[\"«„“—–-]?\s*\w)|\n+")  # (before a capital or digit: _opens)
_INITIAL = re.compile(r"(?:^|[\s.])[A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ]\.$")  # 'Т.Мей', 'Ғ.Нұрланов': no sentence end


@dataclass
class Doc:
    article: Article
    lang: str
    lex: Lexicon
    words: list[Word]
    spans: list[Span]
    sentences: list[tuple[int, int]]
    persons: list[Mention]
    others: list[Mention] = field(default_factory=list)  # ORG/LOC mentions, for speakers that are no person
    _starts: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    def lemma(self, w: Word) -> str:
        return lemma(w.text, self.lang)

    def is_verb(self, w: Word) -> bool:
        if self.lang == "en" and w.text[:1].isupper() and w.start != self.sentence(w.start)[0]:
            return False  # 'the United States' (English verbs are matched as written)
        return w.text.lower() in self.lex.verbs or bool(lemmas(w.text, self.lang) & self.lex.verbs)

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.sentences[max(i, 0)]

    def words_in(self, start: int, end: int) -> list[Word]:
        lo = bisect.bisect_left(self.words, start, key=lambda w: w.start)
        hi = bisect.bisect_left(self.words, end, key=lambda w: w.start)
        return [w for w in self.words[lo:hi] if w.end <= end]

    def in_quote(self, pos: int) -> Span | None:
        """The innermost top-level-or-nested span containing ``pos`` (between its marks)."""
        inside = [s for s in self.spans if s.open < pos < s.close]
        return inside[-1] if inside else None

    def person_at(self, start: int, end: int) -> Mention | None:
        return next((m for m in self.persons if m.start < end and start < m.end), None)


def build(article: Article, persons: list[Mention], others: list[Mention]) -> Doc:
    text = article.text
    lang = lexicon_lang(article.lang, text)
    spans = find_spans(text, collapse=runs("collapsed_close", lang), cut_open=runs("cut_open_quote", lang),
                       line_ends=runs("line_ends_quote", lang), curly_straight=runs("curly_straight_close", lang),
                       curly_line_ends=runs("curly_line_ends", lang))
    doc = Doc(article, lang, lexicon(lang), words(text), spans, [], persons, others)
    doc.sentences = _sentences(text, [s for s in spans if s.depth == 0], runs("title_abbreviations", lang))
    doc._starts = [s for s, _ in doc.sentences]
    return doc


def _sentences(text: str, top: list[Span], titles: bool = False) -> list[tuple[int, int]]:
    """Sentence bounds; a full stop inside a quotation does not end the sentence around it; with ``titles``
    (title_abbreviations), nor does the full stop of a title before a name ('U.S. Rep. Ann Lee', 'Gov. Smith':
    the titles of ``data/stories/abbreviations.txt``)."""
    cuts = [0]
    for m in _BOUNDARY.finditer(text):
        at = m.start()
        if "\n" not in m.group() and (_INITIAL.search(text, max(0, at - 3), at) or _inside(top, at)):
            continue
        if titles and "\n" not in m.group() and _title_before(text, at):
            continue
        if "\n" not in m.group() and not _opens(text, m.end()):
            continue
        cuts.append(m.end())
    cuts.append(len(text))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _opens(text: str, at: int) -> bool:
    """A sentence opens with a capital letter of any script ('Äkım', 'Ūlttyq') or a digit, after an optional
    quotation mark or dash."""
    first = re.compile(r"[\"«„“—–-]?\s*(\w)").match(text, at)
    return first is not None and (first.group(1).isupper() or first.group(1).isdigit())


def _inside(spans: list[Span], pos: int) -> bool:
    i = bisect.bisect_right(spans, pos, key=lambda s: s.open) - 1
    return i >= 0 and spans[i].open < pos < spans[i].close


_LAST_WORD = re.compile(r"(?:^|\s)(\w+)\.$")


def _title_before(text: str, at: int) -> bool:
    last = _LAST_WORD.search(text, max(0, at - 12), at)
    return last is not None and last.group(1).lower() in _titles()


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(row.split()[0] for row in lines("stories/abbreviations") if row.endswith(" title"))
