"""Serializers schemathesis lacks for the ingest bodies: JSON Lines, and pages and feeds sent as text. On the
wire such a body is always text, so a generated non-string value (a 'wrong type' body) has no text form: it is
sent as an empty body, which the server refuses (400)."""

from __future__ import annotations

from typing import Any

import schemathesis


@schemathesis.serializer("application/x-ndjson", "text/html", "application/rss+xml", "application/atom+xml")
def as_text(ctx: Any, value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    return value.encode("utf-8") if isinstance(value, str) else b""
