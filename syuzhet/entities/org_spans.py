"""Organisation spans: types and boundaries that the taggers get wrong in a regular way.

``fix_orgs(text, spans, lang)`` (sorted, non-overlapping spans in, same out):

- a place span whose base form is an organisation listed under ``org`` in ``events_<lang>.txt`` is an
  organisation ('ЕС', 'Евросоюза'); a place or organisation cut after its adjective takes the lower-case noun
  it agrees with ('Европейского' + 'союза', 'Таллиннского' + 'аэропорта'; 'Кипрское' + 'правительство' is an
  organisation);
- an organisation followed by a country in the genitive is one organisation ('МИД Великобритании',
  'Окружной суд Амстердама', 'Генассамблеи ООН' when the second is a listed organisation);
- a state body written in lower case with a country after it ('правительство Великобритании',
  'министерства иностранных дел Германии') or a country adjective before it ('британского правительства',
  'российского МИДа') is an organisation, the adjective included;
- abbreviations of common nouns taken for organisations ('СМИ') are dropped; a final abbreviation's full stop
  stays in the name ('Б.В.').

``nested_places(before, after)`` (fix ``nested_places``) gives back the places these folds took into an
organisation ('МИД' + 'Норвегии', 'правительство' + 'Норвегии'): each stays a LOC mention nested inside the
organisation, as factRuEval annotates it. The only overlap the spans then have is such a place inside its ORG.
"""

from __future__ import annotations

import re

from syuzhet.entities.evt_words import LANGS, Cues, Span, Tok, agree, cues, fold, spaced, tokens
from syuzhet.entities.fixes import enabled
from syuzhet.entities.lemma import function_words, lemmatize

_COUNTRY_ADJ = re.compile(r"(?:ск|цк|ськ|цьк)(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими|а|у|е|і|ої|ій|их|им)$")
_ABBREV_TAIL = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]$|(?:Inc|Ltd|Co|Corp|Jr|Sr|AG|NV|BV|SA|GmbH)$")


def fix_orgs(text: str, spans: list[Span], lang: str, toks: list[Tok] | None = None) -> list[Span]:
    """``toks``: ``tokens(text, lang)`` if the caller has them (``add_named`` reads the same)."""
    if lang not in LANGS:
        return spans
    on = enabled(lang)
    table = cues(lang)
    toks = tokens(text, lang) if toks is None else toks
    at = {t.start: i for i, t in enumerate(toks)}
    ends = {t.end: i for i, t in enumerate(toks)}
    out: list[Span] = []
    for start, end, kind in spans:
        if kind == "ORG" and "org_noise" in on and fold(text[start:end]) in table.noise:
            continue
        if kind in ("LOC", "ORG") and end in ends and "org_adjective_noun" in on:
            longer = _adjective_noun(text, toks, ends[end], end)
            if longer != end and _is_body(toks[ends[longer]], table):
                kind = "ORG"  # 'Кипрское' + 'правительство'
            end = longer  # 'Европейского' + 'союза', 'Таллиннского' + 'аэропорта'
        if kind == "LOC" and "org_listed" in on and _listed_org(text[start:end], lang, table):
            kind = "ORG"
        abbrev = "org_abbrev_dot" in on and _ABBREV_TAIL.search(text[start:end])
        if kind == "ORG" and text[end : end + 1] == "." and abbrev:
            end += 1
        out.append((start, end, kind))
    if "org_merge_country" in on:
        out = _merge_country(text, toks, at, out, lang, table)
    if "org_lower_bodies" in on:
        out = _lower_bodies(text, toks, at, out, table)
    return _country_adjectives(text, toks, at, out, table) if "org_country_adjectives" in on else out


def nested_places(before: list[Span], after: list[Span]) -> list[Span]:
    """``after`` (the spans once fixed) with each place of ``before`` (the spans ``fix_orgs`` was given) that
    lies inside a fixed ORG starting before it, kept as a LOC nested in that ORG; sorted by start, outer first.
    A place that became an organisation at its own start ('Европейского' + 'союза', 'ЕС') is no nested place."""
    orgs = [(s, e) for s, e, k in after if k == "ORG"]
    nested = [
        (s, e, k) for s, e, k in before
        if k == "LOC" and (s, e, k) not in after and any(o_s < s and e <= o_e for o_s, o_e in orgs)
    ]
    return sorted(after + nested, key=lambda span: (span[0], -span[1]))


def _adjective_noun(text: str, toks: list[Tok], i: int, end: int) -> int:
    """'Европейского' + 'союза': a name cut after its adjective takes the lower-case noun it agrees with."""
    if i + 1 >= len(toks):
        return end
    last, nxt = toks[i], toks[i + 1]
    if last.cap and last.only_pos("ADJF") and not nxt.cap and nxt.has_pos("NOUN") and spaced(text, last, nxt) and agree(
        last, nxt
    ):
        return nxt.end
    return end


def _listed_org(surface: str, lang: str, table: Cues) -> bool:
    return fold(surface) in table.orgs or fold(lemmatize(surface, "ORG", lang)) in table.orgs


def _merge_country(
    text: str, toks: list[Tok], at: dict[int, int], spans: list[Span], lang: str, table: Cues
) -> list[Span]:
    """ORG + genitive LOC ('МИД Великобритании'), ORG + listed ORG ('Генассамблеи ООН') -> one ORG."""
    out: list[Span] = []
    for span in spans:
        if out and out[-1][2] == "ORG" and span[2] in ("LOC", "ORG") and span[0] in at:
            prev = out[-1]
            between = text[prev[1] : span[0]]
            words = _inside(toks, at, span)
            second_ok = span[2] == "LOC" or _listed_org(text[span[0] : span[1]], lang, table)
            body = any(t.upper or _is_body(t, table) for t in _inside(toks, at, prev))  # not 'дворце Кремля'
            if between in (" ", "\u00a0") and second_ok and body and words and words[-1].genitive():
                out[-1] = (prev[0], span[1], "ORG")
                continue
        out.append(span)
    return out


def _inside(toks: list[Tok], at: dict[int, int], span: Span) -> list[Tok]:
    """The words of ``span`` (which starts at a word)."""
    out: list[Tok] = []
    k = at.get(span[0], len(toks))
    while k < len(toks) and toks[k].end <= span[1]:
        out.append(toks[k])
        k += 1
    return out


def _is_body(tok: Tok, table: Cues) -> bool:
    return bool(tok.lemmas & table.institution)


def _lower_bodies(text: str, toks: list[Tok], at: dict[int, int], spans: list[Span], table: Cues) -> list[Span]:
    """'правительство Великобритании', 'министерства иностранных дел Германии', 'окружной суд Амстердама'."""
    out: list[Span] = []
    for span in spans:
        if span[2] == "LOC" and span[0] in at and at[span[0]] > 0:
            i = at[span[0]]
            k = i - 1
            while k >= 0 and i - k <= 3 and _genitive_word(toks[k], table):
                k -= 1  # 'иностранных дел'
            if k >= 0 and not toks[k].cap and _is_body(toks[k], table) and all(
                spaced(text, toks[m], toks[m + 1]) for m in range(k, i)
            ):
                first = _adjectives_before(text, toks, k)
                if not out or out[-1][1] <= toks[first].start:
                    out.append((toks[first].start, span[1], "ORG"))
                    continue
        out.append(span)
    return out


def _genitive_word(tok: Tok, table: Cues) -> bool:
    """A lower-case noun or adjective in the genitive inside a body's name ('иностранных дел')."""
    if tok.cap or not tok.cyrillic or _is_body(tok, table) or fold(tok.text) in function_words():
        return False
    return any(case == "gent" for case, _ in tok.forms("NOUN", "ADJF"))


def _adjectives_before(text: str, toks: list[Tok], k: int) -> int:
    """Index of the first of the lower-case adjectives agreeing with ``toks[k]`` right before it."""
    first = k
    while first > 0 and not toks[first - 1].cap and toks[first - 1].only_pos("ADJF", "PRTF") and spaced(
        text, toks[first - 1], toks[first]
    ) and agree(toks[first - 1], toks[k]):
        first -= 1
    return first


def _country_adjective(tok: Tok, table: Cues) -> bool:
    """'британский', 'російського': a relational adjective in -ский/-цкий, not '-ческий' nor a listed
    ``plain`` one ('городской')."""
    word = fold(tok.text)
    if not _COUNTRY_ADJ.search(word) or re.search(r"ч(е|н)с?ьк|ческ", word) or not tok.only_pos("ADJF"):
        return False
    return not (tok.lemmas & table.plain)


def _country_adjectives(text: str, toks: list[Tok], at: dict[int, int], spans: list[Span], table: Cues) -> list[Span]:
    """'британского правительства', 'российского МИДа', 'британский Кабмин': a country adjective and the
    state body after it are one organisation."""
    out: list[Span] = []
    taken = {(s, e) for s, e, _ in spans}
    starts = {s: (s, e, k) for s, e, k in spans}
    for i, tok in enumerate(toks[1:], start=1):
        adj = toks[i - 1]
        if adj.cap or not _country_adjective(adj, table) or not spaced(text, adj, tok):
            continue
        if tok.start in starts and starts[tok.start][2] == "ORG":
            s, e, _ = starts[tok.start]
            if tok.upper or (tok.cap and _is_body(tok, table)) or agree(adj, tok):
                out.append((adj.start, e, "ORG"))
                taken.discard((s, e))
        elif not tok.cap and _is_body(tok, table) and agree(adj, tok) and not any(
            s < tok.end and tok.start < e for s, e, _ in spans
        ):
            out.append((adj.start, tok.end, "ORG"))
    kept = [s for s in spans if (s[0], s[1]) in taken and not any(o[0] < s[1] and s[0] < o[1] for o in out)]
    return sorted(kept + out)
