"""The report in real headless Chromium (Debian's /usr/bin/chromium via Playwright), at 1400 and 390 px wide:
no console errors, no request to any host, hostile text never runs, and the layout holds: nothing wider than
the window, no table wider than its box, no empty rows, no fact taller than a few lines, at most 20 key facts
before the fold, no internal key or id on the page, pages of bounded height. The index stays usable with
hundreds of stories (filter by outlet, language and name; sort). Screenshots of every page checked go to
``test-artifacts/report/`` (or ``$SYUZHET_ARTIFACTS/report/``)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from syuzhet.report import write_report
from tests.conftest import SEEDS
from tests.report_fixture import ensure_seed_story, hostile_document, seed_document
from tests.test_report import document, minimal_article

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(os.environ.get("SYUZHET_ARTIFACTS") or Path(__file__).resolve().parents[1] / "test-artifacts")
WIDTHS = [1400, 390]
MAX_FACT_HEIGHT = {1400: 260, 390: 700}  # px: a fact with its outlets and details, never a wall of space
MAX_PAGE_HEIGHT = {1400: 10000, 390: 20000}  # px, a story page with its articles closed (seeds: was ~30,000)
INTERNAL = re.compile(r"(?<![\w-])(?:[tn]:[а-яёa-z]|(?:PER|LOC|ORG|EVT|PRO)-[a-z])")

LAYOUT = """() => {
  const width = window.innerWidth;
  const folded = el => { const d = el.closest('details:not([open])'); return d && !el.closest('summary'); };
  const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && !folded(el); };
  const name = el => el.tagName.toLowerCase()
    + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '');
  const all = Array.from(document.querySelectorAll('main *')).filter(shown);
  return {
    overflow: document.documentElement.scrollWidth - width,
    wide: all.filter(el => el.getBoundingClientRect().right > width + 1 && !el.closest('svg')).map(name).slice(0, 5),
    clipped: Array.from(document.querySelectorAll('main table')).filter(shown)
      .filter(t => t.scrollWidth > t.parentElement.clientWidth + 1).map(name),
    empty: all.filter(el => ['TR', 'LI', 'DD', 'P'].includes(el.tagName) && !el.innerText.trim()
      && !el.querySelector('svg')).map(name).slice(0, 5),
    facts: Array.from(document.querySelectorAll('li.fact')).filter(shown).map(el => el.getBoundingClientRect().height),
    height: document.documentElement.scrollHeight,
    text: document.body.innerText,
  };
}"""


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
        if os.environ.get("CI"):
            pytest.fail("no /usr/bin/chromium under CI (apt-get install -y chromium)")
        pytest.skip("no /usr/bin/chromium (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (pip) is not installed")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
            headless=True, viewport={"width": 1400, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


def open_page(context: Any, path: Path, width: int = 1400) -> Loaded:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
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
    page.wait_for_timeout(150)
    return loaded


def assert_offline_and_clean(loaded: Loaded, path: Path) -> None:
    assert loaded.console_errors == []
    assert loaded.blocked == []
    assert loaded.requests == [path.as_uri()], loaded.requests


def screenshot(loaded: Loaded, name: str) -> None:
    target = ARTIFACTS / "report" / f"{name}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    loaded.page.screenshot(path=str(target), full_page=True)


def assert_layout(loaded: Loaded, width: int) -> dict[str, Any]:
    layout: dict[str, Any] = loaded.page.evaluate(LAYOUT)
    assert layout["overflow"] <= 0, layout["wide"]
    assert layout["wide"] == []
    assert layout["clipped"] == []
    assert layout["empty"] == []
    assert not INTERNAL.search(layout["text"]), INTERNAL.search(layout["text"])
    assert all(h <= MAX_FACT_HEIGHT[width] for h in layout["facts"]), max(layout["facts"])
    return layout


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    if not SEEDS.exists():
        pytest.skip("../shared is not beside the repository")
    doc = seed_document()
    story = ensure_seed_story(doc)
    return write_report(doc, tmp_path_factory.mktemp("seed-report")), story


@pytest.mark.parametrize("width", WIDTHS)
def test_seed_story_page_reads_at_both_widths(browser_context: Any, seed_report: tuple[Path, dict[str, Any]],
                                              width: int) -> None:
    index, story = seed_report
    story_page = index.parent / "stories" / f"story-{story['id']}.html"
    loaded = open_page(browser_context, story_page, width)
    assert_offline_and_clean(loaded, story_page)
    layout = assert_layout(loaded, width)
    screenshot(loaded, f"seeds-story-{width}")
    assert layout["height"] <= MAX_PAGE_HEIGHT[width]
    page = loaded.page
    assert page.locator("#facts ~ ol.facts > li").count() <= 20  # the rest under the 'more' fold
    assert page.locator("details.doc").count() == 5
    for section in ("summary", "facts", "blind-spots", "framing", "timeline", "quotes", "network"):
        assert page.locator(f"#{section}").is_visible()
    first = page.locator("a.cite").first
    target = first.get_attribute("href")
    first.click()
    assert page.locator(f"details.doc{target}").get_attribute("open") is not None  # the cited article opens
    page.close()
    loaded = open_page(browser_context, index, width)
    assert_offline_and_clean(loaded, index)
    assert_layout(loaded, width)
    screenshot(loaded, f"seeds-index-{width}")
    loaded.page.close()


def many_stories(count: int) -> dict[str, Any]:
    """A document of ``count`` stories over 12 outlets, 3 languages and 9 names (made up here)."""
    langs = ["ru", "uk", "kk"]
    articles, entities, stories = [], [], []
    for n in range(count * 2):
        text = f"Заголовок номер {n}\n\nСообщение номер {n} о событии в городе."
        articles.append(minimal_article(f"a{n}", text, outlet=f"Outlet {n % 12}", lang=langs[n % 3],
                                        date=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"))
    for k in range(9):
        mentions = [{"article": f"a{n}", "start": 0, "end": 9, "text": "Заголовок"} for n in range(k, count * 2, 9)]
        entities.append({"id": f"e{k}", "name": f"Имя {k}", "type": "PER", "mentions": mentions})
    for s in range(count):
        stories.append({"id": f"s{s}", "title": f"Сюжет {s:03d}", "articles": [f"a{2 * s}", f"a{2 * s + 1}"],
                        "facts": [{"text": f"Факт {s}", "articles": [f"a{2 * s}"]}]})
    return document(articles, entities=entities, stories=stories)


@pytest.mark.parametrize("width", WIDTHS)
def test_index_with_hundreds_of_stories_filters_and_sorts(browser_context: Any, tmp_path: Path, width: int) -> None:
    doc = many_stories(300)
    index = write_report(doc, tmp_path)
    loaded = open_page(browser_context, index, width)
    assert_offline_and_clean(loaded, index)
    page = loaded.page
    rows = page.locator("tr.story-row")
    assert rows.count() == 300
    assert "300 of 300 stories" in page.locator("#shown").inner_text()

    def visible() -> int:
        return int(page.locator("#shown").inner_text().split()[0])

    page.select_option("#f-outlet", "Outlet 3")  # articles 3, 15, 27, ...: every sixth story
    expected = sum(1 for s in doc["stories"] if any(int(a[1:]) % 12 == 3 for a in s["articles"]))
    assert visible() == expected == page.locator("tr.story-row:visible").count()
    page.select_option("#f-lang", "kk")
    both = sum(1 for s in doc["stories"] if any(int(a[1:]) % 12 == 3 for a in s["articles"])
               and any(int(a[1:]) % 3 == 2 for a in s["articles"]))
    assert visible() == both
    page.select_option("#f-outlet", "")
    page.select_option("#f-lang", "")
    page.select_option("#f-entity", "Имя 4")
    named = sum(1 for s in doc["stories"] if any(int(a[1:]) % 9 == 4 for a in s["articles"]))
    assert 0 < visible() == named < 300
    page.select_option("#f-entity", "")
    page.fill("#q", "сюжет 29")
    assert visible() == sum(1 for s in doc["stories"] if "29" in s["title"]) == 13  # 029, 129, 229, 290-299
    page.fill("#q", "")
    page.select_option("#sort", "title")
    assert page.locator("tr.story-row").first.locator(".s-title a").inner_text() == "Сюжет 000"
    page.select_option("#sort", "date")
    dates = page.locator("tr.story-row").evaluate_all("rows => rows.map(r => r.dataset.date)")
    assert dates == sorted(dates, reverse=True)
    assert_layout(loaded, width)
    page.set_viewport_size({"width": width, "height": 2400})
    page.screenshot(path=str(_artifact(f"index-300-stories-{width}")))  # the top of it: full page is long
    page.close()


def big_story(articles: int = 60, outlets: int = 45) -> dict[str, Any]:
    """A made-up story the size of a big event: 60 articles from 45 outlets in three languages, 80 facts, a
    blind-spot and a framing record per outlet, 30 speakers."""
    langs = ["ru", "uk", "en"]
    arts = [minimal_article(f"b{n}", f"Заголовок {n}\n\n" + "Текст сообщения о событии. " * 30,
                            outlet=f"outlet-{n % outlets}.example", lang=langs[n % 3], title=f"Заголовок {n}")
            for n in range(articles)]
    ids = [a["id"] for a in arts]
    names = sorted({a["outlet"] for a in arts})
    facts = [{"text": f"Факт номер {n}: стороны сообщили о событии в городе и назвали число {n}.",
              "articles": ids[: max(1, 40 - n)], "sources": names[: max(1, 30 - n)]} for n in range(80)]
    item = [{"fact": n, "text": facts[n]["text"], "outlets": 3} for n in range(8)]
    story = {
        "id": "big", "title": "Большой сюжет", "articles": ids, "facts": facts,
        "summary": [{"text": f["text"], "articles": f["articles"]} for f in facts[:6]],
        "blind_spots": [{"scope": "outlet", "name": o, "only_here": item, "missing": item, "only_here_total": 8,
                         "missing_total": 8} for o in names],
        "framing": [{"scope": "outlet", "outlet": o, "articles": ids[:2], "distinctive": [{"word": "слово"}] * 6,
                     "actors": [{"name": "Имя Фамилия", "mentions": 3}] * 6,
                     "tone": [{"name": "Имя Фамилия", "score": 0.5, "positive": 2, "negative": 1}]} for o in names],
        "timeline": [{"date": f"2025-11-{1 + n:02d}", "text": f"Событие {n}", "articles": ids[:1]} for n in range(25)],
    }
    quotes = [{"article": ids[n % articles], "speaker": None, "speaker_text": f"Спикер {n}", "kind": "direct",
               "text": "Длинная цитата о событии. " * 20, "start": 0, "end": 5} for n in range(30)]
    return document(arts, stories=[story], quotes=quotes)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_story_of_many_outlets_stays_readable(browser_context: Any, tmp_path: Path, width: int) -> None:
    write_report(big_story(), tmp_path)
    path = tmp_path / "stories" / "story-big.html"
    loaded = open_page(browser_context, path, width)
    assert_offline_and_clean(loaded, path)
    layout = assert_layout(loaded, width)
    screenshot(loaded, f"big-story-{width}")
    assert layout["height"] <= MAX_PAGE_HEIGHT[width]
    page = loaded.page
    assert page.locator("#facts ~ ol.facts > li").count() == 20
    # a fact's long lists of citations and outlets fold inside its own line, not after it (a <details> inside a
    # <p> would end the paragraph)
    first = page.locator("#facts ~ ol.facts > li").first
    assert first.locator(".fact-text > .cites > details.more.inline").count() == 1
    assert first.locator(".fact-meta > details.more.inline").count() == 1
    assert first.locator(".fact-text a.cite:visible").count() == 10
    assert page.locator("#blind-spots ~ .cards").first.locator(".card").count() == 6
    page.close()


def _artifact(name: str) -> Path:
    target = ARTIFACTS / "report" / f"{name}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def test_hostile_article_is_shown_as_text_and_never_runs(browser_context: Any, tmp_path: Path) -> None:
    index = write_report(hostile_document(), tmp_path)
    pages = [index, *sorted((tmp_path / "stories").glob("*.html"))]
    assert len(pages) == 2
    for path in pages:
        loaded = open_page(browser_context, path)
        page = loaded.page
        page.wait_for_timeout(200)
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert loaded.dialogs == []
        assert_offline_and_clean(loaded, path)
        if path != index:
            body = page.locator("details.doc").first.text_content() or ""
            assert "<script>window.__xss = 1; alert(1)</script>" in body
            assert '<img src=x onerror="window.__xss = 2">' in body
            assert page.locator("details.doc img, details.doc script, main script").count() == 0
        page.close()


def test_clicking_a_name_highlights_it_in_the_opened_article(browser_context: Any, tmp_path: Path) -> None:
    text = "Кулаев прилетел в Москву. Путин встретил Кулаева."
    doc = document(
        [minimal_article("a1", text, outlet="РИА")],
        entities=[{"id": "tok", "name": "Асан-Жомарт Кулаев", "type": "PER", "mentions": [
            {"article": "a1", "start": 0, "end": 6, "text": "Кулаев"},
            {"article": "a1", "start": text.index("Кулаева"), "end": len(text) - 1, "text": "Кулаева"}]},
            {"id": "put", "name": "Владимир Путин", "type": "PER", "mentions": [
                {"article": "a1", "start": text.index("Путин"), "end": text.index("Путин") + 5, "text": "Путин"}]}],
        stories=[{"id": "s1", "title": "Визит", "articles": ["a1"], "summary": [], "facts": [], "timeline": []}],
    )
    write_report(doc, tmp_path)
    path = tmp_path / "stories" / "story-s1.html"
    loaded = open_page(browser_context, path)
    page = loaded.page
    page.locator("svg.graph .node[data-entity='e-tok']").click()
    assert page.locator(".m.focus").count() == 2
    assert page.locator("details.doc").first.get_attribute("open") is not None
    assert "2 mentions" in page.locator("#focus-bar").inner_text()
    page.locator("#show-names").uncheck()
    background = page.locator("#article-a1 .m").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background in ("rgba(0, 0, 0, 0)", "transparent")
    assert_offline_and_clean(loaded, path)
    page.close()
