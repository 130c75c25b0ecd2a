"""Base forms (nominative) of entity names with pymorphy3, Russian and Ukrainian (Kazakh: ``kk_names``,
English: ``en_names``).

Persons: every word of the name (and every part of a hyphenated word) is read as a first name, surname or
patronymic in ONE gender and ONE case chosen for the whole name, so 'Асан-Жомарта Кулаева' is a man in the
genitive ('Асан-Жомарт Кулаев'), not the female first name pymorphy ranks first for 'Кулаева'. A woman's surname
in an oblique case goes to the feminine nominative by its ending (``femn_surnames.txt``): 'Юлии Заречанской' ->
'Юлия Заречанская', 'Бектасовой' -> 'Бектасова', also where the dictionary does not know the surname.
A surname declined like an adjective gives the name its gender ('Юлия Заречная', not the genitive of Юлий).
``alternatives`` gives the other readings as good as the best, for the corpus to choose from
(``link.attested_lemmas``), and a past-tense verb after the name gives it its gender (``gendered_person``).
Organisations, places, events, products: the head noun phrase (adjectives up to the first noun) goes to the
nominative, keeping its number; what follows the head (genitive complements, names in apposition) stays as
written: 'Института новейших государств' -> 'Институт новейших государств'. Acronyms, Latin words and
words pymorphy does not know stay unchanged.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from syuzhet.data import written_lines
from syuzhet.morph import analyzer, parses

NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
PLACE_TAGS = frozenset({"Geox", "Orgn", "Abbr"})
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_CASE_ALIASES = {"gen2": "gent", "acc2": "accs", "loc2": "loct", "voct": "nomn"}
_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’ʼ])*", re.U)
_HYPHENS = re.compile(r"[-\u2010\u2011]")


morph = analyzer  # the pymorphy3 analyser for 'uk', else Russian


def _key(word: str) -> str:
    return word.lower().replace("’", "'").replace("ʼ", "'")


def _parses(word: str, lang: str) -> tuple[Any, ...]:  # cached in syuzhet.morph
    return parses(_key(word), lang)


def _case(parse: Any) -> str | None:
    case = parse.tag.case
    return _CASE_ALIASES.get(case, case) if case else None


def _gender_ok(parse: Any, gender: str) -> bool:
    grammemes = parse.tag.grammemes
    if gender in grammemes or "ms-f" in grammemes or "GNdr" in grammemes:
        return True
    return not grammemes & {"masc", "femn", "neut"}


def _case_ok(parse: Any, case: str) -> bool:
    return "Fixd" in parse.tag.grammemes or _case(parse) == case


def data_lines(name: str) -> list[str]:
    """Non-comment lines of ``syuzhet/data/entities/<name>.txt``, as written (case kept)."""
    return list(written_lines(f"entities/{name}"))


@functools.cache
def function_words() -> frozenset[str]:
    """Prepositions, conjunctions, articles skipped when building acronyms (``function_words.txt``)."""
    return frozenset(w.lower() for w in data_lines("function_words"))


def acronym_of(lemma: str) -> str:
    """Word initials, skipping function words: 'Организация договора о коллективной безопасности' -> 'ОДКБ'."""
    words = [w for w in lemma.strip(" «»\"“”„'").split() if w]
    content = [w for w in words if w.lower() not in function_words() and w[:1].isalpha()]
    if len(content) < 2 or any(is_acronym(w) for w in content):
        return ""
    return "".join(w[0] for w in content).upper()


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


def _frozen(word: str) -> bool:
    """Words kept exactly as written: acronyms, Latin script, digits."""
    return is_acronym(word) or not any("а" <= c.lower() <= "я" or c.lower() in "єіїґё" for c in word)


def _restore(form: str, surface: str) -> str:
    form = _no_new_yo(form, surface)
    if surface.isupper() and len(surface) > 1:
        return form.upper()
    parts_form = _HYPHENS.split(form)
    parts_surface = _HYPHENS.split(surface)
    if len(parts_form) == len(parts_surface):
        seps = _HYPHENS.findall(surface)
        fixed = [
            (p[:1].upper() + p[1:]) if s[:1].isupper() else p for p, s in zip(parts_form, parts_surface, strict=True)
        ]
        out = fixed[0]
        for sep, part in zip(seps, fixed[1:], strict=True):
            out += sep + part
        return out
    return form[:1].upper() + form[1:] if surface[:1].isupper() else form


def _no_new_yo(form: str, surface: str) -> str:
    """pymorphy writes 'ё' where the text has 'е' ('Соединённое', 'Шрёдёр'): keep the writer's spelling."""
    if "ё" not in form.lower():
        return form
    chars = list(form)
    for i, c in enumerate(chars):
        if c in "ёЁ" and (i >= len(surface) or surface[i] not in "ёЁ"):
            chars[i] = "е" if c == "ё" else "Е"
    return "".join(chars)


_CONS = "бвгджзклмнпрстфхцчшщ"
_HUSH = "жшчщц"


def _masc_stem(word: str, case: str) -> str | None:
    """The nominative of an unknown masculine consonant-stem name read in ``case``: 'Рааба' -> 'Рааб',
    'Скрипаля' -> 'Скрипаль', 'Гренеллом' -> 'Гренелл'; None when the ending does not fit."""
    low = word.lower()

    def soft(stem: str) -> str:
        return stem + ("й" if stem[-1:].lower() in "аеиоуыэюяё" else "ь")

    if len(low) < 4:
        return None
    endings = {"gent": ("а", "я"), "accs": ("а", "я"), "datv": ("у", "ю"), "ablt": ("ом", "ем")}
    hard, soft_end = endings.get(case, ("", ""))
    if hard and low.endswith(hard) and low[-len(hard) - 1] in _CONS:
        return word[: -len(hard)]
    if soft_end and low.endswith(soft_end):
        stem = word[: -len(soft_end)]
        if soft_end == "ем" and stem[-1:].lower() in _HUSH:
            return stem
        if stem[-1:].lower() in _CONS + "еиоу":  # not 'ая', 'яя': 'Дробинская' is an adjective
            return soft(stem)
    return None


# ----------------------------------------------------------------------------------------------- persons


def _name_parses(word: str, lang: str) -> list[Any]:
    """Noun readings of one person's name: plural readings ('терези' as scales) are not a person."""
    return [p for p in _parses(word, lang) if p.tag.POS == "NOUN" and "plur" not in p.tag.grammemes]


FEMN_MIN_STEM = 2  # letters before the ending: 'Ниной' is left to the dictionary


@functools.cache
def _femn_endings() -> dict[str, tuple[tuple[str, str, bool], ...]]:
    """Case -> (oblique ending, nominative ending, also a man's form?) of Russian women's surnames
    (``femn_surnames.txt``), longest ending first."""
    out: dict[str, list[tuple[str, str, bool]]] = {}
    for line in data_lines("femn_surnames"):
        ending, nominative, *cases = line.lower().split()
        for case in cases:
            out.setdefault(case.lstrip("~"), []).append((ending, nominative, case.startswith("~")))
    return {case: tuple(sorted(rows, key=lambda r: -len(r[0]))) for case, rows in out.items()}


def _femn_name(piece: str, lang: str, gender: str, case: str) -> tuple[str, bool] | None:
    """A Russian woman's surname in an oblique case, to the feminine nominative by its ending, and whether the
    ending is also a man's form: 'Ивановой' -> 'Иванова' (not the masculine 'Иванов' of the dictionary's base
    form), 'Бектемировой' -> 'Бектемирова', 'Навальную' -> 'Навальная'; None when the name is not read so, the
    ending does not fit, or the word is a first name."""
    if lang != "ru" or gender != "femn":
        return None
    low = _key(piece)
    if any("Name" in p.tag.grammemes for p in _name_parses(piece, lang)):
        return None  # a first name ('Анной', not 'Анная'): the dictionary's reading
    known = morph(lang).word_is_known(low)
    if known and any({"masc", "nomn"} <= p.tag.grammemes for p in _adj_parses(piece, lang)):
        return None  # 'Луговой': a man's surname in the nominative as well as a woman's in an oblique case
    for ending, nominative, shared in _femn_endings().get(case, ()):
        if low.endswith(ending) and len(low) - len(ending) >= FEMN_MIN_STEM:
            return _restore(low[: -len(ending)] + nominative, piece), shared
    return None


def _rule_name(piece: str, lang: str, gender: str, case: str) -> str | None:
    """A Russian name the dictionary does not know, read as a masculine consonant stem: pymorphy's guesses
    for such words ('Рааба' as an indeclinable place, 'Гренелла' as a woman) are worse than the rule."""
    if lang != "ru" or gender != "masc" or morph(lang).word_is_known(_key(piece)):
        return None
    return _masc_stem(piece, case)


def _person_score(pieces: list[tuple[str, bool]], lang: str, gender: str, case: str) -> float:
    """How well the name reads in ``gender`` and ``case``; ``pieces`` are (word part, declines?)."""
    score = 0.0
    for at, (piece, declines) in enumerate(pieces):
        if _frozen(piece):
            continue
        femn = _femn_name(piece, lang, gender, case)
        if femn and not femn[1]:
            score += 1.0  # a woman's surname by its ending ('-овой' is no man's form), as good as the dictionary's
            continue
        parses = [p for p in _name_parses(piece, lang) if _gender_ok(p, gender) and _case_ok(p, case)]
        if femn and not any(p.tag.grammemes & NAME_TAGS for p in parses):
            score += 0.6  # '-ову' is also a man's dative: as good as a guess, the news prior decides
            continue
        if _rule_name(piece, lang, gender, case) and not any(p.tag.grammemes & NAME_TAGS for p in parses):
            score += 0.6
            continue
        if not parses and at == len(pieces) - 1 and _adjectival_surname(piece, lang, gender, case):
            score += 0.6  # a surname declined like an adjective ('Заречная'): its gender is the name's
            continue
        if not parses:
            score -= 1.0 if declines else 0.0
            continue
        if any(p.tag.grammemes & NAME_TAGS for p in parses):
            # a guess for a word the dictionary lacks is weaker than a dictionary name
            score += 1.0 if lang != "ru" or morph(lang).word_is_known(_key(piece)) else 0.6
            if all("Fixd" in p.tag.grammemes for p in parses) and _declines(piece, lang, gender):
                score -= 0.001  # a tie-break: 'Анне Ивановой' reads as the dative of Анна, not the genitive of Анне
        else:
            score += 0.6 if any("anim" in p.tag.grammemes for p in parses) else 0.3
    return score


def _adjectival_surname(piece: str, lang: str, gender: str, case: str) -> bool:
    """A capitalised word with no noun reading read as a singular adjective of ``gender`` in ``case`` that the
    dictionary knows (a guessed adjective is no evidence): a surname declined like an adjective ('Юлия Заречная'
    is a woman, 'Петра Заречного' a man)."""
    return piece[:1].isupper() and morph(lang).word_is_known(_key(piece)) and any(
        a.tag.number != "plur" and a.tag.gender == gender and _case_ok(a, case) for a in _adj_parses(piece, lang)
    )


def _declines(piece: str, lang: str, gender: str) -> bool:
    """The name has a declining reading in ``gender`` as well as an indeclinable one ('Анне': Анна or Anne)."""
    return any(
        "Fixd" not in p.tag.grammemes and p.tag.grammemes & NAME_TAGS and _gender_ok(p, gender)
        for p in _name_parses(piece, lang)
    )


def _person_piece(piece: str, lang: str, gender: str, case: str, last: bool = False) -> str:
    """One word (or part of a hyphenated word) of a name in ``gender`` and ``case`` to the nominative; ``last``:
    the name's last word, which may be a surname declined like an adjective."""
    if _frozen(piece):
        return piece
    femn = _femn_name(piece, lang, gender, case)
    rule = femn[0] if femn else _rule_name(piece, lang, gender, case)
    if rule:
        return rule
    parses = [p for p in _name_parses(piece, lang) if _gender_ok(p, gender) and _case_ok(p, case)]
    if not parses and last and _adjectival_surname(piece, lang, gender, case):
        adjs = [a for a in _adj_parses(piece, lang) if a.tag.gender == gender and _case_ok(a, case)]
        return _adjective_base(piece, lang, adjs, gender, "sing")  # 'Заречного' -> 'Заречный'
    if not parses:
        return piece
    # in an oblique case a declining reading comes before an indeclinable one: 'Анне Ивановой' is Анна, not Анне
    fixed_last = case != "nomn"
    parses.sort(
        key=lambda p: (
            not (p.tag.grammemes & NAME_TAGS),
            "anim" not in p.tag.grammemes,
            fixed_last and "Fixd" in p.tag.grammemes,
            -p.score,
        )
    )
    best = parses[0]
    if "Fixd" in best.tag.grammemes or _indeclinable(piece, lang):
        return piece
    form = best.inflect({"nomn", "sing"}) or best.inflect({"nomn"})
    word = form.word if form else best.normal_form
    if "ґ" in word and "ґ" not in piece.lower():
        return piece  # the Ukrainian guesser's 'Ашіг' -> 'Ашіґ'
    return _restore(word, piece)


_INDECLINABLE_ENDINGS = ("о", "е", "є", "і", "э")
_ADJECTIVAL_OBLIQUE = ("ого", "его")


def _indeclinable(word: str, lang: str) -> bool:
    """A name the dictionary does not know ending like a foreign indeclinable one: 'Монтедуро', 'Бібі'; not
    the oblique case of a surname declined like an adjective ('Иваницкого')."""
    low = _key(word)
    if low.endswith(_ADJECTIVAL_OBLIQUE) and any("Surn" in p.tag.grammemes for p in _name_parses(word, lang)):
        return False
    return low.endswith(_INDECLINABLE_ENDINGS) and not morph(lang).word_is_known(low)


ALTERNATIVE_MARGIN = 0.1  # a reading this close to the best one is as likely: the news prior (0.05) and less


def _person_pieces(words: list[str]) -> list[tuple[str, bool]]:
    pieces: list[tuple[str, bool]] = []
    for word in words:
        parts = [p for p in _HYPHENS.split(word) if p]
        pieces += [(p, i == len(parts) - 1) for i, p in enumerate(parts)]
    return pieces


def _person_readings(words: list[str], lang: str) -> list[tuple[float, str, str]]:
    """(score, gender, case) of every reading of the name, best first (ties: masculine, then nominative)."""
    pieces = _person_pieces(words)
    out: list[tuple[float, str, str]] = []
    for gender in ("masc", "femn"):
        for case in CASES:
            score = _person_score(pieces, lang, gender, case)
            score += 0.05 if gender == "masc" else 0.0  # news prior when a name fits both genders
            score += 0.01 if case == "nomn" else 0.0
            out.append((score, gender, case))
    return sorted(out, key=lambda r: -r[0])  # stable: the first of equal scores stays first


def _person_text(words: list[str], lang: str, gender: str, case: str) -> str:
    out = []
    for at, word in enumerate(words):
        parts = _HYPHENS.split(word)
        seps = _HYPHENS.findall(word)
        last = at == len(words) - 1
        if len(parts) > 1:
            # Kazakh/Arabic double names decline only their last part: keep a part that has no parse in the case.
            fixed = [_person_piece(p, lang, gender, case, last and i == len(parts) - 1) if p else p
                     for i, p in enumerate(parts)]
            text = fixed[0]
            for sep, part in zip(seps, fixed[1:], strict=True):
                text += sep + part
            out.append(text)
        else:
            out.append(_person_piece(word, lang, gender, case, last))
    return " ".join(out)


def person_lemma(words: list[str], lang: str, gender: str = "") -> str:
    """'Асан-Жомарту Ерлановичу' -> 'Асан-Жомарт Ерланович'; 'Кулаєва' -> 'Кулаєв'. A ``gender`` the context
    gives ('Зорич заявила') is taken where its reading is as good as the best (within ``ALTERNATIVE_MARGIN``):
    'Юлию Зорич' with a woman's verb is Юлия, not the man's name Юлий the news prior picks."""
    readings = _person_readings(words, lang)
    if gender:
        readings = [r for r in readings if r[1] == gender and r[0] >= readings[0][0] - ALTERNATIVE_MARGIN] or readings
    _, gender, case = readings[0]
    return _person_text(words, lang, gender, case)


def person_alternatives(words: list[str], lang: str) -> list[str]:
    """Base forms of the name's readings as good as the best one (within ``ALTERNATIVE_MARGIN``), best first,
    and the name with its last word kept as written (a foreign surname that does not decline): 'Юлии Зорич'
    -> 'Юлий Зорич' (genitive of a man's name), 'Юлия Зорич' (of a woman's)."""
    readings = _person_readings(words, lang)
    out = [_person_text(words, lang, g, c) for s, g, c in readings if s >= readings[0][0] - ALTERNATIVE_MARGIN]
    if len(words) > 1:
        out += [" ".join([*o.split(" ")[:-1], words[-1]]) for o in list(out) if len(o.split(" ")) == len(words)]
    return list(dict.fromkeys(out))


def surname_forms(word: str, lang: str) -> set[str]:
    """Every base form a one-word name could have (both genders): for matching, not for display."""
    forms = {_key(word)}
    for p in _name_parses(word, lang):
        forms.add(p.normal_form)
        if p.tag.gender == "femn" and "Surn" in p.tag.grammemes:
            masc = p.inflect({"masc", "nomn"}) if p.tag.gender else None
            if masc:
                forms.add(masc.word)
        for g in ("masc", "femn"):
            form = p.inflect({g, "nomn", "sing"}) if "Surn" in p.tag.grammemes else None
            if form:
                forms.add(form.word)
    return forms


# ------------------------------------------------------------------------------------ noun phrases


def _noun_parses(word: str, lang: str) -> list[Any]:
    return [p for p in _parses(word, lang) if p.tag.POS == "NOUN"]


def _adj_parses(word: str, lang: str) -> list[Any]:
    return [p for p in _parses(word, lang) if p.tag.POS in ("ADJF", "PRTF")]


def _head_options(
    head: str, adjectives: list[str], lang: str, masc_guess: bool = False
) -> list[tuple[float, Any, str]]:
    """(score, parse, case) of the head noun's readings with the case shared with the adjectives before it,
    best first."""
    options: list[tuple[float, Any, str]] = []
    for parse in _noun_parses(head, lang):
        case = _case(parse)
        if case is None:
            continue
        score = parse.score + (0.5 if parse.tag.grammemes & PLACE_TAGS else 0.0)
        score += 0.2 if parse.tag.number != "plur" or "Pltm" in parse.tag.grammemes else 0.0
        # places and organisations are inanimate: 'Києві' is Київ, not the first name Кий
        score += 0.3 if "inan" in parse.tag.grammemes else -0.3 if "anim" in parse.tag.grammemes else 0.0
        score -= 0.01 * abs(len(parse.normal_form) - len(head))
        score += 0.8 if masc_guess and _guessed_masc(parse, head, lang) else 0.0
        for adj in adjectives:
            if not any(_case(a) == case and _number_ok(a, parse) for a in _adj_parses(adj, lang)):
                score -= 1.0
        options.append((score, parse, case))
    options.sort(key=lambda o: -o[0])
    return options


def _number_ok(adj: Any, noun: Any) -> bool:
    if noun.tag.number == "plur":
        return bool(adj.tag.number == "plur")
    return adj.tag.number != "plur" and (adj.tag.gender in (None, noun.tag.gender) or noun.tag.gender is None)


def _modifies(word: str, following: str, lang: str) -> bool:
    """``word`` can be an adjective agreeing with a noun reading of ``following`` ('Каспийского моря')."""
    return any(
        _case(a) == _case(n) and _number_ok(a, n)
        for a in _adj_parses(word, lang)
        for n in _noun_parses(following, lang)
    )


_ACRONYM_CASE = re.compile(r"^(?P<stem>[A-ZА-ЯЁІЇЄҐ]{2,})(?P<end>а|у|ом|е|ы|ов|ам|ах|ами|і|ові|ом)$")
_LATIN_CASE = re.compile(r"^(?P<stem>[A-Za-z][A-Za-z0-9]+)[-\u2010\u2011](?P<end>[а-яіїєґ]{1,3})$")


def strip_case_ending(word: str) -> str:
    """An acronym or a Latin word with a Cyrillic case ending: 'МИДа' -> 'МИД', 'Brexit-ю' -> 'Brexit'."""
    for pattern in (_ACRONYM_CASE, _LATIN_CASE):
        m = pattern.match(word)
        if m:
            return m.group("stem")
    return word


def _adj_sort(adjs: list[Any]) -> list[Any]:
    """Relational adjectives first: institutions are 'Окружной суд', not the qualitative 'Окружный'; a
    non-standard form (Dist: the Ukrainian 'західній' as its own masculine) after the standard one."""
    return sorted(adjs, key=lambda a: ("Dist" in a.tag.grammemes, "Qual" in a.tag.grammemes))


def _adjective_base(word: str, lang: str, adjs: list[Any], gender: str | None, number: str) -> str:
    """``word`` (one of the readings ``adjs``) in the nominative of ``gender``/``number``."""
    adjs = _adj_sort(adjs)
    grams = {"nomn", "plur"} if number == "plur" else {"nomn", gender or "masc"}
    adj_form = adjs[0].inflect(grams)
    if adj_form:
        return _restore(adj_form.word, word)
    if grams == {"nomn", "masc"}:  # the dictionary's base form is the masculine nominative
        return _restore(adjs[0].normal_form, word)
    return word


def _acronym_head(words: list[str], head_at: int, lang: str) -> str:
    """Adjectives before an acronym head agree with it: 'британского МИДа' -> 'британский МИД'."""
    out = list(words)
    out[head_at] = strip_case_ending(words[head_at])
    adjs_all = [_adj_parses(w, lang) for w in words[:head_at]]
    if not all(adjs_all):
        return " ".join(out)
    # one case, number and gender shared by all the adjectives
    order = {"masc": 0, "femn": 1, None: 2, "neut": 3}  # an acronym is read as a masculine noun first
    for a in sorted(adjs_all[-1], key=lambda a: order.get(a.tag.gender, 2)):
        case = _case(a)
        same = [[b for b in adjs if _case(b) == case and b.tag.number == a.tag.number
                 and (a.tag.number == "plur" or b.tag.gender == a.tag.gender)] for adjs in adjs_all]
        if all(same):
            number = "plur" if a.tag.number == "plur" else "sing"
            for i, adjs in enumerate(same):
                out[i] = _adjective_base(words[i], lang, adjs, a.tag.gender, number)
            return " ".join(out)
    return " ".join(out)


def _guessed_masc(parse: Any, word: str, lang: str) -> bool:
    """A guessed reading of an unknown word as a masculine noun with a consonant stem ('брексит', not
    'брексито')."""
    return bool(
        parse.tag.gender == "masc" and parse.normal_form[-1:] not in "аяоеёиыуюэ" and not morph(lang).word_is_known(
            _key(word)
        )
    )


def phrase_lemma(words: list[str], lang: str, kind: str = "") -> str:
    """Head noun phrase to the nominative: 'Шанхайской организации сотрудничества' -> 'Шанхайская организация
    сотрудничества'; 'Сполучених Штатів' -> 'Сполучені Штати'; 'Москві' -> 'Москва'."""
    return _phrase_lemmas(words, lang, kind)[0]


def phrase_alternatives(words: list[str], lang: str, kind: str = "") -> list[str]:
    """The base forms of every reading of the head noun that the adjectives before it agree with, the best
    first: 'Вервиці' -> 'Вервиця' and 'Вервиць' where the dictionary has two such nouns."""
    return _phrase_lemmas(words, lang, kind, every=True)


def _phrase_lemmas(words: list[str], lang: str, kind: str, every: bool = False) -> list[str]:
    words = [strip_case_ending(w) if _LATIN_CASE.match(w) else w for w in words]
    head_at = None
    for i, word in enumerate(words):
        if _frozen(word):
            if i == 0:
                return [" ".join([strip_case_ending(word), *words[1:]])]  # 'МЗС Британії', 'МИДа России'
            if _adj_parses(words[i - 1], lang) and is_acronym(word):
                return [_acronym_head(words, i, lang)]
            break
        if _noun_parses(word, lang) and not (i + 1 < len(words) and _modifies(word, words[i + 1], lang)):
            head_at = i
            break
    if head_at is None:
        if len(words) == 1 and _adj_parses(words[0], lang):  # substantivised adjective: base form
            return [_lone_adjective(words[0], lang)]
        return [" ".join(words)]
    head = words[head_at]
    masc_guess = len(words) == 1 and kind in ("EVT", "PRO", "ORG") and lang == "ru"
    options = _head_options(head, words[:head_at], lang, masc_guess)
    if not options:
        return [" ".join(words)]
    _, parse, case = options[0]
    unknown = masc_guess and not morph(lang).word_is_known(_key(head))
    if unknown and head[-1:].lower() in _CONS and not _guessed_masc(parse, head, lang) and not _adj_parses(head, lang):
        return [head]  # an unknown name ending in a consonant with no masculine reading: 'Бильд'
    if not every:
        return [_phrase_text(words, head_at, parse, case, lang)]
    agreeing = [o for o in options if o[0] > options[0][0] - 1.0]  # no adjective left without agreement
    return list(dict.fromkeys(_phrase_text(words, head_at, p, c, lang) for _, p, c in agreeing))


def _phrase_text(words: list[str], head_at: int, parse: Any, case: str, lang: str) -> str:
    """``words`` with the head noun (read as ``parse`` in ``case``) and the adjectives before it in the
    nominative."""
    head = words[head_at]
    if case == "nomn" or "Fixd" in parse.tag.grammemes:
        return " ".join(words)
    number = "plur" if parse.tag.number == "plur" else "sing"
    target = {"nomn", number} if "Pltm" not in parse.tag.grammemes else {"nomn"}
    form = parse.inflect(target)
    out = list(words)
    out[head_at] = _restore(form.word if form else parse.normal_form, head)
    for i in range(head_at):
        adjs = [a for a in _adj_parses(words[i], lang) if _case(a) == case and _number_ok(a, parse)]
        if adjs:
            out[i] = _adjective_base(words[i], lang, adjs, parse.tag.gender, number)
    return " ".join(out)


def _lone_adjective(word: str, lang: str) -> str:
    """An adjective standing for a name: 'британских' -> 'британский'; a capitalised one keeps its gender
    ('Центральной' -> 'Центральная'), a lowercase one takes the dictionary form."""
    adjs = _adj_sort([a for a in _adj_parses(word, lang) if a.tag.POS == "ADJF"])
    if not adjs or lang != "ru":
        return word
    if word[:1].islower() or adjs[0].tag.number == "plur":
        return _restore(adjs[0].normal_form, word)
    gender = "femn" if any(a.tag.gender == "femn" for a in adjs) else "masc"
    return _adjective_base(word, lang, [a for a in adjs if a.tag.gender in (gender, None)] or adjs, gender, "sing")


# ------------------------------------------------------------------------------------------- entry point

_INITIALS = re.compile(r"^((?:[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ]?\.)+)([^\W\d_].+)$")
_DIGIT_SUFFIX = re.compile(r"[-\u2010\u2011]\d+$")
_EDGE = "«»\"“”„'’()[]"


def lemmatize(text: str, kind: str, lang: str, context: str = "") -> str:
    """Base form of an entity mention of type ``kind`` (PER/LOC/ORG/EVT/PRO) in language ``lang``; ``context``
    is the text the mention is from (Kazakh: a word the text inflects further is a base form)."""
    if lang == "kk":
        from syuzhet.entities import kk_names

        return kk_names.base_form(text, context)
    return _lemmatize(text, kind, lang)


def alternatives(text: str, kind: str, lang: str) -> list[str]:
    """The base forms a Russian or Ukrainian mention could have, the one ``lemmatize`` gives first: the readings
    of a person's name as good as the best one (``person_alternatives``), of a phrase's head noun
    (``phrase_alternatives``). A mention in quotes, with initials or a number after it has its one base form."""
    first = _lemmatize(text, kind, lang)
    stripped = text.strip(_EDGE + " ")
    words = stripped.split()
    if lang not in ("ru", "uk") or not words or stripped != text.strip() or _DIGIT_SUFFIX.search(words[-1]):
        return [first]
    if kind == "PER" and not stripped[:1].islower():
        if any(_INITIALS.match(w) for w in words):
            return [first]
        return list(dict.fromkeys([first, *person_alternatives(words, lang)]))
    return list(dict.fromkeys([first, *phrase_alternatives(words, lang, kind)]))


def verb_gender(word: str, lang: str) -> str:
    """'femn' or 'masc' when every reading of ``word`` is a singular past-tense verb of that gender ('заявила',
    'сказав'), else ''."""
    readings = _parses(word, lang) if lang in ("ru", "uk") else ()
    genders = {p.tag.gender for p in readings if p.tag.POS == "VERB" and "past" in p.tag.grammemes}
    if not readings or any(p.tag.POS != "VERB" for p in readings) or len(genders) != 1:
        return ""
    gender = next(iter(genders))
    return gender if gender in ("femn", "masc") else ""


def gendered_person(text: str, lang: str, gender: str) -> str:
    """The base form of a person's name read in ``gender`` (``person_lemma``), for a plain name in Russian or
    Ukrainian; else its usual base form."""
    words = text.split()
    if lang not in ("ru", "uk") or not words or text.strip(_EDGE + " ") != text.strip() or not text[:1].isupper() \
            or any(_INITIALS.match(w) or _DIGIT_SUFFIX.search(w) for w in words):
        return _lemmatize(text, "PER", lang)
    return person_lemma(words, lang, gender)


# A name recurs: within an article (repeats of the NER's spans) and across a corpus (SlavicNER ru+uk: 7488 of the
# first 300 articles' base forms asked for 1200 distinct names). Without ``context`` (Kazakh only) the base form
# depends on the text, type and language alone: one answer per name, the cache bounded.
@functools.lru_cache(maxsize=50_000)
def _lemmatize(text: str, kind: str, lang: str) -> str:
    if lang == "en":
        from syuzhet.entities import en_names

        return en_names.base_form(text)
    stripped = text.strip(_EDGE + " ")
    if not stripped:
        return text
    if stripped != text.strip():
        # A quoted name ('"Економічну правду"') keeps its quotes around the base form.
        lead = text[: text.index(stripped)]
        tail = text[text.index(stripped) + len(stripped) :]
        return lead + _lemmatize(stripped, kind, lang) + tail
    words = stripped.split()
    suffix = _DIGIT_SUFFIX.search(words[-1])
    if suffix and suffix.start() > 0:
        # 'Північного потоку-2' -> the words without '-2', then '-2' back
        return _lemmatize(" ".join([*words[:-1], words[-1][: suffix.start()]]), kind, lang) + suffix.group()
    if kind == "PER":
        if stripped[:1].islower():  # 'консерваторов', 'британских министров': a group, not a name
            return phrase_lemma(words, lang)
        initials = [_INITIALS.match(w) for w in words]
        if any(initials):
            # 'Д.Дэвиса' -> 'Д.' + 'Дэвис': the initials stay, the name after them declines
            bare = [m.group(2) if m else w for m, w in zip(initials, words, strict=True)]
            based = person_lemma(bare, lang).split(" ")
            if len(based) == len(words):
                return " ".join((m.group(1) if m else "") + b for m, b in zip(initials, based, strict=True))
        return person_lemma(words, lang)
    return phrase_lemma(words, lang, kind)
