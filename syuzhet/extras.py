"""Optional dependencies, grouped as pyproject.toml's extras: which are installed, and one clear error naming
the extra when one is missing (``pip install 'syuzhet[nlp]'``)."""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec

# the modules each extra brings; the core install (readers, cleaning, store, listings, search) needs none
EXTRAS: dict[str, tuple[str, ...]] = {
    "nlp": ("natasha", "pymorphy3", "pycrfsuite"),
}
NLP_WORK = "entities, quotes and stories"  # what the core install leaves out


class MissingExtra(ModuleNotFoundError):
    """An optional dependency is not installed; the message says which extra brings it."""


@cache
def missing(extra: str) -> tuple[str, ...]:
    """The modules of ``extra`` that cannot be imported here."""
    return tuple(module for module in EXTRAS[extra] if find_spec(module) is None)


def installed(extra: str) -> bool:
    return not missing(extra)


def hint(extra: str, what: str = NLP_WORK) -> str:
    names = ", ".join(missing(extra)) or ", ".join(EXTRAS[extra])
    return f"{what} need the '{extra}' extra ({names} not installed): pip install 'syuzhet[{extra}]'"


def require(extra: str, what: str = NLP_WORK) -> None:
    """Raise ``MissingExtra`` naming the extra when any of its modules is missing."""
    if missing(extra):
        raise MissingExtra(hint(extra, what))
