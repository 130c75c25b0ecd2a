"""The limits that keep one hostile input from taking the machine: characters per article, characters per
tagged piece, seconds per article, and worker processes. The README states them; ``--max-size`` (bytes per
input file) lives with the readers."""

from __future__ import annotations

import os
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

# An article's decoded text is cut after this many characters, at a paragraph, line or word break
# (about 50 printed pages; news articles rarely pass 40,000). Natasha's cost grows with the number of lines,
# language detection's with token length, so both are bounded here, before any stage runs.
MAX_ARTICLE_CHARS = 100_000
# A token (run of non-space characters) longer than this is cut to this length: base64 images, hex dumps.
MAX_TOKEN_CHARS = 500
# The entity taggers see at most this many characters at a time (natasha's memory grows with line length).
MAX_TAGGED_CHARS = 10_000
# One article's stages may take this long (CPU-bound work); then it is skipped with a line.
DEFAULT_MAX_SECONDS = 120.0


def cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` to at most ``limit`` characters: the last paragraph break, else line break, else
    space in the second half of the allowed length; ``limit`` if there is none."""
    if len(text) <= limit:
        return len(text)
    for mark in ("\n\n", "\n", " "):
        at = text.rfind(mark, limit // 2, limit)
        if at > 0:
            return at
    return limit


_LONG_TOKEN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")


def cut_long_tokens(text: str) -> tuple[str, int]:
    """``text`` with every token over ``MAX_TOKEN_CHARS`` cut to that length, and how many were cut."""
    count = 0

    def cut(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return match.group()[:MAX_TOKEN_CHARS]

    return _LONG_TOKEN.sub(cut, text), count


def pieces(start: int, end: int, text: str, limit: int = MAX_TAGGED_CHARS) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` as consecutive (start, end) pieces of at most ``limit`` characters, cut at breaks."""
    while end - start > limit:
        at = start + cut_point(text[start:end], limit)
        yield start, at
        start = at
    if end > start:
        yield start, end


def usable_cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def worker_count(requested: int, inputs: int) -> int:
    """Workers actually started: never more than the CPUs this process may use, nor than the articles."""
    return max(1, min(requested, usable_cpus(), inputs))


class TimeLimit(BaseException):
    """An article's stages ran past their time limit (a BaseException: no stage's ``except Exception`` eats it)."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``TimeLimit`` inside the block after ``seconds`` of wall time (a SIGALRM timer: in the main
    thread only; elsewhere, e.g. in a server's worker thread, the block runs unbounded)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise TimeLimit(f"took over {seconds:g} s (see --max-seconds)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
