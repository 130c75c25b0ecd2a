"""Expand what the user typed (files, folders, globs, '-') into sources with their bytes."""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from syuzhet.problems import InputError, Problem

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_SKIP_NAMES = {".DS_Store", "Thumbs.db"}


@dataclass(frozen=True, slots=True)
class Source:
    """One input file (or stdin): ``label`` is the path as given, used as the article's ``source``."""

    label: str
    path: Path | None

    def read_bytes(self, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
        if self.path is None:
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            try:
                size = self.path.stat().st_size
            except OSError as err:
                raise InputError(f"cannot read: {err.strerror or err}") from err
            if size > max_bytes:
                raise InputError(f"file too large ({_mb(size)}; limit {_mb(max_bytes)}, see --max-size)")
            try:
                data = self.path.read_bytes()
            except OSError as err:
                raise InputError(f"cannot read: {err.strerror or err}") from err
        if len(data) > max_bytes:
            raise InputError(f"input too large (over {_mb(max_bytes)}, see --max-size)")
        return _gunzip(data, max_bytes) if data.startswith(b"\x1f\x8b") else data


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """A gzipped input (``page.html.gz``) is read as what it holds, within the same size limit."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            inflated = handle.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise InputError(f"broken gzip data: {err}") from err
    if len(inflated) > max_bytes:
        raise InputError(f"file too large once decompressed (over {_mb(max_bytes)}, see --max-size)")
    return inflated


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def expand(inputs: list[str]) -> Iterator[Source | Problem]:
    """Each input in order; folders recursively in sorted order; hidden files skipped."""
    for given in inputs:
        if given == "-":
            yield Source("-", None)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _walk(given)
        elif path.exists() or os.path.islink(given):
            yield Source(given, path)
        elif glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield Problem(given, "no file matches this pattern")
            for match in matches:
                yield from (_walk(match) if Path(match).is_dir() else [Source(match, Path(match))])
        else:
            yield Problem(given, "no such file or directory")


def _walk(folder: str) -> Iterator[Source | Problem]:
    root = Path(folder)
    try:
        entries = sorted(root.rglob("*"))
    except OSError as err:
        yield Problem(folder, f"cannot list folder: {err.strerror or err}")
        return
    for entry in entries:
        relative = entry.relative_to(root).parts
        if any(part.startswith(".") for part in relative) or entry.name in _SKIP_NAMES:
            continue
        if entry.is_file() or (entry.is_symlink() and not entry.exists()):  # a broken link is reported
            yield Source(os.path.join(folder, *relative), entry)
