"""Web addresses as the project reads them."""

from __future__ import annotations

from urllib.parse import urlsplit


def host(url: str | None) -> str:
    """The host of ``url`` (lower case, without a leading 'www.'); '' when it has none or cannot be read
    ('http://[broken' raises in ``urlsplit``)."""
    try:
        name = urlsplit(url or "").hostname or ""
    except ValueError:
        return ""
    return name.removeprefix("www.")
