"""Blind spots: per outlet, the facts only it reports and the widely reported facts it leaves out; the same per
language community when a story spans several languages. A fact is *widely reported* when at least
``WIDE_SHARE`` of the story's outlets (and at least two) state it. What only one side reports is listed most
novel first: by the idf-weighted share of its words (stems, or their consonant skeletons across languages)
that no sentence of the other outlets has, so a claim nobody else touches ('X does not recognise Y') comes
before a detail of what everyone reports ('the ceremony took place in the hall')."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from syuzhet.model import Fact
from syuzhet.stories.claims import skeleton
from syuzhet.stories.claimwords import claim_keys
from syuzhet.stories.text import Sentence

WIDE_SHARE = 0.5
MAX_LISTED = 12


def _item(n: int, fact: Fact) -> dict[str, Any]:
    return {"fact": n, "text": fact.text, "outlets": len(fact.sources)}


def novelty(facts: list[Fact], sents: list[Sentence], outlet: dict[str, str]) -> dict[int, float]:
    """Per fact position: the idf-weighted share of its shown sentence's keys absent from the sentences of
    the outlets that do not state it (1.0: nobody else says anything like it)."""
    keys = {(s.article, s.start): claim_keys(s) for s in sents}
    df: Counter[str] = Counter(k for ks in keys.values() for k in ks)
    idf = {k: math.log((len(keys) + 1) / (n + 0.5)) for k, n in df.items()}
    by_outlet: dict[str, set[str]] = {}
    for s in sents:
        own = by_outlet.setdefault(outlet[s.article], set())
        own |= keys[s.article, s.start]
        own |= {skeleton(k) for k in keys[s.article, s.start]}
    out = {}
    for n, fact in enumerate(facts):
        ev = fact.evidence[0] if fact.evidence else {}
        mine = keys.get((ev.get("article", ""), ev.get("start", -1)), set())
        others: set[str] = set()
        for name, ks in by_outlet.items():
            if name not in fact.sources:
                others |= ks
        total = sum(idf.get(k, 0.0) for k in mine) or 1.0
        shared = sum(idf.get(k, 0.0) for k in mine if k in others or skeleton(k) in others)
        out[n] = round(1 - shared / total, 3)
    return out


def blind_spots(facts: list[Fact], outlets: dict[str, str],
                novel: dict[int, float] | None = None) -> list[dict[str, Any]]:
    """``outlets`` maps outlet -> its language; ``novel`` is ``novelty`` of the facts. Details
    (``detail_of``) are left out: their parent fact stands for them."""
    novel = novel or {}
    main = [(n, f) for n, f in enumerate(facts) if f.detail_of is None]
    total = len(outlets)
    wide = max(2, math.ceil(WIDE_SHARE * total))
    out: list[dict[str, Any]] = []
    groups = [("outlet", o, {o}) for o in sorted(outlets)]
    languages = sorted(set(outlets.values()))
    if len(languages) > 1:
        groups += [("language", code, {o for o, x in outlets.items() if x == code}) for code in languages]
    for scope, name, members in groups:
        if scope == "language" and (len(members) == total or len(members) == 1):
            continue  # the whole story, or one outlet (its own record says it)
        only = sorted((_item(n, f) for n, f in main if set(f.sources) <= members),
                      key=lambda item: -novel.get(item["fact"], 0.0))
        missing = [_item(n, f) for n, f in main if len(f.sources) >= wide and not members & set(f.sources)]
        if total > 1:
            out.append({"scope": scope, "name": name, "outlets": sorted(members),
                        "only_here": only[:MAX_LISTED], "only_here_total": len(only),
                        "missing": missing[:MAX_LISTED], "missing_total": len(missing)})
    return out
