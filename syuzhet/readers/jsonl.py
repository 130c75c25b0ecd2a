"""JSON Lines (or a JSON array): one article per item, with ``text`` or ``html`` and optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from syuzhet.model import Article
from syuzhet.problems import InputError, Problem
from syuzhet.readers.html import read_html

_META = ("title", "subtitle", "date", "url", "outlet", "author", "lang")
_ALIASES = {"outlet": ("source_name", "site", "sitename", "publisher"), "date": ("published", "pubdate")}


def read_jsonl(label: str, content: str) -> Iterator[Article | Problem]:
    stripped = content.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except json.JSONDecodeError as err:
            yield Problem(label, f"not valid JSON: {err.msg} (line {err.lineno})")
            return
        except (ValueError, RecursionError) as err:
            yield Problem(label, f"not usable JSON: {_why(err)}")
            return
        if not isinstance(items, list):
            items = [items]
        for n, item in enumerate(items, 1):
            yield _item(f"{label}#{n}", item)
        return
    n = 0
    for lineno, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        n += 1
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            yield Problem(f"{label}#{n}", f"line {lineno} is not valid JSON: {err.msg}")
            continue
        except (ValueError, RecursionError) as err:  # nested too deep, a number too long to convert
            yield Problem(f"{label}#{n}", f"line {lineno} is not usable JSON: {_why(err)}")
            continue
        yield _item(f"{label}#{n}", item)


def _why(err: Exception) -> str:
    if isinstance(err, RecursionError):
        return "nested too deeply"
    return str(err).split(";")[0][:120]


def _item(source: str, item: Any) -> Article | Problem:
    if not isinstance(item, dict):
        return Problem(source, "item is not a JSON object")
    hints = {key: str(value) for key in _META if isinstance(value := _field(item, key), str | int | float)}
    try:
        if isinstance(item.get("html"), str) and item["html"].strip():
            article = read_html(source, item["html"], url=hints.get("url"))
            article.hints = {**article.hints, **hints}
            return article
    except InputError as err:
        return Problem(source, str(err))
    text = item.get("text") or item.get("content") or item.get("body")
    if not isinstance(text, str) or not text.strip():
        return Problem(source, "no non-empty 'text' or 'html' field")
    return Article(source=source, raw=text, fmt="jsonl", hints=hints)


def _field(item: dict[str, Any], key: str) -> Any:
    for name in (key, *_ALIASES.get(key, ())):
        value = item.get(name)
        if value not in (None, ""):
            return value
    return None
