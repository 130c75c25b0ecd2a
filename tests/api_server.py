"""A real ``syuzhet serve`` for the API tests: a subprocess on a free loopback port over a real SQLite file."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, db: Path, process: subprocess.Popen[bytes], port: int, log: Path) -> None:
        self.db, self.process, self.port, self.log = db, process, port, log
        self.url = f"http://127.0.0.1:{port}"

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kwargs)  # type: ignore[arg-type]

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Signal the server and its ingest worker (one process group)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, sig)
        self.process.wait(timeout=60)


@contextmanager
def serving(db: Path, *args: str, ready: bool = False, timeout: float = 120) -> Iterator[Server]:
    """``syuzhet serve --db DB ARGS`` until the block ends; with ``ready``, wait until the ingest worker has
    its models loaded."""
    port = free_port()
    log = db.with_suffix(f".{port}.log")
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "syuzhet", "serve", "--db", str(db), "--port", str(port), *args],
            stdout=sink, stderr=subprocess.STDOUT, start_new_session=True,
        )
    server = Server(db, process, port, log)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"syuzhet serve exited: {log.read_text(errors='replace')}")
            try:
                health = httpx.get(server.url + "/healthz", timeout=5).json()
                if not ready or health["ingest"] == "ready":
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"syuzhet serve did not come up: {log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield server
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
