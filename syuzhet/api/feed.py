"""What the changes feed waits on: one watcher per server looks at the store's latest story member a few times
a second (whoever writes: this server's worker or a `syuzhet ingest` beside it) and wakes every long-poll and
event stream waiting past it. Waiting clients cost nothing but an asyncio wait; the store is read once per
look, not once per client."""

from __future__ import annotations

import asyncio
import contextlib

from starlette.concurrency import run_in_threadpool

from syuzhet.api.deps import StorePool
from syuzhet.store.pages import snapshot

POLL = 0.25  # seconds between looks at the store


class Feed:
    def __init__(self, pool: StorePool, poll: float = POLL) -> None:
        self.pool, self.poll = pool, poll
        self.latest = -1  # the latest member row seen (-1: not looked yet)
        self.moved = asyncio.Event()  # set, and replaced, whenever ``latest`` moves
        self.task: asyncio.Task[None] | None = None

    def _look(self) -> int:
        with self.pool.reader() as store:
            return snapshot(store.db)

    async def _watch(self) -> None:
        while True:
            with contextlib.suppress(Exception):  # a store that cannot be read now is looked at again later
                latest = await run_in_threadpool(self._look)
                if latest != self.latest:
                    self.latest = latest
                    self.moved.set()
                    self.moved = asyncio.Event()
            await asyncio.sleep(self.poll)

    def start(self) -> None:
        self.task = asyncio.get_running_loop().create_task(self._watch())

    async def stop(self) -> None:
        if self.task:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task

    async def past(self, after: int, timeout: float) -> bool:
        """Wait until a member after row ``after`` is seen, at most ``timeout`` seconds; whether one was."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self.latest <= after:
            left = deadline - loop.time()
            if left <= 0:
                return False
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.moved.wait(), left)
        return True
