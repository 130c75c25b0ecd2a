"""Per-language word lists of the quote rules, read from ``syuzhet/data/quotes/{lang}_*.txt``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from syuzhet.data import lines

LANGS = ("ru", "uk", "en")


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    verbs: frozenset[str]  # speech verbs (lemmas or forms)
    impersonal: frozenset[str]  # 'отмечается', 'йдеться', 'говорится'
    sources: tuple[str, ...]  # 'по словам', 'за словами', longest first
    roles: frozenset[str]  # 'политолог', 'собеседник', 'міністр'
    pronouns: dict[str, str]  # form -> masc | femn | plur | any
    named_heads: frozenset[str]  # 'корпорация', 'песня': a quote right after one is a name


def lexicon_lang(lang: str) -> str:
    """The word lists used for an article language (Kazakh and unknown text is mostly Russian here)."""
    return lang if lang in LANGS else "ru"


@cache
def lexicon(lang: str) -> Lexicon:
    lang = lexicon_lang(lang)

    def words(kind: str) -> tuple[str, ...]:
        return lines(f"quotes/{lang}_{kind}")

    pronouns = dict(line.split()[:2] for line in words("pronouns"))
    return Lexicon(
        lang=lang,
        verbs=frozenset(words("verbs")),
        impersonal=frozenset(words("impersonal")),
        sources=tuple(sorted(words("sources"), key=len, reverse=True)),
        roles=frozenset(words("roles")),
        pronouns=pronouns,
        named_heads=frozenset(words("named_heads")),
    )
