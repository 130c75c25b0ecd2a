"""Errors as RFC 9457 problem details (``application/problem+json``), for every error the service answers:
its own, FastAPI's validation errors, unknown routes and methods, and anything unexpected (500)."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("syuzhet.api")


class Problem(BaseModel):
    type: str = Field(default="about:blank", description="A URI naming the kind of problem.")
    title: str = Field(description="Short, the same for every problem of this kind.",
                       examples=["Story not found"])
    status: int = Field(description="The HTTP status code.", examples=[404])
    detail: str | None = Field(default=None, description="What went wrong with this request.",
                               examples=["no story 'sa1b2c3d4e5f6a7b8' in the store"])
    errors: list[dict[str, Any]] | None = Field(default=None, description="Each invalid parameter, for a 422.")


class ProblemError(Exception):
    def __init__(self, status: int, detail: str | None = None, title: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(detail or title)
        self.status, self.detail, self.headers = status, detail, headers or {}
        self.title = title or HTTPStatus(status).phrase


def problem_response(status: int, detail: str | None = None, title: str | None = None,
                     headers: dict[str, str] | None = None, errors: list[dict[str, Any]] | None = None) -> JSONResponse:
    body = Problem(title=title or HTTPStatus(status).phrase, status=status, detail=detail, errors=errors)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, media_type=MEDIA_TYPE,
                        headers=headers)


def problem_bytes(status: int, detail: str) -> bytes:
    """The body of a problem answered outside FastAPI (by the ASGI limits)."""
    return Problem(title=HTTPStatus(status).phrase, status=status, detail=detail).model_dump_json(
        exclude_none=True).encode("utf-8")


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of a route: these statuses documented as problems."""
    return {s: {"model": Problem, "description": HTTPStatus(s).phrase,
                "content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}} for s in statuses}


def install(app: FastAPI) -> None:
    async def own(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ProblemError)
        return problem_response(exc.status, exc.detail, exc.title, exc.headers)

    async def http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        detail = exc.detail if isinstance(exc.detail, str) else None
        return problem_response(exc.status_code, detail, headers=dict(exc.headers or {}))

    async def invalid(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))} for e in exc.errors()]
        where = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors)
        return problem_response(422, where or "invalid request", errors=errors)

    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem_response(500, f"unexpected error ({type(exc).__name__})")

    app.add_exception_handler(ProblemError, own)
    app.add_exception_handler(HTTPException, http)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, unexpected)
