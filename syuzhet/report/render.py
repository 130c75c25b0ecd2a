"""The report: self-contained HTML pages (an index of the stories, a page per story, pages of the articles in
no story). Styles and script are inlined and allowed by hash in a strict Content-Security-Policy, so a page
loads nothing from anywhere and runs no other script; pages link to each other by relative paths."""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from syuzhet.files import write_atomic
from syuzhet.report.data import dicts, text
from syuzhet.report.index import ArticleView, Index, build_index
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
    env.filters["site"] = site_html
    return env


def site_html(name: str) -> Markup:
    """An outlet's name with a line-break opportunity after each dot: a long domain in a narrow column breaks
    at 'springfield.<wbr>com', not inside a word."""
    return Markup(".<wbr>").join(escape(part) for part in name.split("."))


ARTICLES_PER_PAGE = 100
TOP_FILTER_OPTIONS = 300


def _counted(values: Counter[str]) -> list[tuple[str, int]]:
    return values.most_common(TOP_FILTER_OPTIONS)


@dataclass(slots=True)
class StoryRow:
    """What ``index.html`` shows of a story (its page is written and let go before the next story's)."""

    page: str
    title: str
    fact: str
    size: int
    outlets: list[tuple[str, bool]]
    langs: list[tuple[str, int]]
    dates: tuple[str, str]
    entities: list[str]

    @property
    def outlet_names(self) -> list[str]:
        return [name for name, _ in self.outlets]

    @property
    def names(self) -> list[str]:
        return self.entities[:3]


def story_row(view: StoryView) -> StoryRow:
    return StoryRow(view.page, view.title, view.facts[0].text if view.facts else "",
                    sum(1 for s in view.sources if s.in_story), view.outlets, view.langs, view.dates,
                    [row.entity.name for row in view.entities])


@dataclass
class Totals:
    """The counts ``index.html`` heads with, and its filter options."""

    articles: int = 0
    langs: Counter[str] = field(default_factory=Counter)
    entities: int = 0
    quotes: int = 0
    duplicates: int = 0
    skipped: list[dict[str, Any]] = field(default_factory=list)
    outlets: Counter[str] = field(default_factory=Counter)
    story_langs: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)


class Report:
    """Renders the report a page at a time and hands each page to ``put(path, html)``: a story's page from a
    document holding that story and its articles, a page of articles in no story, then ``index.html`` from the
    rows of every story (an iterable, so a large run's rows can be read back from disk)."""

    def __init__(self, version: str, put: Callable[[str, str], None]) -> None:
        self.put = put
        css, js = _asset("report.css"), _asset("report.js")
        self.env = _environment()
        self.common: dict[str, Any] = {"version": version, "csp": content_security_policy(css, js),
                                       "css": Markup(css), "js": Markup(js)}
        self.totals = Totals()
        self.loose_pages: list[tuple[str, int, int]] = []

    def stories(self, document: dict[str, Any], index: Index | None = None) -> list[StoryRow]:
        """Write the page of every story in ``document`` (``index``: the document's, when already built)."""
        index = index or build_index(document)
        views = [build_story(record, n, index) for n, record in enumerate(dicts(document.get("stories")))]
        titles = {view.id: view for view in views}
        rows = []
        for view in views:
            self.put(view.page, self.env.get_template("story.html.j2").render(
                **self.common, by_id=index.articles, story_titles=titles, root="../", story=view))
            row = story_row(view)
            self.totals.outlets.update(row.outlet_names)
            self.totals.story_langs.update(lang for lang, _ in row.langs)
            self.totals.names.update(row.entities)
            rows.append(row)
        return rows

    def loose(self, articles: list[ArticleView], by_id: dict[str, ArticleView], last: bool) -> None:
        """Write the next page of articles in no story (``last``: no page follows it)."""
        n = len(self.loose_pages)
        first = n * ARTICLES_PER_PAGE + 1
        name = f"articles/{n + 1}.html"
        self.put(name, self.env.get_template("articles.html.j2").render(
            **self.common, by_id=by_id, story_titles={}, root="../", articles=articles, first=first,
            last=first + len(articles) - 1, prev=f"{n}.html" if n else "", next="" if last else f"{n + 2}.html"))
        self.loose_pages.append((name, first, first + len(articles) - 1))

    def index(self, rows: Iterable[StoryRow], count: int) -> Iterator[str]:
        """``index.html`` over ``count`` story rows, in pieces rendered as ``rows`` are read."""
        t = self.totals
        return self.env.get_template("index.html.j2").generate(
            **self.common, root="", stories=rows, story_count=count, article_count=t.articles,
            langs=t.langs.most_common(), loose_count=self.loose_pages[-1][2] if self.loose_pages else 0,
            loose_pages=self.loose_pages, all_outlets=_counted(t.outlets), all_langs=_counted(t.story_langs),
            all_entities=_counted(t.names), duplicates=t.duplicates, skipped=t.skipped, entity_count=t.entities,
            quote_count=t.quotes)


def render_pages(document: dict[str, Any]) -> dict[str, str]:
    """The analysis document (as written to analysis.json) as pages, by path relative to the report folder:
    ``index.html`` (the stories, to sort and filter), ``stories/<story>.html`` (one dossier each, with its
    articles) and ``articles/<n>.html`` (articles in no story, ``ARTICLES_PER_PAGE`` a page). A large run
    pages: no page holds more than one story's articles or one page of the others."""
    pages: dict[str, str] = {}
    report = Report(text(document.get("syuzhet_version")), pages.__setitem__)
    index = build_index(document)
    rows = report.stories(document, index)
    loose = [article for article in index.articles.values() if not article.stories]
    for at in range(0, len(loose), ARTICLES_PER_PAGE):
        report.loose(loose[at:at + ARTICLES_PER_PAGE], index.articles, at + ARTICLES_PER_PAGE >= len(loose))
    t = report.totals
    t.articles = len(index.articles)
    t.langs.update(article.lang or "und" for article in index.articles.values())
    t.duplicates = sum(1 for article in index.articles.values() if article.duplicate_of)
    t.skipped = list(dicts(document.get("skipped")))
    t.entities = len(index.entities)
    t.quotes = sum(len(quotes) for quotes in index.quotes.values())
    pages["index.html"] = "".join(report.index(rows, len(rows)))
    return pages


def render_report(document: dict[str, Any]) -> str:
    """Every page of the report, one after the other (for checks over all the markup); ``write_report``
    writes them as files."""
    return "\n".join(render_pages(document).values())


def clear(out_dir: Path, keep: Callable[[str], bool]) -> None:
    """Remove the pages of an earlier report in ``out_dir``'s ``stories/`` and ``articles/`` folders that
    ``keep`` (given 'stories/x.html') does not keep."""
    for folder in ("stories", "articles"):
        for old in (out_dir / folder).glob("*.html"):
            if not keep(f"{folder}/{old.name}"):
                old.unlink(missing_ok=True)


def put_file(out_dir: Path) -> Callable[[str, str], None]:
    """A ``Report.put`` that writes each page atomically under ``out_dir``."""
    def put(name: str, page: str) -> None:
        write_atomic(out_dir / name, page)
    return put


def write_report(document: dict[str, Any], out_dir: Path) -> Path:
    """Write the report's pages under ``out_dir`` (each atomically; pages of an earlier report in its
    ``stories/`` and ``articles/`` folders are removed) and return the path of ``index.html``."""
    pages = render_pages(document)
    clear(out_dir, pages.__contains__)
    for name, page in pages.items():
        put_file(out_dir)(name, page)
    return out_dir / "index.html"
