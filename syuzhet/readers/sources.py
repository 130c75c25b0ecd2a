"""Expand what the user typed (files, folders, globs, '-') into sources with their bytes."""

from __future__ import annotations

import glob
import gzip
import io
import os
import stat
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
        """At most ``max_bytes`` (once decompressed), whatever the source is: a regular file, a pipe, a device
        (``/dev/zero``) or stdin is read up to the limit, never to its end."""
        try:
            if self.path is None:
                data = sys.stdin.buffer.read(max_bytes + 1)
            else:
                info = self.path.stat()
                if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
                    raise InputError(f"file too large ({_mb(info.st_size)}; limit {_mb(max_bytes)}, see --max-size)")
                if stat.S_ISDIR(info.st_mode):
                    raise InputError("is a folder")
                with self.path.open("rb") as handle:
                    data = handle.read(max_bytes + 1)
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
    """Each input in order; folders recursively in sorted order; hidden files skipped. A folder or file that
    cannot be listed or examined is one problem line, never an exception."""
    for given in inputs:
        if given == "-":
            yield Source("-", None)
        elif not given.strip():
            yield Problem(repr(given), "empty path")
        else:
            yield from _expand_one(given)


def _expand_one(given: str) -> Iterator[Source | Problem]:
    path = Path(given)
    try:
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
    except OSError as err:
        yield Problem(given, f"cannot read: {err.strerror or err}")


def _walk(folder: str) -> Iterator[Source | Problem]:
    """Files under ``folder`` in sorted path order (symbolic links to folders are not followed); each folder
    that cannot be listed, and each entry that cannot be examined, gets a line."""
    found: list[tuple[tuple[str, ...], Source | Problem]] = []

    def unreadable(err: OSError) -> None:
        where = err.filename or folder
        found.append((_parts(folder, where), Problem(where, f"cannot list folder: {err.strerror or err}")))

    for top, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith(".") or name in _SKIP_NAMES:
                continue
            entry = os.path.join(top, name)
            try:
                regular = stat.S_ISREG(os.stat(entry).st_mode)
            except OSError as err:  # a broken link is reported when read; anything else here and now
                if os.path.islink(entry):
                    regular = True
                else:
                    found.append((_parts(folder, entry), Problem(entry, f"cannot read: {err.strerror or err}")))
                    continue
            if regular:
                found.append((_parts(folder, entry), Source(entry, Path(entry))))
    for _, item in sorted(found, key=lambda pair: pair[0]):
        yield item


def _parts(folder: str, path: str) -> tuple[str, ...]:
    return Path(os.path.relpath(path, folder)).parts
