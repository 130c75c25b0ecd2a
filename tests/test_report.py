"""The HTML report: markup and escaping checked in Python, then the page in real headless Chromium
(/usr/bin/chromium via Playwright): no console errors, no request to any host, seeds' five sources shown,
hostile article text shown as text and never run."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from syuzhet.report import render_pages, render_report, write_report
from syuzhet.report.render import csp_hash
from syuzhet.report.spans import Span, highlight
from tests.report_fixture import hostile_document

VOID = {"meta", "br", "wbr", "input", "img", "link", "hr", "circle", "line"}


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
    text = "Кулаев <b>сказал</b> & ушёл «домой»."
    html = highlight(text, 0, len(text), spans)
    checker = check(f"<p>{html}</p>")
    assert "".join(checker.text) == text
    assert html.count('id="q1"') <= 1


def test_mentions_inside_quotes_across_blocks() -> None:
    text = "Заголовок\n\n«Путин и Кулаев подписали» — сказал Песков."
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
    assert checker.tags.count("script") == len(render_pages(hostile_document()))  # ours, one per page
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
    assert "oops" not in page  # a field of the wrong type is left out, never shown raw


def test_key_facts_blind_spots_and_loose_articles_on_their_pages() -> None:
    a1 = minimal_article("a1", "Визит Кулаева в Москву.", outlet="РИА")
    a2 = minimal_article("a2", "Визит Кулаева в Москву.", outlet="ТАСС", duplicate_of="a1")
    a3 = minimal_article("a3", "Погода в Астане.", outlet="Tengri")
    facts = [{"text": "Подписана декларация", "articles": ["a1", "a2"], "sources": ["РИА", "ТАСС"],
              "disagreements": [{"unit": "документ", "values": {"14": ["a1"], "15": ["a2"]}}]},
             {"text": "12 ноября", "articles": ["a2"], "sources": ["ТАСС"], "detail_of": 0,
              "value": {"unit": "date", "value": "11-12"}},
             {"text": "Подписано 14 документов", "articles": ["a1"], "sources": ["РИА"]}]
    story = {"id": "s1", "title": "Визит", "articles": ["a1", "a2"], "facts": facts,
             "summary": [{"text": "Был визит.", "articles": ["a1", "a3"]}],
             "blind_spots": [{"scope": "outlet", "name": "РИА", "only_here": [{"fact": 2, "text": facts[2]["text"]}],
                              "missing": []}],
             "framing": [{"scope": "outlet", "outlet": "ТАСС", "distinctive": [{"word": "исторический", "count": 2}],
                          "actors": [{"name": "Асан-Жомарт Кулаев", "mentions": 2, "only_here": True}],
                          "tone": [{"name": "Россия", "score": 1.0, "positive": 2, "negative": 0}]}],
             "timeline": [{"date": "2025-11-12", "text": "Прилёт", "articles": ["a1"]}]}
    pages = render_pages(document([a1, a2, a3], stories=[story]))
    assert set(pages) == {"index.html", "stories/story-s1.html", "articles/1.html"}
    for page in pages.values():
        check(page)
    dossier = pages["stories/story-s1.html"]
    facts_part = dossier.split('id="facts"', 1)[1].split('id="blind-spots"', 1)[0]
    assert facts_part.count('<li class="fact') == 2  # the detail sits under its fact
    assert "2 of 2 outlets" in facts_part and "РИА, ТАСС" in facts_part and "1 of 2 outlets" in facts_part
    assert "12.11" in facts_part and "outlets disagree" in facts_part and "14 (РИА) vs 15 (ТАСС)" in facts_part
    assert "Подписано 14 документов" in dossier.split('id="blind-spots"', 1)[1].split('id="framing"', 1)[0]
    assert "исторический" in dossier and "warm" in dossier
    assert "cited, not in story" in dossier  # a3 cited by the summary
    assert "#article-a3" not in pages["index.html"] and "articles/1.html" in pages["index.html"]
    assert 'id="article-a3"' in pages["articles/1.html"] and 'id="article-a1"' not in pages["articles/1.html"]
    assert "duplicate of" in dossier and "reprinted by" in dossier


def test_a_large_run_pages_instead_of_inlining(tmp_path: Path) -> None:
    articles = [minimal_article(f"a{n}", f"Новость номер {n} о погоде в городе.", outlet=f"O{n % 7}")
                for n in range(250)]
    stories = [{"id": f"s{n}", "title": f"Сюжет {n}", "articles": [f"a{n}", f"a{n + 100}"]} for n in range(40)]
    index = write_report(document(articles, stories=stories), tmp_path / "out")
    pages = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.html"))
    assert len([p for p in pages if p.startswith("stories/")]) == 40
    assert [p for p in pages if p.startswith("articles/")] == ["articles/1.html", "articles/2.html"]  # 170 loose
    sizes = {p: (tmp_path / "out" / p).stat().st_size for p in pages}
    assert max(sizes, key=lambda p: sizes[p]) != "index.html" or sizes["index.html"] < 200_000
    body = index.read_text(encoding="utf-8")
    assert body.count('class="story-row"') == 40 and "Новость номер 249" not in body
    write_report(document(articles[:2], stories=stories[:1]), tmp_path / "out")  # a smaller report after it
    assert sorted(p.name for p in (tmp_path / "out" / "stories").glob("*.html")) == ["story-s0.html"]
