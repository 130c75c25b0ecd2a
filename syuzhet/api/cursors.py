"""Opaque cursors: the position a page or a feed continues from, as URL-safe base64 of compact JSON. A cursor
that does not decode, or was made for other filters, is a client error (``CursorError``)."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any


class CursorError(ValueError):
    pass


def encode(state: dict[str, Any]) -> str:
    raw = json.dumps(state, separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode(cursor: str) -> dict[str, Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        state = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError) as err:
        raise CursorError("the cursor is not one this server made") from err
    if not isinstance(state, dict):
        raise CursorError("the cursor is not one this server made")
    return state


def field(state: dict[str, Any], key: str, kind: type) -> Any:
    value = state.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise CursorError("the cursor is not one this server made")
    return value


def page_position(cursor: str, asked: dict[str, Any], other: str) -> tuple[int, list[Any]]:
    """The snapshot (``upto``) and the last sort key (two values, the second a row number) a page cursor made by
    ``next_page`` carries; ``other`` says what a cursor made for another request (``asked``) was made for."""
    state = decode(cursor)
    upto = field(state, "upto", int)
    key = field(state, "key", list)
    if state.get("asked") != asked:
        raise CursorError(other)
    if len(key) != 2 or not isinstance(key[1], int):
        raise CursorError("the cursor is not one this server made")
    return upto, key


def next_page(upto: int, key: tuple[Any, ...] | list[Any], asked: dict[str, Any]) -> str:
    """The cursor of the page after the one whose last row has sort key ``key``."""
    return encode({"upto": upto, "key": list(key), "asked": asked})
