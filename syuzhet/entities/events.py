"""Named events (EVT) and named documents, works and products (PRO), found by rules over cue words.

natasha tags only PER/LOC/ORG. ``add_named(text, spans, lang)`` adds EVT/PRO spans (and ORG names in
quotes after a genus noun); a span found here replaces the tagger's spans it overlaps. Cue words are in
``data/entities/events_<lang>.txt``. Rules, in order of precedence:

- genus noun + name: 'газопровод «Северный поток — 2»', 'компания «Х»', 'газопровод Северный поток' -> the
  name (without the noun and the quotes) gets the genus type. After a title noun ('газета', 'телеканал',
  'агентство') a bare Latin name or the tagger's span is the name too ('газета The Guardian'); after other
  genus nouns a bare Latin name is one only with a number ('судно Castoro 10'), else it is the owner
  ('самолёт Ryanair'), and a name in the genitive is the owner too ('балета Большого театра');
- complement-headed names: 'Договор о ...', 'закон «О ...»', 'соглашение о выходе Великобритании из ЕС'
  (lower-case heads need a name, acronym or quoted title in the complement), 'саммит НАТО', 'выборы 2017 года';
- capitalised adjectives + head noun (+ complement): 'Вторая мировая война', 'Минские соглашения',
  'Мюнхенская конференция по безопасности', 'Олимпийские игры';
- known names in any inflection or case: 'Brexit', 'Брекзита', 'Евровидение', 'твиттере';
- products with a maker and a number: 'Boeing 737-800', 'Су-35'; publications in Latin script ('The Times',
  'Sky News', or a word from the media list); events named with a year ('ЧМ-2018', 'Сочи-2014');
- a short capitalised name in quotes that no tagger span touches and that reads as no sentence is a PRO;
- one name, one reading per text: a name found above (not a bare document noun, not a quoted name) is found
  again wherever it recurs, inflected ('Северного потока-2' after 'газопровод «Северный поток-2»').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from syuzhet.entities.evt_words import CLOSERS, LANGS, Cues, Span, Tok, agree, cues, fold, readings, spaced, tokens

_SENTENCE_END = ".!?…"
_OPENERS = "«\"“„'(—–- \t\u00a0"
_COMPLEMENT_PREPS = frozenset({"о", "об", "по", "про", "щодо"})
_ABOUT = frozenset({"о", "об", "про", "щодо"})
_INNER_PREPS = frozenset({"о", "об", "из", "с", "со", "от", "для", "и", "между", "по", "на", "к", "в", "во", "за",
                          "з", "із", "зі", "від", "і", "й", "та", "між", "до", "про", "щодо", "у"})
_YEAR = re.compile(r"\s?[-–—]?\s?((?:19|20)\d\d)(?:\s+(?:года|году|годом|г\.|року|рік|р\.))?(?![\d\w])")
_NUMBER_SUFFIX = re.compile(r"(?:\s?[-–—―‐]\s?|\s)(?:[1-9]|I{1,3}|IV|V)(?![\d\w.,])(?!\s?%)")
_MODEL_NUMBER = re.compile(r"\d|(?<![^\W\d_])(?:I{1,3}|IV|V|X)(?![^\W\d_])")
_MODEL_AFTER = re.compile(r" [A-Z]?\d{2,4}(?:[-‐][\dA-Za-z]+)?(?!\w)")
_YEAR_NAME = re.compile(r"[A-ZА-ЯЁІЇЄҐ][^\W\d_]{1,15}-(?:19|20)\d\d(?![\d\w])")
_LATIN_JOINERS = frozenset({"of", "the", "and", "am", "der", "die", "das", "de", "la", "le", "di", "del", "des", "du",
                            "für", "im", "on", "in", "&"})
_PRIORITY = {"genus": 0, "head": 1, "lead": 2, "model": 3, "media": 3, "name": 4, "quoted": 5, "repeat": 6}

Found = tuple[int, int, str, str]  # start, end, type, rule


def add_named(text: str, spans: list[Span], lang: str, toks: list[Tok] | None = None) -> list[Span]:
    """``spans`` (sorted, non-overlapping) with EVT/PRO spans added; a found span replaces what it overlaps.
    ``toks``: ``tokens(text, lang)`` if the caller has them."""
    if lang not in LANGS:
        return spans
    table = cues(lang)
    toks = tokens(text, lang) if toks is None else toks
    found: list[Found] = []
    found += _genus_names(text, toks, spans, table)
    found += _lead_names(text, toks, table)
    found += _head_names(text, toks, table)
    found += _known_names(toks, table)
    found += _models(text, toks, table)
    found += _media(text, toks, table)
    found += _quoted_names(text, toks, spans)
    kept = _resolve(found)
    kept += _resolve(_repeats(text, toks, kept))
    kept = _resolve(kept)
    out = [s for s in spans if not any(f[0] < s[1] and s[0] < f[1] for f in kept)]
    return sorted(out + [(s, e, k) for s, e, k, _ in kept])


def _resolve(found: list[Found]) -> list[Found]:
    """Non-overlapping: earlier rules first, then longer spans."""
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (_PRIORITY[f[3]], f[0] - f[1], f[0])):
        if not any(k[0] < f[1] and f[0] < k[1] for k in kept):
            kept.append(f)
    return sorted(kept)


def sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END or text[i] in "\n\r:"


def _is(tok: Tok, table: dict[str, str]) -> str:
    """The type of the first cue of ``table`` among the token's base forms ('' if none)."""
    return next((table[lemma] for lemma in tok.lemmas if lemma in table), "")


# ------------------------------------------------------------------------------------------ genus nouns


def _genus_names(text: str, toks: list[Tok], spans: list[Span], table: Cues) -> list[Found]:
    out: list[Found] = []
    starts = {s: (s, e, k) for s, e, k in spans}
    for i, tok in enumerate(toks[:-1]):
        kind = _is(tok, table.genus)
        if not kind or (tok.cap and not tok.upper and not sentence_start(text, tok.start)):
            continue  # a capitalised genus noun mid-sentence is part of a name ('Новая газета')
        name = _name_after(text, toks, i + 1, starts, bool(_is(tok, table.title)))
        if name:
            out.append((name[0], name[1], kind, "genus"))
    return out


def _name_after(text: str, toks: list[Tok], i: int, starts: dict[int, Span], title: bool) -> tuple[int, int] | None:
    """The name right after a genus noun ending before ``toks[i]``: quoted; or, after a ``title`` noun, a
    tagged span or a Latin-script run; or a capitalised adjective with its noun ('газопровод Северный поток')."""
    before = text[toks[i - 1].end : toks[i].start]
    if before.strip(" \u00a0") in CLOSERS and before.count("\n") == 0:
        return quoted_after(text, toks[i - 1].end)
    if not spaced(text, toks[i - 1], toks[i]) or not toks[i].cap:
        return None
    if title and toks[i].start in starts:
        s, e, k = starts[toks[i].start]
        return (s, _with_number(text, e)) if k != "PER" else None  # 'партии Сергея Митрохина': its leader
    j = i
    if not toks[i].cyrillic:
        while j + 1 < len(toks) and spaced(text, toks[j], toks[j + 1]) and not toks[j + 1].cyrillic and (
            toks[j + 1].cap or toks[j + 1].text[:1].isdigit() or toks[j + 1].text.lower() in _LATIN_JOINERS
        ):
            j += 1
        while j > i and toks[j].text.lower() in _LATIN_JOINERS:
            j -= 1
        end = _with_number(text, toks[j].end)
        if not title and not _MODEL_NUMBER.search(text[toks[i].start : end]):
            return None  # 'самолёт Ryanair': the owner, not the name; but 'судно Castoro 10', 'вакцина Sputnik V'
        return toks[i].start, end
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or not spaced(text, toks[i], nxt) or nxt.cap or not _adjective(toks[i]):
        return None
    if not nxt.has_pos("NOUN") or not agree(toks[i], nxt) or ("nomn", "sing") not in nxt.forms("NOUN"):
        return None  # 'балета Большого театра': a genitive after the noun is its owner, not its name
    return toks[i].start, _with_number(text, nxt.end)


def quoted_after(text: str, at: int) -> tuple[int, int] | None:
    """The inside of a quotation that opens at ``at`` (after spaces), if it is a short capitalised name."""
    i = at
    while i < len(text) and text[i] in " \u00a0":
        i += 1
    if i >= len(text) or text[i] not in CLOSERS:
        return None
    closer = CLOSERS[text[i]]
    end = text.find(closer, i + 1, i + 90)
    if end < 0:
        return None
    inner = text[i + 1 : end]
    if "\n" in inner or any(q in inner for q in "«»") or not inner.strip():
        return None
    start = i + 1 + (len(inner) - len(inner.lstrip()))
    stop = end - (len(inner) - len(inner.rstrip()))
    first = text[start]
    if not (first.isupper() or first.isdigit()) or len(inner.split()) > 8:
        return None
    return start, stop


def _with_number(text: str, end: int) -> int:
    """'Nord Stream' + ' 2', 'Северный поток' + ' — 2': a model or series number belongs to the name."""
    m = _NUMBER_SUFFIX.match(text, end)
    return m.end() if m else end


# ------------------------------------------------------------------------------- names headed by a noun


def _lead_names(text: str, toks: list[Tok], table: Cues) -> list[Found]:
    """'Договор о ...', 'закон «О ...»', 'соглашение о выходе ... из ЕС', 'саммит НАТО', 'выборы 2017 года'."""
    out: list[Found] = []
    for i, tok in enumerate(toks):
        kind = _is(tok, table.lead)
        if not kind or tok.upper:
            continue
        comp = _complement(text, toks, i, table)
        mid = tok.cap and not sentence_start(text, tok.start)
        if kind == "PRO":
            # lower-case documents need a title or a named topic: 'закон «О СМИ»', 'соглашение о выходе ... из ЕС'
            ok = mid or comp.how == "quoted" or (comp.named and (tok.cap or comp.how in _ABOUT))
        else:
            ok = comp.year or (comp.named and comp.how in ("genitive", "quoted"))
        if not ok:
            continue
        start = tok.start
        if comp.year and not tok.cap:  # 'июньскими выборами 2017 года'
            k = i
            while k > 0 and not toks[k - 1].cap and toks[k - 1].only_pos("ADJF") and agree(toks[k - 1], tok) and spaced(
                text, toks[k - 1], toks[k]
            ):
                k -= 1
            start = toks[k].start
        out.append((start, comp.end, kind, "lead"))
    return out


@dataclass(frozen=True)
class Complement:
    """What completes a name after its head noun: up to ``end``; how it starts ('quoted', 'genitive', a
    preposition, or '' for nothing); whether it holds a name (capitalised, acronym, Latin); a year."""

    end: int
    how: str = ""
    named: bool = False
    year: bool = False


def _complement(text: str, toks: list[Tok], i: int, table: Cues) -> Complement:
    head = toks[i]
    quoted = quoted_after(text, head.end)
    if quoted and text[head.end : quoted[0]].strip(" \u00a0") in CLOSERS:
        return Complement(quoted[1] + 1, "quoted", True)  # 'закон «О СМИ»'
    end, how, named = head.end, "", False
    j = i + 1
    # genitive names right after the head: 'саммит НАТО', 'Уголовный кодекс Пакистана', 'саммит G20'
    while j < len(toks) and j <= i + 3 and spaced(text, toks[j - 1], toks[j]) and _name_like(toks[j]) and toks[
        j
    ].genitive() and not sentence_start(text, toks[j].start):
        end, how, named, j = toks[j].end, "genitive", True, j + 1
    if not named and j < len(toks) and spaced(text, toks[j - 1], toks[j]) and fold(toks[j].text) in _COMPLEMENT_PREPS:
        last = _phrase_end(text, toks, j + 1, table)
        if last is not None:
            end, how = toks[last].end, fold(toks[j].text)
            named = any(_name_like(t) for t in toks[j + 1 : last + 1])
    m = _YEAR.match(text, end)
    if m and (end > head.end or text[end : m.start(1)].strip(" -–—") == ""):
        return Complement(m.end(), how, named, True)
    return Complement(end, how, named)


def _name_like(tok: Tok) -> bool:
    """Capitalised, an acronym, or Latin letters with digits ('G20')."""
    if tok.cyrillic:
        return tok.cap or tok.upper
    return tok.cap or (any(c.isdigit() for c in tok.text) and any(c.isalpha() for c in tok.text))


def _phrase_end(text: str, toks: list[Tok], k: int, table: Cues) -> int | None:
    """Index of the last word of the noun phrase starting at ``toks[k]`` (after a preposition), if any:
    nouns, adjectives, numerals and names joined by inner prepositions, at most 8 words, one line."""
    first, last = k, None
    while k < len(toks) and k <= first + 8 and spaced(text, toks[k - 1], toks[k]):
        word = toks[k]
        if fold(word.text) in _INNER_PREPS:
            k += 1
            continue
        nominal = word.cap or word.upper or not word.cyrillic or word.has_pos("NOUN", "ADJF", "PRTF", "NUMR")
        verbal = not word.cap and word.has_pos("VERB", "INFN", "NPRO", "ADVB", "PRCL", "CONJ", "GRND")
        if not nominal or verbal or (k > first and _is(word, table.lead)):
            break
        last = k
        k += 1
    return last


def _head_names(text: str, toks: list[Tok], table: Cues) -> list[Found]:
    """Capitalised adjectives + head noun: 'Второй мировой войны', 'Минские соглашения', 'Олимпийских игр'."""
    out: list[Found] = []
    heads = {**table.head, **table.lead}
    for i, tok in enumerate(toks):
        if not tok.cap or tok.upper or not _adjective(tok):
            continue
        j = i + 1
        while j < len(toks) and spaced(text, toks[j - 1], toks[j]) and _adjective(toks[j]) and not _is(toks[j], heads):
            j += 1
        if j >= len(toks) or not spaced(text, toks[j - 1], toks[j]):
            continue
        head = toks[j]
        kind = _is(head, heads)
        if not kind or not all(agree(toks[k], head) for k in range(i, j)):
            continue
        end = _complement(text, toks, j, table).end
        if sentence_start(text, tok.start) and j == i + 1 and end == head.end:
            continue  # 'Новая война началась'
        out.append((tok.start, end, kind, "head"))
    return out


def _adjective(tok: Tok) -> bool:
    """The word reads first as an adjective ('мировой', though also a noun)."""
    first = readings(tok.text, tok.lang)
    return tok.cyrillic and bool(first) and first[0][1] in ("ADJF", "PRTF")


# ------------------------------------------------------------------------------------- known names


def _known_names(toks: list[Tok], table: Cues) -> list[Found]:
    """Listed names ('Brexit', 'Евровидения'), and a name with a year: 'Сочи-2014', 'ЧМ-2018', 'Евро-2020'."""
    out: list[Found] = []
    for tok in toks:
        kind = _is(tok, table.names) or ("EVT" if _YEAR_NAME.fullmatch(tok.text) else "")
        if kind:
            out.append((tok.start, tok.end, kind, "name"))
    return out


def _models(text: str, toks: list[Tok], table: Cues) -> list[Found]:
    """'Boeing 737-800', 'Boeing-737', 'Airbus A320', 'Су-35', 'iPhone 12'."""
    out: list[Found] = []
    for tok in toks:
        parts = re.split(r"[-\u2010\u2011]", tok.text, maxsplit=1)
        maker = fold(parts[0])
        if maker not in table.model or not (tok.cap or not tok.cyrillic) or (tok.cyrillic and len(parts) < 2):
            continue
        if len(parts) == 2 and re.match(r"[A-ZА-Я]?\d", parts[1]):
            out.append((tok.start, tok.end, "PRO", "model"))
            continue
        m = _MODEL_AFTER.match(text, tok.end)
        if m and not tok.cyrillic:
            out.append((tok.start, m.end(), "PRO", "model"))
    return out


def _media(text: str, toks: list[Tok], table: Cues) -> list[Found]:
    """Latin-script publications: 'The Times', 'Sky News', 'Süddeutsche Zeitung'."""
    out: list[Found] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.cyrillic or not tok.cap:
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and spaced(text, toks[j], toks[j + 1]) and not toks[j + 1].cyrillic and (
            toks[j + 1].cap or toks[j + 1].text.lower() in _LATIN_JOINERS
        ):
            j += 1
        while j > i and toks[j].text.lower() in _LATIN_JOINERS:
            j -= 1
        words = [fold(t.text) for t in toks[i : j + 1]]
        if (words[0] == "the" and j > i) or any(w in table.media for w in words):
            out.append((tok.start, toks[j].end, "PRO", "media"))
        i = j + 1
    return out


def _quoted_names(text: str, toks: list[Tok], spans: list[Span]) -> list[Found]:
    """A short capitalised name in quotes that no tagger span touches: 'проект «Х»' without its genus noun,
    a title or a product ('«Северный поток — 2» ...'). Quoted speech is no name: no verbs or pronouns, at
    most four words, the closing quote right after a word."""
    out: list[Found] = []
    for i, tok in enumerate(toks):
        if i == 0 or text[tok.start - 1 : tok.start] not in CLOSERS:
            continue
        found = quoted_after(text, tok.start - 1)
        if not found or found[0] != tok.start or any(s < found[1] and found[0] < e for s, e, _ in spans):
            continue
        words = [toks[k] for k in range(i, len(toks)) if toks[k].end <= found[1]]
        if not words or len(words) > 4 or text[found[1] - 1] in " .,!?…:" or text[found[1] : found[1] + 1] == " ":
            continue
        if any(w.has_pos("VERB", "INFN", "NPRO", "PRED", "GRND") and not w.cap for w in words) or words[0].only_pos(
            "NPRO", "PREP", "CONJ", "PRCL", "ADVB", "VERB"
        ):
            continue
        if sentence_start(text, tok.start - 1) and len(words) > 1:
            continue  # a quoted sentence
        out.append((found[0], found[1], "PRO", "quoted"))
    return out


# ------------------------------------------------------------------------------------------ repeats


_PIECE = re.compile(r"[^\W_]+", re.U)
_PIECE_GAP = re.compile(r"[ \u00a0]?[-–—―‐]?[ \u00a0]?")


def _repeats(text: str, toks: list[Tok], found: list[Found]) -> list[Found]:
    """Every other place where a found EVT/PRO name stands, in any inflection: word pieces with a shared base
    form (capitalised as found), separated by spaces or dashes."""
    if not found or not toks:
        return []
    lang = toks[0].lang
    names: set[tuple[str, ...]] = set()
    for start, end, kind, rule in found:
        if kind not in ("EVT", "PRO") or rule in ("lead", "quoted"):
            continue  # 'Договор' or a quoted word once is no name to find everywhere
        if text[start].isalpha() and not text[start].isupper():
            continue
        pieces = _PIECE.findall(text, start, end)
        if pieces and len(pieces) <= 6 and not (len(pieces) == 1 and len(pieces[0]) < 3):
            names.add(tuple(pieces))
    out: list[Found] = []
    kinds = {tuple(_PIECE.findall(text, s, e)): k for s, e, k, _ in found}
    all_pieces = [(m.start(), m.end(), m.group()) for m in _PIECE.finditer(text)]
    for name in names:
        first = _piece_keys(name[0], lang)
        for n, (s, _e, word) in enumerate(all_pieces):
            if word[:1].isupper() != name[0][:1].isupper():
                continue
            if not (_piece_keys(word, lang) & first) or n + len(name) > len(all_pieces):
                continue
            ok = True
            for k in range(1, len(name)):
                prev_end, (ps, _pe, pw) = all_pieces[n + k - 1][1], all_pieces[n + k]
                gap = _PIECE_GAP.fullmatch(text, prev_end, ps)
                if gap is None or not (_piece_keys(pw, lang) & _piece_keys(name[k], lang)):
                    ok = False
                    break
            if ok:
                end = all_pieces[n + len(name) - 1][1]
                out.append((s, _with_number(text, end), kinds[name], "repeat"))
    return out


def _piece_keys(word: str, lang: str) -> frozenset[str]:
    if word.isdigit() or not re.search(r"[а-яёіїєґ]", word, re.I):
        return frozenset({fold(word)})
    return Tok(0, len(word), word, lang).lemmas


