"""One pymorphy3 analyser per language and process, shared by entities, quotes and stories (each loads its
dictionaries once, not once per module)."""

from __future__ import annotations

from functools import cache
from typing import Any

from syuzhet.extras import require


@cache
def analyzer(lang: str) -> Any:
    """The analyser for 'uk', else Russian."""
    require("nlp", "morphology and the stages using it")
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk" if lang == "uk" else "ru")
