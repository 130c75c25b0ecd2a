"""What ``syuzhet analyze`` writes, read from the run's store: ``analysis.json`` and the HTML report
(``write_report_and_json``), or partitioned tables (``syuzhet.tables``). Stories are described one at a time:
each story's dossier goes into ``analysis.json`` and onto its report page before the next story is read, and
``index.html`` is rendered from the stories' rows kept on disk, so writing takes the same memory for any run."""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from syuzhet.files import write_atomic
from syuzhet.model import Article
from syuzhet.output import write_sections
from syuzhet.report.data import lang_code
from syuzhet.report.index import build_index
from syuzhet.report.render import ARTICLES_PER_PAGE, Report, StoryRow, clear, put_file
from syuzhet.store import Store
from syuzhet.store.dossiers import described, loose
from syuzhet.store.rows import entity_records
from syuzhet.store.scratch import arrived, problems


def write_report_and_json(store: Store, out_dir: Path) -> tuple[Path, Path]:
    """Write ``out_dir/analysis.json`` and the report's pages from ``store`` (a run's scratch store: its skipped
    inputs are listed too); the paths of analysis.json and index.html."""
    from syuzhet import __version__

    written: set[str] = set()
    put = put_file(out_dir)

    def keep(name: str, page: str) -> None:
        written.add(name)
        put(name, page)

    report = Report(__version__, keep)
    fd, rows_path = tempfile.mkstemp(dir=out_dir, prefix=".rows-", suffix=".jsonl")
    try:
        with os.fdopen(fd, "w+", encoding="utf-8") as rows:
            count = 0

            def stories() -> Iterator[dict[str, Any]]:
                nonlocal count
                for analysis in described(store):
                    document = {"syuzhet_version": __version__, **analysis.as_dict()}
                    for row in report.stories(document):
                        rows.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")
                        count += 1
                    yield from document["stories"]

            skipped = [{"source": p.source, "reason": p.reason, "skipped": p.skipped} for p in problems(store.db)]
            target = write_sections(out_dir / "analysis.json", __version__, [
                ("articles", (a.as_dict() for a in _in_input_order(store))),
                ("entities", entity_records(store)),
                ("quotes", (q.as_dict() for a in _in_input_order(store) for q in store.with_findings(a).quotes)),
                ("stories", stories()),
                ("skipped", skipped),
            ])
            _loose_pages(store, report)
            _totals(store, report, skipped)
            rows.seek(0)
            index = write_atomic(out_dir / "index.html", report.index((_row(line) for line in rows), count))
    finally:
        Path(rows_path).unlink(missing_ok=True)
    clear(out_dir, written.__contains__)
    return target, index


def _in_input_order(store: Store) -> Iterator[Article]:
    for article_id in arrived(store.db):
        if (article := store.get(article_id)) is not None:
            yield article


def _loose_pages(store: Store, report: Report) -> None:
    total = int(store.db.execute(
        "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article FROM story_members)").fetchone()[0])
    done = 0
    for page in loose(store, ARTICLES_PER_PAGE):
        index = build_index(page.as_dict())
        done += len(page.articles)
        report.loose(list(index.articles.values()), index.articles, last=done >= total)


def _totals(store: Store, report: Report, skipped: list[dict[str, Any]]) -> None:
    t = report.totals
    one = store.db.execute
    t.articles = int(one("SELECT count(*) FROM articles").fetchone()[0])
    t.langs = Counter()
    for lang, n in one("SELECT lang, count(*) FROM articles GROUP BY lang"):
        t.langs[lang_code(lang) or "und"] += int(n)
    t.duplicates = int(one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0])
    t.entities = int(one("SELECT count(DISTINCT entity) FROM mentions WHERE entity IS NOT NULL").fetchone()[0])
    t.quotes = int(one("SELECT count(*) FROM quotes").fetchone()[0])
    t.skipped = skipped


def _row(line: str) -> StoryRow:
    record = json.loads(line)
    return StoryRow(record["page"], record["title"], record["fact"], record["size"],
                    [(str(name), bool(known)) for name, known in record["outlets"]],
                    [(str(lang), int(n)) for lang, n in record["langs"]], (record["dates"][0], record["dates"][1]),
                    record["entities"])
