"""The per-story dossier (batch stage ``describe_stories``). Each dossier stage takes a ``Dossier`` (a story
with its articles, their sentences and what is known about them) and fills part of the story; they run in
the order of ``DOSSIER_STAGES``:

    DOSSIER_STAGES = [sources, key_facts, blind_spots, framing, timeline, quotes, summary, network, header]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from syuzhet.model import Article, Entity, Quote, Story
from syuzhet.stories import blindspots, claims, keyfacts, statements
from syuzhet.stories import header as head
from syuzhet.stories.framing import framing as frame
from syuzhet.stories.framing import sentence_terms
from syuzhet.stories.network import cooccurrence, quotes_by_speaker
from syuzhet.stories.outlets import outlet_of
from syuzhet.stories.summary import summarize
from syuzhet.stories.text import Sentence, fingerprint, sentences, stem
from syuzhet.stories.timeline import timeline as dated

if TYPE_CHECKING:
    from syuzhet.pipeline import Analysis

BOILERPLATE_MIN = 3
BUILT_TITLE_WORDS = 14
MAIN_ENTITIES = 3


@dataclass
class Dossier:
    """One story and what its stages read: member articles, their sentences (site furniture removed), each
    sentence's role (``statements``), outlets, the story's main language, the analysis' word counts (the prior
    for framing), the entities and quotes of the members."""

    story: Story
    members: list[Article]
    sentences: list[Sentence]
    roles: dict[tuple[str, int], tuple[str, str]]
    outlet: dict[str, str]
    lang: str
    background: Counter[str]
    entities: list[Entity]
    quotes: list[Quote]
    claims: list[claims.Claim] = field(default_factory=list)

    def is_fact(self, s: Sentence) -> bool:
        """May ``s`` be shown as a key fact: a paragraph sentence whose role is ``fact`` and that names someone or
        something or gives a number (who did what, how many, when, where); a claim without any of them may still
        count as its article stating a fact. A view without a number (``statements.view``) is not shown."""
        anchored = bool(s.numbers) or any(w.name for w in s.words)
        if statements.view(s) and not s.numbers:
            return False
        return anchored and s.kind == "paragraph" and self.roles.get((s.article, s.start), ("fact", ""))[0] == "fact"


Stage = Callable[[Dossier], None]


def sources(d: Dossier) -> None:
    langs = Counter(a.lang for a in d.members)
    d.story.languages = dict(langs)
    d.story.outlets = [{"outlet": o, "articles": sorted(a.id for a in d.members if d.outlet[a.id] == o),
                        "langs": sorted({a.lang for a in d.members if d.outlet[a.id] == o})}
                       for o in sorted(set(d.outlet.values()))]


def key_facts(d: Dossier) -> None:
    links: claims.Links = {}
    for e in d.entities:
        for m in e.mentions:
            links.setdefault(m.article, []).append((m.start, m.end, e.id))
    d.claims = claims.group_claims(d.sentences, links)
    d.story.facts = keyfacts.facts(d.claims, d.lang, d.outlet, d.is_fact)


def blind_spots(d: Dossier) -> None:
    langs = {o["outlet"]: Counter(a.lang for a in d.members if d.outlet[a.id] == o["outlet"]).most_common(1)[0][0]
             for o in d.story.outlets}
    novel = blindspots.novelty(d.story.facts, d.sentences, d.outlet)
    d.story.blind_spots = blindspots.blind_spots(d.story.facts, langs, novel)


def main_entities(d: Dossier) -> list[Entity]:
    ranked = head.spread(d.entities, {a.id for a in d.members})
    return [e for e, _, _ in ranked if e.type in ("PER", "ORG", "LOC")][:MAIN_ENTITIES]


def framing(d: Dossier) -> None:
    d.story.framing = frame(d.sentences, d.outlet, d.background, d.entities, main_entities(d))


def timeline(d: Dossier) -> None:
    d.story.timeline = dated(d.sentences, {a.id: a.date for a in d.members}, d.lang)


def quotes(d: Dossier) -> None:
    names = {e.id: e.name for e in d.entities}
    d.story.quotes = quotes_by_speaker(d.quotes, {a.id for a in d.members}, names)


def summary(d: Dossier) -> None:
    by_start = {(s.article, s.start): s for s in d.sentences}
    d.story.summary = summarize(d.story.facts, by_start, d.story.quotes, d.outlet)


def network(d: Dossier) -> None:
    d.story.network = cooccurrence(d.sentences, d.entities)


def header(d: Dossier) -> None:
    story = d.story
    story.title = pick_title(d.members, d.sentences, d.lang) or built_title(story)
    story.header = head.header(story.title, d.members, story.facts, story.timeline, d.entities, story.outlets,
                               story.languages)


DOSSIER_STAGES: list[Stage] = [sources, key_facts, blind_spots, framing, timeline, quotes, summary, network, header]


def story_sentences(articles: list[Article]) -> dict[str, list[Sentence]]:
    """Sentences per article without site furniture (a sentence repeated in ``BOILERPLATE_MIN`` or more
    original articles)."""
    sents = {a.id: sentences(a) for a in articles}
    seen: Counter[int] = Counter()
    for a in articles:
        if a.duplicate_of is None:
            seen.update({fingerprint(s) for s in sents[a.id] if len(s.words) >= 3})
    return {i: [s for s in ss if len(s.words) < 3 or seen[fingerprint(s)] < BOILERPLATE_MIN]
            for i, ss in sents.items()}


def describe_story(story: Story, members: list[Article], entities: list[Entity], quotes: list[Quote],
                   sents: dict[str, list[Sentence]] | None = None, background: Counter[str] | None = None) -> Story:
    """Run ``DOSSIER_STAGES`` on one story with its member articles, the entities mentioned in them and their
    quotes. ``sents`` (sentences per article, site furniture removed) and ``background`` (word counts of the
    whole run, the prior for framing) default to the members' own."""
    sents = sents if sents is not None else story_sentences(members)
    background = background if background is not None else Counter(
        k for a in members for s in sents.get(a.id, []) for k, _ in sentence_terms(s))
    spans = statements.quote_spans(quotes)
    roles: dict[tuple[str, int], tuple[str, str]] = {}
    for a in members:
        for start, decided in statements.roles(a, sents.get(a.id, []), spans).items():
            roles[a.id, start] = decided
    langs = Counter(a.lang for a in members)
    dossier = Dossier(
        story, members, [s for a in members for s in sents.get(a.id, [])], roles,
        {a.id: outlet_of(a) for a in members}, langs.most_common(1)[0][0] if langs else "und", background,
        entities, quotes,
    )
    for stage in DOSSIER_STAGES:
        stage(dossier)
    return story


def describe_stories(analysis: Analysis) -> None:
    """Fill every story of ``analysis.stories`` (run after ``cluster_stories``)."""
    by_id = {a.id: a for a in analysis.articles}
    sents = story_sentences(analysis.articles)
    background: Counter[str] = Counter(k for ss in sents.values() for s in ss for k, _ in sentence_terms(s))
    quotes = analysis.quotes or [q for a in analysis.articles for q in a.quotes]
    by_article: dict[str, list[Quote]] = {}
    for q in quotes:
        by_article.setdefault(q.article, []).append(q)
    entity_articles: dict[str, list[Entity]] = {}
    for e in analysis.entities:
        for article in {m.article for m in e.mentions}:
            entity_articles.setdefault(article, []).append(e)
    for story in analysis.stories:
        members = [by_id[i] for i in story.articles if i in by_id]
        entities = list({e.id: e for a in members for e in entity_articles.get(a.id, [])}.values())
        describe_story(story, members, entities, [q for a in members for q in by_article.get(a.id, [])],
                       sents, background)


def pick_title(members: list[Article], sents: list[Sentence], lang: str) -> str | None:
    """The member headline whose words most members share, in the story's main language if one exists."""
    spread: Counter[str] = Counter()
    keys_of: dict[str, set[str]] = {}
    for s in sents:
        keys_of.setdefault(s.article, set()).update(stem(w.key) for w in s.words if len(w.key) > 2)
    for keys in keys_of.values():
        spread.update(keys)
    best: tuple[tuple[bool, float], str] | None = None
    for a in members:
        title_keys = {stem(w.key) for s in sents if s.article == a.id and s.kind == "title"
                      for w in s.words if len(w.key) > 2}
        if not a.title or not title_keys:
            continue
        score = (a.lang == lang, sum(spread[k] for k in title_keys) / (1 + len(title_keys)) ** 0.5)
        if best is None or score > best[0]:
            best = (score, a.title)
    return best[1] if best else None


def built_title(story: Story) -> str | None:
    """No member has a headline: the first words of the summary's first sentence."""
    if not story.summary:
        return None
    words = story.summary[0].text.split()
    return " ".join(words[:BUILT_TITLE_WORDS]) + (" …" if len(words) > BUILT_TITLE_WORDS else "")
