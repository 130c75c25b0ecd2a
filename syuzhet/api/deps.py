"""Dependencies: a read connection to the store for the length of one request, and write access (a known
bearer token, and a server not started read-only).

SQLite in WAL mode lets any number of readers go on while the one writer commits. Each request takes a
read-only connection from a pool and reads inside one transaction, so everything it reads comes from one
state of the store, however many articles are committed meanwhile."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from syuzhet.api.problems import ProblemError
from syuzhet.api.settings import Settings
from syuzhet.api.tokens import check
from syuzhet.store import Store, StoreError


class StorePool:
    def __init__(self, path: Path, size: int) -> None:
        self.path, self.size = path, size
        self.idle: queue.LifoQueue[Store] = queue.LifoQueue()  # at most ``size`` kept open between requests
        self.verified = False

    def _take(self) -> Store:
        """An idle connection, or a new one: never wait, since a request that waits for a connection would hold
        the worker thread that the request holding the connection needs to finish (the pool deadlocks). The
        store's pages are verified by the first connection only (a whole-file read)."""
        try:
            return self.idle.get_nowait()
        except queue.Empty:
            store = Store(self.path, read_only=True, verify=not self.verified)
            self.verified = True
            return store

    def fill(self) -> None:
        """Open the pool's connections now, so the first burst of requests finds them open (opening one reads the
        schema: a burst of opens stalls every request for a few hundred ms)."""
        opened = [self._take() for _ in range(self.size - self.idle.qsize())]
        for store in opened:
            self._give_back(store)

    def _give_back(self, store: Store) -> None:
        if self.idle.qsize() < self.size:
            self.idle.put(store)
        else:
            store.close()

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A read-only store whose reads all see one committed state."""
        try:
            store = self._take()
        except StoreError as err:
            raise ProblemError(503, f"the store cannot be read now ({err})") from err
        store.db.execute("BEGIN")
        try:
            yield store
        finally:
            store.db.execute("COMMIT")
            self._give_back(store)

    def close(self) -> None:
        while True:
            try:
                self.idle.get_nowait().close()
            except queue.Empty:
                return


def settings(request: Request) -> Settings:
    value: Settings = request.app.state.settings
    return value


def store(request: Request) -> Iterator[Store]:
    pool: StorePool = request.app.state.pool
    with pool.reader() as opened:
        yield opened


ReadStore = Annotated[Store, Depends(store)]
_bearer = HTTPBearer(auto_error=False, description="A token made by `syuzhet token`; needed for writes.")


def writer(request: Request,
           credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> str:
    """The name of the caller's token; 403 on a read-only server, 401 without a known token."""
    config = settings(request)
    if config.read_only:
        raise ProblemError(403, "this server was started with --read-only: it takes no writes")
    challenge = {"WWW-Authenticate": 'Bearer realm="syuzhet"'}
    if credentials is None:
        raise ProblemError(401, "writes need 'Authorization: Bearer TOKEN' (tokens: `syuzhet token`)",
                           headers=challenge)
    name = check(credentials.credentials, config.tokens)
    if name is None:
        raise ProblemError(401, "unknown token", headers=challenge)
    return name


Writer = Annotated[str, Depends(writer)]
