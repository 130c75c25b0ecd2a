"""What ``syuzhet serve`` was started with. Plain data, no FastAPI: the command line builds it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from syuzhet.bounds import DEFAULT_MAX_SECONDS

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    db: Path
    read_only: bool = False
    tokens: dict[str, str] = field(default_factory=dict)  # token hash -> token name
    max_body: int = 10 * MB  # bytes of one request body
    rate: float = 20.0  # requests per second per client, sustained (0: no limit)
    burst: int = 40  # requests a client may send at once
    cors_origins: tuple[str, ...] = ()  # no CORS header at all unless origins are given
    readers: int = 40  # read connections kept open (as many as the worker threads that answer requests)
    max_wait: float = 30.0  # longest long-poll of /v1/changes, seconds
    max_stream: float = 600.0  # longest server-sent events stream of /v1/changes (EventSource reconnects)
    max_seconds: float | None = DEFAULT_MAX_SECONDS  # time limit per ingested article, as `ingest --max-seconds`
    keep_dossiers: bool = True  # the ingest worker keeps current dossiers in the store between ingests
    ingest_nice: int = 10  # the ingest worker's niceness above the server's (0: the same priority)
