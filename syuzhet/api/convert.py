"""Library records as the service's models."""

from __future__ import annotations

from syuzhet.api.models import ArticleBrief, QuoteOut
from syuzhet.model import Article, Quote
from syuzhet.stories.outlets import outlet_of


def article_brief(article: Article, story: str | None) -> ArticleBrief:
    return ArticleBrief(id=article.id, source=article.source, outlet=article.outlet, url=article.url,
                        lang=article.lang, date=article.date, title=article.title, duplicate_of=article.duplicate_of,
                        story=story)


def quote_out(quote: Quote, story: str | None, article: Article) -> QuoteOut:
    return QuoteOut(article=quote.article, story=story, outlet=outlet_of(article), speaker=quote.speaker,
                    speaker_text=quote.speaker_text, kind=quote.kind, text=quote.text, start=quote.start,
                    end=quote.end, cue=quote.cue, rules=quote.rules)
