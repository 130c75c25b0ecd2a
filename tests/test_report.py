"""The HTML report: markup and escaping checked in Python, then the page in real headless Chromium
(/usr/bin/chromium via Playwright): no console errors, no request to any host, seeds' five sources shown,
hostile article text shown as text and never run."""

from __future__ import annotations

import copy
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from syuzhet.report import render_report, write_report
from syuzhet.report.render import csp_hash
from syuzhet.report.spans import Span, highlight
from tests.conftest import SEEDS
from tests.report_fixture import ensure_seed_story, hostile_document, seed_document

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VOID = {"meta", "br", "input", "img", "link", "hr", "circle", "line"}


class _Checker(HTMLParser):
    """Collects tags and attributes; fails on mismatched end tags (spans must nest properly)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, name, value or "") for name, value in attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, name, value or "") for name, value in attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert not checker.errors, checker.errors[:5]
    assert not checker.stack, checker.stack
    return checker


def minimal_article(article_id: str, text: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": article_id, "source": f"{article_id}.txt", "outlet": None, "url": None, "lang": "ru", "date": None,
        "title": None, "subtitle": None, "author": None, "photo_credit": None, "text": text, "blocks": [],
        "duplicate_of": None, **extra,
    }


def document(articles: list[Any], **parts: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"syuzhet_version": "test", "articles": articles, "entities": [], "quotes": [],
                            "stories": [], "skipped": []}
    base.update(parts)
    return base


# --- markup, in Python -------------------------------------------------------------------------------------


@pytest.mark.parametrize("spans", [
    [Span(0, 10, "a"), Span(5, 15, "b")],                     # crossing
    [Span(0, 20, "q"), Span(3, 8, "m"), Span(3, 8, "n")],     # nested, equal bounds
    [Span(2, 6, "m"), Span(0, 30, "q", anchor="q1"), Span(4, 25, "x"), Span(25, 99, "y")],
    [Span(-5, 3, "m"), Span(8, 8, "empty"), Span(12, 5, "backwards")],
])
def test_highlight_is_well_formed_and_keeps_the_text(spans: list[Span]) -> None:
    text = "Токаев <b>сказал</b> & ушёл «домой»."
    html = highlight(text, 0, len(text), spans)
    checker = check(f"<p>{html}</p>")
    assert "".join(checker.text) == text
    assert html.count('id="q1"') <= 1


def test_mentions_inside_quotes_across_blocks() -> None:
    text = "Заголовок\n\n«Путин и Токаев подписали» — сказал Песков."
    para = text.index("«")
    doc = document(
        [minimal_article("a1", text, blocks=[
            {"start": 0, "end": 9, "kind": "title", "lang": "ru"},
            {"start": para, "end": len(text), "kind": "paragraph", "lang": "ru"}])],
        entities=[{"id": "e1", "name": "Владимир Путин", "type": "PER", "mentions": [
            {"article": "a1", "start": para + 1, "end": para + 6, "text": "Путин"}]},
            {"id": "e2", "name": "Песков", "type": "PER", "mentions": [
                {"article": "a1", "start": text.index("Песков"), "end": len(text) - 1, "text": "Песков"}]}],
        # a quote crossing the block boundary and overlapping a mention
        quotes=[{"article": "a1", "speaker": "e2", "speaker_text": "Песков", "kind": "direct",
                 "text": "...", "start": 3, "end": para + 10}],
    )
    page = render_report(doc)
    check(page)
    assert '<h3 class="a-title" lang="ru">' in page
    assert page.count('id="q-a1-0"') == 1
    assert 'data-entity="e-e1"' in page


def test_hostile_strings_are_escaped_everywhere() -> None:
    page = render_report(hostile_document())
    checker = check(page)
    assert checker.tags.count("script") == 1  # ours
    assert checker.tags.count("img") == 0
    assert "&lt;script&gt;window.__xss = 1" in page
    for tag, name, value in checker.attrs:
        assert not name.startswith("on"), (tag, name, value)
        if name in ("href", "src"):
            assert not value.lower().startswith(("javascript:", "data:")), value
    assert "javascript:alert(5)" not in page
    assert "onmouseover" not in page.replace("onmouseover=&#34;", "")


def test_csp_allows_exactly_our_inline_style_and_script() -> None:
    page = render_report(document([minimal_article("a1", "Текст статьи про визит.")]))
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert found
    csp = html.unescape(found.group(1))
    assert "default-src 'none'" in csp
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert style and script
    assert csp_hash(style.group(1)) in csp
    assert csp_hash(script.group(1)) in csp
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", page)  # nothing to fetch from any host


def test_missing_fields_and_odd_types_are_tolerated(tmp_path: Path) -> None:
    articles: list[Any] = [
        minimal_article("a1", "Первый абзац.\n\nВторой абзац."), {"id": "a2", "text": 5, "blocks": "x"},
        {"text": "no id"}, "not a dict",
    ]
    doc = document(
        articles, stories=[{"id": "s1"}, {"articles": ["a1", "missing"], "summary": "oops", "facts": [1, None],
                                          "timeline": ["a string", {"when": "2025-11-12"}], "outlets": ["A", "B"]}],
        entities=[{"mentions": [{"article": "a1", "start": "0", "end": 3}]}], quotes=[{"article": 3}],
        skipped=[{"source": "bad.bin"}],
    )
    target = write_report(doc, tmp_path / "report")
    assert target == tmp_path / "report" / "index.html"
    page = target.read_text(encoding="utf-8")
    check(page)
    assert "Первый абзац." in page and "bad.bin" in page
    assert "outlets" in page  # an unknown story field is still shown


def test_loose_articles_duplicates_and_claims_matrix() -> None:
    a1 = minimal_article("a1", "Визит Токаева в Москву.", outlet="РИА")
    a2 = minimal_article("a2", "Визит Токаева в Москву.", outlet="ТАСС", duplicate_of="a1")
    a3 = minimal_article("a3", "Погода в Астане.", outlet="Tengri")
    story = {"id": "s1", "title": "Визит", "articles": ["a1", "a2"], "summary": [{"text": "Был визит.",
             "articles": ["a1", "a3"]}],
             "facts": [{"text": "Подписано 14 документов", "articles": ["a1"]},
                       {"text": "Визит был", "articles": ["a1", "a2"], "disputed_by": ["a2"]},
                       {"text": "Число документов", "articles": ["a1", "a2"],
                        "variants": [{"text": "14", "articles": ["a1"]}, {"text": "15", "articles": ["a2"]}]}],
             "timeline": [{"date": "2025-11-12", "text": "Прилёт", "articles": ["a1"]}]}
    page = render_report(document([a1, a2, a3], stories=[story]))
    check(page)
    unassigned = page.split('id="unassigned"', 1)[1].split("</ul>", 1)[0]
    assert "#article-a3" in unassigned and "#article-a1" not in unassigned
    assert "duplicate of" in page and "reprinted as" in page
    matrix = page.split('class="matrix"', 1)[1].split("</table>", 1)[0]
    assert matrix.count("single source") == 2  # 'Подписано…' by РИА only; 'Визит был' asserted by РИА only
    assert matrix.count('badge disputed') == 2
    assert 'class="cell dispute"' in matrix and 'class="cell variant"' in matrix
    assert "cited, not in story" in page  # a3 cited by the summary


# --- the page in real headless Chromium ---------------------------------------------------------------------


@dataclass
class Loaded:
    page: Any
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (apt-get install -y chromium chromium-driver)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (pip) is not installed")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
            headless=True, viewport={"width": 1280, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


def open_page(context: Any, path: Path) -> Loaded:
    page = context.new_page()
    loaded = Loaded(page)
    page.on("console", lambda m: loaded.console_errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: loaded.console_errors.append(f"pageerror: {e}"))
    page.on("request", lambda r: loaded.requests.append(r.url))

    def dialog(d: Any) -> None:
        loaded.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)

    def block(route: Any) -> None:
        loaded.blocked.append(route.request.url)
        route.abort()

    page.route(re.compile(r"^(?!file:).*"), block)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)
    return loaded


def assert_offline_and_clean(loaded: Loaded, path: Path) -> None:
    assert loaded.console_errors == []
    assert loaded.blocked == []
    assert loaded.requests == [path.as_uri()], loaded.requests


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    if not SEEDS.exists():
        pytest.skip("../shared is not beside the repository")
    doc = seed_document()
    story = ensure_seed_story(doc)  # the pipeline's story once it makes one; a marked fixture story until then
    return write_report(doc, tmp_path_factory.mktemp("seed-report")), story


def test_seed_report_shows_five_sources(browser_context: Any, seed_report: tuple[Path, dict[str, Any]]) -> None:
    path, story = seed_report
    loaded = open_page(browser_context, path)
    assert_offline_and_clean(loaded, path)
    page = loaded.page
    story_id = page.locator("section.story").filter(has_text=story["title"] or "").first.get_attribute("id")
    rows = page.locator(f"#{story_id} table.sources tbody tr")
    assert rows.count() == 5
    links = rows.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    for href in links:
        assert page.locator(href).count() == 1  # every source links to its article's section
    assert page.locator("article.doc").count() == 5
    page.close()


def test_hostile_article_is_shown_as_text_and_never_runs(browser_context: Any, tmp_path: Path) -> None:
    path = write_report(hostile_document(), tmp_path)
    loaded = open_page(browser_context, path)
    page = loaded.page
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert loaded.dialogs == []
    assert_offline_and_clean(loaded, path)  # not even the <img src=x> was requested
    body = page.locator("article.doc").first.inner_text()
    assert "<script>window.__xss = 1; alert(1)</script>" in body
    assert '<img src=x onerror="window.__xss = 2">' in body
    assert page.locator("article.doc img, article.doc script, main script").count() == 0
    page.close()


def test_enhancements_filter_and_name_focus(browser_context: Any, tmp_path: Path) -> None:
    text = "Токаев прилетел в Москву. Путин встретил Токаева."
    doc = document(
        [minimal_article("a1", text, outlet="РИА"), minimal_article("a2", "Погода в Астане хорошая.")],
        entities=[{"id": "tok", "name": "Касым-Жомарт Токаев", "type": "PER", "mentions": [
            {"article": "a1", "start": 0, "end": 6, "text": "Токаев"},
            {"article": "a1", "start": text.index("Токаева"), "end": len(text) - 1, "text": "Токаева"}]},
            {"id": "put", "name": "Владимир Путин", "type": "PER", "mentions": [
                {"article": "a1", "start": text.index("Путин"), "end": text.index("Путин") + 5, "text": "Путин"}]}],
        stories=[{"id": "s1", "title": "Визит", "articles": ["a1"], "summary": [], "facts": [], "timeline": []}],
    )
    path = write_report(copy.deepcopy(doc), tmp_path)
    loaded = open_page(browser_context, path)
    page = loaded.page
    page.locator("svg.graph .node[data-entity='e-tok']").click()
    assert page.locator(".m.focus").count() == 2
    assert "2 mentions" in page.locator("#focus-bar").inner_text()
    page.locator("#filter").fill("погода")
    assert page.locator("#article-a1").is_hidden() and page.locator("#article-a2").is_visible()
    page.locator("#filter").fill("")
    page.locator("#show-names").uncheck()
    background = page.locator("#article-a1 .m").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background in ("rgba(0, 0, 0, 0)", "transparent")
    assert_offline_and_clean(loaded, path)
    page.close()
