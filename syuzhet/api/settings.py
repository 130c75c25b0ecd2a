"""What ``syuzhet serve`` was started with. Plain data, no FastAPI: the command line builds it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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
    readers: int = 8  # read connections kept open
    max_wait: float = 30.0  # longest long-poll of /v1/changes, seconds
