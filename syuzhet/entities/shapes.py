"""Person-name shapes: surname and patronymic endings (``name_shapes.txt``), in Cyrillic and Latin script."""

from __future__ import annotations

import functools
from collections import defaultdict

from syuzhet.entities.lemma import data_lines

MIN_STEM = 3  # letters before the ending: 'Ов' is no surname


@functools.cache
def _sections() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = defaultdict(list)
    section = ""
    for line in data_lines("name_shapes"):
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        else:
            out[section].append(line.lower())
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _ends(word: str, section: str) -> bool:
    low = word.lower().split("-")[-1]
    if low in _sections().get("not_surname", ()):
        return False
    return any(low.endswith(e) and len(low) - len(e) >= MIN_STEM for e in _sections().get(section, ()))


def is_surname_shaped(word: str) -> bool:
    """'Кулаев', 'Kulayev', 'Зеленский', 'Shevchenko': a surname by its ending."""
    return _ends(word, "surname")


def is_caseless_surname(word: str) -> bool:
    """A surname by an ending that no Kazakh suffix has ('тоқаев', 'ерланұлы'), for words of a script without
    capitals."""
    return _ends(word, "caseless_surname")


def is_patronymic(word: str) -> bool:
    """'Ерланович', 'Ерланұлы', 'Erlanuly'."""
    return _ends(word, "patronymic")
