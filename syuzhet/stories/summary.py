"""An extractive summary: 5-8 sentences picked from the claim groups, most widely reported first, none too
close to one already picked. Every sentence is a sentence of a cited article; a sentence whose claim is
stated by several articles cites all of them."""

from __future__ import annotations

from syuzhet.model import Fact
from syuzhet.stories.claims import Claim, representative
from syuzhet.stories.text import Sentence

MIN_SENTENCES, MAX_SENTENCES = 5, 8
REDUNDANT = 0.5


def _overlap(a: Sentence, b: Sentence) -> float:
    x, y = a.stems(), b.stems()
    return len(x & y) / (min(len(x), len(y)) or 1)


def summarize(claims: list[Claim], lang: str, position: dict[str, int], outlet: dict[str, str]) -> list[Fact]:
    """``position`` ranks articles (earliest first) to order the picked sentences."""
    ranked = sorted(claims, key=lambda c: (-len(set(c.articles)), min(s.start for s in c.sentences)))
    picked: list[tuple[Claim, Sentence]] = []
    for claim in ranked:
        rep = representative(claim, lang)
        if any(_overlap(rep, other) >= REDUNDANT for _, other in picked):
            continue
        picked.append((claim, rep))
        if len(picked) >= MAX_SENTENCES or (len(picked) >= MIN_SENTENCES and len(set(claim.articles)) < 2):
            break
    picked.sort(key=lambda cr: (-len(set(cr[0].articles)), position.get(cr[1].article, 0), cr[1].start))
    out = []
    for claim, rep in picked:
        sources = sorted({outlet[a] for a in claim.articles})
        out.append(Fact(rep.text, sorted(set(claim.articles)), sources, len(sources) == 1,
                        evidence=[{"article": rep.article, "start": rep.start, "end": rep.end}]))
    return out
