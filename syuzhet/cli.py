"""Command line: ``syuzhet analyze``, ``ingest``, ``articles``, ``search`` (also ``python -m syuzhet``)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from syuzhet.model import Article
from syuzhet.output import analysis_document, write_analysis
from syuzhet.pipeline import Analysis, analyze
from syuzhet.problems import Problem
from syuzhet.store import Store, StoreError

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
out = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, highlight=False, soft_wrap=True)

Inputs = Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs, or '-' for stdin.")]
DbOption = Annotated[Path, typer.Option("--db", help="SQLite store file.")]
Explain = Annotated[bool, typer.Option("--explain", help="Show which cleaning rule decided what, per article.")]
AsIs = Annotated[bool, typer.Option("--as-is", help="Keep text identical to the input (no cleaning).")]
Parallel = Annotated[int, typer.Option("--parallel", "-j", min=1, help="Worker processes for article stages.")]
MaxSize = Annotated[float, typer.Option("--max-size", min=0.001, help="Skip input files larger than this (MB).")]


def _run(inputs: list[str], as_is: bool, parallel: int, max_size: float, explain: bool) -> Analysis:
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

        return analyze(
            inputs, keep_raw=as_is, workers=parallel, max_bytes=int(max_size * 1024 * 1024), on_item=on_item
        )


def _explain(article: Article) -> None:
    err.print(f"[bold]{article.source}[/bold]")
    for decision in article.trace:
        err.print(f"  {decision.rule:<20} {decision.action:<9} {decision.text[:100]}", markup=False)


def _summary(analysis: Analysis, extra: str = "") -> str:
    skipped = [p for p in analysis.problems if p.skipped]
    langs = Counter(a.lang for a in analysis.articles)
    dups = sum(1 for a in analysis.articles if a.duplicate_of)
    lang_text = ", ".join(f"{k} {v}" for k, v in langs.most_common()) or "none"
    return (
        f"{len(analysis.articles)} articles read, {len(skipped)} skipped, {dups} duplicates; "
        f"languages: {lang_text}{extra}"
    )


@app.command("analyze")
def analyze_cmd(
    inputs: Inputs,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Output folder (analysis.json, index.html).")] = Path(
        "out"
    ),
    as_is: AsIs = False,
    explain: Explain = False,
    parallel: Parallel = 1,
    max_size: MaxSize = 50.0,
) -> None:
    """Analyse articles and write OUT/analysis.json and the report OUT/index.html."""
    from syuzhet.report import write_report

    analysis = _run(inputs, as_is, parallel, max_size, explain)
    document = analysis_document(analysis)
    target = write_analysis(analysis, out_dir, document)
    report = write_report(document, out_dir)
    err.print(_summary(analysis, f" -> {target}, {report}"), markup=False)
    raise typer.Exit(0 if analysis.articles else 1)


@app.command()
def ingest(
    inputs: Inputs,
    db: DbOption = Path("syuzhet.db"),
    as_is: AsIs = False,
    explain: Explain = False,
    parallel: Parallel = 1,
    max_size: MaxSize = 50.0,
) -> None:
    """Add articles to the store; what is already stored is skipped."""
    analysis = _run(inputs, as_is, parallel, max_size, explain)
    with _open(db) as store:
        added = sum(1 for article in analysis.articles if store.add(article))
        total = store.count()
    err.print(
        _summary(analysis, f"; {added} new, {len(analysis.articles) - added} already stored; {total} in {db}"),
        markup=False,
    )
    raise typer.Exit(0 if analysis.articles else 1)


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
        table.add_row(article.id, article.date or "", article.lang, article.outlet or "", title,
                      article.duplicate_of or "")
    out.print(table)
    err.print(f"{len(items)} articles", markup=False)


def _open(db: Path, must_exist: bool = False) -> Store:
    if must_exist and not db.exists():
        err.print(f"syuzhet: {db}: no such store (run `syuzhet ingest` first)", markup=False)
        raise typer.Exit(2)
    try:
        return Store(db)
    except StoreError as error:
        err.print(f"syuzhet: {error}", markup=False)
        raise typer.Exit(2) from error


def main() -> None:
    app()
