"""Bearer tokens for writes. Only a hash of each token is kept, in a token file of ``NAME sha256:HEX`` lines
(written by ``syuzhet token`` or by hand); the token itself is shown once, when it is made."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

PREFIX = "sha256:"


def hash_token(token: str) -> str:
    return PREFIX + hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return "szt_" + secrets.token_urlsafe(32)


def read_tokens(path: Path) -> dict[str, str]:
    """Token hash -> name. Blank lines and ``#`` comments are skipped; a malformed line is an error naming it."""
    found: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, digest = line.rpartition(" ")
        if not digest.startswith(PREFIX) or len(digest) != len(PREFIX) + 64:
            raise ValueError(f"{path}:{number}: expected 'NAME sha256:HEX' (64 hex digits)")
        found[digest.lower()] = name.strip() or f"token{number}"
    return found


def add_token(path: Path, name: str) -> str:
    """Make a token, append its hash to ``path`` (created readable by its owner only), return the token."""
    if not name or any(ch.isspace() for ch in name):
        raise ValueError("a token name is one word")
    token = new_token()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(f"{name} {hash_token(token)}\n")
    return token


def check(token: str, hashes: dict[str, str]) -> str | None:
    """The name of the token, if its hash is known (compared in constant time)."""
    digest = hash_token(token)
    for known, name in hashes.items():
        if hmac.compare_digest(known, digest):
            return name
    return None
