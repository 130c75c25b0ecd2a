"""Word lists, gazetteers and tables shipped with syuzhet, loaded once per process."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def phrases(name: str) -> frozenset[str]:
    """Non-comment lines of ``data/<name>.txt``, lower-cased and stripped."""
    return frozenset(lines(name))


@cache
def lines(name: str) -> tuple[str, ...]:
    """Non-comment lines of ``data/<name>.txt`` in file order, lower-cased and stripped."""
    return tuple(line.lower() for line in written_lines(name))


@cache
def written_lines(name: str) -> tuple[str, ...]:
    """Non-comment lines of ``data/<name>.txt`` in file order, stripped, case kept."""
    raw = files("syuzhet.data").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    kept = (line.split(" #", 1)[0].strip() for line in raw.splitlines())
    return tuple(line for line in kept if line and not line.startswith("#"))


@cache
def numbered(name: str) -> dict[str, int]:
    """Rows of ``data/<name>.txt`` that read 'NUMBER word word ...' as {word: number} (months, weekdays)."""
    table: dict[str, int] = {}
    for row in lines(name):
        number, *names = row.split()
        for word in names:
            table[word.replace("ʼ", "'")] = int(number)
    return table
