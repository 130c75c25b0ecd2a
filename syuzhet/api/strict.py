"""Query parameters a route does not declare are refused (422) rather than ignored: ``?lnag=uk`` would
otherwise list every story as if no filter had been asked for."""

from __future__ import annotations

from fastapi import Request
from fastapi.routing import APIRoute

from syuzhet.api.problems import ProblemError


def known_query(request: Request) -> None:
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = {p.alias for p in route.dependant.query_params}
    for dependency in route.dependant.dependencies:
        known |= {p.alias for p in dependency.query_params}
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise ProblemError(422, f"unknown query parameter {', '.join(map(repr, unknown))}; this operation takes "
                                f"{', '.join(sorted(known)) or 'none'}")
