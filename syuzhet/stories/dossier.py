"""The per-story dossier (batch stage ``describe_stories``): title, outlets, languages, facts (claims by
articles), summary, timeline, framing per outlet, quotes by speaker and the co-occurrence network."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from syuzhet.model import Article, Story
from syuzhet.stories.claims import facts as to_facts
from syuzhet.stories.claims import group_claims
from syuzhet.stories.framing import framing, sentence_terms
from syuzhet.stories.network import cooccurrence, quotes_by_speaker
from syuzhet.stories.outlets import outlet_of
from syuzhet.stories.summary import summarize
from syuzhet.stories.text import Sentence, fingerprint, sentences, stem, surfaces
from syuzhet.stories.timeline import timeline

if TYPE_CHECKING:
    from syuzhet.pipeline import Analysis

BOILERPLATE_MIN = 3
BUILT_TITLE_WORDS = 14
MAIN_NAMES = 3


def describe_stories(analysis: Analysis) -> None:
    """Fill every story of ``analysis.stories`` (run after ``cluster_stories``)."""
    by_id = {a.id: a for a in analysis.articles}
    sents = {a.id: sentences(a) for a in analysis.articles}
    seen: Counter[int] = Counter()
    for a in analysis.articles:
        if a.duplicate_of is None:
            seen.update({fingerprint(s) for s in sents[a.id] if len(s.words) >= 3})
    for a in analysis.articles:
        sents[a.id] = [s for s in sents[a.id] if len(s.words) < 3 or seen[fingerprint(s)] < BOILERPLATE_MIN]
    background: Counter[str] = Counter(k for ss in sents.values() for s in ss for k, _ in sentence_terms(s, False))
    quotes = analysis.quotes or [q for a in analysis.articles for q in a.quotes]
    names = {e.id: e.name for e in analysis.entities}
    for story in analysis.stories:
        members = [by_id[i] for i in story.articles if i in by_id]
        describe(story, members, {i: sents[i] for i in story.articles if i in sents}, background)
        story.quotes = quotes_by_speaker(quotes, set(story.articles), names)
        ids = set(story.articles)
        entities = [e for e in analysis.entities if any(m.article in ids for m in e.mentions)]
        story.network = cooccurrence([s for a in members for s in sents[a.id]], entities)


def describe(story: Story, members: list[Article], sents: dict[str, list[Sentence]],
             background: Counter[str]) -> None:
    outlet = {a.id: outlet_of(a) for a in members}
    langs = Counter(a.lang for a in members)
    lang = langs.most_common(1)[0][0] if langs else "und"
    story.languages = dict(langs)
    story.outlets = [{"outlet": o, "articles": sorted(a.id for a in members if outlet[a.id] == o),
                      "langs": sorted({a.lang for a in members if outlet[a.id] == o})}
                     for o in sorted(set(outlet.values()))]
    every = [s for a in members for s in sents.get(a.id, [])]
    claims = group_claims(every)
    story.facts = to_facts(claims, lang, outlet)
    position = {a.id: n for n, a in enumerate(members)}
    story.summary = summarize(claims, lang, position, outlet)
    story.timeline = timeline(every, {a.id: a.date for a in members}, lang)
    main = main_names(every)
    story.framing = framing(every, outlet, background, story.facts, main)
    story.title = pick_title(members, sents, lang) or built_title(story)


def main_names(sents: list[Sentence]) -> list[tuple[str, str]]:
    """The names most articles mention: (key, most common written form)."""
    articles: dict[str, set[str]] = {}
    shown: dict[str, Counter[str]] = {}
    for s in sents:
        for w, surface in zip(s.words, surfaces(s), strict=False):
            if w.name:
                key = "n:" + stem(w.key)
                articles.setdefault(key, set()).add(s.article)
                shown.setdefault(key, Counter())[surface] += 1
    top = sorted(articles, key=lambda k: (-len(articles[k]), -sum(shown[k].values()), k))[:MAIN_NAMES]
    return [(k, shown[k].most_common(1)[0][0]) for k in top]


def pick_title(members: list[Article], sents: dict[str, list[Sentence]], lang: str) -> str | None:
    """The member headline whose words most members share, in the story's main language if one exists."""
    spread: Counter[str] = Counter()
    for a in members:
        spread.update({stem(w.key) for s in sents.get(a.id, []) for w in s.words if len(w.key) > 2})
    best: tuple[tuple[bool, float], str] | None = None
    for a in members:
        title_sents = [s for s in sents.get(a.id, []) if s.kind == "title"]
        if not a.title or not title_sents:
            continue
        keys = {stem(w.key) for s in title_sents for w in s.words if len(w.key) > 2}
        score = (a.lang == lang, sum(spread[k] for k in keys) / (1 + len(keys)) ** 0.5)
        if best is None or score > best[0]:
            best = (score, a.title)
    return best[1] if best else None


def built_title(story: Story) -> str | None:
    """No member has a headline: the first words of the summary's first sentence."""
    if not story.summary:
        return None
    words = story.summary[0].text.split()
    return " ".join(words[:BUILT_TITLE_WORDS]) + (" …" if len(words) > BUILT_TITLE_WORDS else "")
