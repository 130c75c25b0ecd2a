"""The report: self-contained HTML pages (an index of the stories, a page per story, pages of the articles in
no story). Styles and script are inlined and allowed by hash in a strict Content-Security-Policy, so a page
loads nothing from anywhere and runs no other script; pages link to each other by relative paths."""

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
from syuzhet.report.index import build_index
from syuzhet.report.story import build_story, cite_html, story_meta


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


ARTICLES_PER_PAGE = 100
TOP_FILTER_OPTIONS = 300


def _counted(values: list[str]) -> list[tuple[str, int]]:
    return Counter(values).most_common(TOP_FILTER_OPTIONS)


def render_pages(document: dict[str, Any]) -> dict[str, str]:
    """The analysis document (as written to analysis.json) as pages, by path relative to the report folder:
    ``index.html`` (the stories, to sort and filter), ``stories/<story>.html`` (one dossier each, with its
    articles) and ``articles/<n>.html`` (articles in no story, ``ARTICLES_PER_PAGE`` a page). A large run
    pages: no page holds more than one story's articles or one page of the others."""
    index = build_index(document)
    stories = [build_story(record, n, index) for n, record in enumerate(dicts(document.get("stories")))]
    story_titles = {story.id: story for story in stories}
    loose = [article for article in index.articles.values() if not article.stories]
    css, js = _asset("report.css"), _asset("report.js")
    env = _environment()
    common = {"version": text(document.get("syuzhet_version")), "csp": content_security_policy(css, js),
              "css": Markup(css), "js": Markup(js), "by_id": index.articles, "story_titles": story_titles}
    chunks = [loose[i:i + ARTICLES_PER_PAGE] for i in range(0, len(loose), ARTICLES_PER_PAGE)]
    names = [f"articles/{n + 1}.html" for n in range(len(chunks))]
    pages: dict[str, str] = {}
    for story in stories:
        pages[story.page] = env.get_template("story.html.j2").render(**common, root="../", story=story)
    for n, chunk in enumerate(chunks):
        first = n * ARTICLES_PER_PAGE + 1
        pages[names[n]] = env.get_template("articles.html.j2").render(
            **common, root="../", articles=chunk, first=first, last=first + len(chunk) - 1,
            prev=f"{n}.html" if n else "", next=f"{n + 2}.html" if n + 1 < len(chunks) else "")
    langs = Counter(article.lang or "und" for article in index.articles.values())
    pages["index.html"] = env.get_template("index.html.j2").render(
        **common, root="", stories=stories, article_count=len(index.articles), langs=langs.most_common(),
        loose_count=len(loose),
        loose_pages=[(names[n], n * ARTICLES_PER_PAGE + 1, n * ARTICLES_PER_PAGE + len(c))
                     for n, c in enumerate(chunks)],
        all_outlets=_counted([o for s in stories for o in s.outlet_names]),
        all_langs=_counted([lang for s in stories for lang, _ in s.langs]),
        all_entities=_counted([row.entity.name for s in stories for row in s.entities]),
        duplicates=sum(1 for article in index.articles.values() if article.duplicate_of),
        skipped=list(dicts(document.get("skipped"))), entity_count=len(index.entities),
        quote_count=sum(len(quotes) for quotes in index.quotes.values()),
    )
    return pages


def render_report(document: dict[str, Any]) -> str:
    """Every page of the report, one after the other (for checks over all the markup); ``write_report``
    writes them as files."""
    return "\n".join(render_pages(document).values())


def write_report(document: dict[str, Any], out_dir: Path) -> Path:
    """Write the report's pages under ``out_dir`` (each atomically; pages of an earlier report in its
    ``stories/`` and ``articles/`` folders are removed) and return the path of ``index.html``."""
    pages = render_pages(document)
    for folder in ("stories", "articles"):
        for old in (out_dir / folder).glob("*.html"):
            if f"{folder}/{old.name}" not in pages:
                old.unlink(missing_ok=True)
    for name, page in pages.items():
        (out_dir / name).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out_dir / name, page)
    return out_dir / "index.html"
