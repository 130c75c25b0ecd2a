"""What clustering compares: per article a bag of weighted keys — linked entity ids when the entity stages
ran, names (capitalised words inside a sentence, or at its start when the article also uses them inside
one), content lemmas and numbers, all as cross-lingual keys — plus its date."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from syuzhet.model import Article, Entity
from syuzhet.stories.outlets import outlet_of
from syuzhet.stories.text import CONTENT_POS, Sentence, fold, sentences

WEIGHTS = {"e": 3.0, "n": 2.5, "#": 1.0, "t": 1.0}


@dataclass(slots=True)
class Features:
    """An article as clustering sees it: ``counts`` maps 'kind:key' to its count in the article."""

    id: str
    lang: str
    date: str | None
    outlet: str = ""
    counts: Counter[str] = field(default_factory=Counter)
    lead: set[str] = field(default_factory=set)

    def keys_of(self, kind: str) -> set[str]:
        return {k for k in self.counts if k[0] == kind}


EntitySpans = list[tuple[int, int, str]]  # (start, end, entity id) of an article's linked mentions


def entity_spans(entities: list[Entity]) -> dict[str, EntitySpans]:
    """Article id -> where the linked entities are mentioned in it (empty when entities are not linked)."""
    table: dict[str, EntitySpans] = {}
    for entity in entities:
        for mention in entity.mentions:
            table.setdefault(mention.article, []).append((mention.start, mention.end, entity.id))
    return table


LEAD_SENTENCES = 6
NAME_STEM = 6
LANGUAGE_FREE = "ne#"  # key kinds that compare across languages


def features(article: Article, sents: list[Sentence] | None = None, entities: EntitySpans | None = None,
             boilerplate: Callable[[Sentence], bool] | None = None) -> Features:
    """``boilerplate`` says which sentences to leave out (site furniture repeated across articles); names
    and entities mentioned in them are left out too. An entity counts as a lead key when it is mentioned in
    the lead sentences."""
    sents = sents if sents is not None else sentences(article)
    furniture: list[tuple[int, int]] = []
    if boilerplate:
        furniture = [(s.start, s.end) for s in sents if boilerplate(s)]
        sents = [s for s in sents if not boilerplate(s)]
    lead_end = sents[LEAD_SENTENCES - 1].end if len(sents) > LEAD_SENTENCES else len(article.text)

    def in_furniture(start: int) -> bool:
        return any(a <= start < b for a, b in furniture)

    inside = {w.key for s in sents for w in s.words if w.name}
    feats = Features(article.id, article.lang, article.date, outlet_of(article))
    for n, s in enumerate(sents):
        words = s.words
        for i, w in enumerate(words):
            if w.name or (i == 0 and w.key in inside):
                if i + 1 < len(words) and words[i + 1].name and not w.listed:
                    continue  # a multi-word name counts once, by its last word (the surname)
                key = "n:" + name_stem(w.key)
                feats.counts[key] += 1
                if n < LEAD_SENTENCES:
                    feats.lead.add(key)
            elif w.pos == "NUMB":
                if len(w.key) >= 2:
                    feats.counts["#:" + w.key] += 1
            elif w.pos in CONTENT_POS and len(w.key) > 2:
                feats.counts["t:" + w.key] += 1
    for m in article.mentions:
        if m.lemma and not in_furniture(m.start):
            feats.counts["n:" + _mention_key(m.lemma)] += 1
    kinds = _bare_kinds(article, entities or [])
    for start, _, eid in entities or ():
        if in_furniture(start):
            continue
        key = "e:" + kinds.get(eid, eid)
        feats.counts[key] = 2
        if start < lead_end:
            feats.lead.add(key)
    return feats


def _bare_kinds(article: Article, entities: EntitySpans) -> dict[str, str]:
    """Entity id -> 'org:' + the kind of body, for an organisation the article names only by its kind ('ЦИК',
    'the Central Bank'): the linker keeps such a name to its article (which country's?), but two articles that
    both name one kind of body still share something; they share this key, in any language."""
    from syuzhet.entities.org_keys import org_key

    at = {(m.start, m.end): m for m in article.mentions if m.type == "ORG"}
    out: dict[str, str] = {}
    bare: dict[str, bool] = {}
    for start, end, eid in entities:
        m = at.get((start, end))
        ok = org_key(m.lemma or m.text, "") if m is not None else None
        if ok is not None and ok.generic and not ok.country:
            out.setdefault(eid, "org:" + ok.bag)
            bare.setdefault(eid, True)
        else:
            bare[eid] = False
    return {eid: kind for eid, kind in out.items() if bare[eid]}


def _mention_key(lemma: str) -> str:
    return name_stem(fold(lemma.split()[-1] if lemma.split() else lemma))


def name_stem(key: str) -> str:
    """Names compare by their first ``NAME_STEM`` letters: case endings and lemmatiser slips
    ('токаев'/'токаева', 'касимжомарт'/'касимжомарта') stop mattering."""
    return key[:NAME_STEM]


def weighted(counts: Counter[str], idf: dict[str, float] | None, default_idf: float) -> dict[str, float]:
    """Sublinear tf x idf x kind weight, L2-normalised."""
    vec: dict[str, float] = {}
    for key, n in counts.items():
        w = (1.0 + math.log(n)) * WEIGHTS.get(key[0], 1.0) * (idf.get(key, default_idf) if idf else 1.0)
        if w > 0:
            vec[key] = w
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {k: v / norm for k, v in vec.items()}
