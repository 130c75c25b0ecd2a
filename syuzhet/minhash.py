"""MinHash signatures of a set of strings, the hash values of datasketch's ``MinHash`` (its default "affine32"
scheme: SHA-1's first 4 bytes, the 32-bit MurmurHash3 finalizer, then ``a * h + b`` modulo 2**32 per
permutation, ``a`` odd; the permutations drawn from numpy's ``RandomState(seed)`` as datasketch draws them).

Our own because importing ``datasketch`` imports every sketch it has, and through its LSH classes scipy:
~0.4 CPU-s per process for the one class used here. The values are datasketch's bit for bit (stores written
with it keep their near-duplicate band keys; ``tests/test_dedupe.py`` compares the two)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache

import numpy as np
import numpy.typing as npt

_U32 = np.uint32
_FMIX = (_U32(16), _U32(0x85EBCA6B), _U32(13), _U32(0xC2B2AE35), _U32(16))


@cache
def permutations(num_perm: int, seed: int) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint32]]:
    """The ``a`` (odd) and ``b`` of each permutation, drawn in datasketch's order."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=_U32) * _U32(2) + _U32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=_U32)
    return a, b


def _fmix(hv: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    s1, m1, s2, m2, s3 = _FMIX
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def hash_values(items: Iterable[bytes], num_perm: int, seed: int) -> npt.NDArray[np.uint32]:
    """The signature of ``items``: per permutation the least permuted hash (2**32 - 1 for no items)."""
    raw = [int.from_bytes(hashlib.sha1(item).digest()[:4], "little") for item in items]
    if not raw:
        return np.full(num_perm, 0xFFFFFFFF, dtype=_U32)
    a, b = permutations(num_perm, seed)
    hv = _fmix(np.array(raw, dtype=_U32).reshape(-1, 1))
    values: npt.NDArray[np.uint32] = (hv * a + b).min(axis=0)
    return values
