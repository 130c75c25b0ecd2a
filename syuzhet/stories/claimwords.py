"""The keys a claim sentence is compared by (``claims.ClaimGrouper``, ``blindspots``): stems of its names and
content words, its numbers and day-month dates.

- Russian and Ukrainian words are lemmatised: their keys are ``Sentence.stems`` plus the stems of short
  participles and gerunds ('подписан', 'подписав'), which carry the action as often as finite verbs do.
- Kazakh words are not lemmatised, and a case ending kept 'Эр-Риядтағы' and 'Эр-Рияде' or 'Соболенконың' and
  'Соболенко' apart: their keys are taken from the written forms with the case ending stripped
  (``entities.kk_morph.base_word``, the project's Kazakh base forms).
- Other languages keep ``Sentence.stems``.

``number_keys``: a number written as a word ('шестой', 'төрт', 'five'; ``data/stories/number_words.txt``, two to
twelve) gives the number's key, for the language-free keys that match sentences of two languages that do not
compare word for word (``ClaimGrouper.free_score``): '6-ракеткасы' / 'шестой ракеткой'. Written on fold A of
``tests/data/dossier_dev.jsonl`` with the Kazakh base forms (exact 0.375 -> 0.417: a ru/kk pair, 'четыре победы' /
'төрт матчының'; recall 0.917 and cite precision 0.985 kept, shown precision 0.786 -> 0.782: one shown fact fewer);
fold B does not move; on the 56 other multi-item events of ``corpus/stories/dev.jsonl``, read by hand, it changes 4
groupings: 3 right (a ru/en and a uk/en pair join, a wrong member leaves a group), 1 wrong (a ru/en pair that
shares only 'six'). Neither part alone moves fold A.

``event_keys``: the class of what happened ('подписали', 'підписали', 'signed', 'қол қойды' -> '%sign';
``data/stories/event_verbs.txt``), among the word and language-free keys of ``ClaimGrouper``."""

from __future__ import annotations

import functools
import re

from syuzhet.data import lines, numbered
from syuzhet.entities.kk_morph import base_word
from syuzhet.stories.text import CONTENT_POS, LEMMATISED, Sentence, fold, stem, surfaces

_WHOLE = r"(?!\w)"
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})


@functools.cache
def number_words() -> tuple[dict[str, str], dict[str, str]]:
    """Number words and their number keys: the Cyrillic ones folded, for lemma keys ('шестои' -> '#6'), and
    every one as written (lower case), for forms that are not lemmatised ('six', 'алты'; so that a Latin word
    that folds like a Cyrillic one, 'try' / 'три', is none)."""
    table = numbered("stories/number_words")
    folded = {fold(word): f"#{n}" for word, n in table.items() if not word.isascii()}
    return folded, {word.translate(_APOSTROPHES): f"#{n}" for word, n in table.items()}


def claim_words(sentence: Sentence) -> tuple[set[str], set[str]]:
    """(keys, the keys that are names) of one sentence."""
    if sentence.lang in LEMMATISED:
        extra = {stem(w.key) for w in sentence.words if w.pos in ("PRTS", "GRND") and len(w.key) > 2}
        return sentence.stems() | extra, {stem(k) for k in sentence.names}
    if sentence.lang != "kk":
        return sentence.stems(), {stem(k) for k in sentence.names}
    keys: set[str] = set()
    names: set[str] = set()
    for w, surface in zip(sentence.words, surfaces(sentence), strict=False):
        if not (w.name or w.pos in CONTENT_POS):
            continue
        key = fold(base_word(surface))
        if len(key) > 2:
            keys.add(stem(key))
            if w.name:
                names.add(stem(key))
    return keys | {k for k in sentence.stems() if k[0] in "#@"}, names


def claim_keys(sentence: Sentence) -> set[str]:
    """The keys of ``claim_words``."""
    return claim_words(sentence)[0]


def number_keys(sentence: Sentence) -> set[str]:
    """The keys of the numbers ``sentence`` writes as words ('шестой' -> '#6')."""
    folded, written = number_words()
    if sentence.lang in LEMMATISED:
        return {folded[w.key] for w in sentence.words if w.key in folded}
    forms = (base_word(s) if sentence.lang == "kk" else s for s in surfaces(sentence))
    return {written[k] for s in forms if (k := s.lower().translate(_APOSTROPHES)) in written}


@functools.cache
def event_words() -> tuple[dict[str, str], dict[str, re.Pattern[str]]]:
    """Event classes: {folded lemma: class} for the lemmatised languages, and per other language one pattern of
    its words (whole words, or roots written with a final '-' at a word's start; longer ones first), each
    group named after its class."""
    folded: dict[str, str] = {}
    written: dict[str, dict[str, str]] = {}
    for row in lines("stories/event_verbs"):
        name, lang, *words = row.split()
        for word in words:
            if lang in LEMMATISED:
                folded[fold(word)] = name
            else:
                written.setdefault(lang, {})[word.replace("_", " ")] = name
    patterns = {}
    for lang, table in written.items():
        ordered = sorted(table, key=len, reverse=True)
        parts = [f"(?P<{table[w]}_{n}>{re.escape(w.rstrip('-'))}{'' if w.endswith('-') else _WHOLE})"
                 for n, w in enumerate(ordered)]
        patterns[lang] = re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")")
    return folded, patterns


def event_keys(sentence: Sentence) -> set[str]:
    """The event classes ``sentence`` names ('%sign'), from its lemmas (ru, uk) or its written words."""
    folded, patterns = event_words()
    if sentence.lang in LEMMATISED:
        return {"%" + folded[w.key] for w in sentence.words if w.key in folded}
    pattern = patterns.get(sentence.lang)
    if pattern is None:
        return set()
    return {"%" + (m.lastgroup or "").rsplit("_", 1)[0] for m in pattern.finditer(sentence.text.lower())}
