"""Scoring quotations against gold: one-to-one matching of predicted and gold quotes of the same kind.

A gold quote is found when a predicted quote of the same kind covers at least ``COVER`` (0.6) of its
characters; gold and predictions are matched one to one, best overlap first. Precision is matched predictions
over all predictions. Speaker accuracy is over matched quotes with a named gold speaker: the surname (base
form, Ukrainian letters folded to Russian ones) of the predicted speaker's mention, or else of its speaker
words, must be one of the gold speaker's words (a Latin-script surname and a Cyrillic gold word, or the other
way round, compare by their transliterated keys: 'Monteduro' is 'Монтедуро'). A not_quote is reported as
speech when a predicted quote lies at least ``COVER`` inside it."""

from __future__ import annotations

from dataclasses import dataclass, field

from syuzhet.entities.keys import name_key
from syuzhet.entities.kk_morph import base_word
from syuzhet.model import Article, Quote
from syuzhet.quotes.lexicon import lexicon_lang
from syuzhet.quotes.morph import lemmas, name_lemma, words

COVER = 0.6
_UK_TO_RU = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": None, "’": None, "ʼ": None})


@dataclass
class Gold:
    article: str
    start: int
    end: int
    kind: str
    speaker: str | None


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_total: int = 0
    speaker_right: int = 0
    not_quotes: int = 0
    not_quote_hits: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    wrong_speaker: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_total if self.speaker_total else 1.0


def _keys(word: str, lang: str, kazakh: bool = False) -> set[str]:
    """A word as written, as a surname in its base form, and in every base form of its likely parses,
    Ukrainian letters folded to Russian ones ('Коула', 'Роскосмосу', 'Зеленському' meet their nominatives); in a
    Kazakh article also without its Kazakh case ending ('Құлаевтың' meets 'Құлаев')."""
    forms = {word.lower(), name_lemma(word, lang, surname=True), *lemmas(word, lang)}
    if kazakh:
        forms.add(base_word(word).lower())
    return {f.translate(_UK_TO_RU).replace(" ", "") for f in forms}


def speaker_matches(article: Article, quote: Quote, gold_speaker: str) -> bool:
    lang = article.lang if article.lang in ("ru", "uk") else "ru"
    kazakh = lexicon_lang(article.lang, article.text) == "kk"
    gold_keys = {k for w in words(gold_speaker) for k in _keys(w.text, lang, kazakh)}
    if quote.speaker_start is not None and quote.speaker_end is not None:
        named = article.text[quote.speaker_start : quote.speaker_end]
    else:
        named = quote.speaker_text or ""
    toks = words(named)
    if not toks:
        return False
    if _keys(toks[-1].text, lang, kazakh) & gold_keys:
        return True
    return _transliterated(toks[-1].text, [w.text for w in words(gold_speaker)])


def _transliterated(surname: str, gold_words: list[str]) -> bool:
    """A Latin-script surname and a Cyrillic gold one (or the other way round) compared by their transliterated
    keys ('Monteduro' / 'Монтедуро'); same-script words only ever meet by their base forms above."""
    latin = surname.isascii()
    key = name_key(surname)
    return any(w.isascii() != latin and name_key(w) == key for w in gold_words)


def _cover(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def score_articles(articles: list[Article], gold: list[Gold], not_quotes: list[tuple[str, int, int]]) -> Score:
    """Match predictions (already in ``article.quotes``) to gold one to one, best overlap first."""
    by_id = {a.id: a for a in articles}
    s = Score(gold=len(gold))
    preds = [(a, q) for a in articles for q in a.quotes]
    s.predicted = len(preds)
    pairs = []
    for gi, g in enumerate(gold):
        for pi, (a, q) in enumerate(preds):
            if a.id == g.article and q.kind == g.kind:
                c = _cover(q.start, q.end, g.start, g.end)
                if c >= COVER * (g.end - g.start):
                    pairs.append((c / max(1, max(q.end, g.end) - min(q.start, g.start)), gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g, (a, q) = gold[gi], preds[pi]
        s.matched += 1
        if g.speaker:
            s.speaker_total += 1
            if speaker_matches(a, q, g.speaker):
                s.speaker_right += 1
            else:
                named = a.text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else q.speaker_text
                s.wrong_speaker.append(f"{a.source}: gold {g.speaker!r}, got {named!r} ({q.rules}): {q.text[:60]!r}")
    for gi, g in enumerate(gold):
        if gi not in used_g:
            text = by_id[g.article].text[g.start : g.end] if g.article in by_id else "?"
            s.missed.append(f"{g.kind} {by_id[g.article].source if g.article in by_id else g.article}: {text[:90]!r}")
    for pi, (a, q) in enumerate(preds):
        if pi not in used_p:
            s.unmatched.append(f"{q.kind} {a.source} {q.rules} {q.speaker_text!r}: {q.text[:90]!r}")
    for art, n0, n1 in not_quotes:
        for a, q in preds:
            if a.id == art and _cover(q.start, q.end, n0, n1) >= COVER * (q.end - q.start):
                s.not_quotes += 1
                s.not_quote_hits.append(f"{a.source}: {q.text!r}")
    return s


@dataclass
class Fold:
    """The gold of one language and part, and the processed leads it refers to."""

    lang: str
    part: str
    articles: list[Article]
    gold: list[Gold]
    not_quotes: list[tuple[str, int, int]]

    def score(self, drop_rule: str | None = None) -> Score:
        if drop_rule is None:
            return score_articles(self.articles, self.gold, self.not_quotes)
        kept = [_without(a, drop_rule) for a in self.articles]
        return score_articles(kept, self.gold, self.not_quotes)


def _without(article: Article, rule: str) -> Article:
    clone = Article(source=article.source, raw="", id=article.id, lang=article.lang, text=article.text)
    clone.quotes = [q for q in article.quotes if not q.rules or q.rules[0] != rule]
    return clone
