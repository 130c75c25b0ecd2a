"""One BLAS/OpenMP thread per process. The article stages are many small matrix products (natasha's CNN
tagger): extra BLAS threads only spin and burn CPU time beside them, and the engines get their parallelism
from worker processes. Measured on 200 SlavicNER articles, natasha's tagger: 7.8 CPU-seconds with the
default OpenBLAS threads, 2.8 with one, the same spans."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_thread() -> None:
    """In a worker process: ask for one BLAS thread, unless the user set a count, through the environment
    before numpy loads and through threadpoolctl once it has."""
    if any(name in os.environ for name in _VARIABLES):
        return
    for name in _VARIABLES:
        os.environ[name] = "1"
    if "numpy" in sys.modules:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1)


@contextmanager
def one_thread_here() -> Iterator[None]:
    """In the caller's process: one BLAS thread while the block runs, the previous limits after it."""
    if any(name in os.environ for name in _VARIABLES):
        yield
        return
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield
