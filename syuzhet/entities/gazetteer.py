"""Names known by convention: places (``places.txt``, LOC) and organisations (``aliases.txt``, ORG), each a group
of forms in several languages with a canonical Russian name, and first names (``given_names.txt``,
``first_names.txt``). All compared by ``name_key``."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import NamedTuple

from syuzhet.entities.keys import name_key
from syuzhet.entities.lemma import data_lines, is_acronym

GROUP_FILES = {"places": "LOC", "aliases": "ORG"}


def forms_of(line: str) -> list[str]:
    """The forms of one ' = ' group line, the canonical first."""
    return [f.strip() for f in line.split(" = ") if f.strip()]


@functools.cache
def group_forms(name: str) -> tuple[tuple[str, ...], ...]:
    """The groups of one ' = ' file (``places``, ``aliases``, ``given_names``), each its forms."""
    return tuple(tuple(forms_of(line)) for line in data_lines(name))


@functools.cache
def groups(name: str) -> dict[str, str]:
    """key of every form -> key of the group's first form, for one file of ' = ' groups."""
    out: dict[str, str] = {}
    for forms in group_forms(name):
        head = name_key(forms[0], "ru")
        for form in forms:
            out.setdefault(name_key(form, ""), head)
    return out


@functools.cache
def _alias_groups_by_form(acronyms: bool) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in GROUP_FILES:
        for forms in group_forms(name):
            head = name_key(forms[0], "ru")
            for form in forms:
                if is_acronym(form) == acronyms:
                    out.setdefault(name_key(form, "", fold_doubles=not acronyms), head)
    return out


def alias_of(name: str, lang: str = "") -> str:
    """Key of the canonical form of the place or organisation ``name`` is a form of, else ''. An acronym
    matches only an acronym, letter for letter: 'UNN' is not 'UN'."""
    found = _alias_groups_by_form(False).get(name_key(name, lang), "")
    acronym = name_key(name, lang, fold_doubles=False)
    return found or (_alias_groups_by_form(True).get(acronym, "") if is_acronym(name) else "")


@functools.cache
def alias_heads() -> dict[str, str]:
    """Group key -> canonical display name (first form of the line)."""
    out: dict[str, str] = {}
    for name in GROUP_FILES:
        for forms in group_forms(name):
            head = forms[0]
            out.setdefault(name_key(head, "ru"), head)
    return out


def typed_forms() -> list[tuple[str, str]]:
    """(type, form) of every form of ``places.txt`` (LOC) and ``aliases.txt`` (ORG), in file order."""
    return [(kind, form) for name, kind in GROUP_FILES.items() for forms in group_forms(name) for form in forms]


class TypeIndex(NamedTuple):
    """Key -> type of the forms of a list of (type, form): its other forms, and its acronyms ('EU', 'ШОС')."""

    words: dict[str, str]
    acronyms: dict[str, str]


def type_index(typed: Iterable[tuple[str, str]]) -> TypeIndex:
    """The index ``type_in`` reads, of (type, form) pairs; the first type given to a key wins."""
    words: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for kind, form in typed:
        if is_acronym(form):
            acronyms.setdefault(name_key(form, "", fold_doubles=False), kind)
        else:
            words.setdefault(name_key(form, ""), kind)
    return TypeIndex(words, acronyms)


def type_in(index: TypeIndex, name: str, lang: str = "") -> str:
    """The type of ``name`` in ``index``, else ''. An acronym matches only an acronym, letter for letter: 'You' is
    not 'EU', 'UNN' is not 'UN'."""
    found = index.words.get(name_key(name, lang), "")
    return found or (index.acronyms.get(name_key(name, lang, fold_doubles=False), "") if is_acronym(name) else "")


@functools.cache
def _index() -> TypeIndex:
    return type_index(typed_forms())


def known_type(name: str, lang: str = "") -> str:
    """'LOC' or 'ORG' for a name in the gazetteer ('Мәскеу', 'NATO'), else ''. An acronym matches only an
    acronym, letter for letter: 'You' is not 'EU', 'UNN' is not 'UN'."""
    return type_in(_index(), name, lang)


@functools.cache
def first_names() -> frozenset[str]:
    """Keys of every listed first name (both files)."""
    keys = set(groups("given_names"))
    keys |= {name_key(line, "") for line in data_lines("first_names")}
    return frozenset(keys)
