"""Readers and bad input: each bad file gives one clear line naming it, and the batch goes on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from syuzhet.model import Article
from syuzhet.pipeline import analyze
from syuzhet.problems import Problem
from syuzhet.readers import read

TEXT = (
    "Президент Казахстана прибыл в Москву\n\n"
    "Переговоры президентов прошли в Кремле и завершились подписанием декларации о союзничестве. "
    "Стороны договорились о сотрудничестве в энергетике, транспорте и образовании.\n"
)


def items(*inputs: str | Path, max_bytes: int = 50 * 1024 * 1024) -> list[Article | Problem]:
    return list(read([str(i) for i in inputs], max_bytes))


def problems(found: list[Article | Problem]) -> dict[str, str]:
    return {p.source: p.reason for p in found if isinstance(p, Problem)}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8_r", "utf-16"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode(encoding))
    [article] = items(path)
    assert isinstance(article, Article)
    assert article.raw.replace("\r", "").lstrip("\ufeff") == TEXT


def make_bad_inputs(tmp: Path) -> dict[str, str]:
    """Bad inputs, each with a word its reason must contain."""
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "blank.txt").write_text("  \n\n  ")
    (tmp / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    (tmp / "noise.bin").write_bytes(bytes(range(256)) * 40)
    with open(tmp / "huge.txt", "wb") as handle:  # sparse: 200 MB on paper, no disk used
        handle.truncate(200 * 1024 * 1024)
    (tmp / "nothing.html").write_text("<html><head><title>x</title></head><body><nav>Menu</nav></body></html>")
    (tmp / "dangling.txt").symlink_to(tmp / "gone.txt")
    return {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "image.txt": "PNG",
        "noise.bin": "binary",
        "huge.txt": "too large",
        "nothing.html": "no article text",
        "dangling.txt": "cannot read",
        "missing.txt": "no such file",
    }


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    expected = make_bad_inputs(tmp_path)
    (tmp_path / "good.txt").write_text(TEXT)
    result = analyze([str(tmp_path), str(tmp_path / "missing.txt")])
    reasons = {p.source: p.reason for p in result.problems}
    for name, word in expected.items():
        assert word in reasons[str(tmp_path / name)], (name, reasons)
    assert [a.source for a in result.articles] == [str(tmp_path / "good.txt")]


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(TEXT.encode() + b"\xff\xfe\xfa tail")
    found = items(path)
    warning = next(p for p in found if isinstance(p, Problem))
    assert not warning.skipped and "invalid UTF-8" in warning.reason
    article = next(a for a in found if isinstance(a, Article))
    assert "Переговоры президентов" in article.raw


def test_jsonl_items_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = {"text": TEXT, "title": "Заголовок", "date": "2025-11-12", "url": "https://example.kz/a", "outlet": "Ex"}
    path.write_text("\n".join([json.dumps(good, ensure_ascii=False), "{not json", json.dumps({"x": 1}),
                               json.dumps([1, 2])]))
    found = items(path)
    [article] = [a for a in found if isinstance(a, Article)]
    assert article.source == f"{path}#1"
    assert article.hints["outlet"] == "Ex" and article.hints["date"] == "2025-11-12"
    reasons = problems(found)
    assert "not valid JSON" in reasons[f"{path}#2"]
    assert "no non-empty" in reasons[f"{path}#3"]
    assert "not a JSON object" in reasons[f"{path}#4"]


def test_rss_feed_items(tmp_path: Path) -> None:
    path = tmp_path / "news.xml"
    path.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Пример Новости</title><language>ru</language>
<item><title>Первая новость</title><link>https://example.ru/1</link>
<pubDate>Wed, 12 Nov 2025 10:00:00 +0300</pubDate>
<description>&lt;p&gt;Переговоры прошли в Кремле.&lt;/p&gt;&lt;p&gt;Подписана декларация.&lt;/p&gt;</description></item>
<item><title>Пустая</title><link>https://example.ru/2</link><description></description></item>
</channel></rss>""",
        encoding="utf-8",
    )
    found = items(path)
    [article] = [a for a in found if isinstance(a, Article)]
    assert article.source == f"{path}#1"
    assert article.hints["title"] == "Первая новость" and article.hints["date"] == "2025-11-12"
    assert article.hints["outlet"] == "Пример Новости"
    assert article.raw == "Переговоры прошли в Кремле.\n\nПодписана декларация."
    assert "no text" in problems(found)[f"{path}#2"]


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "news.atom"
    path.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title>
<entry><title>Новина</title><link href="https://example.ua/1"/><updated>2025-11-12T08:00:00Z</updated>
<author><name>Олена Коваленко</name></author>
<content type="html">&lt;p&gt;Президенти підписали декларацію у Кремлі.&lt;/p&gt;</content></entry></feed>""",
        encoding="utf-8",
    )
    [article] = items(path)
    assert isinstance(article, Article)
    assert article.hints["author"] == "Олена Коваленко" and article.hints["url"] == "https://example.ua/1"


def test_glob_and_folder_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden/d.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(TEXT)
    assert [a.source for a in items(tmp_path)] == [str(tmp_path / n) for n in ("a.txt", "b.txt", "sub/c.txt")]
    assert [a.source for a in items(tmp_path / "*.txt")] == [str(tmp_path / n) for n in ("a.txt", "b.txt")]
    assert "no file matches" in problems(items(tmp_path / "*.nope"))[str(tmp_path / "*.nope")]


def test_html_page_through_the_pipeline(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>Президент Казахстана провёл переговоры в Москве, абзац {n}, и подписал декларацию о союзничестве.</p>"
        for n in range(4)
    )
    page = (
        '<html lang="ru"><head><meta charset="windows-1251"><title>Визит в Москву | Пример</title>'
        '<meta property="og:site_name" content="Пример.kz">'
        '<meta property="article:published_time" content="2025-11-12T10:00:00+05:00">'
        '<link rel="canonical" href="https://example.kz/news/1"></head><body>'
        "<nav><a href='/'>Главная</a><a href='/news'>Новости</a></nav>"
        f"<article><h1>Визит в Москву</h1>{paragraphs}<h2>Итоги переговоров</h2>{paragraphs}</article>"
        "<footer>© 2025 Пример</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1251"))
    [article] = analyze([str(path)]).articles
    assert article.title == "Визит в Москву"
    assert (article.date, article.outlet, article.url, article.lang) == (
        "2025-11-12", "Пример.kz", "https://example.kz/news/1", "ru")
    headings = [article.text[b.start:b.end] for b in article.blocks if b.kind == "heading"]
    assert headings == ["Итоги переговоров"]
    assert "Главная" not in article.text and "©" not in article.text


def test_gzipped_input_and_broken_gzip(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(TEXT.encode("cp1251")))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(TEXT.encode())[:30])
    found = items(tmp_path)
    [article] = [a for a in found if isinstance(a, Article)]
    assert article.raw == TEXT
    assert "broken gzip" in problems(found)[str(tmp_path / "b.txt.gz")]
