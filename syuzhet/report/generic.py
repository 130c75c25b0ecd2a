"""Rendering story fields whose shape this report does not know in advance (framing, outlets, anything a
later stage adds): strings as text, article ids as citations, lists of records as tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

Cite = Callable[[str], Markup | None]
MAX_COLUMNS, MAX_DEPTH = 8, 4


def _label(key: str) -> str:
    return key.replace("_", " ")


def value_html(value: Any, cite: Cite, depth: int = 0) -> Markup:
    """Any JSON value as escaped HTML; strings that are article ids become citation links."""
    if value is None or value == "" or value == [] or value == {}:
        return Markup('<span class="muted">—</span>')
    if isinstance(value, bool):
        return Markup("yes" if value else "no")
    if isinstance(value, int | float):
        return escape(str(value))
    if isinstance(value, str):
        return cite(value) or escape(value)
    if depth >= MAX_DEPTH:
        return escape(str(value)[:200])
    if isinstance(value, dict):
        return _dict_html(value, cite, depth)
    if isinstance(value, list):
        if all(isinstance(item, dict) for item in value):
            return table_html(value, cite, depth)
        cited = [cite(item) if isinstance(item, str) else None for item in value]
        if all(cited):
            return Markup(" ").join(c for c in cited if c)
        if all(isinstance(item, str | int | float) for item in value):
            return Markup(", ").join(escape(str(item)) for item in value)
        items = Markup("").join(Markup("<li>{}</li>").format(value_html(i, cite, depth + 1)) for i in value)
        return Markup('<ul class="plain">{}</ul>').format(items)
    return escape(str(value))


def _dict_html(value: dict[str, Any], cite: Cite, depth: int) -> Markup:
    if value and all(isinstance(item, dict) for item in value.values()):
        rows = [{"": key, **item} for key, item in value.items()]
        return table_html(rows, cite, depth)
    items = Markup("").join(
        Markup("<dt>{}</dt><dd>{}</dd>").format(cite(str(k)) or _label(str(k)), value_html(v, cite, depth + 1))
        for k, v in value.items()
    )
    return Markup('<dl class="kv">{}</dl>').format(items)


def table_html(rows: list[dict[str, Any]], cite: Cite, depth: int = 0) -> Markup:
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns and len(columns) < MAX_COLUMNS:
                columns.append(key)
    head = Markup("").join(Markup("<th>{}</th>").format(_label(str(c))) for c in columns)
    body = Markup("").join(
        Markup("<tr>{}</tr>").format(
            Markup("").join(Markup("<td>{}</td>").format(value_html(row.get(c), cite, depth + 1)) for c in columns)
        )
        for row in rows
    )
    return Markup('<div class="scroll"><table class="generic"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>'
                  "</div>").format(head, body)
