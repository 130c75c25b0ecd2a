"""The report page: one self-contained HTML file. Styles and script are inlined and allowed by hash in a
strict Content-Security-Policy, so the page loads nothing from anywhere and runs no other script."""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from syuzhet.files import write_atomic
from syuzhet.report.data import dicts, text
from syuzhet.report.index import ArticleView, build_index
from syuzhet.report.story import StoryView, build_story, cite_html, story_meta


def _asset(name: str) -> str:
    return files("syuzhet.report").joinpath("assets", name).read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(css: str, js: str) -> str:
    return (
        f"default-src 'none'; style-src {csp_hash(css)}; script-src {csp_hash(js)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("syuzhet.report", "assets"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["cite"] = cite_html
    env.filters["story_meta"] = story_meta
    return env


def _ordered_articles(stories: list[StoryView], articles: dict[str, ArticleView]) -> list[ArticleView]:
    """Articles in story order first, then those in no story, each once."""
    seen: dict[str, ArticleView] = {}
    for story in stories:
        for source in story.sources:
            seen.setdefault(source.article.id, source.article)
    for article in articles.values():
        seen.setdefault(article.id, article)
    return list(seen.values())


def render_report(document: dict[str, Any]) -> str:
    """The analysis document (as written to analysis.json) as one HTML page."""
    index = build_index(document)
    stories = [build_story(record, n, index) for n, record in enumerate(dicts(document.get("stories")))]
    story_titles = {story.id: story for story in stories}
    loose = [article for article in index.articles.values() if not article.stories]
    css, js = _asset("report.css"), _asset("report.js")
    langs = Counter(article.lang or "und" for article in index.articles.values())
    return _environment().get_template("report.html.j2").render(
        version=text(document.get("syuzhet_version")),
        csp=content_security_policy(css, js),
        css=Markup(css),
        js=Markup(js),
        stories=stories,
        story_titles=story_titles,
        articles=_ordered_articles(stories, index.articles),
        by_id=index.articles,
        loose=loose,
        langs=langs.most_common(),
        duplicates=sum(1 for article in index.articles.values() if article.duplicate_of),
        skipped=[item for item in dicts(document.get("skipped"))],
        entity_count=len(index.entities),
        quote_count=sum(len(quotes) for quotes in index.quotes.values()),
    )


def write_report(document: dict[str, Any], out_dir: Path) -> Path:
    """Write ``out_dir/index.html`` atomically and return its path."""
    return write_atomic(out_dir / "index.html", render_report(document))
