"""syuzhet as an HTTP service over the store (``syuzhet serve``): FastAPI + uvicorn, from the ``api`` extra.

One router per resource (``routers/``), pydantic models as the schema (``models.py``; the OpenAPI document is
generated from them), dependencies for the store handle and for write access (``deps.py``). Handlers call
what the CLI calls: ``Store`` and its page and lookup queries, ``describe_stories``, ``render_report`` and,
for ingest, the pipeline with ``STORE_STAGES`` followed by ``Store.add_analysis`` (``writer.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from syuzhet.api.settings import Settings

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["Settings", "create_app"]


def create_app(settings: Settings) -> FastAPI:
    """The FastAPI application over ``settings.db``; a clear error naming the extra when FastAPI is missing."""
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ModuleNotFoundError as missing:
        raise ModuleNotFoundError(
            f"syuzhet serve needs the 'api' extra ({missing.name} is missing): pip install 'syuzhet[api]'"
        ) from missing
    from syuzhet.api.app import create_app as make

    return make(settings)
