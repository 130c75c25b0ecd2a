"""An extractive summary: 5-8 sentences picked from the claim groups, most widely reported first, none too
close to one already picked. Every sentence is a sentence of a cited article, and it cites only the articles
whose own sentence is close enough to it (``claims.parts``), not every article of its group."""

from __future__ import annotations

from syuzhet.model import Fact
from syuzhet.stories.claims import Claim, parts
from syuzhet.stories.text import Sentence

MIN_SENTENCES, MAX_SENTENCES = 5, 8
REDUNDANT = 0.5


def _overlap(a: Sentence, b: Sentence) -> float:
    x, y = a.stems(), b.stems()
    return len(x & y) / (min(len(x), len(y)) or 1)


def summarize(claims: list[Claim], lang: str, position: dict[str, int], outlet: dict[str, str]) -> list[Fact]:
    """``position`` ranks articles (earliest first) to order the picked sentences."""
    shown = [part for claim in claims for part in parts(claim, lang)]
    ranked = sorted(shown, key=lambda rs: (-len({s.article for s in rs[1]}), min(s.start for s in rs[1])))
    picked: list[tuple[Sentence, list[str]]] = []
    for rep, sentences in ranked:
        if any(_overlap(rep, other) >= REDUNDANT for other, _ in picked):
            continue
        articles = sorted({s.article for s in sentences})
        picked.append((rep, articles))
        if len(picked) >= MAX_SENTENCES or (len(picked) >= MIN_SENTENCES and len(articles) < 2):
            break
    picked.sort(key=lambda ra: (-len(ra[1]), position.get(ra[0].article, 0), ra[0].start))
    out = []
    for rep, articles in picked:
        sources = sorted({outlet[a] for a in articles})
        out.append(Fact(rep.text, articles, sources, len(sources) == 1,
                        evidence=[{"article": rep.article, "start": rep.start, "end": rep.end}]))
    return out
