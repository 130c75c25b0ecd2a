"""Named fixes on top of a tagger's spans, and which of them are on for each language.

Every post-processing step of ``ru_ner.clean_spans``, ``org_spans.fix_orgs``, ``events.add_named`` and the
article-level ``_repeats`` has a name in ``NAMES``. ``data/entities/ner_fixes.txt`` lists, per language,
the fixes that are on. For Russian the list is what ``python -m syuzhet.eval entities --folds`` kept: each
fix's effect measured on factRuEval document folds and SlavicNER topic folds it was not chosen on, and only
fixes that helped there stay on. A language missing from the file gets every fix.

``active(lang, names)`` switches the set for one language inside a ``with`` block (evaluation only).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from syuzhet.data import lines

NAMES = (
    "trim",  # quotes, brackets and punctuation at the edges of a span
    "split_parens",  # 'long name (ABBR)' -> two spans
    "balance",  # unpaired quotes or brackets cut off
    "cut_lead",  # leading function words, lower-case words before a PER/LOC name
    "cut_titles",  # common nouns before a person's name ('Politologist X' -> 'X')
    "keep_single",  # one-word spans that are pronouns or sentence-initial common nouns dropped
    "cut_tail",  # lower-case words after a PER/LOC name
    "per_lowercase",  # a PER span starting in lower case dropped
    "roman",  # spans made only of Roman numerals dropped
    "acronyms",  # 'long form (ACR)' defines ACR, and its later uses are entities
    "org_noise",  # listed common-noun abbreviations taken for ORG dropped
    "org_adjective_noun",  # a name cut after its adjective takes its lower-case noun
    "org_listed",  # a LOC whose base form is a listed organisation is an ORG
    "org_abbrev_dot",  # 'X Ltd.' keeps the full stop
    "org_merge_country",  # 'ORG + genitive LOC' is one ORG
    "org_lower_bodies",  # 'lower-case state body + country' is an ORG
    "org_country_adjectives",  # 'country adjective + state body' is an ORG
    "nested_places",  # a place the fixes above folded into an ORG stays a LOC nested inside it
    "named",  # EVT/PRO by rules (events.add_named)
    "repeats",  # a name tagged once is tagged wherever it recurs in the article
)

_override: dict[str, frozenset[str]] = {}


@cache
def _table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for row in lines("entities/ner_fixes"):
        lang, *names = row.split()
        unknown = set(names) - set(NAMES)
        if unknown:
            raise ValueError(f"ner_fixes.txt: unknown fix(es) {sorted(unknown)}")
        table.setdefault(lang, set()).update(names)
    return {lang: frozenset(names) for lang, names in table.items()}


def enabled(lang: str) -> frozenset[str]:
    """The fixes on for ``lang``."""
    if lang in _override:
        return _override[lang]
    return _table().get(lang, frozenset(NAMES))


def on(lang: str, name: str) -> bool:
    return name in enabled(lang)


@contextmanager
def active(lang: str, names: frozenset[str]) -> Iterator[None]:
    """Use exactly ``names`` for ``lang`` inside the block (not thread-safe: for evaluation)."""
    previous = _override.get(lang)
    _override[lang] = frozenset(names)
    try:
        yield
    finally:
        if previous is None:
            del _override[lang]
        else:
            _override[lang] = previous
