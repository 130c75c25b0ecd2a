"""Tokens and runs of capitalised words, the first step of the rule-based taggers (``caps``).

A token is a word with its base form (``Grammar.split``: Kazakh case endings, the English possessive), whether
it is capitalised, starts a sentence (after . ! ? … : or a line start; not after 'Mr.' or an initial 'K.') or
stands in a Title Case headline. A run is a sequence of capitalised words with nothing but spaces between
them, with 'of', 'and'... between capitalised words, and (Kazakh) lower-case words up to a lower-case head
('Сыртқы істер министрлігі'); a word with a case ending or a possessive ends its run.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from syuzhet.entities.keys import is_latin
from syuzhet.entities.lemma import data_lines

Span = tuple[int, int, str]
Splitter = Callable[[str], tuple[str, str, int]]  # word -> (base, case, letters of the word in the mention)

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_](?:[^\W_]|[-\u2010\u2011'’ʼ](?=[^\W_]))*", re.U)
_GAP = re.compile(r"[ \t\u00a0]+")
_OPENERS = "«\"“„'‘(—–- \t\u00a0"
_SENTENCE_END = ".!?…"
_QUOTE_OPENERS = "«“„\"—–"
_BULLETS = "-•*·"
HYPHENS = re.compile(r"[-\u2010\u2011]")
MAX_LOWER_TO_HEAD = 4
TITLE_MIN_WORDS = 3
TITLE_SHARE = 0.75



@functools.cache
def lexicon(lang: str) -> dict[str, frozenset[str]]:
    """Section -> lower-case words of ``data/entities/caps_<lang>.txt``."""
    out: dict[str, set[str]] = defaultdict(set)
    section = ""
    for line in data_lines(f"caps_{lang}"):
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        else:
            out[section].add(line.lower())
    return {k: frozenset(v) for k, v in out.items()}


@dataclass(frozen=True)
class Grammar:
    """What differs between languages: the word lists, how a word's base form is found, and word order."""

    lang: str
    split: Splitter
    head_final: bool  # Kazakh: the head ends the name ('... министрлігі'); English: it may stand anywhere
    lower_heads: bool  # Kazakh heads are written in lower case
    dictionary_places: bool = False  # trust the dictionary's place/organisation readings (Cyrillic words only)
    adjacent_names: bool = False  # two names may stand side by side ('Құлаев Мәскеуге'); English: one name
    def words(self, section: str) -> frozenset[str]:
        return lexicon(self.lang).get(section, frozenset())


@dataclass
class Token:
    index: int  # position in the text's token list
    start: int
    end: int  # end of the part that belongs to the mention ('Russia' of "Russia's")
    stop: int  # end of the whole word
    text: str
    base: str
    case: str
    cap: bool
    sentence_start: bool
    title: bool

    @property
    def low(self) -> str:
        return self.base.lower()

    def among(self, words: frozenset[str]) -> bool:
        """The word, as written or in its base form, is in ``words``."""
        return self.text.lower() in words or self.low in words


def is_cap(word: str) -> bool:
    return word[:1].isupper()


def lower_compound(word: str) -> bool:
    """'Kremlin-backed', 'China-sympathetic': a capitalised word with a lower-case last part is no name."""
    parts = HYPHENS.split(word)
    return len(parts) > 1 and parts[-1][:1].islower()


def _abbreviation(text: str, dot: int, grammar: Grammar) -> bool:
    """The full stop at ``dot`` ends an abbreviation ('Mr.') or an initial ('K. Kulayev'), not a sentence."""
    m = re.search(r"([^\W\d_][^\W\d_.]*)$", text[:dot])
    if not m:
        return False
    word = m.group(1)
    return (len(word) == 1 and word.isupper()) or word.lower() in grammar.words("abbrev")


def _sentence_start(text: str, start: int, grammar: Grammar) -> bool:
    """After . ! ? … : a line start, or an opening quotation mark or dash ('said: “Put ...')."""
    i = start - 1
    if i >= 0 and text[i] in _BULLETS and (i == 0 or text[i - 1].isspace()):
        return True  # a list item: '-Testing', '•Surveillance'
    while i >= 0 and text[i] in _OPENERS:
        if text[i] in _QUOTE_OPENERS:
            return True
        i -= 1
    if i < 0 or text[i] in "\n\r:":
        return True
    if text[i] in _SENTENCE_END:
        return not (text[i] == "." and _abbreviation(text, i, grammar))
    return False


def _title_lines(text: str, grammar: Grammar) -> list[tuple[int, int]]:
    """Lines written in Title Case (headlines): most words of four letters or more capitalised, and not ending
    in a full stop (a sentence full of names is no headline: 'Reuters. Jane Doe has beaten Mary Roe.')."""
    out = []
    offset = 0
    for line in text.splitlines(keepends=True):
        words = [w for w in _TOKEN.findall(line) if len(w) >= 4 and w.lower() not in grammar.words("connector")]
        caps = sum(is_cap(w) for w in words)
        sentence = line.rstrip().rstrip("\"'”’»)").endswith(".")
        if len(words) >= TITLE_MIN_WORDS and caps >= TITLE_SHARE * len(words) and not sentence:
            out.append((offset, offset + len(line)))
        offset += len(line)
    return out


def tokens(text: str, grammar: Grammar) -> list[Token]:
    titles = _title_lines(text, grammar)
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        base, case, kept = grammar.split(word)
        title = any(s <= m.start() < e for s, e in titles)
        out.append(
            Token(len(out), m.start(), m.start() + kept, m.end(), word[:kept], base, case, is_cap(word),
                  _sentence_start(text, m.start(), grammar), title)
        )
    return out


def joined(text: str, a: Token, b: Token) -> bool:
    """Nothing but spaces between two tokens of one script: the same name may go on ('Times Сэм' may not)."""
    return bool(_GAP.fullmatch(text[a.stop : b.start])) and is_latin(a.text) == is_latin(b.text)


def is_head(token: Token, grammar: Grammar) -> bool:
    return (
        token.among(grammar.words("org_head"))
        or token.among(grammar.words("loc_head"))
        or token.among(grammar.words("evt_head"))
    )


def runs(text: str, toks: list[Token], grammar: Grammar) -> list[tuple[int, int]]:
    """(first, last + 1) token indexes of each run of capitalised words."""
    connectors = grammar.words("connector")
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not toks[i].cap:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and not toks[j - 1].case and joined(text, toks[j - 1], toks[j]):
            if toks[j].cap:
                j += 1
                continue
            between = toks[j].text.lower() in connectors and j + 1 < len(toks) and toks[j + 1].cap
            if between and joined(text, toks[j], toks[j + 1]):
                j += 1
                continue
            if grammar.lower_heads:
                k = _lower_head(text, toks, j, grammar)
                if k:
                    j = k
            break
        runs.append((i, j))
        i = j
    return runs


def _lower_head(text: str, toks: list[Token], j: int, grammar: Grammar) -> int:
    """End index after a lower-case head within a few lower-case words from ``j``, else 0."""
    for k in range(j, min(len(toks), j + MAX_LOWER_TO_HEAD)):
        if toks[k].cap or not joined(text, toks[k - 1], toks[k]) or toks[k - 1].case:
            return 0
        if is_head(toks[k], grammar):
            return k + 1
        if toks[k].case:
            return 0
    return 0
