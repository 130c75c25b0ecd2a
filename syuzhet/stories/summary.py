"""An extractive summary of 5-8 sentences: the key facts in rank order (none too close to one already picked),
each told by a sentence that reads alone (not 'He added ...') and citing the articles and outlets that state
it; when the facts run short, the most quoted speakers' words, each introduced by the speaker's name, so no
quotation appears without who said it."""

from __future__ import annotations

from typing import Any

from syuzhet.model import Fact
from syuzhet.stories.statements import leans_back
from syuzhet.stories.text import Sentence

MIN_SENTENCES, MAX_SENTENCES = 5, 8
REDUNDANT = 0.5
QUOTE_WORDS = 40  # a quotation longer than this is cut at a sentence end, or at this many words


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / (min(len(a), len(b)) or 1)


def _stems(fact: Fact, sentences: dict[tuple[str, int], Sentence]) -> set[str]:
    ev = fact.evidence[0] if fact.evidence else {}
    s = sentences.get((ev.get("article", ""), ev.get("start", -1)))
    return s.stems() if s else set(fact.text.lower().split())


def _short(text: str) -> str:
    words = text.split()
    if len(words) <= QUOTE_WORDS:
        return text
    cut = " ".join(words[:QUOTE_WORDS])
    end = max(cut.rfind(". "), cut.rfind("! "))
    return cut[:end + 1] if end > len(cut) // 3 else cut + " …"


def _standalone(fact: Fact) -> Fact | None:
    """The fact told by a sentence that reads alone: its own text, else another outlet's wording of it."""
    if not leans_back(fact.text):
        return Fact(fact.text, fact.articles, fact.sources, fact.single_source, evidence=fact.evidence[:1])
    for ev in fact.evidence[1:]:
        text = str(ev.get("text") or "")
        if text and not leans_back(text):
            return Fact(text, fact.articles, fact.sources, fact.single_source, evidence=[ev])
    return None


def summarize(facts: list[Fact], sentences: dict[tuple[str, int], Sentence], quotes: list[dict[str, Any]],
              outlet: dict[str, str]) -> list[Fact]:
    """``facts`` ranked (details are skipped); ``quotes`` grouped by speaker as in ``Story.quotes``."""
    picked: list[tuple[Fact, set[str]]] = []
    for ranked in facts:
        fact = _standalone(ranked) if ranked.detail_of is None else None
        if fact is None:
            continue
        stems = _stems(fact, sentences)
        if any(_overlap(stems, other) >= REDUNDANT for _, other in picked):
            continue
        multi = len(fact.sources) > 1
        if len(picked) >= MIN_SENTENCES and not multi:
            break
        picked.append((fact, stems))
        if len(picked) >= MAX_SENTENCES:
            break
    out = [f for f, _ in picked]
    for group in quotes:
        if len(out) >= MIN_SENTENCES:
            break
        name = group.get("name")
        if not name or not group.get("speaker"):
            continue  # a quotation whose speaker is unknown is never summarised
        q = group["quotes"][0]
        said = _short(q["text"].strip(" «»\"“”"))
        text = f"{name}: «{said}»"
        where = {k: q[k] for k in ("start", "end") if isinstance(q.get(k), int)}
        out.append(Fact(text, [q["article"]], [outlet[q["article"]]], True,
                        evidence=[{"article": q["article"], **where}]))
    return out
