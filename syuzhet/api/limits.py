"""Limits enforced before a request reaches a handler, as plain ASGI middleware (no per-request task or
buffering): a per-client rate limit (token bucket; 429 with ``Retry-After``) and a body size limit (413, from
``Content-Length`` at once, or as soon as a streamed body passes the limit)."""

from __future__ import annotations

import math
import time
from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from syuzhet.api.problems import MEDIA_TYPE, problem_bytes
from syuzhet.api.tokens import hash_token

EXEMPT = ("/healthz",)
MAX_CLIENTS = 10_000  # buckets kept; the least recently seen client is forgotten first


async def _answer(send: Send, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
    body = problem_bytes(status, detail)
    raw = [(b"content-type", MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


def client_key(scope: Scope) -> str:
    """A client is its bearer token when it sends one, else its address."""
    for name, value in scope.get("headers", ()):
        if name == b"authorization" and value[:7].lower() == b"bearer ":
            return "token:" + hash_token(value[7:].decode("latin-1").strip())
    client = scope.get("client")
    return "addr:" + (client[0] if client else "?")


class RateLimit:
    def __init__(self, app: ASGIApp, rate: float, burst: int) -> None:
        self.app, self.rate, self.burst = app, rate, max(1, burst)
        self.buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, at)

    def take(self, key: str, now: float) -> float:
        """0 if the request may go, else the seconds until it may."""
        tokens, at = self.buckets.pop(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - at) * self.rate)
        wait = 0.0 if tokens >= 1 else (1 - tokens) / self.rate
        self.buckets[key] = (tokens - 1 if not wait else tokens, now)
        while len(self.buckets) > MAX_CLIENTS:
            self.buckets.popitem(last=False)
        return wait

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.rate <= 0 or scope["path"] in EXEMPT:
            await self.app(scope, receive, send)
            return
        wait = self.take(client_key(scope), time.monotonic())
        if wait:
            seconds = max(1, math.ceil(wait))
            await _answer(send, 429, f"rate limit: {self.rate:g} requests per second, bursts of {self.burst}; "
                                     f"retry in {seconds} s", {"Retry-After": str(seconds)})
            return
        await self.app(scope, receive, send)


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        detail = f"request body over the limit of {self.max_bytes} bytes"
        length = dict(scope.get("headers", ())).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await _answer(send, 413, detail)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except _TooLarge:
            if not started:
                await _answer(send, 413, detail)


class _TooLarge(Exception):
    pass
