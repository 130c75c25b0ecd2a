"""Pieces of a run of capitalised words, and their types by cues (see ``caps``).

A run is cut into pieces at gazetteer names (longest first, unless they are words of a longer name), at an
organisation's or place's head word, at stop words, nationality adjectives and roles, and after a surname
('Құлаев Мәскеуге'). Each piece gets a type when a cue says so, and is ``strong`` when the cue is evidence
that it is a name even at a sentence start.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from syuzhet.entities.caps_tokens import HYPHENS, Grammar, Token, is_head, joined, lower_compound, runs
from syuzhet.entities.gazetteer import first_names, known_type
from syuzhet.entities.keys import is_latin, name_key, to_cyrillic
from syuzhet.entities.lemma import NAME_TAGS, is_acronym, morph
from syuzhet.entities.shapes import is_patronymic, is_surname_shaped
from syuzhet.morph import parses as morph_parses

_ROMAN = re.compile(r"[IVXLCDM]+")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t\u00a0]+$")
_PLACE_OF = re.compile(r"([^\W\d_]+)[ \t\u00a0]+of[ \t\u00a0]+$")
MAX_KNOWN_WORDS = 6
MAX_PERSON_AFTER_PLACE = 3
MAX_ACRONYM = 4  # longer all-capital words not in the gazetteer are shouted words: CHEER, ATTEND



@dataclass
class Piece:
    tokens: list[Token]
    kind: str = ""
    strong: bool = False  # evidence it is a name even at a sentence start or in a headline
    known: bool = False  # gazetteer name

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def base(self) -> str:
        return " ".join(t.base for t in self.tokens)

    @property
    def sentence_start(self) -> bool:
        return self.tokens[0].sentence_start

    @property
    def title(self) -> bool:
        return self.tokens[0].title


def _known(tokens: list[Token], grammar: Grammar) -> str:
    if tokens[0].among(grammar.words("connector")) or tokens[-1].among(grammar.words("connector")):
        return ""
    words = [t.text for t in tokens[:-1]] + [tokens[-1].base]
    return known_type(" ".join(words), grammar.lang) or known_type(" ".join(t.base for t in tokens), grammar.lang)


def _carve_known(run: list[Token], grammar: Grammar) -> list[Piece | list[Token]]:
    """Gazetteer names in a run, longest first, unless they are words of an organisation's name; the rest as
    plain token lists."""
    out: list[Piece | list[Token]] = []
    rest: list[Token] = []
    i = 0
    while i < len(run):
        found = next(
            (j for j in range(min(len(run), i + MAX_KNOWN_WORDS), i, -1) if run[i].cap and _known(run[i:j], grammar)),
            0,
        )
        if not found or _inside_headed(run, i, found, grammar) or _attached(run, i, found, grammar):
            rest.append(run[i])
            i += 1
            continue
        if rest:
            out.append(rest)
            rest = []
        out.append(Piece(run[i:found], _known(run[i:found], grammar), strong=True, known=True))
        i = found
    if rest:
        out.append(rest)
    return out


def _attached(run: list[Token], i: int, j: int, grammar: Grammar) -> bool:
    """A known name with other capitalised words beside it is a word of a longer name ('Air Astana', 'North
    Kazakhstan'), except in a headline and where two names may stand side by side (Kazakh)."""
    if run[i].title:
        return False
    latin = grammar.adjacent_names  # Kazakh: only among Latin-script words ('Air Astana' in a Kazakh text)

    def joins(t: Token) -> bool:
        return not _breaker(t, grammar) and (not latin or (is_latin(t.base) and is_latin(run[i].base)))

    if i > 0 and joins(run[i - 1]):
        return True
    return j < len(run) and joins(run[j]) and not _person_after_place(run, i, j, grammar)


def _person_after_place(run: list[Token], i: int, j: int, grammar: Grammar) -> bool:
    """'the President of Ukraine Volodymyr Zelenskyy': a place's name followed by the rest of the run, two or
    three plain words with a person's evidence (a first name, a surname's ending: 'Volodymyr Zelenskyy'), is
    the place and then the person; 'Tokyo Olympic Games' stays one name."""
    rest = list(itertools.takewhile(lambda t: not _breaker(t, grammar), run[j:]))
    return (
        2 <= len(rest) <= MAX_PERSON_AFTER_PLACE
        and all(_plain(t.base) and not is_head(t, grammar) for t in rest)
        and _person_evidence(rest)
        and _known(run[i:j], grammar) == "LOC"
    )


def _plain(word: str) -> bool:
    """'Zelenskyy': a capital, then small letters only."""
    return word.isalpha() and word[0].isupper() and word[1:].islower()


def _inside_headed(run: list[Token], i: int, j: int, grammar: Grammar) -> bool:
    """``run[i:j]`` is a word of a headed name: after 'of' in one ('Ministry of Foreign Affairs of Kazakhstan'),
    or before its head ('Moscow State University', 'Қазақстан Сыртқы істер министрлігі')."""
    if i > 0 and run[i - 1].among(grammar.words("connector")) and any(is_head(t, grammar) for t in run[:i]):
        return True
    for t in run[j:]:
        if is_head(t, grammar):
            return True
        if _breaker(t, grammar) and t.cap:
            return False
    return False


def _breaker(token: Token, grammar: Grammar) -> str:
    """'role', 'stop' or '' for a token inside a run."""
    if token.among(grammar.words("role")):
        return "role"
    if (
        token.among(grammar.words("stop"))
        or token.among(grammar.words("demonym"))
        or _demonyms(token, grammar)
        or token.among(grammar.words("connector"))
        or not token.cap
        or _ROMAN.fullmatch(token.text)
        or (token.base.isupper() and len(token.base) > MAX_ACRONYM)
        or lower_compound(token.base)
    ):
        return "stop"
    return ""


def _demonyms(token: Token, grammar: Grammar) -> bool:
    """'Russian-Ukrainian', 'Euro-Atlantic': nationality adjectives joined by a hyphen are no name either; nor
    is their plural, the people ('six Lithuanians')."""
    parts = [p.lower() for p in HYPHENS.split(token.base) if p]
    demonyms = grammar.words("demonym")
    plural = len(parts) == 1 and parts[0].endswith("s") and parts[0][:-1] in demonyms
    return plural or (len(parts) > 1 and all(p in demonyms for p in parts))


def _strip_stops(toks: list[Token], grammar: Grammar) -> list[Token]:
    """Without leading stop words ('The', but not 'Foreign' of 'Foreign Ministry') and trailing connectors."""
    keep = grammar.words("role") | grammar.words("demonym") | grammar.words("org_head")
    i = 0
    while i < len(toks) and (
        (toks[i].among(grammar.words("stop")) and not toks[i].among(keep) and not _event_place(toks, i, grammar))
        or not toks[i].cap
        or lower_compound(toks[i].base)
    ):
        i += 1
    j = len(toks)
    while j > i and not toks[j - 1].cap and not is_head(toks[j - 1], grammar):
        j -= 1
    return toks[i:j]


def _event_place(toks: list[Token], i: int, grammar: Grammar) -> bool:
    """'US' of 'US Open': a place's acronym right before an event's head word is a word of the event's name,
    not the pronoun 'us' (before an organisation's head it stays out: 'US' + 'Academy of ...')."""
    token = toks[i]
    return (
        i + 1 < len(toks)
        and toks[i + 1].among(grammar.words("evt_head"))
        and is_acronym(token.text)
        and known_type(token.text, grammar.lang) == "LOC"
    )


def _head_piece(toks: list[Token], grammar: Grammar) -> tuple[list[Token], Piece, list[Token]] | None:
    """An organisation or place named by a head word: (tokens before it, the piece, tokens after it)."""
    toks = _strip_stops(toks, grammar)
    heads = [
        i
        for i, t in enumerate(toks)
        if is_head(t, grammar)
        and (t.cap or grammar.lower_heads)
        and (not _event_head(t, grammar) or _ends(toks, i, grammar))
    ]
    if not heads:
        return None
    at = heads[-1] if grammar.head_final else heads[0]
    start = _head_start(toks, at, grammar)
    end = at + 1 if grammar.head_final else _head_end(toks, at, grammar)
    named = [t for i, t in enumerate(toks[start:end], start) if t.cap and i != at]
    lone = end - start == 1 and toks[at].cap and not toks[at].sentence_start
    if not named and not (grammar.lower_heads and lone):
        return None  # 'Ministry', 'Parliament' alone; a lone capitalised Kazakh head names the state body
    kind = _head_kind(toks[start:end], toks[at], grammar)
    return toks[:start], Piece(toks[start:end], kind, strong=bool(named)), toks[end:]


def _event_head(token: Token, grammar: Grammar) -> bool:
    return token.among(grammar.words("evt_head"))


def _ends(toks: list[Token], i: int, grammar: Grammar) -> bool:
    """An event's head word ends the name ('Riga Summit') or stands before 'of' ('Summit of the Americas');
    'Open Extended Reactions' is no event."""
    return i + 1 == len(toks) or toks[i + 1].among(grammar.words("connector"))


def _head_kind(name: list[Token], head: Token, grammar: Grammar) -> str:
    """EVT for an event's head ('Davis Cup'), also after an organisation's when it ends the name with no 'of'
    between ('Academy Awards', not 'Ministry of ... Games'); LOC for a place's head; else ORG."""
    last_event = _event_head(name[-1], grammar) and not any(t.among(grammar.words("connector")) for t in name)
    if _event_head(head, grammar) or last_event:
        return "EVT"
    return "LOC" if head.among(grammar.words("loc_head")) else "ORG"


def _head_end(toks: list[Token], at: int, grammar: Grammar) -> int:
    """Where an English name headed at ``at`` ends: before a role and the person it introduces ('White House
    Press Secretary Stephanie Grisham'), or a place's name before 'in' and the place it lies in ('Kamchatka
    Peninsula in Russia')."""
    if toks[at].among(grammar.words("loc_head")):
        inside = [i for i in range(at + 1, len(toks)) if toks[i].among(grammar.words("place_in"))]
        if inside:
            toks = toks[: inside[0]]
    for i in range(at + 1, len(toks) - 1):
        if toks[i].among(grammar.words("role")) and _person_evidence(toks[i + 1 :]):
            end = i
            while end > at + 1 and toks[end - 1].among(grammar.words("connector")):
                end -= 1
            return end
    return len(toks)


def _head_start(toks: list[Token], at: int, grammar: Grammar) -> int:
    """Where the name headed at ``at`` begins: after a role ('Premier Olzhas Bektenov Government' -> 'Government',
    but 'Foreign Ministry' stays whole), a stop word, or a person's full name ('Олжас Бектенов Үкімет')."""
    for i in range(at - 1, -1, -1):
        t = toks[i]
        if t.among(grammar.words("role")) and i + 1 < at:
            return i + 1
        stop = t.cap and t.among(grammar.words("stop")) and not t.among(grammar.words("role"))
        if stop and not _event_place(toks, i, grammar):
            return i + 1
        if lower_compound(t.base):
            return i + 1
        if i > 0 and is_surname_shaped(t.base) and _given(toks[i - 1]):
            return i + 1
    return 0


def _split_names(toks: list[Token], grammar: Grammar) -> list[tuple[list[Token], bool]]:
    """Split a run without a head at stop words and roles: (tokens, a role stands before them)."""
    out: list[tuple[list[Token], bool]] = []
    current: list[Token] = []
    role = False
    for t in toks:
        kind = _breaker(t, grammar)
        if kind:
            if current:
                out.append((current, role))
            current = []
            role = kind == "role"
            continue
        if current and (
            (is_surname_shaped(current[-1].base) and not _given(t) and not is_patronymic(t.base))
            or (t.case in grammar.words("place_case") and "Geox" in _tags(t.base))
        ):
            out.append((current, role))  # 'Құлаев Мәскеуге', 'Kulayev Putin', 'Ердоған Сочиде'
            current, role = [], False
        current.append(t)
    if current:
        out.append((current, role))
    return out


@functools.lru_cache(maxsize=50_000)
def _tags(word: str) -> frozenset[str]:
    """Proper-noun tags (Name, Surn, Patr, Geox, Orgn) of a word the Russian dictionary knows, read through the
    transliteration tables: 'Sergey' -> Name, 'Putin' -> Surn, 'Almaty' -> Geox."""
    out: set[str] = set()
    analyzer = morph("ru")
    for form in to_cyrillic(word):
        if not analyzer.word_is_known(form):
            continue
        for p in morph_parses(form, "ru"):
            grammemes = p.tag.grammemes
            if p.score < 0.1 or "plur" in grammemes:
                continue
            if "Name" in grammemes and "nomn" not in grammemes:
                continue
            out |= grammemes & (NAME_TAGS | {"Geox", "Orgn"})
    return frozenset(out)


def _given(token: Token) -> bool:
    first = HYPHENS.split(token.base)[0]
    return (
        name_key(token.base) in first_names() or name_key(first) in first_names() or "Name" in _tags(first)
    ) and token.cap


def _listed_given(token: Token) -> bool:
    """A first name on its own: from the name lists, or (Cyrillic) a first name only in the dictionary."""
    if name_key(token.base) in first_names():
        return True
    tags = _tags(token.base)
    return not is_latin(token.base) and "Name" in tags and "Surn" not in tags


def _person_evidence(toks: list[Token]) -> bool:
    last = toks[-1].base
    if len(toks) > 1 and _given(toks[0]):
        return True
    if len(toks) == 1 and _listed_given(toks[0]):
        return True
    if any(is_patronymic(t.base) for t in toks[1:]):
        return True
    return is_surname_shaped(last) or bool({"Surn", "Patr"} & _tags(last)) or (len(toks) > 1 and _given(toks[-1]))


def _typed(toks: list[Token], role_before: bool, grammar: Grammar, text: str, after: Token | None) -> Piece:
    piece = Piece(toks)
    if len(toks) == 1 and is_acronym(toks[0].base) and len(toks[0].base) <= MAX_ACRONYM:
        piece.kind, piece.strong = "ORG", True
        return piece
    role_after = after is not None and after.among(grammar.words("role_after"))
    if role_before or role_after:
        piece.kind, piece.strong = "PER", True
        return piece
    if _person_evidence(toks):
        piece.kind, piece.strong = "PER", True
        return piece
    if len(toks) > 1 and any(known_type(t.base, grammar.lang) == "LOC" for t in toks):
        # 'North Kazakhstan' is a place, 'Air Astana' an organisation
        modifiers = grammar.words("place_modifier")
        place = all(t.among(modifiers) or known_type(t.base, grammar.lang) for t in toks)
        piece.kind, piece.strong = ("LOC" if place else "ORG"), True
        return piece
    last = toks[-1].base
    tags = _tags(last) if grammar.dictionary_places and not is_latin(last) else frozenset()
    if "Geox" in tags or (after is not None and after.among(grammar.words("generic_after"))):
        piece.kind, piece.strong = "LOC", True
        return piece
    if "Orgn" in tags:
        piece.kind, piece.strong = "ORG", True
        return piece
    if len(toks) == 1 and (toks[0].case in grammar.words("place_case") or _place_prep(text, toks[0], grammar)):
        piece.kind = "LOC"
    return piece


def _place_prep(text: str, token: Token, grammar: Grammar) -> bool:
    """'in Astana': the word before ``token`` is a place preposition; 'the village of Ulken', 'north of Astana':
    'of' after a word that names a kind of place or a direction."""
    m = _WORD_BEFORE.search(text[max(0, token.start - 30) : token.start])
    if m is not None and m.group(1).lower() in grammar.words("place_prep"):
        return True
    m = _PLACE_OF.search(text[max(0, token.start - 40) : token.start])
    return m is not None and m.group(1).lower() in grammar.words("place_of")


def pieces(text: str, toks: list[Token], grammar: Grammar) -> list[Piece]:
    out: list[Piece] = []
    for first, last in runs(text, toks, grammar):
        run = toks[first:last]
        before = toks[first - 1] if first > 0 and joined(text, toks[first - 1], toks[first]) else None
        role_before = before is not None and before.among(grammar.words("role"))
        for part in _carve_known(run, grammar):
            if isinstance(part, Piece):
                out.append(part)
                role_before = False
                continue
            for segment in _split_connectors(part, grammar):
                out += _segment_pieces(text, toks, segment, grammar, role_before and segment[0] is run[0])
            role_before = False
    return out


def _segment_pieces(
    text: str, toks: list[Token], rest: list[Token], grammar: Grammar, role_before: bool
) -> list[Piece]:
    """Pieces of a run's segment: a headed name, the names before and after it."""
    out: list[Piece] = []
    while rest:
        found = _head_piece(rest, grammar)
        if found is None:
            for name, role in _split_names(_strip_stops(rest, grammar), grammar):
                if all(is_head(t, grammar) for t in name):
                    continue
                role = role or (role_before and name[0] is rest[0])
                out.append(_typed(name, role, grammar, text, _next_token(text, toks, name[-1])))
            break
        before, piece, rest = found
        if before:
            out += _segment_pieces(text, toks, before, grammar, role_before)
        out.append(piece)
        role_before = False
    return out


def _split_connectors(toks: list[Token], grammar: Grammar) -> list[list[Token]]:
    """'John Smith of Oxford University' -> 'John Smith', 'Oxford University': 'of', 'and'... join words only
    after an organisation's or place's head ('Bank of England')."""
    out: list[list[Token]] = [[]]
    connectors, coord = grammar.words("connector"), grammar.words("coord")
    for t in toks:
        if t.among(connectors) and not t.cap:
            headed = any(is_head(x, grammar) for x in out[-1])
            inside = any(x.among(connectors) and not x.among(coord) for x in out[-1])
            if not headed or (t.among(coord) and not inside):  # 'SpaceX and Blue Origin' are two
                out.append([])
                continue
        out[-1].append(t)
    return [seg for seg in out if seg]


def _next_token(text: str, toks: list[Token], token: Token) -> Token | None:
    i = token.index
    return toks[i + 1] if i + 1 < len(toks) and joined(text, token, toks[i + 1]) else None
