"""Command line: ``syuzhet analyze``, ``ingest``, ``articles``, ``search``, ``stories``, ``entities``, ``quotes``,
``serve`` (also ``python -m syuzhet``)."""

from __future__ import annotations

import json
import math
import os
import sqlite3
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from syuzhet.api.command import serve, token
from syuzhet.bounds import DEFAULT_MAX_SECONDS
from syuzhet.engine import ENGINES, Engine, make_engine
from syuzhet.engine.collector import fewer_collections
from syuzhet.flow import STORAGE, Tally, ingest_stream, run_store
from syuzhet.model import Article
from syuzhet.output import analysis_document, write_analysis
from syuzhet.pipeline import Analysis, stream
from syuzhet.problems import Problem
from syuzhet.store import Store, StoreError
from syuzhet.stories import describe_stories, explain_story
from syuzhet.stories.outlets import outlet_of
from syuzhet.text import one_line
from syuzhet.views import by_speaker, count_mentions, entity_rows

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
out = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, highlight=False, soft_wrap=True)

Inputs = Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs, or '-' for stdin.")]
DbOption = Annotated[Path, typer.Option("--db", help="SQLite store file.")]
Explain = Annotated[bool, typer.Option(
    "--explain", help="Show which rules decided: cleaning and quotes per article, and why articles share a story.")]
AsIs = Annotated[bool, typer.Option("--as-is", help="Keep text identical to the input (no cleaning).")]
Parallel = Annotated[int | None, typer.Option(
    "--parallel", "-j", min=1,
    help="Workers for the article stages (default: 1 locally, every CPU of a Ray cluster; at most the CPUs and "
    "the articles).")]


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise typer.BadParameter("must be a finite number")
    return value


MaxSize = Annotated[float, typer.Option(
    "--max-size", min=0.001, max=4096, callback=_finite, help="Skip input files larger than this (MB).")]
MaxSeconds = Annotated[float, typer.Option(
    "--max-seconds", min=1, max=86400, callback=_finite, help="Skip an article whose stages take longer (s).")]
OutDir = Annotated[Path, typer.Option("--out", "-o", help="Output folder (analysis.json, index.html).")]


def _cell(value: object) -> Text:
    """Stored text as it is shown: never read as Rich markup ('[/x]', '[link=...]'), no control characters."""
    return Text(one_line(str(value), limit=2000) if value is not None else "")


def _writable(out_dir: Path) -> None:
    """Check the output folder before any work: exit 2 with one line if it cannot be written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    except OSError as error:
        err.print(f"syuzhet: cannot write to {out_dir}: {error.strerror or error}", markup=False)
        raise typer.Exit(2) from error


EngineName = Annotated[str, typer.Option(
    "--engine", help=f"Where the article stages run: {' or '.join(ENGINES)} (ray: pip install 'syuzhet[ray]').")]
Address = Annotated[str | None, typer.Option(
    "--address", help="Join this Ray cluster ('auto', or host:port) instead of starting a local one.")]
Format = Annotated[str, typer.Option(
    "--format", help="json: OUT/analysis.json and the report; jsonl or parquet: partitioned tables "
    "OUT/{articles,mentions,quotes,stories}/. Either is written from the run's own store, in bounded memory.")]
Storage = Annotated[str, typer.Option(
    "--storage", help=f"Where the run's own store lives: {' or '.join(STORAGE)} (file: a temporary SQLite file in "
    "OUT, memory stays bounded; memory: faster for small runs, grows with the run).")]


@contextmanager
def _engine(name: str, parallel: int | None, address: str | None) -> Iterator[Engine]:
    from syuzhet.engine.ray import RayEngineError

    try:
        engine = make_engine(name, parallel, address)
    except (ValueError, RayEngineError) as error:
        err.print(f"syuzhet: {error}", markup=False)
        raise typer.Exit(2) from error
    try:
        yield engine
    finally:
        engine.close()


@contextmanager
def _progress(explain: bool) -> Iterator[Callable[[Article | Problem], None]]:
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("reading", total=None)
        seen = Counter[str]()

        def on_item(item: Article | Problem) -> None:
            if isinstance(item, Problem):
                err.print(f"syuzhet: {item}", markup=False)
            else:
                seen["articles"] += 1
                if explain:
                    _explain(item)
            progress.update(task, description=f"{seen['articles']} articles")

        yield on_item


def _explain(article: Article) -> None:
    err.print(Text(one_line(article.source), style="bold"))
    for decision in article.trace:
        err.print(f"  {decision.rule:<20} {decision.action:<9} {decision.text[:100]}", markup=False)
    for quote in article.quotes:
        said = quote.text if len(quote.text) <= 70 else quote.text[:69] + "…"
        err.print(f"  quote {quote.kind:<8} {', '.join(quote.rules)}: {quote.speaker_text or '?'} "
                  f"[{quote.cue or ''}] «{said}»", markup=False)


def _explain_stories(store: Store, ids: list[str]) -> None:
    """Why each article of the stories ``ids`` is in its story, read from ``store`` one story at a time."""
    for sid in ids:
        for story in store.analysis([sid]).stories:
            if len(story.articles) > 1:
                for line in explain_story(story):
                    err.print(line, markup=False)


def _summary(articles: int, skipped: int, dups: int, langs: Counter[str], extra: str = "") -> str:
    lang_text = ", ".join(f"{k} {v}" for k, v in langs.most_common()) or "none"
    return f"{articles} articles read, {skipped} skipped, {dups} duplicates; languages: {lang_text}{extra}"


def _tally_summary(tally: Tally, extra: str = "") -> str:
    return _summary(tally.articles, tally.skipped, tally.duplicates, tally.langs, extra)


@app.command("analyze")
def analyze_cmd(
    inputs: Inputs,
    out_dir: OutDir = Path("out"),
    as_is: AsIs = False,
    explain: Explain = False,
    parallel: Parallel = None,
    max_size: MaxSize = 50.0,
    max_seconds: MaxSeconds = DEFAULT_MAX_SECONDS,
    engine: EngineName = "local",
    address: Address = None,
    fmt: Format = "json",
    storage: Storage = "file",
) -> None:
    """Analyse articles and write OUT/analysis.json and the report OUT/index.html (or, with --format jsonl or
    parquet, partitioned tables of articles, mentions, quotes and stories). Articles stream into a store of the
    run's own, as `ingest` streams into yours, and the output is written from it, story by story."""
    from syuzhet.tables import ParquetMissing, check_format

    try:
        check_format(fmt)
        if storage not in STORAGE:
            raise ValueError(f"unknown storage {storage!r} (one of: {', '.join(STORAGE)})")
    except (ValueError, ParquetMissing) as error:
        err.print(f"syuzhet: {error}", markup=False)
        raise typer.Exit(2) from error
    _writable(out_dir)
    with fewer_collections(), run_store(storage, out_dir) as store:
        with _engine(engine, parallel, address) as executor, _progress(explain) as on_item:
            items = stream(inputs, keep_raw=as_is, max_bytes=_bytes(max_size), max_seconds=max_seconds,
                           engine=executor)
            tally = ingest_stream(items, store, on_item=on_item, observe_first=True)
        if explain:
            _explain_stories(store, sorted(tally.stories))
        written = _write_run(store, out_dir, fmt)
    err.print(_tally_summary(tally, f" -> {written}"), markup=False)
    raise typer.Exit(0 if tally.articles else 1)


def _write_run(store: Store, out_dir: Path, fmt: str) -> str:
    """The run's output from its store: what was written, for the summary line."""
    from syuzhet.outputs import write_report_and_json
    from syuzhet.tables import write_tables

    try:
        if fmt == "json":
            target, report = write_report_and_json(store, out_dir)
            return f"{target}, {report}"
        rows = write_tables(store, out_dir, fmt)
    except OSError as error:
        err.print(f"syuzhet: cannot write to {out_dir}: {error.strerror or error}", markup=False)
        raise typer.Exit(2) from error
    return f"{out_dir}/ ({fmt}: {', '.join(f'{n} {name}' for name, n in rows.items())})"


def _bytes(max_size: float) -> int:
    return int(max_size * 1024 * 1024)


@app.command()
def ingest(
    inputs: Inputs,
    db: DbOption = Path("syuzhet.db"),
    as_is: AsIs = False,
    explain: Explain = False,
    parallel: Parallel = None,
    max_size: MaxSize = 50.0,
    max_seconds: MaxSeconds = DEFAULT_MAX_SECONDS,
    engine: EngineName = "local",
    address: Address = None,
) -> None:
    """Add articles to the store with their entities, quotes and stories; what is already stored is skipped.
    New articles join the stored stories they belong to or open new ones (nothing is re-clustered). Articles
    stream into the store as they are done: any number of them in bounded memory."""
    with fewer_collections(), _open(db) as store:  # a file that is not a syuzhet store is refused before any work
        with _engine(engine, parallel, address) as executor, _progress(explain) as on_item:
            items = stream(inputs, keep_raw=as_is, max_bytes=_bytes(max_size), max_seconds=max_seconds,
                           engine=executor)
            tally = ingest_stream(items, store, on_item=on_item)
        total = store.count()
        if explain:
            _explain_stories(store, sorted(tally.stories))
    err.print(
        _tally_summary(tally, f"; {tally.new} new, {tally.articles - tally.new - tally.repeats} already stored"
                              + (f", {tally.repeats} repeated within this input" if tally.repeats else "")
                              + f", {tally.duplicates} near-duplicates; {len(tally.stories)} stories touched; "
                              f"{total} articles in {db}"),
        markup=False,
    )
    raise typer.Exit(0 if tally.articles else 1)


@app.command()
def articles(
    db: DbOption = Path("syuzhet.db"),
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
) -> None:
    """List stored articles."""
    with _open(db, must_exist=True) as store:
        _list(list(store.articles(limit)), as_json, lambda a: "")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words (matched as prefixes) or an FTS5 query.")],
    db: DbOption = Path("syuzhet.db"),
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 20,
) -> None:
    """Full-text search over stored articles."""
    with _open(db, must_exist=True) as store:
        try:
            hits = store.search(query, limit)
        except StoreError as error:
            err.print(f"syuzhet: {error}", markup=False)
            raise typer.Exit(2) from error
    snippets = {hit.article.id: hit.snippet for hit in hits}
    _list([hit.article for hit in hits], as_json, lambda a: snippets[a.id])


StoryIds = Annotated[list[str] | None, typer.Argument(help="Story ids (default: the largest stories).")]
Limit = Annotated[int, typer.Option(help="At most this many stories (largest first).")]
AsJson = Annotated[bool, typer.Option("--json", help="One JSON object per line.")]


def _stories(store: Store, ids: list[str] | None, limit: int) -> Analysis:
    known = store.story_ids()
    stored = set(known)
    ids = list(dict.fromkeys(store.current_story(i) for i in ids)) if ids else ids  # merged stories' old ids
    missing = [i for i in ids or [] if i not in stored]
    if missing:
        err.print(f"syuzhet: no such story: {', '.join(missing)} (see `syuzhet stories`)", markup=False)
        raise typer.Exit(2)
    return store.analysis(ids or known[:limit])


@app.command("stories")
def stories_cmd(
    ids: StoryIds = None,
    db: DbOption = Path("syuzhet.db"),
    limit: Limit = 20,
    explain: Annotated[bool, typer.Option("--explain", help="Why each article is in its story.")] = False,
    as_json: AsJson = False,
) -> None:
    """List stored stories: size, dates, outlets, languages and title."""
    with _open(db, must_exist=True) as store:
        analysis = _stories(store, ids, limit)
    describe_stories(analysis)
    dates = {a.id: a.date for a in analysis.articles}
    if as_json:
        for story in analysis.stories:
            sys.stdout.write(json.dumps(story.as_dict(), ensure_ascii=False) + "\n")
        return
    table = Table(box=None)
    for name in ("story", "articles", "dates", "languages", "outlets"):
        table.add_column(name, no_wrap=True)
    table.add_column("title", max_width=80, no_wrap=True)
    for story in analysis.stories:
        days = sorted(d[:10] for d in (dates.get(a) for a in story.articles) if d)
        span = f"{days[0]}…{days[-1]}" if days and days[0] != days[-1] else (days[0] if days else "")
        langs = " ".join(f"{k} {v}" for k, v in sorted(story.languages.items(), key=lambda kv: -kv[1]))
        table.add_row(story.id, str(len(story.articles)), span, langs, str(len(story.outlets)), _cell(story.title))
    out.print(table)
    if explain:
        for story in analysis.stories:
            for line in explain_story(story):
                out.print(_cell(line), highlight=False)


@app.command("report")
def report_cmd(
    ids: StoryIds = None,
    db: DbOption = Path("syuzhet.db"),
    out_dir: OutDir = Path("out"),
    limit: Limit = 20,
) -> None:
    """Write OUT/analysis.json and OUT/index.html for stored stories (default: the largest ones)."""
    _writable(out_dir)
    with _open(db, must_exist=True) as store:
        analysis = _stories(store, ids, limit)
    describe_stories(analysis)
    target, report = _write(analysis, out_dir)
    err.print(f"{len(analysis.stories)} stories, {len(analysis.articles)} articles -> {target}, {report}",
              markup=False)


@app.command("entities")
def entities_cmd(
    story: Annotated[str | None, typer.Option("--story", help="Only this story's articles.")] = None,
    db: DbOption = Path("syuzhet.db"),
    kind: Annotated[str | None, typer.Option("--type", help="Only PER, ORG, LOC, EVT or PRO.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many entities.")] = 40,
    as_json: AsJson = False,
) -> None:
    """Entities of the store (or of one story) with their mention counts per article and outlet."""
    with _open(db, must_exist=True) as store:
        if story:
            analysis = _stories(store, [story], 1)
            counts = count_mentions(entity_rows(analysis.entities, analysis.articles))
        else:
            counts = count_mentions(store.entity_mentions())
    counts = [c for c in counts if kind is None or c.type == kind.upper()][:limit]
    if as_json:
        for c in counts:
            sys.stdout.write(json.dumps(c.as_dict(), ensure_ascii=False) + "\n")
        return
    table = Table(box=None)
    for name in ("id", "type", "name", "mentions", "articles"):
        table.add_column(name, no_wrap=True)
    table.add_column("by outlet", max_width=60)
    table.add_column("written as", max_width=60)
    for c in counts:
        table.add_row(_cell(c.id), _cell(c.type), _cell(c.name), str(c.mentions), str(len(c.articles)),
                      _cell(", ".join(f"{o} {n}" for o, n in c.outlets.most_common())),
                      _cell(", ".join(f for f, _ in c.forms.most_common(4))))
    out.print(table)
    err.print(f"{len(counts)} entities", markup=False)


@app.command("quotes")
def quotes_cmd(
    ids: StoryIds = None,
    db: DbOption = Path("syuzhet.db"),
    limit: Limit = 5,
    as_json: AsJson = False,
) -> None:
    """Quotes per story, grouped by speaker: who said what, where, and the words that introduce it."""
    with _open(db, must_exist=True) as store:
        analysis = _stories(store, ids, limit)
    names = {e.id: e.name for e in analysis.entities}
    outlet = {a.id: outlet_of(a) for a in analysis.articles}
    for story in analysis.stories:
        members = set(story.articles)
        groups = by_speaker([q for q in analysis.quotes if q.article in members], names)
        if as_json:
            record = {"story": story.id, "speakers": [g.as_dict(outlet) for g in groups]}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        out.print(Text(f"story {story.id}", style="bold"), Text(
            f"({len(story.articles)} articles, {sum(len(g.quotes) for g in groups)} quotes)"))
        for group in groups:
            out.print(Text("  ") + Text(one_line(group.name), style="bold")
                      + _cell(f" ({group.speaker})" if group.speaker else ""))
            for q in group.quotes:
                out.print(Text("    ") + _cell(f"{q.kind:<8} {outlet[q.article]} [{q.cue or ''}]: «{q.text}»"),
                          highlight=False)


def _list(items: list[Article], as_json: bool, snippet: Callable[[Article], str]) -> None:
    if as_json:
        for article in items:
            record = article.as_dict()
            if snippet(article):
                record["snippet"] = snippet(article)
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    table = Table(box=None)
    for name in ("id", "date", "lang", "outlet"):
        table.add_column(name, no_wrap=True)
    table.add_column("title / snippet" if any(map(snippet, items)) else "title", max_width=90, no_wrap=True)
    table.add_column("duplicate of", no_wrap=True)
    for article in items:
        title = article.title or "(no title) " + article.text[:80]
        if snippet(article):
            title = snippet(article).replace("\n", " ")
        table.add_row(_cell(article.id), _cell(article.date), _cell(article.lang), _cell(article.outlet),
                      _cell(title), _cell(article.duplicate_of))
    out.print(table)
    err.print(f"{len(items)} articles", markup=False)


def _write(analysis: Analysis, out_dir: Path) -> tuple[Path, Path]:
    from syuzhet.report import write_report

    document = analysis_document(analysis)
    try:
        return write_analysis(analysis, out_dir, document), write_report(document, out_dir)
    except OSError as error:
        err.print(f"syuzhet: cannot write to {out_dir}: {error.strerror or error}", markup=False)
        raise typer.Exit(2) from error


def _open(db: Path, must_exist: bool = False) -> Store:
    """The store at ``db``: read-only for the listing commands (``must_exist``), which never write to it."""
    if must_exist and not db.exists():
        err.print(f"syuzhet: {db}: no such store (run `syuzhet ingest` first)", markup=False)
        raise typer.Exit(2)
    try:
        return Store(db, read_only=must_exist)
    except StoreError as error:
        err.print(f"syuzhet: {error}", markup=False)
        raise typer.Exit(2) from error


app.command()(serve)
app.command()(token)


def main() -> None:
    """Run the command line; whatever escapes a command is one line on stderr (``SYUZHET_DEBUG=1`` shows the
    traceback), never a traceback on the user's terminal."""
    try:
        app(standalone_mode=True)
    except sqlite3.DatabaseError as error:
        err.print(f"syuzhet: the store is damaged or not a syuzhet store ({error})", markup=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("syuzhet: interrupted (the store keeps every article whose transaction finished)", markup=False)
        sys.exit(130)
    except (Exception, RecursionError, MemoryError) as error:
        if os.environ.get("SYUZHET_DEBUG"):
            raise
        err.print(f"syuzhet: error: {type(error).__name__}: {str(error)[:300]} (SYUZHET_DEBUG=1 shows where)",
                  markup=False)
        sys.exit(3)
