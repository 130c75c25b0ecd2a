"""One pymorphy3 analyser per language and process, shared by entities, quotes and stories (each loads its
dictionaries once, not once per module)."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def analyzer(lang: str) -> Any:
    """The analyser for 'uk', else Russian."""
    try:
        import pymorphy3
    except ModuleNotFoundError as err:  # pragma: no cover - the nlp extra is part of the dev install
        raise ModuleNotFoundError("morphology needs pymorphy3: pip install 'syuzhet[nlp]'") from err
    return pymorphy3.MorphAnalyzer(lang="uk" if lang == "uk" else "ru")
