"""``syuzhet serve`` and ``syuzhet token``. Importing this module needs no FastAPI: the ``api`` extra is
imported when a command runs, and names itself when missing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from syuzhet.api.settings import MB, Settings
from syuzhet.api.tokens import add_token, read_tokens
from syuzhet.bounds import DEFAULT_MAX_SECONDS
from syuzhet.store import StoreError

SHUTDOWN_GRACE = 5  # seconds


def serve(
    db: Annotated[Path, typer.Option("--db", help="SQLite store file (created unless --read-only).")] = Path(
        "syuzhet.db"),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    read_only: Annotated[bool, typer.Option("--read-only", help="Refuse every write.")] = False,
    token_file: Annotated[Path | None, typer.Option(
        "--token-file", help="Hashed write tokens, one 'NAME sha256:HEX' a line (see `syuzhet token`).")] = None,
    max_body: Annotated[float, typer.Option("--max-body", min=0.001, help="Largest request body (MB).")] = 10.0,
    rate: Annotated[float, typer.Option("--rate", min=0, help="Requests per second per client (0: no limit).")] = 20,
    burst: Annotated[int, typer.Option("--burst", min=1, help="Requests a client may send at once.")] = 40,
    cors_origin: Annotated[list[str] | None, typer.Option(
        "--cors-origin", help="Allow browser pages from this origin (repeatable); no CORS unless given.")] = None,
    max_seconds: Annotated[float, typer.Option(
        "--max-seconds", min=1, max=86400, help="Skip an ingested article whose stages take longer (s).")
    ] = DEFAULT_MAX_SECONDS,
    keep_dossiers: Annotated[bool, typer.Option(
        "--keep-dossiers/--no-keep-dossiers", help="Between ingests, keep every story's current dossier in the "
        "store (answers from it take milliseconds; the worker computes them while idle).")] = True,
    ingest_nice: Annotated[int, typer.Option(
        "--ingest-nice", min=0, max=19, help="Run the ingest worker this much nicer than the server, so reads "
        "are answered first when the CPU is short (0: the same priority).")] = 10,
) -> None:
    """Serve the store over HTTP (OpenAPI at /openapi.json, docs at /docs). Needs the 'api' extra."""
    from syuzhet.api import create_app

    if read_only and not db.exists():
        _fail(f"{db}: no such store (run `syuzhet ingest` first)")
    try:
        tokens = read_tokens(token_file) if token_file else {}
    except (OSError, ValueError) as err:
        _fail(f"token file: {err}")
    settings = Settings(db=db, read_only=read_only, tokens=tokens, max_body=int(max_body * MB), rate=rate,
                        burst=burst, cors_origins=tuple(cors_origin or ()), max_seconds=max_seconds,
                        keep_dossiers=keep_dossiers, ingest_nice=ingest_nice)
    try:
        app = create_app(settings)
    except (ModuleNotFoundError, StoreError) as err:
        _fail(str(err))
    import uvicorn

    typer.echo(f"syuzhet: serving {db} on http://{host}:{port} (read-only: {read_only}, "
               f"{len(tokens)} write tokens)", err=True)
    # on SIGTERM, requests in flight get SHUTDOWN_GRACE seconds; then open event streams and long-polls are
    # closed (unbounded, an event stream would hold the shutdown for up to ten minutes)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False,
                timeout_graceful_shutdown=SHUTDOWN_GRACE)


def token(
    token_file: Annotated[Path, typer.Argument(help="The token file (created readable by its owner only).")],
    name: Annotated[str, typer.Option(help="A name for the token (one word).")] = "writer",
) -> None:
    """Make a write token for `syuzhet serve --token-file`: its hash goes to the file, the token is printed once."""
    try:
        made = add_token(token_file, name)
    except (OSError, ValueError) as err:
        _fail(str(err))
    sys.stdout.write(made + "\n")
    typer.echo(f"token '{name}' added to {token_file} (only its hash is kept: copy the token now)", err=True)


def _fail(message: str) -> NoReturn:
    typer.echo(f"syuzhet: {message}", err=True)
    raise typer.Exit(2)
