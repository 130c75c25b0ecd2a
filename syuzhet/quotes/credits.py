"""own_outlet_credit: the article's outlet crediting its own report is no quotation ('..., передает
<this outlet>', '<this outlet> reports', '..., деп хабарлайды <this outlet>'): a find whose speaker words
name the outlet the article came from (its ``outlet`` hint, else its url's host) is dropped, and a person
mention naming the outlet ('Цензор', a tagger's mistake) is no antecedent of the pronouns after it. Names
are compared through ``stories.text.fold`` (Latin transliterated), with 'ц'/'к' and 'з'/'с' told apart by
no outlet ('Цензор' is 'censor')."""

from __future__ import annotations

import re

from syuzhet.data import phrases
from syuzhet.model import Article
from syuzhet.stories.text import fold
from syuzhet.urls import host

_SAME = str.maketrans({"ц": "к", "з": "с", "ы": "и", "й": "и"})


def own_outlet(article: Article) -> frozenset[str]:
    """Comparison keys of the outlet's name: the words of its hint and its host's labels ('censor.net')."""
    names = [article.hints.get("outlet", "")]
    if site := host(article.hints.get("url")):
        names.append(site)
    keys = {_key(w) for name in names for w in _name_words(name) if w.lower() not in phrases("quotes/outlet_not_names")}
    return frozenset(k for k in keys if len(k) >= 2)


def _name_words(name: str) -> list[str]:
    """The words of a name; of a domain ('censor.net', 'News.az'), its labels but the last."""
    if re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", name.strip()):
        return name.strip().split(".")[:-1]
    return re.findall(r"\w+", name)


def names_outlet(words: str, keys: frozenset[str]) -> bool:
    """Whether speaker words ('Цензор.НЕТ', 'корреспондент Zakon') name the article's own outlet."""
    return bool(keys) and any(_key(w) in keys for w in re.findall(r"\w+", words))


def _key(word: str) -> str:
    return fold(word).translate(_SAME)
