"""Who published an article. ``article.outlet`` when the reader found one; else the domain of its URL; else
the source itself (file name, or ``file#N`` for the N-th item of a JSONL file or feed), so two articles of
unknown outlet are never counted as one outlet. (A folder name is not used: a folder of dumps usually holds
many outlets, and per-topic or per-language folders are common.)"""

from __future__ import annotations

from pathlib import PurePath

from syuzhet.model import Article
from syuzhet.urls import host


def outlet_of(article: Article) -> str:
    if article.outlet and article.outlet.strip():
        return article.outlet.strip()
    if site := host(article.url):
        return site
    path, _, item = article.source.partition("#")
    name = PurePath(path).name or path
    return f"{name}#{item}" if item else name
