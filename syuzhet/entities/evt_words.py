"""Cue words (``data/entities/events_<lang>.txt``) and the word tokens that the span rules of ``events`` and
``org_spans`` walk over: offsets, base forms and grammatical readings from pymorphy3."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from syuzhet.data import written_lines
from syuzhet.morph import parses as morph_parses

Span = tuple[int, int, str]
# Languages the rules run on. Ukrainian has its own CRF, trained on SlavicNER uk, whose annotation differs from
# the Russian part ('ЄС' a place, pipelines organisations, treaties events): measured there, these rules lowered
# uk F1 (0.907 -> 0.902 even when only filling gaps the CRF left), so Ukrainian text is left to the CRF.
LANGS = ("ru",)

WORD = re.compile(r"[^\W_](?:[^\W_]|[-\u2010\u2011'’ʼ.](?=[^\W_]))*", re.U)
CLOSERS = {"«": "»", '"': '"', "“": "”", "„": "“"}
CYRILLIC = re.compile(r"[а-яёіїєґ]", re.I)
LATIN = re.compile(r"[a-z]", re.I)


@dataclass(frozen=True)
class Cues:
    """One language's cue table: see the header of ``events_ru.txt``."""

    genus: dict[str, str]  # base form -> type (every genus noun, 'title' nouns included)
    title: dict[str, str]
    lead: dict[str, str]
    head: dict[str, str]
    names: dict[str, str]  # lower-cased name -> type
    media: frozenset[str]
    model: frozenset[str]
    institution: frozenset[str]
    noise: frozenset[str]
    orgs: frozenset[str]
    plain: frozenset[str]


@functools.cache
def cues(lang: str) -> Cues:
    """The cue table of ``lang`` (``events_<lang>.txt``; only Russian has one so far)."""
    name = f"events_{lang}"
    typed: dict[str, dict[str, str]] = {"genus": {}, "title": {}, "lead": {}, "head": {}, "name": {}}
    sets: dict[str, set[str]] = {k: set() for k in ("media", "model", "institution", "noise", "org", "plain")}
    for line in written_lines(f"entities/{name}"):
        role, *rest = line.split()
        if role in sets:
            sets[role].add(fold(" ".join(rest)))
        elif role in typed:
            typed[role][fold(" ".join(rest[1:]))] = rest[0]
    f = {k: frozenset(v) for k, v in sets.items()}
    return Cues({**typed["genus"], **typed["title"]}, typed["title"], typed["lead"], typed["head"], typed["name"],
                f["media"], f["model"], f["institution"], f["noise"], f["org"], f["plain"])


def fold(word: str) -> str:
    return word.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")


@functools.lru_cache(maxsize=200_000)
def readings(word: str, lang: str) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """(base form, part of speech, grammemes) of every pymorphy3 reading of ``word``."""
    parses = morph_parses(fold(word), lang)
    return tuple((fold(p.normal_form), str(p.tag.POS), frozenset(p.tag.grammemes)) for p in parses)


@functools.lru_cache(maxsize=200_000)
def _lemmas(word: str, lang: str) -> frozenset[str]:
    """The base forms of every reading of ``word``, and the word itself folded."""
    return frozenset(r[0] for r in readings(word, lang)) | {fold(word)}


_CASES = {"nomn": "nomn", "gent": "gent", "gen2": "gent", "datv": "datv", "accs": "accs", "acc2": "accs",
          "ablt": "ablt", "loct": "loct", "loc2": "loct", "voct": "nomn"}
_NOMINAL = ("NOUN", "ADJF", "PRTF", "NUMR")


@dataclass(frozen=True)
class Tok:
    """A word of the text: offsets and its pymorphy3 readings in ``lang``."""

    start: int
    end: int
    text: str
    lang: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def cyrillic(self) -> bool:
        return bool(CYRILLIC.search(self.text))

    @property
    def upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1

    @property
    def lemmas(self) -> frozenset[str]:
        return _lemmas(self.text, self.lang)

    def has_pos(self, *pos: str) -> bool:
        return self.cyrillic and any(r[1] in pos for r in readings(self.text, self.lang))

    def only_pos(self, *pos: str) -> bool:
        return self.cyrillic and all(r[1] in pos for r in readings(self.text, self.lang))

    def forms(self, *pos: str) -> frozenset[tuple[str, str]]:
        """(case, number) of its readings with a part of speech in ``pos`` (default: nouns and adjectives)."""
        out = set()
        for _, p, grams in readings(self.text, self.lang):
            if p in (pos or _NOMINAL):
                case = next((_CASES[g] for g in grams if g in _CASES), "")
                out.add((case, "plur" if "plur" in grams else "sing"))
        return frozenset(out)

    def genitive(self) -> bool:
        """A genitive reading, or a word that does not decline (acronyms, Latin, digits)."""
        if not self.cyrillic or self.upper:
            return True
        return any(case == "gent" for case, _ in self.forms("NOUN", "ADJF"))


def agree(adj: Tok, noun: Tok) -> bool:
    """``adj`` can be an adjective agreeing with ``noun`` in case and number."""
    return bool(adj.forms("ADJF", "PRTF") & noun.forms("NOUN"))


def tokens(text: str, lang: str) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group(), lang) for m in WORD.finditer(text)]


def spaced(text: str, a: Tok, b: Tok) -> bool:
    """Only white space on one line between ``a`` and ``b``."""
    between = text[a.end : b.start]
    return 0 < len(between) <= 3 and between.strip(" \t\u00a0") == ""
